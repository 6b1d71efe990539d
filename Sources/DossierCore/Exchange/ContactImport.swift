/// Reading contacts from the table `ContactTable` writes (or a list made by hand with some of its columns): a row
/// names a contact of a relation (column 'relatie', by id or name); one with the name of a contact that relation
/// has updates that contact, any other is added. Nothing is removed. Every row is checked first; each problem
/// names its line and column. The municipality's own contacts are kept in the file and are not imported.
public struct ContactImport: Sendable {
    public typealias Problem = ActivityImport.Problem

    /// The changes of the rows that can be imported, in file order, one per row.
    public var changes: [Change] = []
    public var problems: [Problem] = []
    /// What the person importing should know without stopping the import: a new contact with the name of another.
    public var notices: [Problem] = []
    public var added = 0
    public var updated = 0
    public var unchanged = 0

    /// The columns an import reads, as the export writes them, with the contact field each one sets.
    static let columns: [(heading: String, field: String)] = [
        ("naam", "name"), ("organisatie", "organisation"), ("rol", "role"), ("e-mail", "email"), ("telefoon", "phone"),
        ("gesprekspartner kader", "consultedForFramework"), ("toelichting", "notes"),
    ]
    static let relationHeading = "relatie"

    /// Checks every row against the dossier; no row is imported yet.
    public static func prepare(_ records: [CSV.Record], into dossier: Dossier) -> ContactImport {
        var result = ContactImport()
        let headings = columns.map(\.heading) + [relationHeading]
        guard let header = records.first else {
            result.problems.append(ImportHeader.emptyFile(known: headings))
            return result
        }
        let read = ImportHeader(header, known: headings, table: "contactpersonen", export: "contacts")
        let columnIndex = read.columns, width = read.width
        result.problems = read.problems
        guard !read.isOtherTable else { return result }
        if columnIndex["naam"] == nil { result.problems.append(Problem(line: header.line, column: "naam", message: "deze kolom ontbreekt")) }
        guard result.problems.isEmpty else { return result }

        // Rows are checked in order against a working copy, so that a later row sees a contact an earlier one added.
        var working = dossier
        let context = ChangeContext(actor: "import", timestamp: Timestamp(secondsSinceEpoch: 0), today: CalendarDate(dayNumber: 0))
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if let problem = ActivityImport.shapeProblem(of: record, header: header, width: width, isExported: false, updates: false) {
                result.problems.append(problem)
                continue
            }
            var row = ContactRow(record: record, columns: columnIndex)
            guard let change = row.change(in: working) else {
                result.problems += row.problems
                result.unchanged += row.isUnchanged ? 1 : 0
                continue
            }
            do {
                _ = try working.apply(change, context: context)
            } catch {
                result.problems.append(Problem(line: record.line, column: columns.first { $0.field == error.field }?.heading, message: error.message))
                continue
            }
            result.changes.append(change)
            if case let .addContact(relationID, contact) = change {
                result.added += 1
                if let relation = working.relation(relationID), let double = LikelyDouble.contact(contact.id, of: relation) {
                    result.notices.append(Problem(line: record.line, column: "naam", message: "\(double); toegevoegd als \(contact.id)"))
                }
            } else {
                result.updated += 1
            }
        }
        return result
    }
}

/// One row of a contacts table: its relation, the contact it names, and the values of its cells.
struct ContactRow {
    let record: CSV.Record
    let columns: [String: Int]
    var problems: [ActivityImport.Problem] = []
    /// The row holds what the dossier holds: no change, no problem.
    var isUnchanged = false

    func cell(_ heading: String) -> String? {
        guard let index = columns[heading] else { return nil }
        return index < record.fields.count ? record.fields[index] : ""
    }

    mutating func problem(_ column: String?, _ message: String) {
        problems.append(ActivityImport.Problem(line: record.line, column: column, message: message))
    }

    /// The change this row makes (an edit or an addition); nil when it has problems or changes nothing (`isUnchanged`).
    mutating func change(in dossier: Dossier) -> Change? {
        let name = cell("naam")?.trimmingSpaces() ?? ""
        guard !name.isEmpty else {
            problem("naam", "een contactpersoon heeft een naam nodig")
            return nil
        }
        let relationText = cell(ContactImport.relationHeading)?.trimmingSpaces()
        guard let relation = findRelation(relationText, name: name, in: dossier) else { return nil }
        let existing = relation.contacts.filter { LikelyDouble.sameName($0.name, name) }
        guard existing.count <= 1 else {
            problem("naam", "\(relation.name) heeft \(existing.count) contactpersonen die \(name) heten (\(existing.map(\.id).joined(separator: ", "))); "
                    + "bewerk die in het dossier (dossier edit-contact)")
            return nil
        }
        var contact = existing.first ?? Contact(id: relation.contacts.newContactID(for: name), name: name)
        for (heading, key) in ContactImport.columns {
            guard var text = cell(heading), let field = Contact.fields.field(key) else { continue }
            // The export writes the relation's name where a contact has no organisation of its own.
            if key == "organisation", contact.organisation.isEmpty, text.trimmingSpaces() == relation.name { text = "" }
            // An empty cell for a yes/no column leaves it as it is (a list made by hand may leave the column empty).
            if key == "consultedForFramework", text.trimmingSpaces().isEmpty { continue }
            let typed = key == "notes" ? text : text.trimmingSpaces()
            do {
                try field.set(try field.parse(typed, in: dossier), in: &contact)
            } catch {
                problem(heading, error.message)
            }
        }
        guard problems.isEmpty else { return nil }
        guard let before = existing.first else { return .addContact(relation.id, contact) }
        let edits = Contact.fields.edits(from: before, to: contact)
        guard !edits.isEmpty else {
            isUnchanged = true
            return nil
        }
        return .editContact(relation.id, before.id, edits)
    }

    /// The relation a row's contact belongs to: the one the column 'relatie' names; without that column, the one relation
    /// that has a contact of this name. Nil (with a problem, or unchanged for a contact of the municipality) otherwise.
    private mutating func findRelation(_ text: String?, name: String, in dossier: Dossier) -> Relation? {
        if let text, !text.isEmpty {
            do {
                return try NameLookup.relation(text, in: dossier)
            } catch {
                problem(ContactImport.relationHeading, error.message)
                return nil
            }
        }
        if text != nil || !dossier.relations.contains(where: { $0.contacts.contains { LikelyDouble.sameName($0.name, name) } }) {
            // The municipality's own contacts (an empty 'relatie' in the export) are kept in the file, not imported.
            if dossier.internalContacts.contains(where: { LikelyDouble.sameName($0.name, name) }) {
                isUnchanged = true
                return nil
            }
            problem(ContactImport.relationHeading, text == nil
                ? "bij welke relatie hoort \(name)? Geen relatie heeft een contactpersoon met die naam; voeg een kolom 'relatie' toe (id of naam)"
                : "bij welke relatie hoort \(name)? Zet de id of naam van de relatie in deze kolom")
            return nil
        }
        let owners = dossier.relations.filter { $0.contacts.contains { LikelyDouble.sameName($0.name, name) } }
        guard owners.count == 1 else {
            problem(ContactImport.relationHeading, "\(name) is contactpersoon bij \(owners.map(\.name).joined(separator: " en ")): "
                    + "voeg een kolom 'relatie' toe (id of naam) om te zeggen welke")
            return nil
        }
        return owners[0]
    }
}
