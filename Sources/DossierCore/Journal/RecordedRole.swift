/// Who a database recorded for a change, beside the change's own bytes (where a configuration file could forge it): the
/// role that made it, or, for a change that `dossier copy` brought in from a file's journal without one, the role that
/// copied it in. A file store never records a role itself; a file that has one holds it as the database recorded it.
public struct RecordedRole: Hashable, Sendable {
    /// The database role that made the change.
    public var role: String?
    /// The database role that copied the change in from a file, when no role had made it there.
    public var copiedBy: String?

    public init(role: String? = nil, copiedBy: String? = nil) {
        self.role = role
        self.copiedBy = copiedBy
    }

    /// Whether nothing is recorded.
    public var isEmpty: Bool { role == nil && copiedBy == nil }
}

extension JournalEntry {
    /// The roles the entry carries (nil: none, a file's own change).
    public var recordedRole: RecordedRole? {
        get {
            let recorded = RecordedRole(role: role, copiedBy: copiedBy)
            return recorded.isEmpty ? nil : recorded
        }
        set {
            role = newValue?.role
            copiedBy = newValue?.copiedBy
        }
    }
}
