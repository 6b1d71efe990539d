/// Eight bytes at once (one 64-bit word, byte order irrelevant): the fast path of the loops that look at
/// every byte of a large document. Exact tests, no false answers (the standard "has a byte less than"
/// word tricks, valid because the high bit of every byte is checked first).
enum ASCIIWord {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Every byte is ASCII (below 0x80).
    static func isASCII(_ word: UInt64) -> Bool {
        word & highBits == 0
    }

    /// Every byte is printable ASCII: 0x20 through 0x7E (no control character, no DEL, nothing above).
    static func isPrintable(_ word: UInt64) -> Bool {
        guard isASCII(word) else { return false }
        let hasControl = (word &- ones &* 0x20) & ~word & highBits
        let delete = word ^ (ones &* 0x7F)
        let hasDelete = (delete &- ones) & ~delete & highBits
        return hasControl | hasDelete == 0
    }

    /// Every byte is printable ASCII or a line feed: the words of a pretty-printed document, whose lines
    /// would otherwise send every word with a line break down the slow path. Exact per byte: each byte is
    /// compared with its high bit set, so no subtraction borrows from its neighbour.
    static func isPrintableOrLineFeed(_ word: UInt64) -> Bool {
        guard isASCII(word) else { return false }
        let control = ~((word | highBits) &- ones &* 0x20) & highBits
        return control & ~equal(word, 0x0A) | equal(word, 0x7F) == 0
    }

    /// The high bit of every byte of `word` (ASCII) that equals `byte`, and no other.
    private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        let low = ones &* 0x7F
        return ~(((difference & low) &+ low) | difference | low)
    }
}
