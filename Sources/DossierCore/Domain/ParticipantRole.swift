/// In what capacity someone takes part in an activity. Entrepreneurs are always invited to economic activities (response to the Economic Board).
public enum ParticipantRole: String, Vocabulary {
    case bestuurder
    case ambtenaar
    case ondernemer
    case kennisinstelling
    case overig

    public var label: String {
        switch self {
        case .bestuurder: "Bestuurder"
        case .ambtenaar: "Ambtenaar"
        case .ondernemer: "Ondernemer"
        case .kennisinstelling: "Kennisinstelling"
        case .overig: "Overig"
        }
    }

    /// The people of this role together, as a heading or column: "Bestuurders", "Overige deelnemers".
    public var pluralLabel: String {
        switch self {
        case .bestuurder: "Bestuurders"
        case .ambtenaar: "Ambtenaren"
        case .ondernemer: "Ondernemers"
        case .kennisinstelling: "Kennisinstellingen"
        case .overig: "Overige deelnemers"
        }
    }

    public static var vocabularyName: String { "rol" }
}
