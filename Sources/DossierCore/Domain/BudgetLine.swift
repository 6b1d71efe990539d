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

    /// Whether `year` comes after the last year the line runs (after the Kader's 2025–2030): its amount is not set yet.
    public func hasEnded(before year: Int) -> Bool { lastYear.map { year > $0 } ?? false }

    /// The years it runs, as a sentence reads them: "2025–2030", "vanaf 2025", "tot en met 2030", "elk jaar".
    public var period: String {
        switch (firstYear, lastYear) {
        case let (first?, last?): "\(first)–\(last)"
        case let (first?, nil): "vanaf \(first)"
        case let (nil, last?): "tot en met \(last)"
        case (nil, nil): "elk jaar"
        }
    }
}
