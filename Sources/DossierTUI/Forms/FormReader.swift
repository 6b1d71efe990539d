import DossierCore

/// Reads typed values out of a form, collecting a Dutch message per field that does not parse.
struct FormReader {
    let form: Form
    var problems: [String: String] = [:]

    init(_ form: Form) {
        self.form = form
    }

    func text(_ id: String) -> String { form.text(id) }

    mutating func requiredText(_ id: String, _ message: String) -> String {
        let value = text(id)
        if value.isEmpty { problems[id] = message }
        return value
    }

    mutating func date(_ id: String, required: Bool) -> CalendarDate? {
        let value = text(id)
        if value.isEmpty {
            if required { problems[id] = "Vul een datum in (2025-03-12 of 12-3-2025)" }
            return nil
        }
        guard let date = CalendarDate(parsing: value) else {
            problems[id] = "'\(value)' is geen datum; gebruik 2025-03-12 of 12-3-2025"
            return nil
        }
        return date
    }

    mutating func money(_ id: String) -> Money? {
        let value = text(id)
        if value.isEmpty { return nil }
        guard let money = Money(parsing: value) else {
            problems[id] = "'\(value)' is geen bedrag; bijvoorbeeld 450, 1.250 of 1.250,50"
            return nil
        }
        return money
    }

    mutating func positiveNumber(_ id: String) -> Int? {
        let value = text(id)
        if value.isEmpty { return nil }
        guard let number = Int(value), number > 0 else {
            problems[id] = "Vul een heel getal van 1 of meer in"
            return nil
        }
        return number
    }

    func choice<V: Vocabulary>(_ id: String, _ type: V.Type) -> V? {
        form[id]?.selectedValue.flatMap(V.init(rawValue:))
    }

    mutating func relations(_ id: String, required: Bool) -> [RelationID] {
        let ids = form[id]?.relationIDs ?? []
        if required && ids.isEmpty { problems[id] = "Kies minstens één relatie (Enter opent de lijst)" }
        return ids
    }
}
