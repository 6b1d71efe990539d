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
    public mutating func refresh(in dossier: Dossier, index: DossierIndex) {
        let folded = SearchText.fold(query.text.trimmingSpaces())
        let positions = dossier.relations.indices.filter { folded.isEmpty || index.relationLabelKeys[$0].contains(folded) }
        let names = positions.map { SearchText.fold(dossier.relations[$0].name) }
        // Names starting with the query first, then the rest, each alphabetically.
        candidates = zip(positions, names).sorted { left, right in
            let leftStarts = left.1.hasPrefix(folded), rightStarts = right.1.hasPrefix(folded)
            return leftStarts != rightStarts ? leftStarts : left.1 < right.1
        }.map(\.0)
        list.clamp(count: candidates.count, visibleRows: 8)
    }
}
