import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The real binary killed at every system call that touches a file, one run per call: after each kill the
/// dossier loads and is either the state before the command or the state after it — never something in
/// between, never unloadable — and the backups can still be listed.
@Suite("Crash at every system call")
struct SystemCallCrashTests {
    let binary = ProgramRunner.builtBinary("dossier")

    func environment(home: String) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "TZ": "UTC", "DOSSIER_USER": "crash",
         "DOSSIER_JOURNAL_LIMIT": "2", "DOSSIER_BACKUPS": "2", "DOSSIER_LOCK_WAIT": "0"]
    }

    /// A dossier with a journal entry, two kept backups and an archived history. The changes are eight days apart:
    /// the past week's backups are kept beyond the two asked for.
    func prepareTemplate(_ directory: TemporaryDirectory) throws {
        try directory.write("dossier.json", BundledDossier.bytes)
        chmod(directory.file("dossier.json"), 0o600)
        let runner = ProgramRunner(executable: binary)
        for round in 0..<7 {
            try directory.write("change.jsonl", #"{"type":"add-follow-up","activity":"campusbeurs-han","followUp":{"text":"ronde \#(round)","done":false}}"# + "\n")
            var environment = environment(home: directory.path)
            environment["DOSSIER_NOW"] = Timestamp(secondsSinceEpoch: Fixtures.now.secondsSinceEpoch - Int64(7 - round) * 8 * 86_400).iso
            let result = try runner.run(["apply", directory.file("change.jsonl"), "--store", directory.file("dossier.json")],
                                        environment: environment)
            #expect(result.status == 0, "\(result.standardError)")
        }
    }

    func copy(_ template: TemporaryDirectory) throws -> TemporaryDirectory {
        let target = TemporaryDirectory(prefix: "dossier-kill")
        for name in try FileManager.default.contentsOfDirectory(atPath: template.path) {
            try FileManager.default.copyItem(atPath: template.file(name), toPath: target.file(name))
        }
        return target
    }

    /// Runs `arguments` killed at every file call, checking after each kill that the dossier is `before` or `after`.
    func killAtEveryCall(_ template: TemporaryDirectory, _ arguments: [String], before: Dossier, after: Dossier,
                         extraCheck: (TemporaryDirectory, Dossier) throws -> Void = { _, _ in }) throws -> Int {
        try killAtEveryCall(template, arguments) { directory, where_ in
            let store = directory.file("dossier.json")
            let loaded: Dossier
            do {
                loaded = try DossierStore(path: store).load()
            } catch {
                Issue.record("\(where_): the dossier does not load: \(error)")
                return
            }
            #expect(loaded == before || loaded == after, "\(where_): a state between before and after")
            #expect(DossierValidator.problems(in: loaded).isEmpty, "\(where_)")
            try expectBackupsListed(directory, where_)
            try extraCheck(directory, loaded)
        }
    }

    func expectBackupsListed(_ directory: TemporaryDirectory, _ where_: String) throws {
        let listed = try ProgramRunner(executable: binary).run(["backups", "--store", directory.file("dossier.json")],
                                                               environment: environment(home: directory.path))
        #expect(listed.status == 0, "\(where_): backups: \(listed.standardError)")
    }

    /// Runs `arguments` on a copy of `template` killed at every file call, one run per call, and hands each copy to `check`
    /// with where it was killed; returns how many runs there were.
    func killAtEveryCall(_ template: TemporaryDirectory, _ arguments: [String],
                         check: (TemporaryDirectory, String) throws -> Void) throws -> Int {
        let killer = try SystemCallKiller()
        let counted = try copy(template)
        let counts = try killer.count(binary, arguments + ["--store", counted.file("dossier.json")], environment: environment(home: counted.path))
        var runs = 0
        for (call, count) in counts.sorted(by: { $0.key < $1.key }) {
            for number in 1...count {
                let directory = try copy(template)
                let status = try killer.run(binary, arguments + ["--store", directory.file("dossier.json")],
                                            environment: environment(home: directory.path), killedAt: call, number: number)
                runs += 1
                try check(directory, "killed at \(call) #\(number) (exit \(status))")
            }
        }
        return runs
    }

    @Test("restore of the oldest kept backup, killed at every system call, leaves the old or the restored dossier, never a broken one")
    func restore() throws {
        let template = TemporaryDirectory(prefix: "dossier-kill-template")
        try prepareTemplate(template)
        let before = try DossierStore(path: template.file("dossier.json")).load()
        let backups = try DossierStore(path: template.file("dossier.json")).backups()
        #expect(backups.count == 2, "two backups are kept")
        let oldest = try #require(backups.last)
        let after = try DossierFile.decode(try PosixFileSystem().readFile(oldest.path), file: oldest.path)
        #expect(before != after)
        let runs = try killAtEveryCall(template, ["restore", oldest.name, "--yes"], before: before, after: after) { directory, loaded in
            if loaded == before {
                // Not restored yet: the backup asked for is still there to try again.
                #expect(FileManager.default.fileExists(atPath: directory.file("dossier.json.backups/" + oldest.name)))
            }
        }
        print("restore killed at \(runs) system calls")
        #expect(runs > 40, "the restore makes many file calls (\(runs))")
    }

    @Test("a change that compacts, killed at every system call, is saved whole or not at all")
    func changeWithCompaction() throws {
        let template = TemporaryDirectory(prefix: "dossier-kill-template")
        try prepareTemplate(template)
        let before = try DossierStore(path: template.file("dossier.json")).load()
        var after = before
        try after.apply(.addFollowUp("campusbeurs-han", FollowUp(text: "laatste")), context: Fixtures.context)
        try template.write("last.jsonl", #"{"type":"add-follow-up","activity":"campusbeurs-han","followUp":{"text":"laatste","done":false}}"# + "\n")
        let runs = try killAtEveryCall(template, ["apply", template.file("last.jsonl")], before: before, after: after)
        print("apply with compaction killed at \(runs) system calls")
        #expect(runs > 20)
    }

    /// The dossier file gone or damaged on disk: `restore` of the newest backup makes it again from the backup and the history.
    enum Loss: String, CaseIterable, CustomStringConvertible {
        case deleted, damaged
        var description: String { rawValue }
    }

    @Test("a rebuild of a lost dossier file, killed at every system call, leaves the loss as it was or the whole dossier, and a second try rebuilds it", arguments: Loss.allCases)
    func rebuild(_ loss: Loss) throws {
        let template = TemporaryDirectory(prefix: "dossier-kill-template")
        try prepareTemplate(template)
        let store = DossierStore(path: template.file("dossier.json"))
        let whole = try store.load()
        let log = try store.history().map(\.sequence)
        #expect(log.count > 2, "the history goes back further than the journal: \(log)")
        switch loss {
        case .deleted: try FileManager.default.removeItem(atPath: template.file("dossier.json"))
        case .damaged: try template.write("dossier.json", Array("{\"schemaVersion\": 2, \"relations\": [".utf8))
        }
        let newest = try #require(try store.backups().first).name
        let arguments = ["restore", newest, "--yes"]
        // Whole: the lost file's state, the log as it was, and the journal goes on with the next number.
        func expectWhole(_ directory: TemporaryDirectory, _ where_: String) throws {
            let store = DossierStore(path: directory.file("dossier.json"))
            let loaded: Dossier
            do {
                loaded = try store.load()
            } catch {
                Issue.record("\(where_): the dossier does not load: \(error)")
                return
            }
            #expect(loaded.relations == whole.relations && loaded.activities == whole.activities, "\(where_): not the lost file's state")
            #expect(try store.history().map(\.sequence) == log, "\(where_): the log changed")
            try expectBackupsListed(directory, where_)
        }
        let runs = try killAtEveryCall(template, arguments) { directory, where_ in
            let path = directory.file("dossier.json")
            let untouched = switch loss {
            case .deleted: !FileManager.default.fileExists(atPath: path)
            case .damaged: (try? PosixFileSystem().readFile(path)) == (try? PosixFileSystem().readFile(template.file("dossier.json")))
            }
            if untouched {
                let again = try ProgramRunner(executable: binary).run(arguments + ["--store", path], environment: environment(home: directory.path))
                #expect(again.status == 0 && again.standardOutput.contains("Opnieuw opgebouwd: "), "\(where_): the second try: \(again.standardError)")
            }
            try expectWhole(directory, where_)
            if loss == .damaged {
                let names = try FileManager.default.contentsOfDirectory(atPath: directory.file("dossier.json.backups"))
                #expect(names.contains { $0.hasSuffix("-onleesbaar.json") }, "\(where_): the damaged file is kept")
            }
        }
        print("rebuild of a \(loss) dossier file killed at \(runs) system calls")
        #expect(runs > 20, "the rebuild makes many file calls (\(runs))")
    }
}
