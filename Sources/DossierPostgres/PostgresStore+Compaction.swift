#if PostgreSQL
import DossierCore
import PostgresNIO

extension PostgresStore {
    /// Writes a snapshot of `dossier` now (unless another program is compacting).
    public func compact(_ dossier: Dossier, at moment: Timestamp) throws(StoreError) {
        guard isWritable else { throw .readOnly(file: location) }
        guard !dossier.isPart else { throw .partOfDossier(file: location) }
        guard let job = snapshotWrite(of: dossier) else { return }
        let written: WrittenSnapshot
        do {
            written = try job.run()
        } catch {
            discard(written: nil)
            throw .fileSystem(error)
        }
        try finishCompaction(written, at: moment)
    }

    func compactQuietly(_ dossier: Dossier, at moment: Timestamp) {
        do {
            try compact(dossier, at: moment)
        } catch {
            notices.append("De wijziging is bewaard, maar er kon geen nieuwe momentopname worden gemaakt: \(error.description)")
        }
    }

    /// The snapshot to write, encoded on another thread by the caller; nil when another program holds the
    /// compaction lock (one compactor at a time).
    public func snapshotWrite(of dossier: Dossier) -> SnapshotWrite? {
        guard isWritable, newerVersion == nil else { return nil }
        if !holdsCompactionLock {
            guard let row = try? link.query("SELECT pg_try_advisory_lock(\(PostgresSchema.compactionLock))").first,
                  (try? decode(row, as: Bool.self)) == true else { return nil }
            holdsCompactionLock = true
        }
        var snapshot = dossier
        snapshot.setJournalPosition(sequence: lastSequence, lineage: lineage, tail: tail)
        return SnapshotWrite(encoding: snapshot)
    }

    /// Stores a written snapshot. Unlike a file, the log is not cut off at a snapshot, so one made a little
    /// while ago still holds: the changes after it stay in the log.
    @discardableResult
    public func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp) throws(StoreError) -> Bool {
        defer { discard(written: nil) }
        guard case .bytes(let bytes) = written.content else { return false }
        guard written.sequence > snapshotSequence else { return false }
        let name = Backup.name(snapshotName: "dossier.json", at: moment, sequence: written.sequence)
        try link.query("""
            INSERT INTO dossier_snapshots (seq, name, body)
            VALUES (\(Int64(written.sequence)), \(name), \(String(decoding: bytes, as: UTF8.self)))
            ON CONFLICT (name) DO NOTHING
            """)
        snapshotSequence = written.sequence
        if let list = written.list { try storeListIndex(list, sequence: written.sequence, on: link) }
        try pruneSnapshots()
        return true
    }

    public func discard(_ written: WrittenSnapshot) {
        discard(written: written)
    }

    private func discard(written: WrittenSnapshot?) {
        guard holdsCompactionLock else { return }
        _ = try? link.query("SELECT pg_advisory_unlock(\(PostgresSchema.compactionLock))")
        holdsCompactionLock = false
    }

    public func close(_ dossier: Dossier?, at moment: Timestamp) throws(StoreError) {
        if let dossier, isWritable, needsCompaction { try compact(dossier, at: moment) }
        startFacts = nil
        listener?.close()
        link.close()
    }

    /// Keeps the newest snapshot and the configured number of backups before it, and any snapshot a restore
    /// after the newest snapshot still names.
    private func pruneSnapshots() throws(StoreError) {
        try link.query("""
            DELETE FROM dossier_snapshots WHERE id NOT IN (
                SELECT id FROM dossier_snapshots ORDER BY seq DESC, id DESC LIMIT \(Int64(configuration.backupsToKeep + 1))
            ) AND name NOT IN (
                SELECT substring(entry FROM '"restoreBackup":"([^"]*)"') FROM dossier_changes
                WHERE seq > \(Int64(snapshotSequence)) AND entry LIKE '%"restoreBackup"%'
            )
            """)
    }

    // MARK: Restore

    /// Replaces the dossier by a backup (an older snapshot), journaled as a change, in one transaction.
    public func restore(backup name: String, current: Dossier?, context: ChangeContext) throws(StoreError) -> Dossier {
        guard writer != nil else { throw .readOnly(file: location) }
        var restored = try snapshot(named: name)
        var working = current ?? restored
        let (sequence, checksum) = try link.transaction { () throws(StoreError) -> (Int, String) in
            try takeAppendLock()
            if current != nil {
                pendingOthers += try catchUp(&working)
                // The state before the restore is kept among the backups, as a file's is: restore puts back, it loses nothing.
                if try link.query("SELECT 1 FROM dossier_snapshots WHERE seq = \(Int64(lastSequence)) LIMIT 1").first == nil {
                    var before = working
                    before.setJournalPosition(sequence: lastSequence, lineage: try lineageForWriting(), tail: tail)
                    try insertSnapshot(before, named: Backup.name(snapshotName: "dossier.json", at: context.timestamp, sequence: lastSequence))
                }
            } else if let last = try link.query("SELECT seq, checksum FROM dossier_changes ORDER BY seq DESC LIMIT 1").first {
                // The dossier does not load: go on from the log's last entry as it stands.
                let (seq, checksum) = try decode(last, as: (Int64, String).self)
                lastSequence = Int(seq)
                tail = checksum
            }
            let entry = JournalEntry(sequence: lastSequence + 1, lineage: try lineageForWriting(), previous: tail, timestamp: context.timestamp,
                                     actor: context.actor, today: context.today, summary: "Teruggezet uit back-up \(name)",
                                     subjects: current == nil ? [] : working.subjectsDiffering(from: restored), event: .restoreBackup(name))
            let checksum = try insert(entry, id: "restore-\(entry.sequence)-\(context.timestamp.iso)")
            restored.setJournalPosition(sequence: entry.sequence, lineage: entry.lineage, tail: checksum)
            try insertSnapshot(restored, named: Backup.name(snapshotName: "dossier.json",
                                                            at: Timestamp(secondsSinceEpoch: context.timestamp.secondsSinceEpoch + 1), sequence: entry.sequence))
            return (entry.sequence, checksum)
        }
        lastSequence = sequence
        snapshotSequence = sequence
        tail = checksum
        return restored
    }

    /// Stores `dossier` as a snapshot of the change it says it holds (its journal position), under `name`.
    private func insertSnapshot(_ dossier: Dossier, named name: String) throws(StoreError) {
        try link.query("""
            INSERT INTO dossier_snapshots (seq, name, body)
            VALUES (\(Int64(dossier.journalSequence)), \(name), \(String(decoding: dossier.encoded(), as: UTF8.self)))
            """)
    }
}
#endif
