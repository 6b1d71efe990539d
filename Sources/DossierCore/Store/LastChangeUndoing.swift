/// A storage that can say what takes back the last change of its log, for `dossier undo`: the file (from its journal, or
/// by replaying the archived changes on a backup) and the database (every change stays in its log, replayed on the newest
/// snapshot from before the last change).
public protocol LastChangeUndoing: DossierStorage {
    /// The last change of the log, after `load`, with what undoes it (nil for a backup put back). Nil when there is no
    /// change, or the state before it cannot be rebuilt.
    func lastChangeWithUndo() throws(StoreError) -> (entry: JournalEntry, undo: Restoration?)?
}

extension DossierStore: LastChangeUndoing {}
