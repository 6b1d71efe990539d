import DossierCore

/// Programs outside the TUI that the runtime hands work to: the user's editor for a long text, and the
/// desktop's opener for a link. The terminal backend provides the real ones; tests a scripted one.
public protocol ExternalPrograms: AnyObject {
    /// Edits `text` in `$VISUAL`/`$EDITOR` with the terminal handed over meanwhile; the edited text, or why not.
    func edit(_ text: String, label: String) -> ExternalOutcome<String>
    /// Opens a link with `xdg-open` or `$BROWSER`; what was done, or plainly why it could not be.
    func open(_ target: LinkTarget) -> ExternalOutcome<String>
    /// Stops the program with the terminal handed back to the shell until it is continued (`fg`); why not when no
    /// shell could continue it.
    func suspend() -> ExternalOutcome<String>
}
