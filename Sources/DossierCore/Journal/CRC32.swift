/// CRC-32 (IEEE 802.3, as in zlib and PNG): catches a journal line whose bytes were not all written,
/// even when its length and line break look right.
public enum CRC32 {
    /// Eight tables of 256 one after the other: the first is the classic byte table, table k advances a byte
    /// k positions further, so that eight bytes are folded in per step ("slicing by 8": a side index of
    /// megabytes checks in about a millisecond instead of five).
    private static let flat: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            table[index] = value
        }
        for k in 1..<8 {
            for index in 0..<256 {
                let previous = table[(k - 1) * 256 + index]
                table[k * 256 + index] = table[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return table
    }()

    /// The same for bytes in one array, without generic iteration (another module's call of the generic
    /// form is not specialised: megabytes then cost tens of milliseconds).
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { checksum(contiguous: $0) }
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        if let sum = bytes.withContiguousStorageIfAvailable({ checksum(contiguous: $0) }) { return sum }
        return Array(bytes).withUnsafeBufferPointer { checksum(contiguous: $0) }
    }

    /// The checksum of bytes that come in pieces: `continuing` from `start` with each piece in turn, then `finish`.
    static let start: UInt32 = 0xFFFF_FFFF

    static func continuing(_ state: UInt32, _ piece: [UInt8]) -> UInt32 {
        piece.withUnsafeBufferPointer { continuing(state, contiguous: $0) }
    }

    static func finish(_ state: UInt32) -> UInt32 { state ^ 0xFFFF_FFFF }

    private static func checksum(contiguous bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        finish(continuing(start, contiguous: bytes))
    }

    private static func continuing(_ state: UInt32, contiguous bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        flat.withUnsafeBufferPointer { table in
            var crc = state
            var index = 0
            let count = bytes.count
            while index + 8 <= count {
                let low = crc ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
                let high = UInt32(bytes[index + 4]) | UInt32(bytes[index + 5]) << 8 | UInt32(bytes[index + 6]) << 16 | UInt32(bytes[index + 7]) << 24
                crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                index += 8
            }
            while index < count {
                crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
            return crc
        }
    }

    /// Eight lowercase hex digits.
    public static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Whether `text` is what `hex` makes: eight lowercase hex digits.
    public static func isValidHex(_ text: String) -> Bool {
        text.utf8.count == 8 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
