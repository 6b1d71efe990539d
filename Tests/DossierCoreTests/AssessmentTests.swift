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
        var testDescription: String { name }
    }

    /// Every question answered yes, except those overridden.
    static func answers(_ overrides: [Question: Answer] = [:], exception: String = "") -> AssessmentAnswers {
        var answers = AssessmentAnswers(exceptionDecision: exception)
        for question in Question.allCases { answers.set(question, overrides[question] ?? .ja) }
        return answers
    }

    static func activity(_ title: String, _ kind: ActivityKind, relations: [RelationID], organiser: Organiser = .municipality,
                         year: Int = 2026, cost: Int64? = 1_000, sectors: [Sector] = [], entrepreneurs: Bool = true,
                         countries: [Country] = []) -> Activity {
        Activity(id: Slug.make(from: title), title: title, kind: kind, status: .inAfweging, relations: relations, organiser: organiser,
                 startDate: CalendarDate(year: year, month: 5, day: 18), countries: countries, sectors: sectors, budgetLine: "internationalisering", estimatedCost: cost.map { Money(euros: $0) },
                 participants: entrepreneurs ? [Participant(name: "Osse Farma BV", role: .ondernemer)] : [])
    }

    /// The bundled dossier, with a few relations the seeds imply for testing the rules, and spending
    /// of € 15.000 already approved in 2027.
    static func dossier() throws -> Dossier {
        var dossier = try DossierFile.decode(BundledDossier.bytes, file: "bundled")
        let context = Fixtures.context
        try dossier.apply(.addRelation(Relation(id: "sao-paulo", name: "São Paulo", kind: .regio, countries: Fixtures.countries("BR"),
                                                sectors: [.agrifood], status: .verkennen)), context: context)
        try dossier.apply(.addRelation(Relation(id: "eurocities", name: "Eurocities", kind: .netwerk, status: .verkennen)), context: context)
        try dossier.apply(.addActivity(Activity(id: "grote-beurs-2027", title: "Grote beurs 2027", kind: .beurs, status: .goedgekeurd,
                                                startDate: CalendarDate(year: 2027, month: 3, day: 1), budgetLine: "internationalisering", estimatedCost: Money(euros: 15_000))),
                          context: context)
        return dossier
    }

    static let cases: [Case] = [
        Case(name: "farma trade mission to Medicon Valley joined through the BOM",
             activity: activity("Handelsmissie Medicon Valley", .handelsmissie, relations: ["medicon-valley"], organiser: .relation("bom"),
                                cost: 2_500, sectors: [.farma]),
             answers: answers(), verdict: .positief, decidingRule: "partnermissie"),
        Case(name: "a new activity with Taizhou",
             activity: activity("Kennisuitwisseling Taizhou", .kennisuitwisseling, relations: ["taizhou"]),
             answers: answers(), verdict: .negatief, decidingRule: "laag-pitje"),
        Case(name: "Taizhou with an explicit decision otherwise still falls outside Europe's focus",
             activity: activity("Onderwijsbezoek Taizhou", .kennisuitwisseling, relations: ["taizhou"]),
             answers: answers(exception: "Besluit B&W 3 februari 2027"), verdict: .negatief, decidingRule: "buiten-europa"),
        Case(name: "an agrifood mission outside Europe",
             activity: activity("Agrifoodmissie Brazilië", .handelsmissie, relations: ["sao-paulo"], organiser: .relation("nl-in-business"),
                                sectors: [.agrifood]),
             answers: answers(), verdict: .negatief, decidingRule: "buiten-europa"),
        Case(name: "a UNESCO Learning Cities conference abroad",
             activity: activity("Conferentie UNESCO Learning Cities", .conferentie, relations: ["unesco-learning-cities"],
                                organiser: .relation("talentencampus-oss"), cost: 1_200, sectors: [.onderwijs], countries: Fixtures.countries("KR")),
             answers: answers(), verdict: .positief, decidingRule: "buiten-europa"),
        Case(name: "an EU subsidy application is judged on its own merits",
             activity: activity("EU-aanvraag arbeidsmarkt", .euSubsidieaanvraag, relations: ["brabantstad"], cost: 0),
             answers: answers(), verdict: .positief, decidingRule: "eu-financiering"),
        Case(name: "an EU subsidy application that fails a criterion",
             activity: activity("EU-aanvraag zonder link", .euSubsidieaanvraag, relations: ["brabantstad"], cost: 0),
             answers: answers([.inhoudelijkeLink: .nee]), verdict: .negatief, decidingRule: "inhoudelijke-link"),
        Case(name: "a proposal that exceeds what is left of the year's budget",
             activity: activity("Beursstand Hannover", .beurs, relations: ["provincie-noord-brabant"], year: 2027, cost: 2_000, sectors: [.farma]),
             answers: answers(), verdict: .negatief, decidingRule: "budget"),
        Case(name: "all answers unknown",
             activity: activity("Nog onbekend voorstel", .kennisuitwisseling, relations: ["vng"]),
             answers: AssessmentAnswers(), verdict: .naderBekijken, decidingRule: "inhoudelijke-link"),
        Case(name: "the municipality organising its own trade mission",
             activity: activity("Eigen handelsmissie Vlaanderen", .handelsmissie, relations: ["vlaanderen"], sectors: [.farma]),
             answers: answers(), verdict: .naderBekijken, decidingRule: "partnermissie"),
        Case(name: "a human-rights red flag",
             activity: activity("Beurs met zorgen", .beurs, relations: ["rhone-alpes"], organiser: .relation("bom"), sectors: [.farma]),
             answers: answers([.mensenrechten: .nee]), verdict: .negatief, decidingRule: "rode-vlag"),
        Case(name: "joining a new international network before the strategic agenda exists",
             activity: activity("Lid worden van Eurocities", .netwerkbijeenkomst, relations: ["eurocities"]),
             answers: answers(), verdict: .naderBekijken, decidingRule: "nieuw-netwerk"),
        Case(name: "a new network that does not fit the strategic agenda",
             activity: activity("Eurocities congres", .netwerkbijeenkomst, relations: ["eurocities"]),
             answers: answers([.strategischeAgenda: .nee]), verdict: .negatief, decidingRule: "nieuw-netwerk"),
        Case(name: "an economic activity without any economic motive",
             activity: activity("Beurs zonder motief", .beurs, relations: ["brabantstad"], organiser: .relation("bom")),
             answers: answers([.speerpuntsector: .nee, .vraagBedrijfsleven: .nee, .behoefteOssePartners: .nee, .versterkingEconomie: .nee, .profilering: .nee]),
             verdict: .negatief, decidingRule: "economische-subcriteria"),
        Case(name: "only partly in line with local partners' needs",
             activity: activity("Kennisuitwisseling Vlaanderen", .kennisuitwisseling, relations: ["vlaanderen"], sectors: [.farma]),
             answers: answers([.behoefteLokalePartners: .deels]), verdict: .naderBekijken, decidingRule: "behoefte-lokale-partners"),
        Case(name: "no positive score on the environment factors at all",
             activity: activity("Netwerkdag BrabantStad", .netwerkbijeenkomst, relations: ["brabantstad"]),
             answers: answers([.aansluitingStrategie: .nee, .mvo: .nee, .globalGoals: .nee]), verdict: .negatief, decidingRule: "omgevingsfactoren"),
        Case(name: "campus fair with Organon, costs unknown",
             activity: activity("Campusbeurs TU/e najaar", .campusbeurs, relations: ["tu-eindhoven", "organon"], cost: nil),
             answers: answers(), verdict: .naderBekijken, decidingRule: "budget"),
    ]

    @Test("each case gives the verdict of the Kader, produced by the named rule", arguments: cases)
    func verdicts(_ assessmentCase: Case) throws {
        let result = Assessor.assess(assessmentCase.activity, answers: assessmentCase.answers, in: try Self.dossier())
        #expect(result.verdict == assessmentCase.verdict, "\(result.reasons.map { "\($0.rule) \($0.effect): \($0.text)" })")
        #expect(result.reasons.contains { $0.rule == assessmentCase.decidingRule && $0.effect == assessmentCase.verdict },
                "no \(assessmentCase.verdict) reason from \(assessmentCase.decidingRule): \(result.reasons.map(\.rule))")
        #expect(result.reasons.first?.effect == result.verdict, "the decisive reasons come first")
        for reason in result.reasons {
            #expect(!reason.passage.isEmpty, "\(reason.rule) names no passage of the Kader")
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
        #expect(result.missing.contains { $0.hasPrefix("Ondernemers uitnodigen") })
    }

    @Test("the spearhead sector follows from the sectors when it is not answered")
    func derivedSpearhead() throws {
        var answers = Self.answers()
        answers.entries[.speerpuntsector] = nil
        let result = Assessor.assess(Self.activity("Farmabeurs", .beurs, relations: ["pivot-park"], sectors: [.farma]), answers: answers,
                                     in: try Self.dossier())
        #expect(result.reasons.contains { $0.rule == "speerpuntsector" && $0.text.contains("afgeleid") })
        #expect(!result.missing.contains(Question.speerpuntsector.label))
    }

    @Test("the budget rule leaves the activity itself out of what is already spent")
    func budgetExcludesItself() throws {
        var dossier = try Self.dossier()
        var activity = Self.activity("Tweede beurs 2027", .beurs, relations: ["bom"], year: 2027, cost: 1_000, sectors: [.farma])
        activity.status = .goedgekeurd
        try dossier.apply(.addActivity(activity), context: Fixtures.context)
        let result = Assessor.assess(activity, answers: Self.answers(), in: dossier)
        #expect(result.reasons.contains { $0.rule == "budget" && $0.effect == .positief && $0.text.contains("nog € 1.000,00 over") })
        let overview = BudgetOverview(year: 2027, in: dossier)
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
}
