extension Vocabulary {
    /// The one reader of a value from a fixed list: its slug, or its Dutch label ignoring case and accents.
    public static func read(_ text: String) throws(ValueError) -> Self {
        guard let value = Self(lenient: text) else {
            let guess = suggestion(for: text).map { "; bedoelde u '\($0.rawValue)' (\($0.label))? Kies" } ?? "; kies"
            throw ValueError("\(unknownName) '\(text.trimmingSpaces())'\(guess) uit: \(allowedList)")
        }
        return value
    }

    /// The one value whose slug or label holds what was typed ("link-met-oss" is the question
    /// Inhoudelijke link met Oss): offered, never taken, for a part may be a slip.
    static func suggestion(for text: String) -> Self? {
        let typed = Slug.make(from: text)
        guard typed.count >= 3 else { return nil }
        let found = allCases.filter { value in
            // Only what is part of a value: text holding one ("inactief", "niet goedgekeurd") may well mean its opposite.
            [value.rawValue, Slug.make(from: value.label)].contains { $0.contains(typed) }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// Several values in one line, separated by commas or semicolons; each read by `read`.
    public static func readList(_ text: String) throws(ValueError) -> [Self] {
        var values: [Self] = []
        for item in ListText.split(text) {
            let value = try read(item)
            if !values.contains(value) { values.append(value) }
        }
        return values
    }
}
