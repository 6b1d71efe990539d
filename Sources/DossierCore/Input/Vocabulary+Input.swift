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
        if found.isEmpty && typed.count >= 5 {
            // One letter off ("goedgekeurt"); more could turn a word into another ("inactief" is two from "actief"). Or a
            // word left out ("waarde-bedrijfsleven" for waarde-voor-bedrijfsleven): every word typed is one of the value's.
            let words = typed.split(separator: "-")
            let near = allCases.filter { value in
                [value.rawValue, Slug.make(from: value.label)].contains { slug in
                    Spelling.editDistance(typed, slug) <= 1 || (words.count > 1 && Set(words).isSubset(of: slug.split(separator: "-")))
                }
            }
            return near.count == 1 ? near[0] : nil
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
