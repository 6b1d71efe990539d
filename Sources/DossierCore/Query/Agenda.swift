/// One dated thing in the dossier: an activity or a delegation visit (start–end), the due date of an open
/// follow-up, or the review date of a relation on laag pitje. Small on purpose (positions, not copies):
/// the TUI keeps one for every dated activity.
public struct AgendaEntry: Hashable, Sendable {
    /// In the order entries of one day are listed: what must be done first, then what happens.
    public enum Kind: Int, Hashable, Sendable, CaseIterable, Comparable {
        case review
        case followUp
        case visit
        case activity

        /// The JSON name and the word in lists.
        public var name: String {
            switch self {
            case .review: "herijking"
            case .followUp: "vervolgactie"
            case .visit: "bezoek"
            case .activity: "activiteit"
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind
    public var start: CalendarDate
    /// The last day; the same as `start` for one day.
    public var end: CalendarDate
    /// The relation's position (a review) or the activity's (the rest) in the dossier's arrays.
    public var position: Int
    /// The follow-up's index in its activity.
    public var followUp: Int?
    /// An activity or visit not yet carried out, rejected or called off when the entry was made: once its last day has
    /// passed, what became of it is still to be recorded (`Agenda.awaitsOutcome`).
    public var awaitsOutcome: Bool

    public init(kind: Kind, start: CalendarDate, end: CalendarDate? = nil, position: Int, followUp: Int? = nil, awaitsOutcome: Bool = false) {
        self.kind = kind
        self.start = start
        self.end = max(start, end ?? start)
        self.position = position
        self.followUp = followUp
        self.awaitsOutcome = awaitsOutcome
    }

    /// A deadline (a follow-up or a review) whose date has passed, or an activity not yet carried out whose last day
    /// has: what became of it is due. An activity carried out in the past is just past.
    public func isOverdue(on today: CalendarDate) -> Bool {
        awaitsOutcome ? end < today : (kind == .review || kind == .followUp) && start < today
    }

    /// Whether the entry touches the days `from` … `to` (either open).
    public func overlaps(from: CalendarDate?, to: CalendarDate?) -> Bool {
        (from.map { end >= $0 } ?? true) && (to.map { start <= $0 } ?? true)
    }

    /// Whether the agenda of the days `from` … `to` shows it (`Agenda.window`): when it touches those days, and
    /// when it is overdue and those days include today.
    public func isShown(from: CalendarDate?, to: CalendarDate?, today: CalendarDate) -> Bool {
        if overlaps(from: from, to: to) { return true }
        let includesToday = (from.map { $0 <= today } ?? true) && (to.map { $0 >= today } ?? true)
        return includesToday && isOverdue(on: today)
    }

    func precedes(_ other: AgendaEntry) -> Bool {
        (start, kind, position, followUp ?? -1) < (other.start, other.kind, other.position, other.followUp ?? -1)
    }

    /// The relation (review) or activity the entry is about.
    public func subjectID(in dossier: Dossier) -> String {
        kind == .review ? dossier.relations[position].id : dossier.activities[position].id
    }

    /// What the entry says in a list: the follow-up's text, "Herijking …", the activity's title.
    public func title(in dossier: Dossier) -> String {
        switch kind {
        case .review: return Self.reviewTitle(dossier.relations[position])
        case .followUp:
            let followUp = dossier.activities[position].followUps[self.followUp ?? 0]
            return followUp.text + (followUp.owner.isEmpty ? "" : " — \(followUp.owner)")
        case .visit, .activity:
            return dossier.activities[position].title
        }
    }

    /// "Herijking Taizhou (laag pitje)": in the agenda, the signals and the calendar export.
    public static func reviewTitle(_ relation: Relation) -> String { "Herijking \(relation.name) (laag pitje)" }

    /// Where it belongs: the activity of a follow-up, the relation's place, an activity's status and relations.
    public func context(in dossier: Dossier) -> String {
        switch kind {
        case .review: return dossier.relations[position].placeSummary
        case .followUp: return dossier.activities[position].nameForItsFollowUps
        case .visit, .activity:
            let activity = dossier.activities[position]
            let relations = activity.relations.map(dossier.relationName).joined(separator: ", ")
            return activity.status.label + (relations.isEmpty ? "" : " · \(relations)")
        }
    }
}

/// Everything dated in the dossier in date order: the agenda of the TUI tab and of `dossier agenda`, the
/// calendar export's deadlines, the signals and the report's "what is coming" all read it here.
public struct Agenda: Sendable {
    /// Every entry, by date (then kind).
    public let entries: [AgendaEntry]

    public init(_ dossier: Dossier) {
        var entries = Agenda.reviews(in: dossier)
        dossier.activities.withUnsafeBufferPointer { activities in
            for position in activities.indices { Agenda.append(activities[position], at: position, to: &entries) }
        }
        self.entries = entries.sorted { $0.precedes($1) }
    }

    /// Rejected and cancelled activities do not happen; everything else with a date is on the agenda.
    public static func shows(_ status: ActivityStatus) -> Bool { status != .afgewezen && status != .geannuleerd }

    /// Review dates of relations on laag pitje and due dates of open follow-ups, by date; with `horizon`, only
    /// those on or before it (the signals look 60 days ahead; most follow-ups are due later). With `today`, also
    /// the activities not yet carried out whose last day is before it, by that day: what became of them is due
    /// (`awaitsOutcome`).
    public static func deadlines(in dossier: Dossier, through horizon: CalendarDate? = nil, today: CalendarDate? = nil) -> [AgendaEntry] {
        var entries = reviews(in: dossier)
        // Read in place through the buffer (see BudgetLedger): most activities have nothing due.
        dossier.activities.withUnsafeBufferPointer { activities in
            for position in activities.indices {
                // The follow-ups alone: handing over the whole activity would copy it.
                // Read once: each read decodes them (`PackedActivityFields`).
                let followUps = activities[position].followUps
                if !followUps.isEmpty { appendFollowUps(followUps, at: position, to: &entries) }
                if let today { appendOutcome(of: activities[position], at: position, dueBefore: today, to: &entries) }
            }
        }
        if let horizon { entries.removeAll { $0.start > horizon } }
        return entries.sorted { $0.precedes($1) }
    }

    /// The entries of the activity at `position`: the due dates of its open follow-ups and, when it has a start
    /// and happens, its own days.
    static func append(_ activity: Activity, at position: Int, to entries: inout [AgendaEntry]) {
        appendFollowUps(of: activity, at: position, to: &entries)
        guard let start = activity.startDate, shows(activity.status) else { return }
        entries.append(AgendaEntry(kind: activity.isVisit ? .visit : .activity, start: start, end: activity.endDate, position: position,
                                   awaitsOutcome: awaitsOutcome(activity.status)))
    }

    /// With a start date and not yet carried out, rejected or called off: once its last day has passed, what became of it
    /// is due — carried out, or called off; for an idea or a proposal, a decision or another date — and the agenda and the
    /// signals say so until it is recorded.
    public static func awaitsOutcome(_ activity: Activity) -> Bool { awaitsOutcome(activity.status) && activity.startDate != nil }

    /// Idee, in afweging, goedgekeurd or gepland: a date that passes asks what became of it.
    public static func awaitsOutcome(_ status: ActivityStatus) -> Bool { status.isUpcoming || status == .idee || status == .inAfweging }

    /// The deadline of an activity whose outcome is due by `today` (`awaitsOutcome`, its last day before today):
    /// an entry of its own days, dated by its last day (the date a signal shows).
    static func appendOutcome(of activity: Activity, at position: Int, dueBefore today: CalendarDate, to entries: inout [AgendaEntry]) {
        guard activity.isOverdue(on: today), let lastDay = activity.lastDay else { return }
        entries.append(AgendaEntry(kind: activity.isVisit ? .visit : .activity, start: lastDay, position: position, awaitsOutcome: true))
    }

    /// The due dates of the activity's open follow-ups: its deadlines.
    static func appendFollowUps(of activity: Activity, at position: Int, to entries: inout [AgendaEntry]) {
        appendFollowUps(activity.followUps, at: position, to: &entries)
    }

    static func appendFollowUps(_ followUps: [FollowUp], at position: Int, to entries: inout [AgendaEntry]) {
        guard !followUps.isEmpty else { return }
        for (index, followUp) in followUps.enumerated() where !followUp.isDone {
            if let due = followUp.due { entries.append(AgendaEntry(kind: .followUp, start: due, position: position, followUp: index)) }
        }
    }

    private static func reviews(in dossier: Dossier) -> [AgendaEntry] {
        var entries: [AgendaEntry] = []
        for (position, relation) in dossier.relations.enumerated() { appendReview(of: relation, at: position, to: &entries) }
        return entries
    }

    /// The review date of a relation on laag pitje.
    static func appendReview(of relation: Relation, at position: Int, to entries: inout [AgendaEntry]) {
        if relation.status == .laagPitje, let review = relation.reviewDate { entries.append(AgendaEntry(kind: .review, start: review, position: position)) }
    }

    /// What the agenda shows for the days `from` … `to` (either open): overdue deadlines first (all of
    /// them when the days include today, so nothing overdue hides behind a later start), then the rest by date.
    public func window(from: CalendarDate?, to: CalendarDate?, today: CalendarDate) -> [AgendaEntry] {
        var overdue: [AgendaEntry] = []
        var rest: [AgendaEntry] = []
        for entry in entries where entry.isShown(from: from, to: to, today: today) {
            if entry.isOverdue(on: today) { overdue.append(entry) } else { rest.append(entry) }
        }
        return overdue + rest
    }
}

extension Activity {
    /// Its last day: the end date, or the start when it has none (never before the start); nil without a start date.
    public var lastDay: CalendarDate? { Activity.lastDay(start: startDate, end: endDate) }

    /// The same from the two dates (for a row of the activity index, which is no activity).
    static func lastDay(start: CalendarDate?, end: CalendarDate?) -> CalendarDate? { start.map { max($0, end ?? $0) } }

    /// Over by `today` while what became of it is not recorded (`Agenda.awaitsOutcome`): the agenda, the signals, the lists
    /// and the report say so.
    public func isOverdue(on today: CalendarDate) -> Bool { Self.isOverdue(status, start: startDate, end: endDate, on: today) }

    /// The same from the status and the dates (for a row of the activity index, which is no activity).
    static func isOverdue(_ status: ActivityStatus, start: CalendarDate?, end: CalendarDate?, on today: CalendarDate) -> Bool {
        Agenda.awaitsOutcome(status) && lastDay(start: start, end: end).map { $0 < today } == true
    }

    /// The activity as its follow-ups name it (the agenda, the signals, the report, the calendar): its title, and that it
    /// does not happen when it was rejected or cancelled, so a to-do left open for it is seen for what it is.
    public var nameForItsFollowUps: String { Agenda.shows(status) ? title : "\(title) (\(status.label.lowercased()))" }
}
