import DossierCore

/// What a picker chooses from.
public enum PickSource: Hashable, Sendable {
    /// Relations by id, matched on name, id, country, region and places.
    case relations
    /// Countries by ISO code, matched on Dutch name, other names and code (the core's country table).
    case countries

    /// What one is called, for the picker's title and messages.
    var noun: (one: String, many: String) {
        switch self {
        case .relations: ("relatie", "relaties")
        case .countries: ("land", "landen")
        }
    }
}

/// Choosing relations or countries for a form field, with type-ahead: typing narrows the list (case and
/// accents do not count), Tab ticks, Enter takes the ticked ones (or the highlighted one). Opened by Enter and left as it
/// opened (nothing typed, moved or ticked), Enter chooses nothing: Enter, Enter goes on to the next field, as in every
/// other field, instead of taking whatever is first in the list.
public struct Picker: Hashable, Sendable {
    public var fieldID: String
    public var source: PickSource
    public var allowsMultiple: Bool
    public var query = TextInput()
    /// Relation ids or country codes.
    public var chosen: [String]
    /// The ids or codes that match the query, best first.
    public var candidates: [String] = []
    public var list = ListState()
    /// Opened by Enter, with nothing typed: what `isUntouched` starts from.
    public var openedByEnter = true
    /// The highlight was moved since it opened.
    public var hasMoved = false
    /// The highlight is where the user put it (by typing or with the arrows), not where a tick moved it on to: Enter
    /// takes it.
    public var highlightIsChosen = false
    /// The ticks as it opened.
    private var chosenAtOpening: [String]
    /// How often the dossier uses each country, counted once when a country picker first narrows.
    private var countryUses: [Country: Int]?

    /// Opened by Enter and nothing chosen since: no search text (also one typed and erased again), the highlight not
    /// moved, nothing ticked or unticked.
    public var isUntouched: Bool { openedByEnter && !hasMoved && query.isEmpty && chosen == chosenAtOpening }

    /// Something was ticked that was not ticked as it opened (an untick alone does not count).
    public var hasNewTicks: Bool { chosen.contains { !chosenAtOpening.contains($0) } }

    public init(fieldID: String, source: PickSource, allowsMultiple: Bool, chosen: [String]) {
        self.fieldID = fieldID
        self.source = source
        self.allowsMultiple = allowsMultiple
        self.chosen = chosen
        chosenAtOpening = chosen
    }

    /// Narrows the candidates to what matches the query. With nothing typed, the ticked ones come first, so that
    /// correcting a choice starts at what is chosen.
    public mutating func refresh(index: DossierIndex, dossier: Dossier) {
        let typed = query.text.trimmingSpaces()
        defer {
            if typed.isEmpty && !chosen.isEmpty { candidates = chosen + candidates.filter { !chosen.contains($0) } }
            list.clamp(count: candidates.count, visibleRows: 8)
        }
        switch source {
        case .relations:
            let folded = SearchText.fold(typed)
            // Names starting with the query first, then names holding it, then the rest (found by a place: "grenoble" finds
            // Université Grenoble Alpes before the regions Grenoble lies in), each in name order (sorted once, in the index).
            var starting: [String] = [], naming: [String] = [], containing: [String] = []
            for position in index.relationsByName where SearchText.containsEveryWord(index.relationLabelKeys[position], folded) {
                let name = index.relationNameKeys[position]
                if name.utf8.starts(with: folded.utf8) {
                    starting.append(dossier.relations[position].id)
                } else if SearchText.containsEveryWord(name, folded) {
                    naming.append(dossier.relations[position].id)
                } else {
                    containing.append(dossier.relations[position].id)
                }
            }
            candidates = starting + naming + containing
        case .countries:
            let uses = countryUses ?? Country.uses(in: dossier)
            countryUses = uses
            candidates = Country.matching(typed, limit: Country.all.count, preferring: uses).map(\.code)
        }
    }
}
