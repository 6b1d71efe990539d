/// The top-level lists, reachable with 1, 2, 3 and Tab.
public enum Section: Int, Hashable, Sendable, CaseIterable {
    case relations
    case activities
    case visits

    public var title: String {
        switch self {
        case .relations: "Relaties"
        case .activities: "Activiteiten"
        case .visits: "Bezoeken"
        }
    }
}
