/// Everything the yearly account of the Kader holds, gathered once; the Markdown, HTML and CSV renderers
/// only lay it out.
public struct YearReport: Sendable {
    public struct Assessed: Sendable {
        public var activity: Activity
        public var assessment: Assessment
        /// Approved although this assessment was negative: the recorded reason.
        public var overrideReason: String?
    }

    public let year: Int
    public let generated: CalendarDate
    public let dossierTitle: String
    public let framework: Framework
    /// Every status with its relations, in the order of the statuses.
    public let relationsByStatus: [(status: RelationStatus, relations: [Relation])]
    /// The activities that start in the year, by date.
    public let activities: [Activity]
    /// Per kind, how many activities of the year have each status.
    public let countsByKind: [(kind: ActivityKind, counts: [ActivityStatus: Int])]
    public let incomingVisits: [Activity]
    public let outgoingVisits: [Activity]
    /// Assessments made in the year (the latest per activity), and those of the year's activities.
    public let assessments: [Assessed]
    /// The year on each budget line, each counting only the activities charged to it.
    public let budgets: [BudgetOverview]
    /// Activities of the year charged to no budget line (a partner pays).
    public let unchargedActivities: [Activity]
    let relationNames: [RelationID: String]

    public init(dossier: Dossier, year: Int, today: CalendarDate) {
        self.year = year
        generated = today
        dossierTitle = dossier.title
        framework = dossier.framework
        relationsByStatus = RelationStatus.allCases.map { status in
            (status, dossier.relations.filter { $0.status == status }.sorted { SearchText.fold($0.name) < SearchText.fold($1.name) })
        }
        let ofYear = ActivityQuery.sortedChronologically(dossier.activities.filter { $0.year == year })
        activities = ofYear
        countsByKind = ActivityKind.allCases.compactMap { kind in
            let ofKind = ofYear.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            return (kind, Dictionary(grouping: ofKind, by: \.status).mapValues(\.count))
        }
        incomingVisits = ofYear.filter { $0.visit?.direction == .inkomend }
        outgoingVisits = ofYear.filter { $0.visit?.direction == .uitgaand }
        assessments = dossier.activities.compactMap { activity in
            guard let latest = activity.assessments.last(where: { $0.timestamp.utcDate.year == year }) ?? (activity.year == year ? activity.assessments.last : nil)
            else { return nil }
            let override = activity.statusHistory.last { $0.to == .goedgekeurd && $0.overrideReason != nil }?.overrideReason
            return Assessed(activity: activity, assessment: latest, overrideReason: latest.verdict == .negatief ? override : nil)
        }.sorted { $0.assessment.timestamp < $1.assessment.timestamp }
        budgets = BudgetOverview.all(year: year, in: dossier)
        unchargedActivities = ofYear.filter { $0.budgetLine == nil && $0.status.countsAgainstBudget }
        relationNames = Dictionary(uniqueKeysWithValues: dossier.relations.map { ($0.id, $0.name) })
    }

    public func relationNames(_ activity: Activity) -> String {
        activity.relations.map { relationNames[$0] ?? $0 }.joined(separator: ", ")
    }

    public func organiserName(_ activity: Activity) -> String {
        activity.organiser.relationID.map { relationNames[$0] ?? $0 } ?? "Gemeente Oss"
    }

    public var carriedOut: Int { activities.filter(\.status.isCarriedOut).count }

    public var relationCount: Int { relationsByStatus.reduce(0) { $0 + $1.relations.count } }

    /// Dutch date, as in a letter: 12-3-2026.
    public static func dutch(_ date: CalendarDate?) -> String {
        date.map { "\($0.day)-\($0.month)-\($0.year)" } ?? "geen datum"
    }

    public static func dates(_ activity: Activity) -> String {
        switch (activity.startDate, activity.endDate) {
        case let (start?, end?) where end != start: "\(dutch(start)) t/m \(dutch(end))"
        default: dutch(activity.startDate)
        }
    }
}
