/// One field that differs between two versions of a relation or activity, in words.
public struct FieldDifference: Hashable, Sendable {
    public var label: String
    public var old: String
    public var new: String
    /// A contact or link that comes or goes as a whole (its name in `old` or `new`).
    public var isWholeItem: Bool
    /// A relation or activity that goes or comes back as a whole: `label` names it, `new` says what happens.
    public var isWholeRecord = false

    public init(label: String, old: String, new: String, isWholeItem: Bool = false) {
        self.label = label
        self.old = old
        self.new = new
        self.isWholeItem = isWholeItem
    }

    /// "activiteit Studiereis verwijderd".
    public static func wholeRecord(_ label: String, _ what: String) -> FieldDifference {
        var difference = FieldDifference(label: label, old: "", new: what)
        difference.isWholeRecord = true
        return difference
    }

    /// "Geraamde kosten: € 2.500,00 → € 3.000,00"; a whole record "activiteit Studiereis verwijderd", without an old value.
    public var text: String { isWholeRecord ? "\(label) \(new)" : "\(label): \(old) → \(new)" }
}

/// What differs between two versions of a relation or an activity, field by field: for the log of an
/// undo, a redo or an older whole-record edit. Uses the same field tables as the forms and edits.
public enum RecordDifference {
    public static func relation(from old: Relation, to new: Relation, in dossier: Dossier) -> [FieldDifference] {
        var differences: [FieldDifference] = []
        if old.status != new.status { differences.append(FieldDifference(label: "Status", old: old.status.label, new: new.status.label)) }
        if old.reviewDate != new.reviewDate {
            differences.append(FieldDifference(label: "Herijkingsdatum", old: old.reviewDate.map(DateWriting.standard.date) ?? FieldText.nothing,
                                               new: new.reviewDate.map(DateWriting.standard.date) ?? FieldText.nothing))
        }
        differences += table(Relation.fields, from: old, to: new, in: dossier)
        differences += items(old.contacts, new.contacts, heading: "Contactpersoon", name: \.name, table: Contact.fields, in: dossier)
        differences += items(old.links, new.links, heading: "Link", name: \.label, table: Link.fields, in: dossier)
        return differences
    }

    public static func activity(from old: Activity, to new: Activity, in dossier: Dossier) -> [FieldDifference] {
        var differences: [FieldDifference] = []
        if old.status != new.status { differences.append(FieldDifference(label: "Status", old: old.status.label, new: new.status.label)) }
        differences += table(Activity.fields, from: old, to: new, in: dossier)
        differences += followUps(old.followUps, new.followUps, in: dossier)
        if old.assessments.count != new.assessments.count {
            differences.append(FieldDifference(label: "Afwegingen", old: String(old.assessments.count), new: String(new.assessments.count)))
        }
        differences += items(old.links, new.links, heading: "Link", name: \.label, table: Link.fields, in: dossier)
        return differences
    }

    static func table<Entity>(_ table: FieldTable<Entity>, from old: Entity, to new: Entity, in dossier: Dossier) -> [FieldDifference] {
        table.edits(from: old, to: new).compactMap { edit in
            table.field(edit.field).map { field in
                let (old, new) = field.logged(old: edit.old, new: edit.new, in: dossier)
                return FieldDifference(label: field.label, old: old, new: new)
            }
        }
    }

    /// Contacts or links: added, removed, or changed field by field ("Contactpersoon Britta Driessen, E-mail").
    static func items<Item: Identifiable & Equatable>(_ old: [Item], _ new: [Item], heading: String, name: KeyPath<Item, String>,
                                                     table: FieldTable<Item>, in dossier: Dossier) -> [FieldDifference] where Item.ID == String {
        var differences: [FieldDifference] = []
        for item in old where !new.contains(where: { $0.id == item.id }) {
            differences.append(FieldDifference(label: heading, old: item[keyPath: name], new: FieldText.nothing, isWholeItem: true))
        }
        for item in new {
            guard let before = old.first(where: { $0.id == item.id }) else {
                differences.append(FieldDifference(label: heading, old: FieldText.nothing, new: item[keyPath: name], isWholeItem: true))
                continue
            }
            guard before != item else { continue }
            for difference in self.table(table, from: before, to: item, in: dossier) {
                differences.append(FieldDifference(label: "\(heading) \(before[keyPath: name]), \(difference.label.lowercasedFirst)",
                                                   old: difference.old, new: difference.new))
            }
        }
        return differences
    }

    /// Follow-ups: one added or removed anywhere in the list as a whole ("Vervolgactie: – → Verslag naar B&W"), else
    /// place by place, field by field ("Vervolgactie Verslag naar B&W, uiterlijk: 1-2-2027 → 15-2-2027").
    static func followUps(_ old: [FollowUp], _ new: [FollowUp], in dossier: Dossier) -> [FieldDifference] {
        let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        if old.count == new.count + 1, old[(first + 1)...].elementsEqual(new[first...]) {
            return [FieldDifference(label: "Vervolgactie", old: followUpText(old[first]), new: FieldText.nothing, isWholeItem: true)]
        }
        if new.count == old.count + 1, new[(first + 1)...].elementsEqual(old[first...]) {
            return [FieldDifference(label: "Vervolgactie", old: FieldText.nothing, new: followUpText(new[first]), isWholeItem: true)]
        }
        var differences: [FieldDifference] = []
        for index in first..<max(old.count, new.count) {
            let before = old.indices.contains(index) ? old[index] : nil
            let after = new.indices.contains(index) ? new[index] : nil
            switch (before, after) {
            case let (before?, after?) where before != after:
                for difference in table(FollowUp.fields, from: before, to: after, in: dossier) {
                    differences.append(FieldDifference(label: "Vervolgactie \(before.text), \(difference.label.lowercasedFirst)", old: difference.old, new: difference.new))
                }
                if before.isDone != after.isDone {
                    differences.append(FieldDifference(label: "Vervolgactie \(before.text), status", old: before.isDone ? "afgevinkt" : "open",
                                                       new: after.isDone ? "afgevinkt" : "open"))
                }
            case let (before?, nil):
                differences.append(FieldDifference(label: "Vervolgactie", old: followUpText(before), new: FieldText.nothing, isWholeItem: true))
            case let (nil, after?):
                differences.append(FieldDifference(label: "Vervolgactie", old: FieldText.nothing, new: followUpText(after), isWholeItem: true))
            default:
                break
            }
        }
        return differences
    }

    /// "Verslag naar B&W (uiterlijk 1-4-2027)", "Verslag naar B&W (afgevinkt)": for a sentence, so without the list's [ ].
    static func followUpText(_ followUp: FollowUp) -> String {
        let notes = (followUp.due.map { ["uiterlijk \(DateWriting.standard.date($0))"] } ?? []) + (followUp.isDone ? ["afgevinkt"] : [])
        return followUp.text + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
    }
}

extension String {
    /// "E-mail" → "e-mail", for a label inside a sentence.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
