/// The first sentence of a text, for a summary that has room for one (the year report's "Wat het opleverde").
///
/// A sentence ends at ".", "!" or "?" followed by a space and a word that does not start with a small letter, or at the
/// end of the text. So a full stop inside a number ("€ 1.250.000") or an address, or after an abbreviation Dutch writes
/// with one ("ca. 400", "o.a. Pivot Park", "dhr. Jansen", "J. Jansen"), does not end it; one after a number does.
public enum FirstSentence {
    /// The first sentence of `text` on one line, ending in a full stop when it had no end of its own.
    public static func of(_ text: String) -> String {
        let line = text.replacingLineBreaks().trimmingSpaces()
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard ".!?".contains(characters[index]) else { continue }
            // Closing quotes and brackets belong to the sentence they end.
            var end = index
            while end + 1 < characters.count, "\"'”’)]".contains(characters[end + 1]) { end += 1 }
            guard end + 1 < characters.count else { break }
            guard characters[end + 1] == " " else { continue }
            let next = characters[(end + 1)...].first { $0 != " " }
            if let next, next.isLowercase { continue }
            if characters[index] == ".", isAbbreviation(word(before: index, in: characters)) { continue }
            return String(characters[...end])
        }
        let last = characters.last { !"\"'”’)]".contains($0) }
        return last.map { ".!?".contains($0) } == true ? line : line + "."
    }

    /// The word a full stop at `index` ends.
    private static func word(before index: Int, in characters: [Character]) -> String {
        var start = index
        while start > 0, characters[start - 1] != " ", characters[start - 1] != "(" { start -= 1 }
        return String(characters[start..<index])
    }

    /// A single letter (an initial), letters of one or two with dots between them (o.a, t.a.v, m.b.t), or one of the
    /// abbreviations Dutch writes with a full stop. Not a number ("1.250.000") or an address ("www.oss.nl").
    private static func isAbbreviation(_ word: String) -> Bool {
        if word.count == 1, word.first?.isLetter == true { return true }
        if word.contains(".") {
            return word.split(separator: ".").allSatisfy { $0.count <= 2 && $0.allSatisfy(\.isLetter) }
        }
        return abbreviations.contains(word.lowercased())
    }

    private static let abbreviations: Set<String> = [
        "ca", "bijv", "bv", "enz", "etc", "evt", "incl", "excl", "nr", "nrs", "dhr", "mevr", "mr", "drs", "dr", "ir", "ing", "prof",
        "st", "jl", "resp", "tel", "vs", "zgn", "mln", "mld", "mrd", "ong", "vnl", "mw", "weth", "burg", "gem", "prov", "afd", "blz", "fa", "vz",
        "wnd", "jhr",
    ]
}
