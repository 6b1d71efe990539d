#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DossierStore {
    /// Whether the journal has grown past the threshold.
    public var needsCompaction: Bool {
        !journalCutShort && (journalEntryCount >= configuration.journalEntryLimit || journalLength >= configuration.journalByteLimit)
    }

    /// Whether there are journal entries not yet in the snapshot.
    public var hasJournal: Bool { journalEntryCount > 0 }

    /// Rewrites the snapshot from `dossier`: the previous snapshot is kept in the backups folder, the new
    /// one written durably, the journal archived in the history folder. Does nothing when another program
    /// is compacting, or when changes arrived meanwhile (the next one compacts).
    public func compact(_ dossier: Dossier, at moment: Timestamp) throws(StoreError) {
        guard isWritable else { throw .readOnly(file: path) }
        guard !dossier.isPart else { throw .partOfDossier(file: path) }
        guard let job = snapshotWrite(of: dossier) else { return }
        let written: WrittenSnapshot
        do {
            written = try job.run()
        } catch {
            releaseCompaction()
            throw .fileSystem(error)
        }
        try finishCompaction(written, at: moment)
    }

    /// Compaction in two halves, so that the TUI never waits for it: `snapshotWrite(of:)` here, then
    /// `SnapshotWrite.run()` on another thread (encoding and writing the new snapshot, the slow part,
    /// without the lock), then `finishCompaction` here again (under the lock: a backup link, two renames,
    /// a few directory flushes). Nil when this store may not write, or another program is compacting.
    public func snapshotWrite(of dossier: Dossier) -> SnapshotWrite? {
        // A whole last entry lacking only its line break is not in `dossier`: the merge waits for the change that takes it in.
        guard isWritable, newerVersion == nil, !isReplacedOutside, !journalTailLacksOnlyLineBreak, (try? checkMayWrite()) != nil else { return nil }
        if compactionLock == nil {
            guard let mode = try? companionMode(),
                  let lock = try? FileLock.acquire(files.compactionLock, waiting: 0, holder: writer ?? "", mode: mode) else { return nil }
            compactionLock = lock
            shareWithSnapshotGroup(files.compactionLock)
        }
        return snapshotJob(of: dossier)
    }

    func snapshotJob(of dossier: Dossier) -> SnapshotWrite {
        var snapshot = dossier
        snapshot.setJournalPosition(sequence: lastSequence, lineage: lineage ?? Lineage.make(), tail: tail)
        return SnapshotWrite(path: path, snapshot: snapshot, writer: DurableWriter(fileSystem: fileSystem))
    }

    /// Puts a snapshot written by `SnapshotWrite.run()` in place, as `compact` does. Returns false, and
    /// drops the written file, when changes were made since the snapshot was taken — here or by others — or
    /// another program compacted meanwhile: it would miss them; compact again later.
    @discardableResult
    public func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp) throws(StoreError) -> Bool {
        defer { releaseCompaction() }
        do {
            return try withChangeLock { () throws(StoreError) -> Bool in
                // Holding both locks, nobody else can be writing a snapshot: any other snapshot in the making was left
                // by a writer that stopped (killed while compacting), whatever its age.
                removeAbandonedSnapshots(except: written.replacement)
                return try installLocked(written, at: moment, keeping: nil)
            }
        } catch {
            discard(written)
            throw error
        }
    }

    /// Drops a written snapshot that will not be finished (the session ends while it was being written).
    public func discard(_ written: WrittenSnapshot) {
        if let replacement = written.replacement { DurableWriter(fileSystem: fileSystem).discard(replacement) }
        releaseCompaction()
    }

    /// Ends a writing session: compacts when the journal holds changes (unless another program is at it). Not while the
    /// journal was found cut short and nothing was saved since: it stays as it is, for a copy with the missing changes to be
    /// put back (`journalCutShort`).
    public func close(_ dossier: Dossier?, at moment: Timestamp) throws(StoreError) {
        if let dossier, isWritable, hasJournal, newerVersion == nil, !isReplacedOutside, !journalCutShort { try compact(dossier, at: moment) }
        releaseCompaction()
    }

    private func releaseCompaction() {
        compactionLock?.release()
        compactionLock = nil
    }

    /// Writes and installs a snapshot while this store holds the lock (a restore, an older journal folded in).
    func compactLocked(_ dossier: Dossier, at moment: Timestamp, keeping protected: String?) throws(StoreError) {
        let written: WrittenSnapshot
        do {
            written = try snapshotJob(of: dossier).run()
        } catch {
            throw .fileSystem(error)
        }
        guard try installLocked(written, at: moment, keeping: protected) else {
            throw .changedOnDisk(file: path)
        }
    }

    /// Puts a written snapshot in place; the caller holds the lock. False (and the written file dropped) when
    /// the files are no longer what the snapshot was made from.
    /// `keeping`: a backup that must survive the pruning (the one a restore is about to name).
    /// `backingUp`: false when the snapshot in place was set aside already (a restore over one that did not load).
    func installLocked(_ written: WrittenSnapshot, at moment: Timestamp, keeping protected: String?, backingUp: Bool = true) throws(StoreError) -> Bool {
        let writer = DurableWriter(fileSystem: fileSystem)
        guard let replacement = written.replacement else { throw .readOnly(file: path) }
        do {
            try checkMayWriteFolders()
        } catch {
            writer.discard(replacement)
            throw error
        }
        // A whole last entry lacking only its line break is not in the snapshot; archiving the journal would drop it.
        guard written.sequence == lastSequence, written.lineage == lineage || lineage == nil, !journalTailLacksOnlyLineBreak,
              try !filesMoved() else {
            writer.discard(replacement)
            return false
        }
        do {
            if backingUp { try keepBackupOfSnapshot(at: moment) }
            try writer.install(replacement)
            snapshotSequence = written.sequence
            lineage = written.lineage
            snapshotFile = try fileSystem.status(path).map(FileIdentity.init)
            try archiveJournal()
            if let list = written.list { writeSideIndex(list, sequence: written.sequence, activityIndexBody: written.activityIndexBody) }
            try pruneBackups(keeping: protected, at: moment)
            files.shareOwnFilesWithSnapshotGroup(fileSystem: fileSystem, inFolders: true)
        } catch {
            writer.discard(replacement)
            snapshotFile = (try? fileSystem.status(path))?.map(FileIdentity.init)
            throw .fileSystem(error)
        }
        return true
    }

    /// `target`: another name in the backups folder than a backup's (`StoreFiles.setAsideSnapshot`).
    func keepBackupOfSnapshot(at moment: Timestamp, as target: String? = nil) throws(FileSystemError) {
        guard let snapshot = try fileSystem.status(path) else { return }
        try fileSystem.createDirectory(files.backups, mode: try directoryMode())
        shareWithSnapshotGroup(files.backups)
        let target = target ?? FilePath.join(files.backups, Backup.name(snapshotName: FilePath.name(of: path), at: moment, sequence: snapshotSequence))
        guard try fileSystem.status(target) == nil else { return }
        // The backup is the snapshot's own file (a hard link), so it has its bits: a snapshot others may read (copied
        // in with cp) loses their bits first, as the snapshot replacing it would not have them either. Where this user
        // may not change them (a colleague's file), the backup is a copy of its own, readable by its owner only.
        if snapshot.mode & 0o007 != 0 { fileSystem.changeMode(path, to: DurableWriter.sharedMode(following: snapshot.mode)) }
        let linked = (try fileSystem.status(path)?.mode ?? 0) & 0o007 == 0 && (try? fileSystem.link(path, to: target)) != nil
        if !linked {
            // A file system without hard links, or bits this user may not change: a copy.
            try DurableWriter(fileSystem: fileSystem).replace(target, with: try fileSystem.readFile(path))
        }
        try fileSystem.synchronizeDirectory(files.backups)
    }

    /// Moves the journal to the history folder (or removes it when it holds nothing), so the next change
    /// starts a new one after the new snapshot. A torn tail is cut off first: the archive is the log.
    private func archiveJournal() throws(FileSystemError) {
        guard let status = try fileSystem.status(files.journal) else { return }
        if journalLength == 0 {
            try fileSystem.removeFile(files.journal)
        } else {
            if status.size > Int64(journalLength) {
                let descriptor = try fileSystem.openForAppending(files.journal, mode: try companionMode())
                defer { fileSystem.close(descriptor) }
                try fileSystem.truncate(descriptor, length: Int64(journalLength), path: files.journal)
                try fileSystem.synchronize(descriptor, path: files.journal)
            }
            try fileSystem.createDirectory(files.history, mode: try directoryMode())
            shareWithSnapshotGroup(files.history)
            // Never over a segment that is there: that holds changes of its own (the dossier file was put back older than its
            // history, which `checkHistoryEnds` refuses before a change is written). Kept beside it, outside the log.
            var segment = files.historySegment(first: journalFirstSequence ?? lastSequence, last: lastSequence)
            if try fileSystem.status(segment) != nil { segment = files.setAsideJournal(at: clock.now()) }
            try fileSystem.rename(files.journal, to: segment)
            try fileSystem.synchronizeDirectory(files.history)
        }
        try fileSystem.synchronizeDirectory(files.directory)
        forgetJournal()
    }

    /// Keeps the newest `backupsToKeep` backups, and of the past week up to the default number whatever that setting
    /// says: it is each person's own, and a colleague's lower one would otherwise take away the state someone was just
    /// told to restore. (Two backups with one change number are not taken for one state: a dossier set aside because it
    /// did not load, or one of another lineage, can carry the number of another.)
    private func pruneBackups(keeping protected: String?, at moment: Timestamp) throws(FileSystemError) {
        guard try fileSystem.status(files.backups) != nil else { return }
        let snapshotName = FilePath.name(of: path)
        let kept = try fileSystem.contentsOfDirectory(files.backups)
            .compactMap { Backup(name: $0, directory: files.backups, snapshotName: snapshotName) }
            .sorted { $0.name > $1.name }
        let weekAgo = moment.secondsSinceEpoch - 7 * 86_400
        let recentLimit = max(configuration.backupsToKeep, StoreConfiguration.defaultBackupsToKeep)
        for (rank, backup) in kept.enumerated() {
            if rank >= configuration.backupsToKeep && backup.name != protected
                && !(rank < recentLimit && backup.timestamp.secondsSinceEpoch >= weekAgo) {
                try fileSystem.removeFile(backup.path)
            } else if let status = try? fileSystem.status(backup.path), status.mode & 0o007 != 0 {
                // Kept from before backups lost others' bits (`keepBackupOfSnapshot`): they lose them now.
                fileSystem.changeMode(backup.path, to: DurableWriter.sharedMode(following: status.mode))
            }
        }
    }

    /// New snapshots a writer killed while compacting left beside the dossier (each a whole copy of its data);
    /// only to be called holding the compaction lock and the change lock.
    private func removeAbandonedSnapshots(except own: PreparedReplacement?) {
        guard compactionLock != nil, let names = try? fileSystem.contentsOfDirectory(files.directory) else { return }
        for name in names where DurableWriter.isLeftoverTemporary(name, for: path) {
            let file = FilePath.join(files.directory, name)
            if file != own?.temporary { try? fileSystem.removeFile(file) }
        }
    }

    /// Temporary files a crashed writer left. Another program may be writing one right now (a compaction
    /// takes seconds), so only those untouched for an hour go.
    func removeLeftoverTemporaryFiles() {
        guard let names = try? fileSystem.contentsOfDirectory(files.directory) else { return }
        let hourAgo = Int64(time(nil)) - 3_600
        let owners = [path, files.sideIndex, files.activityIndex]
        for name in names where owners.contains(where: { DurableWriter.isLeftoverTemporary(name, for: $0) }) {
            let file = FilePath.join(files.directory, name)
            guard let status = try? fileSystem.status(file), status.modificationSeconds < hourAgo else { continue }
            try? fileSystem.removeFile(file)
        }
    }
}
