/// The identity of one dossier's line of changes: 128 random bits as 32 lowercase hex digits, given when a
/// dossier is first written and kept by every snapshot and journal entry after it. A copy of the file keeps
/// it too; what tells two copies' journals apart is the chain of checksums (`JournalEntry.previous`).
public enum Lineage {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ -> String in
            let digits = String(UInt32.random(in: 0...UInt32.max, using: &generator), radix: 16)
            return String(repeating: "0", count: 8 - digits.count) + digits
        }.joined()
    }

    /// The tail of a new dossier that holds no change yet (`Dossier.beginLineage`): random, in the form of a checksum
    /// (8 hexadecimal characters), so that the first entry after it names that very file.
    public static func origin() -> String {
        let digits = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
