/// Which relations to list, and in what order.
public struct RelationQuery: Hashable, Sendable {
    public enum Order: String, Hashable, Sendable, CaseIterable {
        case name
        case status
        case date

        public var label: String {
            switch self {
            case .name: "naam"
            case .status: "status"
            case .date: "datum"
            }
        }
    }

    public var status: RelationStatus?
    public var kind: RelationKind?
    public var order: Order

    public init(status: RelationStatus? = nil, kind: RelationKind? = nil, order: Order = .name) {
        self.status = status
        self.kind = kind
        self.order = order
    }

    public func matches(_ relation: Relation) -> Bool {
        (status == nil || relation.status == status) && (kind == nil || relation.kind == kind)
    }

    /// The matching overviews, sorted. Names compare ignoring case and accents.
    public func apply(to overviews: [RelationOverview]) -> [RelationOverview] {
        let matching = overviews.filter { matches($0.relation) }
        let keyed = matching.map { (overview: $0, name: SearchText.fold($0.relation.name)) }
        let sorted: [(overview: RelationOverview, name: String)]
        switch order {
        case .name:
            sorted = keyed.sorted { $0.name < $1.name }
        case .status:
            let rank = Dictionary(uniqueKeysWithValues: RelationStatus.allCases.enumerated().map { ($1, $0) })
            sorted = keyed.sorted { (rank[$0.overview.relation.status]!, $0.name) < (rank[$1.overview.relation.status]!, $1.name) }
        case .date:
            sorted = keyed.sorted {
                let left = $0.overview.nextDate?.date ?? .distantFuture
                let right = $1.overview.nextDate?.date ?? .distantFuture
                return left != right ? left < right : $0.name < $1.name
            }
        }
        return sorted.map(\.overview)
    }
}
