/// The few top-level fields of a snapshot that say where it stands in its line of changes — its lineage, the
/// last journal entry it holds and that entry's checksum — read from the head of the file without decoding
/// the rest. The program writes them first (after `schemaVersion`), so the first few hundred bytes hold them.
///
/// A writer that sees the snapshot replaced uses this to tell a colleague's compaction (same lineage, a
/// sequence it can reach from the archived journal) from a file replaced by something else.
public struct SnapshotHeader: Hashable, Sendable {
    public var lineage: String?
    public var sequence: Int
    public var tail: String

    /// How many bytes of the file's head are looked at: enough for those fields, a small read of a large file.
    public static let headSize = 4_096

    /// Nil when the head does not look like a snapshot this program wrote.
    public init?(head bytes: some Collection<UInt8>) {
        let text = String(decoding: bytes.prefix(SnapshotHeader.headSize), as: UTF8.self)
        guard text.hasPrefix("{") else { return nil }
        lineage = SnapshotHeader.string(after: "\"lineage\": \"", in: text)
        tail = SnapshotHeader.string(after: "\"journalTail\": \"", in: text) ?? ""
        guard let lineage, Lineage.isValid(lineage) else { return nil }
        sequence = SnapshotHeader.number(after: "\"journalSequence\": ", in: text) ?? 0
        // The key order is fixed: the title follows these fields, so they must all come before it.
        guard let title = text.firstRange(of: "\"title\": ")?.lowerBound,
              text.firstRange(of: "\"lineage\": ")?.lowerBound ?? title < title else { return nil }
    }

    private static func string(after key: String, in text: String) -> String? {
        guard let start = text.firstRange(of: key)?.upperBound, let end = text[start...].firstIndex(of: "\"") else { return nil }
        return String(text[start..<end])
    }

    private static func number(after key: String, in text: String) -> Int? {
        guard let start = text.firstRange(of: key)?.upperBound else { return nil }
        return Int(text[start...].prefix(while: \.isNumber))
    }
}
