/// Where a relation stands under the Kader. Every change is kept in the relation's status history.
public enum RelationStatus: String, Vocabulary {
    case focus
    case actief
    case verkennen
    case laagPitje = "laag-pitje"
    case beeindigd

    public var label: String {
        switch self {
        case .focus: "Focus"
        case .actief: "Actief"
        case .verkennen: "Verkennen"
        case .laagPitje: "Laag pitje"
        case .beeindigd: "Beëindigd"
        }
    }

    public static var vocabularyName: String { "status" }

    /// Laag pitje asks for a date on which the choice is looked at again.
    public var requiresReviewDate: Bool { self == .laagPitje }
}
