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
public final class DossierStore {
    public let files: StoreFiles
    public let fileSystem: any FileSystem
    public let configuration: StoreConfiguration
    /// What the user should know about the last load or compaction (a torn journal line that was ignored …).
    public private(set) var notices: [String] = []
    public private(set) var lock: FileLock?

    private var lastSequence = 0
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

    public init(path: String, fileSystem: any FileSystem = PosixFileSystem(), configuration: StoreConfiguration = StoreConfiguration()) {
        files = StoreFiles(path)
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
        lock = try FileLock.acquire(files.lock, waiting: configuration.lockWait,
                                    holder: "\(actor) (proces \(ProcessIdentity.id), sinds \(now.iso))")
    }

    /// Reads the snapshot and replays the journal. A damaged file is reported and left as it is.
    public func load() throws(StoreError) -> Dossier {
        notices = []
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(path)
        } catch {
            if error.code == SystemErrorCode.noSuchFile { throw .missing(file: path) }
            throw .fileSystem(error)
        }
        let (decoded, migratedFrom) = try DossierFile.decodeMigrating(bytes, file: path, migrations: migrations)
        var dossier = decoded
        lastSequence = dossier.journalSequence
        snapshotSequence = dossier.journalSequence
        journalEntryCount = 0
        journalFirstSequence = nil
        journalLength = 0
        journalNeedsTrimming = false
        if let journalBytes = try read(files.journal) {
            let journal: JournalFile
            do {
                journal = try JournalFile.parse(journalBytes)
            } catch {
                throw .damagedJournal(file: files.journal, damage: error)
            }
            for (index, entry) in journal.entries.enumerated() where entry.sequence > lastSequence {
                guard entry.sequence == lastSequence + 1 else {
                    throw .damagedJournal(file: files.journal, damage: JournalFile.Damage(
                        line: index + 1, message: "wijziging \(lastSequence + 1) ontbreekt (het dossier is tot en met \(lastSequence))"))
                }
                try replay(entry, into: &dossier, line: index + 1)
                lastSequence = entry.sequence
            }
            journalEntryCount = journal.entries.count
            journalFirstSequence = journal.entries.first?.sequence
            journalLength = journal.validLength
            if journal.hasTornTail {
                journalNeedsTrimming = true
                notices.append("Het journaal eindigde met een half geschreven regel (een onderbroken opslag); die is genegeerd.")
            }
        }
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
        let summary = change.summary(in: dossier)
        let details = change.details(in: dossier)
        let undo: Restoration
        do {
            undo = try dossier.apply(change, context: context)
        } catch {
            throw .refused(error)
        }
        let entry = JournalEntry(sequence: lastSequence + 1, timestamp: context.timestamp, actor: context.actor, today: context.today,
                                 summary: summary, details: details, subjects: change.subjects, event: .change(change))
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
        return SnapshotWrite(path: path, snapshot: snapshot, writer: DurableWriter(fileSystem: fileSystem))
    }

    /// Puts a snapshot written by `SnapshotWrite.run()` in place, as `compact` does. Returns false, and
    /// drops the written file, when changes were committed since the snapshot was taken (it would miss
    /// them; compact again later). Throws, and drops it, when the files changed on disk elsewhere.
    @discardableResult
    public func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp) throws(StoreError) -> Bool {
        let writer = DurableWriter(fileSystem: fileSystem)
        guard isWritable else {
            writer.discard(written.replacement)
            throw .readOnly(file: path)
        }
        guard written.sequence == lastSequence else {
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
            try archiveJournal()
            try pruneBackups()
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

    /// Replaces the dossier by a backup. The current state is compacted first (and so kept as a backup
    /// itself), the restore is journaled, and the backup becomes the new snapshot.
    public func restore(backup name: String, into dossier: inout Dossier, context: ChangeContext) throws(StoreError) {
        guard isWritable else { throw .readOnly(file: path) }
        let backupPath = FilePath.join(files.backups, name)
        guard let bytes = try read(backupPath) else { throw .missing(file: backupPath) }
        let restored = try DossierFile.decode(bytes, file: backupPath)
        try compact(dossier, at: context.timestamp)
        let entry = JournalEntry(sequence: lastSequence + 1, timestamp: context.timestamp, actor: context.actor, today: context.today,
                                 summary: "Teruggezet uit back-up \(name)", subjects: [], event: .restoreBackup(name))
        do {
            try append(entry)
        } catch {
            throw .fileSystem(error)
        }
        dossier = restored
        try compact(dossier, at: Timestamp(secondsSinceEpoch: context.timestamp.secondsSinceEpoch + 1))
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
        let line = entry.line()
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
        lastSummary = entry.summary
        if journalFirstSequence == nil { journalFirstSequence = entry.sequence }
        fingerprint = try? currentFingerprint()
    }

    /// The mode for files beside the snapshot: the snapshot's own (a team may share it through its group),
    /// but never readable by others: it holds personal data.
    private func companionMode() throws(FileSystemError) -> UInt32 {
        ((try fileSystem.status(path))?.mode ?? DurableWriter.ownerOnlyMode) & 0o660 | 0o600
    }

    private func keepBackupOfSnapshot(at moment: Timestamp) throws(FileSystemError) {
        guard try fileSystem.status(path) != nil else { return }
        try fileSystem.createDirectory(files.backups, mode: 0o700)
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
                let descriptor = try fileSystem.openForAppending(files.journal, mode: DurableWriter.ownerOnlyMode)
                defer { fileSystem.close(descriptor) }
                try fileSystem.truncate(descriptor, length: Int64(journalLength), path: files.journal)
                try fileSystem.synchronize(descriptor, path: files.journal)
            }
            try fileSystem.createDirectory(files.history, mode: 0o700)
            try fileSystem.rename(files.journal, to: files.historySegment(first: journalFirstSequence ?? lastSequence, last: lastSequence))
            try fileSystem.synchronizeDirectory(files.history)
        }
        try fileSystem.synchronizeDirectory(files.directory)
        journalLength = 0
        journalEntryCount = 0
        journalFirstSequence = nil
        journalNeedsTrimming = false
    }

    private func pruneBackups() throws(FileSystemError) {
        guard try fileSystem.status(files.backups) != nil else { return }
        let snapshotName = FilePath.name(of: path)
        let names = try fileSystem.contentsOfDirectory(files.backups)
            .filter { Backup(name: $0, directory: files.backups, snapshotName: snapshotName) != nil }.sorted()
        for name in names.dropLast(configuration.backupsToKeep) {
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
