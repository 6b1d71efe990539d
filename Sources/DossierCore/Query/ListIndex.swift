/// What the start screen and `dossier relations` show, made from a whole dossier and small enough to
/// keep beside it (`NAME.index`, see `SideIndex`): every relation's row in name order, how many
/// activities and visits there are, and the dates of every deadline and of every activity that will await its
/// outcome (for the number of signals).
///
/// The relations in it hold only what a row shows (id, name, kind, status, countries, places, review
/// date): enough for the list, its filters and orders, never for a detail screen or an edit.
public struct ListIndex: Hashable, Sendable {
    /// In name order (`RelationQuery.nameOrder`), with counts and next dates as `RelationOverview.all` makes them.
    public var relations: [RelationOverview]
    public var activityCount: Int
    /// Delegation visits (the visits tab).
    public var visitCount: Int
    /// The start of every deadline (`Agenda.deadlines`: reviews of laag pitje and open follow-ups), earliest first.
    public var deadlines: [CalendarDate]
    /// The last day of every activity with a date not yet carried out, rejected or called off (`Agenda.awaitsOutcome`),
    /// earliest first: those before today are signals (what became of it is due).
    public var outcomes: [CalendarDate]

    public init(relations: [RelationOverview], activityCount: Int, visitCount: Int, deadlines: [CalendarDate], outcomes: [CalendarDate] = []) {
        self.relations = relations
        self.activityCount = activityCount
        self.visitCount = visitCount
        self.deadlines = deadlines
        self.outcomes = outcomes
    }

    public init(dossier: Dossier) {
        let overviews = RelationOverview.all(in: dossier, today: .distantFuture)
        var folder = SearchText.Folder()
        relations = RelationQuery.nameOrder(dossier.relations.map { folder.fold($0.name) }).map { position in
            var overview = overviews[position]
            overview.relation = ListIndex.row(of: overview.relation)
            return overview
        }
        activityCount = dossier.activities.count
        visitCount = dossier.activities.withUnsafeBufferPointer { activities in
            activities.indices.reduce(0) { $0 + (activities[$1].kind == .delegatiebezoek ? 1 : 0) }
        }
        deadlines = Agenda.deadlines(in: dossier).map(\.start)
        outcomes = dossier.activities.compactMap(ListIndex.outcomeDay).sorted()
    }

    /// The list after a change that altered relations alone (`Change.Reach.relations`): `dossier` holds the
    /// relations as they are now (a whole dossier, or a `RelationsDossier`'s), `undo` every relation the change
    /// touched as it was. Their rows and review deadlines follow; the activities' counts and dates stay as they
    /// were. Nil when the list is not this dossier's (a row missing or left over).
    public func updated(after undo: Restoration, relations dossier: Dossier) -> ListIndex? {
        var list = self
        var rowPositions: [RelationID: Int] = [:]
        for (position, row) in relations.enumerated() { rowPositions[row.relation.id] = position }
        var reorder = false
        for snapshot in undo.relations {
            let before = snapshot.value, now = dossier.relation(snapshot.id)
            if let before, before.status == .laagPitje, let review = before.reviewDate {
                guard let position = list.deadlines.firstIndex(of: review) else { return nil }
                list.deadlines.remove(at: position)
            }
            if let now, now.status == .laagPitje, let review = now.reviewDate {
                list.deadlines.insert(review, at: list.deadlines.firstIndex { $0 > review } ?? list.deadlines.endIndex)
            }
            switch (rowPositions[snapshot.id], now) {
            case let (position?, now?):
                reorder = reorder || list.relations[position].relation.name != now.name
                list.relations[position] = list.relations[position].with(ListIndex.row(of: now))
            case (nil, let now?):
                rowPositions[now.id] = list.relations.count
                list.relations.append(RelationOverview.make(ListIndex.row(of: now), activityCount: 0, upcomingActivity: nil))
                reorder = true
            case (_?, nil):
                return nil
            case (nil, nil):
                continue
            }
        }
        guard list.relations.count == dossier.relations.count else { return nil }
        if reorder {
            var folder = SearchText.Folder()
            let rows = list.relations
            var ordered: [RelationOverview] = []
            ordered.reserveCapacity(rows.count)
            for position in RelationQuery.nameOrder(dossier.relations.map { folder.fold($0.name) }) {
                guard let row = rowPositions[dossier.relations[position].id] else { return nil }
                ordered.append(rows[row])
            }
            list.relations = ordered
        }
        return list
    }

    /// The list after `activity` was added (at the end of the dossier's activities): the counts, the open
    /// follow-ups' deadlines, and the rows of the relations it counts for (`RelationOverview.linkedRelations`),
    /// as `init(dossier:)` would make them. Nil when a relation it names has no row.
    public func updated(adding activity: Activity) -> ListIndex? {
        var list = self
        list.activityCount += 1
        if activity.kind == .delegatiebezoek { list.visitCount += 1 }
        list.insertDeadlines(of: activity)
        for id in RelationOverview.linkedRelations(activity) {
            guard let position = list.relations.firstIndex(where: { $0.relation.id == id }) else { return nil }
            list.relations[position] = list.relations[position].adding(activity)
        }
        return list
    }

    /// The list after one activity changed from `before` to `after` (its id the same), or was deleted (`after`
    /// nil): the counts, the open follow-ups' deadlines, and the rows of the relations it counts for before or
    /// after, each with the next activity `upcoming` gives for it (among all activities as they are now). Nil when
    /// one of those relations has no row, or a deadline of `before` is not in the list.
    public func updated(changing before: Activity, to after: Activity?,
                        upcoming: (RelationID) -> RelationOverview.NextDate?) -> ListIndex? {
        var list = self
        if after == nil { list.activityCount -= 1 }
        list.visitCount += (after?.kind == .delegatiebezoek ? 1 : 0) - (before.kind == .delegatiebezoek ? 1 : 0)
        for due in ListIndex.openDeadlines(of: before) {
            guard let position = list.deadlines.firstIndex(of: due) else { return nil }
            list.deadlines.remove(at: position)
        }
        if let day = ListIndex.outcomeDay(of: before) {
            guard let position = list.outcomes.firstIndex(of: day) else { return nil }
            list.outcomes.remove(at: position)
        }
        if let after { list.insertDeadlines(of: after) }
        let was = RelationOverview.linkedRelations(before), now = after.map(RelationOverview.linkedRelations) ?? []
        for id in was + now.filter({ !was.contains($0) }) {
            guard let position = list.relations.firstIndex(where: { $0.relation.id == id }) else { return nil }
            let row = list.relations[position]
            let count = row.activityCount - (was.contains(id) ? 1 : 0) + (now.contains(id) ? 1 : 0)
            list.relations[position] = RelationOverview.make(row.relation, activityCount: count, upcomingActivity: upcoming(id))
        }
        return list
    }

    /// The due dates of an activity's open follow-ups: its deadlines (as `Agenda.deadlines` counts them).
    private static func openDeadlines(of activity: Activity) -> [CalendarDate] {
        activity.followUps.filter { !$0.isDone }.compactMap(\.due)
    }

    /// The last day of an activity that will await its outcome once it has passed (`Agenda.awaitsOutcome`).
    private static func outcomeDay(of activity: Activity) -> CalendarDate? {
        Agenda.awaitsOutcome(activity) ? activity.lastDay : nil
    }

    private mutating func insertDeadlines(of activity: Activity) {
        for due in ListIndex.openDeadlines(of: activity) {
            deadlines.insert(due, at: deadlines.firstIndex { $0 > due } ?? deadlines.endIndex)
        }
        if let day = ListIndex.outcomeDay(of: activity) {
            outcomes.insert(day, at: outcomes.firstIndex { $0 > day } ?? outcomes.endIndex)
        }
    }

    /// How many signals the start screen counts: every deadline up to `days` after today (and all overdue
    /// ones) and every activity whose outcome is due, as `Reminder.all` finds them.
    public func reminderCount(today: CalendarDate, within days: Int) -> Int {
        let horizon = today.adding(days: days)
        return ListIndex.count(of: deadlines) { $0 <= horizon } + ListIndex.count(of: outcomes) { $0 < today }
    }

    /// How many of the dates, earliest first, are early enough: `isEarly` holds for a first stretch of them.
    private static func count(of dates: [CalendarDate], isEarly: (CalendarDate) -> Bool) -> Int {
        var low = 0, high = dates.count
        while low < high {
            let middle = (low + high) / 2
            if isEarly(dates[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A relation as a row of the list shows it.
    static func row(of relation: Relation) -> Relation {
        Relation(id: relation.id, name: relation.name, kind: relation.kind, countries: relation.countries, places: relation.places,
                 status: relation.status, reviewDate: relation.reviewDate)
    }
}
