/// Adding or changing one activity without reading the others (`dossier log-visit`, `add-activity`, `move`,
/// `done`, `add-followup`): the relations as `loadRelations()` reads them, and of the activities only what the
/// change needs, from the activity index and the activities the journal touched, as `activityListing()` reads
/// them. Saved by `commit(_:to:context:)`, which brings the side index along.
extension DossierStore {
    /// The relations with what adding an activity needs of the others (`ActivityTally`: the ids, the number,
    /// the budget) as the snapshot and journal hold them now; nil when that cannot be vouched for here (then
    /// load the whole dossier). Only for a store that writes.
    public func loadForAddingActivity() throws(StoreError) -> RelationsDossier? {
        guard var relations = try loadRelations(),
              // The same side index: the listing is of the very snapshot and journal the relations were read from.
              let listing = try activityListing(describedBy: relations.sideIndex, fields: .tally, read: relations)
        else { return nil }
        relations.tally = listing.tally
        return relations
    }

    /// The relations with the one activity `id` in them, read whole, for a change to it alone; and of the
    /// others what the relations' rows in the side index count (their status, start and relations), and with
    /// `withBudget` the budget of all activities (for weighing it). Nil when that cannot be vouched for here,
    /// when there is no activity with that id (then load the whole dossier, which also says so), or when a
    /// relation has that id too (a command that takes either calls it ambiguous; the relations are read first,
    /// so a relation's id costs no read of the activity index).
    public func loadForChangingActivity(_ id: ActivityID, withBudget: Bool = false) throws(StoreError) -> RelationsDossier? {
        guard var relations = try loadRelations(), relations.dossier.relation(id) == nil,
              let listing = try activityListing(describedBy: relations.sideIndex, fields: .relationRows, read: relations),
              let (activity, order) = try listing.current(id) else { return nil }
        relations.dossier.insertActivity(activity)
        relations.changing = RelationsDossier.ChangingActivity(id: id, order: order, listing: listing)
        if withBudget { relations.budget = listing.budget }
        return relations
    }
}
