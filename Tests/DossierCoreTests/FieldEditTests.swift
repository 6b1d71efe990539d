import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Changes made field by field: each edit carries the value its editor saw, so an edit made on a stale
/// screen is refused instead of overwriting someone else's; the log says old → new.
@Suite("Field edits, contacts and links")
struct FieldEditTests {
    let context = Fixtures.context

    func edit(_ key: String, _ old: FieldValue, _ new: FieldValue) -> FieldEdit {
        FieldEdit(field: key, old: old, new: new)
    }

    @Test("a one-line field (title, name) read with line breaks (an editor, the command line) becomes one line; a note keeps its lines")
    func oneLineFields() throws {
        let dossier = Fixtures.smallDossier()
        let title = try #require(Activity.fields.field("title"))
        #expect(try title.parse("Twee\nregels", in: dossier) == .text("Twee regels"))
        #expect(try title.parse(" Beurs\r\n\r\n  Milaan \n", in: dossier) == .text("Beurs Milaan"))
        #expect(try Relation.fields.field("name")?.parse("Regio\nLyon", in: dossier) == .text("Regio Lyon"))
        #expect(try Activity.fields.field("notes")?.parse("Eerste regel\nTweede regel", in: dossier) == .text("Eerste regel\nTweede regel"))
        // Windows line ends (an editor, the command line) and a lone carriage return are line breaks, as a paste makes them.
        #expect(try Activity.fields.field("notes")?.parse("een\r\ntwee\rdrie\r\n\r\nvier", in: dossier) == .text("een\ntwee\ndrie\n\nvier"))
        #expect(try Activity.fields.field("outcomes")?.parse("a\r\nb", in: dossier) == .text("a\nb"))
    }

    @Test("a relation's fields change one by one; what the edit did not name stays")
    func editRelation() throws {
        var dossier = Fixtures.smallDossier()
        let before = try #require(dossier.relation("rhone-alpes"))
        let summary = Change.editRelation("rhone-alpes", [edit("notes", .text(""), .text("Farmaregio"))]).summary(in: dossier)
        try dossier.apply(.editRelation("rhone-alpes", [
            edit("notes", .text(""), .text("Farmaregio")),
            edit("places", .list(["Lyon", "Grenoble"]), .list(["Lyon"])),
            edit("countries", .list(["FR"]), .list(["FR", "CH"])),
        ]), context: context)
        let after = try #require(dossier.relation("rhone-alpes"))
        #expect(after.notes == "Farmaregio" && after.places == ["Lyon"] && after.countries.map(\.code) == ["FR", "CH"])
        var expected = before
        expected.notes = after.notes
        expected.places = after.places
        expected.countries = after.countries
        #expect(after == expected)
        #expect(summary == "Relatie bewerkt: Rhône-Alpes — Toelichting: – → Farmaregio")
    }

    @Test("an edit whose old value is no longer there is a conflict naming the field and its value now; nothing changes")
    func staleEdit() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.editActivity("missie-lyon", [edit("estimatedCostCents", .number(250_000), .number(300_000))]), context: context)
        let now = dossier
        do {
            try dossier.apply(.editActivity("missie-lyon", [
                edit("title", .text("Handelsmissie Lyon"), .text("Missie Lyon")),
                edit("estimatedCostCents", .number(250_000), .number(280_000)),
            ]), context: context)
            Issue.record("a stale edit was accepted")
        } catch {
            #expect(error.kind == .conflict)
            #expect(error.field == "estimatedCostCents")
            #expect(error.message == "Geraamde kosten is intussen gewijzigd: nu € 3.000,00, niet meer € 2.500,00; bekijk de nieuwe stand en wijzig opnieuw")
        }
        #expect(dossier == now, "no field of the refused edit was applied")
    }

    @Test("unknown fields, a field twice, a value of the wrong shape and an empty edit are refused")
    func refusals() throws {
        var dossier = Fixtures.smallDossier()
        let cases: [(Change, String)] = [
            (.editRelation("bom", [edit("colour", .none, .text("rood"))]), "onbekend veld 'colour'"),
            (.editRelation("bom", [edit("notes", .text(""), .text("a")), edit("notes", .text(""), .text("b"))]), "staat twee keer"),
            (.editActivity("missie-lyon", [edit("estimatedCostCents", .number(250_000), .text("veel"))]), "Geraamde kosten: verwacht een heel getal"),
            (.editRelation("bom", []), "geen velden om te wijzigen"),
            (.editRelation("narnia", [edit("notes", .text(""), .text("a"))]), "onbekende relatie 'narnia'"),
            (.editActivity("missie-lyon", [edit("relations", .list(["rhone-alpes"]), .list(["narnia"]))]), "onbekende relatie 'narnia'"),
        ]
        for (change, expected) in cases {
            do {
                try dossier.apply(change, context: context)
                Issue.record("accepted: \(change)")
            } catch {
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
        #expect(dossier == Fixtures.smallDossier())
    }

    @Test("a relation's name is unique regardless of case, accents and punctuation")
    func uniqueNames() throws {
        var dossier = Fixtures.smallDossier()
        for name in ["rhone alpes", "RHÔNE-ALPES"] {
            do {
                try dossier.apply(.addRelation(Relation(id: Slug.make(from: name) + "-x", name: name, kind: .regio, status: .verkennen)), context: context)
                Issue.record("duplicate name \(name) accepted")
            } catch {
                #expect(error.field == "name")
                #expect(error.message == "er is al een relatie met de naam Rhône-Alpes (rhone-alpes); kies een andere naam")
            }
        }
        #expect(throws: ChangeError.self) {
            try dossier.apply(.editRelation("bom", [edit("name", .text("BOM"), .text("Pivot park"))]), context: context)
        }
        try dossier.apply(.editRelation("bom", [edit("name", .text("BOM"), .text("Brabantse Ontwikkelings Maatschappij"))]), context: context)
        #expect(dossier.relation("bom")?.name == "Brabantse Ontwikkelings Maatschappij", "the id stays bom")
    }

    @Test("a visit's details come and go with its direction; a detail without a visit is refused")
    func visitFields() throws {
        var dossier = Fixtures.smallDossier()
        #expect(throws: ChangeError.self) {
            try dossier.apply(.editActivity("missie-lyon", [edit("visit.ledBy", .text(""), .text("Marie"))]), context: context)
        }
        try dossier.apply(.editActivity("missie-lyon", [
            edit("kind", .text("handelsmissie"), .text("delegatiebezoek")),
            edit("visit.direction", .none, .text("uitgaand")),
            edit("visit.delegationFrom", .text(""), .text("Lyon")),
        ]), context: context)
        #expect(dossier.activity("missie-lyon")?.visit == VisitDetails(direction: .uitgaand, delegationFrom: "Lyon"))
        let visit = try #require(dossier.activity("missie-lyon"))
        let back = Activity.fields.edits(from: visit, to: Fixtures.smallDossier().activity("missie-lyon")!)
        #expect(back.map(\.field) == ["kind", "visit.direction", "visit.delegationFrom"])
        try dossier.apply(.editActivity("missie-lyon", back), context: context)
        #expect(dossier == Fixtures.smallDossier())
    }

    @Test("participants per role: one role's people change, the others stay")
    func participantRoles() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.editActivity("delegatie-uit-lyon", [
            edit("participants.bestuurder", .list([]), .list(["Wethouder Den Brok (Gemeente Oss)"])),
        ]), context: context)
        let participants = try #require(dossier.activity("delegatie-uit-lyon")?.participants)
        #expect(participants == [Participant(name: "Jan de Vries", role: .ondernemer, organisation: "Osse Farma BV"),
                                 Participant(name: "Wethouder Den Brok", role: .bestuurder, organisation: "Gemeente Oss")])
    }

    @Test("contacts: an id from the name, unique within the relation; edited and removed by id; e-mail checked")
    func contacts() throws {
        var dossier = Fixtures.smallDossier()
        let id = try #require(dossier.relation("pivot-park")).contacts.newContactID(for: "Britta Driessen")
        #expect(throws: ChangeError.self, "an id already in use") {
            try dossier.apply(.addContact(.relation("pivot-park"), Contact(name: "Britta Driessen", role: "stagiair")), context: context)
        }
        try dossier.apply(.addContact(.relation("pivot-park"), Contact(id: id, name: "Britta Driessen", role: "stagiair")), context: context)
        #expect(dossier.relation("pivot-park")?.contacts.map(\.id) == ["britta-driessen", "britta-driessen-2"])
        try dossier.apply(.editContact(.relation("pivot-park"), "britta-driessen-2", [
            edit("email", .text(""), .text("b2@pivotpark.nl")), edit("phone", .text(""), .text("0412 123 456")),
        ]), context: context)
        #expect(dossier.relation("pivot-park")?.contacts.last?.email == "b2@pivotpark.nl")
        do {
            try dossier.apply(.editContact(.relation("pivot-park"), "britta-driessen", [edit("email", .text(""), .text("britta.pivotpark.nl"))]), context: context)
            Issue.record("an e-mail address without @ was accepted")
        } catch {
            #expect(error.message == "'britta.pivotpark.nl' is geen e-mailadres: het @ ontbreekt (zoals naam@organisatie.nl)")
        }
        #expect(throws: ChangeError.self) { try dossier.apply(.addContact(.relation("narnia"), Contact(name: "Iemand")), context: context) }
        #expect(throws: ChangeError.self) { try dossier.apply(.removeContact(.relation("pivot-park"), "niemand"), context: context) }
        try dossier.apply(.removeContact(.relation("pivot-park"), "britta-driessen"), context: context)
        #expect(dossier.relation("pivot-park")?.contacts.map(\.id) == ["britta-driessen-2"], "the other keeps its id")
    }

    @Test("links on relations and activities: a web address or a path, by id")
    func links() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addLink(.relation("taizhou"), Link(label: "Besluit B&W", target: .path("/mnt/gedeeld/besluit.pdf"))), context: context)
        try dossier.apply(.addLink(.activity("missie-lyon"), Link(label: "Uitnodiging", target: .url("https://www.bom.nl/missie"))), context: context)
        #expect(dossier.relation("taizhou")?.links == [Link(id: "besluit-b-w", label: "Besluit B&W", target: .path("/mnt/gedeeld/besluit.pdf"))])
        try dossier.apply(.editLink(.activity("missie-lyon"), "uitnodiging", [
            edit("target", .text("https://www.bom.nl/missie"), .text("https://www.bom.nl/missie-2027")),
        ]), context: context)
        #expect(dossier.activity("missie-lyon")?.links.first?.target == .url("https://www.bom.nl/missie-2027"))
        #expect(throws: ChangeError.self) {
            try dossier.apply(.addLink(.activity("missie-lyon"), Link(label: "Kapot", target: .url("https://"))), context: context)
        }
        try dossier.apply(.removeLink(.relation("taizhou"), "besluit-b-w"), context: context)
        #expect(dossier.relation("taizhou")?.links == [])
    }

    @Test("every new kind of change round-trips through JSON and is undone exactly by its restoration")
    func roundTripAndUndo() throws {
        let changes: [Change] = [
            .editRelation("bom", [edit("notes", .text(""), .text("nieuw")), edit("via", .none, .text("pivot-park"))]),
            .editActivity("missie-lyon", [edit("startDate", .text("2027-03-10"), .text("2027-04-01")), edit("actualCostCents", .none, .number(12_345))]),
            .addContact(.relation("bom"), Contact(name: "Thijs Taminiau", email: "t@bom.nl", consultedForFramework: true)),
            .editContact(.relation("pivot-park"), "britta-driessen", [edit("consultedForFramework", .flag(true), .flag(false))]),
            .removeContact(.relation("pivot-park"), "britta-driessen"),
            .addLink(.relation("bom"), Link(label: "Website", target: .url("https://www.bom.nl"))),
        ]
        for change in changes {
            var writer = JSONWriter(pretty: false)
            change.write(to: &writer)
            let decoded = try JSONReader.read(writer.bytes) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
            #expect(decoded == change)
            let original = Fixtures.smallDossier()
            var dossier = original
            let undo = try dossier.apply(change, context: context)
            #expect(dossier != original)
            try dossier.apply(.restore(undo), context: context)
            #expect(dossier.encoded() == original.encoded(), "undo of \(change)")
        }
    }

    @Test("undo and redo say field by field what they put back, in the log's words")
    func undoSummaries() throws {
        var dossier = Fixtures.smallDossier()
        var undo = try dossier.apply(.setRelationStatus("rhone-alpes", status: .laagPitje, reason: "Kader", reviewDate: Fixtures.date("2027-12-31")),
                                     context: context)
        undo.purpose = .undo
        #expect(Change.restore(undo).summary(in: dossier) == "Ongedaan gemaakt: Rhône-Alpes: status Laag pitje → Verkennen; herijkingsdatum 31-12-2027 → –")
        #expect(Change.restore(undo).details(in: dossier) == ["Status: Laag pitje → Verkennen", "Herijkingsdatum: 31-12-2027 → –"])

        var costs = try dossier.apply(.editActivity("missie-lyon", [edit("estimatedCostCents", .number(250_000), .number(300_000))]), context: context)
        costs.purpose = .undo
        #expect(Change.restore(costs).summary(in: dossier) == "Ongedaan gemaakt: geraamde kosten Handelsmissie Lyon € 3.000,00 → € 2.500,00")
        var redo = try dossier.apply(.restore(costs), context: context)
        #expect(redo.purpose == .redo, "the inverse of an undo is a redo")
        #expect(Change.restore(redo).summary(in: dossier) == "Opnieuw gedaan: geraamde kosten Handelsmissie Lyon € 2.500,00 → € 3.000,00")
        var renamed = try dossier.apply(.editActivity("missie-lyon", [edit("title", .text("Handelsmissie Lyon"), .text("Handelsmissie Lyon 2027"))]),
                                        context: context)
        renamed.purpose = .undo
        #expect(Change.restore(renamed).summary(in: dossier) == "Ongedaan gemaakt: titel Handelsmissie Lyon 2027 → Handelsmissie Lyon",
                "the name once, not three times")
        redo.purpose = nil
        #expect(Change.restore(redo).summary(in: dossier).hasPrefix("Teruggezet: "))

        var added = try dossier.apply(.addRelation(Relation(id: "b7", name: "B7", kind: .samenwerkingsverband, status: .actief)), context: context)
        added.purpose = .undo
        #expect(Change.restore(added).summary(in: dossier) == "Ongedaan gemaakt: relatie B7 verwijderd")
    }

    @Test("an older whole-record update (format 1) is still applied and now described field by field")
    func legacyUpdate() throws {
        var dossier = Fixtures.smallDossier()
        var relation = try #require(dossier.relation("bom"))
        relation.notes = "Brabantse Ontwikkelingsmaatschappij"
        relation.places = ["Tilburg"]
        let change = Change.updateRelation(relation)
        #expect(change.details(in: dossier) == ["Plaatsen: – → Tilburg", "Toelichting: – → Brabantse Ontwikkelingsmaatschappij"])
        try dossier.apply(change, context: context)
        #expect(dossier.relation("bom") == relation)
    }

    @Test("the log of a long text changed near its end shows where it differs, not two beginnings that read alike")
    func longTextInLog() throws {
        let field = try #require(Relation.fields.field("notes"))
        let start = String(repeating: "Vriendschapsrelatie met Taizhou. ", count: 20)
        let edit = FieldEdit(field: "notes", old: .text(start + "Oud slot."), new: .text(start + "Nieuw slot."))
        let line = field.describe(edit, in: Fixtures.smallDossier())
        #expect(line.contains("Oud slot.") && line.contains("Nieuw slot."), "\(line)")
        #expect(line.hasPrefix("Toelichting: …"))
        let short = field.describe(FieldEdit(field: "notes", old: .text("kort"), new: .text("ook kort")), in: Fixtures.smallDossier())
        #expect(short == "Toelichting: kort → ook kort")
    }

    @Test("an edit that expects an empty field as null finds it empty as \"\" (a change written by hand); a value where there is none is a conflict")
    func emptyIsEmpty() throws {
        var dossier = Fixtures.smallDossier()
        let relation = try #require(dossier.relation("bom"))
        #expect(relation.region.isEmpty)
        try dossier.apply(.editRelation("bom", [FieldEdit(field: "region", old: .none, new: .text("Noord-Brabant"))]), context: Fixtures.context)
        #expect(dossier.relation("bom")?.region == "Noord-Brabant")
        #expect(throws: ChangeError.self) {
            try dossier.apply(.editRelation("bom", [FieldEdit(field: "region", old: .none, new: .text("Brabant"))]), context: Fixtures.context)
        }
    }
}
