/// What kind of counterpart a relation is.
public enum RelationKind: String, Vocabulary {
    case vriendschapsrelatie
    case netwerk
    case regio
    case samenwerkingsverband
    case partnerorganisatie
    case overheid
    case kennisinstelling
    case bedrijf

    public var label: String {
        switch self {
        case .vriendschapsrelatie: "Vriendschapsrelatie"
        case .netwerk: "Netwerk"
        case .regio: "Regio/cluster"
        case .samenwerkingsverband: "Samenwerkingsverband"
        case .partnerorganisatie: "Partnerorganisatie"
        case .overheid: "Overheid"
        case .kennisinstelling: "Kennisinstelling"
        case .bedrijf: "Bedrijf"
        }
    }

    public static var vocabularyName: String { "soort relatie" }
}
