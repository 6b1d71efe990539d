import DossierCore

/// The texts a `/` search looks in, folded for case and accents: for each relation its names, places,
/// contacts and notes, for each activity its title, places, people, notes and the names of its relations.
/// Folding every activity's texts is most of what an index costs (time and memory), so these are made
/// only when a search needs them, on all cores.
public struct SearchKeys: Sendable, Equatable {
    /// Aligned with `dossier.relations`.
    public var relations: [String]
    /// Aligned with `dossier.activities`.
    public var activities: [String]
    /// Aligned with `dossier.activities`: how many bytes of each key are its title, which typing a search
    /// prefers. The title is the key's first field and folding goes character by character, so the key begins
    /// with the folded title (a string of its own for each would cost ~8 MB at 100.000).
    public var activityTitleLengths: [Int]

    public init(dossier: Dossier) {
        var folder = SearchText.Folder()
        relations = dossier.relations.map { SearchKeys.key($0, folder: &folder) }
        // Each activity's keys stand alone, so all cores share the work; each chunk has its own folder.
        let folded = ParallelChunks.map(dossier.activities.count) { range in
            var folder = SearchText.Folder()
            return dossier.activities.withUnsafeBufferPointer { activities in
                range.map { (SearchKeys.key(activities[$0], in: dossier, folder: &folder), folder.fold(activities[$0].title).utf8.count) }
            }
        }
        activities = folded.map(\.0)
        activityTitleLengths = folded.map(\.1)
    }

    /// The keys moved along with the entities' places (before `update` makes those of the entities touched).
    mutating func move(relations relationPlaces: Renumbering, activities activityPlaces: Renumbering) {
        if !relationPlaces.keepsPlaces { relationPlaces.move(&relations) { _ in "" } }
        if !activityPlaces.keepsPlaces {
            activityPlaces.move(&activities) { _ in "" }
            activityPlaces.move(&activityTitleLengths) { _ in 0 }
        }
    }

    /// Brings the keys up to date after a change that edited or added the entities at these positions;
    /// activities that show a renamed relation's name are folded again too.
    mutating func update(relations relationPositions: [Int], activities activityPositions: [Int], renamed: Set<RelationID>,
                         in dossier: Dossier) {
        var folder = SearchText.Folder()
        for position in relationPositions.sorted() {
            DossierIndex.set(&relations, position, SearchKeys.key(dossier.relations[position], folder: &folder))
        }
        var activitySet = Set(activityPositions)
        if !renamed.isEmpty {
            dossier.activities.withUnsafeBufferPointer { all in
                for position in all.indices where all[position].relations.contains(where: renamed.contains) { activitySet.insert(position) }
            }
        }
        for position in activitySet.sorted() {
            let activity = dossier.activities[position]
            DossierIndex.set(&activities, position, SearchKeys.key(activity, in: dossier, folder: &folder))
            DossierIndex.set(&activityTitleLengths, position, folder.fold(activity.title).utf8.count)
        }
    }

    /// Names, places, contacts and notes of a relation, folded.
    static func key(_ relation: Relation, folder: inout SearchText.Folder) -> String {
        SearchFields.key(SearchFields.of(relation), folder: &folder)
    }

    /// Title, places, people and notes of an activity and the names of its relations, folded.
    static func key(_ activity: Activity, in dossier: Dossier, folder: inout SearchText.Folder) -> String {
        SearchFields.key(SearchFields.of(activity, in: dossier), folder: &folder)
    }
}
