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
    public var decision: String? {
        get { approval?.decision }
        set { approval = Approval(decision: newValue, overrideReason: overrideReason) }
    }
    /// Set when a negative assessment was overruled to approve an activity: why.
    public var overrideReason: String? {
        get { approval?.overrideReason }
        set { approval = Approval(decision: decision, overrideReason: newValue) }
    }
    /// The two texts only an approval has, kept apart: a history entry is 56 bytes instead of 80, and a dossier
    /// of 100.000 activities holds about 300.000 entries (docs/performance.md).
    private var approval: Approval?

    public init(date: CalendarDate, from: Status?, to: Status, reason: String, by: String,
                reviewDate: CalendarDate? = nil, decision: String? = nil, overrideReason: String? = nil) {
        self.date = date
        self.from = from
        self.to = to
        self.reason = reason
        self.by = by
        self.reviewDate = reviewDate
        self.approval = Approval(decision: decision, overrideReason: overrideReason)
    }

    /// A review (herijking): the status stays, with a new reason and review date.
    public var isReview: Bool { from == to }
}

/// An approval's decision and overrule reason, in a box of its own; nil when it has neither, so that equal
/// entries compare equal however they were made.
private indirect enum Approval: Hashable, Sendable {
    case texts(decision: String?, overrideReason: String?)

    init?(decision: String?, overrideReason: String?) {
        guard decision != nil || overrideReason != nil else { return nil }
        self = .texts(decision: decision, overrideReason: overrideReason)
    }

    var decision: String? {
        switch self { case .texts(let decision, _): decision }
    }

    var overrideReason: String? {
        switch self { case .texts(_, let overrideReason): overrideReason }
    }
}
