import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The municipality's own contacts (`Dossier.internalContacts`: a wethouder, colleagues) are kept by hand like a
/// relation's: added, edited and removed as changes, journaled, undone.
@Suite("The municipality's own contacts")
struct OwnContactsTests {
    let context = Fixtures.context

    private func decoded(_ change: Change) throws -> Change {
        var writer = JSONWriter(pretty: false)
        change.write(to: &writer)
        return try JSONReader.read(writer.bytes) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
    }

    @Test("added, edited and removed; each undone puts the list back as it was, every person in their place")
    func changesAndUndo() throws {
        var dossier = Fixtures.smallDossier()
        let before = dossier.internalContacts
        let add = try dossier.apply(.addContact(.municipality, Contact(name: "Anne Verhoeven", role: "wethouder")), context: context)
        let edit = try dossier.apply(.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "email", old: .text(""), new: .text("f.denbrok@oss.nl"))]),
                                     context: context)
        #expect(dossier.internalContacts.map(\.id) == ["frank-den-brok", "anne-verhoeven"])
        #expect(dossier.ownContact("frank-den-brok")?.email == "f.denbrok@oss.nl")
        let remove = try dossier.apply(.removeContact(.municipality, "frank-den-brok"), context: context)
        #expect(dossier.internalContacts.map(\.id) == ["anne-verhoeven"])
        #expect(dossier.relations == Fixtures.smallDossier().relations, "no relation touched")

        // Undone newest first: Frank comes back first in the list, with his e-mail; then without it; then Anne goes.
        try dossier.apply(.restore(remove), context: context)
        #expect(dossier.internalContacts.map(\.id) == ["frank-den-brok", "anne-verhoeven"])
        #expect(dossier.ownContact("frank-den-brok")?.email == "f.denbrok@oss.nl")
        try dossier.apply(.restore(edit), context: context)
        try dossier.apply(.restore(add), context: context)
        #expect(dossier.internalContacts == before)
    }

    @Test("said in words, and an undo says what comes back")
    func summaries() throws {
        var dossier = Fixtures.smallDossier()
        let add = Change.addContact(.municipality, Contact(name: "Anne Verhoeven", role: "wethouder"))
        #expect(add.summary(in: dossier) == "Contactpersoon toegevoegd bij Gemeente Oss: Anne Verhoeven")
        #expect(add.subjects == ["gemeente"])
        let edit = Change.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "role", old: .text("wethouder economie"), new: .text("burgemeester"))])
        #expect(edit.summary(in: dossier) == "Contactpersoon bewerkt bij Gemeente Oss: Frank den Brok — Functie: wethouder economie → burgemeester")
        var undo = try dossier.apply(.removeContact(.municipality, "frank-den-brok"), context: context)
        undo.purpose = .undo
        #expect(Change.restore(undo).summary(in: dossier) == "Ongedaan gemaakt: contactpersoon Frank den Brok bij Gemeente Oss teruggezet")
        #expect(Change.restore(undo).subjects == ["gemeente"])
    }

    @Test("refused, and the list left as it was: a wrong e-mail, an id taken, someone not there, a NUL, an empty name")
    func refusals() throws {
        var dossier = Fixtures.smallDossier()
        let before = dossier
        let refused: [(Change, String)] = [
            (.addContact(.municipality, Contact(name: "Anne", email: "anne-at-oss")), "e-mailadres"),
            (.addContact(.municipality, Contact(id: "frank-den-brok", name: "Frank")), "Gemeente Oss heeft al een contactpersoon met id 'frank-den-brok'"),
            (.editContact(.municipality, "niemand", [FieldEdit(field: "role", old: .text(""), new: .text("x"))]), "Gemeente Oss heeft geen contactpersoon 'niemand'"),
            (.removeContact(.municipality, "niemand"), "Gemeente Oss heeft geen contactpersoon 'niemand'"),
            (.addContact(.municipality, Contact(name: "Anne", notes: "a\u{0}b")), "nulteken"),
            (.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "name", old: .text("Frank den Brok"), new: .text(" "))]), "naam"),
        ]
        for (change, message) in refused {
            #expect(throws: ChangeError.self) { try dossier.apply(change, context: context) }
            do {
                try dossier.apply(change, context: context)
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
            }
            #expect(dossier == before)
        }
        // A field edit from a value that is no longer there is someone else's change, not overwritten.
        #expect(throws: ChangeError.self) {
            try dossier.apply(.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "role", old: .text("wethouder zorg"), new: .text("x"))]), context: context)
        }
    }

    @Test("an undo after a colleague changed the same person: their other field stays, the same field is refused")
    func undoAfterColleague() throws {
        var dossier = Fixtures.smallDossier()
        let mine = try dossier.apply(.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "email", old: .text(""), new: .text("f@oss.nl"))]),
                                     context: context)
        try dossier.apply(.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "phone", old: .text(""), new: .text("0412 123 456"))]), context: context)
        try dossier.apply(.restore(mine), context: context)
        #expect(dossier.ownContact("frank-den-brok")?.email == "")
        #expect(dossier.ownContact("frank-den-brok")?.phone == "0412 123 456", "the colleague's phone number is kept")

        let role = try dossier.apply(.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "role", old: .text("wethouder economie"), new: .text("a"))]),
                                     context: context)
        try dossier.apply(.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "role", old: .text("a"), new: .text("b"))]), context: context)
        #expect(throws: ChangeError.self) { try dossier.apply(.restore(role), context: context) }
        #expect(dossier.ownContact("frank-den-brok")?.role == "b")
    }

    @Test("a batch of several steps (an import) is undone in one, back to the list before it")
    func batch() throws {
        var dossier = Fixtures.smallDossier()
        let before = dossier
        let undo = try dossier.apply(.batch([
            .addContact(.municipality, Contact(name: "Anne Verhoeven")),
            .editContact(.municipality, "frank-den-brok", [FieldEdit(field: "role", old: .text("wethouder economie"), new: .text("burgemeester"))]),
            .addContact(.municipality, Contact(name: "Piet Jansen")),
            .removeContact(.municipality, "frank-den-brok"),
            .addContact(.relation("bom"), Contact(name: "Sanne de Wit")),
        ], label: "Import"), context: context)
        #expect(dossier.internalContacts.map(\.id) == ["anne-verhoeven", "piet-jansen"])
        #expect(undo.ownContacts.count == 3)
        try dossier.apply(.restore(undo), context: context)
        #expect(dossier == before)
    }

    @Test("the changes and a restoration of them read back as written; older lines without the new fields read as before")
    func codec() throws {
        var dossier = Fixtures.smallDossier()
        let changes: [Change] = [
            .addContact(.municipality, Contact(name: "Anne Verhoeven", email: "a@oss.nl")),
            .editContact(.municipality, "frank-den-brok", [FieldEdit(field: "phone", old: .text(""), new: .text("0412 123 456"))]),
            .removeContact(.municipality, "anne-verhoeven"),
        ]
        for change in changes {
            #expect(try decoded(change) == change)
            let undo = try dossier.apply(change, context: context)
            #expect(!undo.ownContacts.isEmpty)
            #expect(try decoded(.restore(undo)) == .restore(undo), "with what it expects the person to be")
        }
        let relationLine = #"{"type":"add-contact","relation":"bom","contact":{"name":"Jan"}}"#
        let read = try JSONReader.read(Array(relationLine.utf8)) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
        guard case let .addContact(.relation("bom"), contact) = read else { Issue.record("\(read)"); return }
        #expect(contact.name == "Jan")
        for both in [#"{"type":"add-contact","relation":"bom","municipality":true,"contact":{"name":"Jan"}}"#,
                     #"{"type":"remove-contact","contact":"jan"}"#] {
            #expect(throws: JSONError.self) {
                try JSONReader.read(Array(both.utf8)) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
            }
        }
    }

    @Test("journaled in a file: replayed on reading, valid against the schema, and the last one undone from the file")
    func journaled() throws {
        let directory = TemporaryDirectory()
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        let path = directory.file("dossier.json")
        let store = DossierStore(path: path)
        try store.openForWriting(actor: "tester")
        var dossier = try store.load()
        try store.commit(.addContact(.municipality, Contact(name: "Anne Verhoeven", role: "wethouder", consultedForFramework: true)), to: &dossier, context: context)
        try store.commit(.editContact(.municipality, "anne-verhoeven", [FieldEdit(field: "phone", old: .text(""), new: .text("0412 123 456"))]),
                         to: &dossier, context: context)
        var undo = try store.commit(.removeContact(.municipality, "frank-den-brok"), to: &dossier, context: context)
        undo.purpose = .undo
        try store.commit(.restore(undo), to: &dossier, context: context)
        let reread = try DossierStore(path: path).load()
        #expect(reread == dossier)
        #expect(reread.internalContacts.map(\.id) == ["frank-den-brok", "anne-verhoeven"])
        #expect(try store.history().map(\.summary) == [
            "Contactpersoon toegevoegd bij Gemeente Oss: Anne Verhoeven",
            "Contactpersoon bewerkt bij Gemeente Oss: Anne Verhoeven — Telefoon: – → 0412 123 456",
            "Contactpersoon verwijderd bij Gemeente Oss: Frank den Brok",
            "Ongedaan gemaakt: contactpersoon Frank den Brok bij Gemeente Oss teruggezet",
        ])
        let checked = try ExternalChecker.python([Repository.path("scripts/check-schema.py"), "--journal", Repository.path("docs/dossier.schema.json"),
                                                  directory.file("dossier.json.journal")])
        #expect(checked.status == 0, "\(checked.standardOutput)\(checked.standardError)")
        let reader = DossierStore(path: path)
        reader.keepsUndoOfLastChange = true
        _ = try reader.load()
        let last = try #require(try reader.lastChangeWithUndo())
        #expect(last.undo?.ownContacts.map(\.id) == ["frank-den-brok"] && last.undo?.ownContacts.first?.value == nil, "undoing the undo takes him away again")
    }

    @Test("a change of the municipality's own contacts reaches neither a relation nor an activity; with one of those, the whole dossier")
    func reach() {
        #expect(Change.addContact(.municipality, Contact(name: "Jan")).reach == .ownContacts)
        #expect(Change.addContact(.relation("bom"), Contact(name: "Jan")).reach == .relations)
        let own = Snapshot<Contact>(id: "jan", value: nil, position: 0)
        #expect(Change.restore(Restoration(label: "x", ownContacts: [own])).reach == .ownContacts)
        #expect(Change.restore(Restoration(label: "x", activities: [Snapshot(id: "a", value: nil, position: 0)], ownContacts: [own])).reach == .whole)
        #expect(Change.batch([.addContact(.municipality, Contact(name: "Jan")), .addContact(.relation("bom"), Contact(name: "Jan"))], label: "x").reach == .whole)
    }

    @Test("'gemeente' and 'Gemeente Oss' name the municipality, whatever the case; a relation's name does not")
    func naming() throws {
        let dossier = Fixtures.smallDossier()
        for text in ["gemeente", "Gemeente Oss", " GEMEENTE-OSS "] {
            #expect(try NameLookup.contactOwner(text, in: dossier) == .municipality)
        }
        #expect(try NameLookup.contactOwner("bom", in: dossier) == .relation("bom"))
        #expect(throws: ValueError.self) { try NameLookup.contactOwner("Oss", in: dossier) }
        do {
            _ = try NameLookup.contactOwner("Gemeente Meierijstad", in: dossier)
            Issue.record("another municipality's name was taken")
        } catch {
            #expect(error.message.hasSuffix("; de eigen mensen van de gemeente staan onder 'gemeente'"), "\(error.message)")
        }
        #expect(try NameLookup.contact("frank den brok", among: dossier.internalContacts, of: "Gemeente Oss").id == "frank-den-brok")
    }
}
