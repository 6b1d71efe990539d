import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Testing

@Suite("TUI dates")
struct TUIDateTests {
    @Test("the screen writes dates in the configured form and the change log's moments in local time")
    func configuredForm() throws {
        var state = AppState(dossier: Fixtures.smallDossier(), today: Fixtures.clock.today(), width: 120, height: 40,
                             dates: DateWriting(form: .long) { _ in 3600 })
        _ = state.update(.key(.character("2")))
        var text = Renderer.render(state).lines.joined(separator: "\n")
        #expect(text.contains("12 juni 2026") && text.contains("10 maart 2027"), "\(text)")
        _ = state.update(.key(.character("1")))
        text = Renderer.render(state).lines.joined(separator: "\n")
        #expect(text.contains("31 december 2030 herijking"))
        let entry = JournalEntry(sequence: 1, timestamp: Fixtures.now, actor: "Ine", today: Fixtures.clock.today(), summary: "Iets", subjects: [],
                                 event: .restoreBackup("x"))
        _ = state.update(.historyLoaded(subject: nil, [entry]))
        #expect(Renderer.render(state).lines.joined(separator: "\n").contains("22 november 2026 10:00"), "09:00 UTC is 10:00 an hour east")
    }
}
