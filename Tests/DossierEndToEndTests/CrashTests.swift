import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The real binary, killed with SIGKILL at random moments while it saves changes (and compacts), 200
/// times: after every kill the dossier loads, validates, and holds every change the program confirmed.
///
/// Half the kills come a random 2–120 ms after the start, wherever the program then is (starting, loading,
/// waiting for the lock, saving). The other half come a random 0–20 ms after the program confirmed a random
/// 2 to 8 changes, so they land in saving and compacting however slowly a busy machine starts the binary:
/// the test cannot pass without exercising the saves, and cannot fail because the machine is busy.
@Suite("Crash safety")
struct CrashTests {
    @Test("200 kills at random moments lose no confirmed change and never leave a damaged dossier")
    func killRepeatedly() throws {
        let directory = TemporaryDirectory(prefix: "dossier-crash")
        let store = directory.file("dossier.json")
        try directory.write("dossier.json", BundledDossier.bytes)
        chmod(store, 0o600)
        let binary = ProgramRunner.builtBinary("dossier")
        // A small journal limit: compactions (backup, snapshot, archive) happen every few changes, so
        // kills also land in the middle of them.
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "DOSSIER_USER": "crash",
                           "DOSSIER_JOURNAL_LIMIT": "7", "DOSSIER_BACKUPS": "3", "DOSSIER_LOCK_WAIT": "5"]
        var confirmed = Set<String>()
        var killedWhileWorking = 0
        var confirmationsWaitedFor = 0
        var generator = SystemRandomNumberGenerator()
        for iteration in 0..<200 {
            let changes = (0..<60).map { step in
                #"{"type":"add-follow-up","activity":"campusbeurs-han","followUp":{"text":"k\#(iteration)-\#(step)","done":false}}"#
            }.joined(separator: "\n") + "\n"
            try directory.write("changes.jsonl", changes)
            let pid = try ProgramRunner.launch(binary, ["apply", directory.file("changes.jsonl"), "--store", store], environment: environment,
                                               stdin: "/dev/null", stdout: directory.file("out"), stderr: directory.file("err"))
            var endedByItself: Int32?
            if iteration.isMultiple(of: 2) {
                usleep(UInt32.random(in: 2_000...120_000, using: &generator))
            } else {
                let wanted = Int.random(in: 2...8, using: &generator)
                confirmationsWaitedFor += wanted
                endedByItself = try Self.wait(for: pid, toConfirm: wanted, in: directory.file("out"))
                usleep(UInt32.random(in: 0...20_000, using: &generator))
            }
            let status: Int32
            if let endedByItself {
                status = endedByItself
            } else {
                kill(pid, SIGKILL)
                status = ProgramRunner.waitForExit(pid)
            }
            if status == 128 + SIGKILL { killedWhileWorking += 1 }
            let output = String(decoding: try directory.read("out"), as: UTF8.self)
            for line in output.split(separator: "\n") where line.hasPrefix("bewaard ") {
                confirmed.insert(String(line.split(separator: ": ").last!))
            }
            let dossier: Dossier
            do {
                dossier = try DossierStore(path: store).load()
            } catch {
                Issue.record("after kill \(iteration) the dossier does not load: \(error)\n\(String(decoding: (try? directory.read("err")) ?? [], as: UTF8.self))")
                return
            }
            #expect(DossierValidator.problems(in: dossier).isEmpty, "after kill \(iteration)")
            let texts = Set((dossier.activity("campusbeurs-han")?.followUps ?? []).map(\.text))
            let lost = confirmed.subtracting(texts)
            #expect(lost.isEmpty, "after kill \(iteration) confirmed changes are missing: \(lost.sorted().prefix(5))")
            if !lost.isEmpty { return }
        }
        print("crash test: \(killedWhileWorking) of 200 runs killed mid-way, \(confirmed.count) changes confirmed, \(confirmationsWaitedFor) waited for")
        #expect(killedWhileWorking >= 150, "most runs must really be killed mid-way (\(killedWhileWorking) were)")
        // Every run that was waited for confirmed at least as many changes as waited for (a run that ended
        // by itself confirmed all 60, or failed, which the checks above report).
        #expect(confirmationsWaitedFor >= 200)
        #expect(confirmed.count >= confirmationsWaitedFor, "the runs confirmed \(confirmed.count) changes, \(confirmationsWaitedFor) were waited for")
        #expect(try !PosixFileSystem().contentsOfDirectory(store + ".history").isEmpty, "compactions took place")
        let finalCheck = try ProgramRunner().run(["validate", "--store", store], environment: environment)
        #expect(finalCheck.status == 0, "\(finalCheck.standardError)")
    }

    /// Waits until the program has printed `count` confirmations ("bewaard …") to `output`. Nil then; the
    /// exit status instead when the program ended first. A program that does neither within 60 s is killed
    /// and the test fails.
    private static func wait(for pid: pid_t, toConfirm count: Int, in output: String) throws -> Int32? {
        let deadline = DispatchTime.now().uptimeNanoseconds + 60_000_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            switch ProgramRunner.exitStatusIfEnded(pid) {
            case .ended(let status): return status
            case .unknown: throw POSIXError(.ECHILD)
            case .running: break
            }
            let printed = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: output))) ?? Data(), as: UTF8.self)
            if printed.split(separator: "\n").count(where: { $0.hasPrefix("bewaard ") }) >= count { return nil }
            usleep(500)
        }
        Issue.record("the program confirmed fewer than \(count) changes in 60 s")
        kill(pid, SIGKILL)
        return ProgramRunner.waitForExit(pid)
    }
}
