import DossierCore
import DossierTestSupport
import Testing

/// The dossier that ships in data/ holds what the seeds name, correctly.
@Suite("The bundled Oss dossier")
struct BundledDossierTests {
    let dossier: Dossier

    init() throws {
        dossier = try DossierFile.decode(try Repository.bytes("data/gemeente-oss.json"), file: "data/gemeente-oss.json")
    }

    @Test("the copy embedded in the binary is data/gemeente-oss.json (run scripts/embed-bundled-dossier.sh after editing it)")
    func embeddedCopy() throws {
        #expect(BundledDossier.bytes == (try Repository.bytes("data/gemeente-oss.json")))
    }

    @Test("the file is in canonical form: load → save gives identical bytes")
    func canonical() throws {
        #expect(dossier.encoded() == (try Repository.bytes("data/gemeente-oss.json")))
    }

    @Test("every relation of the seeds is there, with its kind and status", arguments: [
        ("taizhou", RelationKind.vriendschapsrelatie, RelationStatus.laagPitje),
        ("an-giang", .vriendschapsrelatie, .laagPitje),
        ("unesco-learning-cities", .netwerk, .focus),
        ("medicon-valley", .regio, .verkennen), ("biovalley", .regio, .verkennen),
        ("oxford-cambridge-london-golden-triangle", .regio, .verkennen), ("biorn-cluster", .regio, .verkennen),
        ("rhone-alpes", .regio, .verkennen), ("vlaanderen", .regio, .verkennen), ("milaan-lombardije", .regio, .verkennen),
        ("brabantstad", .samenwerkingsverband, .actief), ("agrifood-capital", .samenwerkingsverband, .actief),
        ("b7", .samenwerkingsverband, .actief), ("g40", .samenwerkingsverband, .actief), ("vng", .partnerorganisatie, .actief),
        ("provincie-noord-brabant", .overheid, .actief), ("rvo", .overheid, .actief), ("bom", .partnerorganisatie, .actief),
        ("nl-in-business", .partnerorganisatie, .actief), ("pharma-delta", .samenwerkingsverband, .actief),
        ("pivot-park", .partnerorganisatie, .focus), ("global-goals-platform-oss", .partnerorganisatie, .actief),
        ("economic-board-oss", .partnerorganisatie, .actief), ("talentencampus-oss", .partnerorganisatie, .actief),
        ("tibo", .partnerorganisatie, .actief), ("logistiek-platform-oss", .partnerorganisatie, .actief),
        ("health-holland", .partnerorganisatie, .verkennen), ("holland-bio", .partnerorganisatie, .verkennen),
        ("nfia", .overheid, .verkennen),
    ])
    func relation(id: String, kind: RelationKind, status: RelationStatus) throws {
        let relation = try #require(dossier.relation(id), "\(id) missing")
        #expect(relation.kind == kind)
        #expect(relation.status == status)
        #expect(Slug.make(from: relation.name) == relation.id, "the id is the slug of the name")
        #expect(!relation.source.isEmpty, "\(id) says where the seeds name it")
    }

    @Test("Taizhou and An Giang are on laag pitje by the Kader, with reason, history and review date")
    func friendshipRelations() throws {
        for id in ["taizhou", "an-giang"] {
            let relation = try #require(dossier.relation(id))
            #expect(relation.isOutsideEurope)
            #expect(relation.reviewDate != nil)
            let change = try #require(relation.statusHistory.last)
            #expect(change.to == .laagPitje)
            #expect(change.reason.contains("laag pitje"))
            #expect(change.reason.contains("Taizhou en An Giang"))
            #expect(change.by.contains("College"))
        }
        #expect(dossier.relation("taizhou")?.countries.map(\.code) == ["CN"])
        #expect(dossier.relation("an-giang")?.countries.map(\.code) == ["VN"])
    }

    @Test("UNESCO Learning Cities is a focus, a worldwide network (no country), through Talentencampus Oss")
    func unesco() throws {
        let unesco = try #require(dossier.relation("unesco-learning-cities"))
        #expect(unesco.status == .focus)
        #expect(unesco.countries.isEmpty)
        #expect(unesco.via == "talentencampus-oss")
    }

    @Test("the farma regions carry the places, institutes and companies of the Economic Board's appendix", arguments: [
        ("medicon-valley", ["Kopenhagen", "Malmö", "Lund"], ["Lund University", "Medicon Valley Alliance"], ["Novo Nordisk", "Lundbeck", "Ferring Pharmaceuticals"]),
        ("biovalley", ["Bazel", "Freiburg", "Straatsburg"], [], ["Roche", "Novartis"]),
        ("oxford-cambridge-london-golden-triangle", ["Oxford", "Cambridge", "Londen"], ["Cambridge Biomedical Campus", "Oxford Science Park"], ["AstraZeneca", "GlaxoSmithKline"]),
        ("biorn-cluster", ["Heidelberg", "Mannheim"], ["EMBL (Europees Laboratorium voor Moleculaire Biologie)"], ["SAP"]),
        ("rhone-alpes", ["Lyon", "Grenoble"], ["INSERM", "CNRS"], ["Sanofi Pasteur"]),
        ("vlaanderen", ["Leuven", "Gent", "Mechelen"], ["VIB (Vlaams Instituut voor Biotechnologie)"], ["Janssen Pharmaceutica (Johnson & Johnson)"]),
        ("milaan-lombardije", ["Milaan"], ["Humanitas Research Hospital"], ["Chiesi", "Recordati"]),
    ])
    func farmaRegion(id: String, places: [String], institutes: [String], companies: [String]) throws {
        let region = try #require(dossier.relation(id))
        #expect(region.sectors.contains(.farma))
        #expect(!region.isOutsideEurope)
        #expect(region.places == places)
        for institute in institutes { #expect(region.institutes.contains(institute), "\(id): \(institute)") }
        for company in companies { #expect(region.companies.contains(company), "\(id): \(company)") }
    }

    @Test("the people consulted for the Kader are recorded with organisation and role")
    func consulted() {
        let consulted = dossier.allContacts.filter(\.contact.consultedForFramework)
        let names = Set(consulted.map(\.contact.name))
        for name in ["Marian Wagemakers", "Britta Driessen", "Simon Maas", "Fleur de Best", "Robert de Bekker", "Martijn Bos",
                     "Rob Hermes", "Thijs Taminiau", "Frank den Brok", "Buijs"] {
            #expect(names.contains(name), "\(name)")
        }
        let wagemakers = consulted.first { $0.contact.name == "Marian Wagemakers" }
        #expect(wagemakers?.relation?.id == "global-goals-platform-oss")
        #expect(wagemakers?.contact.role == "voorzitter")
        #expect(consulted.contains { $0.relation?.id == "economic-board-oss" })
        #expect(dossier.internalContacts.count >= 11)
    }

    @Test("the budget lines: € 16.000 for internationalisation, € 11.459 for the Global Goals Platform Oss")
    func budget() {
        #expect(dossier.activityBudget?.yearlyAmount == Money(euros: 16_000))
        let platform = dossier.budgetLines.first { $0.relation == "global-goals-platform-oss" }
        #expect(platform?.yearlyAmount == Money(euros: 11_459))
        #expect(platform?.isActivityBudget == false)
        #expect(!dossier.framework.hasEuropeStrategy)
    }

    @Test("no invented dates or costs: the recurring practices carry neither")
    func nothingInvented() {
        #expect(!dossier.activities.isEmpty)
        for activity in dossier.activities {
            #expect(activity.startDate == nil, "\(activity.id)")
            #expect(activity.estimatedCost == nil && activity.actualCost == nil, "\(activity.id)")
        }
    }

    @Test("an independent validator (Python jsonschema) accepts the bundled dossier against docs/dossier.schema.json")
    func schema() throws {
        let result = try ExternalChecker.python([Repository.path("scripts/check-schema.py"), Repository.path("docs/dossier.schema.json"),
                                                 Repository.path("data/gemeente-oss.json")])
        #expect(result.status == 0, "install python3 with jsonschema (pip install jsonschema): \(result.standardOutput)\(result.standardError)")
    }

    @Test("the schema also accepts what the program writes for a dossier with visits, assessments and follow-ups")
    func schemaForWrittenDossier() throws {
        let directory = TemporaryDirectory()
        var small = Fixtures.smallDossier()
        let assessment = Assessment(timestamp: Fixtures.now, by: "tester",
                                    answers: AssessmentAnswers(entries: [.inhoudelijkeLink: AnswerEntry(.ja, note: "farma")], exceptionDecision: "B&W 1-2-2026"),
                                    verdict: .positief, reasons: [VerdictReason(rule: "inhoudelijke-link", effect: .positief, text: "ja")], missing: ["behapbaar"])
        try small.apply(.recordAssessment("missie-lyon", assessment), context: Fixtures.context)
        try directory.write("small.json", small.encoded())
        let result = try ExternalChecker.python([Repository.path("scripts/check-schema.py"), Repository.path("docs/dossier.schema.json"),
                                                 directory.file("small.json")])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }
}
