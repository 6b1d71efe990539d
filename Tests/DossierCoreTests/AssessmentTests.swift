import DossierCore
import DossierTestSupport
import Testing

/// The afweegkader, case by case from the seeds: each case names the verdict and the rule (or
/// criterion) that must have produced it.
@Suite("Assessment against the Kader")
struct AssessmentTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var activity: Activity
        var answers: AssessmentAnswers
        var verdict: Verdict
        /// The rule that decides: it must have a reason with the verdict's effect.
        var decidingRule: String
        /// Words of the seeds the deciding rule rests on, verbatim: the rule's passage quotes them.
        var passage: String
        /// Words the deciding reason must contain (names it must give, the reading marker …).
        var saying: [String] = []
        var testDescription: String { name }
    }

    /// Every question answered yes, except those overridden; the Triple Helix question only when asked for.
    static func answers(_ overrides: [Question: Answer] = [:], exception: String = "") -> AssessmentAnswers {
        var answers = AssessmentAnswers(exceptionDecision: exception)
        for question in Question.allCases where question != .tripleHelix { answers.set(question, .ja) }
        for (question, answer) in overrides { answers.set(question, answer) }
        return answers
    }

    static func activity(_ title: String, _ kind: ActivityKind, relations: [RelationID], organiser: Organiser = .municipality,
                         year: Int = 2026, cost: Int64? = 1_000, sectors: [Sector] = [], entrepreneurs: Bool = true,
                         countries: [Country] = [], budgetLine: String? = "internationalisering", direction: VisitDirection? = nil) -> Activity {
        Activity(id: Slug.make(from: title), title: title, kind: kind, status: .inAfweging, relations: relations, organiser: organiser,
                 startDate: CalendarDate(year: year, month: 5, day: 18), countries: countries, sectors: sectors, budgetLine: budgetLine,
                 estimatedCost: cost.map { Money(euros: $0) },
                 participants: entrepreneurs ? [Participant(name: "Osse Farma BV", role: .ondernemer)] : [],
                 visit: direction.map { VisitDetails(direction: $0, delegationFrom: title) })
    }

    static let countries = Fixtures.countries

    /// The bundled dossier, with a few relations the seeds imply for testing the rules, and spending
    /// of € 15.000 already approved in 2027.
    static func dossier() throws -> Dossier {
        var dossier = try DossierFile.decode(BundledDossier.bytes, file: "bundled")
        let context = Fixtures.context
        try dossier.apply(.addRelation(Relation(id: "sao-paulo", name: "São Paulo", kind: .regio, countries: countries("BR"),
                                                sectors: [.agrifood], status: .verkennen)), context: context)
        try dossier.apply(.addRelation(Relation(id: "eurocities", name: "Eurocities", kind: .netwerk, status: .verkennen)), context: context)
        try dossier.apply(.addActivity(Activity(id: "grote-beurs-2027", title: "Grote beurs 2027", kind: .beurs, status: .goedgekeurd,
                                                startDate: CalendarDate(year: 2027, month: 3, day: 1), budgetLine: "internationalisering",
                                                estimatedCost: Money(euros: 15_000), statusHistory: Fixtures.approved())),
                          context: context)
        return dossier
    }

    static let cases: [Case] = [
        // Joining partners' missions and delegations (reactie op de Economic Board, punt 3)
        Case(name: "a farma trade mission to Medicon Valley joined through the BOM, of value to Oss business",
             activity: activity("Handelsmissie Medicon Valley", .handelsmissie, relations: ["medicon-valley"], organiser: .relation("bom"),
                                cost: 2_500, sectors: [.farma], countries: countries("DK", "SE")),
             answers: answers(), verdict: .positief, decidingRule: "partnermissie",
             passage: "voor zover dat een toegevoegde waarde heeft voor ons Osse bedrijfsleven", saying: ["BOM"]),
        Case(name: "joining a partner's mission without added value for Oss business",
             activity: activity("Missie zonder waarde", .handelsmissie, relations: ["medicon-valley"], organiser: .relation("bom"), sectors: [.farma]),
             answers: answers([.waardeVoorBedrijfsleven: .nee]), verdict: .negatief, decidingRule: "partnermissie",
             passage: "Voor handelsmissies en delegaties haken we aan op nationale /provinciale/regionale initiatieven, voor zover dat een toegevoegde waarde heeft voor ons Osse bedrijfsleven."),
        Case(name: "joining a partner's mission whose value for Oss business is not known yet",
             activity: activity("Missie met NL in Business", .handelsmissie, relations: ["vlaanderen"], organiser: .relation("nl-in-business"), sectors: [.farma]),
             answers: answers([.waardeVoorBedrijfsleven: .onbekend]), verdict: .naderBekijken, decidingRule: "partnermissie",
             passage: "voor zover dat een toegevoegde waarde heeft voor ons Osse bedrijfsleven"),
        Case(name: "an outgoing delegation of the province, joined: delegations count like missions",
             activity: activity("Delegatie naar Lombardije", .delegatiebezoek, relations: ["milaan-lombardije"], organiser: .relation("provincie-noord-brabant"),
                                sectors: [.farma], countries: countries("IT"), direction: .uitgaand),
             answers: answers([.waardeVoorBedrijfsleven: .nee]), verdict: .negatief, decidingRule: "partnermissie",
             passage: "Voor handelsmissies en delegaties haken we aan", saying: ["een delegatie van Provincie Noord-Brabant"]),
        Case(name: "the municipality organising its own trade mission",
             activity: activity("Eigen handelsmissie Vlaanderen", .handelsmissie, relations: ["vlaanderen"], sectors: [.farma], countries: countries("BE")),
             answers: answers(), verdict: .naderBekijken, decidingRule: "partnermissie",
             passage: "De gemeente wil graag aanhaken bij activiteiten die door een van onze partners georganiseerd worden"),
        // A company's mission is not a national, provincial or regional initiative: no question of its value, not counted as one.
        Case(name: "a trade mission organised by a company",
             activity: activity("Missie van Organon", .handelsmissie, relations: ["vlaanderen"], organiser: .relation("organon"), sectors: [.farma],
                                countries: countries("BE")),
             answers: answers(), verdict: .naderBekijken, decidingRule: "partnermissie",
             passage: "Voor handelsmissies en delegaties haken we aan op nationale /provinciale/regionale initiatieven",
             saying: ["Organon (bedrijf) organiseert deze handelsmissie", ProductReading.marker]),
        // Laag pitje: Taizhou, An Giang, and the countries China and Vietnam (Kader 2.1 and tegenargumenten)
        Case(name: "a new activity with Taizhou",
             activity: activity("Kennisuitwisseling Taizhou", .kennisuitwisseling, relations: ["taizhou"], countries: countries("CN")),
             answers: answers(), verdict: .negatief, decidingRule: "laag-pitje",
             passage: "onze vriendschapsrelaties met Taizhou en An Giang op een laag pitje zetten", saying: ["Taizhou staat op een laag pitje (sinds 1-1-2025, door College van B&W", ProductReading.marker]),
        Case(name: "a farma mission to China without Taizhou: China itself is on laag pitje",
             activity: activity("Farmamissie Shanghai", .handelsmissie, relations: ["pivot-park"], organiser: .relation("nl-in-business"),
                                sectors: [.farma], countries: countries("CN")),
             answers: answers(), verdict: .negatief, decidingRule: "laag-pitje",
             passage: "we zetten de relaties met China en Vietnam op een laag pitje", saying: ["China"]),
        Case(name: "a farma mission to Hong Kong: part of China, so on laag pitje too",
             activity: activity("Farmabeurs Hongkong", .handelsmissie, relations: ["pivot-park"], organiser: .relation("nl-in-business"),
                                sectors: [.farma], countries: countries("HK")),
             answers: answers(), verdict: .negatief, decidingRule: "laag-pitje",
             passage: "we zetten de relaties met China en Vietnam op een laag pitje", saying: ["Hongkong"]),
        Case(name: "an incoming delegation from Vietnam to Pivot Park",
             activity: activity("Delegatie uit Ho Chi Minhstad", .delegatiebezoek, relations: ["pivot-park"], sectors: [.farma],
                                countries: countries("VN"), direction: .inkomend),
             answers: answers(), verdict: .negatief, decidingRule: "laag-pitje",
             passage: "we zetten de relaties met China en Vietnam op een laag pitje", saying: ["Vietnam"]),
        Case(name: "Taizhou with a decision of the college otherwise: the exception lifts laag pitje and the focus outside Europe",
             activity: activity("Onderwijsbezoek Taizhou", .kennisuitwisseling, relations: ["taizhou"], sectors: [.onderwijs], countries: countries("CN")),
             answers: answers(exception: "Besluit B&W 3 februari 2027"), verdict: .positief, decidingRule: "laag-pitje",
             passage: "op een laag pitje zetten", saying: ["Besluit B&W 3 februari 2027", ProductReading.marker]),
        Case(name: "a mandate given as the exception lifts nothing: the Kader leaves that to the college",
             activity: activity("Missie Taizhou", .kennisuitwisseling, relations: ["taizhou"], sectors: [.onderwijs], countries: countries("CN")),
             answers: answers(exception: "Mandaat afdelingshoofd"), verdict: .negatief, decidingRule: "laag-pitje",
             passage: "op een laag pitje zetten", saying: ["'Mandaat afdelingshoofd' is een mandaat, geen besluit van het college."]),
        Case(name: "the exception does not lift a red flag on human rights",
             activity: activity("Onderwijsbezoek Taizhou met zorgen", .kennisuitwisseling, relations: ["taizhou"], countries: countries("CN")),
             answers: answers([.mensenrechten: .nee], exception: "Besluit B&W 3 februari 2027"), verdict: .negatief, decidingRule: "rode-vlag",
             passage: "mensenrechten", saying: [ProductReading.marker]),
        Case(name: "the exception does not lift the focus for another country outside Europe",
             activity: activity("Rondreis China en Brazilië", .kennisuitwisseling, relations: ["taizhou"], countries: countries("CN", "BR")),
             answers: answers(exception: "Besluit B&W 3 februari 2027"), verdict: .negatief, decidingRule: "buiten-europa",
             passage: "we kiezen buiten Europa voor farma en UNESCO Learning Cities", saying: ["Brazilië"]),
        // Outside Europe: farma, and UNESCO Learning Cities for its own subject (Kader 2.1)
        Case(name: "an agrifood mission outside Europe",
             activity: activity("Agrifoodmissie Brazilië", .handelsmissie, relations: ["sao-paulo"], organiser: .relation("nl-in-business"),
                                sectors: [.agrifood], countries: countries("BR")),
             answers: answers(), verdict: .negatief, decidingRule: "buiten-europa",
             passage: "primair focussen op farma als het gaat om economische contacten buiten Europa", saying: ["economische contacten"]),
        Case(name: "a mission to Japan organised by a Dutch partner leaves Europe by its destination",
             activity: activity("Techniekmissie Japan", .handelsmissie, relations: ["nl-in-business"], organiser: .relation("nl-in-business"),
                                sectors: [.techniek], countries: countries("JP")),
             answers: answers(), verdict: .negatief, decidingRule: "buiten-europa",
             passage: "primair focussen op farma als het gaat om economische contacten buiten Europa", saying: ["Japan"]),
        Case(name: "a farma mission to the United States",
             activity: activity("Farmamissie Boston", .handelsmissie, relations: ["pivot-park"], organiser: .relation("nl-in-business"),
                                sectors: [.farma], countries: countries("US")),
             answers: answers(), verdict: .positief, decidingRule: "buiten-europa",
             passage: "primair focussen op farma als het gaat om economische contacten buiten Europa"),
        Case(name: "a UNESCO Learning Cities conference abroad on its own subject",
             activity: activity("Conferentie UNESCO Learning Cities", .conferentie, relations: ["unesco-learning-cities"],
                                organiser: .relation("talentencampus-oss"), cost: 1_200, sectors: [.onderwijs], countries: countries("KR")),
             answers: answers(), verdict: .positief, decidingRule: "buiten-europa",
             passage: "het internationale netwerk over de relatie onderwijs-arbeidsmarkt-bedrijfsleven", saying: ["UNESCO Learning Cities"]),
        Case(name: "linking UNESCO Learning Cities does not carry another subject outside Europe",
             activity: activity("Logistiekbeurs Seoul", .beurs, relations: ["unesco-learning-cities"], sectors: [.logistiek], countries: countries("KR")),
             answers: answers(), verdict: .negatief, decidingRule: "buiten-europa",
             passage: "het internationale netwerk over de relatie onderwijs-arbeidsmarkt-bedrijfsleven", saying: ["niet over het onderwerp"]),
        // Within Europe: partnerships such as BrabantStad and Agrifood Capital (Kader 2.1)
        Case(name: "a BrabantStad network day",
             activity: activity("Netwerkdag BrabantStad Brussel", .netwerkbijeenkomst, relations: ["brabantstad"], countries: countries("BE")),
             answers: answers(), verdict: .positief, decidingRule: "samenwerkingsverband",
             passage: "Binnen Europa zijn ook activiteiten relevant die gekoppeld zijn aan onze deelname aan samenwerkingsverbanden zoals BrabantStad en Agrifood Capital.",
             saying: ["BrabantStad"]),
        Case(name: "an Agrifood Capital visit in Germany",
             activity: activity("Agrifood Capital in Keulen", .kennisuitwisseling, relations: ["agrifood-capital"], sectors: [.agrifood], countries: countries("DE")),
             answers: answers(), verdict: .positief, decidingRule: "samenwerkingsverband",
             passage: "samenwerkingsverbanden zoals BrabantStad en Agrifood Capital", saying: ["Agrifood Capital"]),
        // The municipality's role (reactie op de Economic Board)
        Case(name: "a request for international Triple Helix cooperation",
             activity: activity("Triple Helix met Vlaanderen", .kennisuitwisseling, relations: ["vlaanderen"], sectors: [.farma], countries: countries("BE")),
             answers: answers([.tripleHelix: .ja]), verdict: .positief, decidingRule: "triple-helix",
             passage: "Als een dergelijk verzoek de gemeente bereikt, dan wordt dat op basis van het afweegkader positief beoordeeld."),
        Case(name: "a single company's request is referred to the partners, by name",
             activity: activity("Exportvraag één bedrijf", .handelsmissie, relations: ["bom"], organiser: .relation("bom"), sectors: [.farma]),
             answers: answers([.meerDanEenBedrijf: .nee]), verdict: .naderBekijken, decidingRule: "doorverwijzen",
             passage: "In de meeste gevallen kunnen we ondernemers heel goed doorverwijzen naar een van onze (publieke) partners",
             saying: ["BOM", "RVO", "NL in Business"]),
        Case(name: "what partners already do is not for the municipality to do again",
             activity: activity("Dubbele beurs", .beurs, relations: ["bom"], organiser: .relation("bom"), sectors: [.farma]),
             answers: answers([.aanvullend: .nee]), verdict: .negatief, decidingRule: "aanvullend",
             passage: "waar het aanvullend is aan wat andere (overheids)partners al doen", saying: [ProductReading.marker]),
        // Criteria, environment, EU, new networks, economic sub-criteria
        Case(name: "an EU subsidy application is judged on its own merits",
             activity: activity("EU-aanvraag arbeidsmarkt", .euSubsidieaanvraag, relations: ["brabantstad"], cost: 0),
             answers: answers(), verdict: .positief, decidingRule: "eu-financiering",
             passage: "Totdat we een verder uitgewerkte strategie hebben, bekijken we elke kans op financiering op zichzelf."),
        Case(name: "an EU subsidy application that fails a criterion",
             activity: activity("EU-aanvraag zonder link", .euSubsidieaanvraag, relations: ["brabantstad"], cost: 0),
             answers: answers([.inhoudelijkeLink: .nee]), verdict: .negatief, decidingRule: "inhoudelijke-link",
             passage: "een inhoudelijke link met Oss", saying: [ProductReading.marker]),
        Case(name: "all answers unknown",
             activity: activity("Nog onbekend voorstel", .kennisuitwisseling, relations: ["vng"]),
             answers: AssessmentAnswers(), verdict: .naderBekijken, decidingRule: "inhoudelijke-link", passage: "een inhoudelijke link met Oss"),
        Case(name: "a human-rights red flag",
             activity: activity("Beurs met zorgen", .beurs, relations: ["rhone-alpes"], organiser: .relation("bom"), sectors: [.farma]),
             answers: answers([.mensenrechten: .nee]), verdict: .negatief, decidingRule: "rode-vlag", passage: "mensenrechten"),
        Case(name: "joining a new international network before the strategic agenda exists",
             activity: activity("Lid worden van Eurocities", .netwerkbijeenkomst, relations: ["eurocities"]),
             answers: answers(), verdict: .naderBekijken, decidingRule: "nieuw-netwerk",
             passage: "nemen alleen deel aan nieuwe internationale (kennis)netwerken als dat past binnen de nog te ontwikkelen strategische agenda voor Oss en de public affairs agenda"),
        Case(name: "a new network that does not fit the strategic agenda",
             activity: activity("Eurocities congres", .netwerkbijeenkomst, relations: ["eurocities"]),
             answers: answers([.strategischeAgenda: .nee]), verdict: .negatief, decidingRule: "nieuw-netwerk",
             passage: "nemen alleen deel aan nieuwe internationale (kennis)netwerken"),
        Case(name: "an economic activity without any economic motive",
             activity: activity("Beurs zonder motief", .beurs, relations: ["brabantstad"], organiser: .relation("bom")),
             answers: answers([.speerpuntsector: .nee, .vraagBedrijfsleven: .nee, .behoefteOssePartners: .nee, .versterkingEconomie: .nee, .profilering: .nee]),
             verdict: .negatief, decidingRule: "economische-subcriteria", passage: "Er een vraag ligt vanuit het bedrijfsleven"),
        Case(name: "only partly in line with local partners' needs",
             activity: activity("Kennisuitwisseling Vlaanderen", .kennisuitwisseling, relations: ["vlaanderen"], sectors: [.farma]),
             answers: answers([.behoefteLokalePartners: .deels]), verdict: .naderBekijken, decidingRule: "behoefte-lokale-partners",
             passage: "aansluiting bij de behoeften van lokale partners"),
        Case(name: "no positive score on the environment factors at all",
             activity: activity("Netwerkdag BrabantStad", .netwerkbijeenkomst, relations: ["brabantstad"]),
             answers: answers([.aansluitingStrategie: .nee, .mvo: .nee, .globalGoals: .nee]), verdict: .negatief, decidingRule: "omgevingsfactoren",
             passage: "positieve score op omgevingsfactoren", saying: [ProductReading.marker]),
        // Budget lines (Kader, a. Financiën)
        Case(name: "a proposal that exceeds what is left of the year's budget internationalisering",
             activity: activity("Beursstand Hannover", .beurs, relations: ["provincie-noord-brabant"], year: 2027, cost: 2_000, sectors: [.farma]),
             answers: answers(), verdict: .negatief, decidingRule: "budget",
             passage: "Er is een jaarlijks budget voor internationalisering van € 16.000,-.", saying: ["Budget internationalisering 2027"]),
        Case(name: "the same costs on the Global Goals Platform line, apart from the € 16.000",
             activity: activity("Global Goals-week 2027", .overig, relations: ["global-goals-platform-oss"], year: 2027, cost: 2_000,
                                budgetLine: "global-goals-platform-oss"),
             answers: answers(), verdict: .positief, decidingRule: "budget",
             passage: "Daarnaast ondersteunen we het Global Goals Platform Oss jaarlijks met een bedrag van € 11.459,-.",
             saying: ["Bijdrage Global Goals Platform Oss 2027", "€ 11.459,00"]),
        Case(name: "more than the Global Goals Platform contribution",
             activity: activity("Groot Global Goals-festival", .overig, relations: ["global-goals-platform-oss"], year: 2027, cost: 12_000,
                                budgetLine: "global-goals-platform-oss"),
             answers: answers(), verdict: .negatief, decidingRule: "budget",
             passage: "jaarlijks met een bedrag van € 11.459,-"),
        Case(name: "paid by a partner: no budget line, whatever it costs",
             activity: activity("Missie op kosten van de BOM", .handelsmissie, relations: ["vlaanderen"], organiser: .relation("bom"), year: 2027,
                                cost: 40_000, sectors: [.farma], budgetLine: nil),
             answers: answers(), verdict: .positief, decidingRule: "budget", passage: "Er is een jaarlijks budget voor internationalisering",
             saying: ["budgetregel: geen"]),
        Case(name: "a year after the Kader's period has no amount set yet: whether it fits is to be looked at (the product's reading)",
             activity: activity("Beurs 2031", .beurs, relations: ["pivot-park"], year: 2031, cost: 500, sectors: [.farma]),
             answers: answers(), verdict: .naderBekijken, decidingRule: "budget", passage: "Er is een jaarlijks budget voor internationalisering",
             saying: ["nog geen bedrag voor 2031 (de regel loopt 2025–2030)", ProductReading.marker]),
        Case(name: "the three contributions among the environment factors not answered: no positive score yet, so not positive",
             activity: activity("Kennisbezoek Vlaanderen", .kennisuitwisseling, relations: ["vlaanderen"], sectors: [.farma], countries: countries("BE")),
             answers: answers([.aansluitingStrategie: .onbekend, .mvo: .onbekend, .globalGoals: .onbekend]), verdict: .naderBekijken,
             decidingRule: "omgevingsfactoren", passage: "positieve score op omgevingsfactoren", saying: ["nog onbekend", ProductReading.marker]),
        Case(name: "UNESCO Learning Cities outside Europe without a sector of its own: whether it is on the network's subject is not known yet",
             activity: activity("Conferentie Learning Cities Yeonsu", .conferentie, relations: ["unesco-learning-cities"], countries: countries("KR")),
             answers: answers(), verdict: .naderBekijken, decidingRule: "buiten-europa",
             passage: "UNESCO Learning Cities: het internationale netwerk over de relatie onderwijs-arbeidsmarkt-bedrijfsleven", saying: ["geen sector"]),
        Case(name: "a contribution to the Global Goals outside Europe, charged to the platform's contribution (the product's reading)",
             activity: activity("Global Goals-project Oeganda", .overig, relations: ["global-goals-platform-oss"], year: 2027, countries: countries("UG"),
                                budgetLine: "global-goals-platform-oss"),
             answers: answers(), verdict: .positief, decidingRule: "buiten-europa",
             passage: "we kiezen buiten Europa voor farma en UNESCO Learning Cities", saying: ["Global Goals", ProductReading.marker]),
        Case(name: "campus fair with Organon, costs unknown",
             activity: activity("Campusbeurs TU/e najaar", .campusbeurs, relations: ["tu-eindhoven", "organon"], cost: nil, countries: countries("NL")),
             answers: answers(), verdict: .naderBekijken, decidingRule: "budget", passage: "zijn behapbaar voor de gemeente"),
    ]

    @Test("each case gives the verdict of the Kader, produced by the named rule, resting on the named passage", arguments: cases)
    func verdicts(_ assessmentCase: Case) throws {
        let result = Assessor.assess(assessmentCase.activity, answers: assessmentCase.answers, in: try Self.dossier())
        #expect(result.verdict == assessmentCase.verdict, "\(result.reasons.map { "\($0.rule) \($0.effect): \($0.text)" })")
        let deciding = result.reasons.first { $0.rule == assessmentCase.decidingRule && $0.effect == assessmentCase.verdict }
        #expect(deciding != nil, "no \(assessmentCase.verdict) reason from \(assessmentCase.decidingRule): \(result.reasons.map(\.rule))")
        #expect(result.reasons.first?.effect == result.verdict, "the decisive reasons come first")
        for reason in result.reasons {
            #expect(!reason.passage.isEmpty, "\(reason.rule) names no passage of the Kader")
        }
        let decidingPassage = SeedText.normalised(deciding?.passage ?? "")
        #expect(decidingPassage.contains(SeedText.normalised(assessmentCase.passage)),
                "the passage of \(assessmentCase.decidingRule) does not quote: \(assessmentCase.passage)")
        #expect(try SeedText.contains(assessmentCase.passage), "not verbatim in the seeds: \(assessmentCase.passage)")
        for words in assessmentCase.saying {
            #expect(deciding?.text.contains(words) == true, "the reason does not say '\(words)': \(deciding?.text ?? "")")
        }
    }

    @Test("every quotation in the passages of the rules and questions is in the seeds, word for word")
    func quotationsAreVerbatim() throws {
        let passages = AssessmentRule.allCases.map(\.passage) + Question.allCases.map(\.passage)
        for passage in passages {
            for quotation in SeedText.quotations(in: passage) {
                #expect(try SeedText.contains(quotation), "not in the seeds: \(quotation)")
            }
        }
    }

    @Test("a decision that names a mandate and not the college is no exception; one that names the college is, whatever else it says")
    func mandateOrCollege() {
        for mandate in ["Mandaat afdelingshoofd", "gemandateerd aan de teamleider", "conform de mandaten, 3-2-2027"] {
            #expect(AssessmentRule.namesMandateNotCollege(mandate), "\(mandate)")
        }
        for college in ["Besluit B&W 3 februari 2027", "Besluit B&W (mandaat wethouder)", "B&W-besluit 3-2-2027 (geen mandaat)",
                        "Collegebesluit; mandaatregeling niet van toepassing", "Besluit afdelingshoofd"] {
            #expect(!AssessmentRule.namesMandateNotCollege(college), "\(college)")
        }
    }

    @Test("where the activity is from or goes to decides: an incoming delegation without a country is looked at again; a network only mentioned is a new one; what an exception lifts outside Europe is said")
    func whereAndWhatIsNew() throws {
        var dossier = try Self.dossier()
        // Hosted by Pivot Park (in Oss): the hosts say nothing of where the delegation comes from.
        let unknown = Self.activity("Delegatie uit Vietnam", .delegatiebezoek, relations: ["pivot-park"], sectors: [.farma], direction: .inkomend)
        let result = Assessor.assess(unknown, answers: Self.answers(), in: dossier)
        #expect(result.verdict == .naderBekijken, "\(result.reasons)")
        #expect(result.reasons.contains { $0.rule == "buiten-europa" && $0.effect == .naderBekijken && $0.text.hasPrefix("Uit welk land de delegatie komt") })
        #expect(result.missing.contains("Land van de delegatie"))
        // Hosted through BrabantStad: not "within Europe" for that either. From Taizhou (a relation outside Europe): known,
        // also with the college's exception.
        let hosted = Assessor.assess(Self.activity("Delegatie via BrabantStad", .delegatiebezoek, relations: ["brabantstad"], direction: .inkomend),
                                     answers: Self.answers(), in: dossier)
        #expect(!hosted.reasons.contains { $0.rule == "samenwerkingsverband" } && hosted.missing.contains("Land van de delegatie"), "\(hosted.reasons)")
        let fromTaizhou = Self.activity("Delegatie uit Taizhou", .delegatiebezoek, relations: ["taizhou"], sectors: [.farma], direction: .inkomend)
        #expect(!Assessor.assess(fromTaizhou, answers: Self.answers(exception: "Besluit B&W 3 februari 2027"), in: dossier).missing
            .contains("Land van de delegatie"))
        // A trade mission or an outgoing delegation without a country, with only Dutch partners: where it goes is not known
        // either (it was weighed as within Europe, and counted among the partners' missions in Europe).
        let mission = Self.activity("Missie met de BOM", .handelsmissie, relations: [], organiser: .relation("bom"), sectors: [.logistiek])
        let withoutDestination = Assessor.assess(mission, answers: Self.answers(), in: dossier)
        #expect(withoutDestination.verdict == .naderBekijken, "\(withoutDestination.reasons)")
        #expect(withoutDestination.reasons.contains { $0.rule == "buiten-europa" && $0.text.hasPrefix("Naar welk land de handelsmissie gaat") })
        #expect(withoutDestination.missing.contains("Land van bestemming"))
        #expect(Assessor.focus(of: mission, in: dossier) == .outsideFocus)
        let outgoing = Self.activity("Delegatie naar elders", .delegatiebezoek, relations: ["brabantstad"], direction: .uitgaand)
        #expect(Assessor.assess(outgoing, answers: Self.answers(), in: dossier).missing.contains("Land van bestemming"))
        var toGermany = mission
        toGermany.countries = Self.countries("DE")
        #expect(!Assessor.assess(toGermany, answers: Self.answers(), in: dossier).missing.contains("Land van bestemming"))
        #expect(Assessor.focus(of: toGermany, in: dossier) == .partnerMissions)
        var byCompany = toGermany
        byCompany.organiser = .relation("organon")
        #expect(Assessor.focus(of: byCompany, in: dossier) == .outsideFocus, "a company's mission is no partner's initiative")
        #expect(!Assessor.questions(for: byCompany, in: dossier).contains(.waardeVoorBedrijfsleven))
        let toLyon = Self.activity("Missie Lyon", .handelsmissie, relations: ["rhone-alpes"], organiser: .relation("bom"))
        #expect(!Assessor.assess(toLyon, answers: Self.answers(), in: dossier).missing.contains("Land van bestemming"), "a relation abroad says where")
        let fromFlanders = Self.activity("Delegatie uit Vlaanderen", .delegatiebezoek, relations: ["vlaanderen"], direction: .inkomend)
        #expect(!Assessor.assess(fromFlanders, answers: Self.answers(), in: dossier).missing.contains("Land van de delegatie"), "so it does for one coming in")
        let fair = Self.activity("Beurs", .beurs, relations: ["bom"])
        #expect(!Assessor.assess(fair, answers: Self.answers(), in: dossier).missing.contains("Land van bestemming"), "only missions and delegations travel by kind")
        var known = unknown
        known.countries = Self.countries("VN")
        #expect(Assessor.assess(known, answers: Self.answers(), in: dossier).verdict == .negatief, "with its country, laag pitje")
        try dossier.apply(.addRelation(Relation(id: "genoemd-netwerk", name: "Genoemd Netwerk", kind: .netwerk, status: .genoemd)), context: Fixtures.context)
        let mentioned = Self.activity("Netwerkdag", .netwerkbijeenkomst, relations: ["genoemd-netwerk"])
        let joining = Assessor.assess(mentioned, answers: Self.answers([.strategischeAgenda: .nee]), in: dossier)
        #expect(joining.verdict == .negatief && joining.reasons.contains { $0.rule == "nieuw-netwerk" && $0.effect == .negatief }, "\(joining.reasons)")
        var undated = Self.activity("Beurs zonder datum en kosten", .beurs, relations: ["bom"], cost: nil)
        undated.startDate = nil
        #expect(Assessor.assess(undated, answers: Self.answers(), in: dossier).missing.starts(with: ["Geraamde kosten", "Datum (bepaalt het budgetjaar)"]),
                "both are asked at once")
        let logistics = Self.activity("Logistieke missie Taizhou", .handelsmissie, relations: ["taizhou"], countries: Self.countries("CN"))
        let excepted = Assessor.assess(logistics, answers: Self.answers(exception: "Besluit B&W 3 februari 2027"), in: dossier)
        #expect(excepted.reasons.contains { $0.rule == "laag-pitje" && $0.text.hasPrefix("Buiten Europa (") && $0.text.contains("het besluit van het college geldt ook") },
                "\(excepted.reasons)")
    }

    @Test("an activity is weighed by its relations as they stood on its day: a visit logged afterwards does not meet a laag pitje given since; one still ahead, or without a date, does")
    func relationsOnItsDay() throws {
        var dossier = try Self.dossier()
        let status = try #require(dossier.relation("rhone-alpes")?.status)
        try dossier.apply(.setRelationStatus("rhone-alpes", status: .laagPitje, reason: "Geen middelen", reviewDate: Fixtures.date("2028-01-01"),
                                             seen: status), context: Fixtures.context)
        let putOn = try #require(dossier.relation("rhone-alpes")?.statusHistory.last?.date)
        let visit = Self.activity("Delegatie uit Lyon", .delegatiebezoek, relations: ["rhone-alpes"], sectors: [.farma], direction: .inkomend)
        func weighed(on day: CalendarDate?) -> AssessmentResult {
            var activity = visit
            activity.startDate = day
            return Assessor.assess(activity, answers: Self.answers(), in: dossier)
        }
        let before = weighed(on: putOn.adding(days: -5))
        #expect(!before.reasons.contains { $0.rule == "laag-pitje" } && before.verdict == .positief, "\(before.reasons)")
        var dated = visit
        dated.startDate = putOn.adding(days: -5)
        #expect(Assessor.focus(of: dated, in: dossier) == .farma)
        #expect(Assessor.laagPitjeSubjects(of: dated, in: dossier).isEmpty)
        for day in [putOn, putOn.adding(days: 30), nil] {
            let result = weighed(on: day)
            #expect(result.verdict == .negatief && result.reasons.contains { $0.rule == "laag-pitje" && $0.effect == .negatief },
                    "\(String(describing: day)): \(result.reasons)")
        }
    }

    @Test("a reason that rests on a reading of the product says so, and docs/afweegkader.md lists every reading apart")
    func readings() throws {
        let taizhou = Self.activity("Onderwijsbezoek Taizhou", .kennisuitwisseling, relations: ["taizhou"], countries: Self.countries("CN"))
        let result = Assessor.assess(taizhou, answers: Self.answers(exception: "Besluit B&W 3 februari 2027"), in: try Self.dossier())
        let exception = try #require(result.reasons.first { $0.rule == "laag-pitje" })
        #expect(exception.reading == .exception)
        #expect(result.reasons.filter { $0.rule != "laag-pitje" }.allSatisfy { $0.reading == nil }, "only the exception is a reading here")
        let document = try String(decoding: Repository.bytes("docs/afweegkader.md"), as: UTF8.self)
        for reading in ProductReading.allCases {
            #expect(document.contains(reading.text), "docs/afweegkader.md does not list: \(reading.text)")
        }
    }

    @Test("all answers unknown: the missing information lists every criterion")
    func allUnknown() throws {
        let result = Assessor.assess(Self.activity("Voorstel", .handelsmissie, relations: ["bom"], cost: nil, entrepreneurs: false),
                                     answers: AssessmentAnswers(), in: try Self.dossier())
        for question in [Question.inhoudelijkeLink, .behoefteLokalePartners, .toegevoegdeWaarde, .geopolitiek, .afbreukrisico, .mensenrechten,
                         .behapbaar, .vraagBedrijfsleven] {
            #expect(result.missing.contains(question.label), "\(question)")
        }
        #expect(result.missing.contains("Geraamde kosten"))
        #expect(result.missing.contains { $0.hasPrefix("Ondernemers onder de deelnemers") })
    }

    @Test("a note on a question still unknown is part of its reason, as on one answered")
    func noteOnUnknown() throws {
        var answers = AssessmentAnswers()
        answers.set(.geopolitiek, .onbekend, note: "navragen bij de ambassade")
        let result = Assessor.assess(Self.activity("Voorstel", .handelsmissie, relations: ["bom"], cost: nil, entrepreneurs: false),
                                     answers: answers, in: try Self.dossier())
        #expect(result.reasons.contains { $0.text == "Geopolitieke situatie zonder bezwaar: nog onbekend — navragen bij de ambassade" },
                "\(result.reasons.map(\.text))")
        #expect(result.missing.contains(Question.geopolitiek.label))
    }

    @Test("the spearhead sector follows from the sectors when it is not answered")
    func derivedSpearhead() throws {
        var answers = Self.answers()
        answers.entries[.speerpuntsector] = nil
        let result = Assessor.assess(Self.activity("Farmabeurs", .beurs, relations: ["pivot-park"], sectors: [.farma]), answers: answers,
                                     in: try Self.dossier())
        #expect(result.reasons.contains { $0.rule == "speerpuntsector" && $0.text.contains("afgeleid") })
        #expect(!result.missing.contains(Question.speerpuntsector.label))
        // From a farma relation only when the activity names no sector of its own, as buiten-europa judges farma:
        // a logistics fair with Pivot Park is about logistics.
        let fromRelation = Assessor.assess(Self.activity("Beurs", .beurs, relations: ["pivot-park"]), answers: answers, in: try Self.dossier())
        #expect(fromRelation.reasons.contains { $0.rule == "speerpuntsector" && $0.text.contains("afgeleid") })
        let ownSector = Assessor.assess(Self.activity("Logistiekbeurs", .beurs, relations: ["pivot-park"], sectors: [.logistiek]), answers: answers,
                                        in: try Self.dossier())
        #expect(!ownSector.reasons.contains { $0.rule == "speerpuntsector" && $0.text.contains("afgeleid") }, "\(ownSector.reasons.map(\.text))")
        #expect(ownSector.missing.contains(Question.speerpuntsector.label))
    }

    @Test("an edit of a planned activity that brings in China warns that its approval did not weigh it, unless its last weighing recorded the college's exception")
    func editWarningsHonourException() throws {
        let dossier = try Self.dossier()
        var before = Self.activity("Farmamissie", .handelsmissie, relations: ["pivot-park"], sectors: [.farma])
        before.status = .gepland
        var after = before
        after.countries = Fixtures.countries("JP", "CN")
        #expect(ApprovedEditWarnings.of(before, after, in: dossier).contains { $0.contains("China") && $0.contains("weeg opnieuw af") })
        let excepted = Assessor.assess(before, answers: Self.answers(exception: "Besluit B&W 1 december 2026"), in: dossier)
            .recorded(answers: Self.answers(exception: "Besluit B&W 1 december 2026"), by: "tester", at: Fixtures.now)
        before.assessments = [excepted]
        after.assessments = [excepted]
        #expect(!ApprovedEditWarnings.of(before, after, in: dossier).contains { $0.contains("China") }, "\(ApprovedEditWarnings.of(before, after, in: dossier))")
    }

    @Test("the budget rule leaves the activity itself out of what is already spent")
    func budgetExcludesItself() throws {
        var dossier = try Self.dossier()
        var activity = Self.activity("Tweede beurs 2027", .beurs, relations: ["bom"], year: 2027, cost: 1_000, sectors: [.farma])
        activity.status = .goedgekeurd
        activity.statusHistory = Fixtures.approved()
        try dossier.apply(.addActivity(activity), context: Fixtures.context)
        let result = Assessor.assess(activity, answers: Self.answers(), in: dossier)
        #expect(result.reasons.contains { $0.rule == "budget" && $0.effect == .positief && $0.text.contains("nog € 1.000,00 over") })
        let global = BudgetOverview(year: 2027, line: "global-goals-platform-oss", in: dossier)
        #expect(global.committed == .zero && global.budget == Money(euros: 11_459), "each line counts only its own activities")
        let overview = BudgetOverview(year: 2027, line: "internationalisering", in: dossier)
        #expect(overview.committed == Money(euros: 16_000))
        #expect(overview.remaining == .zero)
    }

    @Test("notes are quoted in the reasons")
    func notes() throws {
        var answers = Self.answers()
        answers.set(.inhoudelijkeLink, .ja, note: "Pivot Park zoekt Deense partners")
        let result = Assessor.assess(Self.activity("Missie", .handelsmissie, relations: ["medicon-valley"], organiser: .relation("bom"), sectors: [.farma]),
                                     answers: answers, in: try Self.dossier())
        #expect(result.reasons.contains { $0.text == "Inhoudelijke link met Oss: ja — Pivot Park zoekt Deense partners" })
    }

    @Test("the budget a weighing sees is the same with the screen's ledger as summed over the dossier: for a draft not yet stored, and for a stored activity weighed with another status or cost")
    func budgetWithLedger() throws {
        var dossier = Fixtures.smallDossier()
        let context = Fixtures.context
        // Most of 2027's budget taken by an approved activity, so that what is left decides.
        try dossier.apply(.addActivity(Activity(id: "groot", title: "Groot", kind: .handelsmissie, status: .goedgekeurd, startDate: Fixtures.date("2027-03-01"),
                                                budgetLine: "internationalisering", estimatedCost: Money(euros: 14_000),
                                                statusHistory: Fixtures.approved(overrideReason: "zo besloten"))), context: context)
        let ledger = BudgetLedger(dossier)
        let draft = Activity(id: "nieuw", title: "Nieuw", kind: .beurs, status: .goedgekeurd, startDate: Fixtures.date("2027-05-01"),
                             budgetLine: "internationalisering", estimatedCost: Money(euros: 3_000), statusHistory: Fixtures.approved())
        var weighed = try #require(dossier.activity("groot"))
        weighed.estimatedCost = Money(euros: 15_000)
        for activity in [draft, weighed] {
            #expect(Assessor.budgetShortfall(activity, in: dossier, ledger: ledger) == Assessor.budgetShortfall(activity, in: dossier), "\(activity.id)")
            let withLedger = Assessor.assess(activity, answers: AssessmentAnswers(), in: dossier, ledger: ledger)
            #expect(withLedger == Assessor.assess(activity, answers: AssessmentAnswers(), in: dossier), "\(activity.id)")
        }
        #expect(Assessor.budgetShortfall(draft, in: dossier, ledger: ledger) != nil, "€ 3.000 does not fit the € 2.000 left")
    }
}
