#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How dates and moments are written for people: one Dutch form for every date the program shows (lists,
/// documents, reports, messages), and moments in the user's local time. The one place for it; files,
/// journals, JSON, CSV and iCalendar keep ISO 8601. The form is a setting (`dateFormat`).
public struct DateWriting: Sendable {
    /// The forms a date can take.
    public enum Form: String, CaseIterable, Sendable {
        /// `12-3-2026`, as in a Dutch letter: the standard.
        case dayMonthYear = "d-m-jjjj"
        /// `12-03-2026`: every date as wide, for columns.
        case padded = "dd-mm-jjjj"
        /// `2026-03-12`.
        case iso = "jjjj-mm-dd"
        /// `12 maart 2026`.
        case long = "d mmmm jjjj"
    }

    public var form: Form
    /// Seconds east of UTC at a moment: the user's time zone (summer and winter time alike).
    public let utcOffset: @Sendable (Timestamp) -> Int

    public init(form: Form = .dayMonthYear, utcOffset: @escaping @Sendable (Timestamp) -> Int = { _ in 0 }) {
        self.form = form
        self.utcOffset = utcOffset
    }

    /// In the clock's time zone.
    public init(form: Form, clock: Clock) {
        self.init(form: form, utcOffset: clock.utcOffset)
    }

    /// The standard form in UTC, for texts that are kept as they were written (the log's summaries, a
    /// weighing's reasons, error messages) and where no setting is at hand.
    public static let standard = DateWriting()

    /// A date in the form.
    public func date(_ date: CalendarDate) -> String {
        // A year in four digits: a typed 0099 refused as out of range is not read back as the two-digit 99.
        let year = date.iso.prefix(4)
        return switch form {
        case .dayMonthYear: "\(date.day)-\(date.month)-\(year)"
        case .padded: "\(Self.twoDigits(date.day))-\(Self.twoDigits(date.month))-\(year)"
        case .iso: date.iso
        case .long: "\(date.day) \(CalendarDate.monthNames[date.month - 1]) \(year)"
        }
    }

    /// An optional date, or what stands in for none.
    public func date(_ date: CalendarDate?, none: String) -> String {
        date.map(self.date) ?? none
    }

    /// Day and month, where the year is clear: `8-12`, `08-12`, `12-08`, `8 dec`.
    public func dayAndMonth(_ date: CalendarDate) -> String {
        switch form {
        case .dayMonthYear: "\(date.day)-\(date.month)"
        case .padded: "\(Self.twoDigits(date.day))-\(Self.twoDigits(date.month))"
        case .iso: "\(Self.twoDigits(date.month))-\(Self.twoDigits(date.day))"
        case .long: "\(date.day) \(CalendarDate.monthAbbreviations[date.month - 1])"
        }
    }

    /// A period: `14-9-2026 t/m 16-9-2026`, or one date when it is one day.
    public func period(_ start: CalendarDate, _ end: CalendarDate?) -> String {
        guard let end, end != start else { return date(start) }
        return "\(date(start)) t/m \(date(end))"
    }

    /// The calendar date a moment falls on, where the user is.
    public func localDate(of moment: Timestamp) -> CalendarDate {
        local(moment).utcDate
    }

    /// The time of a moment where the user is: `14:05`.
    public func time(_ moment: Timestamp) -> String {
        String(local(moment).iso.dropFirst(11).prefix(5))
    }

    /// A moment where the user is: `12-3-2026 14:05`.
    public func moment(_ moment: Timestamp) -> String {
        "\(date(localDate(of: moment))) \(time(moment))"
    }

    /// A date as a form field shows it for editing: a form the date parser reads back (the long form's
    /// month names it does not read, so that one is edited as d-m-jjjj).
    public func editable(_ date: CalendarDate) -> String {
        form == .long ? DateWriting(form: .dayMonthYear).date(date) : self.date(date)
    }

    /// The widest a date of this form is, in columns: for a list's date column.
    public var columnWidth: Int {
        switch form {
        case .dayMonthYear, .padded, .iso: 10
        case .long: 17
        }
    }

    /// The widest a moment of this form is, in columns.
    public var momentWidth: Int { columnWidth + 6 }

    /// `dateFormat` as typed in the settings: one of the forms' names.
    public static func form(named text: String) -> Form? {
        Form(rawValue: text.trimmingSpaces().lowercased())
    }

    private func local(_ moment: Timestamp) -> Timestamp {
        Timestamp(secondsSinceEpoch: moment.secondsSinceEpoch + Int64(utcOffset(moment)))
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
