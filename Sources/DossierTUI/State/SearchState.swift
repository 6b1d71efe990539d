import DossierCore

/// A `/` search in the current list. While it is being typed the selection jumps to the first match;
/// Enter keeps it for n/N, Esc goes back to where the search started.
public struct SearchState: Hashable, Sendable {
    public var input: TextInput
    public var isEditing: Bool
    /// The row selected when the search started, to return to on Esc.
    public var originRow: Int
    /// The list's first row shown then: Esc shows the list as it was, not scrolled to put the row at the top.
    public var originOffset = 0
    public var section: Section
    /// Whether the query as typed has a match in the list.
    public var hasMatch = true

    public init(section: Section, originRow: Int, originOffset: Int = 0) {
        input = TextInput()
        isEditing = true
        self.originRow = originRow
        self.originOffset = originOffset
        self.section = section
    }

    /// The query folded like the search keys: no case, no accents.
    public var foldedQuery: String { SearchText.fold(input.text.trimmingCharacters(in: " ")) }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice = slice.dropFirst() }
        while slice.last == character { slice = slice.dropLast() }
        return String(slice)
    }
}
