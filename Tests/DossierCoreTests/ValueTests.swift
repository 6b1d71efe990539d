import DossierCore
import Testing

@Suite("Dates, timestamps and money")
struct ValueTests {
    @Test("ISO and Dutch dates parse to the same day")
    func dates() {
        let expected = CalendarDate(year: 2025, month: 3, day: 12)
        for text in ["2025-03-12", "12-3-2025", "12-03-2025", " 12/3/2025 ", "12.3.2025", "12 maart 2025", "12 Maart 2025", "12 mrt 2025",
                     "12 mrt. 2025", "12  maa 2025", "2025-3-12", "2025/3/12", "12-3-25", "12/03/25"] {
            #expect(CalendarDate(parsing: text) == expected, "\(text)")
        }
        for bad in ["2025-02-29", "31-4-2025", "2025-3-123", "12-3-5", "12-3-125", "morgen", "", "2025-13-01", "12 ma 2025", "12 maartje 2025",
                    "31 april 2025", "12 maart 125", "maart 12 2025"] {
            #expect(CalendarDate(parsing: bad) == nil, "\(bad)")
        }
        #expect(CalendarDate(parsing: "29-2-2024")?.iso == "2024-02-29")
        // A year of two digits as POSIX reads it (00–68 this century, 69–99 the last), also written out; an impossible day is
        // said as with four.
        #expect(CalendarDate(parsing: "15-1-27")?.iso == "2027-01-15")
        #expect(CalendarDate(parsing: "12 maart 25")?.iso == "2025-03-12")
        #expect(CalendarDate(parsing: "31-12-99")?.iso == "1999-12-31")
        #expect(CalendarDate(parsing: "1-1-68")?.iso == "2068-01-01" && CalendarDate(parsing: "1-1-69")?.iso == "1969-01-01")
        #expect(throws: ValueError("'29-2-27' bestaat niet: februari 2027 heeft 28 dagen")) { try CalendarDate.read("29-2-27") }
        // A day that does not exist is said to be that, with why.
        #expect(throws: ValueError("'31-2-2027' bestaat niet: februari 2027 heeft 28 dagen")) { try CalendarDate.read("31-2-2027") }
        #expect(throws: ValueError("'2024-2-30' bestaat niet: februari 2024 heeft 29 dagen")) { try CalendarDate.read("2024-2-30") }
        #expect(throws: ValueError("'12-13-2027' bestaat niet: er is geen maand 13")) { try CalendarDate.read("12-13-2027") }
        #expect(throws: ValueError("'31 april 2027' bestaat niet: april 2027 heeft 30 dagen")) { try CalendarDate.read("31 april 2027") }
        #expect(throws: ValueError("'volgende week' is geen datum; gebruik 12-3-2025 of 12 maart 2025")) { try CalendarDate.read("volgende week") }
        // A long run of digits is no date, and no overflow.
        #expect(throws: ValueError("'1-1-99999999999999999999' is geen datum; gebruik 12-3-2025 of 12 maart 2025")) { try CalendarDate.read("1-1-99999999999999999999") }
        #expect(CalendarDate(parsing: "99999999999999999999-1-1") == nil)
    }

    @Test("a date as a spreadsheet writes it to CSV: a month's abbreviation between dashes, a time at midnight")
    func spreadsheetDates() {
        let expected = CalendarDate(year: 2027, month: 3, day: 1)
        for text in ["1-mrt-2027", "01-mrt-27", "1-Mar-2027", "1-3-2027 00:00", "01-03-2027 0:00", "2027-03-01 00:00:00", "2027-03-01T00:00:00",
                     " 1-mrt-27 00:00 "] {
            #expect(CalendarDate(parsing: text) == expected, "\(text)")
        }
        #expect(CalendarDate(parsing: "1-May-27")?.iso == "2027-05-01" && CalendarDate(parsing: "15-Oct-2027")?.iso == "2027-10-15")
        for bad in ["1-mrtje-2027", "mrt-1-2027", "1-3-2027 00:00:00:00", "1-3-2027 0", "1-3-2027 24:000", "1-3-2027 00:00 uur"] {
            #expect(CalendarDate(parsing: bad) == nil, "\(bad)")
        }
        #expect(throws: ValueError("'31-feb-2027' bestaat niet: februari 2027 heeft 28 dagen")) { try CalendarDate.read("31-feb-2027") }
        #expect(throws: ValueError("'31-2-2027 00:00' bestaat niet: februari 2027 heeft 28 dagen")) { try CalendarDate.read("31-2-2027 00:00") }
        // A time that is not midnight is not cut off without a word.
        #expect(CalendarDate(parsing: "1-3-2027 14:30") == nil)
        #expect(throws: ValueError("'1-3-2027 14:30' is een datum met een tijd; het dossier houdt alleen de datum bij: 1-3-2027")) {
            try CalendarDate.read("1-3-2027 14:30")
        }
    }

    @Test("every date the long form writes reads back as the same day")
    func longFormReadsBack() throws {
        var date = try #require(CalendarDate(year: 2026, month: 1, day: 1))
        let long = DateWriting(form: .long)
        while date.year == 2026 {
            #expect(CalendarDate(parsing: long.date(date)) == date, "\(long.date(date))")
            #expect(CalendarDate(parsing: String(long.date(date).prefix { !$0.isWhitespace }) + " " + CalendarDate.monthNames[date.month - 1].prefix(3) + " 2026") == date)
            date = date.adding(days: 1)
        }
    }

    @Test("day numbers round-trip and years are added calendar-wise")
    func dayArithmetic() throws {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: day).dayNumber == day)
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        let leap = try #require(CalendarDate(year: 2024, month: 2, day: 29))
        #expect(leap.adding(years: 1).iso == "2025-02-28")
        #expect(leap.adding(days: 1).iso == "2024-03-01")
    }

    @Test("timestamps are UTC ISO 8601")
    func timestamps() throws {
        let moment = try #require(Timestamp(iso: "2026-11-22T09:05:07Z"))
        #expect(moment.iso == "2026-11-22T09:05:07Z")
        #expect(Timestamp(iso: "2026-11-22 09:05:07") == nil)
        #expect(Timestamp(secondsSinceEpoch: -1).iso == "1969-12-31T23:59:59Z")
    }

    @Test("the local date follows the clock's time zone")
    func localDate() {
        let lateEvening = Timestamp(date: CalendarDate(year: 2026, month: 12, day: 31)!, hour: 23, minute: 30)
        #expect(Clock.fixed(lateEvening).today().iso == "2026-12-31")
        #expect(Clock.fixed(lateEvening, utcOffset: 3600).today().iso == "2027-01-01")
    }

    @Test("amounts are formatted the Dutch way", arguments: [
        (Int64(1_600_000), "€ 16.000,00"), (1_145_900, "€ 11.459,00"), (123_456, "€ 1.234,56"), (5, "€ 0,05"),
        (0, "€ 0,00"), (-250, "-€ 2,50"), (100_000_000_00, "€ 100.000.000,00"),
    ])
    func formatting(cents: Int64, text: String) {
        #expect(Money(cents: cents).formatted == text)
    }

    @Test("amounts parse as people type them, in whole cents", arguments: [
        ("16000", Int64(1_600_000)), ("16.000", 1_600_000), ("16.000,00", 1_600_000), ("€ 1.234,56", 123_456),
        ("1234,5", 123_450), ("1234.56", 123_456), ("0,05", 5), ("11.459,-", 1_145_900), ("1.234.567", 123_456_700),
    ])
    func parsing(text: String, cents: Int64) {
        #expect(Money(parsing: text)?.cents == cents)
    }

    @Test("a year or a span of years, as typed; a span the wrong way round or outside the years is refused, saying why")
    func yearSpans() throws {
        #expect(try YearSpan.read("2026") == YearSpan(first: 2026, last: 2026))
        #expect(try YearSpan.read(" 2025-2026 ") == YearSpan(first: 2025, last: 2026))
        #expect(try YearSpan.read("2025..2027") == YearSpan(first: 2025, last: 2027))
        #expect(throws: ValueError("'2026-2025': het eerste jaar komt na het laatste; bedoelt u 2025-2026?")) { try YearSpan.read("2026-2025") }
        #expect(throws: ValueError("jaar 1800 ligt buiten het bereik 1900 … 2199")) { try YearSpan.read("1800-2026") }
        #expect(try YearSpan.read("2025–2026") == YearSpan(first: 2025, last: 2026), "an en dash, as the Kader writes 2025–2030")
        for bad in ["", "abc", "2025-", "-2026", "2025-2026-2027", "2025 2026", "+2026", "2025-+2026", "25-26"] {
            #expect(throws: ValueError.self, "\(bad)") { try YearSpan.read(bad) }
        }
        // The query takes both years and those between, from the activity as from its facets; undated ones not.
        let query = ActivityQuery(year: 2025, throughYear: 2026)
        for (date, taken) in [("2024-12-31", false), ("2025-01-01", true), ("2026-12-31", true), ("2027-01-01", false)] {
            let activity = Activity(id: "a", title: "A", kind: .beurs, startDate: CalendarDate(parsing: date))
            #expect(query.matches(activity) == taken && query.matches(ActivityQuery.Facets(activity)) == taken, "\(date)")
        }
        #expect(!query.matches(Activity(id: "b", title: "B", kind: .beurs)))
    }

    @Test("activities of one day are listed by title as the relations are by name: an accented letter with its plain one, case aside")
    func listOrderOfTitles() {
        let day = CalendarDate(parsing: "2027-01-15")
        let titles = ["Zuivelbeurs", "ételage zuivel", "aardappelbeurs", "Aachen", "Édouard-dag", "eindhoven"]
        let sorted = ActivityQuery.sortedChronologically(titles.map { Activity(id: Slug.make(from: $0), title: $0, kind: .beurs, startDate: day) })
        #expect(sorted.map(\.title) == ["Aachen", "aardappelbeurs", "Édouard-dag", "eindhoven", "ételage zuivel", "Zuivelbeurs"])
    }

    @Test("an amount whose dot is read as the decimal mark says what it is read as; a grouping dot or a comma says nothing")
    func decimalDotNote() {
        #expect(Money.decimalDotNote("1.25") == "= € 1,25 (de punt als komma; duizend is 1.000)")
        #expect(Money.decimalDotNote(" 12.5 ") == "= € 12,50 (de punt als komma; duizend is 1.000)")
        #expect(Money.decimalDotNote("€ 1.25,-") == "= € 1,25 (de punt als komma; duizend is 1.000)", "as the parser reads it: 1.250,- with a zero dropped")
        for silent in ["1.250", "1.250,50", "1,25", "125", "", "abc", "1.2.5", "-1.25", "1.234.567", "0.5", "1.250,-"] {
            #expect(Money.decimalDotNote(silent) == nil, "\(silent)")
        }
    }

    @Test("a form shows an amount grouped as everywhere else, and reads it back exactly", arguments: [
        (Int64(250_000), "2.500"), (375_050, "3.750,50"), (5, "0,05"), (0, "0"), (123_456_700, "1.234.567"), (99_999_999_999, "999.999.999,99"),
    ])
    func fieldText(cents: Int64, text: String) {
        #expect(Money(cents: cents).fieldText == text)
        #expect(Money(parsing: text)?.cents == cents)
    }

    @Test("ambiguous or wrong amounts are refused")
    func badAmounts() {
        for bad in ["", "abc", "-5", "1,234,5", "12.34.56", "1,005", "12.3456", "€", "1.23,45"] {
            #expect(Money(parsing: bad) == nil, "\(bad)")
        }
    }
}
