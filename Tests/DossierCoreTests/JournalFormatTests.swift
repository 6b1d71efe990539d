import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The journal lines of format 2: field edits, contacts and links, undo and redo, imports — each line
/// valid against the published schema, and replayed to the same dossier.
@Suite("The journal of format 2")
struct JournalFormatTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
    }

    @Test("every new kind of change is journaled with its field edits and old → new in words, valid against the schema, and replays")
    func journaledAndValid() throws {
        let store = DossierStore(path: path)
        try store.openForWriting(actor: "tester")
        var dossier = try store.load()
        let edits = [FieldEdit(field: "estimatedCostCents", old: .number(250_000), new: .number(300_000)),
                     FieldEdit(field: "countries", old: .list(["FR"]), new: .list(["FR", "DK"]))]
        var undo = try store.commit(.editActivity("missie-lyon", edits), to: &dossier, context: Fixtures.context)
        try store.commit(.editRelation("bom", [FieldEdit(field: "countries", old: .list([]), new: .list(["DK"]))]), to: &dossier, context: Fixtures.context)
        try store.commit(.addContact(.relation("bom"), Contact(name: "Thijs Taminiau", email: "t.taminiau@bom.nl", consultedForFramework: true)),
                         to: &dossier, context: Fixtures.context)
        try store.commit(.editContact(.relation("bom"), "thijs-taminiau", [FieldEdit(field: "phone", old: .text(""), new: .text("013 123 45 67"))]),
                         to: &dossier, context: Fixtures.context)
        try store.commit(.addLink(.activity("missie-lyon"), Link(label: "Uitnodiging BOM", target: .url("https://www.bom.nl/missie"))),
                         to: &dossier, context: Fixtures.context)
        try store.commit(.removeLink(.activity("missie-lyon"), "uitnodiging-bom"), to: &dossier, context: Fixtures.context)
        try store.commit(.removeContact(.relation("bom"), "thijs-taminiau"), to: &dossier, context: Fixtures.context)
        undo.purpose = .undo
        try store.commit(.restore(undo), to: &dossier, context: Fixtures.context)
        try store.commit(.batch([.editActivity("delegatie-uit-lyon", [FieldEdit(field: "notes", old: .text(""), new: .text("Verslag volgt"))])],
                                label: "Import uit activiteiten.csv"), to: &dossier, context: Fixtures.context)
        try store.commit(.editFollowUp("delegatie-uit-lyon", FollowUpPlace(seen: FollowUp(text: "Uitnodiging terugbezoek", isDone: true)),
                                       [FieldEdit(field: "due", old: .none, new: .text("2027-03-01")), FieldEdit(field: "owner", old: .text(""), new: .text("Kees"))]),
                         to: &dossier, context: Fixtures.context)
        try store.commit(.removeFollowUp("delegatie-uit-lyon", try #require(FollowUpPlace(0, in: dossier.activity("delegatie-uit-lyon")?.followUps ?? []))),
                         to: &dossier, context: Fixtures.context)
        try store.commit(.setFollowUpDone("delegatie-uit-lyon", index: 0, isDone: false,
                                          seen: FollowUpPlace(0, in: dossier.activity("delegatie-uit-lyon")?.followUps ?? [])),
                         to: &dossier, context: Fixtures.context)

        let history = try store.history()
        #expect(history.map(\.summary) == [
            "Activiteit bewerkt: Handelsmissie Lyon",
            "Relatie bewerkt: BOM — Land: – → Denemarken",
            "Contactpersoon toegevoegd bij BOM: Thijs Taminiau",
            "Contactpersoon bewerkt bij BOM: Thijs Taminiau — Telefoon: – → 013 123 45 67",
            "Link toegevoegd bij Handelsmissie Lyon: Uitnodiging BOM",
            "Link verwijderd bij Handelsmissie Lyon: Uitnodiging BOM",
            "Contactpersoon verwijderd bij BOM: Thijs Taminiau",
            "Ongedaan gemaakt: Handelsmissie Lyon: landen Frankrijk, Denemarken → Frankrijk; geraamde kosten € 3.000,00 → € 2.500,00",
            "Import uit activiteiten.csv (1 wijziging)",
            "Vervolgactie bewerkt bij Delegatie uit Lyon: Uitnodiging terugbezoek",
            "Vervolgactie verwijderd bij Delegatie uit Lyon: Verslag naar de wethouder",
            "Vervolgactie heropend bij Delegatie uit Lyon: Uitnodiging terugbezoek",
        ])
        #expect(history[0].details == ["Geraamde kosten: € 2.500,00 → € 3.000,00", "Landen: Frankrijk → Frankrijk, Denemarken"])
        #expect(history[7].details == ["Landen: Frankrijk, Denemarken → Frankrijk", "Geraamde kosten: € 3.000,00 → € 2.500,00"])
        #expect(history[8].details == ["Activiteit bewerkt: Delegatie uit Lyon — Toelichting: – → Verslag volgt"])
        #expect(history[9].details == ["Uiterlijk: – → 1-3-2027", "Wie: – → Kees"])

        let checked = try ExternalChecker.python([Repository.path("scripts/check-schema.py"), "--journal", Repository.path("docs/dossier.schema.json"),
                                                  directory.file("dossier.json.journal")])
        #expect(checked.status == 0, "install python3 with jsonschema: \(checked.standardOutput)\(checked.standardError)")
        #expect(try DossierStore(path: path).load() == dossier, "the journal replays to the same dossier")
    }

    @Test("a follow-up's id is the same live, replayed from the journal, after merging and in a file written before ids: editing its text keeps it")
    func followUpIDsAgree() throws {
        // A file of before ids: the follow-ups without them.
        let old = String(decoding: Fixtures.smallDossier().encoded(), as: UTF8.self)
            .replacingOccurrences(of: #"\{"id": "[a-z0-9-]+", "text""#, with: #"{"text""#, options: .regularExpression)
        #expect(!old.contains(#""id": "verslag-naar-de-wethouder""#))
        try directory.write("dossier.json", old)
        let store = DossierStore(path: path)
        try store.openForWriting(actor: "tester")
        var dossier = try store.load()
        let id = "delegatie-uit-lyon"
        #expect(dossier.activity(id)?.followUps.map(\.id) == ["verslag-naar-de-wethouder", "uitnodiging-terugbezoek"])
        for _ in 0..<2 { try store.commit(.addFollowUp(id, FollowUp(text: "Bellen")), to: &dossier, context: Fixtures.context) }
        let first = try #require(FollowUpPlace(2, in: dossier.activity(id)?.followUps ?? []))
        try store.commit(.editFollowUp(id, first, [FieldEdit(field: "text", old: .text("Bellen"), new: .text("Bellen met Lyon"))]),
                         to: &dossier, context: Fixtures.context)
        try store.commit(.removeFollowUp(id, try #require(FollowUpPlace(0, in: dossier.activity(id)?.followUps ?? []))), to: &dossier, context: Fixtures.context)
        let live = try #require(dossier.activity(id)?.followUps.map(\.id))
        #expect(live == ["uitnodiging-terugbezoek", "bellen", "bellen-2"])
        #expect(dossier.activity(id)?.followUps.map(\.text) == ["Uitnodiging terugbezoek", "Bellen met Lyon", "Bellen"])
        #expect(try DossierStore(path: path).load().activity(id)?.followUps.map(\.id) == live, "replayed from the journal")
        try store.compact(dossier, at: Fixtures.now)
        #expect(String(decoding: try directory.read("dossier.json"), as: UTF8.self).contains(#"{"id": "bellen", "text": "Bellen met Lyon""#))
        #expect(try DossierStore(path: path).load().activity(id)?.followUps.map(\.id) == live, "read from the merged file")
    }

    @Test("approvals in the journal are valid against the schema: a step with its decision, a visit added approved (its 'by' filled in on replay)")
    func approvalsValid() throws {
        let store = DossierStore(path: path)
        try store.openForWriting(actor: "tester")
        var dossier = try store.load()
        let visit = VisitDraft(relations: ["bom"], date: Fixtures.date("2027-02-01"), direction: .inkomend, delegationFrom: "Gent")
            .newActivity(in: dossier, today: Fixtures.context.today, approvedBy: "Besluit B&W 1 december 2026")
        #expect(visit.statusHistory.first?.by == "", "stamped when applied")
        try store.commit(.addActivity(visit), to: &dossier, context: Fixtures.context)
        try store.commit(.addActivity(Activity(id: "beurs", title: "Beurs", kind: .beurs, status: .idee, startDate: Fixtures.date("2027-05-01"))),
                         to: &dossier, context: Fixtures.context)
        try store.commit(.moveActivity("beurs", status: .inAfweging, reason: "", overrideReason: nil), to: &dossier, context: Fixtures.context)
        try store.commit(.moveActivity("beurs", status: .goedgekeurd, reason: "past", overrideReason: nil, decision: "Mandaat wethouder"),
                         to: &dossier, context: Fixtures.context)
        // Carried out with its actual cost in the same step: the schema takes it, and the log names the cost.
        try store.commit(.addActivity(Activity(id: "missie-gent", title: "Missie Gent", kind: .handelsmissie, status: .gepland, startDate: Fixtures.date("2026-11-02"),
                                               estimatedCost: Money(euros: 500),
                                               statusHistory: [StatusChange(date: Fixtures.date("2026-10-01"), from: nil, to: .gepland, reason: "", by: "t",
                                                                            decision: "Mandaat adviseur")])), to: &dossier, context: Fixtures.context)
        try store.commit(.moveActivity("missie-gent", status: .uitgevoerd, reason: "", overrideReason: nil, actualCost: Money(euros: 420)),
                         to: &dossier, context: Fixtures.context)
        #expect(try store.history().last?.details == ["Werkelijke kosten: – → € 420,00"])
        let checked = try ExternalChecker.python([Repository.path("scripts/check-schema.py"), "--journal", Repository.path("docs/dossier.schema.json"),
                                                  directory.file("dossier.json.journal")])
        #expect(checked.status == 0, "\(checked.standardOutput)\(checked.standardError)")
        #expect(try DossierStore(path: path).load() == dossier)
    }

    @Test("the schema refuses a journal line with a field edit of the wrong shape")
    func schemaRefuses() throws {
        let body = #"{"seq":1,"schemaVersion":2,"at":"2026-11-22T09:00:00Z","by":"t","today":"2026-11-22","summary":"x","change":{"type":"edit-relation","relation":"bom","edits":[{"field":"notes","old":""}]}}"#
        try directory.write("bad.journal", #"{"crc":"00000000","entry":"# + body + "}\n")
        let checked = try ExternalChecker.python([Repository.path("scripts/check-schema.py"), "--journal", Repository.path("docs/dossier.schema.json"),
                                                  directory.file("bad.journal")])
        #expect(checked.status == 1, "\(checked.standardOutput)\(checked.standardError)")
        #expect(checked.standardOutput.contains("regel 1"))
    }

    @Test("a hand-written add-contact or add-link without an id gets the slug of the name, made unique")
    func idsForHandWrittenChanges() throws {
        var dossier = Fixtures.smallDossier()
        for text in [#"{"type":"add-contact","relation":"pivot-park","contact":{"name":"Britta Driessen","role":"stagiair"}}"#,
                     #"{"type":"add-link","relation":"pivot-park","link":{"label":"Website","url":"https://www.pivotpark.nl"}}"#,
                     #"{"type":"add-link","relation":"pivot-park","link":{"label":"Website","path":"/mnt/gedeeld/pivot.pdf"}}"#] {
            let change = try JSONReader.read(Array(text.utf8)) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
            try dossier.apply(change, context: Fixtures.context)
        }
        let relation = try #require(dossier.relation("pivot-park"))
        #expect(relation.contacts.map(\.id) == ["britta-driessen", "britta-driessen-2"])
        #expect(relation.links.map(\.id) == ["website", "website-2"])
    }
}
