/// What a typed name is looked up in (`NameLookup`): the relations, and of every activity at least what a name
/// reads of it. The whole dossier is one; `NameCatalog` is one made from the activity index.
public protocol NamedRecords {
    associatedtype NamedActivity: ActivityNaming
    var relations: [Relation] { get }
    func relation(_ id: RelationID) -> Relation?
    /// Every activity, in the dossier's order.
    var namedActivities: [NamedActivity] { get }
    func namedActivity(_ id: ActivityID) -> NamedActivity?
}

/// What a name reads of an activity: the id and title it answers to, and the start date a suggestion shows.
public protocol ActivityNaming: Sendable {
    var id: ActivityID { get }
    var title: String { get }
    var startDate: CalendarDate? { get }
}

extension Activity: ActivityNaming {}

extension Dossier: NamedRecords {
    public var namedActivities: [Activity] { activities }
    public func namedActivity(_ id: ActivityID) -> Activity? { activity(id) }
}
