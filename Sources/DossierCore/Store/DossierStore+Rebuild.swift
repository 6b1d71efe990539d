/// A dossier file that went (deleted, or damaged on disk) made again from what the store keeps beside it: a backup, the
/// changes after it that a compaction archived in the history folder, up to where the journal begins. Each compaction
/// keeps the snapshot it replaces as a backup and archives the journal it folded in, so the two together hold the lost
/// file's state, and the journal beside it goes on from there as it did from the lost file.
public struct RebuiltDossier: Sendable {
    /// The lost file's state.
    public var dossier: Dossier
    /// The backup it was made from.
    public var backup: String
    /// The changes taken from the history folder (empty when the backup itself was that state).
    public var replayed: ClosedRange<Int>?
    /// How many changes the journal holds after it.
    public var journalCount: Int
}

extension DossierStore {
    /// The state of the lost dossier file from `backup`, or nil when the history and the journal do not continue the backup
    /// link by link (a number missing, another lineage, another checksum): then only a restore of the backup is left.
    /// Reads only.
    public func rebuiltState(from backup: String) throws(StoreError) -> RebuiltDossier? {
        let backupPath = FilePath.join(files.backups, backup)
        guard Backup(name: backup, directory: files.backups, snapshotName: FilePath.name(of: path)) != nil,
              let bytes = try read(backupPath) else { throw .missing(file: backupPath) }
        var dossier = try DossierFile.decode(bytes, file: backupPath)
        guard let lineage = dossier.lineage else { return nil }
        let start = dossier.journalSequence
        var sequence = start, tail = dossier.journalTail
        func continues(_ entry: JournalEntry) -> Bool {
            entry.sequence == sequence + 1 && entry.lineage == lineage && entry.previous == tail
        }
        for segment in try archivedSegments(after: sequence) {
            let journal = try readSegment(segment)
            for (index, entry) in journal.entries.enumerated() where entry.sequence > sequence {
                guard continues(entry) else { return nil }
                _ = try replay(entry, into: &dossier, line: journal.entryLines.indices.contains(index) ? journal.entryLines[index] : index + 1)
                sequence = entry.sequence
                tail = journal.checksums[index]
            }
        }
        // The journal must go on right after it: else the state made is not the one the journal continues.
        let journal = try readJournal(from: 0)?.0
        if let first = journal?.entries.first, !continues(first) { return nil }
        dossier.journalSequence = sequence
        dossier.journalTail = tail
        return RebuiltDossier(dossier: dossier, backup: backup, replayed: sequence > start ? (start + 1)...sequence : nil,
                              journalCount: journal?.entries.count ?? 0)
    }

    /// Puts the rebuilt state where the lost file was, under the lock; a damaged file there is kept first (as a restore keeps
    /// it, `…-onleesbaar.json`). The journal stays as it is: it continues this state. Made again under the lock, so that
    /// what is written is what the files hold now.
    public func installRebuilt(from backup: String, at moment: Timestamp) throws(StoreError) -> RebuiltDossier {
        try withChangeLock(checkingState: false) { () throws(StoreError) -> RebuiltDossier in
            guard let rebuilt = try rebuiltState(from: backup) else { throw .changedOnDisk(file: path) }
            let writer = DurableWriter(fileSystem: fileSystem)
            let written: WrittenSnapshot
            do throws(FileSystemError) {
                try keepBackupOfSnapshot(at: moment, as: files.setAsideSnapshot(at: moment))
                written = try SnapshotWrite(path: path, snapshot: rebuilt.dossier, writer: writer).run()
            } catch {
                throw .fileSystem(error)
            }
            guard let replacement = written.replacement else { throw .readOnly(file: path) }
            do throws(FileSystemError) {
                try writer.install(replacement)
            } catch {
                throw .fileSystem(error)
            }
            return rebuilt
        }
    }
}
