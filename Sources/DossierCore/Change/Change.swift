/// One modification of the dossier, as a value. Every modification is applied through
/// `Dossier.apply(_:context:)`, journaled, and can be undone by applying the restoration it returns.
public enum Change: Hashable, Sendable {
    /// Moves a relation to another status; a reason is always required, laag pitje also needs a review date.
    /// The same status again is a review (herijking), for a status with a review date: it keeps the status
    /// with a new review date and reason.
    /// `seen`: the status the person saw when deciding; a different status now is a conflict (someone else
    /// changed it meanwhile), never silently overwritten. `seenReviewDate`: with a seen status on laag pitje, the review date
    /// the person saw; a colleague's review meanwhile (another date) is a conflict too.
    case setRelationStatus(RelationID, status: RelationStatus, reason: String, reviewDate: CalendarDate?, seen: RelationStatus? = nil,
                           seenReviewDate: CalendarDate? = nil)
    case addRelation(Relation)
    /// Changes fields of a relation (see `Relation.fields`), each from the value the editor saw.
    case editRelation(RelationID, [FieldEdit])
    /// Replaces a relation's fields as a whole. Written by version 1 only; kept so older journals replay.
    case updateRelation(Relation)
    case deleteRelation(RelationID)
    /// Adds an activity; logging a delegation visit is adding an activity of kind `delegatiebezoek`.
    case addActivity(Activity)
    /// Changes fields of an activity (see `Activity.fields`), each from the value the editor saw.
    case editActivity(ActivityID, [FieldEdit])
    /// Replaces an activity's fields as a whole. Written by version 1 only; kept so older journals replay.
    case updateActivity(Activity)
    /// Moves an activity along its life cycle. Approving records who decided (`decision`: a decision of B&W or a
    /// mandate), and against a negative verdict also `overrideReason`. Carried out: not before the start date,
    /// with the actual cost when given. `seen`: the status the person saw (a different one now is a conflict).
    case moveActivity(ActivityID, status: ActivityStatus, reason: String, overrideReason: String?, decision: String? = nil,
                      actualCost: Money? = nil, seen: ActivityStatus? = nil)
    case deleteActivity(ActivityID)
    case addFollowUp(ActivityID, FollowUp)
    /// Ticks a follow-up off or opens it again: the one at `index`, and with `seen` the one found as the person saw it
    /// there (a colleague's addition or removal of another leaves it found; a change to it is a conflict, never another
    /// follow-up ticked off). Lines written before `seen` existed carry the index alone.
    case setFollowUpDone(ActivityID, index: Int, isDone: Bool, seen: FollowUpPlace? = nil)
    /// Changes the action, due date or owner of a follow-up, found as the person saw it (`FollowUpPlace`), each field
    /// from the value the editor saw.
    case editFollowUp(ActivityID, FollowUpPlace, [FieldEdit])
    /// Removes a follow-up, found as the person saw it (`FollowUpPlace`).
    case removeFollowUp(ActivityID, FollowUpPlace)
    /// Keeps a weighing with the activity; its `by` and `timestamp` are set from the change's context. `seen`: the answers
    /// of the latest weighing as the person saw them when weighing from them (none: `AssessmentAnswers()`); a colleague's
    /// weighing since is a conflict, never silently weighed over. Nil: not checked (lines written before it existed).
    case recordAssessment(ActivityID, Assessment, seen: AssessmentAnswers? = nil)
    /// Adds a contact person to a relation or to the municipality's own; an empty id becomes the slug of the name.
    case addContact(ContactOwner, Contact)
    case editContact(ContactOwner, ContactID, [FieldEdit])
    case removeContact(ContactOwner, ContactID)
    /// Adds a link to a relation or an activity; an empty id becomes the slug of the label.
    case addLink(EntityReference, Link)
    case editLink(EntityReference, LinkID, [FieldEdit])
    case removeLink(EntityReference, LinkID)
    /// Sets what a budget line has in one year (a decision of the council: a cut, a rise, a year after the Kader's), or with
    /// `amount` nil takes that year back to the line's yearly amount. `seen`: the year's amount as the person saw it (a
    /// different one now is a conflict). `decision`: the council's decision it records (required).
    case setBudgetAmount(String, year: Int, amount: Money?, seen: Money? = nil, decision: String)
    /// Records whether a piece of policy the Kader waits for is there now (`PolicyPiece`), with the decision that
    /// adopted (or withdrew) it; the weighing follows it. `seen`: whether it was there as the person saw it (a colleague's
    /// change since is a conflict).
    case setPolicy(PolicyPiece, isThere: Bool, seen: Bool? = nil, decision: String)
    /// Puts relations, activities and the municipality's own contacts back as they were: how undo and redo are recorded.
    case restore(Restoration)
    /// Several changes applied together, all or none (an import): one journal entry, one undo.
    case batch([Change], label: String)

    /// Putting back a state: an undo or redo, or what a refused or unwritten change left.
    public var isRestoration: Bool {
        if case .restore = self { return true }
        return false
    }
}

/// Relations, activities and the municipality's own contacts as they were at some moment, to put back. Undoing a change applies the
/// restoration its application returned; the undo is itself a change, so history is never rewritten.
public struct Restoration: Hashable, Sendable {
    /// Why entities are put back: undoing or redoing a change, or neither (a failed batch, a script).
    public enum Purpose: String, Hashable, Sendable {
        case undo, redo
    }

    /// What is put back, for messages ("Status van Taizhou").
    public var label: String
    public var purpose: Purpose?
    public var relations: [Snapshot<Relation>]
    public var activities: [Snapshot<Activity>]
    /// The municipality's own contacts (`Dossier.internalContacts`), each with its place in that list.
    public var ownContacts: [Snapshot<Contact>]
    /// Budget lines, by id (never added or removed by a change: each snapshot has a value).
    public var budgetLines: [Snapshot<BudgetLine>]
    /// The framework, when the change altered it (its id is `Framework.snapshotID`).
    public var framework: Snapshot<Framework>?

    public init(label: String, purpose: Purpose? = nil, relations: [Snapshot<Relation>] = [], activities: [Snapshot<Activity>] = [],
                ownContacts: [Snapshot<Contact>] = [], budgetLines: [Snapshot<BudgetLine>] = [], framework: Snapshot<Framework>? = nil) {
        self.label = label
        self.purpose = purpose
        self.relations = relations
        self.activities = activities
        self.ownContacts = ownContacts
        self.budgetLines = budgetLines
        self.framework = framework
    }

    /// Whether it puts nothing back.
    public var isEmpty: Bool { relations.isEmpty && activities.isEmpty && ownContacts.isEmpty && !touchesPolicy }

    /// Whether it puts back budget lines or the framework: what the weighing and the budget are made against.
    public var touchesPolicy: Bool { !budgetLines.isEmpty || framework != nil }
}

/// One entity as it was: its value (nil when it did not exist) and its place in the dossier's list as it was before
/// the change (for a batch: before its first step; for one that added it, where it was added).
public struct Snapshot<Entity: Hashable & Sendable>: Hashable, Sendable {
    public var id: String
    public var value: Entity?
    public var position: Int
    /// What the entity must be now for it to be put back: as the change being undone left it. When someone
    /// changed it since, putting it back would undo their change too, so it is refused instead.
    public var expected: Expectation<Entity>

    public init(id: String, value: Entity?, position: Int, expected: Expectation<Entity> = .unchecked) {
        self.id = id
        self.value = value
        self.position = position
        self.expected = expected
    }
}

/// What an entity must be before a snapshot of it is put back.
public enum Expectation<Entity: Hashable & Sendable>: Hashable, Sendable {
    /// Anything (a restoration written by hand, or by an older version).
    case unchecked
    /// It must not exist (the change being undone removed it).
    case absent
    /// It must be exactly this.
    case value(Entity)

    public init(_ current: Entity?) {
        self = current.map(Expectation.value) ?? .absent
    }

    public func isMet(by current: Entity?) -> Bool {
        switch self {
        case .unchecked: true
        case .absent: current == nil
        case .value(let expected): current == expected
        }
    }
}
