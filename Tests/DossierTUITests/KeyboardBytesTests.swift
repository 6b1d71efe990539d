@testable import DossierTUI
import Testing

/// What the terminal's bytes make, read one character at a time as the screen reads them.
@Suite("Keyboard bytes")
struct KeyboardBytesTests {
    /// The characters `bytes` make, read as the screen reads them: a byte put back is read first next time.
    func characters(_ bytes: [Int32]) -> String {
        var waiting = bytes[...], text = String.UnicodeScalarView()
        while let first = waiting.popFirst() {
            let decoded = KeyboardBytes.decode(first: UInt8(first)) { waiting.popFirst() }
            text.append(decoded.scalar)
            if let putBack = decoded.putBack { waiting.insert(putBack, at: waiting.startIndex) }
        }
        return String(text)
    }

    func bytes(_ text: String) -> [Int32] { text.utf8.map(Int32.init) }

    @Test("UTF-8 of one to four bytes reads as the characters it encodes")
    func validText() {
        for text in ["abc", "Rhône-Alpes", "Hà Nội", "泰州", "👩‍💼 ok", "\u{10FFFF}\u{FFFF}\u{80}"] {
            #expect(characters(bytes(text)) == text)
        }
    }

    @Test("a byte that is no UTF-8 is one �, and what comes after it is read as it is")
    func strayBytes() {
        // A Latin-1 é (0xE9) between letters: it would start a three-byte character, but 'c' cannot continue one.
        #expect(characters([0x61, 0x62, 0xE9] + bytes("cdef")) == "ab\u{FFFD}cdef")
        #expect(characters([0xE9]) == "\u{FFFD}")
        #expect(characters(bytes("Caf") + [0xE9]) == "Caf\u{FFFD}")
        // A continuation byte alone, bytes that never occur in UTF-8, an overlong form, a surrogate.
        #expect(characters([0x80, 0x41]) == "\u{FFFD}A")
        #expect(characters([0xC0, 0xAF, 0xFF, 0x42]) == "\u{FFFD}\u{FFFD}\u{FFFD}B")
        #expect(characters([0xE0, 0x80, 0x80]) == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(characters([0xED, 0xA0, 0x80]) == "\u{FFFD}\u{FFFD}\u{FFFD}")
        // A character cut short by the start of the next one.
        #expect(characters([0xE6, 0xB3] + bytes("泰")) == "\u{FFFD}泰")
    }

    @Test("a key code that comes inside a character is put back whole")
    func keyCodeInside() {
        let resize: Int32 = 0o632
        let decoded = KeyboardBytes.decode(first: 0xC3) { resize }
        #expect(decoded == KeyboardBytes.Decoded(scalar: KeyboardBytes.replacement, putBack: resize))
    }
}
