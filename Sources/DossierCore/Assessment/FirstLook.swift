/// The weighing of a new or changed activity before anyone has answered a question: the verdict the rules
/// already give, and plain warnings for a relation or country on laag pitje or a destination outside the
/// focus. Shown at once by the forms and commands that add activities and visits.
public struct FirstLook: Hashable, Sendable {
    public var verdict: Verdict
    /// The decisive reason of the verdict.
    public var decisive: VerdictReason?
    public var warnings: [String]
    /// The cost does not fit what its budget line has left in its year (`VerdictReason.isBudgetShortfall`).
    public var budgetShortfall: String?

    /// With a `ledger` of all activities (this one counted in), the budget comes from that instead of the
    /// dossier's activities: `dossier` may then hold the relations alone (`RelationsDossier`).
    public init(_ activity: Activity, in dossier: Dossier, ledger: BudgetLedger? = nil) {
        let result = Assessor.assess(activity, answers: AssessmentAnswers(), in: dossier, ledger: ledger)
        verdict = result.verdict
        decisive = result.reasons.first
        warnings = result.reasons.filter(\.isRuleWarning).map(\.text)
        budgetShortfall = result.reasons.first(where: \.isBudgetShortfall)?.text
    }

    /// "Afweging zonder antwoorden: Negatief — …", one line; the decisive reason only when no warning says it.
    public var summary: String {
        let reason = decisive.flatMap { warnings.contains($0.text) ? nil : $0.text }
        return "Afweging zonder antwoorden: \(verdict.label)" + (reason.map { " — \($0)" } ?? "")
    }
}
