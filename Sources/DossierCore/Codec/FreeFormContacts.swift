/// Phone numbers and e-mail addresses as format 1 and the first weeks of format 2 stored them: any text ("+31 6 1234
/// 5678 (mobiel)", "via het secretariaat", " jan@oss.nl"). Since then a contact's phone and e-mail are read as
/// every typed one is (`PhoneNumber.read`, `EmailAddress.read`), and a file or journal line with such a text no longer
/// loaded. Brought into format 3 (`SchemaMigrations`), a value is read that way; one that does not read so is kept
/// word for word in the contact's notes and its field left empty, as format 2 kept a country that did not read.
enum FreeFormContacts {
    private typealias Reader = (String) throws(ValueError) -> String

    /// The fields concerned, in the order their kept texts stand in the notes: the key a change names, the label of the
    /// kept text, the field, and its one reader.
    private static var fields: [(key: String, label: String, value: WritableKeyPath<Contact, String>, read: Reader)] {
        [("phone", "Telefoon", \.phone, PhoneNumber.read), ("email", "E-mail", \.email, EmailAddress.read)]
    }

    static func upgrade(_ contact: Contact) -> Contact {
        var contact = contact
        for field in fields {
            (contact[keyPath: field.value], contact.notes) = upgrade(contact[keyPath: field.value], field.label, notes: contact.notes, reading: field.read)
        }
        contact.notes = ordered(contact.notes)
        return contact
    }

    static func upgrade(_ relation: Relation) -> Relation {
        var relation = relation
        relation.contacts = relation.contacts.map(upgrade)
        return relation
    }

    /// A whole older document, read into the current types.
    static func upgrade(_ dossier: Dossier) -> Dossier {
        var upgraded = dossier
        for (position, relation) in dossier.relations.enumerated() {
            let relationUpgraded = upgrade(relation)
            if relationUpgraded != relation { upgraded.replaceRelation(at: position, with: relationUpgraded) }
        }
        upgraded.internalContacts = upgraded.internalContacts.map(upgrade)
        return upgraded
    }

    /// A change written in an older format, as it reads on `dossier` (where the contacts it names were brought up to date
    /// already): a contact it adds or puts back is upgraded as above; an edit of a phone or e-mail from an older text to a
    /// newer one edits the values they read as, and a newer one that does not read goes to the notes.
    static func upgrade(_ change: Change, in dossier: Dossier) -> Change {
        switch change {
        case let .addContact(owner, contact): return .addContact(owner, upgrade(contact))
        case let .addRelation(relation): return .addRelation(upgrade(relation))
        case let .updateRelation(relation): return .updateRelation(upgrade(relation))
        case let .editContact(owner, id, edits):
            guard let contact = dossier.contacts(of: owner)?.first(where: { $0.id == id }) else { return change }
            return .editContact(owner, id, upgrade(edits, of: contact))
        case .restore(var restoration):
            restoration.relations = restoration.relations.map(upgrade)
            restoration.ownContacts = restoration.ownContacts.map(upgrade)
            return .restore(restoration)
        case let .batch(changes, label):
            // Each step on the dossier as the steps before it left it.
            var working = dossier, upgraded: [Change] = []
            for step in changes {
                let step = upgrade(step, in: working)
                upgraded.append(step)
                var context = ChangeContext(actor: "", timestamp: Timestamp(secondsSinceEpoch: 0), today: CalendarDate(dayNumber: 0))
                context.isReplay = true
                _ = try? working.apply(step, context: context)
            }
            return .batch(upgraded, label: label)
        default: return change
        }
    }

    private static func upgrade(_ snapshot: Snapshot<Relation>) -> Snapshot<Relation> { upgrade(snapshot, each: upgrade) }
    private static func upgrade(_ snapshot: Snapshot<Contact>) -> Snapshot<Contact> { upgrade(snapshot, each: upgrade) }

    /// What a snapshot puts back, and what it expects to find (which was upgraded as it was loaded), each upgraded.
    private static func upgrade<Entity>(_ snapshot: Snapshot<Entity>, each upgrade: (Entity) -> Entity) -> Snapshot<Entity> {
        var snapshot = snapshot
        snapshot.value = snapshot.value.map(upgrade)
        if case .value(let expected) = snapshot.expected { snapshot.expected = .value(upgrade(expected)) }
        return snapshot
    }

    /// The edits of `contact` (as it is now, upgraded) with its phone and e-mail as they read now.
    private static func upgrade(_ edits: [FieldEdit], of contact: Contact) -> [FieldEdit] {
        var edits = edits
        var notes = contact.notes
        if let notesEdit = edits.first(where: { $0.field == "notes" }) {
            // The notes as the edit writes them, keeping what the upgrade put in them (the edit was written before it).
            let before = Set(text(notesEdit.old).split(separator: "\n").map(String.init))
            let kept = contact.notes.split(separator: "\n").map(String.init).filter { line in
                !before.contains(line) && isKept(line)
            }
            notes = ([text(notesEdit.new)] + kept).filter { !$0.isEmpty }.joined(separator: "\n")
        }
        for (field, label, _, read) in fields {
            guard let place = edits.firstIndex(where: { $0.field == field }) else { continue }
            let old = upgrade(text(edits[place].old), label, notes: "", reading: read)
            // The old text that went to the notes goes from them too, as it went from its field (a number cleared or corrected).
            if !old.notes.isEmpty {
                var lines = notes.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if let line = lines.firstIndex(of: old.notes) { lines.remove(at: line) }
                notes = lines.joined(separator: "\n")
            }
            let new = upgrade(text(edits[place].new), label, notes: notes, reading: read)
            notes = new.notes
            edits[place] = FieldEdit(field: field, old: .text(old.value), new: .text(new.value))
        }
        notes = ordered(notes)
        if notes != contact.notes || edits.contains(where: { $0.field == "notes" }) {
            edits.removeAll { $0.field == "notes" }
            edits.append(FieldEdit(field: "notes", old: .text(contact.notes), new: .text(notes)))
        }
        // An edit from a text that did not read to another that does not: both are empty now, and only the notes change.
        // (Nothing left: the first, from empty to empty, which changes nothing; a change without edits is refused.)
        let changing = edits.filter { $0.field == "notes" || !($0.old.isEmpty && $0.new.isEmpty) }
        return changing.isEmpty ? Array(edits.prefix(1)) : changing
    }

    private static func text(_ value: FieldValue) -> String {
        if case .text(let text) = value { return text }
        return ""
    }

    /// Whether a line of the notes is a text the upgrade kept there.
    private static func isKept(_ line: String) -> Bool {
        fields.contains { line.hasPrefix(remark($0.label, "")) }
    }

    /// "Telefoon zoals eerder vastgelegd: via het secretariaat".
    private static func remark(_ label: String, _ text: String) -> String {
        "\(label) zoals eerder vastgelegd: \(text)"
    }

    /// The notes with what the upgrade kept in them last, phone before e-mail: the same whichever way a contact came to them
    /// (upgraded whole, or edited by older journal lines), so that an older undo finds the contact as it expects.
    private static func ordered(_ notes: String) -> String {
        let lines = notes.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let kept = fields.map { field in lines.filter { $0.hasPrefix(remark(field.label, "")) } }
        guard kept.contains(where: { !$0.isEmpty }) else { return notes }
        let own = lines.filter { !isKept($0) }
        return ((own == [""] ? [] : own) + kept.flatMap { $0 }).joined(separator: "\n")
    }

    private static func upgrade(_ text: String, _ label: String, notes: String, reading read: Reader) -> (value: String, notes: String) {
        guard !text.isBlank else { return ("", notes) }
        if let value = try? read(text) { return (value, notes) }
        // On one line, so that a later edit of the value finds it again.
        let remark = remark(label, ListText.oneLine(text))
        return ("", notes.isEmpty ? remark : notes + "\n" + remark)
    }
}
