import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Synchronization
import Testing

/// A screen left open overnight: the day moves on by itself.
@Suite("Midnight in an open screen")
struct MidnightTests {
    /// A clock whose moment a test moves.
    final class MovingClock: Sendable {
        let moment = Mutex(Timestamp(iso: "2026-12-31T23:59:50Z")!)
        var clock: Clock { Clock(now: { self.moment.withLock { $0 } }, utcOffset: { _ in 0 }) }
    }

    @Test("a tick after midnight makes the signals and the agenda speak of the new day, without a key")
    func tickAfterMidnight() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addFollowUp("missie-lyon", FollowUp(text: "Verslag", due: Fixtures.date("2026-12-31"))), context: Fixtures.context)
        let moving = MovingClock()
        let backend = ScriptedBackend(width: 100, height: 30, events: [.tick])
        let store = MemoryStore()
        store.saved = dossier
        var state = AppState(dossier: dossier, today: moving.clock.today(), width: 100, height: 30, theme: .colored)
        _ = state.update(.key(.character("6")))
        #expect(state.agendaLines.contains { $0.entry?.isOverdue(on: state.today) == false && $0.entry?.kind == .followUp })
        let loop = AppLoop(state: state, backend: backend, session: store, clock: moving.clock, actor: "adviseur")
        moving.moment.withLock { $0 = Timestamp(iso: "2027-01-01T00:00:10Z")! }
        loop.run()
        #expect(loop.state.today == Fixtures.date("2027-01-01"))
        let overdue = loop.state.index.reminders.filter { $0.isOverdue(on: loop.state.today) }
        #expect(!overdue.isEmpty, "the follow-up due yesterday is overdue now")
        #expect(loop.state.agendaLines.contains { $0.entry?.kind == .followUp && $0.entry?.isOverdue(on: loop.state.today) == true },
                "the agenda on screen moved on too")
    }
}
