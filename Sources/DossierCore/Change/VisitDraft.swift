/// What is known when a delegation visit is logged, from the TUI's form or `dossier log-visit`, and how it
/// becomes an activity of kind `delegatiebezoek`.
public struct VisitDraft: Hashable, Sendable {
    public var title: String
    public var relations: [RelationID]
    public var date: CalendarDate
    public var endDate: CalendarDate?
    public var direction: VisitDirection
    public var delegationFrom: String
    public var ledBy: String
    public var size: Int?
    public var hosts: [String]
    public var programme: String
    public var entrepreneurs: [Participant]
    /// Where the delegation comes from (incoming) or the mission goes to (outgoing).
    public var countries: [Country]
    /// The budget line that pays; nil: none (a partner pays).
    public var budgetLine: String?
    public var cost: Money?
    public var notes: String
    public var followUps: [FollowUp]

    public init(title: String = "", relations: [RelationID], date: CalendarDate, endDate: CalendarDate? = nil,
                direction: VisitDirection, delegationFrom: String, ledBy: String = "", size: Int? = nil, hosts: [String] = [],
                programme: String = "", entrepreneurs: [Participant] = [], countries: [Country] = [], budgetLine: String? = nil,
                cost: Money? = nil, notes: String = "", followUps: [FollowUp] = []) {
        self.title = title
        self.relations = relations
        self.date = date
        self.endDate = endDate
        self.direction = direction
        self.delegationFrom = delegationFrom
        self.ledBy = ledBy
        self.size = size
        self.hosts = hosts
        self.programme = programme
        self.entrepreneurs = entrepreneurs
        self.countries = countries
        self.budgetLine = budgetLine
        self.cost = cost
        self.notes = notes
        self.followUps = followUps
    }

    /// The title used when none is given.
    public var effectiveTitle: String {
        let typed = ListText.oneLine(title).trimmingSpaces()
        return typed.isEmpty ? VisitTitle.proposed(direction: direction, from: delegationFrom.trimmingSpaces()) : typed
    }

    /// Where a visit logged on `date` starts: a day gone by took place; one to come is planned when approved, else weighed.
    static func status(on date: CalendarDate, today: CalendarDate, approved: Bool) -> ActivityStatus {
        date <= today ? .uitgevoerd : approved ? .gepland : .inAfweging
    }

    /// A new visit. One that started today or earlier has taken place (`uitgevoerd`, its cost actual). A later
    /// one is weighed first (`in-afweging`, its cost estimated and not yet committed), unless it is already
    /// approved: then it is planned (`gepland`). Either keeps the decision that approved it, when given, and the
    /// reason to set the Kader aside where approving asks one.
    public func newActivity(in dossier: Dossier, today: CalendarDate, approvedBy decision: String? = nil, overrideReason: String? = nil) -> Activity {
        newActivity(today: today, approvedBy: decision, overrideReason: overrideReason, newID: dossier.newActivityID)
    }

    /// The same, its id made by `newID` from the title and date (`RelationsDossier.newActivityID` where the
    /// dossier holds no activities).
    public func newActivity(today: CalendarDate, approvedBy decision: String? = nil, overrideReason: String? = nil,
                            newID: (String) -> ActivityID) -> Activity {
        let title = effectiveTitle
        let approval = decision?.trimmingSpaces() ?? ""
        let status = Self.status(on: date, today: today, approved: !approval.isEmpty)
        var activity = Activity(id: newID(VisitDraft.idSource(title: title, date: date)), title: title, kind: .delegatiebezoek,
                                status: status, relations: relations, followUps: followUps)
        // Approved: planned, or one logged afterwards that was approved before it took place (who decided is kept with it).
        if !approval.isEmpty {
            // Stamped with the date and who by the change path.
            let override = overrideReason?.trimmingSpaces() ?? ""
            activity.statusHistory = [StatusChange(date: today, from: nil, to: status, reason: "Bezoek vastgelegd", by: "", decision: approval,
                                                   overrideReason: override.isEmpty ? nil : override)]
        }
        fill(&activity)
        return activity
    }

    /// What a visit's id is made from: its title and date, so that two visits of one delegation differ.
    public static func idSource(title: String, date: CalendarDate) -> String { "\(title) \(date.iso)" }

    /// An existing visit with these details; its status, history, assessments, follow-ups and other
    /// participants stay.
    public func updating(_ existing: Activity) -> Activity {
        var activity = existing
        activity.title = effectiveTitle
        activity.relations = relations
        activity.participants = existing.participants.filter { $0.role != .ondernemer }
        fill(&activity)
        return activity
    }

    /// The draft of an existing visit, for editing it.
    public init(editing activity: Activity) {
        let visit = activity.visit ?? VisitDetails(direction: .inkomend, delegationFrom: "")
        self.init(title: activity.title, relations: activity.relations, date: activity.startDate ?? CalendarDate(dayNumber: 0),
                  endDate: activity.endDate, direction: visit.direction, delegationFrom: visit.delegationFrom, ledBy: visit.ledBy,
                  size: visit.size, hosts: visit.hosts, programme: visit.programme, entrepreneurs: activity.entrepreneurs,
                  countries: activity.countries, budgetLine: activity.budgetLine, cost: activity.status.isCarriedOut ? activity.actualCost : activity.estimatedCost, notes: activity.notes,
                  followUps: activity.followUps)
    }

    private func fill(_ activity: inout Activity) {
        activity.startDate = date
        activity.endDate = endDate
        activity.notes = notes
        activity.countries = countries
        activity.budgetLine = budgetLine
        activity.participants += entrepreneurs
        activity.visit = VisitDetails(direction: direction, delegationFrom: ListText.oneLine(delegationFrom).trimmingSpaces(),
                                      ledBy: ListText.oneLine(ledBy).trimmingSpaces(), size: size, hosts: hosts, programme: ListText.oneLine(programme))
        if activity.status.isCarriedOut {
            activity.actualCost = cost
        } else {
            activity.estimatedCost = cost
        }
    }
}
