import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The store on disk: snapshot, journal, compaction, history, lock and detection of outside changes.
@Suite("The journaled store")
struct StoreTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }
    let context = Fixtures.context

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        chmod(directory.file("dossier.json"), 0o600)
    }

    func openStore(journalLimit: Int = 100, backups: Int = 10, fileSystem: any FileSystem = PosixFileSystem()) throws -> (DossierStore, Dossier) {
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = journalLimit
        configuration.backupsToKeep = backups
        configuration.lockWait = 0
        let store = DossierStore(path: path, fileSystem: fileSystem, configuration: configuration)
        try store.openForWriting(actor: "tester")
        return (store, try store.load())
    }

    func reload() throws -> Dossier {
        try DossierStore(path: path).load()
    }

    @Test("a backup is found by the name the log gives it, also after a copy named it after another file, its second rounded")
    func backupByItsOldName() throws {
        let moment = try #require(Timestamp(iso: "2026-12-06T11:13:44Z"))
        let named = { (stem: String, seconds: Int64, sequence: Int) in
            Backup(name: Backup.name(snapshotName: stem + ".json", at: Timestamp(secondsSinceEpoch: moment.secondsSinceEpoch + seconds), sequence: sequence),
                   path: "/b", timestamp: Timestamp(secondsSinceEpoch: moment.secondsSinceEpoch + seconds), sequence: sequence, size: 0)
        }
        let copied = [named("y", 1, 2), named("y", 0, 3), named("y", 600, 2), named("y", 7_200, 3), named("y", 3_600, 5)]
        let logged = Backup.name(snapshotName: "dossier.json", at: moment, sequence: 2)
        #expect(Backup.named(logged, among: copied) == copied[0], "the same number of changes, the nearest moment")
        #expect(Backup.named(copied[2].name, among: copied) == copied[2], "its own name first")
        #expect(Backup.named(Backup.name(snapshotName: "gemeente-oss.json", at: moment, sequence: 4), among: copied) == nil)
        #expect(Backup.named(Backup.name(snapshotName: "dossier.json", at: Timestamp(secondsSinceEpoch: moment.secondsSinceEpoch - 3_600), sequence: 3),
                             among: copied) == nil, "of two with that number, neither near that moment: none")
        #expect(Backup.named(Backup.name(snapshotName: "dossier.json", at: moment, sequence: 5), among: copied) == copied[4],
                "the only one with that number, though stamped by another clock")
        #expect(Backup.named("geen-back-up.json", among: copied) == nil)
    }

    @Test("the last change with what undoes it: from the journal, and once merged, rebuilt from the backup and the archived changes")
    func lastChangeWithUndo() throws {
        var (store, dossier) = try openStore()
        #expect(try store.lastChangeWithUndo() == nil, "no change yet")
        let before = try #require(dossier.activity("missie-lyon"))
        try store.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &dossier, context: context)
        try store.commit(.deleteActivity("missie-lyon"), to: &dossier, context: context)
        for merged in [false, true] {
            if merged { try store.compact(dossier, at: Fixtures.now) }
            let reader = DossierStore(path: path)
            reader.keepsUndoOfLastChange = !merged
            var current = try reader.load()
            let (entry, undo) = try #require(try reader.lastChangeWithUndo(), "merged: \(merged)")
            #expect(entry.sequence == 2 && entry.summary == "Activiteit verwijderd: Handelsmissie Lyon")
            try current.apply(.restore(try #require(undo)), context: context)
            #expect(current.activity("missie-lyon") == before && current.relation("bom")?.status == .focus, "only the last change taken back")
        }
        // A backup that does not read (kept because it was damaged) is passed over; without another, there is no undo.
        for backup in try store.backups() { try Data("{ kapot".utf8).write(to: URL(fileURLWithPath: backup.path)) }
        let reader = DossierStore(path: path)
        _ = try reader.load()
        #expect(try reader.lastChangeWithUndo() == nil)
    }

    @Test("files beside a shared snapshot keep its group bits but are never readable by others")
    func companionModes() throws {
        chmod(path, 0o664)
        var (store, dossier) = try openStore(journalLimit: 1)
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        try store.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &dossier, context: context)
        #expect(try PosixFileSystem().status(path)?.mode == 0o660, "the snapshot keeps its group's bits, never others'")
        let history = try PosixFileSystem().contentsOfDirectory(path + ".history")
        #expect(try PosixFileSystem().status(path + ".history/" + history[0])?.mode == 0o660)
    }

    /// Two groups this process may give files: any, for root (as in CI); else two of its own groups.
    static let twoGroups: (team: gid_t, other: gid_t)? = {
        if geteuid() == 0 { return (4242, 4343) }
        var groups = [gid_t](repeating: 0, count: 64)
        let count = Int(getgroups(Int32(groups.count), &groups))
        let own = Array(Set(groups.prefix(max(0, count))))
        return own.count >= 2 ? (own[0], own[1]) : nil
    }()

    /// A team that shares the dossier through its group, in a folder of another group without the setgid bit: before,
    /// every file a writer made (the journal, the lock, a merged snapshot) got the writer's own group, and a colleague
    /// could no longer write the journal or read the dossier. Not the folder's group either: that may be a broad one.
    @Test("files made beside a dossier shared with its group get the dossier's group, not the maker's or the folder's",
          .enabled(if: StoreTests.twoGroups != nil, "needs root (as in CI) or two groups"))
    func companionGroups() throws {
        let (team, folderGroup) = try #require(Self.twoGroups)
        #expect(chown(directory.path, uid_t.max, folderGroup) == 0)
        chmod(directory.path, 0o770)
        #expect(chown(path, uid_t.max, team) == 0)
        chmod(path, 0o660)
        var (store, dossier) = try openStore(journalLimit: 2)
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        var info = stat()
        for file in [path + ".journal", path + ".lock"] {
            #expect(stat(file, &info) == 0 && info.st_gid == team, "\(file): group \(info.st_gid)")
        }
        try store.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &dossier, context: context)
        // Merged: a new snapshot, the backups and the history folder.
        #expect(try store.backups().isEmpty == false)
        for file in [path, path + ".backups", path + ".history", path + ".index", path + ".activities"] {
            #expect(stat(file, &info) == 0 && info.st_gid == team, "\(file): group \(info.st_gid)")
        }
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o660)
    }

    /// The README's recipe as it was, on a dossier in use: chgrp and chmod on the dossier and its folder only. The
    /// journal, lock, indexes, backups and history stayed owner-only in the maker's group, and a colleague was out for
    /// good; their owner gives them the dossier's group and group bits at the first change, the backups and archived
    /// journals with their folders. A file of another user is left (only its owner may change it).
    @Test("files a writer owns beside a dossier shared after they were made get the dossier's group and group bits at its first change",
          .enabled(if: StoreTests.twoGroups != nil, "needs root (as in CI) or two groups"))
    func sharedAfterwards() throws {
        let (team, _) = try #require(Self.twoGroups)
        var (store, dossier) = try openStore(journalLimit: 1)
        for status in [RelationStatus.verkennen, .focus] {
            try store.commit(.setRelationStatus("bom", status: status, reason: "r", reviewDate: nil), to: &dossier, context: context)
        }
        var (later, current) = try openStore()
        try later.commit(.setRelationStatus("bom", status: .actief, reason: "r", reviewDate: nil), to: &current, context: context)
        let files = [".journal", ".lock", ".compact.lock", ".index", ".activities", ".backups", ".history"].map { path + $0 }
        let inFolders = try [".backups", ".history"].flatMap { folder in
            try PosixFileSystem().contentsOfDirectory(path + folder).map { path + folder + "/" + $0 }
        }
        #expect(inFolders.count >= 4)
        var info = stat()
        for file in files + inFolders {
            #expect(stat(file, &info) == 0 && info.st_gid != team && info.st_mode & 0o070 == 0, "\(file): made owner-only")
        }
        let others = path + ".compact.lock"
        #expect(chown(others, 65_534, uid_t.max) == 0)

        #expect(chown(path, uid_t.max, team) == 0)
        chmod(path, 0o660)
        var (sharing, shared) = try openStore()
        try sharing.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &shared, context: context)
        for file in files + inFolders where file != others {
            let wanted: mode_t = (try PosixFileSystem().status(file))?.isDirectory == true ? 0o070 : 0o060
            #expect(stat(file, &info) == 0 && info.st_gid == team && info.st_mode & 0o070 == wanted,
                    "\(file): group \(info.st_gid), mode \(String(info.st_mode & 0o777, radix: 8))")
        }
        #expect(stat(others, &info) == 0 && info.st_gid != team && info.st_mode & 0o070 == 0, "another's file is left as it is")
    }

    @Test("files beside a dossier not shared with its group keep their maker's group",
          .enabled(if: StoreTests.twoGroups != nil, "needs root (as in CI) or two groups"))
    func privateGroups() throws {
        let (_, folderGroup) = try #require(Self.twoGroups)
        #expect(chown(directory.path, uid_t.max, folderGroup) == 0)
        chmod(path, 0o600)
        var (store, dossier) = try openStore(journalLimit: 1)
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        var info = stat()
        for file in [path, path + ".backups", path + ".history", path + ".lock"] {
            #expect(stat(file, &info) == 0 && info.st_gid == getegid(), "\(file): group \(info.st_gid)")
        }
    }

    @Test("a change goes to the journal, flushed, owner-only; the snapshot is not rewritten; loading replays it")
    func journaling() throws {
        let snapshot = try directory.read("dossier.json")
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        #expect(try directory.read("dossier.json") == snapshot)
        let journal = String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self)
        #expect(journal.hasSuffix("\n"))
        #expect(journal.split(separator: "\n").count == 1)
        #expect(journal.contains("\"summary\":\"Status van BOM: Actief → Verkennen\""))
        #expect(try PosixFileSystem().status(path + ".journal")?.mode == 0o600)
        #expect(try reload() == dossier)
        #expect(store.sequence == 1)
    }

    @Test("past the threshold the store compacts: backup kept, snapshot rewritten, journal archived; history spans compactions")
    func compaction() throws {
        var (store, dossier) = try openStore(journalLimit: 3)
        let original = try directory.read("dossier.json")
        for index in 0..<7 {
            try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "stap \(index)")), to: &dossier, context: context)
        }
        // Compactions after entries 3 and 6; the journal now holds entry 7.
        let snapshot = try Dossier(decoding: try directory.read("dossier.json"))
        #expect(snapshot.journalSequence == 6)
        #expect(snapshot.activity("missie-lyon")?.followUps.count == 6)
        #expect(try reload() == dossier)
        let segments = try PosixFileSystem().contentsOfDirectory(path + ".history")
        #expect(segments == ["journal-000000001-000000003.jsonl", "journal-000000004-000000006.jsonl"])
        let backups = try store.backups()
        #expect(backups.map(\.sequence) == [3, 0], "each backup is the snapshot a compaction replaced")
        #expect(try directory.read("dossier.json.backups/\(backups.last!.name)") == original)
        let history = try store.history()
        #expect(history.map(\.sequence) == Array(1...7))
        #expect(history.first?.summary == "Vervolgactie bij Handelsmissie Lyon: stap 0")
        try store.close(dossier, at: Fixtures.now)
        #expect(try PosixFileSystem().status(path + ".journal") == nil, "closing compacts the rest")
        #expect(try Dossier(decoding: try directory.read("dossier.json")).journalSequence == 7)
    }

    @Test("compaction in two halves: the snapshot written elsewhere is put in place only if nothing was committed meanwhile")
    func compactionInHalves() throws {
        var (store, dossier) = try openStore(journalLimit: 2)
        store.compactsAfterCommit = false
        for index in 0..<3 {
            try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "stap \(index)")), to: &dossier, context: context)
        }
        #expect(store.needsCompaction)
        #expect(try Dossier(decoding: try directory.read("dossier.json")).journalSequence == 0, "commit did not compact")

        // A change committed while the snapshot was being written: the written file is dropped, nothing is lost.
        let early = try #require(store.snapshotWrite(of: dossier)).run()
        try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "tussendoor")), to: &dossier, context: context)
        #expect(try store.finishCompaction(early, at: Fixtures.now) == false)
        #expect(try Dossier(decoding: try directory.read("dossier.json")).journalSequence == 0)
        #expect(try PosixFileSystem().contentsOfDirectory(directory.path).filter { $0.contains(".tmp-") }.isEmpty, "temporary file removed")
        #expect(try reload() == dossier)

        // Nothing in between: the snapshot is replaced, the old one kept as a backup, the journal archived.
        let written = try #require(store.snapshotWrite(of: dossier)).run()
        #expect(try Dossier(decoding: try directory.read("dossier.json")).journalSequence == 0, "not in place before finishing")
        #expect(try store.finishCompaction(written, at: Fixtures.now))
        #expect(try Dossier(decoding: try directory.read("dossier.json")).journalSequence == 4)
        #expect(try PosixFileSystem().status(path + ".journal") == nil)
        #expect(try store.backups().map(\.sequence) == [0])
        #expect(!store.needsCompaction)
        #expect(try reload() == dossier)
        #expect(try store.history().map(\.sequence) == Array(1...4))

        // A written snapshot that is not wanted any more leaves no file behind.
        try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "laatste")), to: &dossier, context: context)
        store.discard(try #require(store.snapshotWrite(of: dossier)).run())
        #expect(try PosixFileSystem().contentsOfDirectory(directory.path).filter { $0.contains(".tmp-") }.isEmpty)
        #expect(try reload() == dossier)
    }

    @Test("a read-only store offers no snapshot to write")
    func readOnlyHasNoSnapshotWrite() throws {
        let store = DossierStore(path: path)
        let dossier = try store.load()
        #expect(store.snapshotWrite(of: dossier) == nil)
    }

    /// These tests play a format one version older than the current in which names were "naam", converted
    /// by a step of their own, so that they test the store's conversion and not the real step.
    static let previous = Dossier.currentSchemaVersion - 1
    static let fromPreviousVersion = SchemaMigration(version: previous, summary: "naam heet name") { bytes in
        Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"naam\":", with: "\"name\":")
            .replacingOccurrences(of: "\"schemaVersion\": \(previous)", with: "\"schemaVersion\": \(previous + 1)").utf8)
    }

    func writeOlderVersion(_ version: Int = previous) throws -> [UInt8] {
        let old = Array(String(decoding: Fixtures.smallDossier().encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\"name\":", with: "\"naam\":")
            .replacingOccurrences(of: "\"schemaVersion\": \(Dossier.currentSchemaVersion)", with: "\"schemaVersion\": \(version)").utf8)
        try directory.write("dossier.json", old)
        return old
    }

    @Test("a file of the previous schemaVersion is converted on load, after the old file is kept as a backup")
    func migration() throws {
        let old = try writeOlderVersion()
        var configuration = StoreConfiguration()
        configuration.lockWait = 0
        let store = DossierStore(path: path, configuration: configuration)
        store.migrations = [StoreTests.fromPreviousVersion]
        try store.openForWriting(actor: "tester")
        let dossier = try store.load()
        #expect(dossier == Fixtures.smallDossier())
        #expect(store.notices.contains { $0.contains("omgezet van schemaVersion \(StoreTests.previous) naar \(Dossier.currentSchemaVersion)") })
        let backups = try store.backups()
        #expect(backups.count == 1)
        #expect(try directory.read("dossier.json.backups/\(backups[0].name)") == old, "the old file is kept as it was")
        #expect(try reload() == dossier, "the converted file loads without any conversion")
        #expect(String(decoding: try directory.read("dossier.json"), as: UTF8.self).contains("\"schemaVersion\": \(Dossier.currentSchemaVersion)"))
    }

    @Test("read-only, an older file is converted in memory only; without a step it is refused with the reason")
    func migrationReadOnlyAndMissingStep() throws {
        let old = try writeOlderVersion()
        let reader = DossierStore(path: path)
        reader.migrations = [StoreTests.fromPreviousVersion]
        #expect(try reader.load() == Fixtures.smallDossier())
        #expect(reader.notices.contains { $0.contains("zodra het met schrijfrechten geopend wordt") })
        #expect(try directory.read("dossier.json") == old)
        let older = try writeOlderVersion(0)
        do {
            _ = try DossierStore(path: path).load()
            Issue.record("a version without a conversion step was loaded")
        } catch {
            #expect(error.description.contains("kan schemaVersion 0 niet omzetten"), "\(error.description)")
        }
        #expect(try directory.read("dossier.json") == older)
    }

    @Test("the last N backups are kept, and of the past week up to 10 whatever N one person set; two with one number are both kept")
    func pruning() throws {
        var (store, dossier) = try openStore(journalLimit: 1, backups: 2)
        let day: Int64 = 86_400
        for index in 0..<5 {
            try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "stap \(index)")), to: &dossier,
                             context: ChangeContext(actor: "t", timestamp: Timestamp(secondsSinceEpoch: 1_800_000_000 + Int64(index) * 8 * day),
                                                    today: context.today))
        }
        #expect(try store.backups().map(\.sequence) == [4, 3], "five compactions a week or more apart, the two newest backups kept")
        // Within a week a colleague's setting of 1 leaves the others' recent backups (up to 10) in place.
        var (colleague, view) = try openStore(journalLimit: 1, backups: 1)
        let later = 1_800_000_000 + 40 * day
        for index in 0..<3 {
            try colleague.commit(.addFollowUp("missie-lyon", FollowUp(text: "later \(index)")), to: &view,
                                 context: ChangeContext(actor: "t", timestamp: Timestamp(secondsSinceEpoch: later + Int64(index) * 60), today: context.today))
        }
        #expect(try colleague.backups().map(\.sequence) == [7, 6, 5], "the past week's; the ones older than a week beyond 1 went")
        // Two backups with one change number are kept both: they need not hold the same state (a dossier set aside as
        // unloadable is numbered 0, as the first state is).
        let newest = try #require(try colleague.backups().first)
        let other = Backup.name(snapshotName: "dossier.json", at: Timestamp(secondsSinceEpoch: later - 30), sequence: newest.sequence)
        try directory.write("dossier.json.backups/" + other, "{ een ander dossier met hetzelfde nummer")
        try colleague.commit(.addFollowUp("missie-lyon", FollowUp(text: "nog een")), to: &view,
                             context: ChangeContext(actor: "t", timestamp: Timestamp(secondsSinceEpoch: later + 600), today: context.today))
        #expect(try colleague.backups().map(\.sequence).sorted(by: >) == [8, 7, 7, 6, 5])
    }

    @Test("a torn last line (crash mid-append) is ignored with a notice, and cut off before the next append")
    func tornTail() throws {
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        let expected = dossier
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + ".journal"))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"crc":"00000000","entry":{"seq":2,"at":"2026-11"#.utf8))
        try handle.close()
        var (second, loaded) = try openStore()
        #expect(loaded == expected)
        #expect(second.notices.first?.contains("half geschreven regel") == true)
        try second.commit(.setRelationStatus("bom", status: .focus, reason: "r2", reviewDate: nil), to: &loaded, context: context)
        let lines = String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(try reload() == loaded)
    }

    @Test("a whole last entry that lacks only its line break (an editor dropped it) is left out with a notice, and kept by the next writer, not cut off")
    func lastLineBreakMissing() throws {
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        try store.commit(.setRelationStatus("bom", status: .focus, reason: "r2", reviewDate: nil), to: &dossier, context: context)
        let journal = try directory.read("dossier.json.journal")
        #expect(journal.last == UInt8(ascii: "\n"))
        try directory.write("dossier.json.journal", String(decoding: journal.dropLast(), as: UTF8.self))
        // A reader leaves it out (an append may be under way), and says why.
        var (second, loaded) = try openStore()
        #expect(loaded.relation("bom")?.status == .verkennen)
        #expect(second.notices.contains { $0.contains("mist haar regeleinde") })
        // A merge now would leave it out of the snapshot and archive it as a torn line: it waits.
        let unended = try directory.read("dossier.json.journal")
        try second.compact(loaded, at: context.timestamp)
        #expect(try directory.read("dossier.json.journal") == unended)
        // A writer holds the lock: the entry is whole, the line is ended, and the change comes after it.
        try second.commit(.setRelationStatus("bom", status: .actief, reason: "r3", reviewDate: nil), to: &loaded, context: context)
        let lines = String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last == "", "three lines, each ended")
        let reloaded = try reload()
        #expect(reloaded == loaded)
        #expect(reloaded.relation("bom")?.statusHistory.map(\.reason).suffix(3) == ["r", "r2", "r3"])
    }

    @Test("a last line without its line break is ended only by a writer, and only when it continues what that writer holds; else it is cut off")
    func lastLineBreakOnlyWhenItContinues() throws {
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        try store.commit(.setRelationStatus("bom", status: .focus, reason: "r2", reviewDate: nil), to: &dossier, context: context)
        let journal = try directory.read("dossier.json.journal")
        let lastLine = journal.dropLast().split(separator: UInt8(ascii: "\n")).last ?? []
        // The last line again, without its line break: whole, but not continuing what the journal holds.
        try directory.write("dossier.json.journal", String(decoding: journal + lastLine, as: UTF8.self))
        var (second, loaded) = try openStore()
        try second.commit(.setRelationStatus("bom", status: .actief, reason: "r3", reviewDate: nil), to: &loaded, context: context)
        #expect(try JournalFile.parse(try directory.read("dossier.json.journal")).entries.map(\.sequence) == [1, 2, 3])
        #expect(try reload() == loaded)
        // A reader (a screen opened read-only, a refresh under the shared lock) never writes the line break.
        let ended = try directory.read("dossier.json.journal")
        try directory.write("dossier.json.journal", String(decoding: ended.dropLast(), as: UTF8.self))
        let reader = DossierStore(path: path)
        var seen = try reader.load()
        _ = try reader.refresh(&seen)
        #expect(try directory.read("dossier.json.journal") == Array(ended.dropLast()))
        // Nor does a merge start meanwhile: it would leave the entry out. With the line ended, it does.
        let other = DossierStore(path: path)
        try other.openForWriting(actor: "collega")
        #expect(other.snapshotWrite(of: try other.load()) == nil)
        try directory.write("dossier.json.journal", String(decoding: ended, as: UTF8.self))
        let third = DossierStore(path: path)
        try third.openForWriting(actor: "collega")
        #expect(third.snapshotWrite(of: try third.load()) != nil)
    }

    @Test("a last line without its line break that does not continue the dossier (an old change, after a merge) is said as torn, and cut off by a change, holding up no merge")
    func cutLineHoldsUpNoMerge() throws {
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        let journal = try directory.read("dossier.json.journal")
        try store.compact(dossier, at: context.timestamp)
        try directory.write("dossier.json.journal", String(decoding: journal.dropLast(), as: UTF8.self))
        var (second, loaded) = try openStore()
        #expect(second.notices.contains { $0.contains("half geschreven regel") }, "not promised to count: \(second.notices)")
        try second.commit(.setRelationStatus("bom", status: .actief, reason: "r2", reviewDate: nil), to: &loaded, context: context)
        try second.compact(loaded, at: context.timestamp)
        #expect(!FileManager.default.fileExists(atPath: path + ".journal"), "merged")
        #expect(try reload() == loaded)
    }

    @Test("this store's own append that failed just before its line break, and could not be cut off, is cut off by its next change, not kept")
    func abandonedAppendIsCut() throws {
        let faulty = FaultyFileSystem()
        var (store, dossier) = try openStore(fileSystem: faulty)
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        faulty.inject(.init(.write, code: 28, pathContains: ".journal", bytesWithheld: 1))
        faulty.inject(.init(.truncate, code: 5, pathContains: ".journal"))
        #expect(throws: StoreError.self) {
            try store.commit(.setRelationStatus("bom", status: .focus, reason: "niet bewaard", reviewDate: nil), to: &dossier, context: context)
        }
        faulty.clearFaults()
        try store.commit(.setRelationStatus("bom", status: .actief, reason: "r3", reviewDate: nil), to: &dossier, context: context)
        let reloaded = try reload()
        #expect(reloaded == dossier)
        #expect(!(reloaded.relation("bom")?.statusHistory.map(\.reason).contains("niet bewaard") ?? true), "told it was not saved, and it is not")
    }

    @Test("a line whose checksum does not match is damage, also the last: only a last line without its line break is a torn append",
          arguments: [true, false])
    func checksums(isLast: Bool) throws {
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        try store.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &dossier, context: context)
        var lines = String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self).split(separator: "\n").map(String.init)
        let target = isLast ? 1 : 0
        lines[target] = lines[target].replacingOccurrences(of: "\"reason\":\"r\"", with: "\"reason\":\"x\"")
        try directory.write("dossier.json.journal", lines.joined(separator: "\n") + "\n")
        let before = try directory.read("dossier.json.journal")
        // A complete line (its line break written last, in the same write) that was changed afterwards is not a crash
        // mid-append: cutting it off as one would lose a confirmed change without a word.
        do {
            _ = try reload()
            Issue.record("a damaged line \(isLast ? "at the end" : "in the middle") was accepted")
        } catch {
            #expect("\(error)".contains("regel \(target + 1)"))
            #expect("\(error)".contains("controlegetal"))
        }
        #expect(throws: StoreError.self) { _ = try openStore() }
        #expect(try directory.read("dossier.json.journal") == before, "kept as it is, for mending")
        guard isLast else { return }
        // Without its line break the last line is an append cut short: ignored.
        try directory.write("dossier.json.journal", Array(before.dropLast()))
        #expect(try reload().relation("bom")?.status == .verkennen)
    }

    @Test("a dossier on a volume mounted read-only is refused for writing with that reason, not as a matter of permissions")
    func readOnlyVolume() throws {
        let fileSystem = FaultyFileSystem()
        fileSystem.readOnlyVolume = directory.path
        do {
            _ = try openStore(fileSystem: fileSystem)
            Issue.record("opened for writing on a read-only volume")
        } catch {
            #expect("\(error)".contains("alleen gelezen kan worden") && !"\(error)".contains("schrijfrechten"), "\(error)")
        }
        fileSystem.readOnlyVolume = nil
        #expect(throws: Never.self) { _ = try openStore(fileSystem: fileSystem) }
    }

    @Test("a journal saved by an editor with a byte-order mark, Windows line ends and empty lines reads as it was; the next change is appended after it")
    func editorLineEnds() throws {
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        try store.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &dossier, context: context)
        let expected = dossier
        let lines = String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self).split(separator: "\n").map(String.init)
        try directory.write("dossier.json.journal", "\u{FEFF}" + lines[0] + "\r\n\r\n" + lines[1] + "\r\n\n")
        var (second, loaded) = try openStore()
        #expect(loaded == expected)
        try second.commit(.setRelationStatus("bom", status: .actief, reason: "r3", reviewDate: nil), to: &loaded, context: context)
        #expect(try reload() == loaded && loaded.relation("bom")?.status == .actief)
        #expect(try JournalFile.parse(try directory.read("dossier.json.journal")).entries.map(\.sequence) == [1, 2, 3])
        // A copy takes every change with it, each with its own line.
        let copy = DossierStore(path: directory.file("kopie.json"))
        try copy.importArchive(try second.exportArchive(), replacing: false)
        #expect(try copy.history().map(\.sequence) == [1, 2, 3])
        #expect(try copy.load() == loaded)
    }

    @Test("a journal of one line saved with a byte-order mark reads as it was, and the next change is written after it (not refused as changed outside)")
    func byteOrderMarkBeforeTheOnlyLine() throws {
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        try directory.write("dossier.json.journal", [0xEF, 0xBB, 0xBF] + (try directory.read("dossier.json.journal")))
        var (second, loaded) = try openStore()
        #expect(loaded == dossier)
        try second.commit(.setRelationStatus("bom", status: .focus, reason: "r2", reviewDate: nil), to: &loaded, context: context)
        #expect(try reload() == loaded && loaded.relation("bom")?.status == .focus)
    }

    @Test("a copy that fails halfway (the disk full at a backup) leaves nothing behind: the place is empty, and a second try copies it whole")
    func failedCopyLeavesNothing() throws {
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        try store.compact(dossier, at: context.timestamp)
        try store.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &dossier, context: context)
        let archive = try store.exportArchive()
        #expect(!archive.backups.isEmpty && !archive.lines.isEmpty)
        let faulty = FaultyFileSystem()
        faulty.inject(.init(.write, code: 28, pathContains: "kopie.json.backups/", bytesWritten: 100))
        let copy = DossierStore(path: directory.file("kopie.json"), fileSystem: faulty)
        #expect(throws: StoreError.self) { try copy.importArchive(archive, replacing: false) }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        #expect(try copy.holdsNothing(), "no history or backups folder left: \(left)")
        faulty.clearFaults()
        try copy.importArchive(archive, replacing: false)
        #expect(try DossierStore(path: directory.file("kopie.json")).load() == dossier)
    }

    @Test("a copy into a file keeps the roles a database recorded beside the journal lines, each only for its own line, and gives them to the next copy")
    func copyKeepsRecordedRoles() throws {
        var (store, dossier) = try openStore()
        for status in [RelationStatus.verkennen, .focus, .actief] {
            try store.commit(.setRelationStatus("bom", status: status, reason: "r", reviewDate: nil), to: &dossier, context: context)
        }
        var archive = try store.exportArchive()
        #expect(archive.roles.isEmpty, "a file records no role of its own")
        archive.roles = [1: RecordedRole(role: "kees"), 2: RecordedRole(copiedBy: "beheer")]
        let copy = DossierStore(path: directory.file("kopie.json"))
        try copy.importArchive(archive, replacing: false)
        let history = try copy.history()
        #expect(history.map(\.who) == ["tester (rol kees)", "tester (gekopieerd door rol beheer)", "tester"])
        #expect(history.map { $0.line() } == (try store.history()).map { $0.line() }, "the lines byte for byte")
        let rolesFile = "kopie.json.history/roles-000000001-000000003.jsonl"
        #expect(String(decoding: try directory.read(rolesFile), as: UTF8.self).hasPrefix(#"{"seq":1,"crc":""#))
        #expect(StoreFiles.lastSequence(ofSegment: "roles-000000001-000000003.jsonl") == nil, "not a segment")
        let checked = try ExternalChecker.python([Repository.path("scripts/check-schema.py"), "--roles", Repository.path("docs/dossier.schema.json"),
                                                  directory.file(rolesFile)])
        #expect(checked.status == 0, "install python3 with jsonschema: \(checked.standardOutput)\(checked.standardError)")
        #expect(try copy.exportArchive().roles == archive.roles)
        // After more changes and a merge, the copied changes keep theirs; the file's own change has none.
        var copied = try copy.load()
        try copy.openForWriting(actor: "tester")
        try copy.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &copied, context: context)
        try copy.compact(copied, at: Fixtures.now)
        #expect(try copy.history().map(\.who) == ["tester (rol kees)", "tester (gekopieerd door rol beheer)", "tester", "tester"])
        // A role whose line is not there (its checksum another) belongs to no line.
        let marked = String(decoding: try directory.read(rolesFile), as: UTF8.self)
        let checksum = try #require(marked.split(separator: "\"")[5...].first)
        try directory.write(rolesFile, marked.replacingOccurrences(of: String(checksum), with: "00000000"))
        #expect(try copy.history().map(\.who) == ["tester", "tester (gekopieerd door rol beheer)", "tester", "tester"])
    }

    @Test("a damaged line read after empty ones an editor left is named by its own line number, also when it is read as another's change")
    func lineNumbersAfterEmptyLines() throws {
        var (store, dossier) = try openStore()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        let first = String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self)
        try directory.write("dossier.json.journal", first + "\n\n")
        var (second, loaded) = try openStore()
        try directory.write("dossier.json.journal", first + "\n\n" + #"{"crc":"00000000","entry":{}}"# + "\n")
        do {
            try second.commit(.setRelationStatus("bom", status: .focus, reason: "r2", reviewDate: nil), to: &loaded, context: context)
            Issue.record("a damaged line was read")
        } catch {
            #expect("\(error)".contains("regel 4"), "\(error)")
        }
    }

    @Test("a crash between writing the snapshot and archiving the journal loses nothing and repeats nothing")
    func crashDuringCompaction() throws {
        var (store, dossier) = try openStore()
        for index in 0..<3 {
            try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "stap \(index)")), to: &dossier, context: context)
        }
        // As if compaction wrote the snapshot and then the power went before the journal was archived.
        let journal = try directory.read("dossier.json.journal")
        try store.compact(dossier, at: Fixtures.now)
        try directory.write("dossier.json.journal", journal)
        let loaded = try reload()
        #expect(loaded == dossier)
        #expect(loaded.activity("missie-lyon")?.followUps.count == 3)
    }

    @Test("two writers on one file both write, each taking in the other's changes first; a lock held too long names its holder")
    func twoWriters() throws {
        var (first, mine) = try openStore()
        let second = DossierStore(path: path)
        try second.openForWriting(actor: "collega")
        var theirs = try second.load()
        try first.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &mine, context: context)
        try second.commit(.setRelationStatus("rhone-alpes", status: .actief, reason: "r", reviewDate: nil), to: &theirs, context: context)
        #expect(theirs.relation("bom")?.status == .verkennen, "the second took in the first's change before its own")
        #expect(second.takeOthersChanges().map(\.entry.actor) == ["tester"])
        try first.commit(.addFollowUp("missie-lyon", FollowUp(text: "na de collega")), to: &mine, context: context)
        #expect(mine.relation("rhone-alpes")?.status == .actief)
        #expect(try second.refresh(&theirs).map(\.entry.summary) == ["Vervolgactie bij Handelsmissie Lyon: na de collega"])
        #expect(mine == theirs)
        #expect(try reload() == mine)
        #expect(try String(decoding: directory.read("dossier.json.lock"), as: UTF8.self).isEmpty, "no lock is held between changes")

        var configuration = StoreConfiguration()
        configuration.lockWait = 0.2
        let third = DossierStore(path: path, configuration: configuration)
        try third.openForWriting(actor: "derde")
        var thirdDossier = try third.load()
        let held = try FileLock.acquire(path + ".lock", waiting: 0, holder: "Ine (proces 1)")
        do {
            try third.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &thirdDossier, context: context)
            Issue.record("wrote without the lock")
        } catch {
            guard case .busy(_, let holder) = error else { Issue.record("\(error)"); return }
            #expect(holder.contains("Ine"))
            #expect(error.description.contains("in gebruik door Ine"))
        }
        held.release()
        try third.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &thirdDossier, context: context)
    }

    @Test("a file changed on disk by someone else is detected before writing and never overwritten")
    func outsideChange() throws {
        var (store, dossier) = try openStore()
        #expect(try store.refresh(&dossier).isEmpty)
        var edited = Fixtures.smallDossier()
        try edited.apply(.setRelationStatus("taizhou", status: .beeindigd, reason: "handmatig", reviewDate: nil), context: context)
        usleep(10_000)
        try directory.write("dossier.json", edited.encoded())
        #expect(throws: StoreError.self) { try store.refresh(&dossier) }
        let before = try directory.read("dossier.json")
        do {
            try store.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &dossier, context: context)
            Issue.record("overwrote an outside change")
        } catch {
            guard case .changedOnDisk = error else { Issue.record("\(error)"); return }
        }
        #expect(dossier.relation("bom")?.status == .actief, "memory is as it was")
        #expect(try directory.read("dossier.json") == before)
        #expect(try PosixFileSystem().status(path + ".journal") == nil)
        // After reloading, writing works again and keeps the outside change.
        var reloaded = try store.load()
        try store.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &reloaded, context: context)
        #expect(try reload().relation("taizhou")?.status == .beeindigd)
    }

    @Test("restoring a backup is journaled and the state before it becomes a backup itself")
    func restore() throws {
        var (store, dossier) = try openStore(journalLimit: 1)
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        let backup = try #require(try store.backups().first)
        #expect(backup.sequence == 0)
        let later = ChangeContext(actor: "tester", timestamp: Timestamp(secondsSinceEpoch: Fixtures.now.secondsSinceEpoch + 60), today: context.today)
        dossier = try store.restore(backup: backup.name, current: dossier, context: later)
        #expect(dossier == Fixtures.smallDossier())
        #expect(try reload() == Fixtures.smallDossier())
        #expect(try store.history().last?.summary == "Teruggezet uit back-up \(backup.name)")
        let kept = try store.backups().map(\.sequence)
        #expect(kept.contains(1), "the state with BOM on verkennen was kept: \(kept)")
    }

    @Test("the oldest backup, restored when there are as many as are kept, stays: the log names it and undoing the restore reads it")
    func restoredOldestStays() throws {
        var (store, dossier) = try openStore(journalLimit: 1, backups: 1)
        let day = Fixtures.now.secondsSinceEpoch - 30 * 86_400
        for (index, status) in [RelationStatus.verkennen, .focus, .actief].enumerated() {
            let moment = ChangeContext(actor: "tester", timestamp: Timestamp(secondsSinceEpoch: day + Int64(index) * 60), today: context.today)
            try store.commit(.setRelationStatus("bom", status: status, reason: "r", reviewDate: nil), to: &dossier, context: moment)
        }
        let oldest = try #require(try store.backups().last)
        _ = try store.restore(backup: oldest.name, current: dossier, context: context)
        let names = try store.backups().map(\.name)
        #expect(names.contains(oldest.name), "\(names)")
    }

    @Test("a journal that ends in a restore is replayed from the named backup; with the backup gone, the message names its own line")
    func replayRestore() throws {
        var (store, dossier) = try openStore(journalLimit: 1)
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        let backup = try #require(try store.backups().first)
        try store.close(nil, at: Fixtures.now)
        let snapshot = try Dossier(decoding: try directory.read("dossier.json"))
        let entry = JournalEntry(sequence: 2, lineage: snapshot.lineage, previous: snapshot.journalTail, timestamp: Fixtures.now, actor: "tester",
                                 today: context.today, summary: "Teruggezet", subjects: [], event: .restoreBackup(backup.name))
        try directory.write("dossier.json.journal", entry.line())
        #expect(try reload() == Fixtures.smallDossier())
        // With the backup gone, the message names the line an editor shows, empty lines before it counted.
        try directory.write("dossier.json.journal", Array("\n\n".utf8) + entry.line())
        try FileManager.default.removeItem(atPath: backup.path)
        do {
            _ = try reload()
            Issue.record("replayed a restore of a backup that is gone")
        } catch {
            #expect("\(error)".contains("regel 3"), "\(error)")
        }
    }
}
