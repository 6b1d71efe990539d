/// A relation with what the lists show beside it: how many activities it has and the next date that
/// matters (its review date, or the start of its next approved or planned activity).
public struct RelationOverview: Hashable, Sendable {
    public var relation: Relation
    public var activityCount: Int
    public var nextDate: NextDate?

    /// The date and what happens then.
    public struct NextDate: Hashable, Sendable {
        public enum Reason: Hashable, Sendable {
            case review
            case activity(ActivityID)
        }

        public var date: CalendarDate
        public var reason: Reason

        public var label: String {
            switch reason {
            case .review: "herijking"
            case .activity: "activiteit"
            }
        }

        public func isOverdue(on today: CalendarDate) -> Bool { date < today }
    }

    /// Overviews of every relation, from one pass over the activities. The next date is the earliest of
    /// the review date (laag pitje) and the start of an approved or planned activity, past ones included.
    public static func all(in dossier: Dossier, today: CalendarDate) -> [RelationOverview] {
        var counts = [RelationID: Int]()
        var nextActivity = [RelationID: (CalendarDate, ActivityID)]()
        // Read in place through the buffer: copying each activity costs a retain and release per field.
        dossier.activities.withUnsafeBufferPointer { activities in
            for position in activities.indices {
                for id in linkedRelations(activities[position]) {
                    counts[id, default: 0] += 1
                    noteUpcoming(activities[position], in: &nextActivity[id])
                }
            }
        }
        return dossier.relations.map { make($0, activityCount: counts[$0.id] ?? 0, nextActivity: nextActivity[$0.id]) }
    }

    /// The overview of one relation, as `all` gives it, from the positions of its activities (linked or
    /// organised by it, in dossier order): for bringing a list up to date after a change.
    public static func of(_ relation: Relation, activityPositions: [Int], in dossier: Dossier) -> RelationOverview {
        var nextActivity: (CalendarDate, ActivityID)?
        dossier.activities.withUnsafeBufferPointer { activities in
            for position in activityPositions { noteUpcoming(activities[position], in: &nextActivity) }
        }
        return make(relation, activityCount: activityPositions.count, nextActivity: nextActivity)
    }

    /// The relations an activity counts for: the linked ones and its organiser.
    public static func linkedRelations(_ activity: Activity) -> [RelationID] {
        var linked = activity.relations
        if let organiser = activity.organiser.relationID, !linked.contains(organiser) { linked.append(organiser) }
        return linked
    }

    /// A planned date that has passed still matters (the activity should have happened): overdue first.
    private static func noteUpcoming(_ activity: Activity, in next: inout (CalendarDate, ActivityID)?) {
        guard activity.status == .goedgekeurd || activity.status == .gepland, let start = activity.startDate,
              start < (next?.0 ?? .distantFuture) else { return }
        next = (start, activity.id)
    }

    private static func make(_ relation: Relation, activityCount: Int, nextActivity: (CalendarDate, ActivityID)?) -> RelationOverview {
        var next: NextDate?
        if relation.status == .laagPitje, let review = relation.reviewDate {
            next = NextDate(date: review, reason: .review)
        }
        if let (date, id) = nextActivity, date < (next?.date ?? .distantFuture) {
            next = NextDate(date: date, reason: .activity(id))
        }
        return RelationOverview(relation: relation, activityCount: activityCount, nextDate: next)
    }
}

extension CalendarDate {
    /// Later than any real date; for comparisons.
    public static let distantFuture = CalendarDate(year: 9999, month: 12, day: 31)!
}
