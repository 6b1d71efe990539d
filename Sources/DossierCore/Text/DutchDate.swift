/// Month and weekday names and calendar arithmetic for Dutch agendas. How a date is written for people is
/// `DateWriting`'s business; files, journals and exports keep ISO 8601.
extension CalendarDate {
    /// `12 mrt`: in lists where the year is clear from the heading.
    public var dutchShort: String { "\(day) \(Self.monthAbbreviations[month - 1])" }

    /// `maart 2026`.
    public var monthAndYear: String { "\(Self.monthNames[month - 1]) \(year)" }

    public static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                                    "oktober", "november", "december"]
    public static let monthAbbreviations = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    /// Monday first, as in a Dutch calendar.
    public static let weekdayAbbreviations = ["ma", "di", "wo", "do", "vr", "za", "zo"]

    /// 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
    public var weekdayIndex: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// `ma`, `di`, …
    public var weekdayAbbreviation: String { Self.weekdayAbbreviations[weekdayIndex] }

    /// Monday first.
    public static let weekdayNames = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

    /// `maandag`, `dinsdag`, …
    public var weekdayName: String { Self.weekdayNames[weekdayIndex] }

    /// The Monday of the week this day is in.
    public var startOfWeek: CalendarDate { adding(days: -weekdayIndex) }

    /// The first day of the month.
    public var startOfMonth: CalendarDate { CalendarDate(unchecked: year, month, 1) }

    /// The first day of the next month.
    public var startOfNextMonth: CalendarDate {
        month == 12 ? CalendarDate(unchecked: year + 1, 1, 1) : CalendarDate(unchecked: year, month + 1, 1)
    }

    /// The ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday), as used in Dutch
    /// agendas: 30 December 2024 is in week 1 of 2025.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 3 - weekdayIndex)
        let dayOfYear = thursday.dayNumber - CalendarDate(unchecked: thursday.year, 1, 1).dayNumber
        return (thursday.year, dayOfYear / 7 + 1)
    }

    /// 1 … 4.
    public var quarter: Int { (month - 1) / 3 + 1 }

}
