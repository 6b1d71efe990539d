/// A relation or an activity, by id: what a link belongs to.
public enum EntityReference: Hashable, Sendable {
    case relation(RelationID)
    case activity(ActivityID)

    public var id: String {
        switch self {
        case .relation(let id), .activity(let id): id
        }
    }
}
