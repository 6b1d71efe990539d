import DossierCore

extension StoreOptions {
    /// For a command that changes one relation or activity, named by `typed` (`edit`, `add-link`, `remove-link`):
    /// `make` builds the change from the record and the dossier it was read in (looking at no other activity), with
    /// what to say once it is saved; a nil change saves nothing and says what it says; a nil result says nothing (a
    /// question answered no). Where the storage can, an activity (by id or title) is changed on the relations and it
    /// alone, a relation by its id or name on the relations alone (`loadForChangingSubject`); otherwise, or when the
    /// change must be made on the whole dossier after all, the whole dossier is read and the record looked up there. A
    /// name that fits nothing or more than one is refused as the whole dossier refuses it, from the indexes where the
    /// storage can (`load(_:refusingUnknown:)`).
    /// - Returns: what `make` said to say.
    func changeSubject(_ typed: String, withBudget: Bool = false,
                       _ make: (NameLookup.Subject, Dossier, BudgetLedger?) throws -> (change: Change?, said: String)?) throws -> String? {
        let store = try store(forWriting: true)
        let read = try? store.loadForChangingSubject(typed, withBudget: withBudget)
        if var read {
            if read.activityRead != nil {
                var said: String?
                let alone = try changeActivity(read, in: store, withBudget: withBudget) { activity, dossier, ledger in
                    let made = try make(.activity(activity), dossier, ledger)
                    said = made?.said
                    return made?.change
                }
                if alone != nil { return said }
            } else if let relation = try? NameLookup.relation(typed, in: read.dossier) {
                guard let made = try make(.relation(relation), read.dossier, nil) else { return nil }
                guard let change = made.change else { return made.said }
                _ = try save(change, madeOn: &read, in: store)
                return made.said
            }
        }
        // (Read and found, but to be changed on the whole dossier: no refusal to look for first.)
        var dossier = try read == nil ? load(store, refusingUnknown: { _ = try Lookup.subject(typed, in: $0) }) : load(store)
        guard let made = try make(try Lookup.subject(typed, in: dossier), dossier, nil) else { return nil }
        if let change = made.change { try store.commitOrExit(change, to: &dossier) }
        return made.said
    }
}
