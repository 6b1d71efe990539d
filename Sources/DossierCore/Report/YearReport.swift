/// Everything the yearly account of the Kader holds, gathered once; the Markdown, HTML and CSV renderers
/// only lay it out (through `blocks`).
public struct YearReport: Sendable {
    /// Who reports, on which state of the dossier, and whether the text is final.
    public struct Authorship: Sendable {
        /// From the configuration (`name`, `DOSSIER_USER`), never the login name.
        public var author: String?
        public var organisation: String?
        /// Without `--final` the report is a concept and says so on every page.
        public var isFinal: Bool
        /// The number of the last change in the state reported (0: the dossier as shipped).
        public var journalPosition: Int
        /// When that change was made, if the journal still has it.
        public var lastChange: Timestamp?

        public init(author: String? = nil, organisation: String? = nil, isFinal: Bool = false, journalPosition: Int = 0,
                    lastChange: Timestamp? = nil) {
            self.author = author
            self.organisation = organisation
            self.isFinal = isFinal
            self.journalPosition = journalPosition
            self.lastChange = lastChange
        }
    }

    /// An activity as the account shows it: its focus, whether it is ongoing, its latest weighing.
    public struct Entry: Sendable {
        public var activity: Activity
        public var focus: KaderFocus
        /// Approved or planned without a date: it runs through the year ("doorlopend").
        public var isOngoing: Bool
        public var assessment: Assessment?
        /// Approved with a reason to set the Kader aside: the recorded reason (a later weighing does not undo it).
        public var overrideReason: String?
        /// Whether that approval went against the weighing then (else against a rule of the Kader or the budget).
        public var overrideWasAgainstWeighing = false
    }

    public struct Assessed: Sendable {
        public var activity: Activity
        public var assessment: Assessment
        /// Approved although this (negative) weighing: the recorded reason.
        public var overrideReason: String?
    }

    /// A relation's status changed in the year (or was reviewed).
    public struct StatusEvent: Sendable {
        public var relation: Relation
        public var change: StatusChange<RelationStatus>
    }

    /// Something on the agenda after the report date, as text.
    public struct Coming: Sendable {
        public var date: String
        public var title: String
        public var context: String
        public var isOverdue: Bool
    }

    public let year: Int
    public let generated: CalendarDate
    public let dossierTitle: String
    public let framework: Framework
    public let authorship: Authorship
    /// How the report writes its dates (the `dateFormat` setting).
    public let dates: DateWriting
    /// Every status with its relations as they stood on `statusDate`, in the order of the statuses.
    public let relationsByStatus: [(status: RelationStatus, relations: [Relation])]
    /// The day the relations' statuses are shown for: the last day of a past year, else the report's date.
    public let statusDate: CalendarDate
    /// The activities of the year: those that start in it by date, then the ongoing ones by title.
    public let entries: [Entry]
    public let incomingVisits: [Activity]
    public let outgoingVisits: [Activity]
    /// Assessments made in the year, the latest per activity: each weighing is told in the year it was made.
    public let assessments: [Assessed]
    /// Activities approved in the year although the weighing then was negative.
    public let approvalsAgainstWeighing: [Activity]
    /// The year on each budget line, each counting only the activities charged to it.
    public let budgets: [BudgetOverview]
    /// The framework's years and every year with activities, each on every line: the budget chart.
    public let budgetHistory: [(year: Int, overviews: [BudgetOverview])]
    public let statusEvents: [StatusEvent]
    /// The agenda from `statusDate` on (deadlines overdue by then first), at most `comingLimit` of `comingTotal`: what is
    /// overdue, then the activities, visits and reviews, then follow-ups in the room left, in date order.
    public let coming: [Coming]
    public let comingTotal: Int
    /// How many of `comingTotal` are overdue (also those not among `coming`).
    public let comingOverdue: Int
    /// Activities of the year (in this year's report also of the years before) whose last day has passed (by the report's
    /// date) while they are still an idea, a proposal, approved or planned (`Agenda.awaitsOutcome`): what became of them is
    /// not on record, and the focus table counts the approved and planned ones as still running.
    public let pastWithoutOutcome: [Activity]
    /// Activities of the year charged to no budget line (a partner pays).
    public let unchargedActivities: [Activity]
    /// Activities of the year whose last weighing rests on an exception the college made to a laag pitje.
    public let exceptions: [Activity]
    /// Activities of the year approved, planned or carried out with a relation or country on laag pitje on the day they
    /// went ahead (approved, or else begun), and no exception of the college in their last weighing: what the Kader holds
    /// back, done without that decision recorded. A relation put on laag pitje after that day is no reason. Not those
    /// approved with a reason to depart from the Kader (`laagPitjeWithOverride`).
    public let laagPitjeWithoutException: [(activity: Activity, subjects: [String])]
    /// The same, approved with a reason to depart from the Kader recorded at the approval (and who decided): the departure is
    /// on record, though not as an exception in the weighing.
    public let laagPitjeWithOverride: [(activity: Activity, subjects: [String])]
    /// Activities of the year that cost a budget line something with no decision recorded for them (added as approved or
    /// carried out without one, as a visit logged afterwards can be): money the college did not see decided.
    public let chargedWithoutDecision: [Activity]
    /// Economic activities of the year, not turned down or called off, with no entrepreneur among the participants (the
    /// Kader invites them always).
    public let withoutEntrepreneurs: [Activity]
    /// Activities of the year approved, planned or carried out with no weighing against the Kader (which weighs every
    /// proposed activity) before their approval: none made on or before its day (a history has days, not times: one made
    /// that day counts as before); not one added as carried out (a visit logged afterwards was never proposed).
    public let goneAheadWithoutWeighing: [Activity]
    /// Activities of the year carried out (or evaluated) with no results recorded: "wat het opleverde" cannot say it.
    public let carriedOutWithoutResults: [Activity]
    /// Activities approved in the year while their last weighing before it said "nader bekijken" (and no reason to set a
    /// weighing aside was recorded: those are in `approvalsAgainstWeighing`): the college should see what was decided
    /// with the question still open, and by whom.
    public let approvedWhileLookingAgain: [Activity]
    let relationNames: [RelationID: String]
    /// The id of the line activities are charged to.
    let activityBudgetLine: String?
    /// The yearly amount of that line: the budget chart's line (a year with an amount of its own is said beside it).
    let activityBudgetYearly: Money?

    public static let comingLimit = 6

    public init(dossier: Dossier, year: Int, today: CalendarDate, authorship: Authorship = Authorship(), dates: DateWriting = .standard) {
        self.year = year
        self.dates = dates
        generated = today
        dossierTitle = dossier.title
        framework = dossier.framework
        self.authorship = authorship
        relationNames = Dictionary(uniqueKeysWithValues: dossier.relations.map { ($0.id, $0.name) })
        activityBudgetLine = dossier.activityBudget?.id
        activityBudgetYearly = dossier.activityBudget?.yearlyAmount
        let statusDate = year < today.year ? CalendarDate(year: year, month: 12, day: 31) ?? today : today
        self.statusDate = statusDate
        // This year's report shows the relations as they are now (also a change dated ahead by a colleague's clock).
        let relationsThen = year < today.year ? dossier.relations.compactMap { $0.asOf(statusDate) } : dossier.relations
        relationsByStatus = RelationStatus.allCases.map { status in
            (status, relationsThen.filter { $0.status == status }.sorted(byKey: { SearchText.fold($0.name) }, <))
        }
        let dated = ActivityQuery.sortedChronologically(dossier.activities.filter { $0.year == year })
        // A visit that was turned down or called off did not take place and is not planned.
        let visits = dated.filter { $0.status != .afgewezen && $0.status != .geannuleerd }
        incomingVisits = visits.filter { $0.visitDirection == .inkomend }
        outgoingVisits = visits.filter { $0.visitDirection == .uitgaand }
        assessments = dossier.activities.compactMap { activity in
            guard let latest = activity.assessments.last(where: { dates.localDate(of: $0.timestamp).year == year }) else { return nil }
            return Assessed(activity: activity, assessment: latest, overrideReason: latest.verdict == .negatief ? activity.approvalOverrideReason : nil)
        }.sorted { $0.assessment.timestamp < $1.assessment.timestamp }
        approvalsAgainstWeighing = dossier.activities.filter { activity in
            activity.statusHistory.contains { $0.overrideReason != nil && $0.date.year == year }
        }
        budgets = BudgetOverview.all(year: year, in: dossier)
        let ledger = BudgetLedger(dossier)
        budgetHistory = BudgetYears.all(framework: dossier.framework, lines: dossier.budgetLines, activityYears: ledger.years).map { ($0, ledger.overviews($0)) }
        statusEvents = dossier.relations.flatMap { relation in
            relation.statusHistory.filter { $0.date.year == year && $0.from != nil }.map { StatusEvent(relation: relation, change: $0) }
        }.sorted(byKey: { ($0.change.date, SearchText.fold($0.relation.name)) }, <)

        let hasDatedData = !dated.isEmpty || !assessments.isEmpty || !statusEvents.isEmpty || budgets.contains { $0.budget.cents > 0 }
        let ongoing = hasDatedData ? dossier.activities.filter { YearReport.isOngoing($0, in: year) }.sorted(byKey: { SearchText.fold($0.title) }, <) : []
        // A past year's work keeps the focus it had then: a relation put on laag pitje since does not move it out.
        let dossierThen = year < today.year ? dossier.withRelations(asOf: statusDate) : dossier
        entries = (dated + ongoing).map { activity in
            Entry(activity: activity, focus: Assessor.focus(of: activity, in: dossierThen), isOngoing: activity.startDate == nil,
                  assessment: activity.assessments.last, overrideReason: activity.approvalOverrideReason,
                  overrideWasAgainstWeighing: YearReport.approvedAgainstWeighing(activity, dates: dates))
        }
        unchargedActivities = (dated + ongoing).filter { $0.budgetLine == nil && $0.status.countsAgainstBudget }
        exceptions = entries.filter { entry in
            entry.assessment?.reasons.contains { $0.rule == AssessmentRule.laagPitje.rawValue && $0.effect == .positief } == true
        }.map(\.activity)
        let excepted = Set(exceptions.map(\.id))
        let laagPitje: [(activity: Activity, subjects: [String])] = entries.compactMap { entry in
            let activity = entry.activity
            guard activity.status.countsAgainstBudget, !excepted.contains(activity.id) else { return nil }
            // Its relations as they stood the day it went ahead: approved, or begun (a visit logged afterwards: its own day).
            let day = [activity.statusHistory.first { $0.to.countsAgainstBudget }?.date, activity.startDate].compactMap { $0 }.min() ?? statusDate
            let then = Dossier(title: dossier.title, framework: dossier.framework,
                               relations: RelationOverview.linkedRelations(activity).compactMap { dossier.relation($0)?.asOf(day) })
            let subjects = Assessor.laagPitjeSubjects(of: activity, in: then)
            return subjects.isEmpty ? nil : (activity, subjects)
        }
        laagPitjeWithoutException = laagPitje.filter { $0.activity.approvalOverrideReason == nil }
        laagPitjeWithOverride = laagPitje.filter { $0.activity.approvalOverrideReason != nil }
        chargedWithoutDecision = entries.map(\.activity).filter { $0.chargedCost.cents > 0 && $0.approvalDecision == nil }
        // Those the municipality takes part in ("waar wij als gemeente aan deelnemen, nodigen wij ondernemers steevast uit"):
        // approved, planned, carried out or evaluated. An idea or one being weighed is not yet (the weighing asks for them).
        withoutEntrepreneurs = entries.map(\.activity).filter {
            $0.kind.isEconomic && $0.status.countsAgainstBudget && $0.entrepreneurs.isEmpty
        }
        goneAheadWithoutWeighing = entries.map(\.activity).filter { activity in
            guard activity.status.countsAgainstBudget else { return false }
            // One recorded afterwards (a visit logged once it happened) was approved when a decision is recorded with it;
            // without one it is among those charged without a decision.
            let isRecordedAfterwards = activity.statusHistory.first?.to.isCarriedOut == true
            let approval = isRecordedAfterwards ? activity.statusHistory.last { $0.decision != nil } : YearReport.approval(of: activity)
            guard let approval else { return !isRecordedAfterwards && activity.assessments.isEmpty }
            return !activity.assessments.contains { dates.localDate(of: $0.timestamp) <= approval.date }
        }
        carriedOutWithoutResults = dated.filter { $0.status.isCarriedOut && $0.outcomes.isBlank }
        // This year's report also names those of earlier years still open ("Wat komt" leaves them out as over); a past
        // year's, its own.
        pastWithoutOutcome = year < today.year ? dated.filter { $0.isOverdue(on: today) }
            : ActivityQuery.sortedChronologically(dossier.activities.filter { ($0.year ?? year + 1) <= year && $0.isOverdue(on: today) })
        approvedWhileLookingAgain = dossier.activities.filter { YearReport.approvedWhileLookingAgain($0, in: year, dates: dates) }

        // What comes after the day the report speaks of: for a past year, activities from 1 January after it (its own
        // were in the year), and not what has been carried out since (the report is read now: that came already). What is
        // overdue is so as the report is read (today): a to-do due on 4 January is late in a report made on the 8th.
        let isPast = year < today.year
        let upcoming = Agenda(dossier).window(from: statusDate, to: statusDate.adding(years: 1), today: today).filter { entry in
            // A to-do left open on a mission turned down or called off is no work that comes, for the college (the signals and
            // `due` keep it, for the advisor to tick off or still do).
            if entry.kind == .followUp { return !dossier.activities[entry.position].status.endsWithoutGoingAhead }
            guard entry.kind == .activity || entry.kind == .visit else { return true }
            // One over by then is no longer coming, also when what became of it is not recorded (the summary names the
            // year's own): twenty stale ones must not push a review or this spring's mission out.
            return !dossier.activities[entry.position].status.isCarriedOut && !(isPast && entry.start <= statusDate) && !entry.isOverdue(on: statusDate)
        }
        comingTotal = upcoming.count
        comingOverdue = upcoming.filter { $0.isOverdue(on: today) }.count
        // The activities, visits and reviews before follow-ups, in date order: six to-dos of one mission must not push its
        // approval or a review out of the college's view.
        // What is overdue first of all: a review or an activity before the to-dos (a hundred to-dos left open for years
        // must not hide a review of a relation on laag pitje that fell due).
        let overdue = upcoming.indices.filter { upcoming[$0].isOverdue(on: today) && upcoming[$0].kind != .followUp }
            + upcoming.indices.filter { upcoming[$0].isOverdue(on: today) && upcoming[$0].kind == .followUp }
        let events = upcoming.indices.filter { upcoming[$0].kind != .followUp && !upcoming[$0].isOverdue(on: today) }
        let tasks = upcoming.indices.filter { upcoming[$0].kind == .followUp && !upcoming[$0].isOverdue(on: today) }
        let chosen = (overdue + events + tasks).prefix(YearReport.comingLimit).sorted()
        coming = chosen.map { upcoming[$0] }.map { entry in
            // A follow-up says whose it is: the activity, not the person (the college reads what, not who).
            let title = entry.kind == .followUp
                ? "\(dossier.activities[entry.position].followUps[entry.followUp ?? 0].text) (bij \(dossier.activities[entry.position].nameForItsFollowUps))"
                : entry.title(in: dossier)
            return Coming(date: dates.period(entry.start, entry.end), title: title, context: entry.context(in: dossier), isOverdue: entry.isOverdue(on: today))
        }
    }

    /// Approved or planned without a date, and approved by the end of `year`: it runs through that year.
    static func isOngoing(_ activity: Activity, in year: Int) -> Bool {
        guard activity.startDate == nil, activity.status == .goedgekeurd || activity.status == .gepland else { return false }
        let approved = activity.statusHistory.first { $0.to == .goedgekeurd || $0.to == .gepland }?.date
        return approved.map { $0.year <= year } ?? true
    }

    /// Whether there is anything to account for: dated activities, weighings, status changes or a budget.
    public var hasData: Bool {
        !entries.isEmpty || !assessments.isEmpty || !statusEvents.isEmpty || budgets.contains { $0.budget.cents > 0 }
    }

    /// The activities of the year with a date (not the ongoing ones).
    public var activities: [Activity] { entries.filter { !$0.isOngoing }.map(\.activity) }

    /// Whether the approval that set the Kader aside came after a negative weighing: one of the latest day's weighings up to
    /// the approval's day (its history has a day, not a time: a weighing made again that day may have come after it).
    static func approvedAgainstWeighing(_ activity: Activity, dates: DateWriting) -> Bool {
        guard let approval = activity.statusHistory.last(where: { $0.overrideReason != nil }) else { return false }
        let before = activity.assessments.filter { dates.localDate(of: $0.timestamp) <= approval.date }
        guard let day = before.last.map({ dates.localDate(of: $0.timestamp) }) else { return false }
        return before.contains { dates.localDate(of: $0.timestamp) == day && $0.verdict == .negatief }
    }

    /// The approval in an activity's history: the (last) step to goedgekeurd, or the one entry of an activity that started
    /// out approved or planned.
    static func approval(of activity: Activity) -> StatusChange<ActivityStatus>? {
        activity.statusHistory.last { $0.to == .goedgekeurd || $0.from == nil && $0.to.isUpcoming }
    }

    /// Whether the approval in `year` (the step to goedgekeurd, or the one entry of an activity that started out approved
    /// or planned) came when the last weighing up to its day said "nader bekijken", with no reason to set it aside.
    static func approvedWhileLookingAgain(_ activity: Activity, in year: Int, dates: DateWriting) -> Bool {
        guard let approval = approval(of: activity), approval.date.year == year, approval.overrideReason == nil else { return false }
        return activity.assessments.last { dates.localDate(of: $0.timestamp) <= approval.date }?.verdict == .naderBekijken
    }

    public func entries(_ focus: KaderFocus) -> [Entry] { entries.filter { $0.focus == focus } }

    public func relationNames(_ activity: Activity) -> String {
        activity.relations.map { relationNames[$0] ?? $0 }.joined(separator: ", ")
    }

    /// The budget line an activity is charged to, by name ("" when none: a partner pays).
    public func budgetLineName(_ activity: Activity) -> String {
        guard let line = activity.budgetLine else { return "" }
        return budgets.first { $0.line == line }?.lineName ?? line
    }

    public func organiserName(_ activity: Activity) -> String {
        activity.organiser.relationID.map { relationNames[$0] ?? $0 } ?? "Gemeente Oss"
    }

    public var carriedOut: Int { entries.filter(\.activity.status.isCarriedOut).count }

    public var relationCount: Int { relationsByStatus.reduce(0) { $0 + $1.relations.count } }

    /// The year on the budget line activities are charged to (the € 16.000).
    public var activityBudget: BudgetOverview? { budgets.first { $0.line == activityBudgetLine } }

    /// The fixed contributions (the Global Goals Platform Oss), apart from that budget.
    public var contributions: [BudgetOverview] { budgets.filter { $0.line != activityBudgetLine } }

    /// The dates of an activity as a reader wants them: a period, or "doorlopend" for an ongoing one.
    public func when(_ activity: Activity) -> String {
        guard let start = activity.startDate else { return "doorlopend" }
        return dates.period(start, activity.endDate)
    }
}

private extension Array {
    /// Sorted as `sorted(by:)` sorts with `precedes` on `key` of each element, but with the key made once per
    /// element instead of twice per comparison (folding a name costs more than comparing it).
    func sorted<Key>(byKey key: (Element) -> Key, _ precedes: (Key, Key) -> Bool) -> [Element] {
        let keys = map(key)
        return indices.sorted { precedes(keys[$0], keys[$1]) }.map { self[$0] }
    }
}
