/// Where an activity is in its life cycle:
/// idee → in-afweging → goedgekeurd | afgewezen; goedgekeurd → gepland → uitgevoerd → geevalueerd;
/// geannuleerd from any state before uitgevoerd.
public enum ActivityStatus: String, Vocabulary {
    case idee
    case inAfweging = "in-afweging"
    case goedgekeurd
    case afgewezen
    case gepland
    case uitgevoerd
    case geevalueerd
    case geannuleerd

    public var label: String {
        switch self {
        case .idee: "Idee"
        case .inAfweging: "In afweging"
        case .goedgekeurd: "Goedgekeurd"
        case .afgewezen: "Afgewezen"
        case .gepland: "Gepland"
        case .uitgevoerd: "Uitgevoerd"
        case .geevalueerd: "Geëvalueerd"
        case .geannuleerd: "Geannuleerd"
        }
    }

    public static var vocabularyName: String { "status activiteit" }

    /// The states this one may move to, in the order a menu offers them.
    public var allowedNextStates: [ActivityStatus] {
        switch self {
        case .idee: [.inAfweging, .geannuleerd]
        case .inAfweging: [.goedgekeurd, .afgewezen, .geannuleerd]
        case .goedgekeurd: [.gepland, .geannuleerd]
        case .gepland: [.uitgevoerd, .geannuleerd]
        case .uitgevoerd: [.geevalueerd]
        case .afgewezen, .geevalueerd, .geannuleerd: []
        }
    }

    public func canMove(to next: ActivityStatus) -> Bool { allowedNextStates.contains(next) }

    /// What one move can reach: the allowed next states, and from goedgekeurd also uitgevoerd (an approved activity that
    /// took place without being marked planned: planned and carried out at once, both steps kept).
    public var reachableStates: [ActivityStatus] { self == .goedgekeurd ? [.gepland, .uitgevoerd, .geannuleerd] : allowedNextStates }

    /// The steps of the life cycle to `next`: that one, or gepland and then uitgevoerd from goedgekeurd; nil when a move
    /// cannot reach it.
    public func steps(to next: ActivityStatus) -> [ActivityStatus]? {
        if canMove(to: next) { return [next] }
        return self == .goedgekeurd && next == .uitgevoerd ? [.gepland, .uitgevoerd] : nil
    }

    /// Rejected or cancelled: the activity does not go ahead, and why is asked and kept (the college's report and a
    /// colleague reading the history later want to know).
    public var endsWithoutGoingAhead: Bool { self == .afgewezen || self == .geannuleerd }

    /// Approved or planned: decided, not yet carried out; such an activity's start is a relation's next date.
    public var isUpcoming: Bool { self == .goedgekeurd || self == .gepland }

    /// Approved, planned or carried out: the money is committed or spent.
    public var countsAgainstBudget: Bool {
        switch self {
        case .goedgekeurd, .gepland, .uitgevoerd, .geevalueerd: true
        default: false
        }
    }

    /// Whether the budget counts an activity in this status that costs it `cost` (`Activity.budgetedCost`): approved,
    /// planned or carried out; called off only for what was paid all the same (tickets that are not refunded).
    public func chargesBudget(_ cost: Money) -> Bool {
        countsAgainstBudget || (self == .geannuleerd && cost.cents > 0)
    }

    /// An actual cost belongs to it, and what the budget counts of it is spent, not committed: carried out, or called off
    /// (what was paid all the same is gone).
    public var hasActualCost: Bool { isCarriedOut || self == .geannuleerd }

    /// Carried out (and possibly evaluated): costs are actual, not estimated.
    public var isCarriedOut: Bool { self == .uitgevoerd || self == .geevalueerd }

    /// No further steps: rejected, evaluated or cancelled.
    public var isFinal: Bool { allowedNextStates.isEmpty }
}
