import DossierCore

/// What happens to the TUI: a key, a new window size, or the store's answer to a commit.
public enum Message: Sendable {
    case key(Key)
    /// Characters that arrived together (a paste, or typing ahead of a slow frame), handled as those keys
    /// one by one would be, but put into a focused text field or the search line in one step.
    case typed(String)
    /// Text the terminal marked as pasted: only ever text in a field or the search line, never a key.
    case pasted(String)
    /// A stop from outside (SIGTSTP): handed to the shell as with Ctrl-Z, wherever the screen is.
    case suspendRequested
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
    /// Others changed the dossier (another screen, a command): already applied to `dossier`, with what each
    /// change touched.
    case othersChanged([OthersChange])
    /// The files were replaced in a way this session cannot follow (another file copied over it …).
    case outsideChangeDetected
    /// The dossier cannot be read now (a shared folder out of reach): the screen keeps what it shows.
    case storeUnreachable(StoreError)
    /// It can be read again.
    case storeReachable
    /// Rewriting the snapshot in the background failed; every change is still safe in the journal.
    case compactionFailed(StoreError)
    /// The search keys, made on another thread for the dossier as it was at `revision` (see
    /// `AppState.revision`); taken only when the dossier is still that one.
    case searchKeysMade(SearchKeys, revision: Int)
    /// A form field came back from `$VISUAL`/`$EDITOR` (`editExternally`): the new text, or why not.
    case externalEditFinished(fieldID: String, ExternalOutcome<String>)
    /// The desktop's opener took a link (`openLink`), or could not.
    case linkOpened(ExternalOutcome<String>)
    /// The shell continued the program after `suspend`, or it could not be suspended (why).
    case resumed(ExternalOutcome<String>)
}

/// What an outside program (the editor, the opener) came back with: a result, or a plain Dutch reason.
public enum ExternalOutcome<Value: Sendable & Hashable>: Sendable, Hashable {
    case done(Value)
    case failed(String)
}

/// What the TUI asks the runtime to do; `update` itself never touches the disk or the terminal.
public enum Effect: Hashable, Sendable {
    /// Apply and save this change through the store (the one change path).
    case commit(Change, seen: SeenRecords)
    /// Read the change log, for one relation or activity or (nil) the whole dossier.
    case loadHistory(subject: String?)
    /// Read the dossier from disk again.
    case reload
    /// Hand a form's long text to `$VISUAL`/`$EDITOR` (the terminal suspended meanwhile) and bring it back.
    case editExternally(fieldID: String, label: String, text: String)
    /// Open a link with the desktop's opener (`xdg-open`, `$BROWSER`).
    case openLink(LinkTarget)
    /// Stop the program and hand the terminal to the shell it was started from, until `fg`.
    case suspend
    case quit
}
