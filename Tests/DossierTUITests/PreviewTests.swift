import DossierCore
import DossierTestSupport
import Foundation
import Synchronization
import Testing
@testable import DossierTUI

/// The first screen from the list index while the whole dossier is read on another thread: it looks like
/// the real one, scrolls, and everything else waits for the whole dossier, so that a key typed in the first
/// second — a search, a change — does what it would have done on a loaded screen.
@Suite("First screen from the list index")
struct PreviewTests {
    static let dossier = try! DossierGenerator(relations: 150, activities: 600, seed: 4)
        .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: Fixtures.clock.today())
    let today = Fixtures.clock.today()

    func fullState(_ dossier: Dossier = PreviewTests.dossier) -> AppState {
        AppState(dossier: dossier, today: today, width: 120, height: 40)
    }

    /// The loop on a preview, with a store that takes `delay` seconds to read the whole dossier.
    func previewLoop(_ keys: [Key], delay: Double = 0.3, failing: StoreError? = nil) -> (AppLoop, SlowStore) {
        let store = SlowStore(dossier: PreviewTests.dossier, delay: delay, failure: failing)
        let backend = ScriptedBackend(width: 120, height: 40, events: keys.map { .key($0) })
        let preview = AppState(previewing: ListIndex(dossier: PreviewTests.dossier), today: today, width: 120, height: 40)
        let loop = AppLoop(state: preview, backend: backend, session: store, clock: Fixtures.clock, actor: "adviseur")
        let today = self.today
        loop.loadBehindPreview { dossier, notices in
            var state = AppState(dossier: dossier, today: today, width: 120, height: 40)
            if !notices.isEmpty { state.message = .info(notices.joined(separator: " ")) }
            return state
        }
        return (loop, store)
    }

    @Test("the preview draws what the loaded screen draws, with a status word where the filters go")
    func looksTheSame() {
        var preview = AppState(previewing: ListIndex(dossier: Self.dossier), today: today, width: 120, height: 40)
        var full = fullState()
        #expect(preview.preview != nil && full.preview == nil)
        for key in [Key.pageDown, .down, .down] {
            #expect(preview.handlesBeforeLoad(.key(key)))
            _ = preview.update(.key(key))
            _ = full.update(.key(key))
        }
        // Esc and a letter in one burst count as those two keys here too: a command among them waits for the whole dossier.
        #expect(!preview.handlesBeforeLoad(.key(.alt("e"))) && !preview.handlesBeforeLoad(.key(.alt("s"))))
        let previewLines = Renderer.render(preview).lines, fullLines = Renderer.render(full).lines
        #expect(previewLines[0].contains("dossier laden …"))
        #expect(previewLines[0].replacingOccurrences(of: "dossier laden …", with: "").trimmingCharacters(in: .whitespaces)
                == fullLines[0].trimmingCharacters(in: .whitespaces), "the tabs and their counts")
        #expect(Array(previewLines.dropFirst()) == Array(fullLines.dropFirst()), "the list, scrolled alike, and the status bar")
        #expect(full.adoptingPreview(of: preview).listState(.relations) == preview.listState(.relations))
        #expect(full.adoptingPreview(of: preview).selectedID(in: .relations) == preview.selectedID(in: .relations))
    }

    @Test("the status word stays whole when the counts are large: shorter tab titles make room for it")
    func statusWordWithLargeCounts() {
        var list = ListIndex(dossier: Self.dossier)
        list.activityCount = 100_000
        list.visitCount = 35_006
        list.deadlines = Array(repeating: today, count: 16_895)
        for width in [80, 100, 120] {
            let top = Renderer.render(AppState(previewing: list, today: today, width: width, height: 30)).lines[0]
            #expect(top.hasSuffix("dossier laden …"), "\(width): \(top)")
        }
    }

    @Test("only moving through the list, the help and handing the terminal to the shell work on the preview; everything else waits for the whole dossier")
    func whatWaits() {
        var preview = AppState(previewing: ListIndex(dossier: Self.dossier), today: today, width: 120, height: 40)
        for key: Key in [.down, .up, .character("j"), .pageDown, .pageUp, .home, .end, .character("G"), .character("?"), .control("z")] {
            #expect(preview.handlesBeforeLoad(.key(key)), "\(key)")
        }
        for key: Key in [.enter, .character("/"), .character("2"), .character("s"), .character("q"), .character("+"), .character("f"), .control("c")] {
            #expect(!preview.handlesBeforeLoad(.key(key)), "\(key)")
        }
        #expect(!preview.handlesBeforeLoad(.typed("rhone")))
        #expect(preview.handlesBeforeLoad(.resize(width: 100, height: 30)))
        #expect(preview.handlesBeforeLoad(.suspendRequested))
        #expect(preview.update(.key(.control("z"))) == [.suspend] && preview.update(.suspendRequested) == [.suspend])
    }

    @Test("a search typed before the dossier is read answers as on a loaded screen", arguments: ["arhus", "da nang", "zzz-niets"])
    func earlySearch(query: String) {
        let keys: [Key] = [.down, .down, .character("/")] + query.map { .character($0) } + [.enter]
        let (loop, store) = previewLoop(keys)
        loop.run()
        var reference = fullState()
        for key in keys { _ = reference.update(.key(key)) }
        #expect(store.loads == 1)
        #expect(loop.state.preview == nil, "the whole dossier was taken in")
        #expect(loop.state.selectedID(in: .relations) == reference.selectedID(in: .relations))
        #expect(loop.state.search?.input.text == query)
        #expect(loop.state.message == reference.message)
    }

    @Test("a change typed before the dossier is read is made on the whole dossier, to the relation that was selected")
    func earlyChange() throws {
        let keys: [Key] = [.pageDown, .down, .character("s"), .down, .tab] + "nieuw contact".map { .character($0) } + [.control("s")]
        let (loop, store) = previewLoop(keys)
        let previewState = loop.state
        var expectedSelection = previewState
        for key in keys.prefix(2) { _ = expectedSelection.update(.key(key)) }
        let selected = try #require(expectedSelection.selectedID(in: .relations))
        loop.run()
        #expect(store.inner.committed.count == 1, "\(String(describing: loop.state.message))")
        guard case .setRelationStatus(let id, _, let reason, _, _, _)? = store.inner.committed.first else {
            Issue.record("no status change: \(store.inner.committed)")
            return
        }
        #expect(id == selected)
        #expect(reason == "nieuw contact")
        #expect(loop.state.dossier.relations.count == Self.dossier.relations.count, "made on the whole dossier")
        #expect(loop.state.dossier.activities.count == Self.dossier.activities.count)
    }

    @Test("a dossier that cannot be read behind the preview ends the session with the reason, and nothing is written")
    func loadFailure() {
        let (loop, store) = previewLoop([.down, .character("s"), .tab, .character("x"), .control("s")],
                                        failing: .missing(file: "/data/dossier.json"))
        loop.run()
        #expect(loop.loadFailure != nil)
        #expect(loop.state.hasQuit)
        #expect(store.inner.committed.isEmpty)
    }

    @Test("while the whole dossier is read the loop looks every 10 ms, so the status word goes as soon as it is in")
    func looksOftenWhileLoading() {
        let store = SlowStore(dossier: PreviewTests.dossier, delay: 0.05, failure: nil)
        let backend = WaitRecordingBackend()
        let loop = AppLoop(state: AppState(previewing: ListIndex(dossier: PreviewTests.dossier), today: today, width: 120, height: 40),
                           backend: backend, session: store, clock: Fixtures.clock, actor: "adviseur")
        let today = self.today
        loop.loadBehindPreview { dossier, _ in AppState(dossier: dossier, today: today, width: 120, height: 40) }
        loop.run()
        #expect(loop.state.preview == nil, "the whole dossier was taken in")
        #expect(backend.waits.count >= 3 && backend.waits.dropLast().allSatisfy { $0 == 10 }, "\(backend.waits)")
        #expect(backend.waits.last == .some(nil), "once it is in, the terminal's own pace")
    }

    @Test("the whole dossier is read once the terminal has had its turn, or at once when a key needs it or the session ends")
    func loadsAfterTheTerminalsTurn() {
        // A turn longer than the test: only a key or the end may start the reading (after 60 s the test fails).
        for keys in [[Key.character("/")], []] {
            let (loop, store) = previewLoop(keys, delay: 0)
            loop.terminalsTurn = .seconds(60)
            let began = Date()
            loop.run()
            #expect(store.loads == 1, "\(keys)")
            #expect(Date().timeIntervalSince(began) < 30, "\(keys): started at once, not after the turn")
        }
        // Without a key the terminal has its turn first.
        let store = SlowStore(dossier: PreviewTests.dossier, delay: 0, failure: nil)
        let loop = AppLoop(state: AppState(previewing: ListIndex(dossier: PreviewTests.dossier), today: today, width: 120, height: 40),
                           backend: WaitRecordingBackend(), session: store, clock: Fixtures.clock, actor: "adviseur")
        let today = self.today
        loop.loadBehindPreview { dossier, _ in AppState(dossier: dossier, today: today, width: 120, height: 40) }
        loop.terminalsTurn = .milliseconds(300)
        let began = Date()
        loop.run()
        #expect(loop.state.preview == nil && store.loads == 1)
        #expect(store.loadStarted.map { $0.timeIntervalSince(began) >= 0.3 } == true, "read after the turn")
    }

    @Test("the storage's index job is asked with the dossier read behind the preview, runs once it is in, and is stopped when the session ends")
    func indexJobAfterTheLoad() {
        let store = SlowStore(dossier: PreviewTests.dossier, delay: 0.05, failure: nil)
        let loop = AppLoop(state: AppState(previewing: ListIndex(dossier: PreviewTests.dossier), today: today, width: 120, height: 40),
                           backend: WaitRecordingBackend(), session: store, clock: Fixtures.clock, actor: "adviseur")
        let today = self.today
        let seen = Mutex<(asked: Int, sameDossier: Bool, ran: Bool, stopped: Bool)>((0, false, false, false))
        loop.loadBehindPreview({ dossier, _ in AppState(dossier: dossier, today: today, width: 120, height: 40) }, indexWrite: { dossier in
            seen.withLock { $0.asked += 1; $0.sameDossier = dossier == PreviewTests.dossier }
            return ListIndexWrite(stoppable: { isStopped in
                seen.withLock { $0.ran = true }
                // A long job: it ends when it is asked to (or after 10 s, and then the test fails).
                let deadline = Date().addingTimeInterval(10)
                while !isStopped() && Date() < deadline { usleep(1_000) }
                seen.withLock { $0.stopped = isStopped() }
            })
        })
        loop.run()
        #expect(loop.state.preview == nil)
        let result = seen.withLock { $0 }
        #expect(result.asked == 1 && result.sameDossier, "asked once, with the dossier read")
        #expect(result.ran && result.stopped, "run after the load, stopped and waited for at the end")
    }
}

/// A terminal without keys that says how long the loop let it wait each time (nil: its own pace), ending the
/// session the first time it is asked to wait at its own pace.
final class WaitRecordingBackend: TerminalBackend {
    let width = 120
    let height = 40
    private(set) var waits: [Int32?] = []

    func show(_ canvas: Canvas) {}

    func nextEvent() -> TerminalEvent {
        waits.append(nil)
        return .stop
    }

    func nextEvent(waitingAtMost milliseconds: Int32) -> TerminalEvent {
        waits.append(milliseconds)
        usleep(useconds_t(milliseconds) * 1_000)
        return .tick
    }
}

/// A store that takes a while to read the whole dossier (or fails to), counting its loads.
final class SlowStore: ChangeSession {
    let inner = MemoryStore()
    let delay: Double
    let failure: StoreError?
    private(set) var loads = 0
    /// When the reading began (the last time).
    private(set) var loadStarted: Date?

    init(dossier: Dossier, delay: Double, failure: StoreError?) {
        inner.saved = dossier
        self.delay = delay
        self.failure = failure
    }

    func load() throws(StoreError) -> Dossier {
        loads += 1
        loadStarted = Date()
        usleep(UInt32(delay * 1_000_000))
        if let failure { throw failure }
        return try inner.load()
    }

    var notices: [String] { inner.notices }
    func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration {
        try inner.commit(change, to: &dossier, context: context)
    }
    func history() throws(StoreError) -> [JournalEntry] { try inner.history() }
    func refresh(_ dossier: inout Dossier) throws(StoreError) -> [OthersChange] { try inner.refresh(&dossier) }
    func takeOthersChanges() -> [OthersChange] { inner.takeOthersChanges() }
    var needsCompaction: Bool { false }
    func snapshotWrite(of dossier: Dossier) -> SnapshotWrite? { nil }
    func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp) throws(StoreError) -> Bool { false }
    func discard(_ written: WrittenSnapshot) {}
}
