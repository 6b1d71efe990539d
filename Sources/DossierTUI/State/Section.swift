/// The top-level lists, reachable with 1, 2, 3 and Tab.
public enum Section: Int, Hashable, Sendable, CaseIterable {
    case relations
    case activities
    case visits
    case budget
    case reminders

    public var title: String {
        switch self {
        case .relations: "Relaties"
        case .activities: "Activiteiten"
        case .visits: "Bezoeken"
        case .budget: "Budget"
        case .reminders: "Signalen"
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
        }
    }

    /// Lists of relations or activities (the others list years or reminders).
    public var listsEntities: Bool { self == .relations || self == .activities || self == .visits }
}
