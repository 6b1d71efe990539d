/// An answer to one question of the assessment. Every question is phrased so that `ja` is favourable.
public enum Answer: String, Vocabulary {
    case ja
    case deels
    case nee
    case onbekend

    public var label: String {
        switch self {
        case .ja: "Ja"
        case .deels: "Deels"
        case .nee: "Nee"
        case .onbekend: "Onbekend"
        }
    }

    public static var vocabularyName: String { "antwoord" }
    public static var vocabularyNameIsNeuter: Bool { true }
}

/// An answer with the advisor's note on it.
public struct AnswerEntry: Hashable, Sendable {
    public var answer: Answer
    public var note: String

    public init(_ answer: Answer, note: String = "") {
        self.answer = answer
        self.note = note
    }
}
