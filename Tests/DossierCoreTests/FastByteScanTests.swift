@testable import DossierCore
import Testing

/// The eight-bytes-at-once paths of the byte scanners give exactly what a byte-by-byte look gives, wherever in
/// a long document the one byte that matters stands.
struct FastByteScanTests {
    @Test("a word is ASCII and printable exactly when each of its bytes is, for every byte value at every position")
    func words() {
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(ASCIIWord.isASCII(word) == (value < 0x80), "\(value) at \(position)")
                #expect(ASCIIWord.isPrintable(word) == (0x20...0x7E).contains(value), "\(value) at \(position)")
            }
        }
    }

    @Test("a word is printable or line feeds exactly when each of its bytes is, for every pair of byte values at every two positions")
    func wordsWithLineFeeds() {
        var wrong: [String] = []
        for first in 0..<8 {
            for second in 0..<8 where second != first {
                for value in 0...255 {
                    for other in [0x00, 0x09, 0x0A, 0x0B, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xFF, value] {
                        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                        bytes[first] = UInt8(value)
                        bytes[second] = UInt8(other)
                        let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                        let expected = bytes.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x0A }
                        if ASCIIWord.isPrintableOrLineFeed(word) != expected { wrong.append("\(bytes)") }
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test("an escape, a C1 control, a bidi override or a broken UTF-8 sequence is caught at any offset of a long document")
    func documents() {
        let plain = [UInt8](String(repeating: "{\"id\": \"campusbeurs-han\"},\n", count: 8).utf8)
        #expect(TerminalSafeText.bytes(plain) == plain, "plain text passes as it is")
        let hostile: [[UInt8]] = [[0x1B, 0x5B, 0x32, 0x4A], [0xC2, 0x9B], [0xE2, 0x80, 0xAE], [0x7F], [0x0D, 0x41], [0xC3], [0xE2, 0x82]]
        for piece in hostile {
            for offset in 0..<24 {
                var document = plain
                document.insert(contentsOf: piece, at: offset + 40)
                let shown = TerminalSafeText.bytes(document)
                #expect(shown != document, "\(piece) at \(offset) is neutralised")
                #expect(!shown.contains(0x1B) && !shown.contains(0x7F), "\(piece) at \(offset)")
                #expect(document.withUnsafeBufferPointer { UTF8Text.isWellFormed($0) } == (String(validating: document, as: UTF8.self) != nil))
            }
        }
        let accented = [UInt8](String(repeating: "Sønderborg 東京 Āpia, ", count: 20).utf8)
        #expect(TerminalSafeText.bytes(accented) == accented, "letters of every script pass as they are")
    }
}
