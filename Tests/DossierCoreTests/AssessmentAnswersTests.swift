import DossierTestSupport
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

    @Test("a weighing made from the latest weighing as seen is refused once a colleague weighed since, answer by answer; the answers seen go through the journal")
    func weighingFromWhatWasSeen() throws {
        var dossier = Fixtures.smallDossier()
        let activity = try #require(dossier.activity("missie-lyon"))
        let seen = activity.assessments.last?.answers ?? AssessmentAnswers()
        func weighing(_ given: [(Question, Answer)], from start: AssessmentAnswers) -> (Assessment, AssessmentAnswers) {
            var answers = start
            for (question, answer) in given { answers.set(question, answer, note: "") }
            return (Assessor.assess(activity, answers: answers, in: dossier, ledger: nil).recorded(answers: answers, by: "", at: Fixtures.now), answers)
        }
        // Bram weighs first; Anna's weighing from what she saw before is refused, naming the answers that changed.
        let (bram, bramsAnswers) = weighing([(.inhoudelijkeLink, .nee), (.mvo, .ja)], from: seen)
        try dossier.apply(.recordAssessment("missie-lyon", bram, seen: seen), context: Fixtures.context)
        let (anna, _) = weighing([(.inhoudelijkeLink, .ja)], from: seen)
        let annas = Change.recordAssessment("missie-lyon", anna, seen: seen)
        do {
            try dossier.apply(annas, context: Fixtures.context)
            Issue.record("weighed over a colleague's weighing")
        } catch let error as ChangeError {
            #expect(error.kind == .conflict && error.field == "assessments", "\(error)")
            #expect(error.message.contains("Link met Oss is intussen Nee, niet meer Onbekend") && error.message.contains("MVO"), "\(error.message)")
            // Said with the colleague's weighing that stands in the way, not a later edit of another field of the activity.
            let weighed = JournalEntry(sequence: 1, timestamp: Fixtures.now, actor: "Bram", today: Fixtures.context.today, summary: "Afweging van Handelsmissie Lyon: Negatief",
                                       subjects: ["missie-lyon"], event: .change(.recordAssessment("missie-lyon", bram, seen: seen)))
            let edited = JournalEntry(sequence: 2, timestamp: Fixtures.now, actor: "Kees", today: Fixtures.context.today, summary: "Activiteit bewerkt",
                                      subjects: ["missie-lyon"], event: .change(.editActivity("missie-lyon", [])))
            let said = ColleagueConflict.refusal(error, of: annas, recentOthers: [weighed, edited], dates: DateWriting(), today: Fixtures.context.today)
            #expect("\(said)".contains("botst met de wijziging van Bram"), "\(said)")
        } catch {
            Issue.record("\(error)")
        }
        #expect(dossier.activity("missie-lyon")?.assessments.last?.answers == bramsAnswers, "Bram's weighing stands")
        // Weighed from Bram's: saved.
        let (again, _) = weighing([(.inhoudelijkeLink, .ja)], from: bramsAnswers)
        try dossier.apply(.recordAssessment("missie-lyon", again, seen: bramsAnswers), context: Fixtures.context)
        #expect(dossier.activity("missie-lyon")?.assessments.last?.answers[.mvo] == .ja)
        // The answers seen are written with the change and read back; a line without them is not checked.
        var seenWithException = bramsAnswers
        seenWithException.exceptionDecision = "B&W 3 maart"
        for change in [Change.recordAssessment("missie-lyon", again, seen: seenWithException), .recordAssessment("missie-lyon", again)] {
            var writer = JSONWriter(pretty: false)
            change.write(to: &writer)
            let read = try JSONReader.read(writer.bytes) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
            #expect(read == change, "\(String(decoding: writer.bytes, as: UTF8.self))")
        }
    }
}
