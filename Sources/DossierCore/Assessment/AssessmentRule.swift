/// The named rules of the Kader that the assessment applies besides the questions. Each has a slug (as
/// stored in a reason), a Dutch title and the passage it rests on.
public enum AssessmentRule: String, Sendable, CaseIterable {
    case laagPitje = "laag-pitje"
    case buitenEuropa = "buiten-europa"
    case nieuwNetwerk = "nieuw-netwerk"
    case rodeVlag = "rode-vlag"
    case budget
    case partnermissie
    case euFinanciering = "eu-financiering"
    case ondernemers
    case omgevingsfactoren
    case economischeSubcriteria = "economische-subcriteria"

    public var title: String {
        switch self {
        case .laagPitje: "Relaties op een laag pitje"
        case .buitenEuropa: "Buiten Europa alleen farma en UNESCO Learning Cities"
        case .nieuwNetwerk: "Nieuwe netwerken alleen binnen de strategische agenda"
        case .rodeVlag: "Rode vlag: mensenrechten of geopolitiek"
        case .budget: "Binnen het jaarbudget van € 16.000"
        case .partnermissie: "Aanhaken bij handelsmissies van partners"
        case .euFinanciering: "EU-financiering: elke kans op zichzelf"
        case .ondernemers: "Ondernemers worden steevast uitgenodigd"
        case .omgevingsfactoren: "Positieve score op omgevingsfactoren"
        case .economischeSubcriteria: "Economische subcriteria"
        }
    }

    public var passage: String {
        switch self {
        case .laagPitje:
            "Kader, argument 2.1: \"Dit betekent onder andere dat we onze vriendschapsrelaties met Taizhou en An Giang op een laag pitje zetten\"; tegenargumenten: \"we zetten de relaties met China en Vietnam op een laag pitje\"."
        case .buitenEuropa:
            "Kader, argument 2.1: \"primair focussen op farma als het gaat om economische contacten buiten Europa, en daarnaast op UNESCO Learning Cities\"; tegenargumenten: \"we kiezen buiten Europa voor farma en UNESCO Learning Cities\"."
        case .nieuwNetwerk:
            "Kader, tegenargumenten: \"nemen alleen deel aan nieuwe internationale (kennis)netwerken als dat past binnen de nog te ontwikkelen strategische agenda voor Oss en de public affairs agenda\"."
        case .rodeVlag:
            "Kader, argument 2.1: \"positieve score op omgevingsfactoren (geopolitieke situatie, afbreukrisico's, … mensenrechten …)\"; aanleiding: \"internationale politieke ontwikkelingen, zoals in relatie tot China\"."
        case .budget:
            "Kader, financiën: \"Er is een jaarlijks budget voor internationalisering van € 16.000,-\"; criterium: \"zijn behapbaar voor de gemeente\"."
        case .partnermissie:
            "Reactie op de Economic Board: \"De gemeente wil graag aanhaken bij activiteiten die door een van onze partners georganiseerd worden\"; \"Voor handelsmissies en delegaties haken we aan op nationale /provinciale/regionale initiatieven\"; Kader 3.2: \"We pakken activiteiten zoveel mogelijk samen met partners op\"."
        case .euFinanciering:
            "Kader, Europastrategie uitwerken: \"Totdat we een verder uitgewerkte strategie hebben, bekijken we elke kans op financiering op zichzelf.\""
        case .ondernemers:
            "Reactie op de Economic Board: \"Bij internationale economisch activiteiten zoals handelsreizen en beurzen, waar wij als gemeente aan deelnemen, nodigen wij ondernemers steevast uit om deel te nemen.\""
        case .omgevingsfactoren:
            Question.geopolitiek.passage
        case .economischeSubcriteria:
            Question.speerpuntsector.passage
        }
    }
}

extension VerdictReason {
    /// The passage of the Kader (or the Economic Board response) this reason rests on.
    public var passage: String {
        if let rule = AssessmentRule(rawValue: rule) { return rule.passage }
        if let question = Question(rawValue: rule) { return question.passage }
        return ""
    }
}
