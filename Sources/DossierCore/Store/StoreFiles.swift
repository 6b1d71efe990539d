/// The files of a dossier at `path`: the snapshot itself and, beside it, the journal, the lock, the
/// archived journal segments and the backups.
public struct StoreFiles: Hashable, Sendable {
    public let snapshot: String

    public init(_ snapshot: String) {
        self.snapshot = snapshot
    }

    public var directory: String { FilePath.directory(of: snapshot) }
    public var journal: String { snapshot + ".journal" }
    public var lock: String { snapshot + ".lock" }
    /// Archived journal segments `journal-FIRST-LAST.jsonl`: the audit trail across compactions.
    public var history: String { snapshot + ".history" }
    /// Previous snapshots, kept at each compaction.
    public var backups: String { snapshot + ".backups" }

    public func historySegment(first: Int, last: Int) -> String {
        FilePath.join(history, "journal-\(pad(first))-\(pad(last)).jsonl")
    }

    private func pad(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 9 - text.count)) + text
    }
}
