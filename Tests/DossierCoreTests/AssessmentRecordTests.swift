import DossierCore
import DossierTestSupport
import Testing

@Suite("A weighing in the record of its activity")
struct AssessmentRecordTests {
    func assessmentLines(_ assessment: Assessment) throws -> [String] {
        let dossier = Fixtures.smallDossier()
        var activity = try #require(dossier.activity("missie-lyon"))
        activity.assessments = [assessment]
        let document = RecordDocument(activity: activity, in: dossier, today: Fixtures.clock.today(), dates: .standard)
        for case let .list(list) in document.blocks where list.kind == .assessments { return list.items.flatMap { $0.details.map(\.text) } }
        Issue.record("no weighings in the document")
        return []
    }

    @Test("a favourable verdict names what made it so: the rules that applied, and the criteria answered favourably in one line")
    func favourableSaysWhy() throws {
        let reasons = [VerdictReason(rule: "budget", effect: .positief, text: "€ 500,00 past binnen Budget internationalisering 2027"),
                       VerdictReason(rule: "inhoudelijke-link", effect: .positief, text: "Inhoudelijke link met Oss: ja"),
                       VerdictReason(rule: "behapbaar", effect: .positief, text: "Behapbaar voor de gemeente: ja")]
        let favourable = Assessment(timestamp: Fixtures.now, by: "adviseur", answers: AssessmentAnswers(), verdict: .positief, reasons: reasons, missing: [])
        #expect(try assessmentLines(favourable) == ["• € 500,00 past binnen Budget internationalisering 2027", "• Gunstig: Link met Oss, Behapbaar"])
        // Otherwise what holds it back, as before: the favourable ones are not repeated.
        let doubtful = Assessment(timestamp: Fixtures.now, by: "adviseur", answers: AssessmentAnswers(), verdict: .naderBekijken,
                                  reasons: reasons + [VerdictReason(rule: "mensenrechten", effect: .naderBekijken, text: "Geen zorgen over mensenrechten: deels")],
                                  missing: [])
        #expect(try assessmentLines(doubtful) == ["• Geen zorgen over mensenrechten: deels"])
    }
}
