import DossierCore

/// The first screen of a large dossier, shown from the storage's list index while the whole dossier is
/// read on another thread: the relations list (scrolling works) and the tabs with their counts, with a
/// status word. Everything else — opening, searching, another tab, any change — waits for the whole
/// dossier (the runtime does that), so nothing is ever decided on the preview.
public struct Preview: Hashable, Sendable {
    public var activityCount: Int
    public var visitCount: Int
    public var reminderCount: Int
}

extension ListIndex {
    /// Whether the first screen should come from this list, the whole dossier read behind it: from 1.000
    /// activities and relations on, reading the whole dossier first adds more than half to a start (± 6 ms at
    /// 1.000, on ± 10 ms for the rest). Below, the whole dossier is read first, in a few milliseconds, and the
    /// screen opens without a load behind it.
    public var isWorthPreviewing: Bool { activityCount + relations.count >= 1_000 }
}

extension AppState {
    /// A state for the preview: the list index's relations (in name order) as a dossier of rows only.
    public init(previewing list: ListIndex, today: CalendarDate, width: Int, height: Int, theme: Theme = .colored,
                isReadOnly: Bool = false, keyMap: KeyMap = .standard, lookAheadDays: Int = Reminder.defaultLookAheadDays,
                dates: DateWriting = .standard) {
        let rows = Dossier(title: "", framework: Framework(title: "", firstYear: today.year, lastYear: today.year, hasEuropeStrategy: false,
                                                           hasStrategicAgenda: false),
                           relations: list.relations.map(\.relation))
        self.init(dossier: rows, index: DossierIndex(previewing: list, lookAheadDays: lookAheadDays), today: today, width: width,
                  height: height, theme: theme, isReadOnly: isReadOnly, keyMap: keyMap, dates: dates)
        preview = Preview(activityCount: list.activityCount, visitCount: list.visitCount,
                          reminderCount: list.reminderCount(today: today, within: lookAheadDays))
        refreshRows()
    }

    /// Whether the preview can handle `message` itself: moving through the relations list, the help, a new
    /// window size, handing the terminal to the shell (Ctrl-Z, a stop from outside). Anything else needs the whole
    /// dossier.
    public func handlesBeforeLoad(_ message: Message) -> Bool {
        switch message {
        case .resize, .suspendRequested: return true
        case .key(let key):
            if let keys = keysOfAlt(key) { return keys.allSatisfy { handlesBeforeLoad(.key($0)) } }
            if layout.isTooSmall { return false }
            if helpScroll != nil { return keyMap.action(for: key, in: keyGroups) != .quit }
            guard let action = keyMap.action(for: key, in: keyGroups) else { return true }
            return [.moveDown, .moveUp, .pageDown, .pageUp, .moveToTop, .moveToBottom, .showHelp, .suspend].contains(action)
        default: return false
        }
    }

    /// The state made from the whole dossier, taking over what the user did on the preview: the window
    /// size, where the list was scrolled to and which relation was selected, and the message line.
    public func adoptingPreview(of preview: AppState) -> AppState {
        var state = self
        state.width = preview.width
        state.height = preview.height
        state.helpScroll = preview.helpScroll
        if state.message == nil { state.message = preview.message }
        if let id = preview.selectedID(in: .relations), let row = state.rowIndex(of: id, in: .relations) {
            // The same row at the same place on the screen: the lists have the same order.
            state.lists[.relations] = ListState(selection: row, offset: preview.listState(.relations).offset)
        }
        state.clampLists()
        return state
    }

    /// The count a tab shows: its rows, or while the preview is up the list index's counts.
    public func tabCount(_ section: Section) -> Int {
        guard let preview else { return rows(section).count }
        switch section {
        case .activities: return preview.activityCount
        case .visits: return preview.visitCount
        case .reminders: return preview.reminderCount
        default: return rows(section).count
        }
    }

    /// A tab's count as its label says it: "1/6" while a filter of that tab hides rows, so that a filter set on
    /// one tab is seen from the others too (the tab shown names its own filters beside the tabs).
    public func tabCountText(_ section: Section) -> String {
        let shown = tabCount(section)
        guard preview == nil, section != self.section, let total = unfilteredCount(section), total != shown else { return String(shown) }
        return "\(shown)/\(total)"
    }

    /// How many rows a filtered list would have without its filters; nil when none is set.
    private func unfilteredCount(_ section: Section) -> Int? {
        switch section {
        case .relations:
            relationQuery.statuses.isEmpty && relationQuery.kind == nil ? nil : dossier.relations.count
        case .activities:
            activityQuery == ActivityQuery() ? nil : dossier.activities.count
        case .visits:
            visitQuery == ActivityQuery(kind: .delegatiebezoek) ? nil
                : index.activityFacets.reduce(0) { $0 + ($1.kind == .delegatiebezoek ? 1 : 0) }
        default: nil
        }
    }
}

extension DossierIndex {
    /// The index of a preview: the list index's overviews, in its (name) order, and nothing else.
    init(previewing list: ListIndex, lookAheadDays: Int) {
        self.lookAheadDays = lookAheadDays
        overviews = list.relations
        activitiesByRelation = [:]
        var folder = SearchText.Folder()
        relationNameKeys = list.relations.map { folder.fold($0.relation.name) }
        // Only the relation picker reads these, and no form opens before the whole dossier is there.
        relationLabelKeys = relationNameKeys
        relationsByName = Array(list.relations.indices)
        searchKeys = nil
        activityFacets = []
        activityIDs = []
        activitiesInOrder = []
        years = []
        budgets = []
        reminders = []
        ledger = BudgetLedger(lines: [])
    }
}
