/// An activity rejected or cancelled with follow-ups still open: they stay open (a letter to call the visit off may still
/// be due), and they stay on the agenda and among the signals with the activity's status beside them, so the step says it.
public enum OpenFollowUps {
    /// Said after the step, which names the activity already: "Nog open: 2 vervolgacties (Bedankbrief, Verslag) …".
    /// `tickOff`: how a follow-up is ticked off where the step was taken, given the number (from 1) of the first open one.
    public static func notice(_ activity: Activity, to status: ActivityStatus, tickOff: (Int) -> String) -> String? {
        guard !Agenda.shows(status) else { return nil }
        let open = activity.followUps.enumerated().filter { !$0.element.isDone }
        guard let first = open.first else { return nil }
        return "Nog open: \(count(open.count, "vervolgactie", "vervolgacties")) (\(open.map(\.element.text).joined(separator: ", "))); vink af wat niet meer hoeft (\(tickOff(first.offset + 1)))."
    }
}
