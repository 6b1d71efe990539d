import DossierCore

/// `e` on the budget tab: the amount of the selected line in the selected year, with the decision of the council that
/// set it; empty for the line's yearly amount again. Only that year changes; the others, also those gone by, keep theirs.
enum BudgetAmountForm {
    static func make(line: BudgetLine, year: Int) -> Form {
        let fallback = line.withoutYearAmounts.amountText(in: year)
        let back = line.withoutYearAmounts.applies(to: year) ? "Leeg: terug naar het jaarbedrag (\(fallback))." : "Leeg: geen bedrag voor \(year)."
        let own = line.amountsByYear[year] != nil ? " (eigen bedrag" + (line.decisionsByYear[year].map { ": \($0)" } ?? "") + ")" : ""
        let typed = line.applies(to: year) ? line.amount(in: year).editableText : ""
        return Form(purpose: .budgetAmount(line: line.id, year: year), title: "\(line.name) \(year) — nu \(line.amountText(in: year))\(own)", fields: [
            FormField("amount", "Bedrag voor \(year)", .text(TextInput(typed)),
                      help: "In euro's: 12.000 of 12.000,00; alleen \(year) verandert. \(back)", isAmount: true),
            FormField("decision", "Besluit", .text(TextInput()),
                      help: "Welk besluit stelde het bedrag vast: de begroting, de voorjaarsnota, een raadsbesluit (verplicht; komt in het logboek)."),
        ])
    }

    static func submit(_ form: Form, line lineID: String, year: Int, in state: AppState) -> FormOutcome {
        var reader = FormReader(form, today: state.today)
        let amount = reader.money("amount")
        if !reader.problems.isEmpty { return .problems(reader.problems) }
        guard let line = state.seenBudgetLine(lineID) else { return .problems(["amount": "Deze budgetregel is er niet meer"]) }
        let typedDecision = form.text("decision")
        let after = line.setting(amount, in: year, decision: typedDecision)
        // Nothing new: the same amount, and no other decision for an amount of its own.
        guard after != line, !(after.amountsByYear == line.amountsByYear && typedDecision.allSatisfy(\.isWhitespace)) else {
            let now = state.dossier.budgetLine(lineID) ?? line
            return .unchanged("Niets gewijzigd: \(now.name) heeft in \(year) \(now.amountText(in: year)).")
        }
        let decision = reader.requiredText("decision", "Noem het besluit dat het bedrag vaststelde")
        if !reader.problems.isEmpty { return .problems(reader.problems) }
        let change = Change.setBudgetAmount(lineID, year: year, amount: amount, seen: line.amount(in: year), decision: decision)
        var success = change.summary(in: state.dossier)
        let overview = state.index.budgets.first { $0.year == year && $0.line == lineID }
        for notice in [overview.flatMap { BudgetAmountYear.shortNotice($0, amount: after.amount(in: year)) }, BudgetAmountYear.smallNotice(amount, line: line)] {
            if let notice { success += ". Let op: \(notice)" }
        }
        return .change(change, success: success)
    }
}
