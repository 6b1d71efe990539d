import Foundation

/// Where "now" comes from. Passed in everywhere, so tests and golden files use a fixed moment.
public struct Clock: Sendable {
    public let now: @Sendable () -> Timestamp
    /// Seconds east of UTC at a moment, for the local calendar date.
    public let utcOffset: @Sendable (Timestamp) -> Int

    public init(now: @escaping @Sendable () -> Timestamp, utcOffset: @escaping @Sendable (Timestamp) -> Int) {
        self.now = now
        self.utcOffset = utcOffset
    }

    /// The local calendar date now.
    public func today() -> CalendarDate {
        let moment = now()
        return Timestamp(secondsSinceEpoch: moment.secondsSinceEpoch + Int64(utcOffset(moment))).utcDate
    }

    /// A context for changes made by `actor` now.
    public func context(actor: String) -> ChangeContext {
        let moment = now()
        let localDay = Timestamp(secondsSinceEpoch: moment.secondsSinceEpoch + Int64(utcOffset(moment))).utcDate
        return ChangeContext(actor: actor, timestamp: moment, today: localDay)
    }

    /// Always the same moment, in UTC unless an offset is given.
    public static func fixed(_ moment: Timestamp, utcOffset: Int = 0) -> Clock {
        Clock(now: { moment }, utcOffset: { _ in utcOffset })
    }

    /// The system clock and time zone.
    public static let system = Clock(
        now: { Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down))) },
        utcOffset: { moment in TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(moment.secondsSinceEpoch))) }
    )

    /// The system clock, unless `DOSSIER_NOW` (an ISO timestamp such as `2026-11-22T09:00:00Z`) fixes the
    /// moment: for reproducible reports and tests, in UTC unless `TZ` names a time zone.
    public static func fromEnvironment(_ environment: [String: String]) -> Clock {
        if let fixed = environment["DOSSIER_NOW"].flatMap({ Timestamp(iso: $0) }) {
            guard let zone = environment["TZ"].flatMap({ TimeZone(identifier: $0.hasPrefix(":") ? String($0.dropFirst()) : $0) }) else {
                return .fixed(fixed)
            }
            let zoned = Clock(now: { fixed }, utcOffset: { moment in zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(moment.secondsSinceEpoch))) })
            // A moment at the edge of the dates the program reads (31-12-2199 23:00 UTC) whose local day lies past it would
            // go into the journal as a day no reader takes: then the day is UTC's.
            let day = zoned.today()
            return day < Limits.firstDate || day > Limits.lastDate ? .fixed(fixed) : zoned
        }
        return .system
    }
}
