/// The advisor's answers to the questions of the assessment, and the decisions the rules ask about.
public struct AssessmentAnswers: Hashable, Sendable {
    /// Answers by question; a question without an entry counts as `onbekend`.
    public var entries: [Question: AnswerEntry]
    /// An explicit decision to undertake this activity although a linked relation is on laag pitje
    /// (who decided, when): the Kader's "unless decided otherwise". Empty when there is none.
    public var exceptionDecision: String

    public init(entries: [Question: AnswerEntry] = [:], exceptionDecision: String = "") {
        self.entries = entries
        self.exceptionDecision = exceptionDecision
    }

    public subscript(question: Question) -> Answer {
        entries[question]?.answer ?? .onbekend
    }

    public func note(_ question: Question) -> String { entries[question]?.note ?? "" }

    /// Without a `note`, the question's note stays as long as its answer does: it explained that answer, not another.
    public mutating func set(_ question: Question, _ answer: Answer, note: String? = nil) {
        let previous = entries[question]
        let keptNote = note ?? (previous?.answer == answer ? previous?.note : nil) ?? ""
        entries[question] = AnswerEntry(answer, note: keptNote)
    }
}
