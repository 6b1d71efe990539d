/// What weighing an activity gives: the verdict, the reasons (the decisive ones first, each naming the
/// rule or criterion that produced it) and what is still unknown.
public struct AssessmentResult: Hashable, Sendable {
    public var verdict: Verdict
    public var reasons: [VerdictReason]
    public var missing: [String]

    /// The verdict of a set of reasons: negatief if any is negatief, else nader-bekijken if any is,
    /// else positief.
    public init(reasons: [VerdictReason], missing: [String]) {
        let order: [Verdict] = [.negatief, .naderBekijken, .positief]
        self.reasons = reasons.enumerated().sorted { left, right in
            let leftRank = order.firstIndex(of: left.element.effect)!, rightRank = order.firstIndex(of: right.element.effect)!
            return leftRank != rightRank ? leftRank < rightRank : left.offset < right.offset
        }.map(\.element)
        verdict = self.reasons.first?.effect ?? .naderBekijken
        self.missing = missing
    }

    /// What is unknown that no question of the weighing asks: facts of the activity itself (its estimated cost, its date,
    /// the entrepreneurs among its participants), filled in on the activity, not in the answers.
    public var missingFacts: [String] {
        missing.filter { item in !Question.allCases.contains { $0.label == item } }
    }

    /// The result kept with the activity: who weighed it and when.
    public func recorded(answers: AssessmentAnswers, by actor: String, at moment: Timestamp) -> Assessment {
        Assessment(timestamp: moment, by: actor, answers: answers, verdict: verdict, reasons: reasons, missing: missing)
    }
}
