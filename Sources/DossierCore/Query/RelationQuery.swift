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

    /// Only relations with one of these statuses; empty: any.
    public var statuses: [RelationStatus]
    public var kind: RelationKind?
    public var order: Order

    public init(statuses: [RelationStatus] = [], kind: RelationKind? = nil, order: Order = .name) {
        self.statuses = statuses
        self.kind = kind
        self.order = order
    }

    public func matches(_ relation: Relation) -> Bool {
        (statuses.isEmpty || statuses.contains(relation.status)) && (kind == nil || relation.kind == kind)
    }

    /// The matching overviews, sorted. Names compare ignoring case and accents.
    public func apply(to overviews: [RelationOverview]) -> [RelationOverview] {
        var folder = SearchText.Folder()
        return apply(to: overviews, names: overviews.map { folder.fold($0.relation.name) })
    }

    /// As `apply(to:)`, with the folded names (aligned with `overviews`) already at hand.
    public func apply(to overviews: [RelationOverview], names: [String]) -> [RelationOverview] {
        let keyed = overviews.indices.filter { matches(overviews[$0].relation) }.map { (overview: overviews[$0], name: names[$0]) }
        let sorted: [(overview: RelationOverview, name: String)]
        switch order {
        case .name:
            sorted = keyed.sorted { RelationQuery.precedes($0.name, $1.name) }
        case .status:
            let rank = Dictionary(uniqueKeysWithValues: RelationStatus.allCases.enumerated().map { ($1, $0) })
            sorted = keyed.sorted {
                let left = rank[$0.overview.relation.status]!, right = rank[$1.overview.relation.status]!
                return left != right ? left < right : RelationQuery.precedes($0.name, $1.name)
            }
        case .date:
            sorted = keyed.sorted {
                let left = $0.overview.nextDate?.date ?? .distantFuture
                let right = $1.overview.nextDate?.date ?? .distantFuture
                return left != right ? left < right : RelationQuery.precedes($0.name, $1.name)
            }
        }
        return sorted.map(\.overview)
    }

    /// Positions in name order: by folded name, equal names in dossier order. The start screen's order, and
    /// the order the side index keeps its rows in.
    public static func nameOrder(_ foldedNames: [String]) -> [Int] {
        foldedNames.indices.sorted { foldedNames[$0] != foldedNames[$1] ? precedes(foldedNames[$0], foldedNames[$1]) : $0 < $1 }
    }

    /// Name order on folded names: by their UTF-8 bytes (code point order), which needs no
    /// normalising per comparison.
    public static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
