/// What kind of international activity this is.
public enum ActivityKind: String, Vocabulary {
    case handelsmissie
    case delegatiebezoek
    case beurs
    case campusbeurs
    case kennisuitwisseling
    case netwerkbijeenkomst
    case conferentie
    case euSubsidieaanvraag = "eu-subsidieaanvraag"
    case bilateraalPartnerschap = "bilateraal-partnerschap"
    case acquisitie
    case talentwerving
    case training
    case inspiratiereis
    case overig

    public var label: String {
        switch self {
        case .handelsmissie: "Handelsmissie"
        case .delegatiebezoek: "Delegatiebezoek"
        case .beurs: "Beurs"
        case .campusbeurs: "Campusbeurs"
        case .kennisuitwisseling: "Kennisuitwisseling"
        case .netwerkbijeenkomst: "Netwerkbijeenkomst"
        case .conferentie: "Conferentie"
        case .euSubsidieaanvraag: "EU-subsidieaanvraag"
        case .bilateraalPartnerschap: "Bilateraal partnerschap"
        case .acquisitie: "Bedrijfsacquisitie"
        case .talentwerving: "Talentwerving"
        case .training: "Training of workshop"
        case .inspiratiereis: "Inspiratiereis"
        case .overig: "Overig"
        }
    }

    public static var vocabularyName: String { "soort activiteit" }

    /// Kinds that are economic contacts: the kinds the outside-Europe rule allows only for farma.
    public var isEconomic: Bool {
        switch self {
        case .handelsmissie, .beurs, .acquisitie, .inspiratiereis: true
        default: false
        }
    }
}
