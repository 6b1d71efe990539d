#if PostgreSQL
import DossierCore
import PostgresNIO

/// The lists of the start screen beside the snapshot (`dossier_list_index`), as the file store keeps them in
/// its side index: a large dossier's first screen and `dossier relations` read them instead of the whole
/// snapshot, while the screen reads the dossier behind them. Believed only for the dossier at the last change
/// in the log; anything else is read in full.
extension PostgresStore {
    public func listIndex() -> ListIndex? {
        guard let row = try? link.query("""
                SELECT body FROM dossier_list_index
                WHERE format = \(ListIndex.encodingFormat) AND seq = GREATEST(
                    (SELECT coalesce(max(seq), 0) FROM dossier_changes), (SELECT coalesce(max(seq), 0) FROM dossier_snapshots))
                """).first,
              let body = try? decode(row, as: ByteBuffer.self) else { return nil }
        return ListIndex(encoded: body.bytes)
    }

    /// Writes the lists of `dossier` (as this store holds it now) on a connection of the job's own, so that it
    /// may run beside the screen's loop; nil when they are there already or this store does not write.
    public func listIndexWrite(of dossier: Dossier) -> ListIndexWrite? {
        guard isWritable, newerVersion == nil else { return nil }
        let sequence = lastSequence
        if let stored = try? link.query("SELECT 1 FROM dossier_list_index WHERE seq = \(Int64(sequence)) AND format = \(ListIndex.encodingFormat)"),
           !stored.isEmpty { return nil }
        let address = self.address
        return ListIndexWrite {
            let link = PostgresLink(address: address)
            defer { link.close() }
            // A cache: when it cannot be written, the next start reads the whole dossier.
            try? PostgresStore.storeListIndex(ListIndex(dossier: dossier), sequence: sequence, on: link)
        }
    }

    func storeListIndex(_ list: ListIndex, sequence: Int, on link: PostgresLink) throws(StoreError) {
        try PostgresStore.storeListIndex(list, sequence: sequence, on: link)
    }

    /// Keeps only the newest: an older list is never believed again.
    static func storeListIndex(_ list: ListIndex, sequence: Int, on link: PostgresLink) throws(StoreError) {
        try link.query("""
            WITH gone AS (DELETE FROM dossier_list_index WHERE seq < \(Int64(sequence)))
            INSERT INTO dossier_list_index (seq, format, body)
            VALUES (\(Int64(sequence)), \(ListIndex.encodingFormat), \(String(decoding: list.encoded(), as: UTF8.self)))
            ON CONFLICT (seq) DO UPDATE SET format = EXCLUDED.format, body = EXCLUDED.body
            """)
    }
}
#endif
