/// Adding an activity without reading the others (`dossier log-visit`, `dossier add-activity`): the relations
/// as `loadRelations()` reads them, and of the activities only what an addition needs (`ActivityTally`: the
/// ids, the number, the budget), from the activity index and the activities the journal touched, as
/// `activityListing()` reads them. Saved by `commit(_:to:context:)`, which brings the side index along.
extension DossierStore {
    /// The relations with the tally of the activities as the snapshot and journal hold them now; nil when that
    /// cannot be vouched for here (then load the whole dossier). Only for a store that writes.
    public func loadForAddingActivity() throws(StoreError) -> RelationsDossier? {
        guard var relations = try loadRelations(),
              // The same side index: the listing is of the very snapshot and journal the relations were read from.
              let listing = try activityListing(describedBy: relations.sideIndex, fields: .tally) else { return nil }
        relations.tally = listing.tally
        return relations
    }
}
