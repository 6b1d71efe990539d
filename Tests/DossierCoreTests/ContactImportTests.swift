import DossierCore
import DossierTestSupport
import Testing

@Suite("Importing contacts from a table")
struct ContactImportTests {
    /// The small dossier with a second contact at BOM and one of the municipality itself.
    private func dossier() throws -> Dossier {
        var dossier = Fixtures.smallDossier()
        _ = try dossier.apply(.addContact("bom", Contact(name: "Sanne de Wit", role: "projectleider", phone: "+31 13 123 45 67")), context: Fixtures.context)
        return Dossier(title: dossier.title, framework: dossier.framework, budgetLines: dossier.budgetLines, relations: dossier.relations,
                       activities: dossier.activities, internalContacts: [Contact(name: "Mieke Smits", role: "adviseur")])
    }

    private func records(_ rows: [[String]]) throws -> [CSV.Record] {
        try CSV.decode(CSV.encode(rows))
    }

    private func prepared(_ rows: [[String]], into dossier: Dossier) throws -> ContactImport {
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
        #expect(result.changes.first == .editContact("bom", "sanne-de-wit", [
            FieldEdit(field: "name", old: .text("Sanne de Wit"), new: .text("sanne de wit")),
            FieldEdit(field: "email", old: .text(""), new: .text("s.dewit@bom.nl")),
        ]), "only what the row changes; an empty yes/no cell leaves it")
        guard case let .addContact("bom", added)? = result.changes.last else { Issue.record("no addition"); return }
        #expect(added == Contact(id: "anna-de-vries", name: "Anna de Vries", role: "beleidsmedewerker", email: "anna@bom.nl", consultedForFramework: true))
        var after = dossier
        _ = try after.apply(.batch(result.changes, label: "Import"), context: Fixtures.context)
        #expect(after.relation("bom")?.contacts.map(\.name) == ["sanne de wit", "Anna de Vries"])
    }

    @Test("without a column 'relatie' a row updates the one relation's contact of that name, and adds nobody")
    func withoutRelationColumn() throws {
        let dossier = try dossier()
        let result = try prepared([["naam", "telefoon"], ["Britta Driessen", "0412 123 456"], ["Nieuw Iemand", ""], ["Mieke Smits", ""]], into: dossier)
        #expect(result.updated == 1 && result.unchanged == 1)
        #expect(result.changes == [.editContact("pivot-park", "britta-driessen", [FieldEdit(field: "phone", old: .text(""), new: .text("0412 123 456"))])])
        #expect(result.problems.map(\.description) == [
            "regel 3, kolom 'relatie': bij welke relatie hoort Nieuw Iemand? Geen relatie heeft een contactpersoon met die naam; voeg een kolom 'relatie' toe (id of naam)",
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
        #expect(messages[4] == "regel 5, kolom 'relatie': bij welke relatie hoort Joop? Zet de id of naam van de relatie in deze kolom")
        #expect(messages[5].hasPrefix("regel 6: deze regel heeft een cel voorbij de laatste kolom"))

        let activities = try prepared(ActivityTable.rows(dossier.activities, in: dossier), into: dossier)
        #expect(activities.problems.count == 1)
        #expect(activities.problems.first?.description.contains("dit is geen tabel van contactpersonen") == true)
    }

    @Test("two contacts of one name at a relation: the row is refused rather than guessed")
    func ambiguousName() throws {
        var dossier = try dossier()
        _ = try dossier.apply(.addContact("bom", Contact(id: "sanne-de-wit-2", name: "Sanne de Wit", role: "stagiair")), context: Fixtures.context)
        let result = try prepared([["naam", "relatie", "rol"], ["Sanne de Wit", "bom", "x"]], into: dossier)
        #expect(result.problems.map(\.description) == [
            "regel 2, kolom 'naam': BOM heeft 2 contactpersonen die Sanne de Wit heten (sanne-de-wit, sanne-de-wit-2); bewerk die in het dossier (dossier edit-contact)",
        ])
    }
}
