/// A moment in time to the second, stored as UTC ISO 8601 (`2026-11-22T09:30:00Z`).
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public init(date: CalendarDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        secondsSinceEpoch = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Strict `YYYY-MM-DDTHH:MM:SSZ`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
              let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Timestamp.twoDigits(bytes[11], bytes[12]), hour < 24,
              let minute = Timestamp.twoDigits(bytes[14], bytes[15]), minute < 60,
              let second = Timestamp.twoDigits(bytes[17], bytes[18]), second < 60 else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: second)
    }

    /// The UTC calendar date.
    public var utcDate: CalendarDate {
        CalendarDate(dayNumber: Int(secondsSinceEpoch.floorDivided(by: 86_400)))
    }

    public var iso: String {
        let seconds = Int(secondsSinceEpoch - secondsSinceEpoch.floorDivided(by: 86_400) * 86_400)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(utcDate.iso)T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))Z"
    }

    public var description: String { iso }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    private static func twoDigits(_ tens: UInt8, _ units: UInt8) -> Int? {
        guard (48...57).contains(tens), (48...57).contains(units) else { return nil }
        return Int(tens - 48) * 10 + Int(units - 48)
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
