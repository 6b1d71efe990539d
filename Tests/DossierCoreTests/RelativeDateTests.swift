import DossierCore
import DossierTestSupport
import Testing

@Suite("Dates typed relative to today")
struct RelativeDateTests {
    /// A Friday.
    let today = CalendarDate(year: 2026, month: 12, day: 4)!

    private func read(_ text: String) throws(ValueError) -> String {
        try CalendarDate.read(text, today: today).iso
    }

    @Test("Named days, counts of days, weeks, months and years, in words and signs")
    func counts() throws {
        let expected = [
            "vandaag": "2026-12-04", "Morgen": "2026-12-05", " overmorgen ": "2026-12-06", "gisteren": "2026-12-03", "eergisteren": "2026-12-02",
            "+14": "2026-12-18", "-3": "2026-12-01", "+0": "2026-12-04", "+2w": "2026-12-18", "+1m": "2027-01-04", "+1j": "2027-12-04",
            "+2 weken": "2026-12-18", "-1 maand": "2026-11-04", "over 3 weken": "2026-12-25", "over 1 dag": "2026-12-05",
            "2 dagen geleden": "2026-12-02", "1 jaar geleden": "2025-12-04", "+13m": "2028-01-04", "-12m": "2025-12-04",
        ]
        for (text, iso) in expected {
            #expect(try read(text) == iso, "\(text)")
        }
    }

    @Test("A month step keeps the day where the month has it")
    func monthEnds() throws {
        let endOfJanuary = CalendarDate(year: 2027, month: 1, day: 31)!
        #expect(try CalendarDate.read("+1m", today: endOfJanuary).iso == "2027-02-28")
        #expect(try CalendarDate.read("+13m", today: endOfJanuary).iso == "2028-02-29")
        #expect(try CalendarDate.read("-2m", today: endOfJanuary).iso == "2026-11-30")
        let leapDay = CalendarDate(year: 2028, month: 2, day: 29)!
        #expect(try CalendarDate.read("+1j", today: leapDay).iso == "2029-02-28")
    }

    @Test("A weekday is the next one after today; 'vorige' the last one before")
    func weekdays() throws {
        #expect(try read("maandag") == "2026-12-07")
        #expect(try read("ma") == "2026-12-07")
        #expect(try read("Donderdag") == "2026-12-10")
        // Today is a Friday: "vrijdag" is a week on, "vorige vrijdag" a week back.
        #expect(try read("vrijdag") == "2026-12-11")
        #expect(try read("volgende vrijdag") == "2026-12-11")
        #expect(try read("vorige vrijdag") == "2026-11-27")
        #expect(try read("afgelopen dinsdag") == "2026-12-01")
        #expect(try read("komende zo") == "2026-12-06")
    }

    @Test("A day and month without a year is the nearest such day: last week's visit, next month's deadline")
    func withoutYear() throws {
        #expect(try read("28-11") == "2026-11-28")
        #expect(try read("15-1") == "2027-01-15")
        #expect(try read("15/01") == "2027-01-15")
        #expect(try read("1.6") == "2027-06-01")
        #expect(try read("1 jun") == "2027-06-01")
        #expect(try read("12 Maart") == "2027-03-12")
        #expect(try read("1-5") == "2027-05-01", "the nearest way round: 5 months ahead, not 7 back")
        #expect(try read("1-6") == "2027-06-01")
        #expect(try read("1-4") == "2027-04-01")
        #expect(try read("1-7") == "2026-07-01")
        let march = CalendarDate(year: 2027, month: 3, day: 1)!
        #expect(try CalendarDate.read("29-2", today: march).iso == "2028-02-29", "the nearest leap day")
        for bad in ["31-4", "0-3", "12-13", "12 maartje"] {
            #expect(throws: ValueError.self) { try read(bad) }
        }
        // A day its month never has is said as such, not as "no date".
        let said = ["31-4": "'31-4' bestaat niet: april heeft 30 dagen", "31 jun": "'31 jun' bestaat niet: juni heeft 30 dagen",
                    "30-2": "'30-2' bestaat niet: februari heeft 28 of 29 dagen",
                    "29-2": "'29-2' valt niet dit of volgend jaar: 29 februari is er alleen in een schrikkeljaar; noem het jaar erbij (29-2-2028)"]
        for (text, message) in said {
            do {
                _ = try read(text)
                Issue.record("\(text) read")
            } catch {
                #expect(error.message == message)
            }
        }
    }

    @Test("For a date that must lie ahead (a review date), a day without its year is the next one, also where the nearest lies behind")
    func withoutYearAhead() throws {
        func ahead(_ text: String, from day: CalendarDate = CalendarDate(year: 2026, month: 12, day: 4)!) throws(ValueError) -> String {
            try CalendarDate.read(text, today: day, yearless: .ahead).iso
        }
        #expect(try ahead("28-11") == "2027-11-28", "the nearest is last week's; ahead it is next year's")
        #expect(try read("28-11") == "2026-11-28")
        #expect(try ahead("15-1") == "2027-01-15")
        #expect(try ahead("4-12") == "2027-12-04", "today itself is not ahead")
        #expect(try ahead("5 dec") == "2026-12-05")
        let march = CalendarDate(year: 2027, month: 3, day: 1)!
        #expect(try ahead("15-9", from: march) == "2027-09-15")
        #expect(try ahead("+6m") == "2027-06-04", "the other forms read as always")
        #expect(CalendarDate.typedNote("28-11", today: today, dates: .standard, yearless: .ahead) == "= zondag 28-11-2027")
        #expect(throws: ValueError.self) { try ahead("29-2") }
        do {
            _ = try ahead("29-2", from: CalendarDate(year: 2028, month: 3, day: 1)!)
            Issue.record("29-2 read after the leap day of 2028")
        } catch {
            #expect(error.message.hasSuffix("(29-2-2032)"), "the next leap day after today: \(error.message)")
            #expect(error.message.contains("29-2-2028 is al voorbij en 2029 is geen schrikkeljaar"), "2028 is a leap year: \(error.message)")
        }
        do {
            _ = try ahead("29-2", from: CalendarDate(year: 2028, month: 2, day: 29)!)
            Issue.record("29-2 read as ahead on the leap day itself")
        } catch {
            #expect(error.message == "'29-2' valt niet dit of volgend jaar: 29-2-2028 is vandaag en 2029 is geen schrikkeljaar; noem het jaar erbij (29-2-2032)",
                    "\(error.message)")
        }
    }

    @Test("The last day of something, typed without its year, is the such day nearest its start, not nearest today: over a year's end too")
    func withoutYearAfterStart() throws {
        let start = CalendarDate(year: 2027, month: 6, day: 28)!
        func end(_ text: String, after start: CalendarDate = start) throws(ValueError) -> String {
            try CalendarDate.read(text, today: today, yearless: .nearStart(start)).iso
        }
        #expect(try read("3-7") == "2026-07-03", "the nearest to today lies before the start")
        #expect(try end("3-7") == "2027-07-03")
        #expect(try end("28-6") == "2027-06-28", "the start day itself")
        #expect(try end("27-6") == "2027-06-27", "a day before the start stays before it (a slip the rules refuse), not a year later")
        #expect(try end("2 jan", after: CalendarDate(year: 2026, month: 12, day: 28)!) == "2027-01-02", "over the turn of the year")
        #expect(try end("+2") == "2026-12-06", "the other forms count from today, as always")
        // More than half a year from the start is no period typed without its year, but a slip: the year is asked for.
        let march = CalendarDate(year: 2027, month: 3, day: 1)!
        #expect(throws: ValueError("'29-2' ligt niet binnen een half jaar van de begindatum (1-3-2027); noem het jaar erbij (29-2-2028)")) {
            try end("29-2", after: march)
        }
        #expect(try end("15-10", after: march) == "2026-10-15", "nearer before the start than after it: the rules refuse it, naming the year")
        #expect(CalendarDate.typedNote("3-7", today: today, dates: .standard, yearless: .nearStart(start)) == "= zaterdag 3-7-2027")
    }

    @Test("Fixed dates read as before; what is neither is refused, naming both kinds")
    func fixedAndRefused() throws {
        #expect(try read("12-3-2025") == "2025-03-12")
        #expect(try read("12 maart 2025") == "2025-03-12")
        #expect(throws: ValueError("'31-2-2027' bestaat niet: februari 2027 heeft 28 dagen")) { try read("31-2-2027") }
        for bad in ["volgende week", "+", "+2x", "+ 2", "over weken", "2 weken", "over -2 weken", "+12345", "+1000", "+0412", "-1250", "+07", "vorige", "morgen ochtend", "++2",
                    "vorige maand", "+2w3"] {
            #expect(throws: ValueError("'\(bad)' is geen datum; gebruik 12-3-2025, 12 maart 2025, vandaag, morgen, +14, +2w, over 3 weken of vrijdag")) {
                try read(bad)
            }
        }
        // Far steps leave the range of dates, said as for a typed date.
        #expect(throws: ValueError("4-12-3025 ligt buiten het bereik van datums: 1-1-1900 … 31-12-2199")) { try read("+999j") }
        #expect(throws: ValueError("4-12-1027 ligt buiten het bereik van datums: 1-1-1900 … 31-12-2199")) { try read("-999j") }
    }

    @Test("What a form shows under a typed date: the day it is read as, a date ten years or more away, a last day before the first")
    func typedNotes() {
        let dates = DateWriting.standard
        #expect(CalendarDate.typedNote("+3w", today: today, dates: dates) == "= vrijdag 25-12-2026")
        #expect(CalendarDate.typedNote("12-3-2027", today: today, dates: dates) == "= vrijdag 12-3-2027", "a fixed date too: which day, day before month")
        #expect(CalendarDate.typedNote("2027-03-12", today: today, dates: dates) == "= vrijdag 12-3-2027")
        #expect(CalendarDate.typedNote("12-3-2072", today: today, dates: dates) == "= zaterdag 12-3-2072; ligt 45 jaar in de toekomst")
        #expect(CalendarDate.typedNote("1-1-1990", today: today, dates: dates) == "= maandag 1-1-1990; ligt 36 jaar in het verleden")
        #expect(CalendarDate.typedNote("31-2-2027", today: today, dates: dates) == nil, "no such day: leaving the field says why")
        let start = CalendarDate(year: 2027, month: 3, day: 8)!
        #expect(CalendarDate.typedNote("vrijdag", today: today, dates: dates, yearless: .nearStart(start))
                    == "= vrijdag 11-12-2026; vóór de begindatum", "a last day before the first, said before the save")
        #expect(CalendarDate.typedNote("10-3-2027", today: today, dates: dates, yearless: .nearStart(start)) == "= woensdag 10-3-2027")
        #expect(CalendarDate.typedNote("+10j", today: today, dates: dates) == "= donderdag 4-12-2036; ligt 10 jaar in de toekomst")
        #expect(CalendarDate.typedNote("+9j", today: today, dates: dates) == "= dinsdag 4-12-2035")
        #expect(CalendarDate.typedNote("+999j", today: today, dates: dates) == nil, "out of range: the save says so")
        #expect(CalendarDate.typedNote("onzin", today: today, dates: dates) == nil)
    }

    @Test("A date from a file stays fixed: the plain reading takes no relative date")
    func filesStayFixed() {
        #expect(throws: ValueError("'morgen' is geen datum; gebruik 12-3-2025 of 12 maart 2025")) { try CalendarDate.read("morgen") }
        #expect(CalendarDate(parsing: "+14") == nil)
    }

    @Test("A date field reads relative dates only when told today's date")
    func dateField() throws {
        let field = try #require(Activity.fields.field("startDate"))
        let dossier = Fixtures.smallDossier()
        #expect(try field.parse("morgen", in: dossier, today: today) == .text("2026-12-05"))
        #expect(throws: ValueError("'morgen' is geen datum; gebruik 12-3-2025 of 12 maart 2025")) { try field.parse("morgen", in: dossier) }
    }
}
