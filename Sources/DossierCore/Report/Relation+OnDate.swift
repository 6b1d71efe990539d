extension Relation {
    /// The relation as it stood at the end of `date`, by its status history: its status, review date and history
    /// up to then. Nil when it was added after that day (its history starts with no status before); as it is when
    /// it has no history (a hand-made file).
    /// The history is taken in its own order (the order the changes were made), not sorted by date: a change dated
    /// before one made earlier (a clock off) counts from where it stands.
    public func asOf(_ date: CalendarDate) -> Relation? {
        guard let first = statusHistory.first else { return self }
        var then = self
        let until = statusHistory.filter { $0.date <= date }
        if let last = until.last {
            guard until.count < statusHistory.count else { return self }
            then.statusHistory = until
            then.status = last.to
            then.reviewDate = last.reviewDate
        } else {
            // Every change came later: it was there already, in the status the first one started from.
            guard let before = first.from else { return nil }
            then.statusHistory = []
            then.status = before
            then.reviewDate = nil
        }
        return then
    }

    /// The change that put the relation in its present status (a review keeps the status and is not it), and the
    /// latest review since, if any.
    public var currentStatusChange: (entered: StatusChange<RelationStatus>?, review: StatusChange<RelationStatus>?) {
        guard let entered = statusHistory.lastIndex(where: { $0.to == status && $0.from != status }) else {
            return (nil, statusHistory.last { $0.to == status })
        }
        let review = statusHistory[(entered + 1)...].last { $0.from == status && $0.to == status }
        return (statusHistory[entered], review)
    }
}

extension Dossier {
    /// The dossier with each relation as it stood at the end of `date` (one added after it as it is now), for what a past
    /// year's account weighs by relation: the focus of an activity stays what it was that year, whatever the relation's
    /// status became since.
    func withRelations(asOf date: CalendarDate) -> Dossier {
        var then = self
        for (position, relation) in relations.enumerated() {
            if let before = relation.asOf(date) { then.replaceRelation(at: position, with: before) }
        }
        return then
    }
}
