/// The characters of what a terminal sends, read byte by byte. A byte that cannot begin or continue a UTF-8
/// character (a Latin-1 `é` from a terminal set to another encoding, a stray byte in a paste) becomes U+FFFD, shown
/// as `�`, and the bytes after it are read as they are. ncurses' own `get_wch` throws away everything that came
/// with such a byte instead: the rest of a typed word, or of a paste.
public enum KeyboardBytes {
    /// What the bytes starting with `first` make.
    public struct Decoded: Equatable, Sendable {
        public var scalar: Unicode.Scalar
        /// A byte (or key code) read that belongs to the next character: to be read again.
        public var putBack: Int32?
    }

    /// The character that starts with the byte `first`; `next()` gives the byte after it (or a key code above 255),
    /// nil when none comes.
    public static func decode(first: UInt8, next: () -> Int32?) -> Decoded {
        guard first >= 0x80 else { return Decoded(scalar: Unicode.Scalar(first)) }
        let count: Int, firstBits: UInt32, secondByte: ClosedRange<Int32>
        switch first {
        case 0xC2...0xDF: (count, firstBits, secondByte) = (2, UInt32(first & 0x1F), 0x80...0xBF)
        case 0xE0: (count, firstBits, secondByte) = (3, 0, 0xA0...0xBF)
        // Surrogates (0xED 0xA0 …) are no characters.
        case 0xED: (count, firstBits, secondByte) = (3, 0x0D, 0x80...0x9F)
        case 0xE1...0xEF: (count, firstBits, secondByte) = (3, UInt32(first & 0x0F), 0x80...0xBF)
        case 0xF0: (count, firstBits, secondByte) = (4, 0, 0x90...0xBF)
        case 0xF1...0xF3: (count, firstBits, secondByte) = (4, UInt32(first & 0x07), 0x80...0xBF)
        case 0xF4: (count, firstBits, secondByte) = (4, 4, 0x80...0x8F)
        default: return Decoded(scalar: replacement)
        }
        var value = firstBits
        for position in 1..<count {
            guard let byte = next() else { return Decoded(scalar: replacement) }
            guard position == 1 ? secondByte.contains(byte) : (0x80...0xBF).contains(byte) else {
                return Decoded(scalar: replacement, putBack: byte)
            }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Decoded(scalar: Unicode.Scalar(value) ?? replacement)
    }

    public static let replacement: Unicode.Scalar = "\u{FFFD}"
}

extension KeyboardBytes.Decoded {
    init(scalar: Unicode.Scalar) {
        self.init(scalar: scalar, putBack: nil)
    }
}
