/// A sector a relation or activity belongs to. The Kader's spearheads are farma and agrifood; the
/// Economic Board adds techniek and maakindustrie; logistiek and onderwijs have their own partners in Oss.
public enum Sector: String, Vocabulary {
    case farma
    case agrifood
    case techniek
    case maakindustrie
    case logistiek
    case onderwijs
    case arbeidsmarkt
    case zorg
    case duurzaamheid
    case bestuur

    public var label: String {
        switch self {
        case .farma: "Farma / life sciences & health"
        case .agrifood: "Agrifood"
        case .techniek: "Techniek"
        case .maakindustrie: "Maakindustrie"
        case .logistiek: "Logistiek"
        case .onderwijs: "Onderwijs"
        case .arbeidsmarkt: "Arbeidsmarkt"
        case .zorg: "Zorg en welzijn"
        case .duurzaamheid: "Duurzaamheid / Global Goals"
        case .bestuur: "Bestuur en samenwerking"
        }
    }

    public static var vocabularyName: String { "sector" }

    /// The economic spearhead sectors of the Economic Board's sub-criteria, "in particular farma or agrifood".
    public var isSpearhead: Bool { self == .farma || self == .agrifood }
}
