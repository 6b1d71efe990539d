/// Dates typed relative to today, as people say them: `vandaag`, `morgen`, `+14`, `+2w`, `over 3 weken`,
/// `2 dagen geleden`, `vrijdag`, `vorige dinsdag`, and a day without its year (`28-11`, `15 jan`: the nearest such
/// day, or for a date that must lie ahead the next one). Only where a person types a date (forms and options); files and imports keep fixed dates, which mean the
/// same tomorrow.
extension CalendarDate {
    /// Which day a date typed without its year (`15-9`) is: the nearest such day to today, back or ahead (a visit last
    /// week, a deadline next month); the first one after today, for a date that must lie ahead (a review date); or the
    /// nearest to a given day, for the last day of something that starts then (`28-12` to `3-1` ends in the next year,
    /// while `5-3` to `4-3` stays a day before the start, which the rules refuse, not a period of a year).
    public enum YearlessDay: Hashable, Sendable {
        case nearest, ahead
        case nearStart(CalendarDate)
    }

    /// The one reading of a date a person typed: a relative date from `today`, else any form `read(_:)` takes.
    public static func read(_ text: String, today: CalendarDate, yearless: YearlessDay = .nearest) throws(ValueError) -> CalendarDate {
        guard let relative = relative(text, today: today, yearless: yearless) else {
            if let impossible = impossibleWithoutYear(text, today: today, yearless: yearless) { throw ValueError("'\(text.trimmingSpaces())' \(impossible)") }
            return try read(text, forms: "12-3-2025, 12 maart 2025, vandaag, morgen, +14, +2w, over 3 weken of vrijdag")
        }
        return try relative.accepted()
    }

    /// What a person should see under a date they type: the day it is read as, with its weekday ("= vrijdag 25-12-2026"; for a
    /// fixed date too, so that 3-12 is seen to be the third of December), and a date ten years or more from today said as such
    /// (a slip in the year: 2072 for 2027), and a last day before the first (`nearStart`) said at once, not only when saved.
    /// Nil when there is nothing to say: no date, or one out of range (the save says so).
    public static func typedNote(_ text: String, today: CalendarDate, dates: DateWriting, yearless: YearlessDay = .nearest) -> String? {
        guard let date = relative(text, today: today, yearless: yearless) ?? (try? read(text)), date.isAccepted else { return nil }
        var before: String?
        // Short: the start date stands right above it, and a note is one line of the value's width.
        if case .nearStart(let start) = yearless, date < start { before = "vóór de begindatum" }
        return (["= \(date.weekdayName) \(dates.date(date))"] + [date.distance(from: today), before].compactMap { $0 }).joined(separator: "; ")
    }

    /// "ligt 46 jaar in de toekomst" for a date ten years or more from `today`; nil for a nearer one.
    public func distance(from today: CalendarDate) -> String? {
        let days = dayNumber - today.dayNumber
        guard abs(days) >= 3_652 else { return nil }
        return "ligt \(abs(days) / 365) jaar in " + (days > 0 ? "de toekomst" : "het verleden")
    }

    /// The date a relative text names, or nil when the text is not one (it may still be a fixed date). The result
    /// may lie outside `Limits.years`; the caller checks.
    public static func relative(_ text: String, today: CalendarDate, yearless: YearlessDay = .nearest) -> CalendarDate? {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        func withoutYear(_ day: Int, _ month: Int) -> CalendarDate? {
            switch yearless {
            case .nearest: today.nearest(day: day, month: month)
            case .ahead: today.nextOne(day: day, month: month)
            // Within half a year of the start: 29-2 after a start on 1 March is a slip, not a period of a year.
            case .nearStart(let start): start.nearest(day: day, month: month).flatMap { abs($0.dayNumber - start.dayNumber) <= 183 ? $0 : nil }
            }
        }
        if let (day, month) = dayWithoutYear(words) { return withoutYear(day, month) }
        switch words.count {
        case 1:
            if let offset = namedDays[words[0]] { return today.adding(days: offset) }
            if let weekday = weekday(words[0]) { return today.next(weekday: weekday) }
            return signedAmount(words[0]).flatMap { today.moved(by: $0.count, $0.unit) }
        case 2:
            // "+2 weken", "-3 dagen"; "vorige vrijdag", "volgende vrijdag".
            if let weekday = weekday(words[1]) {
                if ["vorige", "afgelopen"].contains(words[0]) { return today.previous(weekday: weekday) }
                if ["volgende", "komende", "aanstaande"].contains(words[0]) { return today.next(weekday: weekday) }
                return nil
            }
            guard let (sign, count) = signedCount(words[0]), let unit = Unit(words[1]) else { return nil }
            return today.moved(by: sign * count, unit)
        case 3:
            // "over 3 weken", "3 weken geleden".
            if words[0] == "over", let count = count(words[1]), let unit = Unit(words[2]) { return today.moved(by: count, unit) }
            if words[2] == "geleden", let count = count(words[0]), let unit = Unit(words[1]) { return today.moved(by: -count, unit) }
            return nil
        default:
            return nil
        }
    }

    private static let namedDays = ["vandaag": 0, "morgen": 1, "overmorgen": 2, "gisteren": -1, "eergisteren": -2]

    /// 0 for Monday … 6 for Sunday, from the full name or its two-letter abbreviation.
    private static func weekday(_ word: String) -> Int? {
        weekdayNames.firstIndex(of: word) ?? weekdayAbbreviations.firstIndex(of: word)
    }

    /// What a day count is counted in.
    enum Unit {
        case days, weeks, months, years

        init?(_ word: String) {
            switch word {
            case "d", "dag", "dagen": self = .days
            case "w", "wk", "week", "weken": self = .weeks
            case "m", "mnd", "maand", "maanden": self = .months
            case "j", "jr", "jaar", "jaren": self = .years
            default: return nil
            }
        }
    }

    /// "bestaat niet: april heeft 30 dagen" for a day without its year that its month never has (`31-4`), and what to do
    /// for 29 February when neither way reaches a leap year: name the year, as the next one after today.
    /// Near a start date: what is not within half a year of it, with the first such day after it to name instead.
    private static func impossibleWithoutYear(_ text: String, today: CalendarDate, yearless: YearlessDay) -> String? {
        guard let (day, month) = dayWithoutYear(text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)) else { return nil }
        let most = daysInMonth(year: 2028, month: month)
        if day > most { return "bestaat niet: " + (month == 2 ? "februari heeft 28 of 29 dagen" : "\(monthNames[month - 1]) heeft \(most) dagen") }
        let reference: CalendarDate, problem: String
        if case .nearStart(let start) = yearless {
            (reference, problem) = (start, "ligt niet binnen een half jaar van de begindatum (\(DateWriting.standard.date(start)))")
        } else {
            guard month == 2 && day == 29 else { return nil }
            // In a leap year from its 29 February on, a date that must lie ahead finds none: this year's is no longer ahead.
            let thisYears = CalendarDate(year: today.year, month: 2, day: 29)
            let why = thisYears.map { "29-2-\(today.year) is \($0 == today ? "vandaag" : "al voorbij") en \(today.year + 1) is geen schrikkeljaar" }
                ?? "29 februari is er alleen in een schrikkeljaar"
            (reference, problem) = (today, "valt niet dit of volgend jaar: \(why)")
        }
        guard let next = (0...8).lazy.compactMap({ CalendarDate(year: reference.year + $0, month: month, day: day) })
            .first(where: { $0 > reference && $0.isAccepted }) else { return problem + "; noem het jaar erbij" }
        return problem + "; noem het jaar erbij (\(DateWriting.standard.date(next)))"
    }

    /// The day and month of a date typed without its year: "12-3", "12/3", "12.3" or "12 maart" (words in lower case).
    private static func dayWithoutYear(_ words: [String]) -> (day: Int, month: Int)? {
        switch words.count {
        case 1: dayAndMonth(words[0])
        case 2: twoDigits(words[0]).flatMap { day in (1...31).contains(day) ? month(named: words[1]).map { (day, $0) } : nil }
        default: nil
        }
    }

    /// "12-3", "12/3", "12.3": a day and a month without a year.
    private static func dayAndMonth(_ word: String) -> (day: Int, month: Int)? {
        let parts = word.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
        guard parts.count == 2, let day = twoDigits(String(parts[0])), let month = twoDigits(String(parts[1])),
              (1...31).contains(day), (1...12).contains(month) else { return nil }
        return (day, month)
    }

    /// "+14", "-3", "+2w", "+1m", "+1j": a sign, a count and a unit (days without one).
    private static func signedAmount(_ word: String) -> (count: Int, unit: Unit)? {
        guard let first = word.first, first == "+" || first == "-" else { return nil }
        let digits = word.dropFirst().prefix { $0.isASCII && $0.isNumber }
        let rest = String(word.dropFirst(1 + digits.count))
        guard let count = count(String(digits)), let unit = rest.isEmpty ? .days : Unit(rest) else { return nil }
        return (first == "-" ? -count : count, unit)
    }

    /// "+2", "-3" alone (before a unit word).
    private static func signedCount(_ word: String) -> (sign: Int, count: Int)? {
        guard let first = word.first, first == "+" || first == "-", let count = count(String(word.dropFirst())) else { return nil }
        return (first == "-" ? -1 : 1, count)
    }

    /// A day or month: one or two digits ("05" too).
    private static func twoDigits(_ word: String) -> Int? {
        guard (1...2).contains(word.count), word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(word)
    }

    /// A count of at most three digits, without leading zeros: far enough, and not a number meant otherwise (`+0412`, `-1250`).
    private static func count(_ word: String) -> Int? {
        guard (1...3).contains(word.count), word.allSatisfy({ $0.isASCII && $0.isNumber }), word == "0" || !word.hasPrefix("0") else { return nil }
        return Int(word)
    }

    /// The date `count` units later (earlier when negative); a month or year step keeps the day where the month has
    /// it (31 januari + 1 maand is 28 of 29 februari).
    func moved(by count: Int, _ unit: Unit) -> CalendarDate {
        switch unit {
        case .days: return adding(days: count)
        case .weeks: return adding(days: 7 * count)
        case .years:
            let targetYear = year + count
            return CalendarDate(unchecked: targetYear, month, min(day, CalendarDate.daysInMonth(year: targetYear, month: month)))
        case .months:
            let months = year * 12 + (month - 1) + count
            // Before year 1: a date the range check refuses.
            guard months >= 12 else { return CalendarDate(unchecked: 0, 1, 1) }
            let (targetYear, targetMonth) = (months / 12, months % 12 + 1)
            return CalendarDate(unchecked: targetYear, targetMonth, min(day, CalendarDate.daysInMonth(year: targetYear, month: targetMonth)))
        }
    }

    /// The day and month nearest to this day, in its year, the year before or the year after (a visit "28-11" last
    /// week, a deadline "15-1" next month); nil when the day is in no such month (31-4, or 29-2 with no leap year near).
    func nearest(day: Int, month: Int) -> CalendarDate? {
        [year - 1, year, year + 1].compactMap { CalendarDate(year: $0, month: month, day: day) }
            .min { abs($0.dayNumber - dayNumber) < abs($1.dayNumber - dayNumber) }
    }

    /// The first such day and month after this day, this year or the next; nil when neither has it (29-2).
    func nextOne(day: Int, month: Int) -> CalendarDate? {
        [year, year + 1].compactMap { CalendarDate(year: $0, month: month, day: day) }.first { $0 > self }
    }

    /// The first such weekday after this day (on a Friday, "vrijdag" is a week later).
    func next(weekday: Int) -> CalendarDate {
        let ahead = (weekday - weekdayIndex + 7) % 7
        return adding(days: ahead == 0 ? 7 : ahead)
    }

    /// The last such weekday before this day.
    func previous(weekday: Int) -> CalendarDate {
        let back = (weekdayIndex - weekday + 7) % 7
        return adding(days: -(back == 0 ? 7 : back))
    }
}
