import DossierCore

/// What happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// No input for a moment; lets the loop notice the time and signals.
    case tick
    /// SIGTERM, SIGHUP or SIGINT arrived, or input ended: leave cleanly.
    case stop
}

/// A terminal the TUI can show frames on and read keys from. The ncurses backend is the real one;
/// tests use a scripted one.
public protocol TerminalBackend: AnyObject {
    var width: Int { get }
    var height: Int { get }
    func show(_ canvas: Canvas)
    /// Waits (briefly) for the next event.
    func nextEvent() -> TerminalEvent
}

/// Carries out a `commit` effect: applies the change to the dossier in place and saves it, or leaves
/// the dossier as it was and says why.
public protocol CommitPerformer {
    func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration
}

extension DossierStore: CommitPerformer {}
