import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Files and journal lines from before a contact's phone and e-mail were read as such (format 1, and the first weeks of
/// format 2 took any text): they open, and what did not read as a number or address is kept in the contact's notes.
@Suite("Contacts' phone numbers and e-mail addresses as older files hold them")
struct FreeFormContactsTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }

    static let version2File = """
    {
      "schemaVersion": 2,
      "title": "Dossier uit november",
      "framework": {"title": "Kader Internationalisering 2025-2030", "firstYear": 2025, "lastYear": 2030, "europeStrategy": false, "strategicAgenda": false},
      "budgetLines": [{"id": "internationalisering", "name": "Budget internationalisering", "yearlyAmountCents": 1600000, "activityBudget": true}],
      "relations": [
        {"id": "taizhou", "name": "Taizhou", "kind": "vriendschapsrelatie", "status": "actief", "countries": ["CN"],
         "contacts": [{"id": "li-wei", "name": "Li Wei", "phone": "via secretariaat", "notes": "Vaste contactpersoon."}]},
        {"id": "bom", "name": "BOM", "kind": "partnerorganisatie", "status": "actief", "countries": ["NL"]}
      ],
      "activities": [],
      "internalContacts": [{"id": "buijs", "name": "Buijs", "phone": "+31 6 1234 5678 (mobiel)", "email": " w.buijs@oss.nl "},
                           {"id": "den-brok", "name": "Den Brok", "phone": "0412  629 911", "email": "f.denbrok@oss."}]
    }
    """

    static func version2Line(sequence: Int, change: String) -> String {
        Fixtures.olderJournalLine(sequence: sequence, schemaVersion: 2, change: change)
    }

    static let version2Journal = [
        version2Line(sequence: 1, change: #"{"type":"add-contact","relation":"bom","contact":{"id":"piet","name":"Piet","phone":"bel 's ochtends"}}"#),
        version2Line(sequence: 2, change: #"{"type":"edit-contact","relation":"bom","contact":"piet","edits":[{"field":"phone","old":"bel 's ochtends","new":"0412 123 456"}]}"#),
        version2Line(sequence: 3, change: #"{"type":"edit-contact","relation":"taizhou","contact":"li-wei","edits":[{"field":"email","old":"","new":"li@wei"},{"field":"notes","old":"Vaste contactpersoon.","new":"Vaste contactpersoon, Engelstalig."}]}"#),
        // A text that was no number, cleared: it goes from the notes it was kept in.
        version2Line(sequence: 4, change: #"{"type":"edit-contact","municipality":true,"contact":"buijs","edits":[{"field":"phone","old":"+31 6 1234 5678 (mobiel)","new":""}]}"#),
    ].joined()

    init() throws {
        try directory.write("dossier.json", Self.version2File)
        try directory.write("dossier.json.journal", Self.version2Journal)
    }

    func check(_ dossier: Dossier) throws {
        let buijs = try #require(dossier.ownContact("buijs")), denBrok = try #require(dossier.ownContact("den-brok"))
        #expect(buijs.phone.isEmpty && buijs.notes.isEmpty, "cleared by the journal, also from the notes: \(buijs)")
        #expect(buijs.email == "w.buijs@oss.nl", "spaces around an address are left out, as when it is typed")
        #expect(denBrok.phone == "0412 629 911" && denBrok.email.isEmpty && denBrok.notes == "E-mail zoals eerder vastgelegd: f.denbrok@oss.", "\(denBrok)")
        let piet = try #require(dossier.relation("bom")?.contacts.first { $0.id == "piet" })
        #expect(piet.phone == "0412 123 456" && piet.notes.isEmpty, "journal lines of format 2: added with a text, then corrected to a number: \(piet)")
        let liWei = try #require(dossier.relation("taizhou")?.contacts.first)
        #expect(liWei.phone.isEmpty && liWei.email.isEmpty, "\(liWei)")
        #expect(liWei.notes == "Vaste contactpersoon, Engelstalig.\nTelefoon zoals eerder vastgelegd: via secretariaat\nE-mail zoals eerder vastgelegd: li@wei",
                "the notes edited with it keep what went to them: \(liWei.notes)")
        #expect(DossierValidator.problems(in: dossier).isEmpty)
    }

    @Test("an older undo of an edit finds the contact as it expects, whichever way its kept texts came to the notes")
    func olderUndo() throws {
        var dossier = try DossierStore(path: path).load()
        // As format 2 held Li Wei: an e-mail that is no address, no phone.
        var raw = try #require(dossier.relation("taizhou"))
        raw.contacts[0].email = "via secretariaat"
        raw.contacts[0].phone = ""
        raw.contacts[0].notes = "Vaste contactpersoon."
        try dossier.apply(SchemaMigrations.upgrade(.updateRelation(raw), from: 2, in: dossier), context: Fixtures.context)
        let before = try #require(dossier.relation("taizhou"))
        // A format-2 edit of the phone to a text that is no number, then a format-2 undo of it.
        let edit = Change.editContact(.relation("taizhou"), "li-wei", [FieldEdit(field: "phone", old: .text(""), new: .text("bel de receptie"))])
        try dossier.apply(SchemaMigrations.upgrade(edit, from: 2, in: dossier), context: Fixtures.context)
        var edited = raw
        edited.contacts[0].phone = "bel de receptie"
        let undo = Change.restore(Restoration(label: "Ongedaan gemaakt", purpose: .undo, relations: [
            Snapshot(id: "taizhou", value: raw, position: try #require(dossier.relations.firstIndex { $0.id == "taizhou" }), expected: .value(edited)),
        ]))
        try dossier.apply(SchemaMigrations.upgrade(undo, from: 2, in: dossier), context: Fixtures.context)
        #expect(dossier.relation("taizhou") == before, "\(String(describing: dossier.relation("taizhou")?.contacts.first))")
    }

    @Test("read-only: they are read so in memory, and the files are left as they are")
    func readOnly() throws {
        try check(try DossierStore(path: path).load())
        #expect(String(decoding: try directory.read("dossier.json"), as: UTF8.self) == Self.version2File)
    }

    @Test("writable: converted after a backup, and read back the same")
    func converted() throws {
        var configuration = StoreConfiguration()
        configuration.lockWait = 0
        let store = DossierStore(path: path, configuration: configuration)
        try store.openForWriting(actor: "tester")
        let dossier = try store.load()
        try check(dossier)
        #expect(try store.backups().count == 1)
        #expect(String(decoding: try directory.read("dossier.json"), as: UTF8.self).contains("\"schemaVersion\": \(Dossier.currentSchemaVersion)"))
        try check(try DossierStore(path: path).load())
    }
}
