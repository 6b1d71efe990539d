import DossierCore

/// Everything the TUI shows and remembers, as one value. `update(_:)` changes it in response to messages
/// and returns the effects (save a change, quit) for the runtime to carry out.
public struct AppState: Sendable {
    /// Changed only by the runtime carrying out a `commit` effect (in place, without copying it).
    public var dossier: Dossier
    public internal(set) var index: DossierIndex
    /// The local date; set by the runtime before each message.
    public var today: CalendarDate
    public var width: Int
    public var height: Int
    public var theme: Theme
    public var isReadOnly: Bool
    public let keyMap: KeyMap

    public var stack: [Screen]
    public var relationQuery = RelationQuery()
    public var activityQuery = ActivityQuery()
    public var visitQuery = ActivityQuery(kind: .delegatiebezoek)
    public var lists: [Section: ListState] = [:]
    /// Per tab, the record a filter hid while it was selected, and the row the selection went to instead: while the
    /// selection stays there, a later filter that shows the record again selects it again (as mutt's limit keeps its place).
    var filterAnchors: [Section: (id: String, row: Int)] = [:]
    /// The rows each list shows: positions in the dossier's arrays, filtered and sorted (for the agenda:
    /// positions in `agendaLines`).
    public private(set) var rows: [Section: [Int]] = [:]
    /// The agenda as shown: headings and entries, from today on (or with the past). Computed only while the
    /// agenda is on screen, so other screens never pay for sorting every dated activity.
    public private(set) var agendaLines: [AgendaLine] = []
    /// Whether the agenda also shows the past (`v`), or starts today.
    public var agendaShowsPast = false
    /// The entries of the month at a glance, when it is open.
    public private(set) var agendaMonthEntries: [AgendaEntry] = []

    public var search: SearchState?
    public var form: Form? {
        didSet {
            // A form that just opened remembers the record as it is now: edits are made from that. A form put back
            // after being let go of for a moment (text typed in place) keeps the record it opened with.
            if let purpose = form?.purpose, form?.basis == nil || oldValue.map({ $0.purpose != purpose }) == true {
                form?.basis = FormBasis.of(purpose, in: dossier)
                // What a date it opens with says (one ten years away), before the first key.
                if form != nil { FormRules.noteDates(&form!, in: self) }
            }
        }
    }
    public var confirmation: Confirmation?
    /// The help screen's first line, when it is open.
    public var helpScroll: Int?
    public var message: StatusMessage?
    public var undoHistory = UndoHistory()
    public var pending: PendingCommit?
    /// The addition being saved (a contact, a follow-up, a visit), to say after it whether it probably doubles one.
    var pendingAddition: Change?
    /// The change being saved.
    var pendingChange: Change?
    /// A save whose outcome is not known (the connection to the database broke as it was written): when the change turns
    /// up among the changes that come in, it was saved after all; until then a second Ctrl-S asks first.
    /// `form`: the purpose of the form it was saved from, which only that form's Ctrl-S and closing concern.
    var unknownOutcome: (change: Change, purpose: PendingCommit, form: FormPurpose?, warned: Bool)?
    /// The item of a detail screen's list the change being saved selects once saved (the follow-up it ticks off; what
    /// it adds is found from `pendingAddition`): selected after the rows moved to where the change put them.
    var selectionAfterCommit: (kind: RecordList.Kind, itemID: String)?
    /// What the change being saved says by itself that is probably a mistake (a due date already past), said after it.
    var pendingWarning: String?
    /// The files changed on disk (written elsewhere) since they were read; `R` reloads.
    public var hasOutsideChange = false
    /// The dossier cannot be read now (a database out of reach): what the screen shows may be behind, and stays marked so
    /// after the message line has moved on.
    public var isStoreUnreachable = false
    /// How dates and times are written (the `dateFormat` setting, in the local time zone).
    public var dates: DateWriting
    /// Counts the changes to the dossier (own, others', a reload): what was derived from it on another
    /// thread is taken only for the revision it was made from.
    public internal(set) var revision = 0
    /// Each list's selected id when a commit was requested: row positions go stale once the dossier changes.
    var selectionBeforeChange: [Section: String] = [:]
    /// Others' changes came in while this screen's own change was being saved, and the lists were left for
    /// that save to refresh: then it refreshes every list, whatever its own change touched.
    var othersAwaitRefresh = false
    /// The same for the activity lists on the stack (opened from the budget), by their place in the stack.
    var stackSelectionBeforeChange: [Int: String] = [:]
    /// The selected item of each list on the detail screens on the stack, by what it is (`itemIdentity`), when
    /// others' changes or a reload came in: their rows shift when an item is added or removed before it.
    var detailSelectionBeforeChange: [Int: [RecordList.Kind: String]] = [:]
    public var hasQuit = false
    /// Set while the first screen shows the list index and the whole dossier is still being read
    /// (`AppState+Preview`).
    public internal(set) var preview: Preview?

    public init(dossier: Dossier, today: CalendarDate, width: Int, height: Int, theme: Theme = .colored,
                isReadOnly: Bool = false, keyMap: KeyMap = .standard, lookAheadDays: Int = Reminder.defaultLookAheadDays,
                dates: DateWriting = .standard) {
        self.init(dossier: dossier, index: DossierIndex(dossier: dossier, today: today, lookAheadDays: lookAheadDays), today: today,
                  width: width, height: height, theme: theme, isReadOnly: isReadOnly, keyMap: keyMap, dates: dates)
        refreshRows()
        // The budget opens on this year, not on the first year of the framework.
        if let thisYear = index.budgets.firstIndex(where: { $0.year == today.year }) {
            lists[.budget, default: ListState()].select(thisYear, count: rows(.budget).count, visibleRows: layout.listRows)
        }
    }

    init(dossier: Dossier, index: DossierIndex, today: CalendarDate, width: Int, height: Int, theme: Theme, isReadOnly: Bool, keyMap: KeyMap,
         dates: DateWriting) {
        self.dossier = dossier
        self.dates = dates
        self.index = index
        self.today = today
        self.width = width
        self.height = height
        self.theme = theme
        self.isReadOnly = isReadOnly
        self.keyMap = keyMap
        stack = [.list(.relations)]
    }

    public var screen: Screen { stack.last ?? .list(.relations) }

    public var section: Section {
        for screen in stack.reversed() {
            if case .list(let section) = screen { return section }
        }
        return .relations
    }

    /// Recomputes derived data after the dossier changed, keeping each list's selected item.
    /// With the restoration of a committed change only what it touched is recomputed; without one
    /// (a reload), or for a change that removed or moved entities, everything is.
    /// `indexIsCurrent`: the index was brought up to date already (changes by others).
    public mutating func refreshAfterChange(_ change: Restoration? = nil, indexIsCurrent: Bool = false) {
        let selectedIDs = selectionBeforeChange, stackSelectedIDs = stackSelectionBeforeChange, detailSelected = detailSelectionBeforeChange
        selectionBeforeChange = [:]
        stackSelectionBeforeChange = [:]
        detailSelectionBeforeChange = [:]
        revision += 1
        // A change that touched no activity (a relation's status, a contact) leaves the activity lists as they
        // are: filtering 100.000 activities again is most of what a save costs. Not when others' changes came
        // in with it: those may have added, changed or removed activities.
        var activitiesTouched = true
        if !indexIsCurrent {
            if let change, index.update(after: change, in: dossier, today: today) {
                activitiesTouched = othersAwaitRefresh || !change.activities.isEmpty
            } else {
                index = DossierIndex(dossier: dossier, today: today, lookAheadDays: index.lookAheadDays, searchKeys: index.searchKeys != nil)
            }
        }
        othersAwaitRefresh = false
        refreshRows(activities: activitiesTouched)
        for section in Section.allCases {
            if let id = selectedIDs[section], let row = rowIndex(of: id, in: section) {
                lists[section, default: ListState()].select(row, count: rows(section).count, visibleRows: layout.listRows)
            }
        }
        for (place, id) in stackSelectedIDs {
            guard stack.indices.contains(place), case .activityList(var screen) = stack[place],
                  let position = dossier.activityPosition(id), let row = screen.rows.firstIndex(of: position) else { continue }
            screen.list.select(row, count: screen.rows.count, visibleRows: ActivityListScreen.visibleRows(in: layout))
            stack[place] = .activityList(screen)
        }
        for (place, identities) in detailSelected where stack.indices.contains(place) {
            reselect(identities, onDetailScreenAt: place)
        }
        // Leave detail screens of things that no longer exist.
        stack = stack.filter { screen in
            switch screen {
            case .list, .activityList, .history, .agendaMonth, .municipality: true
            case .relationDetail(let detail): dossier.relation(detail.id) != nil
            case .activityDetail(let detail): dossier.activity(detail.id) != nil
            }
        }
        clampLists()
    }

    /// Remembers each list's selected id before the dossier changes under the rows.
    mutating func rememberSelection() {
        selectionBeforeChange = [:]
        for section in Section.allCases {
            if let id = selectedID(in: section) { selectionBeforeChange[section] = id }
        }
        stackSelectionBeforeChange = [:]
        for (place, screen) in stack.enumerated() {
            if case .activityList(let list) = screen, let id = selectedID(in: list) { stackSelectionBeforeChange[place] = id }
        }
    }

    /// The day the clock gives now. On a new day (the screen left open overnight) the signals look ahead from it, as the
    /// agenda does; the signal selected stays selected (a key pressed next acts on what was shown), else the same row.
    public mutating func setToday(_ day: CalendarDate) {
        let isNewDay = day != today
        today = day
        if isNewDay { refreshAgenda() }
        let row = listState(.reminders).selection
        let selected = selectedSignal
        guard index.remakeReminders(dossier, on: day) else { return }
        rows[.reminders] = Array(index.reminders.indices)
        let kept = selected.flatMap { subject in index.reminders.firstIndex { $0.subject == subject } }
        lists[.reminders, default: ListState()].select(kept ?? min(row, max(0, index.reminders.count - 1)), count: index.reminders.count,
                                                     visibleRows: layout.listRows)
    }

    /// Filters and sorts the lists from the current queries; `activities: false` keeps the activity lists
    /// (only for a change known to have touched no activity).
    public mutating func refreshRows(activities: Bool = true) {
        if relationQuery.order == .name {
            // The index keeps the name order: filtering it needs no sort.
            rows[.relations] = relationQuery.statuses.isEmpty && relationQuery.kind == nil
                ? index.relationsByName
                : dossier.relations.withUnsafeBufferPointer { relations in
                    index.relationsByName.filter { relationQuery.matches(relations[$0]) }
                }
        } else {
            let overviews = relationQuery.apply(to: index.overviews, names: index.relationNameKeys)
            rows[.relations] = overviews.compactMap { dossier.relationPosition($0.relation.id) }
        }
        if activities || rows[.activities] == nil || rows[.visits] == nil {
            rows[.activities] = sortedActivityPositions(activityQuery)
            rows[.visits] = sortedActivityPositions(visitQuery)
            for (place, screen) in stack.enumerated() {
                guard case .activityList(var list) = screen else { continue }
                list.rows = sortedActivityPositions(list.query)
                stack[place] = .activityList(list)
            }
        }
        rows[.budget] = Array(index.budgets.indices)
        rows[.reminders] = Array(index.reminders.indices)
        refreshAgenda()
        clampLists()
    }

    /// Lays the agenda out anew while it is on screen (the list or the month at a glance); otherwise empties it.
    mutating func refreshAgenda() {
        let isShown = stack.contains { screen in
            if case .list(.agenda) = screen { return true }
            if case .agendaMonth = screen { return true }
            return false
        }
        guard isShown else {
            agendaLines = []
            agendaMonthEntries = []
            rows[.agenda] = []
            return
        }
        let agenda = Agenda(dossier)
        let selection = listState(.agenda).selection
        let selected = agendaLines.indices.contains(selection) ? agendaLines[selection].entry : nil
        agendaLines = AgendaLine.lines(agenda.window(from: agendaShowsPast ? nil : today, to: nil, today: today), today: today)
        rows[.agenda] = Array(agendaLines.indices)
        // The selection stays on its entry, or on the next one where it was: never on a heading.
        let entries = agendaLines.indices.filter { agendaLines[$0].entry != nil }
        if let line = selected.flatMap({ agendaLines.firstIndex(of: .entry($0)) }) ?? entries.first(where: { $0 >= selection }) ?? entries.last {
            lists[.agenda, default: ListState()].select(line, count: agendaLines.count, visibleRows: layout.listRows)
        }
        if case .agendaMonth(let month) = screen {
            agendaMonthEntries = agenda.entries.filter { $0.overlaps(from: month, to: month.startOfNextMonth.adding(days: -1)) }
        } else {
            agendaMonthEntries = []
        }
    }

    public func rows(_ section: Section) -> [Int] { rows[section] ?? [] }

    public func listState(_ section: Section) -> ListState { lists[section] ?? ListState() }

    /// The id of the selected relation or activity of a list (nil for the budget and reminder lists).
    public func selectedID(in section: Section) -> String? {
        guard section.listsEntities else { return nil }
        let sectionRows = rows(section)
        let selection = listState(section).selection
        guard sectionRows.indices.contains(selection) else { return nil }
        let position = sectionRows[selection]
        if section == .relations { return dossier.relations.indices.contains(position) ? dossier.relations[position].id : nil }
        return dossier.activities.indices.contains(position) ? dossier.activities[position].id : nil
    }

    /// The id of the selected activity of an activity list on the stack.
    func selectedID(in screen: ActivityListScreen) -> ActivityID? {
        guard screen.rows.indices.contains(screen.list.selection) else { return nil }
        let position = screen.rows[screen.list.selection]
        return dossier.activities.indices.contains(position) ? dossier.activities[position].id : nil
    }

    func rowIndex(of id: String, in section: Section) -> Int? {
        guard section.listsEntities else { return nil }
        if section == .relations {
            guard let position = dossier.relationPosition(id) else { return nil }
            return rows(section).firstIndex(of: position)
        }
        guard let position = dossier.activityPosition(id) else { return nil }
        return rows(section).firstIndex(of: position)
    }

    mutating func clampLists() {
        for section in Section.allCases {
            lists[section, default: ListState()].clamp(count: rows(section).count, visibleRows: layout.listRows)
        }
        for (place, screen) in stack.enumerated() {
            switch screen {
            case .activityList(var list):
                list.list.clamp(count: list.rows.count, visibleRows: ActivityListScreen.visibleRows(in: layout))
                stack[place] = .activityList(list)
            case .history(var log):
                log.list.clamp(count: log.entries.count, visibleRows: HistoryLayout(layout: layout).listRows)
                stack[place] = .history(log)
            default:
                break
            }
        }
    }

    public var layout: Layout { Layout(width: width, height: height) }

    /// The list order is kept in the index; a query only filters it.
    private func sortedActivityPositions(_ query: ActivityQuery) -> [Int] {
        if query == ActivityQuery() { return index.activitiesInOrder }
        if query.relation == nil && query.countries.isEmpty { return query.filter(index.activitiesInOrder, facets: index.activityFacets) }
        // Read in place through the buffer: copying 100.000 activities to test them costs more than the test.
        return dossier.activities.withUnsafeBufferPointer { activities in
            index.activitiesInOrder.filter { query.matches(activities[$0]) }
        }
    }
}
