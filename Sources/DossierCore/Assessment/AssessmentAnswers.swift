/// The advisor's answers to the questions of the assessment, and the decisions the rules ask about.
public struct AssessmentAnswers: Hashable, Sendable {
    /// Per question, in the order of `Question.allCases`, its answer (`Answer.code`), 0 when it has none; empty when no
    /// question has one. A dictionary per weighing took ± 860 bytes for its 19 answers, 4,3 MB for the 5.000 weighings
    /// of the generated dossier of 100.000 activities; this is a byte each (docs/performance.md, point 52).
    private var codes: [UInt8] = []
    /// The notes that are not empty, in question order (most answers have none).
    private var notes: [QuestionNote] = []
    /// An explicit decision to undertake this activity although a linked relation is on laag pitje
    /// (who decided, when): the Kader's "unless decided otherwise". Empty when there is none.
    public var exceptionDecision: String

    public init(entries: [Question: AnswerEntry] = [:], exceptionDecision: String = "") {
        self.exceptionDecision = exceptionDecision
        self.entries = entries
    }

    /// Answers by question; a question without an entry counts as `onbekend`.
    public var entries: [Question: AnswerEntry] {
        get {
            var entries: [Question: AnswerEntry] = [:]
            for question in Question.allCases { entries[question] = entry(question) }
            return entries
        }
        set {
            codes = []
            notes = []
            for question in Question.allCases { setEntry(question, newValue[question]) }
        }
    }

    /// The answer given to `question` and its note, nil when none is given.
    public func entry(_ question: Question) -> AnswerEntry? {
        let position = question.position
        guard position < codes.count, let answer = Answer(code: codes[position]) else { return nil }
        return AnswerEntry(answer, note: note(question))
    }

    /// Gives `question` this answer and note, or takes its answer away (nil).
    public mutating func setEntry(_ question: Question, _ entry: AnswerEntry?) {
        let position = question.position
        if codes.isEmpty {
            guard entry != nil else { return }
            codes = Array(repeating: 0, count: Question.allCases.count)
        }
        codes[position] = entry?.answer.code ?? 0
        let noteIndex = notes.firstIndex { $0.question.position >= position }
        if let noteIndex, notes[noteIndex].question == question { notes.remove(at: noteIndex) }
        if let note = entry?.note, !note.isEmpty { notes.insert(QuestionNote(question: question, text: note), at: noteIndex ?? notes.endIndex) }
        if notes.isEmpty && codes.allSatisfy({ $0 == 0 }) { codes = [] }
    }

    public subscript(question: Question) -> Answer {
        entry(question)?.answer ?? .onbekend
    }

    public func note(_ question: Question) -> String { notes.first { $0.question == question }?.text ?? "" }

    /// Without a `note`, the question's note stays as long as its answer does: it explained that answer, not another.
    public mutating func set(_ question: Question, _ answer: Answer, note: String? = nil) {
        let previous = entry(question)
        let keptNote = note ?? (previous?.answer == answer ? previous?.note : nil) ?? ""
        setEntry(question, AnswerEntry(answer, note: keptNote))
    }

    private struct QuestionNote: Hashable, Sendable {
        var question: Question
        var text: String
    }
}

extension Answer {
    /// 1…4 in the order of the cases; 0 is no answer (`AssessmentAnswers.codes`).
    var code: UInt8 { UInt8(Answer.allCases.firstIndex(of: self)! + 1) }

    init?(code: UInt8) {
        guard code > 0, Int(code) <= Answer.allCases.count else { return nil }
        self = Answer.allCases[Int(code) - 1]
    }
}

extension Question {
    /// Where the question stands in `Question.allCases`.
    var position: Int { Question.positions[self]! }

    private static let positions = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
