/// One entry of a status history: on `date`, `by` moved the status `from` → `to` because of `reason`.
public struct StatusChange<Status: Vocabulary>: Hashable, Sendable {
    public var date: CalendarDate
    /// Nil for the first recorded status.
    public var from: Status?
    public var to: Status
    public var reason: String
    public var by: String
    /// For laag pitje: when the choice is looked at again.
    public var reviewDate: CalendarDate?
    /// Who decided an approval: a decision of the college (B&W) or a mandate.
    public var decision: String?
    /// Set when a negative assessment was overruled to approve an activity: why.
    public var overrideReason: String?

    public init(date: CalendarDate, from: Status?, to: Status, reason: String, by: String,
                reviewDate: CalendarDate? = nil, decision: String? = nil, overrideReason: String? = nil) {
        self.date = date
        self.from = from
        self.to = to
        self.reason = reason
        self.by = by
        self.reviewDate = reviewDate
        self.decision = decision
        self.overrideReason = overrideReason
    }

    /// A review (herijking): the status stays, with a new reason and review date.
    public var isReview: Bool { from == to }
}
