import Foundation

/// Text prepared for searching that ignores case and diacritics: "Rhône" and "rhone" fold alike.
public enum SearchText {
    /// Lowercased, with diacritics dropped and ß, æ, ø … spelled out. ASCII text takes a fast path.
    public static func fold(_ text: String) -> String {
        var isPlainLowercase = true
        for byte in text.utf8 where byte >= 0x80 || (byte >= 65 && byte <= 90) {
            isPlainLowercase = false
            break
        }
        if isPlainLowercase { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                output.append(value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            } else if let spelled = spelledOut[scalar] {
                // One by one: `append(contentsOf:)` on the scalar view costs the length of the whole output.
                for part in spelled.unicodeScalars { output.append(part) }
            } else {
                let lowered = String(scalar.properties.lowercaseMapping).decomposedStringWithCanonicalMapping
                for part in lowered.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
                    output.append(part)
                }
            }
        }
        return String(output)
    }

    /// Whether folded `text` contains folded `query`. Both are folded alike, so comparing UTF-8 bytes
    /// gives what `String.contains` would, without its per-Character work: this runs over every row of
    /// a 10.000-row list on each key typed in a search.
    public static func contains(_ text: String, _ query: String) -> Bool {
        if query.isEmpty { return true }
        let found = text.utf8.withContiguousStorageIfAvailable { haystack in
            query.utf8.withContiguousStorageIfAvailable { needle in
                guard let haystackStart = haystack.baseAddress, let needleStart = needle.baseAddress,
                      needle.count <= haystack.count else { return false }
                // memchr finds each candidate first byte, memcmp checks the rest (memmem is not in Glibc's module).
                // A text and query made to match almost everywhere ("aaaa…" and "aa…ab") would make that
                // text × query; past a budget of compared bytes the rest is scanned in one linear pass.
                let lastStart = haystack.count - needle.count
                var from = 0
                var budget = 4 * haystack.count + 256
                while from <= lastStart {
                    guard let hit = memchr(haystackStart + from, Int32(needleStart.pointee), lastStart - from + 1) else { return false }
                    if memcmp(hit, needleStart, needle.count) == 0 { return true }
                    from = haystackStart.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                    budget -= needle.count
                    if budget < 0 { return linearContains(haystack, needle, from: from) }
                }
                return false
            }
        }
        return (found ?? nil) ?? text.contains(query)
    }

    /// Knuth–Morris–Pratt from `from`: each text byte is looked at a bounded number of times.
    private static func linearContains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var fallback = [Int](repeating: 0, count: needle.count)
        var matched = 0
        for index in 1..<max(1, needle.count) {
            while matched > 0 && needle[index] != needle[matched] { matched = fallback[matched - 1] }
            if needle[index] == needle[matched] { matched += 1 }
            fallback[index] = matched
        }
        matched = 0
        for index in from..<haystack.count {
            while matched > 0 && haystack[index] != needle[matched] { matched = fallback[matched - 1] }
            if haystack[index] == needle[matched] { matched += 1 }
            if matched == needle.count { return true }
        }
        return false
    }

    private static let spelledOut: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i",
    ]
}
