/// Reading contacts from the table `ContactTable` writes (or a list made by hand with some of its columns): a row
/// names a contact of a relation (column 'relatie', by id or name) or of the municipality itself (`gemeente`); one
/// with the name of a contact that owner has updates that contact, any other is added. Nothing is removed. Every row
/// is checked first; each problem names its line and column.
public enum ContactImport {
    public typealias Problem = ImportPlan.Problem

    /// The columns an import reads, in the export's order, with the contact field each one sets (the relation: none).
    static let columns: [(heading: String, field: String?)] = [
        ("naam", "name"), ("organisatie", "organisation"), ("rol", "role"), ("e-mail", "email"), ("telefoon", "phone"),
        (relationHeading, nil), ("gesprekspartner kader", "consultedForFramework"), ("toelichting", "notes"),
    ]
    static let relationHeading = "relatie"

    /// Checks every row against the dossier; no row is imported yet.
    public static func prepare(_ records: [CSV.Record], into dossier: Dossier) -> ImportPlan {
        var result = ImportPlan()
        result.headerLine = records.first?.line ?? 1
        guard let read = ImportHeader(records, known: columns.map(\.heading) + [ContactTable.versionHeading], table: "contactpersonen", export: "contacts",
                                      other: ("activiteiten", "activities", ActivityTable.columns.map(\.heading)), problems: &result.problems)
        else { return result }
        let header = read.record, columnIndex = read.columns, width = read.width
        if columnIndex["naam"] == nil { result.problems.append(Problem(line: header.line, column: "naam", message: "deze kolom ontbreekt")) }
        guard result.problems.isEmpty else { return result }

        // The names each exported version stands on in this file: a row copied from another keeps that one's row beside it.
        var namesByVersion: [String: [String]] = [:]
        for record in records.dropFirst() {
            let row = ContactRow(record: record, columns: columnIndex)
            if let version = row.cell(ContactTable.versionHeading)?.trimmingSpaces(), !version.isEmpty { namesByVersion[version, default: []].append(row.name) }
        }
        // Rows are checked in order against a working copy; a person an earlier row changed or added is not changed again.
        var working = dossier
        var changedInFile: [String: Int] = [:]
        let context = ChangeContext(actor: "import", timestamp: Timestamp(secondsSinceEpoch: 0), today: CalendarDate(dayNumber: 0))
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if let problem = ActivityImport.shapeProblem(of: record, header: header, width: width, isExported: false, updates: false) {
                result.problems.append(problem)
                continue
            }
            var row = ContactRow(record: record, columns: columnIndex)
            // The state of the contact the row was exported from: a row exported before the contact was last changed (by a
            // colleague, or here) holds what that change replaced.
            let exported = row.cell(ContactTable.versionHeading)?.trimmingSpaces() ?? ""
            if !exported.isEmpty, !ActivityTable.isVersion(exported) {
                result.problems.append(Problem(line: record.line, column: ContactTable.versionHeading, message: "'\(exported)' is geen versie zoals de "
                    + "export die schrijft (v en acht tekens); zet terug wat er stond, of maak de cel leeg om de regel zonder controle te importeren"))
                continue
            }
            switch row.outcome(in: working) {
            case .refused:
                result.problems += row.problems
            case let .unchanged(owner, stored):
                result.unchanged += 1
                // Left as it is, it still says what this person is: a later row saying otherwise is refused, as after a change.
                if changedInFile[person(owner, stored)] == nil { changedInFile[person(owner, stored)] = record.line }
                if let notice = row.respelled(stored) { result.notices.append(notice) }
            case let .change(change, owner, name):
                // A person a row before this one changed, added or left as it is: which row holds what is meant, the file must say.
                let key = person(owner, name)
                if let line = changedInFile[key] {
                    result.problems.append(Problem(line: record.line, column: "naam", message: "\(name) bij \(working.name(of: owner)) staat al op "
                                                   + "regel \(line) van dit bestand; één regel per persoon"))
                    continue
                }
                changedInFile[key] = record.line
                if !exported.isEmpty {
                    switch row.staleness(exported, of: owner, in: dossier, namesInFile: namesByVersion[exported] ?? []) {
                    case .current:
                        break
                    case .copied(let notice):
                        if let notice { result.notices.append(Problem(line: record.line, column: ContactImport.relationHeading, message: notice)) }
                    case .untouched(let notice):
                        // Not edited in the file: it changes nothing, whatever changed since (a relation renamed stood in 'organisatie').
                        result.notices.append(Problem(line: record.line, column: nil, message: notice.text))
                        if notice.isGone { result.skipped += 1 } else { result.unchanged += 1 }
                        continue
                    case .stale(let message):
                        result.problems.append(Problem(line: record.line, column: ContactTable.versionHeading, message: message))
                        continue
                    }
                }
                do {
                    _ = try working.apply(change, context: context)
                } catch {
                    result.problems.append(Problem(line: record.line, column: columns.first { $0.field == error.field }?.heading, message: error.message))
                    continue
                }
                result.changes.append(change)
                if let notice = row.respelled(name) { result.notices.append(notice) }
                if case .addContact = change {
                    result.added += 1
                } else {
                    result.updated += 1
                }
            }
        }
        return result
    }

    /// Who a row is about, for telling whether two rows of a file are: the owner and the name as matched.
    static func person(_ owner: ContactOwner, _ name: String) -> String {
        (owner.relationID.map { "r:" + $0 } ?? "gemeente") + "\u{0}" + LikelyDouble.nameKey(name.trimmingSpaces())
    }
}

/// One row of a contacts table: whose contact it names, and what its cells make of that contact.
struct ContactRow {
    let record: CSV.Record
    let columns: [String: Int]
    var problems: [ImportPlan.Problem] = []

    enum Outcome {
        /// An edit or an addition, of the contact of `owner` named `name` (as stored).
        case change(Change, owner: ContactOwner, name: String)
        /// The contact of `owner` named `name` (as stored) as the row has it already.
        case unchanged(owner: ContactOwner, name: String)
        case refused
    }

    /// The name in the row, read as every name is read (a line break in a spreadsheet's cell is a space).
    var name: String {
        ListText.oneLine(cell("naam") ?? "").trimmingSpaces()
    }

    func cell(_ heading: String) -> String? {
        guard let index = columns[heading] else { return nil }
        return index < record.fields.count ? record.fields[index] : ""
    }

    /// The columns of the file a version covers: those of the import's that the file has, in the export's order (all of
    /// them in the export 'contacts', naam to e-mail in 'gesprekspartners').
    var exportedHeadings: [String] {
        ContactImport.columns.map(\.heading).filter { columns[$0] != nil }
    }

    /// A row that names a contact in another spelling ("sanne de wit" for Sanne de Wit) matches it, and the stored name
    /// stays: said, so that a correction meant in the file is not taken for done.
    func respelled(_ stored: String) -> ImportPlan.Problem? {
        let typed = name
        guard !typed.isEmpty, typed != stored else { return nil }
        return ImportPlan.Problem(line: record.line, column: "naam", message: "'\(typed)' is \(stored): de naam blijft zoals hij was "
                                  + "(een andere schrijfwijze wijzigt u met dossier edit-contact … --name)")
    }

    mutating func problem(_ column: String?, _ message: String) {
        problems.append(ImportPlan.Problem(line: record.line, column: column, message: message))
    }

    /// What this row does, against the dossier as the rows before it left it.
    mutating func outcome(in dossier: Dossier) -> Outcome {
        let name = self.name
        guard !name.isEmpty else {
            problem("naam", "een contactpersoon heeft een naam nodig")
            return .refused
        }
        guard let owner = owner(of: name, in: dossier) else { return .refused }
        let contacts = dossier.contacts(of: owner) ?? [], ownerName = dossier.name(of: owner)
        let existing = contacts.filter { LikelyDouble.sameName($0.name, name) }
        // Exactly as one of them (two of one name, exported and imported unedited): nothing to do.
        var candidates: [(before: Contact, after: Contact)] = []
        for contact in existing {
            guard let after = changed(contact, ownerName: ownerName, in: dossier) else { return .refused }
            if after == contact { return .unchanged(owner: owner, name: contact.name) }
            candidates.append((contact, after))
        }
        guard existing.count <= 1 else {
            problem("naam", "\(ownerName) heeft \(existing.count) contactpersonen die \(name) heten (\(existing.map(\.id).joined(separator: ", "))); "
                    + "bewerk die in het dossier (dossier edit-contact)")
            return .refused
        }
        if let (before, after) = candidates.first {
            return .change(.editContact(owner, before.id, Contact.fields.edits(from: before, to: after)), owner: owner, name: before.name)
        }
        guard let added = changed(Contact(id: contacts.newContactID(for: name), name: name), ownerName: ownerName, in: dossier) else {
            return .refused
        }
        return .change(.addContact(owner, added), owner: owner, name: name)
    }

    /// The contact with this row's cells taken over, each read by the field's own parser; nil with problems. The name stays
    /// as stored: a row matches a contact whatever its case and accents, and a list typed by hand should not strip them.
    private mutating func changed(_ contact: Contact, ownerName: String, in dossier: Dossier) -> Contact? {
        var result = contact
        let before = problems.count
        for (heading, key) in ContactImport.columns {
            guard let key, key != "name", var text = cell(heading), let field = Contact.fields.field(key) else { continue }
            text = key == "notes" ? text : text.trimmingSpaces()
            if key == "phone" { text = PhoneNumber.fromSpreadsheet(text) }
            switch key {
            // The export writes the owner's name where a contact has no organisation of its own.
            case "organisation" where contact.organisation.isEmpty && text == ownerName: text = ""
            // An empty yes/no cell leaves it as it is (a list made by hand may leave the column empty).
            case "consultedForFramework" where text.isEmpty: continue
            // A spreadsheet reads 0612345678 as a number and writes it back as 612345678: the stored number it was.
            case "phone" where PhoneNumber.lostLeadingZero(text, of: contact.phone): text = contact.phone
            // As stored: not read again, as an edit form leaves a field it did not touch (a number or address stored before
            // the reader took it stricter would be refused, and a file exported from this dossier would not go back).
            case "phone" where text == contact.phone, "email" where text == contact.email: continue
            default: break
            }
            do {
                try field.set(try field.parse(text, in: dossier), in: &result)
            } catch {
                problem(heading, error.message)
            }
        }
        return problems.count == before ? result : nil
    }

    enum Staleness {
        /// The contact is as the row was exported from: the row is read.
        case current
        /// The row was copied from another contact's (who is as it was exported) and adds a person: read. Said when it is
        /// the same person at another relation (the cell 'relatie' changed): that one stays where it was.
        case copied(String?)
        /// The row reads as it was exported: it changes nothing, said (the contact or its relation changed since, or it is gone).
        case untouched((text: String, isGone: Bool))
        /// The row was edited, and the contact changed since the export (or is gone): importing it would undo that.
        case stale(String)
    }

    /// The row's version (`versie`) against the contact of `owner` it names, as it is now in `dossier` (the row would change it).
    /// `namesInFile`: the names of the file's rows with this version.
    func staleness(_ exported: String, of owner: ContactOwner, in dossier: Dossier, namesInFile: [String]) -> Staleness {
        let headings = exportedHeadings, allHeadings = ContactImport.columns.map(\.heading)
        let untouched = ContactTable.version(ofCells: cell, headings: headings) == exported
        /// Whether the row was exported from this contact as it is now: over the file's columns, or over all of them (an
        /// export of all columns with one taken out in the spreadsheet).
        func isExported(_ contact: Contact, of relation: Relation?) -> Bool {
            [headings, allHeadings].contains { ContactTable.version(of: contact, of: relation, headings: $0) == exported }
        }
        let ownerName = dossier.name(of: owner)
        let stored = (dossier.contacts(of: owner) ?? []).filter { LikelyDouble.sameName($0.name, name) }
        let ownerRelation = owner.relationID.flatMap(dossier.relation)
        if stored.contains(where: { isExported($0, of: ownerRelation) }) { return .current }
        if stored.isEmpty {
            // A row copied from another person's and given a new name (how a spreadsheet adds one): that person's version
            // is still current, so this is an addition, not a person renamed or removed since.
            if let source = dossier.allContacts.first(where: { isExported($0.contact, of: $0.relation) }) {
                guard LikelyDouble.sameName(source.contact.name, name) else {
                    // Copied, the row it came from is still in the file; without it, the name was changed in the file.
                    if namesInFile.contains(where: { LikelyDouble.sameName($0, source.contact.name) }) { return .copied(nil) }
                    return .stale("deze regel was die van \(source.contact.name), met een andere naam: een naam wijzigt u met dossier edit-contact … --name; "
                                  + "is het een nieuwe persoon, maak deze cel dan leeg")
                }
                let there = source.relation?.name ?? Organiser.municipalityName
                return .copied("\(name) komt erbij bij \(ownerName), en blijft ook bij \(there) staan (de regel kwam van daar); is dat een verhuizing, "
                               + "verwijder de persoon daar dan met dossier remove-contact")
            }
            return untouched ? .untouched(("er is geen contactpersoon \(name) bij \(ownerName) (hernoemd of verwijderd na deze export, of de export komt "
                                           + "uit een ander dossier) en deze regel is niet gewijzigd: ze is overgeslagen; maak de cel 'versie' leeg om "
                                           + "hem toe te voegen", true))
                : .stale("er is geen contactpersoon \(name) bij \(ownerName): hernoemd of verwijderd na deze export, of komt de export uit een ander "
                         + "dossier? Haal de regel weg, of maak deze cel leeg om hem (opnieuw) toe te voegen")
        }
        return untouched ? .untouched(("\(name) bij \(ownerName) (of de relatie) is gewijzigd na deze export en deze regel niet: blijft zoals nu", false))
            : .stale("\(name) bij \(ownerName) (of de relatie) is gewijzigd na deze export; een import zou die wijziging terugdraaien. Exporteer opnieuw en breng "
                     + "uw wijziging daarin aan, of maak deze cel leeg om toch met deze regel te overschrijven")
    }

    /// Whose contact a row names: the relation the column 'relatie' names, or the municipality for `gemeente` (and for an
    /// empty cell, as older exports wrote, when the municipality has a contact of this name). Without that column (the
    /// export 'gesprekspartners'): whoever has a contact of this name, told apart by the column 'organisatie' when
    /// several have. Nil, with a problem, when that does not name one.
    private mutating func owner(of name: String, in dossier: Dossier) -> ContactOwner? {
        let isOwn = dossier.internalContacts.contains { LikelyDouble.sameName($0.name, name) }
        if let text = cell(ContactImport.relationHeading)?.trimmingSpaces() {
            if text.isEmpty {
                if isOwn { return .municipality }
                problem(ContactImport.relationHeading, "bij welke relatie hoort \(name)? Vul de id of naam van de relatie in, of '\(Organiser.municipalitySlug)' "
                        + "voor iemand van de gemeente zelf")
                return nil
            }
            do {
                return try NameLookup.contactOwner(text, in: dossier)
            } catch {
                problem(ContactImport.relationHeading, error.message)
                return nil
            }
        }
        var owners: [ContactOwner] = dossier.relations.filter { $0.contacts.contains { LikelyDouble.sameName($0.name, name) } }.map { .relation($0.id) }
        if isOwn { owners.append(.municipality) }
        let named = owners.count
        if owners.count > 1, let organisation = cell("organisatie")?.trimmingSpaces(), !organisation.isEmpty {
            owners = owners.filter { owner in
                LikelyDouble.sameName(dossier.name(of: owner), organisation) || (dossier.contacts(of: owner) ?? []).contains {
                    LikelyDouble.sameName($0.name, name) && LikelyDouble.sameName($0.organisation, organisation)
                }
            }
        }
        guard owners.count == 1 else {
            problem(ContactImport.relationHeading, named == 0
                ? "bij welke relatie hoort \(name)? Geen relatie heeft een contactpersoon met die naam; voeg een kolom 'relatie' toe (id of naam, of "
                    + "'\(Organiser.municipalitySlug)' voor de gemeente zelf)"
                : "\(name) staat bij meer dan één relatie (of ook bij de gemeente zelf)" + (owners.isEmpty ? ", en de organisatie wijst er geen van aan" : "")
                    + ": voeg een kolom 'relatie' toe (id of naam, of '\(Organiser.municipalitySlug)') om te zeggen welke")
            return nil
        }
        return owners[0]
    }
}
