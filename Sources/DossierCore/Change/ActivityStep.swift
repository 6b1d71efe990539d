/// A step of an activity's life cycle as the screen's move form and `dossier move` make it: the outcomes or the date
/// it was given first (an edit), then the move, or the two moves from goedgekeurd to uitgevoerd
/// (`ActivityStatus.steps(to:)`); as one change, undone as one. The reason, the decision, a reason to depart from the
/// Kader and the actual cost go with the last move; each move says the status it saw.
public struct ActivityStep: Sendable {
    public var activity: Activity
    public var status: ActivityStatus
    public var reason: String
    public var overrideReason: String?
    public var decision: String?
    public var actualCost: Money?
    /// Field edits made with the step (the date, the outcomes).
    public var edits: [FieldEdit]

    public init(_ activity: Activity, to status: ActivityStatus, reason: String, overrideReason: String? = nil, decision: String? = nil,
                actualCost: Money? = nil, edits: [FieldEdit] = []) {
        self.activity = activity
        self.status = status
        self.reason = reason
        self.overrideReason = overrideReason
        self.decision = decision
        self.actualCost = actualCost
        self.edits = edits
    }

    /// The states it passes: through gepland from goedgekeurd to uitgevoerd, else the one (refused when applied if the
    /// life cycle does not allow it).
    public var statuses: [ActivityStatus] { activity.status.steps(to: status) ?? [status] }

    /// "Beurs in Lyon: Goedgekeurd → Gepland → Uitgevoerd".
    public var summary: String { "\(activity.title): " + ([activity.status] + statuses).map(\.label).joined(separator: " → ") }

    /// What a cancellation does to the money, said after the step (the budget counts what was paid all the same as spent):
    /// "Toch betaald: € 850,00; het budget telt dat als besteed", or, when an actual cost given before is taken back,
    /// "Niets betaald (was € 400,00): het budget telt er niets van". Nil for another step, or nothing paid before or now.
    public static func cancelledCost(before: Money?, after: Money?) -> String? {
        if let after, after.cents > 0 { return "Toch betaald: \(after.formatted); het budget telt dat als besteed" }
        guard let before, before.cents > 0 else { return nil }
        return "Niets betaald (was \(before.formatted)): het budget telt er niets van"
    }

    /// The change: a single move, or a batch labelled with `summary`.
    public var change: Change {
        var seen = activity.status
        var moves: [Change] = []
        for (index, next) in statuses.enumerated() {
            let isLast = index == statuses.count - 1
            moves.append(.moveActivity(activity.id, status: next, reason: isLast ? reason : "", overrideReason: isLast ? overrideReason : nil,
                                       decision: isLast ? decision : nil, actualCost: isLast ? actualCost : nil, seen: seen))
            seen = next
        }
        let all = (edits.isEmpty ? [] : [Change.editActivity(activity.id, edits)]) + moves
        return all.count == 1 ? all[0] : .batch(all, label: summary)
    }
}
