@testable import DossierCore
import Testing

/// The checksum of journal lines and side indexes: the standard CRC-32, whichever way the bytes come.
struct CRC32Tests {
    /// Bit by bit, as the standard defines it: the reference the fast form must equal.
    func reference(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    @Test("the published check values")
    func checkValues() {
        #expect(CRC32.hex(CRC32.checksum(Array("123456789".utf8))) == "cbf43926")
        #expect(CRC32.hex(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8))) == "414fa339")
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test("a checksum continued piece by piece is the checksum of the whole, wherever the pieces are cut")
    func inPieces() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for _ in 0..<200 {
            var cuts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in Int.random(in: 0...bytes.count, using: &generator) }
            cuts = ([0] + cuts + [bytes.count]).sorted()
            var state = CRC32.start
            for (from, to) in zip(cuts, cuts.dropFirst()) { state = CRC32.continuing(state, Array(bytes[from..<to])) }
            #expect(CRC32.finish(state) == reference(bytes), "cut at \(cuts)")
        }
    }

    @Test("every length and alignment, an array, a slice and a sequence without contiguous storage give the reference")
    func everyForm() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(1 << 20) + 13).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(CRC32.checksum(bytes) == reference(bytes))
        for length in 0..<70 {
            for offset in 0..<3 {
                let part = Array(bytes[offset..<offset + length])
                #expect(CRC32.checksum(part) == reference(part))
                #expect(CRC32.checksum(bytes[offset..<offset + length]) == reference(part))
                #expect(CRC32.checksum(part.lazy.map { $0 }) == reference(part))
            }
        }
    }
}
