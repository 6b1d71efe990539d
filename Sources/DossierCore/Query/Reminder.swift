/// Something that needs attention by a date: a relation on laag pitje due for review, an open follow-up
/// that is due, or an activity that is over while what became of it is not recorded.
public struct Reminder: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        case review(RelationID)
        case followUp(ActivityID, index: Int)
        /// The activity's last day has passed and it is still an idea, a proposal, approved or planned (`Agenda.awaitsOutcome`).
        case outcome(ActivityID)
    }

    public var subject: Subject
    /// The review date, the follow-up's due date, or the activity's last day.
    public var date: CalendarDate
    public var title: String
    /// The review's reason, or the follow-up's activity; for an outcome, the activity's status.
    public var detail: String
    /// The name of what it belongs to: the relation of a review, the activity of a follow-up or an outcome.
    public var subjectName: String

    /// Whether the date has passed.
    public func isOverdue(on today: CalendarDate) -> Bool { date < today }

    /// Whether it falls on `today` (said beside it, not yet overdue).
    public func isDue(on today: CalendarDate) -> Bool { date == today }

    /// The relation or activity to open for it.
    public var subjectID: String {
        switch subject {
        case .review(let id): id
        case .followUp(let id, _): id
        case .outcome(let id): id
        }
    }

    /// Review dates of relations on laag pitje and due dates of open follow-ups, up to `days` after today
    /// (and everything overdue), and the activities whose outcome is due, earliest first: the agenda's deadlines
    /// within the look-ahead.
    public static func all(in dossier: Dossier, today: CalendarDate, within days: Int) -> [Reminder] {
        Agenda.deadlines(in: dossier, through: today.adding(days: days), today: today).map { made(from: $0, in: dossier) }
            .sorted { ($0.date, $0.title) < ($1.date, $1.title) }
    }

    /// `reminders` as `all` made them, after a change to these relations and activities: the reminders of what it
    /// touched made anew from the dossier as it is now, each put in its place; the rest kept. The same list as `all`
    /// gives, without going through every activity again (at 100.000 activities that pass was a quarter of what
    /// deleting one in the screen cost).
    public static func updating(_ reminders: [Reminder], relations: Set<RelationID>, activities: Set<ActivityID>, in dossier: Dossier,
                                today: CalendarDate, within days: Int) -> [Reminder] {
        // An id found twice (a file that breaks the rules) names two records; only a full pass finds both.
        guard dossier.hasUniqueIDs else { return all(in: dossier, today: today, within: days) }
        var updated = reminders.filter { reminder in
            switch reminder.subject {
            case .review(let id): !relations.contains(id)
            case .followUp(let id, _), .outcome(let id): !activities.contains(id)
            }
        }
        var entries: [AgendaEntry] = []
        for position in relations.compactMap(dossier.relationPosition) { Agenda.appendReview(of: dossier.relations[position], at: position, to: &entries) }
        for position in activities.compactMap(dossier.activityPosition) {
            Agenda.appendFollowUps(dossier.activities[position].followUps, at: position, to: &entries)
            Agenda.appendOutcome(of: dossier.activities[position], at: position, dueBefore: today, to: &entries)
        }
        let horizon = today.adding(days: days)
        for entry in entries where entry.start <= horizon {
            let reminder = made(from: entry, in: dossier)
            var low = 0, high = updated.count
            while low < high {
                let middle = (low + high) / 2
                if updated[middle].precedes(reminder, in: dossier) { low = middle + 1 } else { high = middle }
            }
            updated.insert(reminder, at: low)
        }
        return updated
    }

    /// The reminder of a review or follow-up deadline, or of an activity's outcome.
    private static func made(from entry: AgendaEntry, in dossier: Dossier) -> Reminder {
        if entry.kind == .review {
            let relation = dossier.relations[entry.position]
            let reason = relation.statusHistory.last(where: { $0.to == .laagPitje })?.reason ?? ""
            return Reminder(subject: .review(relation.id), date: entry.start, title: entry.title(in: dossier), detail: reason, subjectName: relation.name)
        }
        let activity = dossier.activities[entry.position]
        if entry.kind != .followUp {
            return Reminder(subject: .outcome(activity.id), date: entry.start, title: outcomeTitle(activity.status),
                            detail: activity.status.label, subjectName: activity.title)
        }
        return Reminder(subject: .followUp(activity.id, index: entry.followUp ?? 0), date: entry.start, title: entry.title(in: dossier),
                        detail: activity.title, subjectName: activity.nameForItsFollowUps)
    }

    /// What an activity over and not carried out asks for: "Afloop vastleggen (gepland)" when it was to happen, "Datum
    /// voorbij (in afweging)" when it was not decided. Short: a list of 80 columns shows it whole.
    public static func outcomeTitle(_ status: ActivityStatus) -> String {
        (status.isUpcoming ? "Afloop vastleggen" : "Datum voorbij") + " (\(status.label.lowercased()))"
    }

    /// The order of `all`: by date and title, and among equal ones in the order of the deadlines they come from
    /// (reviews first, then by the place of their relation or activity in the dossier, then by follow-up).
    private func precedes(_ other: Reminder, in dossier: Dossier) -> Bool {
        if date != other.date { return date < other.date }
        if title != other.title { return title < other.title }
        return place(in: dossier) < other.place(in: dossier)
    }

    private func place(in dossier: Dossier) -> (kind: AgendaEntry.Kind, position: Int, followUp: Int) {
        switch subject {
        case .review(let id): return (AgendaEntry.Kind.review, dossier.relationPosition(id) ?? -1, -1)
        case let .followUp(id, index): return (AgendaEntry.Kind.followUp, dossier.activityPosition(id) ?? -1, index)
        case .outcome(let id):
            let position = dossier.activityPosition(id) ?? -1
            let isVisit = position >= 0 && dossier.activities[position].isVisit
            return (isVisit ? AgendaEntry.Kind.visit : .activity, position, -1)
        }
    }

    /// How far ahead the signals look when nothing is configured (`lookAhead` in the configuration).
    public static let defaultLookAheadDays = 60
}
