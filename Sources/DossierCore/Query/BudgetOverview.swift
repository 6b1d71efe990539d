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
        self.year = year
        budget = dossier.activityBudget.map { $0.applies(to: year) ? $0.yearlyAmount : .zero } ?? .zero
        committed = .zero
        spent = .zero
        activityIDs = []
        for activity in dossier.activities where activity.year == year && activity.id != excluded && activity.status.countsAgainstBudget {
            if activity.status.isCarriedOut {
                spent += activity.actualCost ?? activity.estimatedCost ?? .zero
            } else {
                committed += activity.estimatedCost ?? .zero
            }
            activityIDs.append(activity.id)
        }
    }
}
