/// Something that needs attention by a date: a relation on laag pitje due for review, or an open
/// follow-up that is due.
public struct Reminder: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        case review(RelationID)
        case followUp(ActivityID, index: Int)
    }

    public var subject: Subject
    public var date: CalendarDate
    public var title: String
    /// The review's reason, or the follow-up's activity.
    public var detail: String
    /// The name of what it belongs to: the relation of a review, the activity of a follow-up.
    public var subjectName: String

    /// Whether the date has passed.
    public func isOverdue(on today: CalendarDate) -> Bool { date < today }

    /// The relation or activity to open for it.
    public var subjectID: String {
        switch subject {
        case .review(let id): id
        case .followUp(let id, _): id
        }
    }

    /// Review dates of relations on laag pitje and due dates of open follow-ups, up to `days` after today
    /// (and everything overdue), earliest first: the agenda's deadlines within the look-ahead.
    public static func all(in dossier: Dossier, today: CalendarDate, within days: Int) -> [Reminder] {
        let horizon = today.adding(days: days)
        return Agenda.deadlines(in: dossier).prefix { $0.start <= horizon }.map { entry in
            if entry.kind == .review {
                let relation = dossier.relations[entry.position]
                let reason = relation.statusHistory.last(where: { $0.to == .laagPitje })?.reason ?? ""
                return Reminder(subject: .review(relation.id), date: entry.start, title: entry.title(in: dossier), detail: reason,
                                subjectName: relation.name)
            }
            let activity = dossier.activities[entry.position]
            return Reminder(subject: .followUp(activity.id, index: entry.followUp ?? 0), date: entry.start, title: entry.title(in: dossier),
                            detail: activity.title, subjectName: activity.title)
        }.sorted { ($0.date, $0.title) < ($1.date, $1.title) }
    }

    /// How far ahead the signals look when nothing is configured (`lookAhead` in the configuration).
    public static let defaultLookAheadDays = 60
}
