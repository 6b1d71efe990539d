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

extension Dossier {
    /// The one reader of a budget line as typed: its id or its name (ignoring case and accents), or "geen"
    /// for none (a partner pays). Blank: the default line for new activities (`activityBudget`).
    public func budgetLineID(parsing text: String) throws(BudgetLineError) -> String? {
        let folded = SearchText.fold(text.trimmingSpaces())
        if folded.isEmpty { return activityBudget?.id }
        if folded == "geen" { return nil }
        if let line = budgetLines.first(where: { $0.id == folded || SearchText.fold($0.name) == folded }) { return line.id }
        throw BudgetLineError(input: text.trimmingSpaces(), known: budgetLines)
    }
}

/// A budget line that could not be read, with the ones there are.
public struct BudgetLineError: Error, Hashable, Sendable, CustomStringConvertible {
    public var input: String
    public var known: [BudgetLine]

    public var message: String {
        let choices = known.map { "\($0.id) (\($0.name))" } + ["geen (niet ten laste van de gemeente)"]
        return "onbekende budgetregel '\(input)'; kies uit: \(choices.joined(separator: ", "))"
    }

    public var description: String { message }
}
