extension Assessment {
    /// The reason a reader would name as deciding the verdict. For a negative or doubtful verdict: the first
    /// reason with that effect. For a positive one: the first about the content (the focus rules, the
    /// criteria), not the budget line's balance of that moment, which only says the money was there; the
    /// budget only when nothing else was found.
    public var decidingReason: VerdictReason? {
        let candidates = reasons.filter { $0.effect == verdict }
        guard verdict == .positief else { return candidates.first }
        return candidates.first { $0.rule != AssessmentRule.budget.rawValue } ?? candidates.first
    }
}
