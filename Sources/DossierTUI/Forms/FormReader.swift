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
        do {
            return try CalendarDate.read(value)
        } catch {
            problems[id] = error.message
            return nil
        }
    }

    mutating func money(_ id: String) -> Money? {
        let value = text(id)
        if value.isEmpty { return nil }
        do {
            return try Money.read(value)
        } catch {
            problems[id] = error.message
            return nil
        }
    }

    /// A whole number in `range` (a delegation's size).
    mutating func number(_ id: String, in range: ClosedRange<Int>) -> Int? {
        let value = text(id)
        if value.isEmpty { return nil }
        do {
            return try WholeNumber.read(value, in: range)
        } catch {
            problems[id] = error.message
            return nil
        }
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
