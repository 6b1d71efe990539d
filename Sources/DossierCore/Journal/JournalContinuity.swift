/// Whether a journal continues the snapshot beside it, and which of its entries are new to the snapshot.
///
/// A snapshot records its lineage, the last entry it holds (`journalSequence`) and that entry's checksum
/// (`journalTail`). Its journal continues it when every entry after that belongs to the same lineage and
/// the first names the tail as its `previous`. Entries up to `journalSequence` may still be there: a
/// compaction that stopped between writing the snapshot and archiving the journal leaves them; then the
/// entry at `journalSequence` must be the very entry the snapshot holds (same checksum).
///
/// A snapshot without a lineage (one never compacted by this version) is continued by entries of one
/// lineage, or of none (schemaVersion 1), never a mix: the store compacts such a dossier before it adds an
/// entry with a lineage to a journal of entries without one.
///
/// Anything else — a journal of another dossier, of another copy of this one, an older one, or one with a
/// gap — is refused. Replaying it would mix two histories or leave changes out without a word.
public enum JournalContinuity {
    /// Why a journal does not continue its snapshot, in Dutch.
    public struct Break: Error, Hashable, Sendable {
        public var reason: String
    }

    /// The entries after the snapshot's last one, in order.
    public static func newEntries(of journal: JournalFile, after snapshot: Dossier) throws(Break) -> ArraySlice<JournalEntry> {
        let entries = journal.entries
        guard let first = entries.first, let last = entries.last else { return [] }
        let held = snapshot.journalSequence
        if first.sequence > held + 1 {
            throw Break(reason: "het journaal begint bij wijziging \(first.sequence), maar het dossier loopt tot en met \(held): wijziging \(held + 1) tot en met \(first.sequence - 1) ontbreken")
        }
        if last.sequence < held {
            throw Break(reason: "het journaal (tot en met wijziging \(last.sequence)) is ouder dan het dossier (tot en met \(held)): het hoort bij een eerdere stand of een andere kopie")
        }
        let newStart = held + 1 - first.sequence
        // A snapshot without a lineage takes the one its first new entry names (none, for schemaVersion 1).
        let lineage = snapshot.lineage ?? entries[newStart...].first?.lineage
        for entry in entries[..<newStart] where entry.lineage != nil && entry.lineage != lineage {
            throw Break(reason: "wijziging \(entry.sequence) in het journaal hoort bij een ander dossier (\(entry.lineage ?? "")), niet bij dit (\(lineage ?? "zonder lineage"))")
        }
        for entry in entries[newStart...] where entry.lineage != lineage {
            if let other = entry.lineage {
                throw Break(reason: "wijziging \(entry.sequence) in het journaal hoort bij een ander dossier (\(other)), niet bij dit (\(lineage ?? "zonder lineage"))")
            }
            throw Break(reason: "wijziging \(entry.sequence) in het journaal is van een oudere versie van dossier en hoort niet bij dit dossierbestand")
        }
        let tail = snapshot.journalTail
        if newStart > 0 {
            // Entries the snapshot already holds: the one at its last sequence must be the very same.
            if !tail.isEmpty, journal.checksums[newStart - 1] != tail {
                throw Break(reason: "wijziging \(held) in het journaal is een andere dan die in het dossier: het journaal hoort bij een andere kopie van het dossier")
            }
        } else if let previous = first.previous, (!tail.isEmpty || held == 0), previous != tail {
            throw Break(reason: "wijziging \(first.sequence) in het journaal volgt niet op de laatste wijziging in het dossier: het journaal hoort bij een andere kopie van het dossier")
        }
        return entries[newStart...]
    }
}
