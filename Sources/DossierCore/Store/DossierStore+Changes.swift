extension DossierStore {
    /// Applies a change and makes it durable in the journal, after the changes others made since this store
    /// last looked (those are applied to `dossier` too, and wait in `takeOthersChanges`). When the change is
    /// refused or cannot be written, the dossier in memory keeps the others' changes but not this one, and the
    /// error says why — naming the colleague's change that stands in the way, when one does.
    /// - Returns: the restoration that undoes the change.
    @discardableResult
    public func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration {
        guard !dossier.isPart else { throw .partOfDossier(file: path) }
        // What was said about the load has been said; from here the notices are about this save.
        notices = []
        let undo = try withChangeLock { () throws(StoreError) -> Restoration in
            pendingOthers += try catchUp(&dossier, holdingWriteLock: true)
            return try appendLocked(change, to: &dossier, context: context)
        }
        if compactsAfterCommit && needsCompaction {
            do {
                try compact(dossier, at: context.timestamp)
            } catch .notPermitted(let location, let reason) {
                // Not "er is niets gewijzigd": the change was.
                notices.append("De wijziging is bewaard, maar het dossier kon niet worden samengevoegd: \(location): \(reason).")
            } catch {
                // The change itself is safe in the journal; the snapshot will be rewritten next time.
                notices.append("De wijziging is bewaard, maar het dossier kon niet worden samengevoegd: \(error.description)")
            }
        }
        return undo
    }

    /// Reads and applies what others wrote since this store last looked, under a shared lock (so only what a
    /// writer confirmed is read). Cheap when nothing changed: two file statuses.
    /// - Returns: the others' changes, oldest first, including those applied during `commit` since the last call.
    public func refresh(_ dossier: inout Dossier) throws(StoreError) -> [OthersChange] {
        if try !filesMoved() { return takeOthersChanges() }
        let lock: FileLock?
        do {
            lock = try FileLock.acquireShared(files.lock, waiting: 0.2)
        } catch {
            // A writer is appending right now: look again at the next refresh.
            if case .busy = error { return takeOthersChanges() }
            throw error
        }
        defer { lock?.release() }
        return try catchUp(&dossier, adding: takeOthersChanges())
    }

    /// The others' changes applied during `commit` and not yet taken.
    public func takeOthersChanges() -> [OthersChange] {
        defer { pendingOthers = [] }
        return pendingOthers
    }

    private func catchUp(_ dossier: inout Dossier, adding earlier: [OthersChange]) throws(StoreError) -> [OthersChange] {
        earlier + (try catchUp(&dossier))
    }

    // MARK: The lock

    /// Runs `body` holding the exclusive lock: the only time this store writes the journal or the snapshot.
    /// `checkingState`: refuse when a newer program's line was read or the files were replaced (not for a
    /// restore, which is the way out of both).
    func withChangeLock<T>(checkingState: Bool = true, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        guard let writer else { throw .readOnly(file: path) }
        try checkMayWrite()
        if checkingState, let newerVersion { throw .newerVersion(file: files.journal, version: newerVersion) }
        if checkingState, isReplacedOutside { throw .changedOnDisk(file: path) }
        let mode: UInt32
        do {
            mode = try companionMode()
        } catch {
            throw .fileSystem(error)
        }
        let lock: FileLock
        do {
            lock = try FileLock.acquire(files.lock, waiting: configuration.lockWait, holder: LockHolder.text(writer, since: clock.now()), mode: mode)
        } catch {
            // The lock file says who and since when for any program; this one says it in the user's own words.
            if case .busy(let file, let holder) = error {
                throw .busy(file: file, holder: LockHolder.forPeople(holder, dates: configuration.dates(clock: clock)))
            }
            // The folder is gone (a shared drive out of reach): say so of the dossier, not of its lock file.
            if case .fileSystem(let failure) = error, [SystemErrorCode.noSuchFile, SystemErrorCode.notDirectory].contains(failure.code) {
                throw .fileSystem(FileSystemError(operation: "bereiken", path: path, code: failure.code))
            }
            throw error
        }
        defer { lock.release() }
        shareWithSnapshotGroup(files.lock)
        // Once per store, not at every change: a few file statuses.
        if !sharedOwnFiles {
            files.shareOwnFilesWithSnapshotGroup(fileSystem: fileSystem, inFolders: false)
            sharedOwnFiles = true
        }
        if checkingState { try checkJournalStillHolds() }
        return try body()
    }

    /// Gives a file or folder made beside a dossier shared with its group the dossier's group (`StoreFiles.shareWithSnapshotGroup`).
    func shareWithSnapshotGroup(_ file: String) {
        files.shareWithSnapshotGroup(file, fileSystem: fileSystem)
    }

    /// Refuses (as files replaced outside) when the journal no longer holds what this store read of it: shorter
    /// than that, or its last line no longer where it was. A journal cut back (`truncate`, an older copy copied
    /// over it in place, a sync tool) would otherwise get the next line glued to a fragment, or lose a colleague's
    /// line to the cut that clears a torn append.
    func checkJournalStillHolds() throws(StoreError) {
        guard journalFile != nil else { return }
        let holds: Bool
        do throws(FileSystemError) {
            holds = try journalStillHolds()
        } catch {
            throw .fileSystem(error)
        }
        if !holds {
            throw replacedOutside("het journaal is buiten dossier om ingekort of overschreven: het houdt niet meer wat hier gelezen was")
        }
    }

    private func journalStillHolds() throws(FileSystemError) -> Bool {
        let descriptor: Int32
        do {
            descriptor = try fileSystem.openForReading(files.journal)
        } catch {
            // Gone, or another file: the checks on the file's identity say so.
            if error.code == SystemErrorCode.noSuchFile { return true }
            throw error
        }
        defer { fileSystem.close(descriptor) }
        let status = try fileSystem.status(of: descriptor, path: files.journal)
        guard status.inode == journalFile else { return true }
        guard status.size >= Int64(journalLength) else { return false }
        guard let tailLine else { return true }
        let expected = Array(#"{"crc":""#.utf8) + Array(tailLine.checksum.utf8)
        let lineStart = try read(expected.count, at: tailLine.start, from: descriptor)
        let lineEnd = try read(1, at: journalLength - 1, from: descriptor)
        return lineStart == expected && lineEnd == [UInt8(ascii: "\n")]
    }

    /// Up to `count` bytes of the journal open as `descriptor`, from `offset` on.
    private func read(_ count: Int, at offset: Int, from descriptor: Int32) throws(FileSystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var failure: FileSystemError?
        let read = bytes.withUnsafeMutableBytes { buffer in
            do throws(FileSystemError) {
                return try fileSystem.read(descriptor, from: Int64(offset), into: buffer, path: files.journal)
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return Array(bytes.prefix(read))
    }

    /// Whether the snapshot or the journal changed since this store looked.
    func filesMoved() throws(StoreError) -> Bool {
        do {
            let snapshot = try fileSystem.status(path)
            let journal = try fileSystem.status(files.journal)
            return snapshot.map(FileIdentity.init) != snapshotFile || journal?.inode != journalFile || (journal?.size ?? 0) != journalSeenSize
        } catch {
            throw .fileSystem(error)
        }
    }

    // MARK: Catching up

    /// Reads what others appended since this store last looked — following a compaction through the
    /// archived journal — and applies it to `dossier`. The caller holds the lock, so every line read was
    /// confirmed by its writer. Files replaced in a way that cannot be followed (another lineage, a gap, a
    /// snapshot that does not continue what was read) make every later write refuse until `load`.
    /// `holdingWriteLock`: the caller holds the lock to write (a change, a restore), not only to read; then a whole
    /// last entry that lacks only its line break, and continues what this store holds, gets its line break and is taken in.
    func catchUp(_ dossier: inout Dossier, holdingWriteLock: Bool = false) throws(StoreError) -> [OthersChange] {
        var applied: [OthersChange] = []
        let snapshotNow: FileStatus, journalNow: FileStatus?
        do throws(FileSystemError) {
            guard let status = try fileSystem.status(path) else {
                throw FileSystemError(operation: "bereiken", path: path, code: SystemErrorCode.noSuchFile)
            }
            snapshotNow = status
            journalNow = try fileSystem.status(files.journal)
        } catch {
            throw .fileSystem(error)
        }
        if FileIdentity(snapshotNow) != snapshotFile {
            try followCompaction(to: snapshotNow, &dossier, applied: &applied)
        }
        guard let journalNow else {
            if journalFile != nil { throw replacedOutside("het journaal is verdwenen zonder dat het dossier werd samengevoegd") }
            return applied
        }
        let isNewJournal = journalNow.inode != journalFile
        // A writer reads again what it saw past the last whole line: a whole entry there lacking only its line break is kept.
        let mayEndLine = holdingWriteLock && journalTailLacksOnlyLineBreak
        if !isNewJournal && journalNow.size == journalSeenSize && !mayEndLine { return applied }
        if isNewJournal { forgetJournal() } else { try checkJournalStillHolds() }
        guard let (journal, identity, size) = try readJournal(from: journalLength) else { return applied }
        try takeIn(journal, identity: identity, size: size, isNewJournal: isNewJournal, into: &dossier, applied: &applied)
        if holdingWriteLock, let (entry, _) = journal.unendedEntry, abandonedAppend != journalLength, continuesHeldState(entry) {
            // Under the lock to write no append is under way: the entry is whole, continues what this store holds, and only
            // its line break is missing (an editor dropped it). Ending the line keeps a change that was confirmed, where
            // cutting it off would lose it. One that does not continue, or this store's own failed append, is cut off.
            try endLastJournalLine()
            guard let (rest, identity, size) = try readJournal(from: journalLength) else { return applied }
            try takeIn(rest, identity: identity, size: size, isNewJournal: false, into: &dossier, applied: &applied)
        }
        // What was not ended is cut off by the append (or the merge) that follows under this lock: nothing to wait for.
        if holdingWriteLock { journalTailLacksOnlyLineBreak = false }
        return applied
    }

    /// Applies the entries of a journal read from where this store stopped, and follows the file from there.
    private func takeIn(_ journal: JournalFile, identity: UInt64, size: Int64, isNewJournal: Bool, into dossier: inout Dossier,
                        applied: inout [OthersChange]) throws(StoreError) {
        journalFile = identity
        journalSeenSize = size
        for (index, entry) in journal.entries.enumerated() {
            if entry.sequence <= lastSequence {
                // Only a new journal may start with entries the snapshot holds (a compaction that stopped early).
                guard isNewJournal, entry.sequence <= snapshotSequence else {
                    throw replacedOutside("wijziging \(entry.sequence) staat twee keer in het journaal")
                }
                continue
            }
            try applyOthers(entry, checksum: journal.checksums[index], line: journal.entryLines[index], to: &dossier, applied: &applied)
        }
        absorb(journal)
    }

    /// A new snapshot took the place of the one this store followed. When it is a compaction of the same
    /// lineage, the entries between this store's last one and the snapshot's are in the archived journal:
    /// apply those, and carry on from the new snapshot.
    private func followCompaction(to snapshotNow: FileStatus, _ dossier: inout Dossier, applied: inout [OthersChange]) throws(StoreError) {
        // Only the header: reading the whole new snapshot (100 MB at 100.000 activities) would add it to what an
        // open screen holds, for the few fields at its start.
        let head: [UInt8]
        do throws(FileSystemError) {
            head = try snapshotHead()
        } catch {
            throw .fileSystem(error)
        }
        guard let header = SnapshotHeader(head: head), lineage == nil || header.lineage == lineage,
              header.sequence >= lastSequence else {
            throw replacedOutside("het dossierbestand is vervangen door een ander")
        }
        if lineage == nil && lastSequence == snapshotSequence { lineage = header.lineage }
        for segment in try archivedSegments(after: lastSequence) where lastSequence < header.sequence {
            let journal = try readSegment(segment)
            for (index, entry) in journal.entries.enumerated() where entry.sequence > lastSequence && entry.sequence <= header.sequence {
                try applyOthers(entry, checksum: journal.checksums[index], line: journal.entryLines[index], to: &dossier, applied: &applied)
            }
        }
        if lastSequence < header.sequence, let (journal, _, _) = try readJournal(from: 0) {
            // A compaction that stopped before it archived the journal: the entries are still there.
            for (index, entry) in journal.entries.enumerated() where entry.sequence > lastSequence && entry.sequence <= header.sequence {
                try applyOthers(entry, checksum: journal.checksums[index], line: journal.entryLines[index], to: &dossier, applied: &applied)
            }
        }
        guard lastSequence == header.sequence, header.tail.isEmpty || header.tail == tail else {
            throw replacedOutside("het nieuwe dossierbestand (tot en met wijziging \(header.sequence)) sluit niet aan op wat hier gelezen was (tot en met \(lastSequence))")
        }
        snapshotFile = FileIdentity(snapshotNow)
        snapshotSequence = header.sequence
        forgetJournal()
    }

    /// Applies one entry another program wrote, after checking that it continues this store's state.
    private func applyOthers(_ entry: JournalEntry, checksum: String, line: Int, to dossier: inout Dossier,
                             applied: inout [OthersChange]) throws(StoreError) {
        if lineage == nil { lineage = entry.lineage }
        guard entry.sequence == lastSequence + 1, entry.lineage == lineage, (entry.previous ?? tail) == tail else {
            throw replacedOutside("wijziging \(entry.sequence) sluit niet aan op wijziging \(lastSequence) die hier gelezen was")
        }
        let restoration = try replay(entry, into: &dossier, line: line)
        lastSequence = entry.sequence
        tail = checksum
        applied.append(OthersChange(entry: entry, restoration: restoration))
        ColleagueConflict.remember(entry, in: &recentOthers)
    }

    private func replacedOutside(_ reason: String) -> StoreError {
        isReplacedOutside = true
        notices.append("Het dossier is buiten dit programma vervangen (\(reason)); laad het opnieuw.")
        return .changedOnDisk(file: path)
    }

    /// Applies a journal entry to `dossier`. Returns what it touched, or nil when it replaced the whole
    /// dossier (a restore from a backup).
    func replay(_ entry: JournalEntry, into dossier: inout Dossier, line: Int) throws(StoreError) -> Restoration? {
        switch entry.event {
        case .change(let written):
            return try entry.replaying(written, into: &dossier, journal: files.journal, line: line)
        case .restoreBackup(let name):
            // Named as it was where the restore was made: a copy of the dossier names its backups after itself.
            var backupPath = FilePath.join(files.backups, name)
            if (try? fileSystem.status(backupPath)) == nil, let found = (try? backups()).flatMap({ Backup.named(name, among: $0) }) {
                backupPath = found.path
            }
            guard let bytes = try read(backupPath) else {
                throw .damagedJournal(file: files.journal, damage: JournalFile.Damage(line: line, message: "back-up \(name) ontbreekt"))
            }
            let restored = try DossierFile.decode(bytes, file: backupPath)
            dossier = restored
            return nil
        }
    }

    // MARK: Appending

    /// Applies `change` and appends it to the journal; the caller holds the lock and has caught up.
    func appendLocked(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration {
        // Entries without a lineage (an older version's) are folded into the snapshot first: a journal
        // holds entries of one lineage only.
        if lineage == nil && hasJournal { try compactLocked(dossier, at: context.timestamp, keeping: nil) }
        try checkHistoryEnds(before: lastSequence + 1)
        // A dossier that never had a lineage gets one with its first entry — only once that entry is written.
        let entryLineage = lineage ?? Lineage.make()
        let (undo, entry) = try JournalEntry.recording(change, in: &dossier, after: lastSequence, lineage: entryLineage, previous: tail,
                                                       context: context, recentOthers: recentOthers,
                                                       dates: configuration.dates(clock: clock), today: clock.today())
        do {
            try append(entry)
        } catch {
            // Put back exactly what was there; the restoration of a state we just left always applies.
            _ = try? dossier.apply(.restore(undo), context: context)
            throw .fileSystem(error)
        }
        lineage = entryLineage
        return undo
    }

    /// Writes the line break a whole last entry of the journal lacks, flushed. Only with the lock held.
    private func endLastJournalLine() throws(StoreError) {
        do {
            let descriptor = try fileSystem.openForAppending(files.journal, mode: try companionMode())
            defer { fileSystem.close(descriptor) }
            try fileSystem.write(descriptor, [UInt8(ascii: "\n")], path: files.journal)
            try fileSystem.synchronize(descriptor, path: files.journal)
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Appends one line, flushed. A torn tail a crashed writer left is cut off first; a line that fails half
    /// way is cut off again, so the journal always ends on a complete line.
    func append(_ entry: JournalEntry) throws(FileSystemError) {
        let (line, checksum) = entry.encodedLine()
        let existed = try fileSystem.status(files.journal) != nil
        let descriptor = try fileSystem.openForAppending(files.journal, mode: try companionMode())
        defer { fileSystem.close(descriptor) }
        let status = try fileSystem.status(of: descriptor, path: files.journal)
        if !existed {
            shareWithSnapshotGroup(files.journal)
            try fileSystem.synchronizeDirectory(files.directory)
            forgetJournal()
            journalFile = status.inode
        }
        if status.size > Int64(journalLength) {
            try fileSystem.truncate(descriptor, length: Int64(journalLength), path: files.journal)
            try fileSystem.synchronize(descriptor, path: files.journal)
        }
        do {
            try fileSystem.write(descriptor, line, path: files.journal)
            try fileSystem.synchronize(descriptor, path: files.journal)
        } catch {
            // Cut off whatever part of the line was written, so the next append starts on a clean line. Where that fails
            // too, what is left is a change the user was told was not saved: this store's next change cuts it off, never
            // ends it (`abandonedAppend`; another program cannot know, see docs/data-safety.md).
            do {
                try fileSystem.truncate(descriptor, length: Int64(journalLength), path: files.journal)
            } catch {
                abandonedAppend = journalLength
            }
            throw error
        }
        abandonedAppend = nil
        tailLine = (journalLength, checksum)
        journalLength += line.count
        journalSeenSize = Int64(journalLength)
        journalLines += 1
        journalEntryCount += 1
        lastSequence = entry.sequence
        tail = checksum
        lastSummary = entry.summary
        // A change saved after a journal cut short: the journal as it now is counts (the side index may follow it again).
        journalCutShort = false
        if journalFirstSequence == nil { journalFirstSequence = entry.sequence }
    }

    /// The mode for files beside the snapshot: the snapshot's own (a team may share it through its group),
    /// but never readable by others: it holds personal data.
    func companionMode() throws(FileSystemError) -> UInt32 {
        DurableWriter.sharedMode(following: (try fileSystem.status(path))?.mode)
    }

    /// Folders beside the snapshot (backups, history): the owner's, and the group's when the snapshot is
    /// shared with its group; never others'.
    func directoryMode() throws(FileSystemError) -> UInt32 {
        (try companionMode()) & 0o060 == 0o060 ? 0o770 : 0o700
    }
}

/// A change another program made, as this one applied it: the journal entry (who, when, what) and what it
/// touched (nil: it replaced the whole dossier, a restore from a backup).
public struct OthersChange: Sendable {
    public var entry: JournalEntry
    public var restoration: Restoration?

    public init(entry: JournalEntry, restoration: Restoration?) {
        self.entry = entry
        self.restoration = restoration
    }
}

extension DossierStore {
    /// The first bytes of the snapshot, where its header is (`SnapshotHeader`).
    func snapshotHead() throws(FileSystemError) -> [UInt8] {
        var head = [UInt8](repeating: 0, count: SnapshotHeader.headSize)
        let descriptor = try fileSystem.openForReading(path)
        defer { fileSystem.close(descriptor) }
        let count = try head.withUnsafeMutableBytes { buffer in
            Result { () throws(FileSystemError) -> Int in try fileSystem.read(descriptor, from: 0, into: buffer, path: path) }
        }.get()
        head.removeLast(head.count - count)
        return head
    }

    /// The number of the last change the snapshot itself holds, read from its header; for one without a header (never
    /// merged: a copy of the bundled dossier, `dossier new`), what this store read from it, if it read one; else nil.
    public var snapshotChangeNumber: Int? {
        (try? snapshotHead()).flatMap { SnapshotHeader(head: $0) }?.sequence ?? (snapshotFile != nil ? snapshotSequence : nil)
    }
}
