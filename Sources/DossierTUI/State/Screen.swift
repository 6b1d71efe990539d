import DossierCore

/// A screen on the navigation stack. The bottom of the stack is always a list.
public enum Screen: Hashable, Sendable {
    case list(Section)
    case relationDetail(DetailState)
    case activityDetail(DetailState)
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
