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

    /// The relations with the one activity named `typed` (its id, or a name only it answers to, as `NameLookup`
    /// finds it) in them, read whole, for a change to it alone; and of the others what the relations' rows in
    /// the side index count (their status, start and relations), and with `withBudget` the budget of all
    /// activities (for weighing it). Nil when that cannot be vouched for here, when no activity or more than one
    /// answers (then load the whole dossier, which says so or suggests some), or when a relation answers too
    /// (a command that takes either calls it ambiguous; the relations are read first, so a relation's id costs
    /// no read of the activity index).
    public func loadForChangingActivity(_ typed: String, withBudget: Bool = false) throws(StoreError) -> RelationsDossier? {
        guard let relations = try loadRelations(), relations.dossier.relation(NameLookup.typedID(typed)) == nil else { return nil }
        return try reading(typed, into: relations, withBudget: withBudget)
    }

    /// For a command that changes a relation or an activity (`edit`, `add-link`, `remove-link`): the activity named
    /// `typed` as `loadForChangingActivity` reads it, or, when `typed` names one relation as `NameLookup.subject`
    /// finds it on the whole dossier (its id, and no activity has that id; or else its name, and no activity has that
    /// id or answers to that name), the relations with the other activities' tally (`loadForAddingActivity`). The
    /// relations are read once either way. Nil: load the whole dossier (also for an id or a name both have: ambiguous
    /// there).
    public func loadForChangingSubject(_ typed: String, withBudget: Bool = false) throws(StoreError) -> RelationsDossier? {
        guard var relations = try loadRelations() else { return nil }
        let id = NameLookup.typedID(typed)
        let byID = relations.dossier.relation(id) != nil
        guard byID || NameLookup.relationsNamed(typed, in: relations.dossier).count == 1 else {
            return try reading(typed, into: relations, withBudget: withBudget)
        }
        // By name, the activities' titles too: none may answer to it.
        var listing = try activityListing(describedBy: relations.sideIndex, fields: byID ? .tally : .tally.union(.names), read: relations)
        guard let tally = listing?.tally else { return nil }
        if tally.contains(id) {
            // An activity's id: beside a relation's id ambiguous; where only a relation's name makes it, that activity
            // (as on the whole dossier), read as `loadForChangingActivity` reads it, these rows gone first.
            guard !byID else { return nil }
            listing = nil
            return try reading(typed, into: relations, withBudget: withBudget)
        }
        if !byID {
            guard let key = NameLookup.nameKey(typed), listing?.activityIDs(named: key).isEmpty == true else { return nil }
        }
        relations.tally = tally
        return relations
    }

    /// `relations` with the one activity named `typed` read whole into it (see `loadForChangingActivity`).
    private func reading(_ typed: String, into relations: RelationsDossier, withBudget: Bool) throws(StoreError) -> RelationsDossier? {
        var relations = relations
        let id = NameLookup.typedID(typed)
        // What looks like an id is read without the titles (most often it is one); the titles follow when it is not.
        // Anything else is no id, so a name a relation answers to too is declined before the index is read.
        let looksLikeID = Slug.isValid(id)
        guard looksLikeID || !NameLookup.namesRelation(typed, in: relations.dossier) else { return nil }
        var listing = try activityListing(describedBy: relations.sideIndex, fields: looksLikeID ? .relationRows : .relationRows.union(.names),
                                          read: relations)
        var found = try listing?.current(id)
        if listing != nil && found == nil {
            // (Anything that is no id was checked against the relations above.)
            guard let key = NameLookup.nameKey(typed), !looksLikeID || !NameLookup.namesRelation(typed, in: relations.dossier) else { return nil }
            if looksLikeID {
                // The rows without titles go before the rows with them are read: never both at once (at 100.000
                // activities a mistyped id peaked at 151 MB with both, 135 MB without).
                listing = nil
                listing = try activityListing(describedBy: relations.sideIndex, fields: .relationRows.union(.names), read: relations)
            }
            found = try listing?.current(named: key)
        }
        guard let listing else { return nil }
        guard let found else { return remembering(listing) }
        relations.dossier.insertActivity(found.activity)
        relations.changing = RelationsDossier.ChangingActivity(id: found.activity.id, order: found.order, listing: listing)
        if withBudget { relations.budget = listing.budget }
        return relations
    }
}
