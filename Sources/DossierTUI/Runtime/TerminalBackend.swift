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
    /// An event that is already waiting (the rest of a paste), without waiting; nil when there is none.
    func pendingEvent() -> TerminalEvent?
}

extension TerminalBackend {
    public func pendingEvent() -> TerminalEvent? { nil }
}

/// The store as the TUI's runtime uses it: the one place where effects touch the disk.
public protocol StoreSession: AnyObject {
    /// Applies the change to the dossier in place and saves it, or leaves the dossier as it was and says why.
    func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration
    /// Every change ever journaled, oldest first.
    func history() throws(StoreError) -> [JournalEntry]
    /// Reads the dossier from disk again.
    func load() throws(StoreError) -> Dossier
    /// Applies what others wrote since this session last looked (also what `commit` applied before its
    /// own change); `.changedOnDisk` when the files were replaced in a way that cannot be followed.
    func refresh(_ dossier: inout Dossier) throws(StoreError) -> [OthersChange]
    /// The others' changes `commit` applied before its own, not yet taken.
    func takeOthersChanges() -> [OthersChange]
    /// What the user should know about the last load or save.
    var notices: [String] { get }

    /// Whether the journal has grown enough to rewrite the snapshot. The loop then compacts in three
    /// steps so that no key waits for it: `snapshotWrite` here, its `run()` on another thread, and
    /// `finishCompaction` back here.
    var needsCompaction: Bool { get }
    func snapshotWrite(of dossier: Dossier) -> SnapshotWrite?
    /// False when changes were committed meanwhile: the written snapshot is dropped, try again later.
    func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp) throws(StoreError) -> Bool
    func discard(_ written: WrittenSnapshot)
}

extension DossierStore: StoreSession {}
