extension Change {
    /// What a change can alter, and what its rules look at.
    public enum Reach: Hashable, Sendable {
        /// Relations only, checked against the relations only (a status, a field, a contact, a link): it can
        /// be applied to the dossier's relations read without its activities (`RelationsDossier`).
        case relations
        /// Activities only: it never alters a relation, so the relations are the same with or without it.
        case activities
        /// The municipality's own contacts only: neither a relation nor an activity. They are written after the
        /// activities, so a change of them is made on the whole dossier; a reader of the relations or the activities
        /// alone passes it by.
        case ownContacts
        /// Both, or a rule that looks at the other side (removing a relation asks whether an activity names
        /// it): only the whole dossier will do.
        case whole
    }

    public var reach: Reach {
        switch self {
        case .setRelationStatus, .addRelation, .editRelation, .updateRelation:
            return .relations
        case let .addContact(owner, _), let .editContact(owner, _, _), let .removeContact(owner, _):
            return owner == .municipality ? .ownContacts : .relations
        case .deleteRelation, .setBudgetAmount, .setPolicy:
            // The budget lines and the framework come before the relations, and the weighing and the budget of every
            // activity follow them: only the whole dossier will do.
            return .whole
        case .addActivity, .editActivity, .updateActivity, .moveActivity, .deleteActivity, .addFollowUp, .setFollowUpDone, .editFollowUp, .removeFollowUp,
             .recordAssessment:
            return .activities
        case let .addLink(owner, _), let .editLink(owner, _, _), let .removeLink(owner, _):
            if case .relation = owner { return .relations }
            return .activities
        case .restore(let restoration):
            // Taking a relation away (undoing its addition) asks whether anything still names it.
            if restoration.relations.contains(where: { $0.value == nil }) || restoration.touchesPolicy { return .whole }
            switch (restoration.relations.isEmpty, restoration.activities.isEmpty, restoration.ownContacts.isEmpty) {
            case (false, true, true): return .relations
            case (true, false, true): return .activities
            case (true, true, false): return .ownContacts
            case (true, true, true): return .activities
            default: return .whole
            }
        case .batch(let changes, _):
            let reaches = Set(changes.map(\.reach))
            if reaches.count > 1 || reaches.contains(.whole) { return .whole }
            return reaches.first ?? .activities
        }
    }
}

extension Change {
    /// Whether the change alters or deletes the activity `id` alone, with rules that look only at that activity and
    /// the relations: one that can be made on a dossier holding just that activity (`loadForChangingActivity`).
    func changesOnly(_ id: ActivityID) -> Bool {
        switch self {
        case let .editActivity(subject, _), let .moveActivity(subject, _, _, _, _, _, _), let .addFollowUp(subject, _),
             let .setFollowUpDone(subject, _, _, _), let .editFollowUp(subject, _, _), let .removeFollowUp(subject, _),
             let .recordAssessment(subject, _, _), let .deleteActivity(subject):
            subject == id
        case .updateActivity(let activity):
            activity.id == id
        case let .addLink(owner, _), let .editLink(owner, _, _), let .removeLink(owner, _):
            owner == .activity(id)
        case .batch(let changes, _):
            // The outcomes or the date set with a step: each part on that activity alone.
            !changes.isEmpty && changes.allSatisfy { $0.changesOnly(id) }
        default:
            false
        }
    }

    /// Whether the change approves an activity: moves one to goedgekeurd, or adds one approved or planned. Approving
    /// is weighed against the budget of all activities (`Dossier.whyApprovalNeedsOverride`).
    var approves: Bool {
        switch self {
        case let .moveActivity(_, status, _, _, _, _, _): status == .goedgekeurd
        case .addActivity(let activity): activity.status == .goedgekeurd || activity.status == .gepland
        case .batch(let changes, _): changes.contains(where: \.approves)
        default: false
        }
    }

    /// Whether it puts back budget lines or the framework otherwise than as an undo or redo: a script's restoration, which
    /// would change the budget or the Kader without the decision `setBudgetAmount` and `setPolicy` ask for.
    public var setsPolicyWithoutDecision: Bool {
        switch self {
        case .restore(let restoration): restoration.touchesPolicy && restoration.purpose == nil
        case .batch(let changes, _): changes.contains(where: \.setsPolicyWithoutDecision)
        default: false
        }
    }

    /// The ids of the relations this change adds or may put back: each must be no activity's id as well.
    var relationIDsBroughtIn: [RelationID] {
        switch self {
        case .addRelation(let relation): [relation.id]
        case .restore(let restoration): restoration.relations.compactMap { $0.value == nil ? nil : $0.id }
        case .batch(let changes, _): changes.flatMap(\.relationIDsBroughtIn)
        default: []
        }
    }
}
