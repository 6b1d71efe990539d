/// The dossier's relations without its activities: all that a change to relations alone needs
/// (`Change.Reach.relations`: a status, a field, a contact, a link), read in milliseconds where the whole
/// dossier takes most of a second at 100.000 activities.
///
/// A storage makes one only when it can vouch for it (the file store: when the side index describes the
/// snapshot and journal exactly as they are, see `DossierStore.loadRelations()`), and takes back only a
/// change of that reach (`commit(_:to:context:)`), the addition of an activity when it also brought the tally
/// of the others (`loadForAddingActivity()`), or a change to (or the deletion of) the one activity it was read
/// with (`loadForChangingActivity`). Nothing else accepts it, so a dossier without its activities is never shown,
/// checked or written as the dossier.
public struct RelationsDossier: Sendable {
    /// The framework, budget lines and relations as the snapshot and journal hold them now, and no internal
    /// contacts; of the activities only the one read for a change to it, and any added through this copy.
    public internal(set) var dossier: Dossier
    /// The side index read with it: its list is brought up to date with every change saved.
    var sideIndex: SideIndex
    /// What the snapshot holds before its activities, as read (before the journal): what a listing of the same
    /// snapshot starts from (`loadForAddingActivity`, `loadForChangingActivity`).
    let snapshotPrefix: Dossier
    /// The journal as read with it (nil: there was none), every entry, also those of activities.
    var journal: JournalFile?
    /// The other activities' ids, number and budget, when read for adding one (`DossierStore.loadForAddingActivity()`).
    public internal(set) var tally: ActivityTally?
    /// The budget of all activities (the one read counted in), when read for weighing one
    /// (`loadForChangingActivity(_:withBudget:)`).
    public internal(set) var budget: BudgetLedger?
    /// The one activity in `dossier`, when read for a change to it alone (`DossierStore.loadForChangingActivity`);
    /// gone once that change is saved.
    var changing: ChangingActivity?
    /// The one activity read for a change to it alone, until that change is saved.
    public var activityRead: Activity? { changing.flatMap { dossier.activity($0.id) } }

    /// An activity read for a change to it alone: its place in the dossier's order, and the listing it came from,
    /// which knows what the relations' rows count of the others.
    struct ChangingActivity: Sendable {
        let id: ActivityID
        let order: Int
        let listing: ActivityListing
    }

    /// A fresh activity id for a title, as `Dossier.newActivityID(for:)` makes it on the whole dossier. Only for a
    /// copy read for adding (`DossierStore.loadForAddingActivity()`): its tally knows the other activities' ids.
    public func newActivityID(for title: String) -> ActivityID {
        dossier.newActivityID(for: title, alsoTaken: tallyForAdding.contains)
    }

    /// A fresh relation id for a name, as `Dossier.newRelationID(for:)` makes it on the whole dossier; as above, only
    /// for a copy read for adding.
    public func newRelationID(for name: String) -> RelationID {
        dossier.newRelationID(for: name, alsoTaken: tallyForAdding.contains)
    }

    private var tallyForAdding: ActivityTally {
        guard let tally else { preconditionFailure("a new id needs the other activities' ids: read for adding") }
        return tally
    }

    init(dossier: Dossier, sideIndex: SideIndex, snapshotPrefix: Dossier) {
        self.dossier = dossier
        self.dossier.isPart = true
        self.sideIndex = sideIndex
        self.snapshotPrefix = snapshotPrefix
    }
}
