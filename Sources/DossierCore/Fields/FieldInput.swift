/// How a field's value is typed: decides the widget in a form, and what the command line's help says.
public enum FieldInput: Hashable, Sendable {
    /// One line of text.
    case line
    /// Free text that may run long (notes, outcomes): a form can open it in `$VISUAL`/`$EDITOR`.
    case longText
    /// Items separated by commas or semicolons.
    case list
    case date
    case amount
    case count
    case email
    case phone
    case url
    /// Yes or no.
    case flag
    /// One of a fixed list; `allowsNone` when it may be left empty.
    case choice([FieldOption], allowsNone: Bool)
    /// Any number of a fixed list (sectors, motives).
    case choices([FieldOption])
    /// Relations by name or id; several, or at most one.
    case relations(allowsMultiple: Bool)
    /// Countries by Dutch name or ISO code.
    case countries
    /// One of the dossier's budget lines, or none.
    case budgetLine
}

/// A value of a fixed list: its stored slug and its Dutch label.
public struct FieldOption: Hashable, Sendable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }

    public static func from<V: Vocabulary>(_ values: [V]) -> [FieldOption] {
        values.map { FieldOption(value: $0.rawValue, label: $0.label) }
    }
}
