/// A yearly amount the municipality sets aside: the internationalisation budget (€ 16.000) and the
/// contribution to the Global Goals Platform Oss (€ 11.459).
public struct BudgetLine: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var yearlyAmount: Money
    public var firstYear: Int?
    public var lastYear: Int?
    /// The relation the money goes to, for a fixed contribution.
    public var relation: RelationID?
    /// Activities are charged to this line (the internationalisation budget), not to a fixed contribution.
    public var isActivityBudget: Bool
    public var notes: String

    public init(id: String, name: String, yearlyAmount: Money, firstYear: Int? = nil, lastYear: Int? = nil,
                relation: RelationID? = nil, isActivityBudget: Bool, notes: String = "") {
        self.id = id
        self.name = name
        self.yearlyAmount = yearlyAmount
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.relation = relation
        self.isActivityBudget = isActivityBudget
        self.notes = notes
    }

    public func applies(to year: Int) -> Bool {
        (firstYear.map { year >= $0 } ?? true) && (lastYear.map { year <= $0 } ?? true)
    }
}
