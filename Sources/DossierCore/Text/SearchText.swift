// The standard library's canonical decomposition (`_nfd`), not Foundation's: see Slug.
@_spi(_Unicode) import Swift

/// Text prepared for searching that ignores case and diacritics: "Rhône" and "rhone" fold alike.
public enum SearchText {
    /// Lowercased, with diacritics dropped and ß, æ, ø, ﬁ … spelled out. ASCII text takes a fast path.
    public static func fold(_ text: String) -> String {
        var folder = Folder()
        return folder.fold(text)
    }

    /// Folds many texts: ASCII byte by byte, and each other character the slow Unicode way only the first
    /// time it is met (a Folder remembers how it folded). Gives exactly what folding each character on its
    /// own gives (`foldedScalar`), which is what the keys and the query must share.
    public struct Folder {
        private var folded: [UInt32: [UInt8]] = [:]

        public init() {}

        public mutating func fold(_ text: String) -> String {
            var plainLowercase = true, ascii = true
            for byte in text.utf8 where byte >= 0x80 || (byte >= 65 && byte <= 90) {
                plainLowercase = false
                if byte >= 0x80 {
                    ascii = false
                    break
                }
            }
            if plainLowercase { return text }
            let utf8 = text.utf8
            if ascii {
                return String(unsafeUninitializedCapacity: utf8.count) { output in
                    var count = 0
                    for byte in utf8 {
                        output[count] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                        count += 1
                    }
                    return count
                }
            }
            var output: [UInt8] = []
            output.reserveCapacity(utf8.count + 8)
            foldScalars(text, into: &output)
            return String(decoding: output, as: UTF8.self)
        }

        /// `fold(text)`'s UTF-8 bytes, appended to `output`: many keys in one buffer (`FoldedKeys`).
        public mutating func fold(_ text: String, into output: inout [UInt8]) {
            var asciiLowercase = true
            for byte in text.utf8 where byte >= 0x80 || (byte >= 65 && byte <= 90) {
                asciiLowercase = false
                break
            }
            if asciiLowercase {
                output.append(contentsOf: text.utf8)
                return
            }
            foldScalars(text, into: &output)
        }

        /// Character by character, for a text with capitals or letters beyond ASCII (both callers have looked for those).
        private mutating func foldScalars(_ text: String, into output: inout [UInt8]) {
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    output.append(value >= 65 && value <= 90 ? UInt8(value + 32) : UInt8(value))
                } else if let bytes = folded[value] {
                    output.append(contentsOf: bytes)
                } else {
                    let bytes = Array(SearchText.foldedScalar(scalar).utf8)
                    folded[value] = bytes
                    output.append(contentsOf: bytes)
                }
            }
        }
    }

    /// One non-ASCII character folded: spelled out (ß → ss), or lowercased and decomposed without its
    /// combining marks (Ô → o).
    static func foldedScalar(_ scalar: Unicode.Scalar) -> String {
        if let spelled = spelledOut[scalar] { return spelled }
        var output = String.UnicodeScalarView()
        for part in String(scalar.properties.lowercaseMapping)._nfd where part.properties.generalCategory != .nonspacingMark {
            output.append(part)
        }
        return String(output)
    }

    /// Whether folded `text` contains folded `query`. Both are folded alike, so comparing UTF-8 bytes
    /// gives what Foundation's `contains` did, without per-Character work (this runs over every row of a
    /// 10.000-row list on each key typed in a search); the standard library's compares whole Characters and
    /// misses a match that ends inside a letter with its vowel sign ("राम" in "रामा").
    public static func contains(_ text: String, _ query: String) -> Bool {
        if query.isEmpty { return true }
        let found = text.utf8.withContiguousStorageIfAvailable { haystack in
            query.utf8.withContiguousStorageIfAvailable { needle in ByteSearch.contains(needle, in: haystack) }
        }
        return (found ?? nil) ?? (text.utf8.firstRange(of: query.utf8) != nil)
    }

    /// Whether folded UTF-8 `text` contains folded `query`.
    public static func contains(_ text: UnsafeBufferPointer<UInt8>, _ query: String) -> Bool {
        if query.isEmpty { return true }
        var query = query
        return query.withUTF8 { needle in ByteSearch.contains(needle, in: text) }
    }

    /// Whether folded `text` holds every word of the folded `query` (words apart by spaces), in any order and in any of its
    /// fields: what a `/` search matches. "ile de france" finds Île-de-France, "s hertogenbosch" 's-Hertogenbosch, "lodz
    /// textiel" a relation named Łódź with textile in its notes; a query of one word is one substring, as `contains`.
    public static func containsEveryWord(_ text: String, _ query: String) -> Bool {
        var text = text
        return text.withUTF8 { containsEveryWord($0, query) }
    }

    /// Whether folded UTF-8 `text` holds every word of the folded `query`.
    public static func containsEveryWord(_ text: UnsafeBufferPointer<UInt8>, _ query: String) -> Bool {
        var query = query
        return query.withUTF8 { words in
            var start = 0
            for end in 0...words.count where end == words.count || words[end] == 0x20 {
                if end > start, !ByteSearch.contains(UnsafeBufferPointer(rebasing: words[start..<end]), in: text) { return false }
                start = end + 1
            }
            return true
        }
    }

    /// The words of a folded query, as `containsEveryWord` reads them.
    public static func words(of query: String) -> [String] {
        query.split(separator: " ").map(String.init)
    }

    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i",
    ].merging(TypographicLigatures.spelledOut) { own, _ in own }
}
