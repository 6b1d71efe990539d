import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The one way dates and moments are written for people: a Dutch form (a setting), in local time.
@Suite("Dates for people")
struct DateWritingTests {
    let date = Fixtures.date("2026-03-02")

    @Test("every form of a date, day and month, and a period", arguments: [
        (DateWriting.Form.dayMonthYear, "2-3-2026", "2-3", "2-3-2026 t/m 4-3-2026"),
        (.padded, "02-03-2026", "02-03", "02-03-2026 t/m 04-03-2026"),
        (.iso, "2026-03-02", "03-02", "2026-03-02 t/m 2026-03-04"),
        (.long, "2 maart 2026", "2 mrt", "2 maart 2026 t/m 4 maart 2026"),
    ])
    func forms(form: DateWriting.Form, full: String, dayAndMonth: String, period: String) throws {
        let dates = DateWriting(form: form)
        #expect(dates.date(date) == full)
        #expect(dates.dayAndMonth(date) == dayAndMonth)
        #expect(dates.period(date, Fixtures.date("2026-03-04")) == period)
        #expect(dates.period(date, date) == full, "one day is one date")
        #expect(DateWriting.form(named: form.rawValue) == form)
        #expect(DisplayWidth.of(dates.date(Fixtures.date("2026-12-28"))) <= dates.columnWidth)
        // What a form shows for editing, the date parser reads back.
        #expect(try CalendarDate.read(dates.editable(date)) == date)
    }

    @Test("moments in local time, summer and winter alike; the calendar date follows the local day")
    func localTime() {
        let zone = TimeZone(identifier: "Europe/Amsterdam")!
        let dates = DateWriting(form: .dayMonthYear) { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0.secondsSinceEpoch))) }
        let winter = Timestamp(date: Fixtures.date("2026-11-22"), hour: 23, minute: 30)
        #expect(dates.moment(winter) == "23-11-2026 00:30", "UTC+1: past midnight, the next day")
        let summer = Timestamp(date: Fixtures.date("2026-07-01"), hour: 8, minute: 5)
        #expect(dates.moment(summer) == "1-7-2026 10:05", "UTC+2 in summer")
        #expect(DateWriting.standard.moment(summer) == "1-7-2026 08:05", "the standard is UTC")
    }

    // (With TZ, the time zone is the process's own: DateFormatTests runs the program in Europe/Amsterdam and others.)
    @Test("DOSSIER_NOW without TZ: the fixed moment in UTC")
    func fixedClockInUTC() {
        #expect(Clock.fromEnvironment(["DOSSIER_NOW": "2026-11-22T23:30:00Z"]).today() == Fixtures.date("2026-11-22"), "UTC without TZ")
    }
}
