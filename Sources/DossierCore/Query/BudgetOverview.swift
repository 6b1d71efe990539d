/// One year of one budget line (the budget internationalisering, € 16.000; the contribution to the Global
/// Goals Platform Oss, € 11.459): what is committed (approved and planned, estimated), what is spent (carried
/// out: actual cost, else estimated; called off: what was paid all the same) and what is left. Each line counts only
/// the activities charged to it.
public struct BudgetOverview: Hashable, Sendable {
    public var year: Int
    /// The budget line's id and name.
    public var line: String
    public var lineName: String
    public var budget: Money
    public var committed: Money
    public var spent: Money
    /// The activities counted, by id.
    public var activityIDs: [ActivityID]

    /// The year comes after the line's last year (the Kader's budgets run 2025–2030): no amount is set for it yet, and what
    /// is charged to it then is without a budget, not overspent. (A year before its first year has none: that is overspent.)
    public var isOutsideLineYears: Bool
    /// The council set this year's amount itself (`Change.setBudgetAmount`), also when it is € 0: a budget of nothing, not
    /// a year without one.
    public var hasAmountOfItsOwn: Bool
    /// The decision that set that amount, when one is kept.
    public var decision: String?

    public var remaining: Money { budget - committed - spent }
    /// The budget and what is left as a table shows them: none in a year the line sets no amount for (`isOutsideLineYears`),
    /// where nothing is set yet, so nothing is left or short either; "€ 0,00" would read as a budget of nothing, and what is
    /// charged to it as overspent.
    public var shownBudget: Money? { isOutsideLineYears ? nil : budget }
    public var shownRemaining: Money? { isOutsideLineYears ? nil : remaining }
    public var isOverspent: Bool { !isOutsideLineYears && remaining.cents < 0 }
    /// Something is charged to the line in a year it sets no amount for.
    public var isWithoutBudget: Bool { isOutsideLineYears && (committed + spent).cents > 0 }

    /// The overview of a year on one line, optionally leaving one activity out (the one being weighed).
    public init(year: Int, line: String, in dossier: Dossier, excluding excluded: ActivityID? = nil) {
        self.init(year: year, line: dossier.budgetLine(line), id: line)
        for activity in dossier.activities where activity.year == year && activity.budgetLine == line && activity.id != excluded {
            count(activity)
        }
    }

    /// What a year of a line has, and has left with the activity `excluded` (as stored, if it is) not counted: from `ledger`
    /// (the budget of all activities) when there is one, else summed over `dossier`'s activities on that line and year.
    static func left(_ year: Int, line: String, excluding excluded: ActivityID, in dossier: Dossier, ledger: BudgetLedger?) -> (budget: Money, remaining: Money) {
        // The ledger counted the activity as stored (if it is stored at all), not as weighed now (a draft, a new status).
        if let ledger { return ledger.remaining(year, line: line, excluding: dossier.activity(excluded)) }
        let overview = BudgetOverview(year: year, line: line, in: dossier, excluding: excluded)
        return (overview.budget, overview.remaining)
    }

    /// What partners pay in `year`: the activities on no budget line, counted as a line counts its own (the line's id
    /// empty, no budget).
    public static func uncharged(year: Int, in dossier: Dossier) -> BudgetOverview {
        var overview = BudgetOverview(year: year, line: nil, id: "")
        for activity in dossier.activities where activity.year == year && activity.budgetLine == nil { overview.count(activity) }
        return overview
    }

    /// A year on every budget line of the dossier, in the dossier's order.
    public static func all(year: Int, in dossier: Dossier) -> [BudgetOverview] {
        dossier.budgetLines.map { BudgetOverview(year: year, line: $0.id, in: dossier) }
    }

    init(year: Int, line: BudgetLine?, id: String) {
        self.year = year
        self.line = id
        lineName = line?.name ?? id
        budget = line?.amount(in: year) ?? .zero
        isOutsideLineYears = line.map { $0.hasEnded(before: year) } ?? false
        hasAmountOfItsOwn = line?.amountsByYear[year] != nil
        decision = line?.decisionsByYear[year]
        committed = .zero
        spent = .zero
        activityIDs = []
    }

    /// Adds an activity's cost if it counts against the budget: spent when carried out or called off, else committed.
    mutating func count(_ activity: Activity) {
        count(activity.id, status: activity.status, cost: activity.budgetedCost)
    }

    /// Adds an activity known only by its id, status and `Activity.budgetedCost` (an activity index's row); its id
    /// goes at `place` among the others (at the end when nil).
    mutating func count(_ id: ActivityID, status: ActivityStatus, cost: Money, at place: Int? = nil) {
        guard status.chargesBudget(cost) else { return }
        if status.hasActualCost {
            spent += cost
        } else {
            committed += cost
        }
        if let place { activityIDs.insert(id, at: place) } else { activityIDs.append(id) }
    }

    /// Takes back what `count` added for an activity; false when it was not counted here.
    mutating func uncount(_ id: ActivityID, status: ActivityStatus, cost: Money) -> Bool {
        guard status.chargesBudget(cost) else { return true }
        guard let place = activityIDs.firstIndex(of: id) else { return false }
        activityIDs.remove(at: place)
        if status.hasActualCost {
            spent = spent - cost
        } else {
            committed = committed - cost
        }
        return true
    }
}

/// Every budget line in every year at once, from one pass over the activities: for weighing many activities
/// (reports, benchmarks) without scanning the dossier for each.
public struct BudgetLedger: Sendable, Hashable {
    /// Per budget line id, every year that has activities on it, with its overview (after `update`, also years
    /// that had: an overview of nothing is what `overview` makes of a year without one).
    public private(set) var overviews: [String: [Int: BudgetOverview]] = [:]
    /// Per budget line id, what its activities without a date cost: counted in no year (there is no year to count
    /// them in), but approved, planned or spent all the same.
    public private(set) var undated: [String: UndatedCosts] = [:]
    /// How many activities each year has, on any line or none.
    private var activitiesPerYear: [Int: Int] = [:]
    let lines: [BudgetLine]
    private let linesByID: [String: BudgetLine]

    public init(_ dossier: Dossier) {
        self.init(lines: dossier.budgetLines)
        // Through the buffer, stored field by stored field, an activity is read in place; `for activity in`, handing
        // `activities[index]` to `count(_:)` or asking it a computed property copies each one (a retain and release
        // per field), which at 100.000 activities was most of the time of this pass (and of every save in the screen).
        dossier.activities.withUnsafeBufferPointer { activities in
            for index in activities.indices {
                let status = activities[index].status
                count(activities[index].id, year: activities[index].startDate?.year, line: activities[index].budgetLine, status: status,
                      cost: Activity.budgetedCost(status: status, actualCost: activities[index].actualCost, estimatedCost: activities[index].estimatedCost))
            }
        }
    }

    /// A ledger of no activities yet, on these budget lines; `count` adds them.
    public init(lines: [BudgetLine]) {
        self.lines = lines
        linesByID = Dictionary(lines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func count(_ activity: Activity) {
        count(activity.id, year: activity.year, line: activity.budgetLine, status: activity.status, cost: activity.budgetedCost)
    }

    /// Every year that has activities, on any line or none.
    public var years: Set<Int> { Set(activitiesPerYear.keys) }

    /// Adds an activity known only by what the budget looks at (an activity index's row); `place`: where its id goes
    /// in its overview's list (at the end when nil).
    mutating func count(_ id: ActivityID, year: Int?, line: String?, status: ActivityStatus, cost: Money, at place: Int? = nil) {
        guard let year else {
            if let line, status.chargesBudget(cost), cost.cents != 0 { undated[line, default: UndatedCosts()].add(id, cost) }
            return
        }
        activitiesPerYear[year, default: 0] += 1
        guard let line else { return }
        overviews[line, default: [:]][year, default: BudgetOverview(year: year, line: linesByID[line], id: line)]
            .count(id, status: status, cost: cost, at: place)
    }

    /// Brings the ledger up to date after a change to some activities, instead of counting every activity again (at
    /// 100.000 activities that was the largest part, 40 %, of what deleting one in the screen cost): each activity as
    /// it was before the change (`was`) is taken back, and each at `now` (its position in `dossier`) is counted, its id
    /// placed among the others in dossier order. False when something does not add up (an activity that was not counted, ids
    /// that repeat); the ledger is then unusable and the caller makes it anew.
    public mutating func update(was: [Activity], now: [Int], in dossier: Dossier) -> Bool {
        guard lines == dossier.budgetLines else { return false }
        for activity in was {
            guard let year = activity.year else {
                if let line = activity.budgetLine, activity.status.chargesBudget(activity.budgetedCost), activity.budgetedCost.cents != 0 {
                    guard undated[line]?.remove(activity.id, activity.budgetedCost) == true else { return false }
                    if undated[line]?.activityIDs.isEmpty == true { undated[line] = nil }
                }
                continue
            }
            guard let count = activitiesPerYear[year], count > 0 else { return false }
            activitiesPerYear[year] = count > 1 ? count - 1 : nil
            guard let line = activity.budgetLine else { continue }
            guard overviews[line]?[year]?.uncount(activity.id, status: activity.status, cost: activity.budgetedCost) == true else { return false }
        }
        for position in now.sorted() {
            let activity = dossier.activities[position]
            guard let year = activity.year, let line = activity.budgetLine, activity.status.chargesBudget(activity.budgetedCost) else {
                count(activity)
                continue
            }
            // (The list is handed over and let go before `count` inserts into it: held, the insert would copy it.)
            guard let place = BudgetLedger.place(of: position, among: overviews[line]?[year]?.activityIDs ?? [], in: dossier) else { return false }
            count(activity.id, year: year, line: line, status: activity.status, cost: activity.budgetedCost, at: place)
        }
        return true
    }

    /// Where the activity at `position` goes among `ids` in dossier order: every id already counted is still in the
    /// dossier, before or after it. Nil when one is not (or is the activity itself: it was counted twice).
    private static func place(of position: Int, among ids: [ActivityID], in dossier: Dossier) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            guard let other = dossier.activityPosition(ids[middle]), other != position else { return nil }
            if other < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    public func overview(_ year: Int, line: String) -> BudgetOverview {
        overviews[line]?[year] ?? BudgetOverview(year: year, line: lines.first { $0.id == line }, id: line)
    }

    /// A year on every line, in the dossier's order of the lines.
    public func overviews(_ year: Int) -> [BudgetOverview] {
        lines.map { overview(year, line: $0.id) }
    }

    /// Two ledgers are equal when they give the same years and the same overview of every year on every line, also
    /// on a line the activities name that is not one of the dossier's.
    public static func == (left: BudgetLedger, right: BudgetLedger) -> Bool {
        let lineIDs = Set(left.overviews.keys).union(right.overviews.keys)
        return left.lines == right.lines && left.activitiesPerYear == right.activitiesPerYear
            && left.undated.mapValues(\.total) == right.undated.mapValues(\.total)
            && left.undated.mapValues { Set($0.activityIDs) } == right.undated.mapValues { Set($0.activityIDs) }
            && left.years.allSatisfy { year in lineIDs.allSatisfy { left.overview(year, line: $0) == right.overview(year, line: $0) } }
    }

    /// Consistent with `==`: equal ledgers have the same lines and the same number of activities each year.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(lines)
        hasher.combine(activitiesPerYear)
    }

    /// What is left of a year's budget on a line when `activity` itself is not counted (it is the one being weighed).
    /// `activity` as the ledger counted it: as it is stored; nil for one that is not (a draft).
    public func remaining(_ year: Int, line: String, excluding activity: Activity?) -> (budget: Money, remaining: Money) {
        let overview = overview(year, line: line)
        var own = BudgetOverview(year: year, line: nil, id: line)
        if let activity, activity.year == year && activity.budgetLine == line { own.count(activity) }
        return (overview.budget, overview.remaining + own.committed + own.spent)
    }
}

/// What a budget line's activities without a date cost (`BudgetLedger.undated`), and which they are.
public struct UndatedCosts: Hashable, Sendable {
    public private(set) var total: Money = .zero
    public private(set) var activityIDs: [ActivityID] = []

    mutating func add(_ id: ActivityID, _ cost: Money) {
        total += cost
        activityIDs.append(id)
    }

    /// Takes back what `add` added; false when it was not added here.
    mutating func remove(_ id: ActivityID, _ cost: Money) -> Bool {
        guard let place = activityIDs.firstIndex(of: id) else { return false }
        activityIDs.remove(at: place)
        total = total - cost
        return true
    }

    /// The sentence that says so under a budget overview: `name` gives an activity's title (or its id, where only that is read).
    public func sentence(lineName: String, name: (ActivityID) -> String) -> String {
        "Zonder datum, en dus in geen jaar geteld, op \(lineName): \(total.formatted) (\(activityIDs.map(name).joined(separator: ", "))); "
            + "geef een datum om het mee te tellen."
    }
}
