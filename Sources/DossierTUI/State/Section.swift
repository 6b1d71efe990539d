/// The top-level lists, reachable with 1 … 6 and Tab.
public enum Section: Int, Hashable, Sendable, CaseIterable {
    case relations
    case activities
    case visits
    case budget
    case reminders
    case agenda

    public var title: String {
        switch self {
        case .relations: "Relaties"
        case .activities: "Activiteiten"
        case .visits: "Bezoeken"
        case .budget: "Budget"
        case .reminders: "Signalen"
        case .agenda: "Agenda"
        }
    }

    /// For narrow windows.
    public var shortTitle: String {
        switch self {
        case .relations: "Rel."
        case .activities: "Act."
        case .visits: "Bez."
        case .budget: "Budget"
        case .reminders: "Sign."
        case .agenda: "Agenda"
        }
    }

    /// Lists of relations or activities (the others list years, reminders or the agenda).
    public var listsEntities: Bool { self == .relations || self == .activities || self == .visits }
}
