/// A weighing of an activity, kept with the activity: who, when, the answers, the verdict and why.
/// Assessing again adds a new one; the earlier ones stay.
public struct Assessment: Hashable, Sendable {
    public var timestamp: Timestamp
    public var by: String
    public var answers: AssessmentAnswers
    public var verdict: Verdict
    public var reasons: [VerdictReason]
    /// What is still unknown and would let the verdict be firmer.
    public var missing: [String]

    public init(timestamp: Timestamp, by: String, answers: AssessmentAnswers, verdict: Verdict,
                reasons: [VerdictReason], missing: [String]) {
        self.timestamp = timestamp
        self.by = by
        self.answers = answers
        self.verdict = verdict
        self.reasons = reasons
        self.missing = missing
    }
}
