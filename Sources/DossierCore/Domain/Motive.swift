/// The motives for internationalisation that chapter 2 of the Kader names.
public enum Motive: String, Vocabulary {
    case economie
    case leren
    case profilering
    case middelen
    case buurlanden
    case globalGoals = "global-goals"

    public var label: String {
        switch self {
        case .economie: "Versterking van de economie"
        case .leren: "Leren van en met anderen"
        case .profilering: "Profilering"
        case .middelen: "Toegang tot middelen"
        case .buurlanden: "Afstemming met buurlanden"
        case .globalGoals: "Bijdrage aan de Global Goals"
        }
    }

    public static var vocabularyName: String { "motief" }
    public static var vocabularyNameIsNeuter: Bool { true }
}
