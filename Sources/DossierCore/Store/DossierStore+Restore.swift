extension DossierStore {
    /// Replaces the dossier by a backup; works also when the current dossier cannot be loaded. Holds the lock
    /// the whole time: nobody appends while a restore is under way.
    ///
    /// When the current dossier loads (`current` is given), it is brought up to date with what others wrote
    /// and compacted, so that its state is itself a backup; the restore is journaled as the next entry of the
    /// same lineage; then the backup's content becomes the snapshot. At every moment the files hold either the
    /// old state, or the old state with a journal entry that names the backup (replaying it reads the backup,
    /// which is kept until the new snapshot is in place), or the new state.
    ///
    /// When it does not load (`current` is nil: a damaged snapshot, a foreign journal), nothing of it is
    /// deleted: the snapshot is kept among the backups, the journal is set aside in the history folder, and
    /// the restored dossier starts a new lineage.
    /// - Returns: the dossier as restored.
    public func restore(backup name: String, current: Dossier?, context: ChangeContext) throws(StoreError) -> Dossier {
        let backupPath = FilePath.join(files.backups, name)
        guard Backup(name: name, directory: files.backups, snapshotName: FilePath.name(of: path)) != nil,
              let bytes = try read(backupPath) else { throw .missing(file: backupPath) }
        var restored = try DossierFile.decode(bytes, file: backupPath)
        try withChangeLock(checkingState: false) { () throws(StoreError) in
            let summary = "Teruggezet uit back-up \(name)"
            if var current {
                _ = try catchUp(&current, holdingWriteLock: true)
                if hasJournal || lineage == nil || migratedFrom != nil {
                    try compactLocked(current, at: context.timestamp, keeping: name)
                }
                let entry = JournalEntry(sequence: lastSequence + 1, lineage: lineage, previous: tail, timestamp: context.timestamp,
                                         actor: context.actor, today: context.today, summary: summary, subjects: current.subjectsDiffering(from: restored),
                                         event: .restoreBackup(name))
                do throws(FileSystemError) {
                    try append(entry)
                } catch {
                    throw .fileSystem(error)
                }
            } else {
                let later = laterChanges(than: restored.journalSequence)
                let sequence = max(try highestKnownSequence(), later.last?.sequence ?? 0) + 1
                let hadJournal = ((try? fileSystem.status(files.journal)) ?? nil) != nil
                try setAsideUnloadable(at: context.timestamp)
                if let notice = DossierStore.leftOutNotice(later, setAsideJournal: hadJournal ? files.setAsideJournal(at: context.timestamp) : nil,
                                                           history: files.history) {
                    notices.append(notice)
                }
                lineage = Lineage.make()
                let entry = JournalEntry(sequence: sequence, lineage: lineage, previous: "", timestamp: context.timestamp,
                                         actor: context.actor, today: context.today, summary: summary, subjects: [], event: .restoreBackup(name))
                lastSequence = sequence - 1
                snapshotSequence = sequence - 1
                tail = ""
                do throws(FileSystemError) {
                    try append(entry)
                } catch {
                    throw .fileSystem(error)
                }
            }
            restored.journalSequence = lastSequence
            restored.lineage = lineage
            restored.journalTail = tail
            let written: WrittenSnapshot
            do throws(FileSystemError) {
                written = try SnapshotWrite(path: path, snapshot: restored, writer: DurableWriter(fileSystem: fileSystem)).run()
            } catch {
                throw .fileSystem(error)
            }
            // The backup restored stays too: the log names it, and undoing the restore reads it (the oldest one was pruned here).
            guard try installLocked(written, at: Timestamp(secondsSinceEpoch: context.timestamp.secondsSinceEpoch + 1), keeping: name,
                                    backingUp: current != nil) else {
                throw .changedOnDisk(file: path)
            }
        }
        isReplacedOutside = false
        return restored
    }

    /// Keeps an unloadable dossier's files where nothing is lost and nothing reads them by accident: the
    /// snapshot in the backups folder under a name no backup has (it is no state to go back to), the journal in the
    /// history folder under a name the log does not read.
    private func setAsideUnloadable(at moment: Timestamp) throws(StoreError) {
        do {
            snapshotSequence = 0
            try keepBackupOfSnapshot(at: moment, as: files.setAsideSnapshot(at: moment))
            if try fileSystem.status(files.journal) != nil {
                try fileSystem.createDirectory(files.history, mode: try directoryMode())
                try fileSystem.rename(files.journal, to: files.setAsideJournal(at: moment))
                try fileSystem.synchronizeDirectory(files.history)
                try fileSystem.synchronizeDirectory(files.directory)
            }
            snapshotFile = try fileSystem.status(path).map(FileIdentity.init)
        } catch {
            throw .fileSystem(error)
        }
        forgetJournal()
        migratedFrom = nil
        newerVersion = nil
    }

    /// The changes after a backup's state that the history and the journal still hold, as far as they read: what a
    /// restore over a dossier that does not load leaves out (they stay in their files, and are said).
    private func laterChanges(than sequence: Int) -> [JournalEntry] {
        var entries: [JournalEntry] = []
        for segment in (try? archivedSegments(after: sequence)) ?? [] {
            entries += ((try? readSegment(segment))?.entries ?? []).filter { $0.sequence > sequence }
        }
        let journal = (try? readJournal(from: 0))??.0
        entries += (journal?.entries ?? []).filter { entry in entry.sequence > max(sequence, entries.last?.sequence ?? 0) }
        return entries
    }

    /// Says which changes after the backup the restored dossier lacks, by whom, and where they still are.
    static func leftOutNotice(_ later: [JournalEntry], setAsideJournal: String?, history: String) -> String? {
        guard let first = later.first?.sequence, let last = later.last?.sequence else { return nil }
        var actors: [String] = []
        for entry in later where !actors.contains(entry.actor) { actors.append(entry.actor) }
        let count = later.count == 1 ? "de wijziging" : "de \(later.count) wijzigingen"
        let numbers = first == last ? "nr. \(first)" : "nrs. \(first)–\(last)"
        let whom = enumerated(actors)
        return "\(count) na deze back-up (\(numbers), van \(whom)) \(later.count == 1 ? "zit" : "zitten") niet in de teruggezette stand; "
            + "ze staan nog in \(history)" + (setAsideJournal.map { " en in het apart gezette journaal \($0)" } ?? "") + ". Voer opnieuw in wat moet blijven"
    }

    /// The highest journal entry number anywhere in the history and the backups, so that a dossier that
    /// starts anew after a restore never reuses a number the log already shows.
    private func highestKnownSequence() throws(StoreError) -> Int {
        max(try highestArchivedSequence(), try backups().map(\.sequence).max() ?? 0)
    }
}
