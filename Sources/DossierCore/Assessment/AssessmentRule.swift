/// The named rules of the Kader that the assessment applies besides the questions. Each has a slug (as
/// stored in a reason), a Dutch title and the passage it rests on.
public enum AssessmentRule: String, Sendable, CaseIterable {
    case laagPitje = "laag-pitje"
    case buitenEuropa = "buiten-europa"
    case samenwerkingsverband
    case nieuwNetwerk = "nieuw-netwerk"
    case rodeVlag = "rode-vlag"
    case budget
    case partnermissie
    case euFinanciering = "eu-financiering"
    case ondernemers
    case omgevingsfactoren
    case economischeSubcriteria = "economische-subcriteria"
    case tripleHelix = "triple-helix"
    case doorverwijzen

    /// The countries the Kader puts on laag pitje as a whole: "we zetten de relaties met China en Vietnam op
    /// een laag pitje". China with Hong Kong and Macau, its special administrative regions, which ISO 3166 gives codes
    /// of their own (the product's reading: a mission to Hong Kong is one to China).
    public static let countriesOnLaagPitje: [Country] = ["CN", "HK", "MO", "VN"].compactMap(Country.init(code:))

    /// The relations whose trade missions and delegations are the partners' initiatives the Kader joins ("Voor handelsmissies
    /// en delegaties haken we aan op nationale /provinciale/regionale initiatieven"): governments, partner organisations
    /// (BOM, NL in Business, VNO-NCW) and partnerships (BrabantStad). The product's reading: a company's, a friendship
    /// city's, a region's or a network's mission is not such an initiative.
    public static let partnerKinds: Set<RelationKind> = [.overheid, .partnerorganisatie, .samenwerkingsverband]

    /// Whether a decision names a mandate and not the college ("Mandaat afdelingshoofd", "gemandateerd aan de teamleider"): the
    /// Kader leaves an exception to laag pitje to the college ("tenzij het college anders besluit"), and departing from the
    /// Kader is no routine matter a mandate covers. One that names the college ("Besluit B&W 3-2-2027 (mandaat wethouder)",
    /// "collegebesluit") is the college's; one that names neither is taken as given.
    public static func namesMandateNotCollege(_ decision: String) -> Bool {
        let folded = SearchText.fold(decision)
        let namesCollege = ["b&w", "b & w", "b en w", "college", "burgemeester en wethouders"].contains { folded.contains($0) }
        // "mandate" also finds "gemandateerd" and "mandaten".
        return !namesCollege && ["mandaat", "mandate"].contains { folded.contains($0) }
    }

    /// Said when a relation in China or Vietnam is added not on laag pitje: the Kader puts new contacts there on laag
    /// pitje too, so every activity with it is weighed negative. Nil for any other relation.
    public static func laagPitjeCountryNotice(_ relation: Relation) -> String? {
        let countries = relation.countries.filter(countriesOnLaagPitje.contains)
        guard relation.status != .laagPitje, !countries.isEmpty else { return nil }
        return "Let op: het Kader zet de relaties met China en Vietnam op een laag pitje, dus ook nieuwe contacten in \(countries.names): "
            + "een activiteit met \(relation.name) weegt negatief, tenzij het college anders besluit."
    }

    /// The partners a single company's request is referred to, by relation id, as the seeds name them.
    public static let referralPartners: [RelationID] = ["bom", "rvo", "nl-in-business"]

    public var title: String {
        switch self {
        case .laagPitje: "Relaties (en China en Vietnam) op een laag pitje"
        case .buitenEuropa: "Buiten Europa: farma en UNESCO Learning Cities"
        case .samenwerkingsverband: "Binnen Europa: samenwerkingsverbanden zoals BrabantStad en Agrifood Capital"
        case .nieuwNetwerk: "Nieuwe netwerken alleen binnen de strategische agenda"
        case .rodeVlag: "Rode vlag: mensenrechten of geopolitiek"
        case .budget: "Binnen het jaarbudget van de budgetregel"
        case .partnermissie: "Aanhaken bij missies en delegaties van partners"
        case .euFinanciering: "EU-financiering"
        case .ondernemers: "Ondernemers worden steevast uitgenodigd"
        case .omgevingsfactoren: "Positieve score op omgevingsfactoren"
        case .economischeSubcriteria: "Economische subcriteria"
        case .tripleHelix: "Triple Helix-samenwerking wordt positief beoordeeld"
        case .doorverwijzen: "De vraag van één bedrijf: doorverwijzen naar de partners"
        }
    }

    public var passage: String {
        switch self {
        case .laagPitje:
            "Kader, argument 2.1: \"Dit betekent onder andere dat we onze vriendschapsrelaties met Taizhou en An Giang op een laag pitje zetten\"; tegenargumenten: \"we zetten de relaties met China en Vietnam op een laag pitje\"."
        case .buitenEuropa:
            "Kader, argument 2.1: \"primair focussen op farma als het gaat om economische contacten buiten Europa, en daarnaast op UNESCO Learning Cities: het internationale netwerk over de relatie onderwijs-arbeidsmarkt-bedrijfsleven waar we als Oss aan deelnemen en het nodige op te bieden hebben\"; tegenargumenten: \"we kiezen buiten Europa voor farma en UNESCO Learning Cities\"."
        case .samenwerkingsverband:
            "Kader, argument 2.1: \"Binnen Europa zijn ook activiteiten relevant die gekoppeld zijn aan onze deelname aan samenwerkingsverbanden zoals BrabantStad en Agrifood Capital.\""
        case .nieuwNetwerk:
            "Kader, tegenargumenten: \"nemen alleen deel aan nieuwe internationale (kennis)netwerken als dat past binnen de nog te ontwikkelen strategische agenda voor Oss en de public affairs agenda\"."
        case .rodeVlag:
            "Kader, argument 2.1: \"positieve score op omgevingsfactoren (geopolitieke situatie, afbreukrisico's, … mensenrechten …)\"; aanleiding: \"internationale politieke ontwikkelingen, zoals in relatie tot China\"."
        case .budget:
            "Kader, a. Financiën: \"Er is een jaarlijks budget voor internationalisering van € 16.000,-. Daarnaast ondersteunen we het Global Goals Platform Oss jaarlijks met een bedrag van € 11.459,-.\"; criterium: \"zijn behapbaar voor de gemeente\"."
        case .partnermissie:
            "Reactie op de Economic Board, punt 3: \"Voor handelsmissies en delegaties haken we aan op nationale /provinciale/regionale initiatieven, voor zover dat een toegevoegde waarde heeft voor ons Osse bedrijfsleven.\"; \"De gemeente wil graag aanhaken bij activiteiten die door een van onze partners georganiseerd worden\"; Kader 3.2: \"We pakken activiteiten zoveel mogelijk samen met partners op\"."
        case .euFinanciering:
            "Kader, Europastrategie uitwerken: \"Totdat we een verder uitgewerkte strategie hebben, bekijken we elke kans op financiering op zichzelf.\""
        case .ondernemers:
            "Reactie op de Economic Board: \"Bij internationale economisch activiteiten zoals handelsreizen en beurzen, waar wij als gemeente aan deelnemen, nodigen wij ondernemers steevast uit om deel te nemen.\""
        case .omgevingsfactoren:
            Question.geopolitiek.passage
        case .economischeSubcriteria:
            Question.speerpuntsector.passage
        case .tripleHelix:
            Question.tripleHelix.passage
        case .doorverwijzen:
            Question.meerDanEenBedrijf.passage
        }
    }
}

/// Where the product chooses what the seeds leave open. A reason that rests on such a choice says so in its
/// text ("lezing van dossier") and gives the choice here; docs/afweegkader.md lists them apart.
public enum ProductReading: String, Sendable, CaseIterable {
    /// An exception decided by the college lifts laag pitje (and the outside-Europe focus) for one activity.
    case exception = "uitzondering"
    /// A single criterion answered no makes the verdict negative.
    case veto
    /// The three contributions among the environment factors count alike.
    case environmentWeights = "omgevingsfactoren"
    /// The budgets apply to the Kader's years, 2025–2030.
    case budgetYears = "budgetjaren"
    /// A contribution to the Global Goals counts outside Europe as the focus areas do.
    case globalGoalsAbroad = "global-goals-buiten-europa"
    /// Once the Europe strategy is there, an EU funding chance is weighed by whether it fits it.
    case europeStrategy = "europastrategie"

    public var text: String {
        switch self {
        case .exception:
            "Lezing van dossier: de bronnen zeggen dat Oss op een laag pitje minder doet, niet wat nog wel; dossier weegt een nieuwe activiteit daar negatief. De bronnen noemen geen uitzondering op een laag pitje. Een besluit van het college (B&W), vastgelegd als uitzondering, heft voor deze ene activiteit de regels laag-pitje en buiten-europa op voor de relaties en landen op een laag pitje; de criteria, de rode vlag, het budget en de andere landen blijven gelden."
        case .veto:
            "Lezing van dossier: de bronnen zeggen niet hoe de criteria samen wegen. dossier leest elk criterium als voorwaarde: één nee maakt het oordeel negatief; deels of onbekend: nader bekijken."
        case .environmentWeights:
            "Lezing van dossier: de bronnen vragen een positieve score op de omgevingsfactoren maar geven geen gewichten. dossier telt de drie bijdragen (strategieën, MVO, Global Goals) gelijk: alle drie nee is negatief, één of twee nee is nader bekijken, en zolang er geen ja of deels is (alle drie nog onbekend) ook nader bekijken."
        case .budgetYears:
            "Lezing van dossier: de bronnen noemen geen looptijd van de budgetten (\"Deze budgetten willen we handhaven\"); dossier neemt de jaren van het Kader (2025-2030). Een jaar ervoor heeft geen budget. Voor een jaar erna is nog geen bedrag vastgesteld: of de kosten passen, is dan nader te bekijken, en de begroting noemt zo'n jaar 'geen budget', niet overschreden."
        case .globalGoalsAbroad:
            "Lezing van dossier: het Kader kiest buiten Europa voor farma en UNESCO Learning Cities, maar \"We voelen de morele verplichting om een actieve rol te blijven spelen in de realisatie van de Global Goals\" (4.1) en steunt daarvoor het Global Goals Platform Oss. Een activiteit ten laste van de bijdrage aan het platform, of gekoppeld aan het platform, weegt buiten Europa daarom niet negatief."
        case .europeStrategy:
            "Lezing van dossier: het Kader bekijkt elke kans op EU-financiering op zichzelf \"totdat we een verder uitgewerkte strategie hebben\", maar zegt niet hoe daarna. Is de Europastrategie vastgesteld (dossier set-policy), dan vraagt dossier of de kans erin past: ja is positief, deels of onbekend nader bekijken, nee negatief, zoals bij de strategische agenda voor een nieuw netwerk."
        }
    }

    /// The marker at the end of a reason's text.
    public static let marker = " (lezing van dossier)"
}

extension VerdictReason {
    /// The passage of the Kader (or the Economic Board response) this reason rests on.
    public var passage: String {
        if let rule = AssessmentRule(rawValue: rule) { return rule.passage }
        if let question = Question(rawValue: rule) { return question.passage }
        return ""
    }

    /// The product's reading this reason rests on, if it rests on one (the text ends with the marker).
    public var reading: ProductReading? {
        guard text.hasSuffix(ProductReading.marker) else { return nil }
        if rule == AssessmentRule.laagPitje.rawValue { return .exception }
        if rule == AssessmentRule.omgevingsfactoren.rawValue { return .environmentWeights }
        if rule == AssessmentRule.budget.rawValue { return .budgetYears }
        if rule == AssessmentRule.buitenEuropa.rawValue { return .globalGoalsAbroad }
        if rule == AssessmentRule.euFinanciering.rawValue { return .europeStrategy }
        return .veto
    }
}
