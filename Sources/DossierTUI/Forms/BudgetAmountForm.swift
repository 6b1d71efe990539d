import DossierCore

/// `e` on the budget tab: the amount of the selected line in the selected year (a decision of the council), or empty
/// for the line's yearly amount again. Only that year changes; the others, also those gone by, keep theirs.
enum BudgetAmountForm {
    static func make(line: BudgetLine, year: Int) -> Form {
        let current = line.amountText(in: year)
        let own = line.amountsByYear[year] != nil ? " (eigen bedrag; het jaarbedrag is \(line.yearlyAmount.formatted))" : ""
        let back = line.applies(to: year) || line.amountsByYear[year] != nil
            ? "Leeg: terug naar het jaarbedrag (\(yearlyText(line, year)))." : "Leeg: geen bedrag voor dat jaar."
        let typed = line.applies(to: year) ? line.amount(in: year).editableText : ""
        return Form(purpose: .budgetAmount(line: line.id, year: year), title: "\(line.name) \(year) — nu \(current)\(own)", fields: [
            FormField("amount", "Bedrag voor \(year)", .text(TextInput(typed)),
                      help: "In euro's: 12.000 of 12.000,00; alleen \(year) verandert (een besluit van de raad). \(back)"),
        ])
    }

    /// What the year has without an amount of its own: the yearly amount in the line's years, else none.
    private static func yearlyText(_ line: BudgetLine, _ year: Int) -> String {
        var plain = line
        plain.amountsByYear[year] = nil
        return plain.amountText(in: year)
    }

    static func submit(_ form: Form, line lineID: String, year: Int, in state: AppState) -> FormOutcome {
        var reader = FormReader(form, today: state.today)
        let amount = reader.money("amount")
        if !reader.problems.isEmpty { return .problems(reader.problems) }
        guard let line = state.seenBudgetLine(lineID) else { return .problems(["amount": "Deze budgetregel is er niet meer"]) }
        var after = line
        after.amountsByYear[year] = nil
        if let amount, !(after.applies(to: year) && amount == line.yearlyAmount) { after.amountsByYear[year] = amount }
        guard after != line else { return .unchanged("Niets gewijzigd: \(line.name) heeft in \(year) \(line.amountText(in: year)).") }
        let change = Change.setBudgetAmount(lineID, year: year, amount: amount, seen: line.amount(in: year))
        return .change(change, success: change.summary(in: state.dossier))
    }
}
