extension Vocabulary {
    /// The one reader of a value from a fixed list: its slug, or its Dutch label ignoring case and accents.
    public static func read(_ text: String) throws(ValueError) -> Self {
        guard let value = Self(lenient: text) else {
            throw ValueError("\(unknownName) '\(text.trimmingSpaces())'; kies uit: \(allowedList)")
        }
        return value
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
