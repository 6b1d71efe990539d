/// Which activities to list: by status, kind, year, budget line, relation, country and, for visits, direction.
/// Listed by start date (undated last), then title.
public struct ActivityQuery: Hashable, Sendable {
    /// Only activities with one of these statuses; empty: any.
    public var statuses: [ActivityStatus]
    public var kind: ActivityKind?
    /// Only activities starting in this year, or from it through `throughYear`.
    public var year: Int?
    /// With `year`: the last year of a span of years (`--year 2025-2026`).
    public var throughYear: Int?
    public var relation: RelationID?
    /// Only delegation visits in this direction.
    public var direction: VisitDirection?
    /// Only activities charged to this budget line (its id).
    public var budgetLine: String?
    /// Only activities that go to (or whose delegation comes from) one of these countries; empty: any.
    public var countries: [Country]

    public init(statuses: [ActivityStatus] = [], kind: ActivityKind? = nil, year: Int? = nil, throughYear: Int? = nil, relation: RelationID? = nil,
                direction: VisitDirection? = nil, budgetLine: String? = nil, countries: [Country] = []) {
        self.statuses = statuses
        self.kind = kind
        self.year = year
        self.throughYear = throughYear
        self.relation = relation
        self.direction = direction
        self.budgetLine = budgetLine
        self.countries = countries
    }

    public func matches(_ activity: Activity) -> Bool {
        if !statuses.isEmpty, !statuses.contains(activity.status) { return false }
        if let kind, activity.kind != kind { return false }
        if year != nil, !takesYear(activity.year) { return false }
        if let relation, !activity.relations.contains(relation), activity.organiser.relationID != relation { return false }
        if let direction, activity.visitDirection != direction { return false }
        if let budgetLine, activity.budgetLine != budgetLine { return false }
        if !countries.isEmpty, !activity.countries.contains(where: countries.contains) { return false }
        return true
    }

    /// What the query looks at, except the relations and countries: small enough to test 100.000 activities per key.
    public struct Facets: Hashable, Sendable {
        public var status: ActivityStatus
        public var kind: ActivityKind
        public var year: Int?
        public var direction: VisitDirection?
        public var budgetLine: String?

        init(status: ActivityStatus, kind: ActivityKind, year: Int?, direction: VisitDirection?, budgetLine: String?) {
            self.status = status
            self.kind = kind
            self.year = year
            self.direction = direction
            self.budgetLine = budgetLine
        }

        public init(_ activity: Activity) {
            status = activity.status
            kind = activity.kind
            year = activity.year
            direction = activity.visitDirection
            budgetLine = activity.budgetLine
        }
    }

    /// As `matches(_:)` for a query without a relation or countries.
    public func matches(_ facets: Facets) -> Bool {
        precondition(relation == nil && countries.isEmpty, "a relation or country filter needs the activity itself")
        if !statuses.isEmpty, !statuses.contains(facets.status) { return false }
        if let kind, facets.kind != kind { return false }
        if year != nil, !takesYear(facets.year) { return false }
        if let direction, facets.direction != direction { return false }
        if let budgetLine, facets.budgetLine != budgetLine { return false }
        return true
    }

    /// Whether an activity starting in `activityYear` (nil: undated) lies in the query's year or span of years.
    func takesYear(_ activityYear: Int?) -> Bool {
        guard let year else { return true }
        guard let activityYear else { return false }
        return activityYear >= year && activityYear <= max(year, throughYear ?? year)
    }

    /// The positions in `order` whose facets match, for a query without a relation or countries. Each facet is read field by
    /// field in place: handing `facets[position]` to `matches(_:)` copied it (a retain and release of its budget
    /// line), which at 100.000 activities was a third of what deleting one in the screen cost. Every position must
    /// be one of `facets`' (it traps otherwise).
    public func filter(_ order: [Int], facets: [Facets]) -> [Int] {
        precondition(relation == nil && countries.isEmpty, "a relation or country filter needs the activity itself")
        return facets.withUnsafeBufferPointer { facets in
            order.filter { position in
                // The buffer does not check its bounds in a release build; a position from elsewhere must trap, not read.
                precondition(UInt(bitPattern: position) < UInt(facets.count), "position \(position) outside the facets")
                if !statuses.isEmpty, !statuses.contains(facets[position].status) { return false }
                if let kind, facets[position].kind != kind { return false }
                if year != nil, !takesYear(facets[position].year) { return false }
                if let direction, facets[position].direction != direction { return false }
                if let budgetLine, facets[position].budgetLine != budgetLine { return false }
                return true
            }
        }
    }

    public func apply(to activities: [Activity]) -> [Activity] {
        positions(in: activities).map { activities[$0] }
    }

    /// Where the matching activities stand in `activities`, in list order: for a caller that goes through
    /// a large list without copying the activities themselves.
    public func positions(in activities: [Activity]) -> [Int] {
        activities.withUnsafeBufferPointer { activities in
            let matching = activities.indices.filter { matches(activities[$0]) }
            return ActivityQuery.listOrder(matching.map { SortKey(activities[$0]) }).map { matching[$0] }
        }
    }

    /// Activities in list order (`SortKey`; a stable sort).
    public static func sortedChronologically(_ activities: [Activity]) -> [Activity] {
        listOrder(activities.map(SortKey.init)).map { activities[$0] }
    }

    /// Where each of `keys` stands in list order: a stable sort, equal keys keep their order.
    static func listOrder(_ keys: [SortKey]) -> [Int] {
        keys.indices.sorted { keys[$0].precedes(keys[$1]) }
    }

    /// The list order: start date first (undated last), then title ignoring case and accents. Made once per activity,
    /// so that sorting many does not fold titles in every comparison.
    public struct SortKey: Hashable, Sendable {
        public var date: CalendarDate
        public var title: String

        init(date: CalendarDate, title: String) {
            self.date = date
            self.title = title
        }

        public init(_ activity: Activity) {
            date = activity.startDate ?? .distantFuture
            // Folded as the relations' names are: "ételage" among the e's, not after z.
            title = SearchText.fold(activity.title)
        }

        public func precedes(_ other: SortKey) -> Bool {
            date != other.date ? date < other.date : title < other.title
        }
    }
}
