/// The one assessment module of the Kader: the TUI, the command line and the reports all weigh activities
/// here. See docs/afweegkader.md for the same rules in Dutch, so an advisor can predict the verdict.
public enum Assessor {
    /// The questions asked about an activity, in the Kader's order. The strategic-agenda question only
    /// when a new network is involved. (The economic sub-criteria are asked always, but count as a
    /// condition only for economic activities.)
    public static func questions(for activity: Activity, in dossier: Dossier) -> [Question] {
        let involvesNewNetwork = !Facts(activity: activity, dossier: dossier).newNetworks.isEmpty
        return Question.allCases.filter { $0.group != .rule || involvesNewNetwork }
    }

    /// Weighs an activity (saved or only proposed) with the advisor's answers against the dossier. When many
    /// activities are weighed, pass a `ledger` of the dossier so the budget is not summed for each one.
    public static func assess(_ activity: Activity, answers: AssessmentAnswers, in dossier: Dossier,
                              ledger: BudgetLedger? = nil) -> AssessmentResult {
        var weighing = Weighing(facts: Facts(activity: activity, dossier: dossier), answers: answers, ledger: ledger)
        weighing.applyLaagPitje()
        weighing.applyOutsideEurope()
        weighing.applyNewNetwork()
        weighing.applyBudget()
        weighing.applyPartnerMission()
        weighing.applyEUFunding()
        weighing.applyEntrepreneurs()
        weighing.applyCriteria()
        weighing.applyEnvironment()
        weighing.applyEconomicSubcriteria()
        return AssessmentResult(reasons: weighing.reasons, missing: weighing.missing)
    }

    /// What the rules need to know about an activity and its relations.
    struct Facts {
        let activity: Activity
        let dossier: Dossier
        /// The linked relations and the organising one.
        let relations: [Relation]

        init(activity: Activity, dossier: Dossier) {
            self.activity = activity
            self.dossier = dossier
            var ids = activity.relations
            if let organiser = activity.organiser.relationID, !ids.contains(organiser) { ids.append(organiser) }
            relations = ids.compactMap(dossier.relation)
        }

        var isEconomic: Bool { activity.kind.isEconomic }

        var sectors: Set<Sector> { Set(activity.sectors) }

        /// Farma or agrifood, on the activity or on one of its relations.
        var spearheadSectors: [Sector] {
            let all = sectors.union(relations.flatMap(\.sectors))
            return [Sector.farma, .agrifood].filter(all.contains)
        }

        /// Farma, judged on the activity's own sectors, or, when it has none, on the relation's.
        func isFarma(with relation: Relation) -> Bool {
            sectors.isEmpty ? relation.sectors.contains(.farma) : sectors.contains(.farma)
        }

        /// Networks Oss is only exploring (kind netwerk, status verkennen): joining them is joining a new network.
        var newNetworks: [Relation] {
            relations.filter { $0.kind == .netwerk && $0.status == .verkennen }
        }
    }

    /// The reasons and missing information gathered by the rules, in the order they are applied.
    struct Weighing {
        let facts: Facts
        let answers: AssessmentAnswers
        let ledger: BudgetLedger?
        var reasons: [VerdictReason] = []
        var missing: [String] = []

        mutating func add(_ rule: String, _ effect: Verdict, _ text: String) {
            reasons.append(VerdictReason(rule: rule, effect: effect, text: text))
        }

        mutating func add(_ rule: AssessmentRule, _ effect: Verdict, _ text: String) {
            add(rule.rawValue, effect, text)
        }

        private func noted(_ question: Question) -> String {
            let note = answers.note(question)
            return note.isEmpty ? "" : " — \(note)"
        }

        // MARK: Rules

        mutating func applyLaagPitje() {
            for relation in facts.relations where relation.status == .laagPitje {
                let review = relation.reviewDate.map { ", herijking \($0.iso)" } ?? ""
                if answers.exceptionDecision.isBlank {
                    add(.laagPitje, .negatief,
                        "\(relation.name) staat op een laag pitje\(review): geen nieuwe activiteiten, tenzij anders besloten (leg zo'n besluit vast als uitzondering).")
                } else {
                    add(.laagPitje, .positief,
                        "\(relation.name) staat op een laag pitje\(review), maar er is anders besloten: \(answers.exceptionDecision.trimmingSpaces())")
                }
            }
        }

        mutating func applyOutsideEurope() {
            for relation in facts.relations where relation.isOutsideEurope {
                if relation.status == .focus {
                    add(.buitenEuropa, .positief, "\(relation.name) is een focus van het Kader buiten Europa.")
                } else if facts.isFarma(with: relation) {
                    add(.buitenEuropa, .positief, "Buiten Europa (\(relation.name)), maar farma: een focus van het Kader.")
                } else {
                    add(.buitenEuropa, .negatief,
                        "\(relation.name) ligt buiten Europa; daar kiest het Kader alleen voor farma (economische contacten) en UNESCO Learning Cities.")
                }
            }
            let destination = facts.activity.countries.filter { !$0.isInEurope }
            guard !destination.isEmpty, !facts.relations.contains(where: \.isOutsideEurope) else { return }
            let names = destination.map(\.name).joined(separator: ", ")
            if let focus = facts.relations.first(where: { $0.status == .focus && $0.kind == .netwerk }) {
                add(.buitenEuropa, .positief, "Buiten Europa (\(names)), met \(focus.name): een focus van het Kader.")
            } else if facts.sectors.contains(.farma) {
                add(.buitenEuropa, .positief, "Buiten Europa (\(names)), maar farma: een focus van het Kader.")
            } else {
                add(.buitenEuropa, .negatief, "De activiteit gaat buiten Europa (\(names)); daar kiest het Kader alleen voor farma (economische contacten) en UNESCO Learning Cities.")
            }
        }

        mutating func applyNewNetwork() {
            let networks = facts.newNetworks
            guard !networks.isEmpty else { return }
            let names = networks.map(\.name).joined(separator: ", ")
            let answer = answers[.strategischeAgenda]
            if answer == .nee {
                add(.nieuwNetwerk, .negatief, "Het nieuwe netwerk \(names) past niet in de strategische agenda\(noted(.strategischeAgenda)).")
            } else if !facts.dossier.framework.hasStrategicAgenda {
                add(.nieuwNetwerk, .naderBekijken,
                    "Deelname aan het nieuwe netwerk \(names): de strategische agenda en de public affairs agenda zijn nog niet vastgesteld, dus nog niet te toetsen.")
            } else {
                switch answer {
                case .ja: add(.nieuwNetwerk, .positief, "Het nieuwe netwerk \(names) past in de strategische agenda\(noted(.strategischeAgenda)).")
                case .deels: add(.nieuwNetwerk, .naderBekijken, "Het nieuwe netwerk \(names) past deels in de strategische agenda\(noted(.strategischeAgenda)).")
                default:
                    add(.nieuwNetwerk, .naderBekijken, "Nog onbekend of het nieuwe netwerk \(names) in de strategische agenda past.")
                    missing.append(Question.strategischeAgenda.label)
                }
            }
        }

        mutating func applyBudget() {
            let activity = facts.activity
            // Carried out: what it cost (or, if that was never filled in, the estimate). Otherwise the estimate.
            let knownCost = activity.status.isCarriedOut ? activity.actualCost ?? activity.estimatedCost : activity.estimatedCost
            guard let cost = knownCost else {
                add(.budget, .naderBekijken, "Zonder geraamde kosten is niet te zeggen of de activiteit binnen het jaarbudget past.")
                missing.append("Geraamde kosten")
                return
            }
            if cost.cents == 0 {
                add(.budget, .positief, "Geen kosten voor het budget internationalisering.")
                return
            }
            guard let year = activity.year else {
                add(.budget, .naderBekijken, "Zonder datum is niet te zeggen op welk jaarbudget de \(cost.formatted) drukt.")
                missing.append("Datum (bepaalt het budgetjaar)")
                return
            }
            let (budget, remaining) = ledger?.remaining(year, excluding: activity) ?? {
                let overview = BudgetOverview(year: year, in: facts.dossier, excluding: activity.id)
                return (overview.budget, overview.remaining)
            }()
            if budget.cents == 0 {
                add(.budget, .negatief, "Er is geen budget internationalisering voor \(year); de kosten (\(cost.formatted)) zijn niet gedekt.")
            } else if cost > remaining {
                add(.budget, .negatief,
                    "\(cost.formatted) past niet in het budget \(year): van \(budget.formatted) is na goedgekeurde, geplande en uitgevoerde activiteiten nog \(remaining.formatted) over.")
            } else {
                add(.budget, .positief,
                    "\(cost.formatted) past in het budget \(year): nog \(remaining.formatted) over van \(budget.formatted) (daarna \((remaining - cost).formatted)).")
            }
        }

        mutating func applyPartnerMission() {
            guard facts.activity.kind == .handelsmissie else { return }
            if let organiser = facts.activity.organiser.relationID {
                add(.partnermissie, .positief, "Oss haakt aan bij een handelsmissie van \(facts.dossier.relationName(organiser)).")
            } else {
                add(.partnermissie, .naderBekijken,
                    "De gemeente organiseert deze handelsmissie zelf; het Kader wil liever aanhaken bij missies van partners (NL in Business, BOM, provincie).")
            }
        }

        mutating func applyEUFunding() {
            guard facts.activity.kind == .euSubsidieaanvraag else { return }
            if facts.dossier.framework.hasEuropeStrategy {
                add(.euFinanciering, .naderBekijken, "Toets deze kans op EU-financiering aan de Europastrategie.")
            } else {
                add(.euFinanciering, .positief,
                    "Er is nog geen Europastrategie: deze kans op EU-financiering wordt op zichzelf beoordeeld, op de criteria van het Kader.")
            }
        }

        mutating func applyEntrepreneurs() {
            guard facts.isEconomic, !facts.activity.participants.contains(where: { $0.role == .ondernemer }) else { return }
            missing.append("Ondernemers uitnodigen (bij economische activiteiten steevast)")
        }

        // MARK: Questions

        /// The four criteria that are conditions: no means negatief, partly or unknown means look again.
        mutating func applyCriteria() {
            for question in [Question.inhoudelijkeLink, .behoefteLokalePartners, .toegevoegdeWaarde, .behapbaar] {
                applyCondition(question, rule: question.rawValue)
            }
        }

        private mutating func applyCondition(_ question: Question, rule: String) {
            switch answers[question] {
            case .ja: add(rule, .positief, "\(question.label): ja\(noted(question))")
            case .deels: add(rule, .naderBekijken, "\(question.label): deels\(noted(question))")
            case .nee: add(rule, .negatief, "\(question.label): nee\(noted(question))")
            case .onbekend:
                add(rule, .naderBekijken, "\(question.label): nog onbekend")
                missing.append(question.label)
            }
        }

        /// Human rights and geopolitics are red flags; reputational risk is a condition; the three
        /// contributions (strategies, MVO, Global Goals) together must not all be negative.
        mutating func applyEnvironment() {
            for question in [Question.geopolitiek, .mensenrechten] {
                if answers[question] == .nee {
                    let concern = question == .mensenrechten ? "er zijn zorgen over mensenrechten" : "de geopolitieke situatie geeft bezwaren"
                    add(.rodeVlag, .negatief, "Rode vlag: \(concern)\(noted(question)).")
                } else {
                    applyCondition(question, rule: question.rawValue)
                }
            }
            applyCondition(.afbreukrisico, rule: Question.afbreukrisico.rawValue)
            let contributions = [Question.aansluitingStrategie, .mvo, .globalGoals]
            var negatives: [Question] = []
            for question in contributions {
                switch answers[question] {
                case .ja, .deels: add(question.rawValue, .positief, "\(question.label): \(answers[question].label.lowercased())\(noted(question))")
                case .nee: negatives.append(question)
                case .onbekend: missing.append(question.label)
                }
            }
            if negatives.count == contributions.count {
                add(.omgevingsfactoren, .negatief, "Geen positieve score op de omgevingsfactoren: geen aansluiting op strategieën, geen MVO, geen bijdrage aan de Global Goals.")
            } else if !negatives.isEmpty {
                add(.omgevingsfactoren, .naderBekijken, "Omgevingsfactoren, nee op: \(negatives.map(\.label).joined(separator: ", ")).")
            }
        }

        /// For economic activities at least one sub-criterion of the Economic Board must hold. The
        /// spearhead sector follows from the sectors when it was not answered.
        mutating func applyEconomicSubcriteria() {
            let questions = [Question.speerpuntsector, .vraagBedrijfsleven, .behoefteOssePartners, .versterkingEconomie, .profilering]
            var holding: [String] = []
            var unknown: [Question] = []
            for question in questions {
                var answer = answers[question]
                var note = noted(question)
                if question == .speerpuntsector, answer == .onbekend, !facts.spearheadSectors.isEmpty {
                    answer = .ja
                    note = " — afgeleid uit de sector (\(facts.spearheadSectors.map(\.label).joined(separator: ", ")))"
                }
                switch answer {
                case .ja, .deels:
                    holding.append(question.label)
                    add(question.rawValue, .positief, "\(question.label): \(answer.label.lowercased())\(note)")
                case .nee: break
                case .onbekend: unknown.append(question)
                }
            }
            guard facts.isEconomic else { return }
            missing += unknown.map(\.label)
            if !holding.isEmpty { return }
            if unknown.isEmpty {
                add(.economischeSubcriteria, .negatief,
                    "Economische activiteit zonder economisch motief: geen speerpuntsector, geen vraag van het bedrijfsleven, geen behoefte van Osse partners, geen kans voor de economie of profilering.")
            } else {
                add(.economischeSubcriteria, .naderBekijken, "Economische activiteit: nog geen van de economische subcriteria bevestigd.")
            }
        }
    }
}
