/// A question of the assessment: the five criteria of the Kader (the environment criterion asked factor by
/// factor), the Economic Board's economic sub-criteria, and the strategic-agenda question for new networks.
public enum Question: String, Vocabulary {
    case inhoudelijkeLink = "inhoudelijke-link"
    case behoefteLokalePartners = "behoefte-lokale-partners"
    case toegevoegdeWaarde = "toegevoegde-waarde"
    case geopolitiek
    case afbreukrisico
    case aansluitingStrategie = "aansluiting-strategie"
    case mvo
    case mensenrechten
    case globalGoals = "global-goals"
    case behapbaar
    case speerpuntsector
    case vraagBedrijfsleven = "vraag-bedrijfsleven"
    case behoefteOssePartners = "behoefte-osse-partners"
    case versterkingEconomie = "versterking-economie"
    case profilering
    case aanvullend
    case meerDanEenBedrijf = "meer-dan-een-bedrijf"
    case tripleHelix = "triple-helix"
    case strategischeAgenda = "strategische-agenda"
    case waardeVoorBedrijfsleven = "waarde-voor-bedrijfsleven"
    /// Asked of an EU funding chance once the Europe strategy is there (`PolicyPiece.europastrategie`).
    case europastrategie

    public static var vocabularyName: String { "vraag" }

    /// The group the question belongs to, in the order of the Kader.
    public var group: QuestionGroup {
        switch self {
        case .inhoudelijkeLink, .behoefteLokalePartners, .toegevoegdeWaarde, .behapbaar: .criterion
        case .geopolitiek, .afbreukrisico, .aansluitingStrategie, .mvo, .mensenrechten, .globalGoals: .environment
        case .speerpuntsector, .vraagBedrijfsleven, .behoefteOssePartners, .versterkingEconomie, .profilering: .economic
        case .aanvullend, .meerDanEenBedrijf, .tripleHelix: .role
        case .strategischeAgenda, .waardeVoorBedrijfsleven, .europastrategie: .rule
        }
    }

    /// The rule a reason made from this answer is given under (`VerdictReason.rule`): the question's own, but one company's
    /// question is said as the referral it leads to.
    public var reasonRule: String { self == .meerDanEenBedrijf ? AssessmentRule.doorverwijzen.rawValue : rawValue }

    public var label: String {
        switch self {
        case .inhoudelijkeLink: "Inhoudelijke link met Oss"
        case .behoefteLokalePartners: "Aansluiting bij behoeften van lokale partners"
        case .toegevoegdeWaarde: "Potentiële toegevoegde waarde voor Oss"
        case .geopolitiek: "Geopolitieke situatie zonder bezwaar"
        case .afbreukrisico: "Afbreukrisico beperkt"
        case .aansluitingStrategie: "Aansluiting op nationale/Europese strategieën"
        case .mvo: "Maatschappelijk verantwoord ondernemen"
        case .mensenrechten: "Geen zorgen over mensenrechten"
        case .globalGoals: "Bijdrage aan de Global Goals"
        case .behapbaar: "Behapbaar voor de gemeente"
        case .speerpuntsector: "Economische speerpuntsector"
        case .vraagBedrijfsleven: "Vraag vanuit het bedrijfsleven"
        case .behoefteOssePartners: "Behoefte van Osse partners"
        case .versterkingEconomie: "Kans op versterking van de Osse economie"
        case .profilering: "Profilering van Oss"
        case .aanvullend: "Aanvullend op wat partners al doen"
        case .meerDanEenBedrijf: "Meer dan de vraag van één bedrijf"
        case .tripleHelix: "Verzoek om Triple Helix-samenwerking"
        case .strategischeAgenda: "Past in de strategische agenda"
        case .waardeVoorBedrijfsleven: "Toegevoegde waarde voor het Osse bedrijfsleven"
        case .europastrategie: "Past in de Europastrategie"
        }
    }

    /// A name of at most 18 columns, for the label column of a form.
    public var shortLabel: String {
        switch self {
        case .inhoudelijkeLink: "Link met Oss"
        case .behoefteLokalePartners: "Behoefte partners"
        case .toegevoegdeWaarde: "Toegevoegde waarde"
        case .geopolitiek: "Geopolitiek ok"
        case .afbreukrisico: "Risico beperkt"
        case .aansluitingStrategie: "Strategieën NL/EU"
        case .mvo: "MVO"
        case .mensenrechten: "Mensenrechten ok"
        case .globalGoals: "Global Goals"
        case .behapbaar: "Behapbaar"
        case .speerpuntsector: "Speerpuntsector"
        case .vraagBedrijfsleven: "Vraag bedrijven"
        case .behoefteOssePartners: "Osse partners"
        case .versterkingEconomie: "Kans economie"
        case .profilering: "Profilering Oss"
        case .aanvullend: "Aanvullend"
        case .meerDanEenBedrijf: "Meer dan 1 bedrijf"
        case .tripleHelix: "Triple Helix"
        case .strategischeAgenda: "Strategie-agenda"
        case .waardeVoorBedrijfsleven: "Waarde bedrijven"
        case .europastrategie: "Europastrategie"
        }
    }

    /// The question as the advisor is asked it; `ja` is always the favourable answer.
    public var prompt: String {
        switch self {
        case .inhoudelijkeLink: "Heeft de activiteit een inhoudelijke link met Oss?"
        case .behoefteLokalePartners: "Sluit ze aan bij behoeften van lokale partners (bedrijfsleven, onderwijs, maatschappelijke organisaties)?"
        case .toegevoegdeWaarde: "Heeft ze potentiële toegevoegde waarde voor Oss?"
        case .geopolitiek: "Is de geopolitieke situatie zonder bezwaar?"
        case .afbreukrisico: "Is het afbreukrisico (reputatieschade) beperkt?"
        case .aansluitingStrategie: "Sluit ze aan op nationale of Europese strategieën?"
        case .mvo: "Bevordert ze maatschappelijk verantwoord ondernemen?"
        case .mensenrechten: "Is de mensenrechtensituatie zonder bezwaar?"
        case .globalGoals: "Draagt ze bij aan de Global Goals?"
        case .behapbaar: "Is ze behapbaar voor de gemeente (menskracht, samen met partners)?"
        case .speerpuntsector: "Is er een relatie met de speerpuntsectoren, in het bijzonder farma of agrifood?"
        case .vraagBedrijfsleven: "Ligt er een vraag vanuit het bedrijfsleven?"
        case .behoefteOssePartners: "Speelt ze in op een behoefte van Osse partners (waaronder het bedrijfsleven)?"
        case .versterkingEconomie: "Biedt het initiatief kansen voor versterking van de Osse economie?"
        case .profilering: "Biedt ze de mogelijkheid Oss te profileren?"
        case .aanvullend: "Is de inzet van de gemeente aanvullend op wat andere (overheids)partners al doen?"
        case .meerDanEenBedrijf: "Gaat het om meer dan de vraag van één bedrijf (dat anders naar de partners wordt doorverwezen)?"
        case .tripleHelix: "Is het een verzoek om internationale (Triple Helix) samenwerking van ondernemers, onderwijs en overheid?"
        case .strategischeAgenda: "Past het nieuwe netwerk binnen de strategische agenda en de public affairs agenda?"
        case .waardeVoorBedrijfsleven: "Heeft aanhaken bij deze missie of delegatie van een partner toegevoegde waarde voor het Osse bedrijfsleven?"
        case .europastrategie: "Past deze kans op EU-financiering in de Europastrategie van de gemeente?"
        }
    }

    /// The passage of the source documents the question comes from.
    public var passage: String {
        switch self {
        case .aanvullend:
            return "Reactie op de Economic Board (12 december 2024): \"Als gemeente Oss willen we zaken oppakken en ondersteunen waar dat past bij onze rol als gemeente en waar het aanvullend is aan wat andere (overheids)partners al doen. Zo zorgen we dat belastinggeld goed besteed wordt.\""
        case .meerDanEenBedrijf:
            return "Reactie op de Economic Board (12 december 2024): \"Via onze accountmanagers kunnen we ondernemers ondersteunen bij het vinden van de juiste wegen. In de meeste gevallen kunnen we ondernemers heel goed doorverwijzen naar een van onze (publieke) partners en bestaande programma's in den lande.\""
        case .tripleHelix:
            return "Reactie op de Economic Board (12 december 2024), punt 2: \"Internationale (Triple Helix) samenwerking willen we als gemeente zeker faciliteren. Als een dergelijk verzoek de gemeente bereikt, dan wordt dat op basis van het afweegkader positief beoordeeld.\""
        case .europastrategie:
            return "Kader Internationalisering 2025-2030, tegenargumenten: \"Totdat we een verder uitgewerkte strategie hebben, bekijken we elke kans op financiering op zichzelf.\""
        case .waardeVoorBedrijfsleven:
            return "Reactie op de Economic Board (12 december 2024), punt 3: \"Voor handelsmissies en delegaties haken we aan op nationale /provinciale/regionale initiatieven, voor zover dat een toegevoegde waarde heeft voor ons Osse bedrijfsleven.\""
        default:
            break
        }
        return switch group {
        case .criterion, .environment:
            "Kader Internationalisering 2025-2030, argument 2.1: \"aan de hand van 5 criteria: een inhoudelijke link met Oss, aansluiting bij de behoeften van lokale partners (bedrijfsleven, onderwijs, maatschappelijke organisaties), potentiële toegevoegde waarde voor Oss, positieve score op omgevingsfactoren (geopolitieke situatie, afbreukrisico's, aansluiting op nationale/Europese strategieën, bevorderen maatschappelijk verantwoord ondernemen, mensenrechten, bijdrage aan Global Goals), zijn behapbaar voor de gemeente.\""
        case .economic:
            "Reactie op de Economic Board (12 december 2024): \"daarom staat ook in de criteria dat we internationaal actief willen zijn als\": \"Er sprake is van een relatie met de economische speerpuntsectoren, in het bijzonder met farma of met agrifood\"; \"Er een vraag ligt vanuit het bedrijfsleven\"; \"Het inspeelt op behoefte van onze Osse partners (waaronder het bedrijfsleven)\"; \"Het initiatief kansen biedt voor versterking van de Osse economie\"; \"De mogelijkheid er is om Oss te profileren\"."
        case .rule, .role:
            "Kader Internationalisering 2025-2030, tegenargumenten: \"nemen alleen deel aan nieuwe internationale (kennis)netwerken als dat past binnen de nog te ontwikkelen strategische agenda voor Oss en de public affairs agenda.\""
        }
    }
}

/// How the questions are grouped on screen and in the verdict.
public enum QuestionGroup: String, Sendable, CaseIterable {
    case criterion
    case environment
    case economic
    case role
    case rule

    public var label: String {
        switch self {
        case .criterion: "Criteria van het Kader"
        case .environment: "Omgevingsfactoren"
        case .economic: "Economische subcriteria (Economic Board)"
        case .role: "Rol van de gemeente (Economic Board)"
        case .rule: "Nieuwe netwerken en missies van partners"
        }
    }
}
