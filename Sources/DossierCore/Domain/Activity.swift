/// A stable activity identifier: the slug of the title, made unique.
public typealias ActivityID = String

/// An international activity: a trade mission, a delegation visit, a fair, a funding application …
public struct Activity: Hashable, Sendable, Identifiable {
    public var id: ActivityID
    public var title: String
    /// The relations it is linked to (kept in `packed`, as are the other fields below that lists seldom show).
    public var relations: [RelationID] {
        get { packed.relations }
        set { packed.relations = newValue }
    }
    public var organiser: Organiser
    public var startDate: CalendarDate?
    // Declared between the dates, these two fill the bytes a date leaves over (8 bytes less per activity).
    public var kind: ActivityKind
    public var status: ActivityStatus
    public var endDate: CalendarDate?
    /// Where the activity goes (a mission) or where a delegation comes from (an incoming visit).
    public var countries: [Country] {
        get { packed.countries }
        set { packed.countries = newValue }
    }
    public var sectors: [Sector] {
        get { packed.sectors }
        set { packed.sectors = newValue }
    }
    /// The id of the budget line that pays (one of the dossier's `budgetLines`); nil: none, a partner pays.
    public var budgetLine: String?
    public var estimatedCost: Money?
    public var actualCost: Money?
    public var participants: [Participant] {
        get { packed.participants }
        set { packed.participants = newValue }
    }
    public var outcomes: String {
        get { packed.outcomes }
        set { packed.outcomes = newValue }
    }
    public var followUps: [FollowUp] {
        get { packed.followUps }
        set { packed.followUps = newValue }
    }
    public var notes: String {
        get { packed.notes }
        set { packed.notes = newValue }
    }
    /// Documents and pages that belong with the activity (the invitation, the visit report).
    public var links: [Link] {
        get { packed.links }
        set { packed.links = newValue }
    }
    /// Present exactly when `kind` is `delegatiebezoek`.
    public var visit: VisitDetails? {
        get { packed.visit }
        set { packed.visit = newValue }
    }
    /// `visit?.direction`, without decoding the rest of the visit (the lists filter on it).
    public var visitDirection: VisitDirection? { packed.visitDirection }
    public var statusHistory: [StatusChange<ActivityStatus>] {
        get { packed.statusHistory }
        set { packed.statusHistory = newValue }
    }
    public var assessments: [Assessment]
    /// The fields above that are not stored on their own, as compact bytes (docs/performance.md, point 57).
    private var packed: PackedActivityFields

    /// How many bytes the packed fields take (for `dossier-benchmarks --memory` and the tests).
    public var packedByteCount: Int { packed.byteCount }

    public init(id: ActivityID, title: String, kind: ActivityKind, status: ActivityStatus = .idee,
                relations: [RelationID] = [], organiser: Organiser = .municipality, startDate: CalendarDate? = nil,
                endDate: CalendarDate? = nil, countries: [Country] = [], sectors: [Sector] = [], budgetLine: String? = nil, estimatedCost: Money? = nil,
                actualCost: Money? = nil, participants: [Participant] = [], outcomes: String = "",
                followUps: [FollowUp] = [], notes: String = "", links: [Link] = [], visit: VisitDetails? = nil,
                statusHistory: [StatusChange<ActivityStatus>] = [], assessments: [Assessment] = []) {
        self.id = id
        self.title = title
        self.kind = kind
        self.status = status
        self.organiser = organiser
        self.startDate = startDate
        self.endDate = endDate
        self.budgetLine = budgetLine
        self.estimatedCost = estimatedCost
        self.actualCost = actualCost
        var followUps = followUps, links = links
        if !followUps.isEmpty { followUps.assignMissingIDs() }
        if !links.isEmpty { links.assignMissingIDs() }
        packed = PackedActivityFields(relations: relations, statusHistory: statusHistory, countries: countries, sectors: sectors,
                                      participants: participants, visit: visit, followUps: followUps, notes: notes,
                                      outcomes: outcomes, links: links)
        self.assessments = assessments
    }

    /// The year the activity counts in: the year of its start date.
    public var year: Int? { startDate?.year }

    /// What the activity costs for the budget: the actual cost once carried out, else the estimate; called off, only what
    /// was paid all the same (its actual cost), never the estimate.
    public var budgetedCost: Money { Activity.budgetedCost(status: status, actualCost: actualCost, estimatedCost: estimatedCost) }

    /// The cost a list shows of it: the actual cost once carried out or called off (the estimate while that is not known),
    /// before that the estimate; nil when there is none to show.
    public var listedCost: Money? { Activity.listedCost(status: status, actualCost: actualCost, estimatedCost: estimatedCost) }

    public static func listedCost(status: ActivityStatus, actualCost: Money?, estimatedCost: Money?) -> Money? {
        status.hasActualCost ? actualCost ?? estimatedCost : estimatedCost
    }

    /// What the activity puts on a budget line, as the budget counts it: its budgeted cost once approved, planned or
    /// carried out and charged to a line, and what was paid for one called off; nothing when it was turned down, is still
    /// undecided or is paid by a partner.
    public var chargedCost: Money {
        let cost = budgetedCost
        return budgetLine != nil && status.chargesBudget(cost) ? cost : .zero
    }

    /// The same from the three fields it depends on (for a pass that reads activities field by field, in place).
    public static func budgetedCost(status: ActivityStatus, actualCost: Money?, estimatedCost: Money?) -> Money {
        if status == .geannuleerd { return actualCost ?? .zero }
        return listedCost(status: status, actualCost: actualCost, estimatedCost: estimatedCost) ?? .zero
    }

    /// Goes to (or comes from) a country outside Europe.
    public var isOutsideEurope: Bool { countries.includesOutsideEurope }

    public var isVisit: Bool { kind == .delegatiebezoek }

    /// Who decided the approval (a decision of B&W or a mandate), from the latest history entry that has one.
    public var approvalDecision: String? { statusHistory.last { $0.decision != nil }?.decision }

    /// Why the approval set a negative weighing (or the Kader's rules) aside, when it had to: from the step to
    /// goedgekeurd, or the one entry of an activity that started out approved or planned (only an approval holds one).
    public var approvalOverrideReason: String? { statusHistory.last { $0.overrideReason != nil }?.overrideReason }

    /// The entrepreneurs taking part (for a visit: present).
    public var entrepreneurs: [Participant] { participants.filter { $0.role == .ondernemer } }

    public var openFollowUps: [FollowUp] { followUps.filter { !$0.isDone } }
}
