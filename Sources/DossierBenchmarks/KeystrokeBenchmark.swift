import DossierCore
import DossierTUI

/// Keystrokes as the TUI handles them: each one through `update` and a full frame rendered, timed one by one.
struct KeystrokeBenchmark {
    let dossier: Dossier
    let clock: Clock

    /// A session that refuses nothing and writes nothing: keystroke timing must not include the disk.
    class NoStore: StoreSession {
        var notices: [String] { [] }
        func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration {
            do { return try dossier.apply(change, context: context) } catch { throw .refused(error) }
        }
        func history() throws(StoreError) -> [JournalEntry] { [] }
        func load() throws(StoreError) -> Dossier { throw .missing(file: "") }
        func refresh(_ dossier: inout Dossier) throws(StoreError) -> [OthersChange] { [] }
        func takeOthersChanges() -> [OthersChange] { [] }
        var needsCompaction: Bool { false }
        func snapshotWrite(of dossier: Dossier) -> SnapshotWrite? { nil }
        func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp) throws(StoreError) -> Bool { false }
        func discard(_ written: WrittenSnapshot) {}
    }

    /// As `NoStore`, but at each look at the store (`refresh`) colleagues' changes queued by the benchmark arrive:
    /// applied to the screen's dossier as the real store applies them, each with its restoration.
    final class ColleagueStore: NoStore {
        var queued: [Change] = []
        private(set) var restorations: [Restoration] = []
        private var sequence = 0
        let clock: Clock
        init(clock: Clock) { self.clock = clock }
        override func refresh(_ dossier: inout Dossier) throws(StoreError) -> [OthersChange] {
            defer { queued = [] }
            restorations = []
            var arrived: [OthersChange] = []
            for change in queued {
                sequence += 1
                let summary = change.summary(in: dossier)
                let restoration = try commit(change, to: &dossier, context: clock.context(actor: "Ine"))
                restorations.append(restoration)
                arrived.append(OthersChange(entry: JournalEntry(sequence: sequence, timestamp: clock.now(), actor: "Ine", today: clock.today(),
                                                                summary: summary, subjects: change.subjects, event: .change(change)),
                                            restoration: restoration))
            }
            return arrived
        }
    }

    /// A colleague's two deletions arriving at one look at the store, taken in by the screen with the activity list
    /// open, and a frame drawn: `count` times, each time put back (untimed) by the colleague's undo.
    func othersDeletions(count: Int) -> Measurement {
        let store = ColleagueStore(clock: clock)
        let loop = AppLoop(state: AppState(dossier: dossier, today: clock.today(), width: 120, height: 40), backend: HeadlessBackend(width: 120, height: 40),
                           session: store, clock: clock, actor: "benchmark")
        loop.dispatch(.key(.character("2")))
        var measurement = Measurement()
        for round in 0..<count {
            // Two activities far apart in the list, different ones each round; the first round copies the
            // activities (the benchmark holds the dossier too) and is not counted.
            let activities = loop.state.dossier.activities
            store.queued = [.deleteActivity(activities[(round * 7_919) % activities.count].id),
                            .deleteActivity(activities[(round * 7_919 + activities.count / 2) % activities.count].id)]
            let sample = Measurement.time {
                _ = loop.refresh()
                _ = Renderer.render(loop.state)
            }
            if round > 0 { measurement.samples.append(sample) }
            store.queued = store.restorations.reversed().map(Change.restore)
            _ = loop.refresh()
        }
        return measurement
    }

    /// Every keystroke session, or those `including` picks (to profile one of them alone).
    func run(including: (Operation) -> Bool = { _ in true }) -> [(Operation, Measurement)] {
        /// `keys` are timed one by one, `count` times; `setup` before each round is not timed.
        func session(_ keys: [Key], repeat count: Int, prefix: [Key] = [], setup: [Key] = [], reset: [Key] = []) -> Measurement {
            let loop = AppLoop(state: AppState(dossier: dossier, today: clock.today(), width: 120, height: 40), backend: HeadlessBackend(width: 120, height: 40),
                               session: NoStore(), clock: clock, actor: "benchmark")
            for key in prefix { loop.dispatch(.key(key)) }
            var measurement = Measurement()
            for _ in 0..<count {
                for key in setup { loop.dispatch(.key(key)) }
                for key in keys {
                    measurement.samples.append(Measurement.time {
                        loop.dispatch(.key(key))
                        _ = Renderer.render(loop.state)
                    })
                }
                for key in reset { loop.dispatch(.key(key)) }
            }
            return measurement
        }
        let typing: [Key] = "rhone".map { .character($0) }
        let delete = Array(repeating: Key.backspace, count: 5)
        let firstChange: [Key] = [.character("2"), .character("d"), .character("J"), .character("u")]
        let sessions: [(Operation, () -> Measurement)] = [
            (.keyMove, { session([.down], repeat: 300) }),
            (.keyPage, { session([.pageDown], repeat: 100, reset: [.home]) }),
            (.keySearch, { session([.character("/")] + typing + [.escape], repeat: 20) }),
            (.keyActivityMove, { session([.down], repeat: 300, prefix: [.character("2")]) }),
            (.keyActivitySearch, { session([.character("/")] + "delegatie".map { .character($0) } + [.escape], repeat: 10, prefix: [.character("2")]) }),
            (.keyPicker, { session(typing + delete, repeat: 20, prefix: [.character("v")]) }),
            // Ctrl-S in the status form: the change applied and the lists, overviews and search keys brought up to date.
            (.keySave, { session([.control("s")], repeat: 10, setup: [.character("s"), .tab, .character("x")]) }),
            // J confirms deleting the selected activity (the first of the list); u puts it back at its place. The
            // first change copies the activities (the benchmark holds the dossier too; the screen alone does not): once,
            // before the timing.
            (.keyDelete, { session([.character("J")], repeat: 10, prefix: firstChange, setup: [.character("d")], reset: [.character("u")]) }),
            (.keyUndoDelete, { session([.character("u")], repeat: 10, prefix: firstChange, setup: [.character("d"), .character("J")]) }),
            (.othersDeletions, { othersDeletions(count: 11) }),
        ]
        return sessions.filter { including($0.0) }.map { ($0.0, $0.1()) }
    }
}
