#if PostgreSQL
import DossierCore
import PostgresNIO

/// The lists of the start screen beside the snapshot (`dossier_list_index`), as the file store keeps them in
/// its side index: a large dossier's first screen and `dossier relations` read them instead of the whole
/// snapshot, while the screen reads the dossier behind them. Believed only for the dossier at the last change
/// in the log; anything else is read in full. A copy on this computer (`listCache`) is read while the
/// connection is made and believed when the server's list has the same digest.
extension PostgresStore {
    public func listIndex() -> ListIndex? {
        // Another thread connects and asks whether the copy here is current, while this one reads it. (The
        // link is not touched here until that thread is done.)
        let link = self.link
        let asking = BackgroundTask { link.ask(StartFacts.question(withListDigest: true)) }
        let cached = listCache?.read()
        let facts = Result { () throws(StoreError) in try StartFacts(try asking.wait().rows(), store: self) }
        startFacts = facts
        guard case .success(let answered) = facts, answered.schemaVersion == PostgresSchema.currentVersion,
              let digest = answered.listDigest else { return nil }
        if let cached, cached.digest == digest { return cached.list }
        guard let row = try? link.query("SELECT body, digest FROM dossier_list_index WHERE \(unescaped: Self.currentList)").first,
              let (body, digestNow) = try? decode(row, as: (ByteBuffer, String).self) else { return nil }
        let bytes = body.bytes
        listCache?.write(digest: digestNow, body: bytes)
        return ListIndex(encoded: bytes)
    }

    /// Writes the lists of `dossier` (as this store holds it now) on a connection of the job's own, so that it
    /// may run beside the screen's loop; nil when they are there already or this store does not write.
    public func listIndexWrite(of dossier: Dossier) -> ListIndexWrite? {
        guard isWritable, newerVersion == nil, !dossier.isPart else { return nil }
        let sequence = lastSequence
        if let stored = try? link.query("SELECT 1 FROM dossier_list_index WHERE seq = \(Int64(sequence)) AND format = \(ListIndex.encodingFormat)"),
           !stored.isEmpty { return nil }
        let (address, cache) = (self.address, listCache)
        return ListIndexWrite {
            let link = PostgresLink(address: address)
            defer { link.close() }
            // A cache: when it cannot be written, the next start reads the whole dossier.
            try? PostgresStore.storeListIndex(ListIndex(dossier: dossier), sequence: sequence, on: link, cache: cache)
        }
    }

    /// Which row of `dossier_list_index` is believed: the one for the last change in the log, in this program's
    /// format (the start-up question's digest and the list read after it name the same row).
    static let currentList = """
        format = \(ListIndex.encodingFormat) AND seq = GREATEST(
            (SELECT coalesce(max(seq), 0) FROM dossier_changes), (SELECT coalesce(max(seq), 0) FROM dossier_snapshots))
        """

    func storeListIndex(_ list: ListIndex, sequence: Int, on link: PostgresLink) throws(StoreError) {
        try PostgresStore.storeListIndex(list, sequence: sequence, on: link, cache: listCache)
    }

    /// Keeps only the newest: an older list is never believed again. The copy on this computer follows.
    static func storeListIndex(_ list: ListIndex, sequence: Int, on link: PostgresLink, cache: PostgresListCache?) throws(StoreError) {
        let body = list.encoded()
        let rows = try link.query("""
            WITH gone AS (DELETE FROM dossier_list_index WHERE seq < \(Int64(sequence)))
            INSERT INTO dossier_list_index (seq, format, body)
            VALUES (\(Int64(sequence)), \(ListIndex.encodingFormat), \(String(decoding: body, as: UTF8.self)))
            ON CONFLICT (seq) DO UPDATE SET format = EXCLUDED.format, body = EXCLUDED.body
            RETURNING digest
            """)
        if let cache, let digest = try? rows.first?.decode(String.self) { cache.write(digest: digest, body: body) }
    }
}

/// What a start needs to know of the database, asked in one round trip while the connection is still being
/// made: the schema's version, whether this role may append to the log and which role it is, and (for the
/// start screen) the digest of the list index for the last change.
struct StartFacts {
    var schemaVersion: Int?
    var mayAppend: Bool
    var role: String
    var listDigest: String?

    static func question(withListDigest: Bool) -> PostgresQuery {
        let digest = withListDigest ? "(SELECT digest FROM dossier_list_index WHERE \(PostgresStore.currentList))" : "NULL::text"
        return """
            SELECT (SELECT value FROM dossier_meta WHERE key = 'schema_version'),
                   has_table_privilege('dossier_changes', 'INSERT'), current_user::text, \(unescaped: digest)
            """
    }

    init(_ rows: [PostgresRow], store: PostgresStore) throws(StoreError) {
        let (version, mayAppend, role, digest) = try store.decode(rows.first, as: (String?, Bool, String, String?).self)
        schemaVersion = version.flatMap { Int($0) }
        self.mayAppend = mayAppend
        self.role = role
        listDigest = digest
    }
}
#endif

