/// The whole dossier: the policy frame, budget lines, relations, activities and internal contacts.
///
/// Relations and activities can only be changed through `apply(_:context:)`, the one path every
/// modification takes, so that validation, history, undo and the journal all hang off one place.
public struct Dossier: Sendable {
    /// The newest file format this program reads and writes.
    public static let currentSchemaVersion = 3

    public var title: String
    public var framework: Framework
    public internal(set) var budgetLines: [BudgetLine]
    public private(set) var relations: [Relation]
    public private(set) var activities: [Activity]
    public internal(set) var internalContacts: [Contact]
    /// The last journal entry included in this dossier (0: none). File metadata, not part of equality.
    public internal(set) var journalSequence = 0
    /// The identity of this dossier's line of changes: every journal entry names it, so a journal of another
    /// dossier (or of another copy) is recognised. Nil for a file that never had one (it gets one when it is
    /// first written). File metadata, not part of equality.
    public internal(set) var lineage: String?
    /// The checksum of journal entry `journalSequence` ("" when there is none): the next entry names it as
    /// its `previous`. File metadata, not part of equality.
    public internal(set) var journalTail = ""
    /// Only a part of the dossier, as a store reads one to show, count or change something without the rest: the
    /// relations alone (`RelationsDossier`), with the activities the journal touched (`ActivityListing`), or with
    /// some activities or only what a list reads of them (`holding`). Never saved (`StoreError.partOfDossier`),
    /// never made into a side index. Not part of equality.
    public internal(set) var isPart = false

    private var relationIndex = PositionTable(of: [Relation]())
    private var activityIndex = PositionTable(of: [Activity]())

    public init(title: String, framework: Framework, budgetLines: [BudgetLine] = [], relations: [Relation] = [],
                activities: [Activity] = [], internalContacts: [Contact] = []) {
        self.title = title
        self.framework = framework
        self.budgetLines = budgetLines
        self.relations = relations
        self.activities = activities
        self.internalContacts = internalContacts
        self.internalContacts.assignMissingIDs()
        rebuildIndexes()
    }

    // MARK: Lookup

    public func relation(_ id: RelationID) -> Relation? {
        relationPosition(id).map { relations[$0] }
    }

    public func activity(_ id: ActivityID) -> Activity? {
        activityPosition(id).map { activities[$0] }
    }

    public func relationPosition(_ id: RelationID) -> Int? { relationIndex.position(of: id, in: relations) }

    public func activityPosition(_ id: ActivityID) -> Int? { activityIndex.position(of: id, in: activities) }

    /// The activities linked to a relation (or organised by it), in dossier order.
    public func activities(of relationID: RelationID) -> [Activity] {
        activities.filter { $0.relations.contains(relationID) || $0.organiser.relationID == relationID }
    }

    /// The name of a relation, or its id when it is unknown.
    public func relationName(_ id: RelationID) -> String {
        relation(id)?.name ?? id
    }

    /// The budget line a new activity is charged to unless told otherwise (the budget internationalisering).
    public var activityBudget: BudgetLine? {
        budgetLines.first { $0.isActivityBudget }
    }

    public func budgetLine(_ id: String) -> BudgetLine? {
        budgetLines.first { $0.id == id }
    }

    /// The name of the line that pays for an activity, or that none does.
    public func budgetLineName(of activity: Activity) -> String {
        guard let id = activity.budgetLine else { return "geen (niet ten laste van de gemeente)" }
        return budgetLine(id)?.name ?? id
    }

    /// Every contact with the relation it belongs to (nil for contacts inside the municipality).
    public var allContacts: [(relation: Relation?, contact: Contact)] {
        relations.flatMap { relation in relation.contacts.map { (relation: Optional(relation), contact: $0) } }
            + internalContacts.map { (relation: nil, contact: $0) }
    }

    /// Marks which change of its log this dossier holds up to, for a storage that writes it as a snapshot.
    public mutating func setJournalPosition(sequence: Int, lineage: String?, tail: String) {
        journalSequence = sequence
        self.lineage = lineage
        journalTail = tail
    }

    /// A dossier about to be written as a new file (the first start's copy of the bundled one, `dossier new`; not `generate`,
    /// whose files are the same byte for byte for the same seed):
    /// a lineage of its own, and a tail of its own (`Lineage.origin`) that its first journal entry names as `previous`.
    /// A journal is then bound to this very file: another dossier copied over it (also one without a lineage, such as
    /// an export) is refused with the journal, instead of taking its changes without a word.
    public mutating func beginLineage() {
        setJournalPosition(sequence: 0, lineage: Lineage.make(), tail: Lineage.origin())
    }

    /// The dossier as an export holds it: without its place in a log (lineage, last change, checksum), so that a
    /// file made from an export starts a line of its own and is never taken for a copy of this one's log.
    public func detachedFromItsLog() -> Dossier {
        var copy = self
        copy.setJournalPosition(sequence: 0, lineage: nil, tail: "")
        return copy
    }

    /// Whether no two relations and no two activities share an id (the indexes keep one position per id).
    public var hasUniqueIDs: Bool {
        relationIndex.count == relations.count && activityIndex.count == activities.count
    }

    // MARK: Mutation, for the change path and the decoder only

    private mutating func rebuildIndexes() {
        relationIndex = PositionTable(of: relations)
        activityIndex = PositionTable(of: activities)
    }

    mutating func insertRelation(_ relation: Relation, at position: Int? = nil) {
        let position = position.flatMap { relations.indices.contains($0) ? $0 : nil } ?? relations.count
        relations.insert(relation, at: position)
        relationIndex.inserted(at: position, of: relations)
        if relationIndex.count != relations.count { relationIndex = PositionTable(of: relations) }
    }

    mutating func insertActivity(_ activity: Activity, at position: Int? = nil) {
        let position = position.flatMap { activities.indices.contains($0) ? $0 : nil } ?? activities.count
        var activity = activity
        activity.followUps.assignMissingIDs()
        activities.insert(activity, at: position)
        activityIndex.inserted(at: position, of: activities)
        if activityIndex.count != activities.count { activityIndex = PositionTable(of: activities) }
    }

    /// Replaces the relation at a position; its id stays the same.
    mutating func replaceRelation(at position: Int, with relation: Relation) {
        relations[position] = relation
    }

    /// Follow-ups added without an id (a new one, an imported row) get theirs here, where every change passes.
    mutating func replaceActivity(at position: Int, with activity: Activity) {
        activities[position] = activity
        activities[position].followUps.assignMissingIDs()
    }

    mutating func removeRelation(at position: Int) {
        relationIndex.removing(at: position, of: relations)
        relations.remove(at: position)
        if relationIndex.count != relations.count { relationIndex = PositionTable(of: relations) }
    }

    mutating func removeActivity(at position: Int) {
        activityIndex.removing(at: position, of: activities)
        activities.remove(at: position)
        if activityIndex.count != activities.count { activityIndex = PositionTable(of: activities) }
    }
}

extension Dossier: Equatable {
    public static func == (lhs: Dossier, rhs: Dossier) -> Bool {
        lhs.title == rhs.title && lhs.framework == rhs.framework && lhs.budgetLines == rhs.budgetLines
            && lhs.relations == rhs.relations && lhs.activities == rhs.activities
            && lhs.internalContacts == rhs.internalContacts
    }
}
