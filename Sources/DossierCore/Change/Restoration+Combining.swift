extension Restoration {
    /// One restoration for changes applied one after the other: per entity its state before the first of
    /// them, so applying it undoes them all (a batch), and it names everything any of them touched.
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
