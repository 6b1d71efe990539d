import Testing
@testable import DossierCore

/// `AssessmentAnswers` keeps a byte per question and the notes apart; to its users it is answers and notes by question.
@Suite("Assessment answers")
struct AssessmentAnswersTests {
    @Test("answers and notes set in any order, or taken away again, give equal answers with equal hashes; the entries read back as set")
    func setInAnyOrder() {
        var forward = AssessmentAnswers(), backward = AssessmentAnswers()
        let given: [(Question, Answer, String)] = [(.inhoudelijkeLink, .ja, "Taizhou"), (.geopolitiek, .deels, ""), (.mensenrechten, .nee, "navragen"),
                                                  (Question.allCases.last!, .onbekend, "")]
        for (question, answer, note) in given { forward.set(question, answer, note: note) }
        for (question, answer, note) in given.reversed() { backward.set(question, answer, note: note) }
        #expect(forward == backward && forward.hashValue == backward.hashValue)
        #expect(forward.entries == Dictionary(uniqueKeysWithValues: given.map { ($0.0, AnswerEntry($0.1, note: $0.2)) }))
        #expect(forward[.mensenrechten] == .nee && forward.note(.mensenrechten) == "navragen" && forward[.afbreukrisico] == .onbekend)
        #expect(forward.entry(Question.allCases.last!) == AnswerEntry(.onbekend), "an explicit onbekend is an answer given")
        #expect(forward.entry(.afbreukrisico) == nil)
        // The note stays with its answer, and goes with another.
        forward.set(.inhoudelijkeLink, .ja)
        #expect(forward.note(.inhoudelijkeLink) == "Taizhou")
        forward.set(.inhoudelijkeLink, .deels)
        #expect(forward.note(.inhoudelijkeLink) == "")
        for (question, _, _) in given { forward.setEntry(question, nil) }
        #expect(forward == AssessmentAnswers() && forward.hashValue == AssessmentAnswers().hashValue && forward.entries.isEmpty)
        var fromEntries = AssessmentAnswers(entries: backward.entries)
        #expect(fromEntries == backward)
        fromEntries.entries[.geopolitiek] = nil
        #expect(fromEntries.entry(.geopolitiek) == nil && fromEntries != backward)
    }

    @Test("answers read from JSON write back byte for byte, notes and all, in the order of the questions")
    func roundTrip() throws {
        let json = #"{"geopolitiek": {"answer": "deels"}, "inhoudelijke-link": {"answer": "ja", "note": "Taizhou"}, "mvo": {"answer": "onbekend"}}"#
        let answers = try JSONReader.read(Array(json.utf8)) { (reader: inout JSONReader) throws(JSONError) in try AssessmentAnswers(reading: &reader) }
        #expect(answers[.geopolitiek] == .deels && answers.note(.inhoudelijkeLink) == "Taizhou" && answers.entry(.mvo) == AnswerEntry(.onbekend))
        var writer = JSONWriter()
        answers.write(to: &writer)
        writer.finishDocument()
        let again = try JSONReader.read(writer.bytes) { (reader: inout JSONReader) throws(JSONError) in try AssessmentAnswers(reading: &reader) }
        #expect(again == answers)
        let order = Question.allCases.filter { answers.entry($0) != nil }.map(\.rawValue)
        let written = String(decoding: writer.bytes, as: UTF8.self)
        #expect(order.map { written.range(of: "\"\($0)\"")!.lowerBound } == order.map { written.range(of: "\"\($0)\"")!.lowerBound }.sorted())
    }
}
