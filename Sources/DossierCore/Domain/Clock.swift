#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

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
        utcOffset: localOffset
    )

    /// Seconds east of UTC at a moment in the time zone `TZ` names, as the C library reads it (`localtime_r`): also the forms
    /// Foundation's `TimeZone.current` does not take (`:America/Adak`, a path, `HST10`, `<-10>10`), and the system's zone
    /// when `TZ` is not set.
    @Sendable static func localOffset(at moment: Timestamp) -> Int {
        var seconds = time_t(moment.secondsSinceEpoch)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return parts.tm_gmtoff
    }

    /// The system clock, unless `DOSSIER_NOW` fixes the moment (a UTC timestamp such as `2026-11-22T09:00:00Z`, or a day,
    /// `2026-11-22`, at noon): for reproducible reports and tests, in UTC unless `TZ` names a time zone. A `DOSSIER_NOW`
    /// that does not read as one is the system clock here: `problem(in:)` refuses it before a command runs.
    public static func fromEnvironment(_ environment: [String: String]) -> Clock {
        guard let fixed = environment["DOSSIER_NOW"], !fixed.isEmpty, let moment = fixedMoment(fixed, zone: environment["TZ"]) else { return .system }
        guard let offset = offset(zone: environment["TZ"]) else { return .fixed(moment) }
        let zoned = Clock(now: { moment }, utcOffset: offset)
        // A moment at the edge of the dates the program reads (31-12-2199 23:00 UTC) whose local day lies past it would
        // go into the journal as a day no reader takes: then the day is UTC's.
        let day = zoned.today()
        return day < Limits.firstDate || day > Limits.lastDate ? .fixed(moment) : zoned
    }

    /// What is wrong with `DOSSIER_NOW` in `environment`, or nil when it is not set (or empty) or reads as a moment within
    /// the dates the program takes.
    public static func problem(in environment: [String: String]) -> String? {
        guard let fixed = environment["DOSSIER_NOW"], !fixed.isEmpty else { return nil }
        let range = "\(DateWriting.standard.date(Limits.firstDate)) … \(DateWriting.standard.date(Limits.lastDate))"
        // The local day, or UTC's where that lies past the range (`fromEnvironment`): the first and last day are taken.
        guard let moment = fixedMoment(fixed, zone: environment["TZ"]), moment.utcDate.isAccepted, fromEnvironment(environment).today().isAccepted else {
            return "DOSSIER_NOW '\(fixed)' is geen tijdstip binnen \(range); geef een tijdstip in UTC zoals 2026-11-22T09:00:00Z, of een dag zoals "
                + "2026-11-22, of laat DOSSIER_NOW weg voor de klok van het systeem"
        }
        return nil
    }

    /// The moment `DOSSIER_NOW` names: a timestamp, or a day at noon in the time zone (so it is that day there too).
    private static func fixedMoment(_ text: String, zone: String?) -> Timestamp? {
        if let moment = Timestamp(iso: text) { return moment }
        guard let day = CalendarDate(iso: text) else { return nil }
        let noonInUTC = Timestamp(date: day, hour: 12, minute: 0, second: 0)
        let offset = offset(zone: zone).map { $0(noonInUTC) } ?? 0
        let noon = Timestamp(secondsSinceEpoch: noonInUTC.secondsSinceEpoch - Int64(offset))
        // Every moment the program writes lies within the dates it reads: noon UTC on the first and last day far from UTC.
        return noon.utcDate.isAccepted ? noon : noonInUTC
    }

    /// The offsets of the time zone `TZ` names (nil: UTC), as the C library reads the process's `TZ`: the environment
    /// given is the process's own. (Not Foundation's `TimeZone`, which without the whole of Foundation knows no zone.)
    private static func offset(zone: String?) -> (@Sendable (Timestamp) -> Int)? {
        guard let zone, !zone.isEmpty else { return nil }
        return localOffset
    }
}
