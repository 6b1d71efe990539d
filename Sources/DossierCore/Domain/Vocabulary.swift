/// A closed list of values stored by slug and shown to people by a Dutch label.
public protocol Vocabulary: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String, AllCases == [Self] {
    /// The Dutch name shown to people.
    var label: String { get }
    /// What the list is called in messages ("status", "soort activiteit").
    static var vocabularyName: String { get }
    /// Whether that name is a het-word ("het antwoord"): then "onbekend antwoord", without -e.
    static var vocabularyNameIsNeuter: Bool { get }
}

extension Vocabulary {
    public static var vocabularyNameIsNeuter: Bool { false }

    /// "onbekende status", "onbekend antwoord": the adjective as the list's word takes it.
    public static var unknownName: String { (vocabularyNameIsNeuter ? "onbekend " : "onbekende ") + vocabularyName }

    /// Every slug, comma separated, for messages that name the allowed values.
    public static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// A value by slug, or by its Dutch label ignoring case and accents.
    public init?(lenient text: String) {
        let wanted = SearchText.fold(text.trimmingSpaces())
        if let exact = Self(rawValue: text.trimmingSpaces()) {
            self = exact
        } else if let match = Self.allCases.first(where: { SearchText.fold($0.label) == wanted || $0.rawValue == wanted.replacingSpaces() }) {
            self = match
        } else {
            return nil
        }
    }
}

extension String {
    fileprivate func replacingSpaces() -> String { String(map { $0 == " " ? "-" : $0 }) }
}

extension Array where Element: Vocabulary {
    /// The labels as alternatives, "Idee, Gepland of Uitgevoerd" (a filter on one of them); nil when there are none.
    public var labelsAsAlternatives: String? {
        guard let last else { return nil }
        let rest = dropLast().map(\.label).joined(separator: ", ")
        return rest.isEmpty ? last.label : "\(rest) of \(last.label)"
    }
}
