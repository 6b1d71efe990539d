/// The outcome of weighing an activity against the Kader.
public enum Verdict: String, Vocabulary {
    case positief
    case naderBekijken = "nader-bekijken"
    case negatief

    public var label: String {
        switch self {
        case .positief: "Positief"
        case .naderBekijken: "Nader bekijken"
        case .negatief: "Negatief"
        }
    }

    public static var vocabularyName: String { "oordeel" }
    public static var vocabularyNameIsNeuter: Bool { true }
}

/// One reason behind a verdict: which criterion or rule produced it and what it found. The passage of the
/// Kader it rests on is looked up by `rule`, so it is not repeated in every stored assessment.
public struct VerdictReason: Hashable, Sendable {
    /// The rule or criterion slug, such as `laag-pitje` or `inhoudelijke-link`.
    public var rule: String
    /// What this reason pushes the verdict to.
    public var effect: Verdict
    public var text: String

    public init(rule: String, effect: Verdict, text: String) {
        self.rule = rule
        self.effect = effect
        self.text = text
    }

    /// A reason the Kader makes an activity negative whatever the answers: a relation or country on laag pitje,
    /// a destination outside Europe outside the focus. The first look warns of these, and approving against one
    /// asks an explicit reason.
    public var isRuleWarning: Bool {
        effect == .negatief && (rule == AssessmentRule.laagPitje.rawValue || rule == AssessmentRule.buitenEuropa.rawValue)
    }

    /// The cost does not fit what its budget line has left in its year (`Assessor.budgetShortfall`).
    public var isBudgetShortfall: Bool {
        effect == .negatief && rule == AssessmentRule.budget.rawValue
    }

    /// A reason that makes approving ask an explicit reason to set the Kader aside, also before anyone weighed the
    /// activity: a rule above, or the budget (`Dossier.whyApprovalNeedsOverride`).
    public var asksReasonToApprove: Bool { isRuleWarning || isBudgetShortfall }
}
