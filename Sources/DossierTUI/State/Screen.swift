import DossierCore

/// A screen on the navigation stack. The bottom of the stack is always a list.
public enum Screen: Hashable, Sendable {
    case list(Section)
    case relationDetail(DetailState)
    case activityDetail(DetailState)
    /// The change log of one relation or activity, or of the whole dossier.
    case history(HistoryState)
}

/// The journal entries shown in the change log, newest first.
public struct HistoryState: Hashable, Sendable {
    public var subject: String?
    public var title: String
    public var entries: [JournalEntry]
    public var list = ListState()

    public init(subject: String?, title: String, entries: [JournalEntry]) {
        self.subject = subject
        self.title = title
        self.entries = entries
    }
}

/// Which part of a detail screen has the keys: the information (scrolls) or the list below it
/// (the relation's activities, or the activity's follow-ups).
public enum DetailPane: Hashable, Sendable {
    case information
    case items
}

/// A relation or activity being looked at.
public struct DetailState: Hashable, Sendable {
    public var id: String
    public var pane: DetailPane
    /// First line of the information shown.
    public var scroll: Int
    public var items: ListState

    public init(id: String, pane: DetailPane = .information) {
        self.id = id
        self.pane = pane
        scroll = 0
        items = ListState()
    }
}
