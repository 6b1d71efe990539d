import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierTUI

/// Four writers on one dossier at once — three command-line processes that are killed at random moments and
/// the TUI's core (keys, the store, refreshes and background compactions) — with compactions in between.
/// Afterwards every confirmed change of every writer is there exactly once, the dossier validates, and the
/// screen's view equals a fresh load.
@Suite("Many writers at once")
struct ManyWritersTests {
    @Test("three command-line writers killed at random and a TUI core: every confirmed change exactly once, and every view equals a fresh load")
    func manyWriters() throws {
        let directory = TemporaryDirectory(prefix: "dossier-many")
        let path = directory.file("dossier.json")
        try directory.write("dossier.json", BundledDossier.bytes)
        chmod(path, 0o600)
        let targets = ["campusbeurs-han", "campusbeurs-tu-eindhoven", "internationaal-talent-met-pharma-delta"]

        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = 10
        configuration.backupsToKeep = 3
        configuration.lockWait = 10
        let store = DossierStore(path: path, configuration: configuration)
        store.compactsAfterCommit = false
        try store.openForWriting(actor: "scherm")
        let state = AppState(dossier: try store.load(), today: Fixtures.clock.today(), width: 100, height: 30)
        let loop = AppLoop(state: state, backend: HeadlessBackend(width: 100, height: 30), session: store, clock: Fixtures.clock, actor: "scherm")
        loop.dispatch(.key(.character("2")))
        loop.dispatch(.key(.enter))
        guard case .activityDetail(let detail) = loop.state.screen else {
            Issue.record("no activity opened")
            return
        }

        let confirmed = Confirmed()
        let writers = (1...3).map { number in
            Thread {
                let binary = ProgramRunner.builtBinary("dossier")
                var random = SystemRandomNumberGenerator()
                let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "DOSSIER_USER": "p\(number)",
                                   "DOSSIER_JOURNAL_LIMIT": "10", "DOSSIER_BACKUPS": "3", "DOSSIER_LOCK_WAIT": "10"]
                for round in 0..<20 {
                    let file = directory.file("changes-\(number).jsonl")
                    let lines = (0..<12).map { step in
                        #"{"type":"add-follow-up","activity":"\#(targets[(round + step + number) % targets.count])","followUp":{"text":"p\#(number)-\#(round)-\#(step)","done":false}}"#
                    }
                    do {
                        try directory.write("changes-\(number).jsonl", lines.joined(separator: "\n") + "\n")
                        let out = directory.file("out-\(number)")
                        let pid = try ProgramRunner.launch(binary, ["apply", file, "--store", path], environment: environment, stdin: "/dev/null",
                                                           stdout: out, stderr: directory.file("err-\(number)"))
                        if Bool.random(using: &random) {
                            usleep(UInt32.random(in: 1_000...60_000, using: &random))
                            kill(pid, SIGKILL)
                        }
                        let status = ProgramRunner.waitForExit(pid)
                        let output = String(decoding: try directory.read("out-\(number)"), as: UTF8.self)
                        for line in output.split(separator: "\n") where line.hasPrefix("bewaard ") {
                            confirmed.add(String(line.split(separator: ": ").last ?? ""))
                        }
                        if status != 0 && status != 128 + SIGKILL {
                            confirmed.fail("writer \(number) round \(round) exited \(status): \(String(decoding: try directory.read("err-\(number)"), as: UTF8.self))")
                        }
                    } catch {
                        confirmed.fail("writer \(number): \(error)")
                    }
                }
                confirmed.finish()
            }
        }
        writers.forEach { $0.start() }

        // The screen adds follow-ups as a person would, refreshes and compacts between keys, meanwhile.
        var typed: [String] = []
        var step = 0
        while confirmed.finished < writers.count || step < 60 {
            let text = "scherm-\(step)"
            loop.dispatch(.key(.character("+")))
            for character in text { loop.dispatch(.key(.character(character))) }
            loop.dispatch(.key(.control("s")))
            if loop.state.form == nil {
                typed.append(text)
            } else {
                confirmed.fail("the screen's change \(step) was refused: \(loop.state.form?.generalError ?? loop.state.message?.text ?? "")")
                loop.dispatch(.key(.escape))
                loop.dispatch(.key(.character("j")))
            }
            loop.refresh()
            loop.maintainSnapshot()
            step += 1
            if step > 2_000 { break }
        }
        while confirmed.finished < writers.count { usleep(10_000) }
        // While others keep appending, a compaction that would miss their changes is dropped and tried again, and
        // the one compacting holds the others off: on a slow machine none may have gone through yet. In the quiet
        // after the writers, the screen's goes through.
        let history = path + ".history"
        for _ in 0..<2_000 where ((try? PosixFileSystem().contentsOfDirectory(history)) ?? []).isEmpty {
            loop.refresh()
            loop.maintainSnapshot()
            usleep(2_000)
        }
        loop.endCompaction()
        loop.refresh()

        #expect(confirmed.failures.isEmpty, "\(confirmed.failures.prefix(3))")
        let fresh = try DossierStore(path: path).load()
        #expect(DossierValidator.problems(in: fresh).isEmpty)
        #expect(loop.state.dossier == fresh, "the screen's view equals a fresh load")
        #expect(loop.state.index == DossierIndex(dossier: loop.state.dossier, today: loop.state.today, searchKeys: loop.state.index.searchKeys != nil), "and its index a fresh index")
        var counts: [String: Int] = [:]
        for activity in fresh.activities { for followUp in activity.followUps { counts[followUp.text, default: 0] += 1 } }
        let expected = confirmed.texts.union(typed)
        let missing = expected.filter { counts[$0] == nil }
        let twice = counts.filter { $0.value > 1 }.map(\.key)
        #expect(missing.isEmpty, "confirmed but missing: \(missing.sorted().prefix(5))")
        #expect(twice.isEmpty, "present twice: \(twice.sorted().prefix(5))")
        #expect(fresh.activity(detail.id)?.followUps.filter { $0.text.hasPrefix("scherm-") }.count == typed.count)
        #expect(confirmed.texts.count > 150, "the command-line writers confirmed \(confirmed.texts.count) changes")
        #expect(!((try? PosixFileSystem().contentsOfDirectory(history)) ?? []).isEmpty, "compactions took place")
        print("many writers: \(confirmed.texts.count) command-line changes and \(typed.count) from the screen, all present once")
    }
}

/// What the writer threads confirmed, and how they ended.
private final class Confirmed: @unchecked Sendable {
    private let lock = NSLock()
    private var confirmedTexts = Set<String>()
    private var failed: [String] = []
    private var done = 0

    var texts: Set<String> { lock.withLock { confirmedTexts } }
    var failures: [String] { lock.withLock { failed } }
    var finished: Int { lock.withLock { done } }

    func add(_ text: String) { lock.withLock { _ = confirmedTexts.insert(text) } }
    func fail(_ message: String) { lock.withLock { failed.append(message) } }
    func finish() { lock.withLock { done += 1 } }
}
