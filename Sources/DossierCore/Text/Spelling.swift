/// Which known word a mistyped one most likely meant, for "bedoelde u …?" in messages.
public enum Spelling {
    /// The known word that starts with what was typed (three characters or more), else the nearest one within
    /// two edits, ignoring case; nil when none is close.
    public static func closest(to typed: String, in known: [String]) -> String? {
        let folded = typed.lowercased()
        if folded.count >= 3, let prefixed = known.first(where: { $0.lowercased().hasPrefix(folded) }) { return prefixed }
        let scored = known.map { ($0, editDistance(folded, $0.lowercased())) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Insertions, deletions and substitutions that turn one word into the other (Levenshtein).
    public static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
