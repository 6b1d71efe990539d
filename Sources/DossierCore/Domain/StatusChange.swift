/// One entry of a status history: on `date`, `by` moved the status `from` → `to` because of `reason`.
public struct StatusChange<Status: Vocabulary>: Hashable, Sendable {
    public var date: CalendarDate
    /// Nil for the first recorded status.
    public var from: Status?
    public var to: Status
    /// For laag pitje: when the choice is looked at again.
    public var reviewDate: CalendarDate?
    /// The entry's texts, kept together in one box that entries with the same texts share: an entry is 24 bytes
    /// instead of 56, and a dossier of 100.000 activities holds about 300.000 entries, most of them with the same
    /// few reasons and the same author (docs/performance.md, point 51).
    private(set) var texts: Boxed<StatusTexts>

    public var reason: String {
        get { texts.value.reason }
        set { texts = .value(texts.value.with { $0.reason = newValue }) }
    }
    public var by: String {
        get { texts.value.by }
        set { texts = .value(texts.value.with { $0.by = newValue }) }
    }
    /// Who decided an approval: a decision of the college (B&W) or a mandate.
    public var decision: String? {
        get { texts.value.decision }
        set { texts = .value(texts.value.with { $0.decision = newValue }) }
    }
    /// Set when a negative assessment was overruled to approve an activity: why.
    public var overrideReason: String? {
        get { texts.value.overrideReason }
        set { texts = .value(texts.value.with { $0.overrideReason = newValue }) }
    }

    public init(date: CalendarDate, from: Status?, to: Status, reason: String, by: String,
                reviewDate: CalendarDate? = nil, decision: String? = nil, overrideReason: String? = nil) {
        self.init(date: date, from: from, to: to, reviewDate: reviewDate,
                  texts: .value(StatusTexts(reason: reason, by: by, decision: decision, overrideReason: overrideReason)))
    }

    /// An entry with a box of texts made before (`SharedStatusTexts`).
    init(date: CalendarDate, from: Status?, to: Status, reviewDate: CalendarDate?, texts: Boxed<StatusTexts>) {
        self.date = date
        self.from = from
        self.to = to
        self.reviewDate = reviewDate
        self.texts = texts
    }

    /// A review (herijking): the status stays, with a new reason and review date.
    public var isReview: Bool { from == to }
}

/// The texts of a status change (`StatusChange.texts`).
struct StatusTexts: Hashable, Sendable {
    var reason: String
    var by: String
    var decision: String?
    var overrideReason: String?

    func with(_ change: (inout StatusTexts) -> Void) -> StatusTexts {
        var changed = self
        change(&changed)
        return changed
    }
}
