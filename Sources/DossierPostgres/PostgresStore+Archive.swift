#if PostgreSQL
import DossierCore
import PostgresNIO

extension PostgresStore: ArchiveStorage {
    public func holdsNothing() throws(StoreError) -> Bool {
        guard try schemaVersion() != nil else { return true }
        let rows = try link.query("SELECT (SELECT count(*) FROM dossier_changes) + (SELECT count(*) FROM dossier_snapshots)")
        return try decode(rows.first, as: Int64.self) == 0
    }

    /// The dossier as it is now, every change in the log (exactly as written, with the role recorded for it) and the older
    /// snapshots.
    public func exportArchive() throws(StoreError) -> DossierArchive {
        let current = try load()
        var snapshot = current
        snapshot.setJournalPosition(sequence: lastSequence, lineage: lineage, tail: tail)
        var lines: [[UInt8]] = []
        var roles: [Int: RecordedRole] = [:]
        for row in try link.query("SELECT seq, entry, db_role::text, change_id FROM dossier_changes WHERE seq <= \(Int64(lastSequence)) ORDER BY seq") {
            let (seq, entry, role, id) = try decode(row, as: (Int64, ByteBuffer, String, String).self)
            lines.append(entry.bytes)
            roles[Int(seq)] = CopiedChange.recordedRole(id: id, databaseRole: role)
        }
        var backups: [ArchivedBackup] = []
        for backup in try self.backups().reversed() {
            guard let row = try link.query("SELECT body FROM dossier_snapshots WHERE name = \(backup.name)").first else { continue }
            backups.append(ArchivedBackup(name: backup.name, sequence: backup.sequence, timestamp: backup.timestamp,
                                          bytes: try decode(row, as: ByteBuffer.self).bytes))
        }
        return DossierArchive(snapshot: snapshot.encoded(), sequence: lastSequence, lines: lines, backups: backups, roles: roles)
    }

    /// Puts a whole dossier in, in one transaction: its lineage, every journal line as a change (the role
    /// column says who copied it; the name in each entry who made it, and the change id the role the source recorded:
    /// `CopiedChange`), the backups and the current snapshot.
    /// A database that holds a dossier already is refused unless `replacing`; then its tables are made anew, in the same
    /// transaction: a copy that fails halfway (the network, a full disk) leaves the dossier that was there.
    public func importArchive(_ archive: DossierArchive, replacing: Bool) throws(StoreError) {
        let version = try schemaVersion()
        if let version, version > PostgresSchema.currentVersion { throw newerLayout(version) }
        let replacesOne = try !holdsNothing()
        if replacesOne, !replacing {
            throw .targetTaken("de database \(location) heeft al een dossier; er is niets geschreven. Geef --replace om het te vervangen (het logboek gaat dan verloren)")
        }
        let hasTables = version != nil
        let journal: JournalFile
        do {
            journal = try archive.entries()
        } catch {
            throw .damagedJournal(file: location, damage: error)
        }
        let current = try DossierFile.decode(archive.snapshot, file: "\(location) (kopie)")
        try link.transaction { () throws(StoreError) in
            try takeAppendLock()
            if replacesOne {
                try link.query("DROP TABLE IF EXISTS dossier_changes, dossier_snapshots, dossier_list_index, dossier_meta CASCADE")
                try link.query("DROP FUNCTION IF EXISTS dossier_changes_role(), dossier_changes_append_only() CASCADE")
            }
            if replacesOne || !hasTables { try createSchema(from: nil) }
            if let lineage = current.lineage {
                try link.query("INSERT INTO dossier_meta (key, value) VALUES ('lineage', \(lineage)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
            }
            for (entry, (line, checksum)) in zip(journal.entries, zip(archive.lines, journal.checksums)) {
                try link.query("""
                    INSERT INTO dossier_changes (seq, change_id, actor, summary, entry, checksum)
                    VALUES (\(Int64(entry.sequence)), \(CopiedChange.id(sequence: entry.sequence, recorded: archive.roles[entry.sequence])), \(PostgresStore.storable(entry.actor)), \(PostgresStore.storable(entry.summary)),
                            \(String(decoding: line, as: UTF8.self)), \(checksum))
                    """)
            }
            for backup in archive.backups {
                try link.query("""
                    INSERT INTO dossier_snapshots (seq, name, written_at, body)
                    VALUES (\(Int64(backup.sequence)), \(backup.name), to_timestamp(\(Double(backup.timestamp.secondsSinceEpoch))),
                            \(String(decoding: backup.bytes, as: UTF8.self)))
                    """)
            }
            let name = Backup.name(snapshotName: "dossier.json", at: clock.now(), sequence: archive.sequence)
            try link.query("""
                INSERT INTO dossier_snapshots (seq, name, body)
                VALUES (\(Int64(archive.sequence)), \(name), \(String(decoding: archive.snapshot, as: UTF8.self)))
                """)
            try storeListIndex(ListIndex(dossier: current), sequence: archive.sequence, on: link)
        }
    }
}
#endif
