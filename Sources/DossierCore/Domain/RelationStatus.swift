/// Where a relation stands under the Kader. Every change is kept in the relation's status history.
public enum RelationStatus: String, Vocabulary {
    case focus
    case actief
    case verkennen
    case laagPitje = "laag-pitje"
    case beeindigd
    /// Named in the sources, with no contact they report: the status says nothing about a relation yet.
    case genoemd

    public var label: String {
        switch self {
        case .focus: "Focus"
        case .actief: "Actief"
        case .verkennen: "Verkennen"
        case .genoemd: "Genoemd"
        case .laagPitje: "Laag pitje"
        case .beeindigd: "Beëindigd"
        }
    }

    public static var vocabularyName: String { "status" }

    /// Laag pitje asks for a date on which the choice is looked at again.
    public var requiresReviewDate: Bool { self == .laagPitje }
}
