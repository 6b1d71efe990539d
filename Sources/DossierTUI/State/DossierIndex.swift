import DossierCore

/// What the screens derive from the dossier, computed once when it is loaded and then brought up to date
/// per change (only what the change touched) rather than per frame: relation overviews, names folded for
/// case and accents, the lists' sort orders, the years that have activities, budgets and reminders. The
/// search keys of every record (most of the work and the memory) are made only when a search needs them
/// (`prepareSearch`), or handed in when the runtime made them on another thread; once there, they are kept
/// up to date like the rest.
public struct DossierIndex: Sendable, Equatable {
    /// Aligned with `dossier.relations`.
    public var overviews: [RelationOverview]
    /// The positions of each relation's activities (linked or organised by it), ascending.
    public var activitiesByRelation: [RelationID: [Int]]
    /// Folded names only: typing a search prefers these.
    public var relationNameKeys: [String]
    /// Folded name, id, country, region and places: what the relation picker matches.
    public var relationLabelKeys: [String]
    /// Relation positions in the order of their folded names (the list's and the picker's order).
    public var relationsByName: [Int]
    /// What a `/` search looks in; nil until a search needs it.
    public var searchKeys: SearchKeys?
    /// What the activity lists filter on, kept small so a filter does not walk the activities themselves.
    public var activityFacets: [ActivityQuery.Facets]
    /// Aligned with `dossier.activities` (the strings are the dossier's own): which activity each place held, so
    /// that a removal's recorded place can be checked exactly (`Renumbering`).
    public var activityIDs: [ActivityID]
    /// Activity positions in list order (by date, then title; equal ones in dossier order).
    public var activitiesInOrder: [Int]
    public var years: [Int]
    /// The budget per year and line (the framework's years and every year with activities; each year's lines
    /// in the dossier's order).
    public var budgets: [BudgetOverview]
    /// What needs attention within `lookAheadDays`, and everything overdue.
    public var reminders: [Reminder]
    /// Where `years` and `budgets` come from, kept up to date per change.
    var ledger: BudgetLedger
    /// The day `reminders` look ahead from: on another day they are made anew.
    var remindersMadeOn: CalendarDate?
    /// How far ahead the signals look for review dates and follow-ups (`lookAhead` in the configuration).
    public let lookAheadDays: Int

    /// `searchKeys`: made now as well (a rebuild of an index that had them keeps them).
    public init(dossier: Dossier, today: CalendarDate, lookAheadDays: Int = Reminder.defaultLookAheadDays, searchKeys: Bool = false) {
        self.lookAheadDays = lookAheadDays
        overviews = RelationOverview.all(in: dossier, today: today)
        activitiesByRelation = [:]
        for (position, activity) in dossier.activities.enumerated() {
            for id in RelationOverview.linkedRelations(activity) { activitiesByRelation[id, default: []].append(position) }
        }
        // Grown by appending, a list has room for up to twice its positions: kept at its size (docs/performance.md, point 54).
        activitiesByRelation = activitiesByRelation.mapValues { $0.exactlySized() }
        var folder = SearchText.Folder()
        relationNameKeys = dossier.relations.map { folder.fold($0.name) }
        relationLabelKeys = dossier.relations.map { DossierIndex.labelKey($0, folder: &folder) }
        relationsByName = []
        self.searchKeys = searchKeys ? SearchKeys(dossier: dossier) : nil
        activityFacets = dossier.activities.map(ActivityQuery.Facets.init)
        activityIDs = dossier.activities.map(\.id)
        activitiesInOrder = []
        years = []
        budgets = []
        reminders = []
        relationsByName = RelationQuery.nameOrder(relationNameKeys)
        // The sort keys (a title folded for case and accents each, ~10 MB at 100.000) are made for this sort only; an update
        // makes the few it compares (`reorder`).
        let sortKeys = dossier.activities.map(ActivityQuery.SortKey.init)
        activitiesInOrder = sortKeys.indices.sorted { DossierIndex.precedes($0, $1, sortKeys[$0], sortKeys[$1]) }
        ledger = BudgetLedger(dossier)
        refreshTotals(dossier, today: today)
    }

    /// Brings the index up to date after a change, from the restoration that undoes it (which names
    /// every relation and activity the change touched, as they were). Handles changes that edit in place, add
    /// (at the end, or put back where it was) or remove (`Renumbering`); returns false for any it cannot follow,
    /// after which the caller builds the index anew.
    public mutating func update(after change: Restoration, in dossier: Dossier, today: CalendarDate) -> Bool {
        update(after: [change], in: dossier, today: today)
    }

    /// As `update(after:)`, for several changes applied one after the other (colleagues' changes taken in together).
    public mutating func update(after changes: [Restoration], in dossier: Dossier, today: CalendarDate) -> Bool {
        // An id found twice (a file that breaks the rules) names two places; a place checked by its id proves nothing.
        guard dossier.hasUniqueIDs else { return false }
        let relationOverviews = overviews, ids = activityIDs
        guard let relationPlaces = Renumbering(changes.map(\.relations), oldCount: overviews.count, newCount: dossier.relations.count,
                                               find: dossier.relationPosition, isAt: { relationOverviews[$0].relation.id == $1.id }),
              let activityPlaces = Renumbering(changes.map(\.activities), oldCount: activityFacets.count, newCount: dossier.activities.count,
                                               find: dossier.activityPosition, isAt: { ids[$0] == $1.id })
        else { return false }
        // Aligned with the places: per entity its first snapshot.
        let change = changes.count == 1 ? changes[0] : Restoration.combining(changes, label: "")
        let relationPositions = relationPlaces.positions.compactMap { $0 }
        let activityPositions = activityPlaces.positions.compactMap { $0 }

        // Everything held by place moves first; what the change touched is then made anew at its new place.
        if !relationPlaces.keepsPlaces {
            relationPlaces.move(&overviews) { RelationOverview.of(dossier.relations[$0], activityPositions: [], in: dossier) }
            relationPlaces.move(&relationNameKeys) { _ in "" }
            relationPlaces.move(&relationLabelKeys) { _ in "" }
            relationsByName = relationsByName.compactMap(relationPlaces.newPosition)
        }
        if !activityPlaces.keepsPlaces {
            activityPlaces.move(&activityFacets) { ActivityQuery.Facets(dossier.activities[$0]) }
            activityPlaces.move(&activityIDs) { dossier.activities[$0].id }
            activityPlaces.renumber(&activitiesInOrder)
            var emptied: [RelationID] = []
            var entry = activitiesByRelation.startIndex
            while entry != activitiesByRelation.endIndex {
                activityPlaces.renumber(&activitiesByRelation.values[entry])
                if activitiesByRelation.values[entry].isEmpty { emptied.append(activitiesByRelation.keys[entry]) }
                activitiesByRelation.formIndex(after: &entry)
            }
            for id in emptied { activitiesByRelation[id] = nil }
        }
        searchKeys?.move(relations: relationPlaces, activities: activityPlaces)

        // Relations: their own keys, and the search keys of activities that show a renamed relation's name.
        var renamed = Set<RelationID>()
        // In order of place: one added at the end is appended.
        let presentRelations = zip(change.relations, relationPlaces.positions).compactMap { snapshot, position in position.map { (snapshot, $0) } }
        for (snapshot, position) in presentRelations.sorted(by: { $0.1 < $1.1 }) {
            let relation = dossier.relations[position]
            if snapshot.value?.name != relation.name { renamed.insert(relation.id) }
            DossierIndex.set(&relationNameKeys, position, SearchText.fold(relation.name))
            var folder = SearchText.Folder()
            DossierIndex.set(&relationLabelKeys, position, DossierIndex.labelKey(relation, folder: &folder))
        }
        for position in activityPositions.sorted() {
            let activity = dossier.activities[position]
            DossierIndex.set(&activityFacets, position, ActivityQuery.Facets(activity))
            DossierIndex.set(&activityIDs, position, activity.id)
        }
        searchKeys?.update(relations: relationPositions, activities: activityPositions, renamed: renamed, in: dossier)

        // Overviews of the relations touched, directly or through an activity they are (or were) linked to. A removed
        // activity's places went with the move above.
        var touched = Set(relationPositions)
        for (snapshot, position) in zip(change.activities, activityPlaces.positions) {
            let old = snapshot.value.map(RelationOverview.linkedRelations) ?? []
            let new = position.map { RelationOverview.linkedRelations(dossier.activities[$0]) } ?? []
            if let position {
                for id in old where !new.contains(id) {
                    activitiesByRelation[id]?.removeAll { $0 == position }
                    if activitiesByRelation[id]?.isEmpty == true { activitiesByRelation[id] = nil }
                }
                for id in new where !old.contains(id) { DossierIndex.insertSorted(position, into: &activitiesByRelation[id, default: []]) }
            }
            touched.formUnion((old + new).compactMap(dossier.relationPosition))
        }
        for position in touched.sorted() {
            let relation = dossier.relations[position]
            DossierIndex.set(&overviews, position, RelationOverview.of(relation, activityPositions: activitiesByRelation[relation.id] ?? [], in: dossier))
        }

        reorder(&relationsByName, changed: Set(relationPositions), by: relationPrecedes)
        dossier.activities.withUnsafeBufferPointer { activities in
            reorder(&activitiesInOrder, changed: Set(activityPositions)) { left, right in
                DossierIndex.precedes(left, right, ActivityQuery.SortKey(activities[left]), ActivityQuery.SortKey(activities[right]))
            }
        }
        if !change.activities.isEmpty && !ledger.update(was: change.activities.compactMap(\.value), now: activityPositions, in: dossier) {
            ledger = BudgetLedger(dossier)
        }
        refreshTotals(dossier, today: today, after: change)
        return true
    }

    /// The reminders made anew when they were made on another day than `today` (the screen left open past midnight: an
    /// activity over yesterday asks now); false when they are `today`'s, or were never made (a preview).
    mutating func remakeReminders(_ dossier: Dossier, on today: CalendarDate) -> Bool {
        guard let madeOn = remindersMadeOn, madeOn != today else { return false }
        reminders = Reminder.all(in: dossier, today: today, within: lookAheadDays)
        remindersMadeOn = today
        return true
    }

    /// Years, budgets (from the ledger) and reminders; after a change, the reminders of what it touched only (on the
    /// same day). Years and budgets only change with the activities.
    private mutating func refreshTotals(_ dossier: Dossier, today: CalendarDate, after change: Restoration? = nil) {
        if let change, remindersMadeOn == today {
            reminders = Reminder.updating(reminders, relations: Set(change.relations.map(\.id)), activities: Set(change.activities.map(\.id)),
                                          in: dossier, today: today, within: lookAheadDays)
        } else {
            reminders = Reminder.all(in: dossier, today: today, within: lookAheadDays)
            remindersMadeOn = today
        }
        // A budget line's amount changes the budgets (the ledger holds each year's amount); the Kader's pieces do not.
        let linesChanged = change.map { !$0.budgetLines.isEmpty } ?? false
        if linesChanged { ledger = BudgetLedger(dossier) }
        guard change?.activities.isEmpty != true || linesChanged else { return }
        years = ledger.years.sorted()
        budgets = BudgetYears.all(framework: dossier.framework, lines: dossier.budgetLines, activityYears: years, currentYear: today.year)
            .flatMap(ledger.overviews)
    }

    private func relationPrecedes(_ left: Int, _ right: Int) -> Bool {
        relationNameKeys[left] != relationNameKeys[right]
            ? RelationQuery.precedes(relationNameKeys[left], relationNameKeys[right]) : left < right
    }

    /// The activity list's order: by sort key, equal ones in dossier order.
    private static func precedes(_ left: Int, _ right: Int, _ leftKey: ActivityQuery.SortKey, _ rightKey: ActivityQuery.SortKey) -> Bool {
        leftKey != rightKey ? leftKey.precedes(rightKey) : left < right
    }

    /// Takes the changed positions out of an order and puts each back where it now belongs.
    private func reorder(_ order: inout [Int], changed: Set<Int>, by precedes: (Int, Int) -> Bool) {
        guard !changed.isEmpty else { return }
        order.removeAll(where: changed.contains)
        for position in changed.sorted() {
            var low = 0, high = order.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(order[middle], position) { low = middle + 1 } else { high = middle }
            }
            order.insert(position, at: low)
        }
    }

    private static func insertSorted(_ position: Int, into positions: inout [Int]) {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < position { low = middle + 1 } else { high = middle }
        }
        positions.insert(position, at: low)
    }

    /// Sets an element, appending when the position is the next one (an added entity).
    static func set<Element>(_ array: inout [Element], _ position: Int, _ value: Element) {
        if position < array.count {
            array[position] = value
        } else {
            precondition(position == array.count, "entities are added at the end")
            array.append(value)
        }
    }

    static func labelKey(_ relation: Relation, folder: inout SearchText.Folder) -> String {
        folder.fold(([relation.name, relation.id, relation.countries.names, relation.region] + relation.places).joined(separator: "\u{1}"))
    }

    /// Makes the search keys now, when they are not there yet (the first search; the runtime usually made
    /// them beforehand on another thread).
    public mutating func prepareSearch(_ dossier: Dossier) {
        if searchKeys == nil { searchKeys = SearchKeys(dossier: dossier) }
    }
}
