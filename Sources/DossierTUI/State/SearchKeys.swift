import DossierCore

/// The texts a `/` search looks in, folded for case and accents: for each relation its names, places,
/// contacts and notes, for each activity its title, places, people, notes and the names of its relations.
/// Folding every activity's texts is most of what an index costs (time and memory), so these are made
/// only when a search needs them, on all cores.
public struct SearchKeys: Sendable, Equatable {
    /// Aligned with `dossier.relations`.
    public var relations: FoldedKeys
    /// Aligned with `dossier.activities`; the title is each key's first field.
    public var activities: FoldedKeys

    public init(dossier: Dossier) {
        relations = FoldedKeys(count: dossier.relations.count) { position, folder, bytes in
            SearchKeys.key(dossier.relations[position], folder: &folder, into: &bytes)
        }
        activities = FoldedKeys(count: dossier.activities.count) { position, folder, bytes in
            SearchKeys.key(dossier.activities[position], in: dossier, folder: &folder, into: &bytes)
        }
    }

    /// The keys moved along with the entities' places (before `update` makes those of the entities touched).
    mutating func move(relations relationPlaces: Renumbering, activities activityPlaces: Renumbering) {
        relations.move(relationPlaces)
        activities.move(activityPlaces)
    }

    /// Brings the keys up to date after a change that edited or added the entities at these positions;
    /// activities that show a renamed relation's name are folded again too.
    mutating func update(relations relationPositions: [Int], activities activityPositions: [Int], renamed: Set<RelationID>,
                         in dossier: Dossier) {
        var folder = SearchText.Folder()
        for position in relationPositions.sorted() {
            relations.set(position, folder: &folder) { SearchKeys.key(dossier.relations[position], folder: &$0, into: &$1) }
        }
        var activitySet = Set(activityPositions)
        if !renamed.isEmpty {
            dossier.activities.withUnsafeBufferPointer { all in
                for position in all.indices where all[position].relations.contains(where: renamed.contains) { activitySet.insert(position) }
            }
        }
        for position in activitySet.sorted() {
            activities.set(position, folder: &folder) { SearchKeys.key(dossier.activities[position], in: dossier, folder: &$0, into: &$1) }
        }
    }

    /// Names, places, contacts and notes of a relation, folded.
    static func key(_ relation: Relation, folder: inout SearchText.Folder, into bytes: inout [UInt8]) -> Int {
        SearchFields.key(SearchFields.of(relation), folder: &folder, into: &bytes)
    }

    /// Title, places, people and notes of an activity and the names of its relations, folded.
    static func key(_ activity: Activity, in dossier: Dossier, folder: inout SearchText.Folder, into bytes: inout [UInt8]) -> Int {
        SearchFields.key(SearchFields.of(activity, in: dossier), folder: &folder, into: &bytes)
    }
}
