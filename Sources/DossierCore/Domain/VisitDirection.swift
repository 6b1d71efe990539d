/// Whether a delegation came to Oss or Oss went abroad.
public enum VisitDirection: String, Vocabulary {
    case inkomend
    case uitgaand

    public var label: String {
        switch self {
        case .inkomend: "Inkomend"
        case .uitgaand: "Uitgaand"
        }
    }

    public static var vocabularyName: String { "richting" }
}
