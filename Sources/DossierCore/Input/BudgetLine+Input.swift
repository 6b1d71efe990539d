extension Dossier {
    /// The one reader of a budget line as typed: its id or its name (ignoring case and accents), or "geen"
    /// for none (a partner pays). Blank: the default line for new activities (`activityBudget`).
    public func readBudgetLine(_ text: String) throws(ValueError) -> String? {
        let folded = SearchText.fold(text.trimmingSpaces())
        if folded.isEmpty { return activityBudget?.id }
        if folded == "geen" { return nil }
        if let line = budgetLines.first(where: { $0.id == folded || SearchText.fold($0.name) == folded }) { return line.id }
        let choices = budgetLines.map { "\($0.id) (\($0.name))" } + ["geen (niet ten laste van de gemeente)"]
        throw ValueError("onbekende budgetregel '\(text.trimmingSpaces())'; kies uit: \(choices.joined(separator: ", "))")
    }
}
