import DossierCore

/// A screen on the navigation stack. The bottom of the stack is always a list.
public enum Screen: Hashable, Sendable {
    case list(Section)
    case relationDetail(DetailState)
    case activityDetail(DetailState)
    /// The municipality itself: its own contacts (wethouders, colleagues).
    case municipality(DetailState)
    /// The change log of one relation or activity, or of the whole dossier.
    case history(HistoryState)
    /// The agenda's month at a glance: the first day of the month shown.
    case agendaMonth(CalendarDate)
    /// Activities opened from another screen (a year's budget line), with filters of their own.
    case activityList(ActivityListScreen)
}

/// The journal entries shown in the change log, newest first.
public struct HistoryState: Hashable, Sendable {
    public var subject: String?
    public var title: String
    public private(set) var entries: [JournalEntry]
    public var list = ListState()
    /// The columns the entries need: "Wie" as wide as the longest name (at most 14), "Reden" only when one has a reason.
    private(set) var whoWidth = 3
    private(set) var hasReasons = false

    public init(subject: String?, title: String, entries: [JournalEntry]) {
        self.subject = subject
        self.title = title
        self.entries = []
        insertAtTop(entries)
    }

    /// Newer entries, newest first, above those shown.
    mutating func insertAtTop(_ newer: [JournalEntry]) {
        entries.insert(contentsOf: newer, at: 0)
        whoWidth = min(14, max(whoWidth, newer.map { DisplayWidth.of($0.who) }.max() ?? 0))
        hasReasons = hasReasons || newer.contains { !$0.reason.isEmpty }
    }
}

/// Which part of a detail screen has the keys: the information (scrolls) or one of the lists below it
/// (a relation's contacts, links and activities; an activity's follow-ups and links).
public enum DetailPane: Hashable, Sendable {
    case information
    case list(RecordList.Kind)
}

/// A relation or activity being looked at.
public struct DetailState: Hashable, Sendable {
    public var id: String
    public var pane: DetailPane
    /// First line of the information shown.
    public var scroll: Int
    /// The list shown below the information (the focused one, or the one last focused).
    public var shownList: RecordList.Kind?
    /// The selection in each list.
    public var lists: [RecordList.Kind: ListState] = [:]

    public init(id: String, pane: DetailPane = .information) {
        self.id = id
        self.pane = pane
        scroll = 0
        if case .list(let kind) = pane { shownList = kind }
    }

    /// The selection of the shown list.
    public var items: ListState {
        get { shownList.flatMap { lists[$0] } ?? ListState() }
        set { if let shownList { lists[shownList] = newValue } }
    }

    /// The list that has the keys, if one has.
    public var focusedList: RecordList.Kind? {
        if case .list(let kind) = pane { return kind }
        return nil
    }
}
