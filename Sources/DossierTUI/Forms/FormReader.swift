import DossierCore

/// Reads typed values out of a form with the core's one parser per value, collecting its message per
/// field that does not parse.
struct FormReader {
    let form: Form
    /// What a relative date ("morgen", "+14") counts from.
    let today: CalendarDate
    var problems: [String: String] = [:]

    init(_ form: Form, today: CalendarDate) {
        self.form = form
        self.today = today
    }

    func text(_ id: String) -> String { form.text(id) }

    mutating func requiredText(_ id: String, _ message: String) -> String {
        let value = text(id)
        if value.isEmpty { problems[id] = message }
        return value
    }

    /// The field's text read by `parse`; nil when it is empty (a problem when `required`) or does not parse.
    mutating func value<T>(_ id: String, required: Bool = false, missing: String = ValueError.missing.message,
                           _ parse: (String) throws(ValueError) -> T) -> T? {
        let typed = text(id)
        if typed.isEmpty {
            if required { problems[id] = missing }
            return nil
        }
        do {
            return try parse(typed)
        } catch {
            problems[id] = error.message
            return nil
        }
    }

    mutating func date(_ id: String, required: Bool) -> CalendarDate? {
        let yearless = form.yearlessDay(of: id, today: today)
        return value(id, required: required, missing: "Vul een datum in (12-3-2025, 12 maart 2025, morgen, +14 of vrijdag)") { [today] (text: String) throws(ValueError) in
            try CalendarDate.read(text, today: today, yearless: yearless)
        }
    }

    mutating func money(_ id: String) -> Money? {
        value(id, Money.read)
    }

    /// A whole number in `range` (a delegation's size).

    func choice<V: Vocabulary>(_ id: String, _ type: V.Type) -> V? {
        form[id]?.selectedValue.flatMap(V.init(rawValue:))
    }

    mutating func relations(_ id: String, required: Bool) -> [RelationID] {
        let ids = form[id]?.relationIDs ?? []
        if required && ids.isEmpty { problems[id] = "Kies minstens één relatie (Enter opent de lijst)" }
        return ids
    }
}
