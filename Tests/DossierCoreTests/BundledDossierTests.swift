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
        ("medicon-valley", .regio, .genoemd), ("biovalley", .regio, .genoemd),
        ("oxford-cambridge-london-golden-triangle", .regio, .genoemd), ("biorn-cluster", .regio, .genoemd),
        ("rhone-alpes", .regio, .genoemd), ("vlaanderen", .regio, .genoemd), ("milaan-lombardije", .regio, .genoemd),
        ("brabantstad", .samenwerkingsverband, .actief), ("agrifood-capital", .samenwerkingsverband, .actief),
        ("b7", .samenwerkingsverband, .actief), ("g40", .samenwerkingsverband, .actief), ("vng", .partnerorganisatie, .actief),
        ("provincie-noord-brabant", .overheid, .actief), ("rvo", .overheid, .actief), ("bom", .partnerorganisatie, .actief),
        ("nl-in-business", .partnerorganisatie, .genoemd), ("vno-ncw", .partnerorganisatie, .actief),
        ("mkb-nederland", .partnerorganisatie, .genoemd), ("ministeries", .overheid, .genoemd), ("pharma-delta", .samenwerkingsverband, .actief),
        ("pivot-park", .partnerorganisatie, .focus), ("global-goals-platform-oss", .partnerorganisatie, .actief),
        ("economic-board-oss", .partnerorganisatie, .actief), ("talentencampus-oss", .partnerorganisatie, .actief),
        ("tibo", .partnerorganisatie, .actief), ("logistiek-platform-oss", .partnerorganisatie, .actief),
        ("health-holland", .partnerorganisatie, .genoemd), ("holland-bio", .partnerorganisatie, .genoemd),
        ("nfia", .overheid, .genoemd),
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

/// The bundled dossier says no more and no less than the sources.
@Suite("The bundled dossier against the seeds")
struct BundledDossierSeedTests {
    let dossier = try! DossierFile.decode(BundledDossier.bytes, file: "bundled")

    @Test("every quotation in the framework, budget lines, relations, contacts and status histories is in the seeds word for word")
    func quotations() throws {
        var texts = [dossier.framework.notes] + dossier.budgetLines.map(\.notes)
        for relation in dossier.relations {
            texts += [relation.notes] + relation.contacts.map(\.notes) + relation.statusHistory.map(\.reason)
        }
        texts += dossier.activities.flatMap { [$0.notes] + $0.statusHistory.map(\.reason) }
        for text in texts {
            for quotation in SeedText.quotations(in: text) {
                #expect(try SeedText.contains(quotation), "not in the seeds: \(quotation)")
            }
        }
    }

    @Test("VNO-NCW is a relation of its own, with its regiomanager; MKB Nederland and the ministries can organise missions")
    func missionOrganisers() throws {
        let vno = try #require(dossier.relation("vno-ncw"))
        #expect(vno.contacts.map(\.name) == ["Fleur de Best"])
        #expect(vno.contacts.first?.role == "regiomanager" && vno.contacts.first?.consultedForFramework == true)
        #expect(dossier.relation("nl-in-business")?.contacts.isEmpty == true, "the regiomanager is VNO-NCW's, not NL in Business's")
        for id in ["mkb-nederland", "ministeries", "nl-in-business", "vno-ncw", "bom"] {
            var dossier = self.dossier
            try dossier.apply(.addActivity(Activity(id: "missie-\(id)", title: "Missie \(id)", kind: .handelsmissie, organiser: .relation(id))),
                              context: Fixtures.context)
        }
    }

    @Test("parties the seeds only mention are Genoemd, with notes that say the sources report no contact")
    func mentionedOnly() throws {
        for id in ["medicon-valley", "biovalley", "oxford-cambridge-london-golden-triangle", "biorn-cluster", "rhone-alpes", "vlaanderen",
                   "milaan-lombardije", "health-holland", "holland-bio", "nfia", "aspen", "nl-in-business", "mkb-nederland", "ministeries"] {
            let relation = try #require(dossier.relation(id))
            #expect(relation.status == .genoemd, "\(id)")
            #expect(relation.notes.contains("De bronnen melden geen contact"), "\(id)")
        }
        for relation in dossier.relations {
            #expect(!relation.notes.contains("nog geen relatie"), "\(relation.id) infers: \(relation.notes)")
            #expect(!relation.notes.contains("PNB"), "\(relation.id): the remark on PNB is about the regions of the Kader itself")
        }
    }

    @Test("the framework notes carry the Kader's results, 'geen nieuw beleid', the sectors behind the economic focus, complementarity and Triple Helix")
    func frameworkNotes() {
        let notes = dossier.framework.notes
        for words in ["Onze internationale activiteiten dragen bij aan het realiseren van onze gemeentelijke doelen",
                      "Meer focus in onze internationale activiteiten en daarmee een duidelijkere profilering van Oss",
                      "We maken dus geen nieuw beleid", "strategienota economie, met een speciale positie voor farma",
                      "Coalitieakkoord", "Techniek, Maakindustrie, Biopharma", "aanvullend is aan wat andere (overheids)partners al doen",
                      "Internationale (Triple Helix) samenwerking willen we als gemeente zeker faciliteren",
                      "In het document worden regio's genoemd. Deze worden door PNB vanoudsher altijd genoemd als zijnde belangrijk."] {
            #expect(notes.contains(words), "\(words)")
        }
    }
}
