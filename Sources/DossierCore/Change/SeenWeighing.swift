extension Activity {
    /// The field a refused weighing names (`ChangeError.field`): the weighings of the activity.
    public static let weighingField = "assessments"

    /// Refuses a weighing made from `seen` (the latest weighing's answers as the person saw them) when the latest
    /// weighing is another now: a colleague weighed meanwhile, and weighing over it unseen would overrule or drop their
    /// answers. Said answer by answer, as a field edit is.
    func checkWeighing(seen: AssessmentAnswers) throws(ChangeError) {
        let now = assessments.last?.answers ?? AssessmentAnswers()
        guard now != seen else { return }
        var differences = Question.allCases.filter { now.entry($0) != seen.entry($0) }.map { question in
            now[question] == seen[question]
                ? "de toelichting bij \(question.shortLabel) is intussen gewijzigd"
                : "\(question.shortLabel) is intussen \(now[question].label), niet meer \(seen[question].label)"
        }
        if now.exceptionDecision != seen.exceptionDecision { differences.append("de uitzondering is intussen gewijzigd") }
        throw ChangeError(.conflict, "de afweging van '\(title)' is intussen veranderd: \(differences.joined(separator: "; "))" + ChangeError.lookAgain,
                          field: Self.weighingField)
    }
}
