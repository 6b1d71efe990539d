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
        get { approval?.value.decision }
        set { approval = ApprovalTexts.boxed(decision: newValue, overrideReason: overrideReason) }
    }
    /// Set when a negative assessment was overruled to approve an activity: why.
    public var overrideReason: String? {
        get { approval?.value.overrideReason }
        set { approval = ApprovalTexts.boxed(decision: decision, overrideReason: newValue) }
    }
    /// The two texts only an approval has, kept apart: a history entry is 56 bytes instead of 80, and a dossier
    /// of 100.000 activities holds about 300.000 entries (docs/performance.md).
    private var approval: Boxed<ApprovalTexts>?

    public init(date: CalendarDate, from: Status?, to: Status, reason: String, by: String,
                reviewDate: CalendarDate? = nil, decision: String? = nil, overrideReason: String? = nil) {
        self.date = date
        self.from = from
        self.to = to
        self.reason = reason
        self.by = by
        self.reviewDate = reviewDate
        self.approval = ApprovalTexts.boxed(decision: decision, overrideReason: overrideReason)
    }

    /// A review (herijking): the status stays, with a new reason and review date.
    public var isReview: Bool { from == to }
}

/// An approval's decision and overrule reason, kept in a box of their own (`StatusChange.approval`).
private struct ApprovalTexts: Hashable, Sendable {
    var decision: String?
    var overrideReason: String?

    /// The box for these texts; nil when there are none, as for most changes, which then need no box.
    static func boxed(decision: String?, overrideReason: String?) -> Boxed<ApprovalTexts>? {
        decision == nil && overrideReason == nil ? nil : .value(ApprovalTexts(decision: decision, overrideReason: overrideReason))
    }
}
