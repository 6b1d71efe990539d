/// One year of the internationalisation budget (€ 16.000): what is committed (approved and planned,
/// estimated), what is spent (carried out: actual cost, else estimated) and what is left.
public struct BudgetOverview: Hashable, Sendable {
    public var year: Int
    public var budget: Money
    public var committed: Money
    public var spent: Money
    /// The activities counted, by id.
    public var activityIDs: [ActivityID]

    public var remaining: Money { budget - committed - spent }
    public var isOverspent: Bool { remaining.cents < 0 }

    /// The overview of a year, optionally leaving one activity out (the one being weighed).
    public init(year: Int, in dossier: Dossier, excluding excluded: ActivityID? = nil) {
        self.init(year: year, budget: BudgetOverview.budget(for: year, line: dossier.activityBudget))
        for activity in dossier.activities where activity.year == year && activity.id != excluded { count(activity) }
    }

    init(year: Int, budget: Money) {
        self.year = year
        self.budget = budget
        committed = .zero
        spent = .zero
        activityIDs = []
    }

    /// Adds an activity's cost if it counts against the budget: spent when carried out, else committed.
    mutating func count(_ activity: Activity) {
        guard activity.status.countsAgainstBudget else { return }
        if activity.status.isCarriedOut {
            spent += activity.actualCost ?? activity.estimatedCost ?? .zero
        } else {
            committed += activity.estimatedCost ?? .zero
        }
        activityIDs.append(activity.id)
    }

    /// A year's amount of the activity budget line (none: zero).
    static func budget(for year: Int, line: BudgetLine?) -> Money {
        line.map { $0.applies(to: year) ? $0.yearlyAmount : .zero } ?? .zero
    }
}

/// The budget of every year at once, from one pass over the activities: for weighing many activities
/// (reports, benchmarks) without scanning the dossier for each.
public struct BudgetLedger: Sendable {
    /// Every year that has activities, with its overview.
    public private(set) var overviews: [Int: BudgetOverview] = [:]
    private let line: BudgetLine?

    public init(_ dossier: Dossier) {
        line = dossier.activityBudget
        // Through the buffer, an activity is read in place; `for activity in` would copy each one (a
        // retain and release per field), which at 100.000 activities is most of the time of this pass.
        dossier.activities.withUnsafeBufferPointer { activities in
            for index in activities.indices {
                guard let year = activities[index].year else { continue }
                overviews[year, default: BudgetOverview(year: year, budget: BudgetOverview.budget(for: year, line: line))]
                    .count(activities[index])
            }
        }
    }

    public func overview(_ year: Int) -> BudgetOverview {
        overviews[year] ?? BudgetOverview(year: year, budget: BudgetOverview.budget(for: year, line: line))
    }

    /// What is left of a year's budget when `activity` itself is not counted (it is the one being weighed).
    public func remaining(_ year: Int, excluding activity: Activity) -> (budget: Money, remaining: Money) {
        let overview = overview(year)
        var own = BudgetOverview(year: year, budget: .zero)
        if activity.year == year { own.count(activity) }
        return (overview.budget, overview.remaining + own.committed + own.spent)
    }
}
