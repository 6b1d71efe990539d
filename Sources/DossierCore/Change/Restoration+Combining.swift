extension Restoration {
    /// One restoration for changes applied one after the other: per entity its state before the first of them,
    /// and it names everything any of them touched. Each place stays as its own restoration recorded it, in the list
    /// as the changes before had left it (a batch's own restoration takes them back to before its first step, see
    /// `BatchPlaces`): for a reader that follows the places itself (the screen's index, `Renumbering`).
    public static func combining(_ restorations: [Restoration], label: String) -> Restoration {
        var seenRelations = Set<String>(), seenActivities = Set<String>()
        var relations: [Snapshot<Relation>] = [], activities: [Snapshot<Activity>] = []
        for restoration in restorations {
            for snapshot in restoration.relations where seenRelations.insert(snapshot.id).inserted { relations.append(snapshot) }
            for snapshot in restoration.activities where seenActivities.insert(snapshot.id).inserted { activities.append(snapshot) }
        }
        return Restoration(label: label, relations: relations, activities: activities)
    }
}
