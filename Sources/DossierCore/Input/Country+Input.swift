extension Country {
    /// The one reader of a typed country, with the one wording (that names the nearest countries).
    public static func read(_ text: String) throws(ValueError) -> Country {
        do {
            return try parse(text)
        } catch {
            throw ValueError(error.message)
        }
    }

    /// A typed list of countries ("Denemarken, Zweden").
    public static func readList(_ text: String) throws(ValueError) -> [Country] {
        do {
            return try parseList(text)
        } catch {
            throw ValueError(error.message)
        }
    }
}
