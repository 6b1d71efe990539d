import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The store when the file system is not what it seems: links to the dossier, links and pipes planted at the
/// names of its own files, journals that belong to another dossier or another copy, and a reader that reads
/// while another program compacts.
@Suite("Hostile file systems")
struct HostileFileSystemTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }
    let context = Fixtures.context

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        chmod(path, 0o600)
    }

    func writer(_ path: String, journalLimit: Int = 100, backups: Int = 10) throws -> (DossierStore, Dossier) {
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = journalLimit
        configuration.backupsToKeep = backups
        configuration.lockWait = 0
        let store = DossierStore(path: path, configuration: configuration)
        try store.openForWriting(actor: "tester")
        return (store, try store.load())
    }

    func followUp(_ text: String) -> Change {
        .addFollowUp("missie-lyon", FollowUp(text: text))
    }

    func followUps(in dossier: Dossier) -> [String] {
        dossier.activity("missie-lyon")?.followUps.map(\.text) ?? []
    }

    // MARK: Links to the dossier

    @Test("a dossier reached through a link and through its real path shares one lock, one journal and one set of backups; compacting keeps the link")
    func linkedDossier() throws {
        let elsewhere = TemporaryDirectory()
        let link = elsewhere.file("mijn-dossier.json")
        #expect(symlink(path, link) == 0)
        var (throughLink, dossier) = try writer(link, journalLimit: 2)
        #expect(throughLink.path == path, "the store works on the real file")
        var (direct, directDossier) = try writer(path, journalLimit: 100)
        #expect(direct.files == throughLink.files)
        try direct.commit(followUp("direct"), to: &directDossier, context: context)
        try throughLink.commit(followUp("een"), to: &dossier, context: context)
        try throughLink.commit(followUp("twee"), to: &dossier, context: context)  // compacts
        #expect(try PosixFileSystem().status(link)?.kind == .symbolicLink, "the link is still a link")
        #expect(try PosixFileSystem().status(link + ".journal") == nil, "no journal beside the link")
        #expect(try !PosixFileSystem().contentsOfDirectory(path + ".backups").isEmpty, "the backups are beside the real file")
        try throughLink.close(dossier, at: Fixtures.now)
        #expect(followUps(in: try DossierStore(path: path).load()).suffix(3) == ["direct", "een", "twee"])
    }

    @Test("a link planted at the lock, the journal, the backups or the history is refused, and what it points at is untouched",
          arguments: ["dossier.json.lock", "dossier.json.journal", "dossier.json.backups", "dossier.json.history"])
    func plantedLinks(name: String) throws {
        let victim = TemporaryDirectory()
        let target = name.hasSuffix(".lock") || name.hasSuffix(".journal") ? victim.file("belangrijk.txt") : victim.file("map")
        if target.hasSuffix(".txt") {
            try victim.write("belangrijk.txt", "niet aankomen\n")
        } else {
            #expect(mkdir(target, 0o700) == 0)
        }
        #expect(symlink(target, directory.file(name)) == 0)
        let isFolder = !target.hasSuffix(".txt")
        do {
            // journalLimit 1: the first change compacts, which uses the backups and history folders.
            var (store, dossier) = try writer(path, journalLimit: 1)
            try store.commit(followUp("via een koppeling"), to: &dossier, context: context)
            // The change itself is safe in the journal; the compaction is refused and said so.
            #expect(isFolder, "a write went through a link planted at \(name)")
            #expect(store.notices.contains { $0.contains("symbolische koppeling") }, "\(store.notices)")
        } catch let error as StoreError {
            #expect(!isFolder, "\(error)")
            #expect(error.description.contains("symbolische koppeling"), "\(error)")
        }
        if isFolder {
            #expect(try PosixFileSystem().contentsOfDirectory(target).isEmpty)
            #expect(followUps(in: try DossierStore(path: path).load()) == ["via een koppeling"])
        } else {
            #expect(try victim.read("belangrijk.txt") == Array("niet aankomen\n".utf8))
            unlink(directory.file(name))
            #expect(followUps(in: try DossierStore(path: path).load()).isEmpty, "nothing was confirmed")
        }
    }

    @Test("a named pipe at the journal's name is refused without waiting for it")
    func pipeAtJournal() throws {
        #expect(mkfifo(path + ".journal", 0o600) == 0)
        do {
            _ = try DossierStore(path: path).load()
            Issue.record("a pipe was read as a journal")
        } catch {
            #expect(error.description.contains("geen gewoon bestand"), "\(error)")
        }
    }

    @Test("a temporary file's name taken by a link is never written through")
    func plantedTemporary() throws {
        let victim = TemporaryDirectory()
        try victim.write("doel.txt", "niet aankomen\n")
        let planted = directory.file(".dossier.json.tmp-planted")
        #expect(symlink(victim.file("doel.txt"), planted) == 0)
        do {
            _ = try PosixFileSystem().createExclusive(planted, mode: 0o600)
            Issue.record("created through a link")
        } catch {
            #expect(error.code == SystemErrorCode.fileExists)
        }
        #expect(try victim.read("doel.txt") == Array("niet aankomen\n".utf8))
    }

    // MARK: Journals that do not belong

    /// A second dossier with its own lineage, compacted once so that its snapshot carries it.
    func otherDossier(changes: [String]) throws -> TemporaryDirectory {
        let other = TemporaryDirectory()
        try other.write("dossier.json", Fixtures.smallDossier().encoded())
        var (store, dossier) = try writer(other.file("dossier.json"))
        try store.compact(dossier, at: Fixtures.now)
        for text in changes { try store.commit(followUp(text), to: &dossier, context: context) }
        return other
    }

    func expectRefusedJournal(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try directory.read("dossier.json")
        let journalBefore = try directory.read("dossier.json.journal")
        do {
            var (store, dossier) = try writer(path)
            try store.commit(followUp("erna"), to: &dossier, context: context)
            Issue.record("a journal that does not continue its snapshot was used", sourceLocation: sourceLocation)
        } catch let error as StoreError {
            guard case .foreignJournal = error else { Issue.record("\(error)", sourceLocation: sourceLocation); return }
            #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains("dossier restore"), "a way forward", sourceLocation: sourceLocation)
            #expect(error.isDataError, sourceLocation: sourceLocation)
        }
        #expect(try directory.read("dossier.json") == before, "nothing written", sourceLocation: sourceLocation)
        #expect(try directory.read("dossier.json.journal") == journalBefore, "nothing written", sourceLocation: sourceLocation)
    }

    @Test("the journal of another dossier is refused with a way forward, and nothing is written")
    func foreignJournal() throws {
        var (store, dossier) = try writer(path)
        try store.compact(dossier, at: Fixtures.now)
        try store.commit(followUp("eigen"), to: &dossier, context: context)
        let other = try otherDossier(changes: ["vreemd"])
        try directory.write("dossier.json.journal", try other.read("dossier.json.journal"))
        try expectRefusedJournal("ander dossier")
    }

    /// A dossier merged once, copied elsewhere, then changed in both places: 'origineel' here, 'kopie' in the copy.
    func splitCopy() throws -> (original: DossierStore, mine: Dossier, copied: DossierStore, theirs: Dossier, copy: TemporaryDirectory) {
        let (store, dossier) = try writer(path)
        try store.compact(dossier, at: Fixtures.now)
        let copy = TemporaryDirectory()
        try copy.write("dossier.json", try directory.read("dossier.json"))
        var (original, mine) = try writer(path)
        try original.commit(followUp("origineel"), to: &mine, context: context)
        var (copied, theirs) = try writer(copy.file("dossier.json"))
        try copied.commit(followUp("kopie"), to: &theirs, context: context)
        return (original, mine, copied, theirs, copy)
    }

    @Test("the journal of another copy of the same dossier is refused, even with the same lineage and numbers")
    func divergedCopy() throws {
        var (_, _, copied, theirs, copy) = try splitCopy()
        try copied.compact(theirs, at: Fixtures.now)
        try copied.commit(followUp("kopie 2"), to: &theirs, context: context)
        // The copy's snapshot (holding change 1 of the copy) beside the original's journal (its own change 1).
        try directory.write("dossier.json", try copy.read("dossier.json"))
        try expectRefusedJournal("andere kopie")
    }

    /// What docs/data-safety.md says is not detected, and what is: nothing on disk tells such a journal from the
    /// dossier's own (it continues the same snapshot with the same numbers); only a store that read the journal before sees it.
    @Test("the journal of a copy that did not merge since it split, put in place of the original's, is read as its own by a new store; an open one refuses its next change")
    func divergedUnmergedCopy() throws {
        var (original, mine, _, _, copy) = try splitCopy()
        try directory.write("dossier.json.journal", try copy.read("dossier.json.journal"))
        let fresh = try DossierStore(path: path).load()
        #expect(followUps(in: fresh).contains("kopie") && !followUps(in: fresh).contains("origineel"), "read as the dossier's own")
        #expect(throws: StoreError.self, "the store that read the original's journal refuses") {
            try original.commit(followUp("erna"), to: &mine, context: context)
        }
    }

    @Test("a file that cannot be looked at is said in Dutch ('kan … niet bekijken'), not with the system call's name")
    func dutchOperation() {
        #expect(throws: FileSystemError(operation: "bekijken", path: "x", code: SystemErrorCode.badDescriptor)) {
            try PosixFileSystem().status(of: -1, path: "x")
        }
    }

    @Test("a journal older than its snapshot, or with a gap, is refused")
    func staleJournal() throws {
        var (store, dossier) = try writer(path, journalLimit: 3)
        try store.compact(dossier, at: Fixtures.now)
        try store.commit(followUp("een"), to: &dossier, context: context)
        let old = try directory.read("dossier.json.journal")
        try store.commit(followUp("twee"), to: &dossier, context: context)
        try store.commit(followUp("drie"), to: &dossier, context: context)  // compacts: the snapshot holds 1 to 3
        try store.commit(followUp("vier"), to: &dossier, context: context)
        let current = try directory.read("dossier.json.journal")
        try directory.write("dossier.json.journal", old)
        try expectRefusedJournal("ouder dan het dossier")
        // Entry 4 gone, entry 5 written by hand after it: a gap.
        try directory.write("dossier.json.journal", current)
        var (again, reloaded) = try writer(path)
        try again.commit(followUp("vijf"), to: &reloaded, context: context)
        let lines = try directory.read("dossier.json.journal").split(separator: UInt8(ascii: "\n"))
        try directory.write("dossier.json.journal", Array(lines[1]) + [UInt8(ascii: "\n")])
        try expectRefusedJournal("ontbreken")
    }

    // MARK: Restore

    @Test("restoring the oldest kept backup does not prune it on the way, and loads after")
    func restoreOldest() throws {
        var (store, dossier) = try writer(path, journalLimit: 1, backups: 2)
        for text in ["een", "twee", "drie"] {
            try store.commit(followUp(text), to: &dossier, context: context)
        }
        let oldest = try #require(try store.backups().last)
        let expected = try DossierFile.decode(try PosixFileSystem().readFile(oldest.path), file: oldest.path)
        let later = ChangeContext(actor: "tester", timestamp: Timestamp(secondsSinceEpoch: Fixtures.now.secondsSinceEpoch + 60), today: context.today)
        dossier = try store.restore(backup: oldest.name, current: dossier, context: later)
        #expect(dossier == expected)
        #expect(try DossierStore(path: path).load() == expected)
        #expect(try store.history().last?.summary == "Teruggezet uit back-up \(oldest.name)")
    }

    @Test("a dossier that does not load is restored without losing its files: the snapshot and the journal are set aside, and neither is offered as a backup")
    func restoreUnloadable() throws {
        var (store, dossier) = try writer(path, journalLimit: 1)
        try store.commit(followUp("een"), to: &dossier, context: context)
        try store.commit(followUp("twee"), to: &dossier, context: context)
        let backup = try #require(try store.backups().first)
        let other = try otherDossier(changes: ["vreemd"])
        try directory.write("dossier.json.journal", try other.read("dossier.json.journal"))
        let damaged = try directory.read("dossier.json")
        let (restorer, _) = try { () throws -> (DossierStore, Void) in
            let store = DossierStore(path: path)
            try store.openForWriting(actor: "tester")
            return (store, ())
        }()
        #expect(throws: StoreError.self) { try restorer.load() }
        let restored = try restorer.restore(backup: backup.name, current: nil, context: context)
        #expect(try DossierStore(path: path).load() == restored)
        let history = try PosixFileSystem().contentsOfDirectory(path + ".history")
        #expect(history.contains { $0.hasPrefix("set-aside-journal-") }, "\(history)")
        let kept = try restorer.backups().map { try PosixFileSystem().readFile($0.path) }
        #expect(!kept.contains(damaged), "the snapshot that did not load with its journal is no state to go back to")
        #expect(try restorer.backups().first?.name == backup.name, "the newest backup is still the one restored")
        let setAside = restorer.files.setAsideFiles(fileSystem: PosixFileSystem())
        #expect(setAside.count == 2 && setAside.contains { $0.hasSuffix("-onleesbaar.json") }, "\(setAside)")
        #expect(try setAside.filter { $0.hasSuffix(".json") }.map { try PosixFileSystem().readFile($0) } == [damaged], "kept whole")
        let numbers = try restorer.history().map(\.sequence)
        #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count, "no number of the log is used twice: \(numbers)")
    }

    // MARK: Readers and compaction

    @Test("a reader never reports damage for a healthy dossier that another program compacts meanwhile")
    func readerRacingCompaction() throws {
        let path = self.path
        let context = self.context
        let rounds = 150
        let confirmed = Counter()
        let finished = Counter()
        let writerFailure = Failure()
        // A thread of its own, not a task: the test pool may have fewer threads than tests that block.
        let writer = Thread {
            defer { finished.set(1) }
            do {
                var configuration = StoreConfiguration()
                configuration.journalEntryLimit = 2
                configuration.backupsToKeep = 2
                let store = DossierStore(path: path, configuration: configuration)
                try store.openForWriting(actor: "schrijver")
                var dossier = try store.load()
                for round in 0..<rounds {
                    try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "r\(round)")), to: &dossier, context: context)
                    confirmed.set(round + 1)
                }
            } catch {
                writerFailure.record("\(error)")
            }
        }
        writer.start()
        var loads = 0
        var failures: [String] = []
        while confirmed.value < rounds && finished.value == 0 {
            let before = confirmed.value
            do {
                let dossier = try DossierStore(path: path).load()
                let count = dossier.activity("missie-lyon")?.followUps.count ?? -1
                if count < before { failures.append("a load missed confirmed changes: \(count) < \(before)") }
            } catch {
                failures.append("\(error)")
            }
            loads += 1
        }
        while finished.value == 0 { usleep(1_000) }
        #expect(writerFailure.message == nil, "the writer failed: \(writerFailure.message ?? "")")
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(loads > 20, "the reader read while the writer compacted (\(loads) loads)")
    }

    // MARK: Modes

    @Test("a snapshot readable by others is no longer after a compaction; its group keeps its bits")
    func modes() throws {
        chmod(path, 0o664)
        var (store, dossier) = try writer(path, journalLimit: 1)
        try store.commit(followUp("een"), to: &dossier, context: context)
        #expect(try PosixFileSystem().status(path)?.mode == 0o660)
        #expect(try PosixFileSystem().status(path + ".lock")?.mode == 0o660)
        #expect(try PosixFileSystem().status(path + ".backups")?.mode == 0o770)
        chmod(path, 0o644)
        try store.commit(followUp("twee"), to: &dossier, context: context)
        #expect(try PosixFileSystem().status(path)?.mode == 0o640)
    }

    @Test("the backup of a snapshot others could read is not readable by them; one kept from before loses their bits at the next compaction")
    func backupModes() throws {
        chmod(path, 0o644)
        let before = try PosixFileSystem().readFile(path)
        var (store, dossier) = try writer(path, journalLimit: 1)
        try PosixFileSystem().createDirectory(path + ".backups", mode: 0o700)
        let older = path + ".backups/dossier-20260101T090000Z-000000000.json"
        try directory.write("dossier.json.backups/dossier-20260101T090000Z-000000000.json", before)
        chmod(older, 0o644)
        try store.commit(followUp("een"), to: &dossier, context: context)
        let backups = try store.backups()
        #expect(backups.count == 2)
        for backup in backups {
            #expect(try PosixFileSystem().status(backup.path)?.mode == 0o640, "\(backup.name)")
        }
        #expect(try PosixFileSystem().readFile(try #require(backups.first).path) == before, "the backup is the snapshot as it was")
    }

    @Test("where the snapshot's bits cannot be changed, its backup is a copy for its owner only")
    func backupCopyWhenBitsStay() throws {
        chmod(path, 0o644)
        let before = try PosixFileSystem().readFile(path)
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = 1
        configuration.lockWait = 0
        // FaultyFileSystem leaves modes as they are, as the system does for a file of someone else's.
        let store = DossierStore(path: path, fileSystem: FaultyFileSystem(), configuration: configuration)
        try store.openForWriting(actor: "tester")
        var dossier = try store.load()
        try store.commit(followUp("een"), to: &dossier, context: context)
        let backup = try #require(try store.backups().first)
        #expect(try PosixFileSystem().status(backup.path)?.mode == 0o600)
        #expect(try PosixFileSystem().readFile(backup.path) == before)
    }
}

/// The first error of a thread a test started.
private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?

    var message: String? { lock.withLock { first } }

    func record(_ message: String) { lock.withLock { if first == nil { first = message } } }
}

/// A number shared between a test and a thread it started.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var number = 0

    var value: Int { lock.withLock { number } }

    func set(_ value: Int) { lock.withLock { number = value } }
}
