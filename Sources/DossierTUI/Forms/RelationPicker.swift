import DossierCore

/// Choosing relations for a form field, with type-ahead: typing narrows the list (case and accents
/// do not count), Space ticks, Enter takes the ticked ones (or the highlighted one).
public struct RelationPicker: Hashable, Sendable {
    public var fieldID: String
    public var allowsMultiple: Bool
    public var query = TextInput()
    public var chosen: [RelationID]
    /// Relation positions that match the query, by name.
    public var candidates: [Int] = []
    public var list = ListState()

    public init(fieldID: String, allowsMultiple: Bool, chosen: [RelationID]) {
        self.fieldID = fieldID
        self.allowsMultiple = allowsMultiple
        self.chosen = chosen
    }

    /// Narrows the candidates to the relations whose name, id or places contain the query.
    public mutating func refresh(index: DossierIndex) {
        let folded = SearchText.fold(query.text.trimmingSpaces())
        // Names starting with the query first, then the rest, each in name order (sorted once, in the index).
        var starting: [Int] = [], containing: [Int] = []
        for position in index.relationsByName where SearchText.contains(index.relationLabelKeys[position], folded) {
            if index.relationNameKeys[position].utf8.starts(with: folded.utf8) {
                starting.append(position)
            } else {
                containing.append(position)
            }
        }
        candidates = starting + containing
        list.clamp(count: candidates.count, visibleRows: 8)
    }
}
