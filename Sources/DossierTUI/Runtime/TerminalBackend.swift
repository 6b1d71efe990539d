import DossierCore

/// What happened at the terminal.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Text the terminal marked as pasted (bracketed paste), as it came: never read as keys.
    case paste(String)
    /// No input for a moment; lets the loop notice the time and signals.
    case tick
    /// SIGTERM, SIGHUP or SIGINT arrived, or input ended: leave cleanly.
    case stop
    /// A stop from outside (SIGTSTP, `kill -TSTP`): hand the terminal to the shell as Ctrl-Z does.
    case suspendRequested
}

/// A terminal the TUI can show frames on and read keys from. The ncurses backend is the real one;
/// tests use a scripted one.
public protocol TerminalBackend: AnyObject {
    var width: Int { get }
    var height: Int { get }
    func show(_ canvas: Canvas)
    /// Waits (briefly) for the next event.
    func nextEvent() -> TerminalEvent
    /// The same, a tick after at most `milliseconds` without input.
    func nextEvent(waitingAtMost milliseconds: Int32) -> TerminalEvent
    /// An event that is already waiting (the rest of a paste), without waiting; nil when there is none.
    func pendingEvent() -> TerminalEvent?
}

extension TerminalBackend {
    public func pendingEvent() -> TerminalEvent? { nil }
    public func nextEvent(waitingAtMost milliseconds: Int32) -> TerminalEvent { nextEvent() }
}

/// The store as the TUI's runtime uses it: the one place where effects touch the disk (or the database).
public typealias StoreSession = ChangeSession
