/// The relations and every activity's id, title and start date: all a typed name is looked up in, without an
/// `Activity` per activity (`DossierStore.loadForNaming`, from the activity index). A refusal or suggestion made
/// here is word for word the one the whole dossier gives.
public struct NameCatalog: NamedRecords, Sendable {
    public let relations: [Relation]
    /// In the dossier's order.
    public let namedActivities: [ActivityName]

    public init(relations: [Relation], activities: [ActivityName]) {
        self.relations = relations
        self.namedActivities = activities
    }

    public func relation(_ id: RelationID) -> Relation? {
        relations.first { $0.id == id }
    }

    /// (One lookup per command: a scan, instead of a table of a hundred thousand ids built for it.)
    public func namedActivity(_ id: ActivityID) -> ActivityName? {
        namedActivities.first { $0.id == id }
    }
}

/// An activity as far as a name reads it (`ActivityNaming`).
public struct ActivityName: ActivityNaming, Hashable, Sendable {
    public var id: ActivityID
    public var title: String
    public var startDate: CalendarDate?

    public init(id: ActivityID, title: String, startDate: CalendarDate?) {
        self.id = id
        self.title = title
        self.startDate = startDate
    }
}
