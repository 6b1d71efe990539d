import DossierCore

/// What happens to the TUI: a key, a new window size, or the store's answer to a commit.
public enum Message: Sendable {
    case key(Key)
    /// Characters that arrived together (a paste, or typing ahead of a slow frame), handled as those keys
    /// one by one would be, but put into a focused text field or the search line in one step.
    case typed(String)
    case resize(width: Int, height: Int)
    /// The change was saved; applying the restoration undoes it.
    case committed(Restoration)
    /// The change was refused or could not be saved; the dossier is as it was.
    case commitFailed(StoreError)
    /// The change log asked for with `loadHistory`.
    case historyLoaded(subject: String?, [JournalEntry])
    /// The dossier as read from disk again, with anything worth telling.
    case reloaded(Dossier, notices: [String])
    /// Reading (history or the dossier) failed.
    case readFailed(StoreError)
    /// The files changed on disk, written by someone else.
    case outsideChangeDetected
    /// Rewriting the snapshot in the background failed; every change is still safe in the journal.
    case compactionFailed(StoreError)
}

/// What the TUI asks the runtime to do; `update` itself never touches the disk or the terminal.
public enum Effect: Hashable, Sendable {
    /// Apply and save this change through the store (the one change path).
    case commit(Change)
    /// Read the change log, for one relation or activity or (nil) the whole dossier.
    case loadHistory(subject: String?)
    /// Read the dossier from disk again.
    case reload
    case quit
}
