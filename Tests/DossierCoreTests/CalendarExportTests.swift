import DossierCore
import DossierTestSupport
import Testing

/// Which activities a subscribed calendar gets: once there, an activity stays while it is approved, planned or
/// carried out, and is sent as cancelled when it is called off.
@Suite("iCalendar: which activities")
struct CalendarExportTests {
    @Test("an activity with a date stays in the calendar once carried out; one without a decision or turned down is not sent",
          arguments: ActivityStatus.allCases)
    func carriedOutStays(status: ActivityStatus) {
        let activity = Activity(id: "missie", title: "Missie", kind: .handelsmissie, status: status, startDate: Fixtures.date("2026-05-04"))
        let expected = [.goedgekeurd, .gepland, .uitgevoerd, .geevalueerd, .geannuleerd].contains(status)
        #expect(ICalendar.includes(activity) == expected)
        let undated = Activity(id: "missie", title: "Missie", kind: .handelsmissie, status: status)
        #expect(!ICalendar.includes(undated))
    }
}
