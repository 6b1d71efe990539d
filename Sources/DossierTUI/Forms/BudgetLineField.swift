import DossierCore

/// The budget line that pays, as a choice in the visit form: the dossier's lines and none (the same
/// options as the activity form's, from `TableForm`).
enum BudgetLineField {
    static let id = "budgetLine"

    static func make(_ selected: String?, in dossier: Dossier) -> FormField {
        let options = TableForm.budgetLineOptions(in: dossier)
        let index = options.firstIndex { $0.value == (selected ?? "") } ?? options.count - 1
        return FormField(id, "Budgetregel", .choice(options, selected: index),
                         help: "Welk budget betaalt: het budget internationalisering, de bijdrage aan het Global Goals Platform, of geen. ←→ wisselt.")
    }

    static func read(_ form: Form) -> String? {
        guard let value = form[id]?.selectedValue, !value.isEmpty else { return nil }
        return value
    }
}
