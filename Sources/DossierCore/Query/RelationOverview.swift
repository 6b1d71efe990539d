/// A relation with what the lists show beside it: how many activities it has and the next date that
/// matters (its review date, or the start of its next approved or planned activity).
public struct RelationOverview: Hashable, Sendable {
    public var relation: Relation
    public var activityCount: Int
    public var nextDate: NextDate?
    /// The start of its next approved or planned activity, also when an earlier review date is the next date:
    /// what the next date becomes when the review goes (`with(_:)`).
    public var upcomingActivity: NextDate?

    /// The date and what happens then.
    public struct NextDate: Hashable, Sendable {
        public enum Reason: Hashable, Sendable {
            case review
            case activity(ActivityID)
        }

        public var date: CalendarDate
        public var reason: Reason
        /// The first day by which something of the relation should have been done, whatever is shown as next: the
        /// review date, or the last day of an approved or planned activity (of this one or of a later one: one under
        /// way is not overdue yet, one of a day after it already may be). Kept without today, so an index holds it.
        public var lastDay: CalendarDate

        public init(date: CalendarDate, reason: Reason, lastDay: CalendarDate? = nil) {
            self.date = date
            self.reason = reason
            self.lastDay = max(date, lastDay ?? date)
        }

        /// The start of an approved or planned activity, as the next date of its relations.
        static func upcoming(_ activity: Activity) -> NextDate? {
            guard activity.status.isUpcoming, let start = activity.startDate else { return nil }
            return NextDate(date: start, reason: .activity(activity.id), lastDay: activity.endDate)
        }

        /// The earlier of two next dates (on the same day the one already there), due by the earlier of their days.
        static func earlier(_ next: NextDate?, _ other: NextDate?) -> NextDate? {
            guard let next else { return other }
            guard let other else { return next }
            var earlier = other.date < next.date ? other : next
            earlier.lastDay = min(next.lastDay, other.lastDay)
            return earlier
        }

        public var label: String {
            switch reason {
            case .review: "herijking"
            case .activity: "activiteit"
            }
        }

        /// The label where a column is narrow: "herijk." or "act.".
        public var shortLabel: String {
            switch reason {
            case .review: "herijk."
            case .activity: "act."
            }
        }

        /// Something of the relation passed without being done: a review date, or the last day of an activity still
        /// approved or planned.
        public func isOverdue(on today: CalendarDate) -> Bool { lastDay < today }
    }

    /// The review date, when it has passed while an earlier date (an activity over) is what the lists show as next: the
    /// review the Kader asks for is overdue too, and a list of laag pitje relations should not hide it.
    public func overdueReviewBehindNext(on today: CalendarDate) -> CalendarDate? {
        guard let next = nextDate, next.reason != .review, relation.status == .laagPitje, let review = relation.reviewDate, review < today else { return nil }
        return review
    }

    /// Whether what is shown as next is overdue itself: with an overdue review said beside it, an activity still under way
    /// is not called overdue because of that review (the first day anything was due is then the review's, not earlier).
    public func isNextOverdue(on today: CalendarDate) -> Bool {
        guard let next = nextDate else { return false }
        guard let review = overdueReviewBehindNext(on: today) else { return next.isOverdue(on: today) }
        return next.lastDay < review
    }

    /// Said when the relation has just been put on laag pitje: an approved or planned activity still to come stands (a
    /// laag pitje holds back new ones only), which is most often worth a look.
    /// `activity`: the activity by its id, where it was read, to name it by its title and its status (else by its id).
    /// `activities`: the relation's activities, where they were read: then the first that has not ended is named, also when
    /// an earlier one is overdue (`upcomingActivity` holds the earliest, past ones included, as the list's next date does).
    public func laagPitjeNotice(today: CalendarDate, dates: DateWriting = .standard, activity: (ActivityID) -> Activity? = { _ in nil },
                                among activities: [Activity]? = nil) -> String? {
        let stillToCome = activities.map { activities in
            activities.compactMap(NextDate.upcoming).filter { $0.lastDay >= today }.min { $0.date < $1.date }
        } ?? upcomingActivity
        guard relation.status == .laagPitje, let upcoming = stillToCome, upcoming.lastDay >= today, case .activity(let id) = upcoming.reason else {
            return nil
        }
        let which = activity(id).map { "een \($0.status.label.lowercased())e activiteit op \(dates.date(upcoming.date)): '\($0.title)' (\(id))" }
            ?? "een goedgekeurde of geplande activiteit op \(dates.date(upcoming.date)) (\(id))"
        return "\(relation.name) heeft nog \(which); een laag pitje houdt alleen nieuwe activiteiten tegen: die blijft staan, tenzij u haar annuleert"
    }

    /// Overviews of every relation, from one pass over the activities. The next date is the earliest of
    /// the review date (laag pitje) and the start of an approved or planned activity, past ones included.
    public static func all(in dossier: Dossier, today: CalendarDate) -> [RelationOverview] {
        // Counted by relation position, reading the activities in place: no copies, no dictionary of ids.
        var counts = [Int](repeating: 0, count: dossier.relations.count)
        var nextActivity = [NextDate?](repeating: nil, count: dossier.relations.count)
        func note(_ relation: Int?, _ activities: UnsafeBufferPointer<Activity>, _ position: Int) {
            guard let relation else { return }
            counts[relation] += 1
            guard activities[position].status.isUpcoming else { return }
            nextActivity[relation] = NextDate.earlier(nextActivity[relation], NextDate.upcoming(activities[position]))
        }
        dossier.activities.withUnsafeBufferPointer { activities in
            for position in activities.indices {
                // As `linkedRelations`: the linked relations, and the organiser when it is not one of them.
                let relations = activities[position].relations
                for id in relations { note(dossier.relationPosition(id), activities, position) }
                if let organiser = activities[position].organiser.relationID, !relations.contains(organiser) {
                    note(dossier.relationPosition(organiser), activities, position)
                }
            }
        }
        return dossier.relations.indices.map { position in
            make(dossier.relations[position], activityCount: counts[position], upcomingActivity: nextActivity[position])
        }
    }

    /// The overview of one relation, as `all` gives it, from the positions of its activities (linked or
    /// organised by it, in dossier order): for bringing a list up to date after a change.
    public static func of(_ relation: Relation, activityPositions: [Int], in dossier: Dossier) -> RelationOverview {
        var nextActivity: NextDate?
        dossier.activities.withUnsafeBufferPointer { activities in
            for position in activityPositions { nextActivity = NextDate.earlier(nextActivity, NextDate.upcoming(activities[position])) }
        }
        return make(relation, activityCount: activityPositions.count, upcomingActivity: nextActivity)
    }

    /// The relations an activity counts for: the linked ones and its organiser.
    public static func linkedRelations(_ activity: Activity) -> [RelationID] {
        var linked = activity.relations
        if let organiser = activity.organiser.relationID, !linked.contains(organiser) { linked.append(organiser) }
        return linked
    }

    static func make(_ relation: Relation, activityCount: Int, upcomingActivity: NextDate?) -> RelationOverview {
        // A planned date that has passed still matters (the activity should have happened): overdue first.
        let review = relation.status == .laagPitje ? relation.reviewDate.map { NextDate(date: $0, reason: .review) } : nil
        let next = NextDate.earlier(review, upcomingActivity)
        return RelationOverview(relation: relation, activityCount: activityCount, nextDate: next, upcomingActivity: upcomingActivity)
    }

    /// The overview with one more activity, added after all the others (so an earlier one on the same day stays next).
    public func adding(_ activity: Activity) -> RelationOverview {
        RelationOverview.make(relation, activityCount: activityCount + 1, upcomingActivity: NextDate.earlier(upcomingActivity, NextDate.upcoming(activity)))
    }

    /// The overview of the same relation changed in itself (its status, review date, name …), its activities
    /// as they were.
    public func with(_ relation: Relation) -> RelationOverview {
        RelationOverview.make(relation, activityCount: activityCount, upcomingActivity: upcomingActivity)
    }
}

extension CalendarDate {
    /// Later than any real date; for comparisons.
    public static let distantFuture = CalendarDate(year: 9999, month: 12, day: 31)!
}
