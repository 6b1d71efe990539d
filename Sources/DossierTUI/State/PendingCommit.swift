/// Why a change was handed to the store, so the answer can be handled: close the form that made it,
/// record it for undo, or move it between the undo and redo lists.
public enum PendingCommit: Hashable, Sendable {
    /// From the open form; on success the form closes and `success` is shown.
    case form(success: String)
    /// A change made directly (a tick, a delete); `success` is shown.
    case direct(success: String)
    /// Undoing or redoing; `summary` says what is put back, field by field, as the log does.
    case undo(summary: String)
    case redo(summary: String)
}
