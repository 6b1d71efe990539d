#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dossier on disk: a snapshot (`NAME`) and the journal of changes made since (`NAME.journal`).
///
/// - Loading reads the snapshot and replays the journal entries after it; a last journal line cut off by a
///   crash is ignored with a notice.
/// - Every change is applied in memory, appended to the journal and flushed to disk (fsync) before it
///   counts as done; if that fails, memory is put back and nothing is half-written.
/// - Past a threshold (and when the TUI ends) the store compacts: the previous snapshot goes to the
///   backups folder, a new snapshot is written durably, and the journal moves to the history folder.
/// - Only a store holding the lock (`lockForWriting`) writes; before every write it checks that nobody
///   changed the files since it read them.
/// - The store is known by its real path: links to it are resolved once, when it is opened, so every name of
///   one dossier shares one lock, one journal and one set of backups, and a compaction replaces the real file,
///   never a link. Its own files (lock, journal, temporaries, backups, history) are never reached through a
///   link (see `FileSystem`).
/// - The journal must continue the snapshot (`JournalContinuity`); one that does not is refused, never
///   skipped or merged, and nothing is written after such a refusal.
public final class DossierStore {
    public let files: StoreFiles
    public let fileSystem: any FileSystem
    public let configuration: StoreConfiguration
    /// What the user should know about the last load or compaction (a torn journal line that was ignored …).
    public private(set) var notices: [String] = []
    public private(set) var lock: FileLock?

    private var lastSequence = 0
    /// The dossier's lineage (nil until it has one: it gets one when it is first compacted).
    private var lineage: String?
    /// The checksum of the last journal entry in the dossier ("" when there is none).
    private var tail = ""
    /// The last journal entry the snapshot on disk contains.
    private var snapshotSequence = 0
    private var journalEntryCount = 0
    private var journalFirstSequence: Int?
    /// Bytes of complete lines; anything beyond (a torn tail) is cut before the next append.
    private var journalLength = 0
    private var journalNeedsTrimming = false
    private var journalDescriptor: Int32?
    private var fingerprint: Fingerprint?

    public var path: String { files.snapshot }
    public var isWritable: Bool { lock != nil }
    /// The number of the last change in the dossier (snapshot and journal).
    public var sequence: Int { lastSequence }
    /// Whether `commit` compacts when the journal passes the threshold. The TUI turns this off and
    /// compacts on another thread instead (see `snapshotWrite(of:)`), so that no key waits for it.
    public var compactsAfterCommit = true
    /// The steps that convert an older file format on load (tests give their own).
    public var migrations = SchemaMigrations.all
    /// The summary of the last change committed through this store.
    public private(set) var lastSummary: String?

    /// `path` may be a link, or reached through one: the store works on the file it resolves to.
    public init(path: String, fileSystem: any FileSystem = PosixFileSystem(), configuration: StoreConfiguration = StoreConfiguration()) {
        files = StoreFiles(StoreFiles.realPath(of: path, fileSystem: fileSystem))
        self.fileSystem = fileSystem
        self.configuration = configuration
    }

    deinit {
        if let journalDescriptor { fileSystem.close(journalDescriptor) }
    }

    // MARK: Opening

    /// Takes the writer's lock, waiting up to the configured time; `.busy` names who has it.
    public func lockForWriting(actor: String, now: Timestamp) throws(StoreError) {
        guard lock == nil else { return }
        let mode: UInt32
        do {
            mode = try companionMode()
        } catch {
            throw .fileSystem(error)
        }
        lock = try FileLock.acquire(files.lock, waiting: configuration.lockWait,
                                    holder: "\(actor) (proces \(ProcessIdentity.id), sinds \(now.iso))", mode: mode)
    }

    /// Reads the snapshot and replays the journal. A damaged file is reported and left as it is.
    ///
    /// Another program may compact while this one reads (a new snapshot, the journal archived): the pair
    /// read is used only when the snapshot at the path is still the one read; otherwise it is read again.
    public func load() throws(StoreError) -> Dossier {
        var attempt = 0
        while true {
            attempt += 1
            var snapshotIdentity: UInt64?
            do {
                let dossier = try loadOnce(snapshotIdentity: &snapshotIdentity)
                if attempt >= 20 || !snapshotReplaced(since: snapshotIdentity) { return try finishLoad(dossier) }
            } catch {
                if attempt >= 20 || !snapshotReplaced(since: snapshotIdentity) { throw error }
            }
            usleep(UInt32(min(attempt, 10)) * 5_000)
        }
    }

    /// Whether anything of a dossier is left beside a missing snapshot: its journal, backups or history.
    public func hasTraces() -> Bool {
        [files.journal, files.backups, files.history].contains { (try? fileSystem.status($0)) ?? nil != nil }
    }

    /// Whether the snapshot at the path is no longer the file that was read (a compaction replaced it).
    private func snapshotReplaced(since identity: UInt64?) -> Bool {
        guard let identity else { return false }
        return (try? fileSystem.status(path))??.inode != identity
    }

    private func loadOnce(snapshotIdentity: inout UInt64?) throws(StoreError) -> Dossier {
        notices = []
        let bytes: [UInt8]
        do {
            let descriptor = try fileSystem.openForReading(path)
            defer { fileSystem.close(descriptor) }
            snapshotIdentity = try fileSystem.status(of: descriptor, path: path).inode
            bytes = try fileSystem.read(descriptor, from: 0, path: path)
        } catch {
            if error.code == SystemErrorCode.noSuchFile { throw hasTraces() ? .snapshotMissing(file: path) : .missing(file: path) }
            throw .fileSystem(error)
        }
        let (decoded, migratedFrom) = try DossierFile.decodeMigrating(bytes, file: path, migrations: migrations)
        var dossier = decoded
        lastSequence = dossier.journalSequence
        snapshotSequence = dossier.journalSequence
        lineage = dossier.lineage
        tail = dossier.journalTail
        journalEntryCount = 0
        journalFirstSequence = nil
        journalLength = 0
        journalNeedsTrimming = false
        self.migratedFrom = migratedFrom
        if let journalBytes = try read(files.journal) {
            let journal: JournalFile
            do {
                journal = try JournalFile.parse(journalBytes)
            } catch {
                throw .damagedJournal(file: files.journal, damage: error)
            }
            let newEntries: ArraySlice<JournalEntry>
            do {
                newEntries = try JournalContinuity.newEntries(of: journal, after: dossier)
            } catch {
                throw .foreignJournal(journal: files.journal, snapshot: path, reason: error.reason)
            }
            if lineage == nil { lineage = newEntries.first?.lineage }
            for (index, entry) in zip(newEntries.indices, newEntries) {
                try replay(entry, into: &dossier, line: index + 1)
                lastSequence = entry.sequence
                tail = journal.checksums[index]
            }
            journalEntryCount = journal.entries.count
            journalFirstSequence = journal.entries.first?.sequence
            journalLength = journal.validLength
            if journal.hasTornTail {
                journalNeedsTrimming = true
                notices.append("Het journaal eindigde met een half geschreven regel (een onderbroken opslag); die is genegeerd.")
            }
        }
        return dossier
    }

    private var migratedFrom: Int?

    private func finishLoad(_ dossier: Dossier) throws(StoreError) -> Dossier {
        if isWritable { removeLeftoverTemporaryFiles() }
        fingerprint = try currentFingerprint()
        if let migratedFrom {
            let versions = "schemaVersion \(migratedFrom) naar \(Dossier.currentSchemaVersion)"
            if isWritable {
                // Compacting keeps the old file in the backups folder before the converted one takes its place.
                try compact(dossier, at: Clock.system.now())
                notices.append("Het dossier is omgezet van \(versions); het oude bestand staat bij de back-ups.")
            } else {
                notices.append("Het dossier heeft een oudere opmaak (\(versions)); het wordt omgezet zodra het met schrijfrechten geopend wordt.")
            }
        }
        return dossier
    }

    // MARK: Changing

    /// Applies a change and makes it durable in the journal. When the change is refused or cannot be
    /// written, the dossier in memory is put back as it was and the error says why.
    /// - Returns: the restoration that undoes the change.
    @discardableResult
    public func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration {
        guard isWritable else { throw .readOnly(file: path) }
        try ensureUnchanged()
        guard lastSequence < Limits.journalSequence.upperBound else {
            throw .refused(ChangeError(.invalid, "het dossier heeft het hoogste wijzigingsnummer (\(Limits.grouped(lastSequence))) bereikt; er kan niets meer bij"))
        }
        if lineage == nil {
            // Entries without a lineage (an older version's) are folded into the snapshot first: a journal
            // holds entries of one lineage only.
            if hasJournal { try compact(dossier, at: context.timestamp) }
            if lineage == nil { lineage = Lineage.make() }
        }
        let summary = change.summary(in: dossier)
        let details = change.details(in: dossier)
        let undo: Restoration
        do {
            undo = try dossier.apply(change, context: context)
        } catch {
            throw .refused(error)
        }
        let entry = JournalEntry(sequence: lastSequence + 1, lineage: lineage, previous: tail, timestamp: context.timestamp,
                                 actor: context.actor, today: context.today, summary: summary, details: details, subjects: change.subjects,
                                 event: .change(change))
        do {
            try append(entry)
        } catch {
            // Put back exactly what was there; the restoration of a state we just left always applies.
            _ = try? dossier.apply(.restore(undo), context: context)
            throw .fileSystem(error)
        }
        if compactsAfterCommit && needsCompaction {
            do {
                try compact(dossier, at: context.timestamp)
            } catch {
                // The change itself is safe in the journal; the snapshot will be rewritten next time.
                notices.append("De wijziging is bewaard, maar het dossier kon niet worden samengevoegd: \(error.description)")
            }
        }
        return undo
    }

    /// Whether the journal has grown past the threshold.
    public var needsCompaction: Bool {
        journalEntryCount >= configuration.journalEntryLimit || journalLength >= configuration.journalByteLimit
    }

    /// Whether there are journal entries not yet in the snapshot.
    public var hasJournal: Bool { journalEntryCount > 0 }

    /// Rewrites the snapshot from `dossier`: the previous snapshot is kept in the backups folder, the new
    /// one written durably, the journal archived in the history folder.
    public func compact(_ dossier: Dossier, at moment: Timestamp) throws(StoreError) {
        guard let job = snapshotWrite(of: dossier) else { throw .readOnly(file: path) }
        try ensureUnchanged()
        let written: WrittenSnapshot
        do {
            written = try job.run()
        } catch {
            throw .fileSystem(error)
        }
        try finishCompaction(written, at: moment)
    }

    /// Compaction in two halves, so that the TUI never waits for it: `snapshotWrite(of:)` here, then
    /// `SnapshotWrite.run()` on another thread (encoding and writing the new snapshot, the slow part),
    /// then `finishCompaction` here again (a backup link, two renames, a few directory flushes).
    /// Nil when this store may not write.
    public func snapshotWrite(of dossier: Dossier) -> SnapshotWrite? {
        guard isWritable else { return nil }
        var snapshot = dossier
        snapshot.journalSequence = lastSequence
        snapshot.lineage = lineage ?? Lineage.make()
        snapshot.journalTail = tail
        return SnapshotWrite(path: path, snapshot: snapshot, writer: DurableWriter(fileSystem: fileSystem))
    }

    /// Puts a snapshot written by `SnapshotWrite.run()` in place, as `compact` does. Returns false, and
    /// drops the written file, when changes were committed since the snapshot was taken (it would miss
    /// them; compact again later). Throws, and drops it, when the files changed on disk elsewhere.
    @discardableResult
    public func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp) throws(StoreError) -> Bool {
        try finishCompaction(written, at: moment, keeping: nil)
    }

    /// `keeping`: a backup that must survive the pruning (the one a restore is about to name).
    @discardableResult
    private func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp, keeping protected: String?) throws(StoreError) -> Bool {
        let writer = DurableWriter(fileSystem: fileSystem)
        guard isWritable else {
            writer.discard(written.replacement)
            throw .readOnly(file: path)
        }
        guard written.sequence == lastSequence, written.lineage == lineage || lineage == nil else {
            writer.discard(written.replacement)
            return false
        }
        do {
            try ensureUnchanged()
        } catch {
            writer.discard(written.replacement)
            throw error
        }
        do {
            try keepBackupOfSnapshot(at: moment)
            try writer.install(written.replacement)
            snapshotSequence = written.sequence
            lineage = written.lineage
            try archiveJournal()
            try pruneBackups(keeping: protected)
        } catch {
            writer.discard(written.replacement)
            fingerprint = try? currentFingerprint()
            throw .fileSystem(error)
        }
        fingerprint = try currentFingerprint()
        return true
    }

    /// Drops a written snapshot that will not be finished (the session ends while it was being written).
    public func discard(_ written: WrittenSnapshot) {
        DurableWriter(fileSystem: fileSystem).discard(written.replacement)
    }

    /// Ends a writing session: compacts when the journal holds changes, then releases the lock.
    public func close(_ dossier: Dossier?, at moment: Timestamp) throws(StoreError) {
        defer {
            if let journalDescriptor { fileSystem.close(journalDescriptor) }
            journalDescriptor = nil
            lock?.release()
            lock = nil
        }
        if let dossier, isWritable, hasJournal { try compact(dossier, at: moment) }
    }

    /// Whether someone else changed the files since this store read or wrote them.
    public func hasOutsideChanges() -> Bool {
        (try? currentFingerprint()) != fingerprint
    }

    // MARK: History, backups and restore

    /// Every journal entry ever recorded: the archived segments and the current journal, in order.
    public func history() throws(StoreError) -> [JournalEntry] {
        var entries: [Int: JournalEntry] = [:]
        let segments: [String]
        do {
            segments = try fileSystem.status(files.history) == nil ? [] : try fileSystem.contentsOfDirectory(files.history)
        } catch {
            throw .fileSystem(error)
        }
        for name in segments where name.hasPrefix("journal-") && name.hasSuffix(".jsonl") {
            let segment = FilePath.join(files.history, name)
            guard let bytes = try read(segment) else { continue }
            do {
                for entry in try JournalFile.parse(bytes).entries { entries[entry.sequence] = entry }
            } catch {
                throw .damagedJournal(file: segment, damage: error)
            }
        }
        if let bytes = try read(files.journal) {
            do {
                for entry in try JournalFile.parse(bytes).entries { entries[entry.sequence] = entry }
            } catch {
                throw .damagedJournal(file: files.journal, damage: error)
            }
        }
        return entries.keys.sorted().compactMap { entries[$0] }
    }

    /// The snapshots kept in the backups folder, newest first.
    public func backups() throws(StoreError) -> [Backup] {
        do {
            guard try fileSystem.status(files.backups) != nil else { return [] }
            return try fileSystem.contentsOfDirectory(files.backups).compactMap { name -> Backup? in
                guard let backup = Backup(name: name, directory: files.backups, snapshotName: FilePath.name(of: path)) else { return nil }
                var found = backup
                found.size = (try? fileSystem.status(backup.path))?.size ?? 0
                return found
            }.sorted { $0.name > $1.name }
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Replaces the dossier by a backup; works also when the current dossier cannot be loaded.
    ///
    /// When the current dossier loads (`current` is given), it is compacted first, so that its state is
    /// itself a backup; the restore is journaled as the next entry of the same lineage; then the backup's
    /// content becomes the snapshot. At every moment the files hold either the old state, or the old state
    /// with a journal entry that names the backup (replaying it reads the backup, which is kept until the
    /// new snapshot is in place), or the new state.
    ///
    /// When it does not load (`current` is nil: a damaged snapshot, a foreign journal), nothing of it is
    /// deleted: the snapshot is kept among the backups, the journal is set aside in the history folder, and
    /// the restored dossier starts a new lineage.
    /// - Returns: the dossier as restored.
    public func restore(backup name: String, current: Dossier?, context: ChangeContext) throws(StoreError) -> Dossier {
        guard isWritable else { throw .readOnly(file: path) }
        let backupPath = FilePath.join(files.backups, name)
        guard Backup(name: name, directory: files.backups, snapshotName: FilePath.name(of: path)) != nil,
              let bytes = try read(backupPath) else { throw .missing(file: backupPath) }
        var restored = try DossierFile.decode(bytes, file: backupPath)
        let summary = "Teruggezet uit back-up \(name)"
        if let current {
            try ensureUnchanged()
            if hasJournal || lineage == nil || migratedFrom != nil {
                guard let job = snapshotWrite(of: current) else { throw .readOnly(file: path) }
                let written: WrittenSnapshot
                do {
                    written = try job.run()
                } catch {
                    throw .fileSystem(error)
                }
                try finishCompaction(written, at: context.timestamp, keeping: name)
            }
            let entry = JournalEntry(sequence: lastSequence + 1, lineage: lineage, previous: tail, timestamp: context.timestamp,
                                     actor: context.actor, today: context.today, summary: summary, subjects: [], event: .restoreBackup(name))
            do {
                try append(entry)
            } catch {
                throw .fileSystem(error)
            }
        } else {
            try setAsideUnloadable(at: context.timestamp)
            let sequence = try highestKnownSequence() + 1
            lineage = Lineage.make()
            let entry = JournalEntry(sequence: sequence, lineage: lineage, previous: "", timestamp: context.timestamp,
                                     actor: context.actor, today: context.today, summary: summary, subjects: [], event: .restoreBackup(name))
            lastSequence = sequence - 1
            snapshotSequence = sequence - 1
            tail = ""
            do {
                try append(entry)
            } catch {
                throw .fileSystem(error)
            }
        }
        restored.journalSequence = lastSequence
        restored.lineage = lineage
        restored.journalTail = tail
        let written: WrittenSnapshot
        do {
            written = try SnapshotWrite(path: path, snapshot: restored, writer: DurableWriter(fileSystem: fileSystem)).run()
        } catch {
            throw .fileSystem(error)
        }
        try finishCompaction(written, at: Timestamp(secondsSinceEpoch: context.timestamp.secondsSinceEpoch + 1))
        return restored
    }

    /// Keeps an unloadable dossier's files where nothing is lost and nothing reads them by accident: the
    /// snapshot among the backups (by its own name and time), the journal in the history folder under a
    /// name the log does not read.
    private func setAsideUnloadable(at moment: Timestamp) throws(StoreError) {
        do {
            if let journalDescriptor {
                fileSystem.close(journalDescriptor)
                self.journalDescriptor = nil
            }
            snapshotSequence = 0
            try keepBackupOfSnapshot(at: moment)
            if try fileSystem.status(files.journal) != nil {
                try fileSystem.createDirectory(files.history, mode: try directoryMode())
                try fileSystem.rename(files.journal, to: files.setAsideJournal(at: moment))
                try fileSystem.synchronizeDirectory(files.history)
                try fileSystem.synchronizeDirectory(files.directory)
            }
        } catch {
            throw .fileSystem(error)
        }
        journalLength = 0
        journalEntryCount = 0
        journalFirstSequence = nil
        journalNeedsTrimming = false
        migratedFrom = nil
    }

    /// The highest journal entry number anywhere in the history and the backups, so that a dossier that
    /// starts anew after a restore never reuses a number the log already shows.
    private func highestKnownSequence() throws(StoreError) -> Int {
        var highest = 0
        do {
            if try fileSystem.status(files.history) != nil {
                for name in try fileSystem.contentsOfDirectory(files.history) {
                    if let last = StoreFiles.lastSequence(ofSegment: name) { highest = max(highest, last) }
                }
            }
        } catch {
            throw .fileSystem(error)
        }
        for backup in try backups() { highest = max(highest, backup.sequence) }
        return highest
    }

    // MARK: Private

    private func replay(_ entry: JournalEntry, into dossier: inout Dossier, line: Int) throws(StoreError) {
        switch entry.event {
        case .change(let written):
            let change = SchemaMigrations.upgrade(written, from: entry.formatVersion, in: dossier)
            do {
                try dossier.apply(change, context: entry.context)
            } catch {
                throw .damagedJournal(file: files.journal, damage: JournalFile.Damage(
                    line: line, message: "wijziging \(entry.sequence) (\(entry.summary)) past niet op het dossier: \(error.message)"))
            }
        case .restoreBackup(let name):
            let backupPath = FilePath.join(files.backups, name)
            guard let bytes = try read(backupPath) else {
                throw .damagedJournal(file: files.journal, damage: JournalFile.Damage(line: line, message: "back-up \(name) ontbreekt"))
            }
            dossier = try DossierFile.decode(bytes, file: backupPath)
        }
    }

    private func append(_ entry: JournalEntry) throws(FileSystemError) {
        let (line, checksum) = entry.encodedLine()
        let descriptor: Int32
        if let open = journalDescriptor {
            descriptor = open
        } else {
            let existed = try fileSystem.status(files.journal) != nil
            descriptor = try fileSystem.openForAppending(files.journal, mode: try companionMode())
            journalDescriptor = descriptor
            if !existed { try fileSystem.synchronizeDirectory(files.directory) }
        }
        if journalNeedsTrimming {
            try fileSystem.truncate(descriptor, length: Int64(journalLength), path: files.journal)
            try fileSystem.synchronize(descriptor, path: files.journal)
            journalNeedsTrimming = false
        }
        do {
            try fileSystem.write(descriptor, line, path: files.journal)
            try fileSystem.synchronize(descriptor, path: files.journal)
        } catch {
            // Cut off whatever part of the line was written, so the next append starts on a clean line.
            if (try? fileSystem.truncate(descriptor, length: Int64(journalLength), path: files.journal)) == nil {
                journalNeedsTrimming = true
            }
            fingerprint = try? currentFingerprint()
            throw error
        }
        journalLength += line.count
        journalEntryCount += 1
        lastSequence = entry.sequence
        tail = checksum
        lastSummary = entry.summary
        if journalFirstSequence == nil { journalFirstSequence = entry.sequence }
        fingerprint = try? currentFingerprint()
    }

    /// The mode for files beside the snapshot: the snapshot's own (a team may share it through its group),
    /// but never readable by others: it holds personal data.
    private func companionMode() throws(FileSystemError) -> UInt32 {
        DurableWriter.sharedMode(following: (try fileSystem.status(path))?.mode)
    }

    /// Folders beside the snapshot (backups, history): the owner's, and the group's when the snapshot is
    /// shared with its group; never others'.
    private func directoryMode() throws(FileSystemError) -> UInt32 {
        (try companionMode()) & 0o060 == 0o060 ? 0o770 : 0o700
    }

    private func keepBackupOfSnapshot(at moment: Timestamp) throws(FileSystemError) {
        guard try fileSystem.status(path) != nil else { return }
        try fileSystem.createDirectory(files.backups, mode: try directoryMode())
        let name = Backup.name(snapshotName: FilePath.name(of: path), at: moment, sequence: snapshotSequence)
        let target = FilePath.join(files.backups, name)
        guard try fileSystem.status(target) == nil else { return }
        do {
            try fileSystem.link(path, to: target)
        } catch {
            // A file system without hard links: copy instead.
            try DurableWriter(fileSystem: fileSystem).replace(target, with: try fileSystem.readFile(path))
        }
        try fileSystem.synchronizeDirectory(files.backups)
    }

    private func archiveJournal() throws(FileSystemError) {
        if let journalDescriptor {
            fileSystem.close(journalDescriptor)
            self.journalDescriptor = nil
        }
        guard try fileSystem.status(files.journal) != nil else { return }
        if journalLength == 0 {
            try fileSystem.removeFile(files.journal)
        } else {
            if journalNeedsTrimming {
                let descriptor = try fileSystem.openForAppending(files.journal, mode: try companionMode())
                defer { fileSystem.close(descriptor) }
                try fileSystem.truncate(descriptor, length: Int64(journalLength), path: files.journal)
                try fileSystem.synchronize(descriptor, path: files.journal)
            }
            try fileSystem.createDirectory(files.history, mode: try directoryMode())
            try fileSystem.rename(files.journal, to: files.historySegment(first: journalFirstSequence ?? lastSequence, last: lastSequence))
            try fileSystem.synchronizeDirectory(files.history)
        }
        try fileSystem.synchronizeDirectory(files.directory)
        journalLength = 0
        journalEntryCount = 0
        journalFirstSequence = nil
        journalNeedsTrimming = false
    }

    private func pruneBackups(keeping protected: String?) throws(FileSystemError) {
        guard try fileSystem.status(files.backups) != nil else { return }
        let snapshotName = FilePath.name(of: path)
        let names = try fileSystem.contentsOfDirectory(files.backups)
            .filter { Backup(name: $0, directory: files.backups, snapshotName: snapshotName) != nil }.sorted()
        for name in names.dropLast(configuration.backupsToKeep) where name != protected {
            try fileSystem.removeFile(FilePath.join(files.backups, name))
        }
    }

    private func removeLeftoverTemporaryFiles() {
        guard let names = try? fileSystem.contentsOfDirectory(files.directory) else { return }
        for name in names where DurableWriter.isLeftoverTemporary(name, for: path) {
            try? fileSystem.removeFile(FilePath.join(files.directory, name))
        }
    }

    private func ensureUnchanged() throws(StoreError) {
        let now = try currentFingerprint()
        guard now == fingerprint else {
            if now.snapshot == nil {
                throw .fileSystem(FileSystemError(operation: "opslaan", path: path, code: SystemErrorCode.noSuchFile))
            }
            throw .changedOnDisk(file: path)
        }
    }

    private func read(_ file: String) throws(StoreError) -> [UInt8]? {
        do {
            return try fileSystem.readFile(file)
        } catch {
            if error.code == SystemErrorCode.noSuchFile { return nil }
            throw .fileSystem(error)
        }
    }

    /// Identity, size and modification time of the snapshot and the journal.
    private struct Fingerprint: Equatable {
        var snapshot: Part?
        var journal: Part?

        struct Part: Equatable {
            var inode: UInt64
            var size: Int64
            var seconds: Int64
            var nanoseconds: Int64

            init?(_ status: FileStatus?) {
                guard let status else { return nil }
                inode = status.inode
                size = status.size
                seconds = status.modificationSeconds
                nanoseconds = status.modificationNanoseconds
            }
        }
    }

    private func currentFingerprint() throws(StoreError) -> Fingerprint {
        do {
            return Fingerprint(snapshot: .init(try fileSystem.status(path)), journal: .init(try fileSystem.status(files.journal)))
        } catch {
            if error.code == SystemErrorCode.noSuchFile || error.code == SystemErrorCode.notDirectory { return Fingerprint() }
            throw .fileSystem(error)
        }
    }
}
