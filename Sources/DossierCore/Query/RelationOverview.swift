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
        for activity in dossier.activities {
            var linked = activity.relations
            if let organiser = activity.organiser.relationID, !linked.contains(organiser) { linked.append(organiser) }
            let upcoming = activity.status == .goedgekeurd || activity.status == .gepland
            for id in linked {
                counts[id, default: 0] += 1
                // A planned date that has passed still matters (the activity should have happened): overdue first.
                if upcoming, let start = activity.startDate, start < (nextActivity[id]?.0 ?? .distantFuture) {
                    nextActivity[id] = (start, activity.id)
                }
            }
        }
        return dossier.relations.map { relation in
            var next: NextDate?
            if relation.status == .laagPitje, let review = relation.reviewDate {
                next = NextDate(date: review, reason: .review)
            }
            if let (date, id) = nextActivity[relation.id], date < (next?.date ?? .distantFuture) {
                next = NextDate(date: date, reason: .activity(id))
            }
            return RelationOverview(relation: relation, activityCount: counts[relation.id] ?? 0, nextDate: next)
        }
    }
}

extension CalendarDate {
    /// Later than any real date; for comparisons.
    public static let distantFuture = CalendarDate(year: 9999, month: 12, day: 31)!
}
