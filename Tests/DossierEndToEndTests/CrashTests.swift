import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The real binary, killed with SIGKILL at random moments while it saves changes (and compacts), 200
/// times: after every kill the dossier loads, validates, and holds every change the program confirmed.
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
        var generator = SystemRandomNumberGenerator()
        for iteration in 0..<200 {
            let changes = (0..<60).map { step in
                #"{"type":"add-follow-up","activity":"campusbeurs-han","followUp":{"text":"k\#(iteration)-\#(step)","done":false}}"#
            }.joined(separator: "\n") + "\n"
            try directory.write("changes.jsonl", changes)
            let pid = try ProgramRunner.launch(binary, ["apply", directory.file("changes.jsonl"), "--store", store], environment: environment,
                                               stdin: "/dev/null", stdout: directory.file("out"), stderr: directory.file("err"))
            usleep(UInt32.random(in: 2_000...120_000, using: &generator))
            kill(pid, SIGKILL)
            let status = ProgramRunner.waitForExit(pid)
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
        print("crash test: \(killedWhileWorking) of 200 runs killed mid-way, \(confirmed.count) changes confirmed")
        #expect(killedWhileWorking >= 150, "most runs must really be killed mid-way (\(killedWhileWorking) were)")
        #expect(confirmed.count >= 200, "the runs confirmed \(confirmed.count) changes")
        #expect(try !PosixFileSystem().contentsOfDirectory(store + ".history").isEmpty, "compactions took place")
        let finalCheck = try ProgramRunner().run(["validate", "--store", store], environment: environment)
        #expect(finalCheck.status == 0, "\(finalCheck.standardError)")
    }
}
