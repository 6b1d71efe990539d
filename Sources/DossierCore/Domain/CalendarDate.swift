/// A day in the Gregorian calendar, without time or time zone. Stored as ISO 8601 (`2025-03-12`).
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, month and day in one number (`(year + yearBias) << 9 | month << 5 | day`), which also sorts as
    /// the dates do: a dossier holds several dates per activity, so each takes 4 bytes instead of 24.
    private let packed: UInt32
    /// Lets day arithmetic reach before year 1 (down to year −1.048.576) and still sort.
    private static let yearBias = 1 << 20

    public var year: Int { Int(packed >> 9) - CalendarDate.yearBias }
    public var month: Int { Int(packed >> 5 & 0xF) }
    public var day: Int { Int(packed & 0x1F) }

    /// A date, or nil when the day does not exist (`2025-02-29`). Parsers accept only `Limits.years`.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month) else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// A date known to exist, for constants.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        packed = UInt32(clamping: min(max(year + CalendarDate.yearBias, 0), (1 << 23) - 1)) << 9 | UInt32(month) << 5 | UInt32(day)
    }

    /// The number a date is kept as, for `PackedWriter`; `init(packedValue:)` takes it back.
    var packedValue: UInt32 { packed }

    init(packedValue: UInt32) { packed = packedValue }

    /// The date `dayNumber` days after 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The ISO 8601 form, `2025-03-12`.
    public var iso: String {
        var text = String(year)
        while text.count < 4 { text = "0" + text }
        return text + (month < 10 ? "-0" : "-") + String(month) + (day < 10 ? "-0" : "-") + String(day)
    }

    public var description: String { iso }

    /// The date `days` later (earlier when negative). `days` comes from a bounded setting
    /// (`Limits.dueWindowDays`) or from code, never unchecked from input.
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CalendarDate {
        let targetYear = year + years
        let lastDay = CalendarDate.daysInMonth(year: targetYear, month: month)
        return CalendarDate(year: targetYear, month: month, day: min(day, lastDay)) ?? self
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.packed < rhs.packed
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }
}

extension CalendarDate {
    /// Strict ISO 8601 calendar date: exactly `YYYY-MM-DD`, in `Limits.years`.
    public init?(iso text: some StringProtocol) {
        guard let date = CalendarDate.representable(iso: text), date.isAccepted else { return nil }
        self = date
    }

    /// A date as people type it: ISO `2025-03-12` (also `2025-3-12`), or Dutch day-month-year `12-3-2025`, `12-03-2025`,
    /// `12/3/2025`, `12.3.2025`, `12-3-25` (a year of two digits as POSIX reads it: 00–68 are 20.., 69–99 19..) or `12 maart 2025`, in `Limits.years`. Surrounding spaces are ignored.
    public init?(parsing input: String) {
        guard let date = CalendarDate.representable(typed: input), date.isAccepted else { return nil }
        self = date
    }

    /// The one reading of a typed date (forms, options, CSV cells), with the one wording of its errors.
    public static func read(_ text: String) throws(ValueError) -> CalendarDate {
        try read(text, forms: "12-3-2025 of 12 maart 2025")
    }

    /// `forms`: the forms the message for text that is no date names.
    static func read(_ text: String, forms: String) throws(ValueError) -> CalendarDate {
        guard let date = representable(typed: text) else {
            let typed = text.trimmingSpaces(), timed = withTime(typed)
            if let (date, midnight) = timed, !midnight, representable(typed: date) != nil {
                throw ValueError("'\(typed)' is een datum met een tijd; het dossier houdt alleen de datum bij: \(date)")
            }
            if let impossible = impossibleDay(timed?.date ?? typed) { throw ValueError("'\(typed)' bestaat niet: \(impossible)") }
            throw ValueError("'\(typed)' is geen datum; gebruik \(forms)")
        }
        return try date.accepted()
    }

    /// The one reading of a date in a file: strictly `JJJJ-MM-DD`.
    public static func read(iso text: some StringProtocol) throws(ValueError) -> CalendarDate {
        guard let date = representable(iso: text) else { throw ValueError("'\(text)' is geen geldige datum; verwacht JJJJ-MM-DD") }
        return try date.accepted()
    }

    /// Whether the date lies in `Limits.years`.
    public var isAccepted: Bool { Limits.years.contains(year) }

    func accepted() throws(ValueError) -> CalendarDate {
        guard isAccepted else {
            throw ValueError("\(DateWriting.standard.date(self)) ligt buiten het bereik van datums: \(DateWriting.standard.date(Limits.firstDate)) … \(DateWriting.standard.date(Limits.lastDate))")
        }
        return self
    }

    private static func representable(iso text: some StringProtocol) -> CalendarDate? {
        // Every date of a file passes here: read in place, without copying the text into an array.
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        var digits = (year: 0, month: 0, day: 0)
        for (index, byte) in utf8.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if index < 4 { digits.year = digits.year * 10 + digit } else if index < 7 { digits.month = digits.month * 10 + digit } else {
                digits.day = digits.day * 10 + digit
            }
        }
        return CalendarDate(year: digits.year, month: digits.month, day: digits.day)
    }

    private static func representable(typed input: String) -> CalendarDate? {
        var text = input.trimmingSpaces()
        if let (date, midnight) = withTime(text) {
            guard midnight else { return nil }
            text = date
        }
        if let iso = representable(iso: text) { return iso }
        if let written = representable(written: text) { return written }
        guard let (year, month, day) = numbers(text) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The date of a date with a time, as a spreadsheet writes a date cell to a CSV file ("1-3-2027 00:00",
    /// "2027-03-01 00:00:00", "2027-03-01T00:00:00"), and whether that time is midnight; nil without a time.
    private static func withTime(_ text: String) -> (date: String, midnight: Bool)? {
        guard let cut = text.lastIndex(where: { $0 == " " || $0 == "T" }) else { return nil }
        let pieces = text[text.index(after: cut)...].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(pieces.count), pieces.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { ("0"..."9").contains($0) } }) else { return nil }
        return (text[..<cut].trimmingSpaces(), pieces.allSatisfy { $0.allSatisfy { $0 == "0" } })
    }

    /// The year, month and day of `12-3-2025` (also with / or .), of `2025-3-12`, or of `1-mrt-2027` (a spreadsheet's
    /// Dutch date cell), whether or not that day exists.
    private static func numbers(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
        if parts.count == 3, parts[1].first?.isLetter == true {
            guard (1...2).contains(parts[0].count), parts[2].count == 4 || parts[2].count == 2, let day = number(Array(parts[0].utf8)[...]),
                  let year = number(Array(parts[2].utf8)[...]), let month = month(named: String(parts[1])) else { return nil }
            return (parts[2].count == 2 ? yearOfTwoDigits(year) : year, month, day)
        }
        // Lengths first: a long run of digits is no date (and would overflow).
        guard parts.count == 3, parts.allSatisfy({ (1...4).contains($0.count) }) else { return nil }
        let values = parts.compactMap { number(Array($0.utf8)[...]) }
        guard values.count == 3 else { return nil }
        // Year first: ISO with the zeros left out (2025-3-12), never ambiguous.
        if parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count) { return (values[0], values[1], values[2]) }
        // A year of two digits, as it is often written by hand (15-1-27): as POSIX reads one (`yearOfTwoDigits`).
        guard parts[2].count == 4 || parts[2].count == 2, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count) else { return nil }
        return (parts[2].count == 2 ? yearOfTwoDigits(values[2]) : values[2], values[1], values[0])
    }

    /// 00–68 are 2000–2068, 69–99 are 1969–1999 (as POSIX `strptime` reads `%y`): 31-12-99 is the last day of 1999.
    static func yearOfTwoDigits(_ year: Int) -> Int { year < 69 ? 2000 + year : 1900 + year }

    /// Why a date written as one is no day: "februari 2027 heeft 28 dagen", "er is geen maand 13".
    private static func impossibleDay(_ text: String) -> String? {
        guard let (year, month, day) = numbers(text) ?? writtenNumbers(text) else { return nil }
        guard (1...12).contains(month) else { return "er is geen maand \(month)" }
        let days = daysInMonth(year: year, month: month)
        guard day > days else { return nil }
        return "\(monthNames[month - 1]) \(year) heeft \(days) dagen"
    }

    /// "3 december 2026", as the long date form writes it (also "3 dec 2026", "3 mrt. 2026", in any case).
    private static func representable(written text: String) -> CalendarDate? {
        writtenNumbers(text).flatMap { CalendarDate(year: $0.year, month: $0.month, day: $0.day) }
    }

    /// The year, month and day of "3 december 2026", whether or not that day exists.
    private static func writtenNumbers(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 3, (1...2).contains(parts[0].count), parts[2].count == 4 || parts[2].count == 2,
              let day = number(Array(parts[0].utf8)[...]), let year = number(Array(parts[2].utf8)[...]) else { return nil }
        guard let month = month(named: String(parts[1])) else { return nil }
        return (parts[2].count == 2 ? yearOfTwoDigits(year) : year, month, day)
    }

    /// 1 … 12 for a month's name or its abbreviation ("maart", "mrt", "mrt.", "Maa", and the English abbreviations a
    /// spreadsheet writes in another language: "Mar", "May", "Oct"); nil for any other word.
    static func month(named word: String) -> Int? {
        let name = word.lowercased().filter { $0 != "." }
        guard name.count >= 3, let month = monthNames.firstIndex(where: { $0 == name || $0.hasPrefix(name) && name.count <= 4 })
                ?? ["mrt": 2, "mar": 2, "may": 4, "oct": 9][name] else { return nil }
        return month + 1
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// Whether the text is empty or only whitespace: `trimmingSpaces().isEmpty` without building a
    /// String, as the validator asks this of every name and reason in the dossier on each load.
    var isBlank: Bool {
        for byte in utf8 {
            switch byte {
            case 0x09...0x0D, 0x20: continue
            case ..<0x80: return false
            default: return allSatisfy(\.isWhitespace)
            }
        }
        return true
    }

    /// The text, or nil when it is blank.
    var nonBlank: String? { isBlank ? nil : String(self) }

    /// Not blank, yet nothing to read: only spaces and invisible characters (a zero-width space, a soft hyphen, a
    /// byte-order mark, a direction mark). New input is held to this; a stored text is only held to `isBlank`, so that
    /// what an older release wrote still reads.
    var isOnlyInvisible: Bool {
        !isBlank && unicodeScalars.allSatisfy { scalar in
            scalar.properties.isWhitespace || scalar.properties.isDefaultIgnorableCodePoint || scalar.properties.generalCategory == .format
        }
    }
}
