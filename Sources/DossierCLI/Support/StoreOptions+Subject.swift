import DossierCore

extension StoreOptions {
    /// For a command that changes one relation or activity, named by `typed` (`edit`, `add-link`, `remove-link`):
    /// `make` builds the change from the record and the dossier it was read in (looking at no other activity), with
    /// what to say once it is saved; a nil change saves nothing and says what it says; a nil result says nothing (a
    /// question answered no). Where the storage can, an activity (by id or title) is changed on the relations and it
    /// alone, a relation by its id on the relations alone (`loadForChangingSubject`); otherwise, or when the change
    /// must be made on the whole dossier after all, the whole dossier is read and the record looked up there.
    /// - Returns: what `make` said to say.
    func changeSubject(_ typed: String, _ make: (NameLookup.Subject, Dossier) throws -> (change: Change?, said: String)?) throws -> String? {
        let store = try store(forWriting: true)
        if var read = try? store.loadForChangingSubject(typed) {
            if read.activityRead != nil {
                var said: String?
                let alone = try changeActivity(read, in: store) { activity, dossier, _ in
                    let made = try make(.activity(activity), dossier)
                    said = made?.said
                    return made?.change
                }
                if alone != nil { return said }
            } else if let relation = read.dossier.relation(NameLookup.typedID(typed)) {
                guard let made = try make(.relation(relation), read.dossier) else { return nil }
                guard let change = made.change else { return made.said }
                _ = try save(change, madeOn: &read, in: store)
                return made.said
            }
        }
        var dossier = try load(store)
        guard let made = try make(try Lookup.subject(typed, in: dossier), dossier) else { return nil }
        if let change = made.change { try store.commitOrExit(change, to: &dossier) }
        return made.said
    }
}
