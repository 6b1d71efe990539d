import DossierCore

/// A new visit or activity fills in its countries from the relations chosen (their own, the Netherlands aside), and
/// follows the relations for as long as the countries are the ones filled in: a country chosen by hand stays. A
/// hidden field holds what was last filled in, to tell the two apart.
enum CountriesFromRelations {
    static let fieldID = "countries.fromRelations"

    /// The hidden field, holding `countries` as filled in when the form opened.
    static func field(_ countries: [Country]) -> FormField {
        FormField(fieldID, "", .text(TextInput(ListText.join(countries.map(\.code)))), isVisible: false)
    }

    /// The countries of the relations in the form's `relations` field, where the countries are still the ones filled in.
    static func follow(_ form: inout Form, in dossier: Dossier) {
        guard var countries = form["countries"], var filled = form[fieldID],
              case .picked(let codes, let source, let allowsMultiple, let emptyLabel) = countries.value,
              codes == ListText.split(filled.text) else { return }
        let now = (form["relations"]?.relationIDs ?? []).compactMap(dossier.relation).countriesAbroad.map(\.code)
        guard now != codes else { return }
        countries.value = .picked(now, source: source, allowsMultiple: allowsMultiple, emptyLabel: emptyLabel)
        filled.value = .text(TextInput(ListText.join(now)))
        form["countries"] = countries
        form[fieldID] = filled
    }
}
