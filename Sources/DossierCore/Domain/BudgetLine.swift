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
    /// Amounts the council set for particular years, in place of `yearlyAmount`: a cut or a rise in one year, or a year
    /// after `lastYear` (the line carried on after the Kader). Changed only by `Change.setBudgetAmount`.
    public var amountsByYear: [Int: Money]
    /// The decision that set each of those amounts ("Voorjaarsnota 2028"): kept with the amount, so that wherever it is
    /// shown, why can be too.
    public var decisionsByYear: [Int: String]

    public init(id: String, name: String, yearlyAmount: Money, firstYear: Int? = nil, lastYear: Int? = nil,
                relation: RelationID? = nil, isActivityBudget: Bool, notes: String = "", amountsByYear: [Int: Money] = [:],
                decisionsByYear: [Int: String] = [:]) {
        self.id = id
        self.name = name
        self.yearlyAmount = yearlyAmount
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.relation = relation
        self.isActivityBudget = isActivityBudget
        self.notes = notes
        self.amountsByYear = amountsByYear
        self.decisionsByYear = decisionsByYear
    }

    /// Whether the line has an amount for `year`: one of its years, or a year the council set an amount for.
    public func applies(to year: Int) -> Bool {
        amountsByYear[year] != nil || ((firstYear.map { year >= $0 } ?? true) && (lastYear.map { year <= $0 } ?? true))
    }

    /// What the line has in `year`: the amount set for that year, else the yearly amount in its years, else nothing.
    public func amount(in year: Int) -> Money {
        amountsByYear[year] ?? (applies(to: year) ? yearlyAmount : .zero)
    }

    /// How a journal entry names a line among its subjects: apart from the relations' and activities' ids ("internationalisering"
    /// may also be an activity's).
    public static func subject(_ id: String) -> String { subjectPrefix + id }

    /// The line's id in a subject made by `subject`, or nil for any other subject.
    public static func id(ofSubject subject: String) -> String? {
        subject.hasPrefix(subjectPrefix) ? String(subject.dropFirst(subjectPrefix.count)) : nil
    }

    private static let subjectPrefix = "budgetregel:"

    /// The line with `amount` as `year`'s own (nil: none of its own). An amount equal to the yearly amount in one of the
    /// line's years is no exception, and is not kept as one.
    public func setting(_ amount: Money?, in year: Int, decision: String? = nil) -> BudgetLine {
        var updated = self
        updated.amountsByYear[year] = nil
        updated.decisionsByYear[year] = nil
        if let amount, !(updated.applies(to: year) && amount == yearlyAmount) {
            updated.amountsByYear[year] = amount
            updated.decisionsByYear[year] = decision.flatMap { $0.isBlank ? nil : $0.trimmingSpaces() }
        }
        return updated
    }

    /// The line with no amounts of particular years: what no change alters.
    public var withoutYearAmounts: BudgetLine {
        var plain = self
        plain.amountsByYear = [:]
        plain.decisionsByYear = [:]
        return plain
    }

    /// What the line has in `year` as a sentence says it: "€ 12.000,00", or "geen bedrag".
    public func amountText(in year: Int) -> String { applies(to: year) ? amount(in: year).formatted : "geen bedrag" }

    /// The amounts set for particular years, as a list says them: "2028: € 12.000,00 (Voorjaarsnota 2028), 2031: € 16.000,00"
    /// ("" when none).
    public var yearAmountsText: String {
        amountsByYear.keys.sorted().map { "\($0): \(amountsByYear[$0]!.formatted)" + (decisionsByYear[$0].map { " (\($0))" } ?? "") }
            .joined(separator: ", ")
    }

    /// Whether `year` comes after the last year the line runs (after the Kader's 2025–2030) and has no amount set for
    /// it: its amount is not known yet.
    public func hasEnded(before year: Int) -> Bool { amountsByYear[year] == nil && (lastYear.map { year > $0 } ?? false) }

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
