extension Dossier {
    /// Whether every record a restoration names is already as it would put it back (undone elsewhere, or by a colleague).
    public func alreadyHolds(_ restoration: Restoration) -> Bool {
        restoration.relations.allSatisfy { relation($0.id) == $0.value } && restoration.activities.allSatisfy { activity($0.id) == $0.value }
            && restoration.ownContacts.allSatisfy { ownContact($0.id) == $0.value } && restoration.budgetLines.allSatisfy { budgetLine($0.id) == $0.value }
            && (restoration.framework.map { $0.value == framework } ?? true)
    }
}

extension Restoration {
    /// One restoration for changes applied one after the other: per entity its state before the first of them,
    /// and it names everything any of them touched. Each place stays as its own restoration recorded it, in the list
    /// as the changes before had left it (a batch's own restoration takes them back to before its first step, see
    /// `BatchPlaces`): for a reader that follows the places itself (the screen's index, `Renumbering`).
    public static func combining(_ restorations: [Restoration], label: String) -> Restoration {
        var seenRelations = Set<String>(), seenActivities = Set<String>(), seenContacts = Set<String>(), seenLines = Set<String>()
        var relations: [Snapshot<Relation>] = [], activities: [Snapshot<Activity>] = [], contacts: [Snapshot<Contact>] = []
        var lines: [Snapshot<BudgetLine>] = [], framework: Snapshot<Framework>?
        for restoration in restorations {
            for snapshot in restoration.relations where seenRelations.insert(snapshot.id).inserted { relations.append(snapshot) }
            for snapshot in restoration.activities where seenActivities.insert(snapshot.id).inserted { activities.append(snapshot) }
            for snapshot in restoration.ownContacts where seenContacts.insert(snapshot.id).inserted { contacts.append(snapshot) }
            for snapshot in restoration.budgetLines where seenLines.insert(snapshot.id).inserted { lines.append(snapshot) }
            if framework == nil { framework = restoration.framework }
        }
        return Restoration(label: label, relations: relations, activities: activities, ownContacts: contacts, budgetLines: lines, framework: framework)
    }
}
