/// Writes values as compact bytes for `PackedActivityFields`: numbers as variable-length integers (7 bits a byte),
/// texts as their length and UTF-8, dates as their distance from 1900 in the date's own packing, a closed list's value
/// as its place in the list, recurring texts as their place in an `InternTable`. Only this program reads it back, in
/// the same process: nothing packed is ever written to disk.
struct PackedWriter {
    private(set) var bytes: [UInt8] = []

    mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signed(_ value: Int) { unsigned(UInt64(bitPattern: Int64(value << 1 ^ value >> 63))) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func date(_ value: CalendarDate) { signed(Int(value.packedValue) - PackedWriter.dateBase) }

    /// 0 for none, else 1 and the date.
    mutating func optionalDate(_ value: CalendarDate?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        date(value)
    }

    mutating func word<Value: PackedVocabulary>(_ value: Value) {
        bytes.append(UInt8(Value.packedCases.firstIndex(of: value)!))
    }

    mutating func optionalWord<Value: PackedVocabulary>(_ value: Value?) {
        guard let value else { return bytes.append(0xFF) }
        word(value)
    }

    mutating func append(contentsOf other: some Collection<UInt8>) { bytes.append(contentsOf: other) }

    /// Dates near today take 3 bytes instead of 5.
    static let dateBase = Int(CalendarDate(unchecked: 1900, 1, 1).packedValue)
}

/// A closed list whose values `PackedWriter` writes as their place in it.
protocol PackedVocabulary: Vocabulary {
    /// `allCases`, made once (a synthesised `allCases` makes a new array on every call).
    static var packedCases: [Self] { get }
}

extension ActivityStatus: PackedVocabulary { static let packedCases = allCases }
extension Sector: PackedVocabulary { static let packedCases = allCases }
extension ParticipantRole: PackedVocabulary { static let packedCases = allCases }
extension VisitDirection: PackedVocabulary { static let packedCases = allCases }
