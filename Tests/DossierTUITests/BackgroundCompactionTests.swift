import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierTUI

/// The loop rewrites the snapshot on another thread: a commit returns after its journal line, and the
/// new snapshot is put in place between events.
@Suite("Compaction in the background")
struct BackgroundCompactionTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }

    func openLoop() throws -> (AppLoop, DossierStore) {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = 2
        configuration.lockWait = 0
        let store = DossierStore(path: path, configuration: configuration)
        store.compactsAfterCommit = false
        try store.openForWriting(actor: "adviseur")
        let state = AppState(dossier: try store.load(), today: Fixtures.clock.today(), width: 100, height: 30)
        let loop = AppLoop(state: state, backend: HeadlessBackend(width: 100, height: 30), session: store, clock: Fixtures.clock, actor: "adviseur")
        loop.dispatch(.key(.character("/")))
        for character in "bom" { loop.dispatch(.key(.character(character))) }
        loop.dispatch(.key(.enter))
        return (loop, store)
    }

    /// A status change on BOM through the form, as the user types it.
    func changeStatus(_ loop: AppLoop, reason: String) {
        loop.dispatch(.key(.character("s")))
        loop.dispatch(.key(.down))  // the status menu's first choice
        loop.dispatch(.key(.tab))  // to the reason
        for character in reason { loop.dispatch(.key(.character(character))) }
        loop.dispatch(.key(.control("s")))
        #expect(loop.state.form == nil, "the status form did not save: \(String(describing: loop.state.message))")
    }

    /// Two changes past the limit of two, and the snapshot being written on another thread.
    func openLoopCompacting() throws -> (AppLoop, DossierStore) {
        let (loop, store) = try openLoop()
        changeStatus(loop, reason: "eerste")
        changeStatus(loop, reason: "tweede")
        loop.maintainSnapshot()
        #expect(loop.isCompacting)
        return (loop, store)
    }

    func snapshotSequence() throws -> Int {
        try Dossier(decoding: try directory.read("dossier.json")).journalSequence
    }

    func temporaryFiles() throws -> [String] {
        try PosixFileSystem().contentsOfDirectory(directory.path).filter { $0.contains(".tmp-") }
    }

    @Test("commits only journal; the loop compacts between keys, also when a change comes in while it writes")
    func compactsBetweenKeys() throws {
        let (loop, store) = try openLoop()
        changeStatus(loop, reason: "eerste")
        changeStatus(loop, reason: "tweede")
        #expect(loop.state.dossier.relation("bom")?.statusHistory.suffix(2).map(\.reason) == ["eerste", "tweede"])
        #expect(store.needsCompaction)
        #expect(try snapshotSequence() == 0, "the commit itself did not rewrite the snapshot")

        loop.maintainSnapshot()  // starts writing on another thread
        changeStatus(loop, reason: "derde")  // a key handled while the snapshot is being written
        #expect(loop.state.dossier.relation("bom")?.statusHistory.last?.reason == "derde")

        // Between events the loop finishes (or, after the third change, drops and restarts) the compaction.
        for _ in 0..<1_000 where store.needsCompaction || store.hasJournal {
            loop.maintainSnapshot()
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(try snapshotSequence() == 3)
        #expect(!store.hasJournal)
        #expect(try temporaryFiles().isEmpty)
        #expect(try DossierStore(path: path).load() == loop.state.dossier)
        #expect(loop.state.message?.isError != true)
    }

    @Test("a compaction still running when the session ends is waited for and leaves nothing behind")
    func endsCleanly() throws {
        let (loop, store) = try openLoopCompacting()
        loop.endCompaction()
        #expect(try temporaryFiles().isEmpty)
        #expect(try snapshotSequence() == 0, "the dropped snapshot was not put in place")
        try store.close(loop.state.dossier, at: Fixtures.now)
        #expect(try snapshotSequence() == 2)
        #expect(try DossierStore(path: path).load() == loop.state.dossier)
    }

    @Test("a snapshot written before the files changed elsewhere is never put in place")
    func outsideChangeDropsTheWrite() throws {
        let (loop, store) = try openLoopCompacting()
        loop.dispatch(.outsideChangeDetected)
        for _ in 0..<1_000 where loop.isCompacting {
            loop.maintainSnapshot()
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(!loop.isCompacting)
        #expect(try temporaryFiles().isEmpty)
        #expect(try snapshotSequence() == 0)
        #expect(store.hasJournal, "the changes stay in the journal")
    }
}
