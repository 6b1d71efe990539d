/// The focus of the Kader an activity serves, for accounts per focus (the yearly report). Each activity has
/// exactly one, so the numbers per focus add up to the whole; the rules below are those of the assessment
/// (`Assessor.Facts`), read in the order of the list: an activity with a relation or country on laag pitje
/// lies outside the focus whatever else it is about.
public enum KaderFocus: String, Sendable, CaseIterable {
    /// Economic contacts on farma / life sciences, the life-sciences regions included (inside and outside Europe).
    case farma
    /// The network UNESCO Learning Cities (through Talentencampus Oss): the focus network outside Europe.
    case learningCities = "unesco-learning-cities"
    /// Within Europe: activities tied to partnerships such as BrabantStad and Agrifood Capital.
    case partnerships = "samenwerkingsverbanden"
    /// Trade missions and delegations of partners (NL in Business, BOM, the province) that Oss joined, within Europe
    /// (outside it only farma and UNESCO Learning Cities are in the focus).
    case partnerMissions = "partnermissies"
    /// The Global Goals Platform Oss and what its yearly contribution pays.
    case globalGoals = "global-goals"
    /// None of the above, or involving a relation or country the Kader puts on laag pitje.
    case outsideFocus = "buiten-de-focus"

    public var label: String {
        switch self {
        case .farma: "Farma en life sciences"
        case .learningCities: "UNESCO Learning Cities"
        case .partnerships: "BrabantStad en Agrifood Capital (binnen Europa)"
        case .partnerMissions: "Missies en delegaties van partners"
        case .globalGoals: "Global Goals Platform Oss"
        case .outsideFocus: "Buiten de focus van het Kader"
        }
    }

    /// For chart axes and narrow columns.
    public var shortLabel: String {
        switch self {
        case .farma: "Farma"
        case .learningCities: "UNESCO LC"
        case .partnerships: "BrabantStad/Agrifood"
        case .partnerMissions: "Partnermissies"
        case .globalGoals: "Global Goals"
        case .outsideFocus: "Buiten focus"
        }
    }
}

extension Assessor {
    /// The one focus of the Kader an activity serves (see `KaderFocus` for the order of the rules).
    public static func focus(of activity: Activity, in dossier: Dossier) -> KaderFocus {
        let facts = Facts(activity: activity, dossier: dossier)
        if !facts.laagPitjeRelations.isEmpty || !facts.laagPitjeCountries.isEmpty { return .outsideFocus }
        if facts.globalGoalsContribution != nil { return .globalGoals }
        let (countries, relationsOutside) = facts.outsideEurope
        // A delegation or mission of unknown origin or destination is not within Europe by default, as the weighing reads it.
        let withinEurope = countries.isEmpty && relationsOutside.isEmpty && !facts.isPlaceUnknown
        // Outside Europe the network is in the focus only on its own subject, as buiten-europa weighs it.
        if facts.relations.contains(where: { $0.kind == .netwerk && $0.status == .focus }),
           withinEurope || facts.focusNetworkOnItsSubject != nil {
            return .learningCities
        }
        if facts.isFarma { return .farma }
        let partnership = facts.relations.contains { $0.kind == .samenwerkingsverband && ($0.status == .actief || $0.status == .focus) }
        if withinEurope && (partnership || facts.sectors.contains(.agrifood)) { return .partnerships }
        // Outside Europe the Kader chooses farma and UNESCO Learning Cities only (the rule buiten-europa): a partner's
        // mission there about anything else is outside the focus, however it was joined.
        if withinEurope && facts.joinsPartnerInitiative { return .partnerMissions }
        return .outsideFocus
    }
}
