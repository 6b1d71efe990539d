/// What a line of `dossier activities` shows of an activity: made from the activity itself, or from the
/// activity index without reading it (`ActivityListing.rows`).
public struct ActivityRow: Hashable, Sendable {
    public var startDate: CalendarDate?
    public var id: ActivityID
    public var title: String
    public var kind: ActivityKind
    public var status: ActivityStatus
    /// The linked relations (not the organiser), in the activity's order.
    public var relations: [RelationID]
    /// The cost a list shows (`Activity.listedCost`).
    public var cost: Money?
    /// The end date (`Activity.endDate`): with the start date, when it is over.
    public var endDate: CalendarDate?

    public init(startDate: CalendarDate?, id: ActivityID, title: String, kind: ActivityKind, status: ActivityStatus, relations: [RelationID],
                cost: Money?, endDate: CalendarDate?) {
        self.startDate = startDate
        self.endDate = endDate
        self.id = id
        self.title = title
        self.kind = kind
        self.status = status
        self.relations = relations
        self.cost = cost
    }

    public init(_ activity: Activity) {
        self.init(startDate: activity.startDate, id: activity.id, title: activity.title, kind: activity.kind, status: activity.status,
                  relations: activity.relations, cost: activity.listedCost, endDate: activity.endDate)
    }

    /// Over by `today` without a recorded outcome, as the activity itself would be (`Activity.isOverdue`).
    public func isOverdue(on today: CalendarDate) -> Bool { Activity.isOverdue(status, start: startDate, end: endDate, on: today) }
}
