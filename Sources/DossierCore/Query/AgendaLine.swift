/// A line of the agenda as it is read: a heading (overdue, a month, a week) or an entry. The TUI tab and
/// `dossier agenda` both lay the agenda out from these, so they group alike.
public enum AgendaLine: Hashable, Sendable {
    case overdueHeading
    /// The first day of the month.
    case month(CalendarDate)
    /// The Monday of the week.
    case week(CalendarDate)
    case entry(AgendaEntry)

    public var entry: AgendaEntry? {
        if case .entry(let entry) = self { return entry }
        return nil
    }

    /// The heading's text: "Verlopen", "december 2026", "week 50 · 7 dec – 13 dec". A week that spans the turn of the
    /// year names the year it is numbered in ("week 1 van 2025 · 30 dec – 5 jan" under December 2024).
    public var heading: String? {
        switch self {
        case .overdueHeading: return "Verlopen"
        case .month(let first): return first.monthAndYear.capitalizedFirst
        case .week(let monday):
            let sunday = monday.adding(days: 6), (year, week) = monday.isoWeek
            return "week \(week)\(monday.year == sunday.year ? "" : " van \(year)") · \(monday.dutchShort) – \(sunday.dutchShort)"
        case .entry: return nil
        }
    }

    /// Overdue entries under one heading, then the rest under their month and week (by start date).
    public static func lines(_ entries: [AgendaEntry], today: CalendarDate) -> [AgendaLine] {
        var lines: [AgendaLine] = []
        var month: CalendarDate?
        var week: CalendarDate?
        for entry in entries {
            if entry.isOverdue(on: today) {
                if lines.isEmpty { lines.append(.overdueHeading) }
                lines.append(.entry(entry))
                continue
            }
            if entry.start.startOfMonth != month {
                month = entry.start.startOfMonth
                week = nil
                lines.append(.month(entry.start.startOfMonth))
            }
            if entry.start.startOfWeek != week {
                week = entry.start.startOfWeek
                lines.append(.week(entry.start.startOfWeek))
            }
            lines.append(.entry(entry))
        }
        return lines
    }
}

extension AgendaEntry {
    /// The dates on one line: `di 8-12-2026`, or `ma 14-9-2026 t/m wo 16-9-2026`.
    public func dateText(_ dates: DateWriting) -> String { dateLines(dates).joined(separator: " ") }

    /// The dates as a table shows them, a line each, so that a period does not make the column twice as wide:
    /// `di 8-12-2026`, or `ma 14-9-2026` and `t/m wo 16-9-2026` under it.
    public func dateLines(_ dates: DateWriting) -> [String] {
        let first = "\(start.weekdayAbbreviation) \(dates.date(start))"
        return end == start ? [first] : [first, "t/m \(end.weekdayAbbreviation) \(dates.date(end))"]
    }

    /// For narrow lists: `di 8-12`, `14-9 t/m 16-9`.
    public func compactDateText(_ dates: DateWriting) -> String {
        end == start ? shortDateText(dates) : "\(dates.dayAndMonth(start)) t/m \(dates.dayAndMonth(end))"
    }

    /// Under the overdue heading, where no month says the year: `di 8-12-2026`; a period by its last day, since which it is
    /// overdue, `14-9 t/m 16-9-2026`, or in a narrow list `t/m 16-9-2026`.
    public func overdueDateText(_ dates: DateWriting, narrow: Bool) -> String {
        if end == start { return dateLines(dates)[0] }
        return (narrow ? "" : "\(dates.dayAndMonth(start)) ") + "t/m \(dates.date(end))"
    }

    /// Without the year, under a month heading: `di 8-12`, `ma 14-9 t/m wo 16-9`.
    public func shortDateText(_ dates: DateWriting) -> String {
        let first = "\(start.weekdayAbbreviation) \(dates.dayAndMonth(start))"
        return end == start ? first : "\(first) t/m \(end.weekdayAbbreviation) \(dates.dayAndMonth(end))"
    }
}

extension String {
    /// The first letter upper case: "December 2026".
    var capitalizedFirst: String {
        guard let first else { return self }
        return String(first).uppercased() + dropFirst()
    }
}
