/// Reading an id someone typed (for a new relation or activity): it must already be a slug.
public enum Identifier {
    /// The one reader of a typed id.
    public static func read(_ text: String) throws(ValueError) -> String {
        let typed = text.trimmingSpaces()
        guard Slug.isValid(typed) else { throw invalid(typed) }
        return typed
    }

    /// The wording for an id that is not a slug, also used by the rules of the dossier.
    public static func invalid(_ text: String) -> ValueError {
        ValueError("'\(text)' is geen geldige id: alleen kleine letters, cijfers en enkele koppeltekens")
    }
}
