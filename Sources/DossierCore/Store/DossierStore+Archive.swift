extension DossierStore: ArchiveStorage {
    public func holdsNothing() throws(StoreError) -> Bool {
        guard (try? fileSystem.status(path)) ?? nil == nil else { return false }
        return !hasTraces()
    }

    /// The dossier as it is now, every journal line (archived segments, then the journal, each change once)
    /// and the backups.
    public func exportArchive() throws(StoreError) -> DossierArchive {
        let current = try load()
        let snapshot = snapshotJob(of: current).snapshot
        var lines: [[UInt8]] = []
        var roles: [Int: RecordedRole] = [:]
        let marks = try recordedRoles()
        var last = 0
        var sources = try archivedSegments(after: 0)
        if (try? fileSystem.status(files.journal)) ?? nil != nil { sources.append(files.journal) }
        for source in sources {
            guard let bytes = try read(source) else { continue }
            var journal: JournalFile
            do {
                journal = try JournalFile.parse(bytes)
            } catch {
                throw .damagedJournal(file: source, damage: error)
            }
            JournalRoles.apply(marks, to: &journal)
            for (entry, line) in zip(journal.entries, JournalFile.lines(of: bytes, upTo: journal.validLength))
                where entry.sequence > last && entry.sequence <= snapshot.journalSequence {
                lines.append(line)
                roles[entry.sequence] = entry.recordedRole
                last = entry.sequence
            }
        }
        var backups: [ArchivedBackup] = []
        for backup in try self.backups().reversed() {
            guard let bytes = try read(backup.path) else { continue }
            backups.append(ArchivedBackup(name: backup.name, sequence: backup.sequence, timestamp: backup.timestamp, bytes: bytes))
        }
        return DossierArchive(snapshot: snapshot.encoded(), sequence: snapshot.journalSequence, lines: lines, backups: backups, roles: roles)
    }

    /// Writes a whole dossier into a place where none is: the snapshot, the journal lines as one archived
    /// segment (with the roles a database recorded for them beside it), the backups under this file's name. A file or its traces already there are never replaced.
    public func importArchive(_ archive: DossierArchive, replacing: Bool) throws(StoreError) {
        guard try holdsNothing() else {
            throw .targetTaken("\(path) bestaat al (of zijn journaal, back-ups of geschiedenis); er is niets geschreven. Kopieer naar een nieuw bestand: een bestaand dossier wordt nooit overschreven")
        }
        let entries: JournalFile
        do {
            entries = try archive.entries()
        } catch {
            throw .damagedJournal(file: path, damage: error)
        }
        do {
            let writer = DurableWriter(fileSystem: fileSystem)
            try fileSystem.createDirectory(files.directory, mode: 0o700)
            if let first = entries.entries.first?.sequence, let last = entries.entries.last?.sequence {
                try fileSystem.createDirectory(files.history, mode: 0o700)
                var bytes: [UInt8] = []
                for line in archive.lines {
                    bytes += line
                    bytes.append(UInt8(ascii: "\n"))
                }
                try writer.replace(files.historySegment(first: first, last: last), with: bytes)
                // The roles a database recorded, beside the lines (which cannot hold them); a file never records one itself.
                let roles = JournalRoles.encode(archive.roles, of: entries)
                if !roles.isEmpty { try writer.replace(files.historyRoles(first: first, last: last), with: roles) }
            }
            if !archive.backups.isEmpty {
                try fileSystem.createDirectory(files.backups, mode: 0o700)
                for backup in archive.backups {
                    let name = Backup.name(snapshotName: FilePath.name(of: path), at: backup.timestamp, sequence: backup.sequence)
                    try writer.replace(FilePath.join(files.backups, name), with: backup.bytes)
                }
            }
            try writer.replace(path, with: archive.snapshot)
        } catch {
            removeFailedImport()
            throw .fileSystem(error)
        }
    }

    /// What an import that failed halfway (a disk that filled up) wrote, taken away again, so that the message's "nothing is
    /// half written" holds and a second try finds the place empty: before it nothing of this dossier was there
    /// (`holdsNothing`), so the history and backups folders hold only what it wrote. The snapshot is written last, whole or
    /// not at all.
    private func removeFailedImport() {
        for folder in [files.history, files.backups] {
            for name in (try? fileSystem.contentsOfDirectory(folder)) ?? [] { try? fileSystem.removeFile(FilePath.join(folder, name)) }
            try? fileSystem.removeDirectory(folder)
        }
    }
}
