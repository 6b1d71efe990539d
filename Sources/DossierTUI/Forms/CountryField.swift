import DossierCore

/// A form field for countries, typed as Dutch names (or codes) separated by commas, with type-ahead: the
/// help line names the countries that match the name being typed, and → at the end fills in the first.
enum CountryField {
    static let id = "countries"
    static let help = "Nederlandse namen of codes, gescheiden door komma's (Duitsland, DK). → aan het einde vult het voorgestelde land aan."

    static func make(_ countries: [Country], label: String) -> FormField {
        FormField(id, label, .text(TextInput(countries.map(\.name).joined(separator: ", "))), help: help)
    }

    /// The name being typed: the text after the last comma.
    static func lastPiece(of text: String) -> (kept: String, typed: String) {
        guard let comma = text.lastIndex(where: { $0 == "," || $0 == ";" }) else { return ("", text.trimmingSpaces()) }
        return (String(text[...comma]) + " ", String(text[text.index(after: comma)...]).trimmingSpaces())
    }

    /// Countries whose name starts with (or contains) the name being typed; none while it is empty or already a country.
    static func suggestions(for text: String) -> [Country] {
        let typed = lastPiece(of: text).typed
        guard !typed.isEmpty, (try? Country.parse(typed)) == nil else { return [] }
        return Country.matching(typed, limit: 5)
    }

    /// The text with the name being typed completed to the first suggestion; nil when there is none.
    static func completed(_ text: String) -> String? {
        guard let first = suggestions(for: text).first else { return nil }
        return lastPiece(of: text).kept + first.name
    }

    /// Shows the suggestions for what is being typed in the help line.
    static func refresh(_ form: inout Form) {
        guard var field = form[id] else { return }
        let suggestions = suggestions(for: field.text)
        field.help = suggestions.isEmpty ? help
            : "Bedoelt u: " + suggestions.map(\.nameWithCode).joined(separator: ", ") + ". → vult \(suggestions[0].name) aan."
        form[id] = field
    }
}

/// The budget line that pays, as a choice: the dossier's lines and none.
enum BudgetLineField {
    static let id = "budgetLine"
    static let none = "geen"

    static func make(_ selected: String?, in dossier: Dossier) -> FormField {
        let options = dossier.budgetLines.map { MenuOption($0.id, $0.name) } + [MenuOption(none, "Geen (een partner betaalt)")]
        let index = options.firstIndex { $0.value == (selected ?? none) } ?? options.count - 1
        return FormField(id, "Budgetregel", .choice(options, selected: index),
                         help: "Welk budget betaalt: het budget internationalisering, de bijdrage aan het Global Goals Platform, of geen. ←→ wisselt.")
    }

    static func read(_ form: Form) -> String? {
        guard let value = form[id]?.selectedValue, value != none else { return nil }
        return value
    }
}
