import DossierCore
import DossierTestSupport
import Testing

@Suite("Importing contacts from a table")
struct ContactImportTests {
    /// The small dossier with a second contact at BOM and one of the municipality itself.
    private func dossier() throws -> Dossier {
        var dossier = Fixtures.smallDossier()
        _ = try dossier.apply(.addContact(.relation("bom"), Contact(name: "Sanne de Wit", role: "projectleider", phone: "+31 13 123 45 67")), context: Fixtures.context)
        return Dossier(title: dossier.title, framework: dossier.framework, budgetLines: dossier.budgetLines, relations: dossier.relations,
                       activities: dossier.activities, internalContacts: [Contact(name: "Mieke Smits", role: "adviseur")])
    }

    private func records(_ rows: [[String]]) throws -> [CSV.Record] {
        try CSV.decode(CSV.encode(rows))
    }

    private func prepared(_ rows: [[String]], into dossier: Dossier) throws -> ImportPlan {
        ContactImport.prepare(try records(rows), into: dossier)
    }

    @Test("the export imports unchanged, phone numbers and organisations as they were")
    func roundTrip() throws {
        let dossier = try dossier()
        let exported = ContactTable.rows(dossier, consultedOnly: false)
        #expect(exported.contains { $0.first == "Sanne de Wit" && $0[4] == "+31 13 123 45 67" && $0[1] == "BOM" })
        let result = ContactImport.prepare(try CSV.decode(CSV.encode(exported)), into: dossier)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.changes.isEmpty)
        #expect(result.unchanged == 3, "two contacts of relations and the municipality's own")
    }

    /// The readers refuse a Dutch number a digit short and an address with a dot in front as typed; one stored before
    /// they did must not make the dossier's own export fail to go back.
    @Test("a number or address stored before the readers took it stricter goes out and back unchanged; typed anew it is refused")
    func storedBeforeStricterReaders() throws {
        var dossier = try dossier()
        try dossier.apply(.addContact(.relation("bom"), Contact(name: "Ann Smit", email: ".ann@acme.nl", phone: "0412 1234")), context: Fixtures.context)
        let file = ContactTable.rows(dossier, consultedOnly: false)
        let back = ContactImport.prepare(try records(file), into: dossier)
        #expect(back.problems.isEmpty && back.changes.isEmpty, "\(back.problems) \(back.changes)")
        var retyped = file
        let ann = try #require(file.firstIndex { $0[0] == "Ann Smit" })
        retyped[ann][4] = "0412 12345"
        retyped[ann][file[0].count - 1] = ""
        let refused = ContactImport.prepare(try records(retyped), into: dossier)
        #expect(refused.problems.first?.message == "'0412 12345' is geen telefoonnummer: een Nederlands nummer heeft 10 cijfers, dit heeft er 9 (zoals 0412 123 456)",
                "\(refused.problems)")
    }

    @Test("a row exported before a colleague changed the contact: left alone when not edited, refused when edited; a removed contact is not put back; a renamed relation changes nothing")
    func versions() throws {
        let before = try dossier()
        let file = ContactTable.rows(before, consultedOnly: false)
        #expect(file[0].last == "versie")
        let sanne = try #require(file.firstIndex { $0[0] == "Sanne de Wit" })
        var dossier = before
        try dossier.apply(.editContact(.relation("bom"), "sanne-de-wit", [FieldEdit(field: "email", old: .text(""), new: .text("s.nieuw@bom.nl"))]),
                          context: Fixtures.context)
        let untouched = ContactImport.prepare(try records(file), into: dossier)
        #expect(untouched.changes.isEmpty && untouched.problems.isEmpty, "\(untouched.changes)")
        #expect(untouched.notices.map(\.message) == ["Sanne de Wit bij BOM (of de relatie) is gewijzigd na deze export en deze regel niet: blijft zoals nu"])
        var edited = file
        edited[sanne][2] = "teamleider"
        let refused = ContactImport.prepare(try records(edited), into: dossier)
        #expect(refused.changes.isEmpty && refused.problems.first?.column == "versie", "\(refused.problems)")
        #expect(refused.problems.first?.message.hasPrefix("Sanne de Wit bij BOM (of de relatie) is gewijzigd na deze export; een import zou die wijziging terugdraaien") == true)
        var forced = edited
        forced[sanne][forced[sanne].count - 1] = ""
        #expect(ContactImport.prepare(try records(forced), into: dossier).updated == 1, "an empty cell 'versie' overwrites on purpose")

        var removed = before
        try removed.apply(.removeContact(.relation("bom"), "sanne-de-wit"), context: Fixtures.context)
        let gone = ContactImport.prepare(try records(file), into: removed)
        #expect(gone.changes.isEmpty && gone.skipped == 1, "\(gone.changes)")
        #expect(ContactImport.prepare(try records(edited), into: removed).problems.first?.message
                    .hasPrefix("er is geen contactpersoon Sanne de Wit bij BOM: hernoemd of verwijderd na deze export, of komt de export uit een ander dossier?") == true)

        // A row copied from Sanne's and given another name adds that person (a spreadsheet's way to add one).
        var copied = file
        var newRow = file[sanne]
        newRow[0] = "Nieuwe Collega"
        copied.append(newRow)
        let added = ContactImport.prepare(try records(copied), into: before)
        #expect(added.added == 1 && added.problems.isEmpty && added.notices.isEmpty, "\(added.problems) \(added.notices)")
        // Her name changed in the file itself (no row of hers left): a correction is made with edit-contact, not as a second person.
        var renamedInFile = file
        renamedInFile[sanne][0] = "Sanne de Wit-Jansen"
        let renaming = ContactImport.prepare(try records(renamedInFile), into: before)
        #expect(renaming.changes.isEmpty && renaming.problems.first?.message.hasPrefix("deze regel was die van Sanne de Wit, met een andere naam") == true,
                "\(renaming.problems)")
        // Her row with another relation in 'relatie': added there, and said that she stays at BOM too.
        var moved = file
        moved[sanne][5] = "pivot-park"
        let elsewhere = ContactImport.prepare(try records(moved), into: before)
        #expect(elsewhere.added == 1 && elsewhere.notices.map(\.message) == ["Sanne de Wit komt erbij bij Pivot Park, en blijft ook bij BOM staan "
            + "(de regel kwam van daar); is dat een verhuizing, verwijder de persoon daar dan met dossier remove-contact"], "\(elsewhere.notices)")

        var renamed = before
        try renamed.apply(.editRelation("bom", [FieldEdit(field: "name", old: .text("BOM"), new: .text("BOM Brabant"))]), context: Fixtures.context)
        let afterRename = ContactImport.prepare(try records(file), into: renamed)
        #expect(afterRename.changes.isEmpty && afterRename.problems.isEmpty, "the relation's old name in 'organisatie' is no edit: \(afterRename.changes)")
    }

    @Test("a line break in a spreadsheet's cell for a name or a title is a space, as every one-line text is read")
    func lineBreaksInOneLineCells() throws {
        let dossier = try dossier()
        let contacts = try prepared([["naam", "relatie"], ["Zoë\nLefèvre", "bom"]], into: dossier)
        #expect(contacts.changes.count == 1)
        if case .addContact(_, let contact)? = contacts.changes.first { #expect(contact.name == "Zoë Lefèvre") }
        let activities = ActivityImport.prepare(try records([["titel", "soort", "begindatum"], ["Beurs\r\nMilaan", "beurs", "1-10-2027"]]),
                                                into: dossier, today: Fixtures.date("2026-11-22"))
        #expect(activities.problems.isEmpty, "\(activities.problems)")
        if case .addActivity(let activity)? = activities.changes.first { #expect(activity.title == "Beurs Milaan" && activity.id == "beurs-milaan") }
        else { Issue.record("no activity added: \(activities.changes)") }
    }

    @Test("a visit's field the rules refuse is named by its column in an activities import")
    func visitFieldColumn() throws {
        let plan = ActivityImport.prepare(try records([["titel", "soort", "begindatum", "richting", "delegatie uit/naar", "programma"],
                                                       ["Bezoek Lyon", "delegatiebezoek", "1-10-2027", "inkomend", "Lyon", String(repeating: "Rondleiding ", count: 100)]]),
                                          into: try dossier(), today: Fixtures.date("2026-11-22"))
        #expect(plan.problems.map(\.column) == ["programma"], "\(plan.problems)")
    }

    @Test("a visit imported without a status starts as a logged visit does: one gone by took place, one to come is weighed or, approved, planned")
    func visitStatusWithoutColumn() throws {
        let header = ["titel", "soort", "begindatum", "richting", "delegatie uit/naar", "besluit"]
        let plan = ActivityImport.prepare(try records([header, ["Bezoek Lyon", "delegatiebezoek", "1-10-2027", "inkomend", "Lyon", ""],
                                                       ["Bezoek Gent", "delegatiebezoek", "1-10-2026", "inkomend", "Gent", ""],
                                                       ["Bezoek Kobe", "delegatiebezoek", "1-12-2027", "inkomend", "Kobe", "Besluit B&W 1 november 2026"],
                                                       ["Beurs Milaan", "beurs", "1-10-2027", "", "", ""]]),
                                          into: try dossier(), today: Fixtures.date("2026-11-22"))
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        let added = plan.changes.compactMap { change -> (String, ActivityStatus)? in
            if case .addActivity(let activity) = change { return (activity.title, activity.status) } else { return nil }
        }
        #expect(added.map(\.1) == [.inAfweging, .uitgevoerd, .gepland, .idee], "\(added)")
    }

    @Test("new rows already rejected or cancelled are imported, with the reason Import (a file has no column for why)")
    func endedRowsImported() throws {
        var dossier = try dossier()
        let plan = ActivityImport.prepare(try records([["titel", "soort", "status"], ["Beurs Gent", "beurs", "geannuleerd"],
                                                       ["Beurs Kobe", "beurs", "afgewezen"]]),
                                          into: dossier, today: Fixtures.date("2026-11-22"))
        #expect(plan.problems.isEmpty && plan.added == 2, "\(plan.problems)")
        try dossier.apply(.batch(plan.changes, label: "Import"), context: Fixtures.context)
        for title in ["Beurs Gent", "Beurs Kobe"] {
            let added = try #require(dossier.activities.first { $0.title == title })
            #expect(added.statusHistory.map(\.reason) == ["Import"] && added.statusHistory.first?.by == Fixtures.context.actor)
        }
    }

    @Test("an activities import says a date ten years or more away, as add-activity does (a typo in the year)")
    func farDates() throws {
        let plan = ActivityImport.prepare(try records([["titel", "soort", "begindatum"], ["Q1 tikfout", "overig", "1-2-2072"], ["Gewoon", "overig", "1-2-2027"]]),
                                          into: try dossier(), today: Fixtures.date("2026-11-22"))
        #expect(plan.added == 2 && plan.problems.isEmpty)
        #expect(plan.notices.map(\.description) == ["regel 2, kolom 'begindatum': 1-2-2072 ligt 45 jaar in de toekomst"], "\(plan.notices)")
    }

    @Test("the same person on two rows, one as it is and one changed, is refused whichever comes first")
    func samePersonTwice() throws {
        let dossier = try dossier()
        let file = ContactTable.rows(dossier, consultedOnly: false)
        let sanne = try #require(file.firstIndex { $0[0] == "Sanne de Wit" })
        var changed = file[sanne]
        changed[2] = "teamleider"
        changed[changed.count - 1] = ""
        for rows in [file + [changed], [file[0], changed] + file.dropFirst()] {
            // With a problem nothing is imported (all or nothing); the second of the two rows is the one named.
            let result = ContactImport.prepare(try records(rows), into: dossier)
            #expect(result.problems.map(\.message).contains { $0.hasPrefix("Sanne de Wit bij BOM staat al op regel ") }, "\(result.problems)")
        }
    }

    @Test("a row with a contact's name updates it field by field; another name adds one")
    func updatesAndAdditions() throws {
        let dossier = try dossier()
        let result = try prepared([
            ["naam", "relatie", "e-mail", "rol", "gesprekspartner kader"],
            ["sanne de wit", "BOM", "s.dewit@bom.nl", "projectleider", ""],
            ["Anna de Vries", "bom", "anna@bom.nl", "beleidsmedewerker", "ja"],
        ], into: dossier)
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.updated == 1 && result.added == 1)
        #expect(result.changes.first == .editContact(.relation("bom"), "sanne-de-wit", [FieldEdit(field: "email", old: .text(""), new: .text("s.dewit@bom.nl"))]),
                "only what the row changes: the name keeps its spelling, an empty yes/no cell leaves it")
        #expect(result.notices.map(\.description) == ["regel 2, kolom 'naam': 'sanne de wit' is Sanne de Wit: de naam blijft zoals hij was "
                                                      + "(een andere schrijfwijze wijzigt u met dossier edit-contact … --name)"], "and said")
        let respelled = try prepared([["naam", "relatie", "rol"], ["SANNE DE WIT", "bom", "projectleider"]], into: dossier)
        #expect(respelled.unchanged == 1 && respelled.notices.count == 1, "also when nothing else changes")
        guard case let .addContact(.relation("bom"), added)? = result.changes.last else { Issue.record("no addition"); return }
        #expect(added == Contact(id: "anna-de-vries", name: "Anna de Vries", role: "beleidsmedewerker", email: "anna@bom.nl", consultedForFramework: true))
        var after = dossier
        _ = try after.apply(.batch(result.changes, label: "Import"), context: Fixtures.context)
        #expect(after.relation("bom")?.contacts.map(\.name) == ["Sanne de Wit", "Anna de Vries"])
    }

    @Test("without a column 'relatie' a row updates the one relation's contact of that name, and adds nobody")
    func withoutRelationColumn() throws {
        let dossier = try dossier()
        let result = try prepared([["naam", "telefoon"], ["Britta Driessen", "0412 123 456"], ["Nieuw Iemand", ""], ["Mieke Smits", ""]], into: dossier)
        #expect(result.updated == 1 && result.unchanged == 1)
        #expect(result.changes == [.editContact(.relation("pivot-park"), "britta-driessen", [FieldEdit(field: "phone", old: .text(""), new: .text("0412 123 456"))])])
        #expect(result.problems.map(\.description) == [
            "regel 3, kolom 'relatie': bij welke relatie hoort Nieuw Iemand? Geen relatie heeft een contactpersoon met die naam; voeg een kolom 'relatie' toe (id of naam, "
                + "of 'gemeente' voor de gemeente zelf)",
        ])
    }

    @Test("each wrong cell is refused with its line and column; a wrong table is said once")
    func refusals() throws {
        let dossier = try dossier()
        let result = try prepared([
            ["naam", "relatie", "e-mail", "telefoon"],
            ["", "bom", "", ""],
            ["Kees", "Nergensland", "", ""],
            ["Piet", "bom", "geen-mail", "bel maar"],
            ["Joop", "", "", ""],
            ["Ann", "bom", "", "", "te veel"],
        ], into: dossier)
        #expect(result.changes.isEmpty)
        let messages = result.problems.map(\.description)
        #expect(messages.count == 6, "\(messages)")
        #expect(messages[0] == "regel 2, kolom 'naam': een contactpersoon heeft een naam nodig")
        #expect(messages[1].hasPrefix("regel 3, kolom 'relatie': onbekende relatie 'Nergensland'"))
        #expect(messages[2].hasPrefix("regel 4, kolom 'e-mail': 'geen-mail' is geen e-mailadres"))
        #expect(messages[3].hasPrefix("regel 4, kolom 'telefoon': "))
        // An empty cell is the municipality only for someone it has: a new person is never made one of its own unasked.
        #expect(messages[4] == "regel 5, kolom 'relatie': bij welke relatie hoort Joop? Vul de id of naam van de relatie in, of 'gemeente' voor iemand "
                + "van de gemeente zelf")
        #expect(messages[5].hasPrefix("regel 6: deze regel heeft een cel voorbij de laatste kolom"))

        let activities = try prepared(ActivityTable.rows(dossier.activities, in: dossier), into: dossier)
        #expect(activities.problems.map(\.description) == ["regel 1: dit is een tabel van activiteiten: importeer die met dossier import activities"])
        let relations = try prepared(RelationTable.rows(dossier, today: Fixtures.date("2026-11-22")), into: dossier)
        #expect(relations.problems.first?.description.contains("dit is geen tabel van contactpersonen: ") == true)
        let contacts = ActivityImport.prepare(try records(ContactTable.rows(dossier, consultedOnly: false)), into: dossier, today: Fixtures.date("2026-11-22"))
        #expect(contacts.problems.map(\.description) == ["regel 1: dit is een tabel van contactpersonen: importeer die met dossier import contacts"])
    }

    @Test("two contacts of one name at a relation: an edited row is refused rather than guessed; the export unedited imports unchanged")
    func ambiguousName() throws {
        var dossier = try dossier()
        _ = try dossier.apply(.addContact(.relation("bom"), Contact(id: "sanne-de-wit-2", name: "Sanne de Wit", role: "stagiair")), context: Fixtures.context)
        let unedited = ContactImport.prepare(try records(ContactTable.rows(dossier, consultedOnly: false)), into: dossier)
        #expect(unedited.problems.isEmpty && unedited.changes.isEmpty && unedited.unchanged == 4, "\(unedited.problems)")
        let result = try prepared([["naam", "relatie", "rol"], ["Sanne de Wit", "bom", "x"]], into: dossier)
        #expect(result.problems.map(\.description) == [
            "regel 2, kolom 'naam': BOM heeft 2 contactpersonen die Sanne de Wit heten (sanne-de-wit, sanne-de-wit-2); bewerk die in het dossier (dossier edit-contact)",
        ])
    }

    @Test("the export 'gesprekspartners' (no column relatie): a name at the municipality and at a relation is told apart by its organisation")
    func consultedExport() throws {
        var dossier = try dossier()
        _ = try dossier.apply(.addContact(.relation("bom"), Contact(name: "Mieke Smits", role: "adviseur BOM", consultedForFramework: true)), context: Fixtures.context)
        let exported = ContactTable.rows(dossier, consultedOnly: true)
        #expect(exported[0] == ["naam", "organisatie", "rol", "e-mail", "versie"])
        #expect(exported.contains { $0.dropLast() == ["Mieke Smits", "BOM", "adviseur BOM", ""] && $0.last?.hasPrefix("v") == true && $0.last?.count == 9 })
        let unedited = ContactImport.prepare(try records(exported), into: dossier)
        #expect(unedited.problems.isEmpty && unedited.changes.isEmpty, "\(unedited.problems)")
        // The municipality's Mieke Smits, told by her organisation: hers is updated, not BOM's.
        let own = try prepared([["naam", "organisatie", "rol", "e-mail"], ["Mieke Smits", "Gemeente Oss", "wethouder", ""]], into: dossier)
        #expect(own.problems.isEmpty, "\(own.problems)")
        #expect(own.changes == [.editContact(.municipality, "mieke-smits", [FieldEdit(field: "role", old: .text("adviseur"), new: .text("wethouder"))])])
        let bom = try prepared([["naam", "organisatie", "rol", "e-mail"], ["Mieke Smits", "BOM", "adviseur BOM", "m.smits@bom.nl"]], into: dossier)
        #expect(bom.changes.map { if case let .editContact(owner, _, _) = $0 { owner.relationID ?? "gemeente" } else { "" } } == ["bom"])
        let nowhere = try prepared([["naam", "organisatie"], ["Mieke Smits", "Pivot Park"]], into: dossier)
        #expect(nowhere.problems.first?.message == "Mieke Smits staat bij meer dan één relatie (of ook bij de gemeente zelf), en de organisatie wijst er "
                + "geen van aan: voeg een kolom 'relatie' toe (id of naam, of 'gemeente') om te zeggen welke")
        let unclear = try prepared([["naam", "rol"], ["Mieke Smits", "x"]], into: dossier)
        #expect(unclear.problems.first?.message == "Mieke Smits staat bij meer dan één relatie (of ook bij de gemeente zelf): voeg een kolom 'relatie' "
                + "toe (id of naam, of 'gemeente') om te zeggen welke")
    }

    @Test("a 'gesprekspartners' export read back after the person changed: left alone unedited, refused edited (it undid the change and emptied the e-mail)")
    func consultedExportVersions() throws {
        var dossier = try dossier()
        _ = try dossier.apply(.addContact(.relation("bom"), Contact(name: "Jan Jansen", role: "oud", consultedForFramework: true)), context: Fixtures.context)
        let file = ContactTable.rows(dossier, consultedOnly: true)
        let jan = try #require(file.firstIndex { $0[0] == "Jan Jansen" })
        #expect(ContactImport.prepare(try records(file), into: dossier).changes.isEmpty)
        let id = try #require(dossier.relation("bom")?.contacts.first { $0.name == "Jan Jansen" }?.id)
        try dossier.apply(.editContact(.relation("bom"), id, [FieldEdit(field: "role", old: .text("oud"), new: .text("nieuw")),
                                                             FieldEdit(field: "email", old: .text(""), new: .text("jan@bom.nl"))]), context: Fixtures.context)
        let untouched = ContactImport.prepare(try records(file), into: dossier)
        #expect(untouched.changes.isEmpty && untouched.problems.isEmpty, "\(untouched.changes)")
        #expect(untouched.notices.map(\.message) == ["Jan Jansen bij BOM (of de relatie) is gewijzigd na deze export en deze regel niet: blijft zoals nu"])
        var edited = file
        edited[jan][2] = "teamleider"
        let refused = ContactImport.prepare(try records(edited), into: dossier)
        #expect(refused.changes.isEmpty && refused.problems.first?.column == "versie", "\(refused.problems)")
        // A file of all columns with one taken out in the spreadsheet still imports, as before.
        let all = ContactTable.rows(dossier, consultedOnly: false)
        let withoutPhone = all.map { row in row.enumerated().filter { $0.offset != 4 }.map(\.element) }
        #expect(withoutPhone[0].contains("telefoon") == false)
        let unchanged = ContactImport.prepare(try records(withoutPhone), into: dossier)
        #expect(unchanged.changes.isEmpty && unchanged.problems.isEmpty, "\(unchanged.problems)")
        // And a row copied in it from another person's, renamed, adds that person, as before.
        let sanne = try #require(withoutPhone.first { $0[0] == "Sanne de Wit" })
        let copied = ContactImport.prepare(try records(withoutPhone + [["Nieuwe Collega"] + sanne.dropFirst()]), into: dossier)
        #expect(copied.added == 1 && copied.problems.isEmpty, "\(copied.problems)")
    }

    @Test("a phone number a spreadsheet read as a number (leading zero gone) is the stored one; one new person twice in a file is refused")
    func spreadsheetHabits() throws {
        var dossier = try dossier()
        _ = try dossier.apply(.addContact(.relation("bom"), Contact(name: "Jan Mobiel", phone: "0612345678")), context: Fixtures.context)
        let zero = try prepared([["naam", "relatie", "telefoon"], ["Jan Mobiel", "bom", "612345678"]], into: dossier)
        #expect(zero.changes.isEmpty && zero.unchanged == 1, "\(zero.changes)")
        _ = try dossier.apply(.addContact(.relation("bom"), Contact(name: "Ans Buitenland", phone: "0031 6 12345678")), context: Fixtures.context)
        #expect(try prepared([["naam", "relatie", "telefoon"], ["Ans Buitenland", "bom", "31612345678"]], into: dossier).unchanged == 1)
        let changed = try prepared([["naam", "relatie", "telefoon"], ["Jan Mobiel", "bom", "0687654321"]], into: dossier)
        #expect(changed.changes.count == 1)
        let twice = try prepared([["naam", "relatie", "rol"], ["Piet Nieuw", "bom", "a"], ["piet nieuw", "BOM", "b"]], into: dossier)
        #expect(twice.added == 1)
        #expect(twice.problems.map(\.description) == ["regel 3, kolom 'naam': Piet Nieuw bij BOM staat al op regel 2 van dit bestand; één regel per persoon"])
        // Digits that begin with 0 are written as text for a spreadsheet (an apostrophe before them), and read back without it.
        _ = try dossier.apply(.addContact(.relation("bom"), Contact(name: "Uwe Ausland", phone: "004915112345678")), context: Fixtures.context)
        let exported = ContactTable.rows(dossier, consultedOnly: false)
        let phones = Dictionary(exported.dropFirst().map { ($0[0], $0[4]) }, uniquingKeysWith: { (first: String, _: String) in first })
        #expect(phones["Uwe Ausland"] == "'004915112345678" && phones["Jan Mobiel"] == "'0612345678" && phones["Ans Buitenland"] == "0031 6 12345678")
        let back = try prepared([["naam", "relatie", "telefoon"], ["Uwe Ausland", "bom", "'004915112345678"], ["Jan Mobiel", "bom", "'0612345678"]], into: dossier)
        #expect(back.changes.isEmpty && back.unchanged == 2 && back.problems.isEmpty, "\(back.changes) \(back.problems)")
        let existingTwice = try prepared([["naam", "relatie", "rol"], ["Jan Mobiel", "bom", "a"], ["Jan Mobiel", "bom", "b"], ["Jan Mobiel", "bom", ""]], into: dossier)
        #expect(existingTwice.updated == 1 && existingTwice.problems.map(\.line) == [3, 4], "\(existingTwice.problems)")
    }
}
