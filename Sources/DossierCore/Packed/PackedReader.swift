/// Reads what `PackedWriter` wrote, in the same order. The bytes are the program's own, made in this process, so a
/// read past their end is a bug in this program, not a damaged file: it stops the program (array bounds).
struct PackedReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    mutating func count() -> Int { Int(unsigned()) }

    mutating func unsigned() -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func signed() -> Int {
        let value = unsigned()
        return Int(Int64(bitPattern: value >> 1 ^ (0 &- (value & 1))))
    }

    mutating func bool() -> Bool { byte() != 0 }

    mutating func byte() -> UInt8 {
        defer { position += 1 }
        return bytes[position]
    }

    mutating func text() -> String {
        let length = count()
        defer { position += length }
        return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    mutating func date() -> CalendarDate { CalendarDate(packedValue: UInt32(signed() + PackedWriter.dateBase)) }

    mutating func optionalDate() -> CalendarDate? { byte() == 0 ? nil : date() }

    mutating func word<Value: PackedVocabulary>(_: Value.Type) -> Value { Value.packedCases[Int(byte())] }

    mutating func optionalWord<Value: PackedVocabulary>(_: Value.Type) -> Value? {
        let byte = byte()
        return byte == 0xFF ? nil : Value.packedCases[Int(byte)]
    }

    /// The next `length` bytes, unread.
    mutating func skip(_ length: Int) -> ArraySlice<UInt8> {
        defer { position += length }
        return bytes[position..<position + length]
    }
}
