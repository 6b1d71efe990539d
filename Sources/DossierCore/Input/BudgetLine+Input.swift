extension Dossier {
    /// The one reader of a budget line as typed: its id or its name (ignoring case and accents), or "geen"
    /// for none (a partner pays). Blank: the default line for new activities (`activityBudget`).
    public func readBudgetLine(_ text: String) throws(ValueError) -> String? {
        let folded = SearchText.fold(text.trimmingSpaces())
        if folded.isEmpty { return activityBudget?.id }
        if folded == "geen" { return nil }
        return try readExistingBudgetLine(text, orNone: true)
    }

    /// A budget line that must be one of the dossier's (its amount is set, not an activity charged): "geen" or
    /// nothing is no answer here.
    public func readExistingBudgetLine(_ text: String) throws(ValueError) -> String {
        try readExistingBudgetLine(text, orNone: false)
    }

    private func readExistingBudgetLine(_ text: String, orNone: Bool) throws(ValueError) -> String {
        let folded = SearchText.fold(text.trimmingSpaces())
        if let line = budgetLines.first(where: { $0.id == folded || SearchText.fold($0.name) == folded }) { return line.id }
        let choices = budgetLines.map { "\($0.id) (\($0.name))" } + (orNone ? ["geen (niet ten laste van de gemeente)"] : [])
        let what = folded.isEmpty ? "geef een budgetregel" : "onbekende budgetregel '\(text.trimmingSpaces())'"
        throw ValueError("\(what); kies uit: \(choices.joined(separator: ", "))")
    }
}
