import DossierCore

/// What happens to the TUI: a key, a new window size, or the store's answer to a commit.
public enum Message: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The change was saved; applying the restoration undoes it.
    case committed(Restoration)
    /// The change was refused or could not be saved; the dossier is as it was.
    case commitFailed(StoreError)
}

/// What the TUI asks the runtime to do; `update` itself never touches the disk or the terminal.
public enum Effect: Hashable, Sendable {
    /// Apply and save this change through the store (the one change path).
    case commit(Change)
    case quit
}
