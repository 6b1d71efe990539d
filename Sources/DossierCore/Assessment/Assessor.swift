/// The one assessment module of the Kader: the TUI, the command line and the reports all weigh activities
/// here. See docs/afweegkader.md for the same rules in Dutch, so an advisor can predict the verdict.
public enum Assessor {
    /// The questions asked about an activity, in the Kader's order. The strategic-agenda question only when a
    /// new network is involved, the added value for Oss business only when joining a partner's mission or
    /// delegation. (The economic sub-criteria are asked always, but count as a condition only for economic
    /// activities.)
    public static func questions(for activity: Activity, in dossier: Dossier) -> [Question] {
        let facts = Facts(activity: activity, dossier: dossier)
        return Question.allCases.filter { question in
            switch question {
            case .strategischeAgenda: !facts.newNetworks.isEmpty
            case .waardeVoorBedrijfsleven: facts.joinsPartnerInitiative
            case .europastrategie: activity.kind == .euSubsidieaanvraag && dossier.framework.hasEuropeStrategy
            default: true
            }
        }
    }

    /// The relations on laag pitje and the countries China and Vietnam an activity involves, by name: what an
    /// exception decided by the college would be about.
    public static func laagPitjeSubjects(of activity: Activity, in dossier: Dossier) -> [String] {
        let facts = Facts(activity: activity, dossier: dossier)
        let covered = Set(facts.laagPitjeRelations.flatMap(\.countries))
        return facts.laagPitjeRelations.map(\.name) + facts.laagPitjeCountries.filter { !covered.contains($0) }.map(\.name)
    }

    /// The reasons the Kader makes `activity` negative whatever the answers (`VerdictReason.isRuleWarning`), from
    /// those two rules alone: the rest is not weighed and no budget is summed, so it is cheap for every change.
    /// `answers`: the weighing's, for a college decision (`exceptionDecision`) that lifts the laag pitje.
    public static func ruleWarnings(_ activity: Activity, in dossier: Dossier, answers: AssessmentAnswers = AssessmentAnswers()) -> [VerdictReason] {
        var weighing = Weighing(facts: Facts(activity: activity, dossier: dossier), answers: answers, ledger: nil)
        weighing.applyLaagPitje()
        weighing.applyOutsideEurope()
        return weighing.reasons.filter(\.isRuleWarning)
    }

    /// Why the budget makes approving `activity` negative: its cost does not fit what its budget line has left in its
    /// year. `ledger`: the budget of all activities, needed for a dossier that holds only some; without one the
    /// dossier's activities on that line and year are summed.
    public static func budgetShortfall(_ activity: Activity, in dossier: Dossier, ledger: BudgetLedger? = nil) -> VerdictReason? {
        var weighing = Weighing(facts: Facts(activity: activity, dossier: dossier), answers: AssessmentAnswers(), ledger: ledger)
        weighing.applyBudget()
        return weighing.reasons.first { $0.effect == .negatief }
    }

    /// Weighs an activity (saved or only proposed) with the advisor's answers against the dossier. When many
    /// activities are weighed, pass a `ledger` of the dossier so the budget is not summed for each one.
    public static func assess(_ activity: Activity, answers: AssessmentAnswers, in dossier: Dossier,
                              ledger: BudgetLedger? = nil) -> AssessmentResult {
        var weighing = Weighing(facts: Facts(activity: activity, dossier: dossier), answers: answers, ledger: ledger)
        weighing.applyLaagPitje()
        weighing.applyOutsideEurope()
        weighing.applyPartnershipsInEurope()
        weighing.applyNewNetwork()
        weighing.applyBudget()
        weighing.applyPartnerInitiative()
        weighing.applyEUFunding()
        weighing.applyEntrepreneurs()
        weighing.applyCriteria()
        weighing.applyEnvironment()
        weighing.applyRole()
        weighing.applyEconomicSubcriteria()
        return AssessmentResult(reasons: weighing.reasons, missing: weighing.missing)
    }

    /// What the rules need to know about an activity and its relations.
    struct Facts {
        let activity: Activity
        let dossier: Dossier
        /// The linked relations and the organising one, as they stood on the day the activity began: a visit logged
        /// afterwards is weighed by what held then, not by a laag pitje given since. One still ahead, or without a date,
        /// by the relations as they are (a relation added after that day, too).
        let relations: [Relation]

        init(activity: Activity, dossier: Dossier) {
            self.activity = activity
            self.dossier = dossier
            var ids = activity.relations
            if let organiser = activity.organiser.relationID, !ids.contains(organiser) { ids.append(organiser) }
            relations = ids.compactMap(dossier.relation).map { relation in
                guard let day = activity.startDate, relation.statusHistory.contains(where: { $0.date > day }) else { return relation }
                return relation.asOf(day) ?? relation
            }
        }

        var isEconomic: Bool { activity.kind.isEconomic }

        var sectors: Set<Sector> { Set(activity.sectors) }

        /// Farma or agrifood, judged as `isFarma` is: on the activity's own sectors, or, when it has none, on its relations'
        /// (a logistics mission with a farma partner is about logistics, not about the spearhead sector).
        var spearheadSectors: [Sector] {
            let all = sectors.isEmpty ? Set(relations.flatMap(\.sectors)) : sectors
            return [Sector.farma, .agrifood].filter(all.contains)
        }

        /// Farma, judged on the activity's own sectors, or, when it has none, on its relations'.
        var isFarma: Bool {
            sectors.isEmpty ? relations.contains { $0.sectors.contains(.farma) } : sectors.contains(.farma)
        }

        /// Networks Oss is only exploring or that were only mentioned (kind netwerk, status verkennen or genoemd): joining
        /// them is joining a new network.
        var newNetworks: [Relation] {
            relations.filter { $0.kind == .netwerk && ($0.status == .verkennen || $0.status == .genoemd) }
        }

        /// Relations on laag pitje among those involved.
        var laagPitjeRelations: [Relation] { relations.filter { $0.status == .laagPitje } }

        /// The countries the Kader puts on laag pitje (China, Vietnam) that the activity goes to, or that one of
        /// its relations lies in.
        var laagPitjeCountries: [Country] {
            let involved = activity.countries + relations.flatMap(\.countries)
            return AssessmentRule.countriesOnLaagPitje.filter(involved.contains)
        }

        /// Where the activity leaves Europe: its own destination and the relations outside Europe, together.
        var outsideEurope: (countries: [Country], relations: [Relation]) {
            (activity.countries.filter { !$0.isInEurope }, relations.filter(\.isOutsideEurope))
        }

        /// Where the activity comes from or goes to is not known (not Europe by default): a delegation (incoming or outgoing)
        /// or a trade mission without a country and without a relation abroad. A Dutch relation (the hosts here, the BOM)
        /// says nothing of where a delegation comes from or a mission goes; one abroad (Vlaanderen, Taizhou) does.
        var isPlaceUnknown: Bool {
            guard activity.countries.isEmpty, activity.kind == .handelsmissie || activity.visit != nil else { return false }
            return relations.countriesAbroad.isEmpty
        }

        /// What the weighing asks for when `isPlaceUnknown`.
        var unknownPlace: (reason: String, missing: String) {
            let concerns = "of het Kader daar een laag pitje of de keuze voor farma buiten Europa aan verbindt, is niet te zeggen."
            if activity.visitDirection == .inkomend {
                return ("Uit welk land de delegatie komt, is niet vastgelegd: " + concerns, "Land van de delegatie")
            }
            let what = activity.kind == .handelsmissie ? "de handelsmissie" : "de delegatie"
            return ("Naar welk land \(what) gaat, is niet vastgelegd: " + concerns, "Land van bestemming")
        }

        /// What the activity does for the Global Goals: charged to a contribution line (the Global Goals Platform's), or
        /// linked to the relation such a line supports. Nil when it does neither.
        var globalGoalsContribution: String? {
            let contributionLines = dossier.budgetLines.filter { !$0.isActivityBudget }
            if let line = contributionLines.first(where: { $0.id == activity.budgetLine }) { return line.name }
            let supported = Set(contributionLines.compactMap(\.relation))
            return relations.first { supported.contains($0.id) }?.name
        }

        /// A focus network (UNESCO Learning Cities) the activity is linked to and shares a subject with.
        var focusNetworkOnItsSubject: (network: Relation, subject: [Sector])? {
            for network in relations where network.kind == .netwerk && network.status == .focus {
                let shared = network.sectors.filter(sectors.contains)
                if !shared.isEmpty { return (network, shared) }
            }
            return nil
        }

        /// A trade mission or a delegation organised by a partner: joining someone else's initiative. A partner is a
        /// government, partner organisation or partnership (the Kader's "nationale/provinciale/regionale initiatieven"),
        /// not a company, a friendship city, a region or a network.
        var joinsPartnerInitiative: Bool {
            guard activity.kind == .handelsmissie || activity.kind == .delegatiebezoek, let organiser = organiser else { return false }
            return AssessmentRule.partnerKinds.contains(organiser.kind)
        }

        /// The organising relation, when a relation organises the activity.
        var organiser: Relation? {
            activity.organiser.relationID.flatMap { id in relations.first { $0.id == id } }
        }
    }

    /// The reasons and missing information gathered by the rules, in the order they are applied.
    struct Weighing {
        let facts: Facts
        let answers: AssessmentAnswers
        let ledger: BudgetLedger?
        var reasons: [VerdictReason] = []
        var missing: [String] = []

        /// A decision that lifts the laag pitje: the college's. One that names a mandate is not (the Kader: "tenzij het
        /// college anders besluit"), and lifts nothing.
        var hasException: Bool { !answers.exceptionDecision.isBlank && !exceptionIsMandate }

        var exceptionIsMandate: Bool { AssessmentRule.namesMandateNotCollege(answers.exceptionDecision) }

        /// Said after a laag-pitje reason when the exception given is a mandate.
        var mandateNote: String {
            exceptionIsMandate ? " '\(answers.exceptionDecision.trimmingSpaces())' is een mandaat, geen besluit van het college." : ""
        }

        mutating func add(_ rule: String, _ effect: Verdict, _ text: String, reading: Bool = false) {
            reasons.append(VerdictReason(rule: rule, effect: effect, text: reading ? text + ProductReading.marker : text))
        }

        mutating func add(_ rule: AssessmentRule, _ effect: Verdict, _ text: String, reading: Bool = false) {
            add(rule.rawValue, effect, text, reading: reading)
        }

        private func noted(_ question: Question) -> String {
            let note = answers.note(question)
            return note.isEmpty ? "" : " — \(note)"
        }

        // MARK: Rules

        /// Relations on laag pitje and the countries China and Vietnam: negative, unless the college decided
        /// otherwise for this activity (the product's reading of "unless decided otherwise").
        mutating func applyLaagPitje() {
            let exception = hasException ? answers.exceptionDecision.trimmingSpaces() : ""
            for relation in facts.laagPitjeRelations {
                let review = relation.reviewDate.map { ", herijking \(DateWriting.standard.date($0))" } ?? ""
                if exception.isEmpty {
                    // Who put it there and since when: the college by the Kader for Taizhou and An Giang, the advisor for another.
                    let decision = relation.currentStatusChange.entered.map { change in
                        " (sinds \(DateWriting.standard.date(change.date)), door \(change.by)\(review))"
                    } ?? (review.isEmpty ? "" : " (\(review.dropFirst(2)))")
                    add(.laagPitje, .negatief,
                        "\(relation.name) staat op een laag pitje\(decision): daar doet Oss minder, dus een nieuwe activiteit alleen als het college daartoe besluit (leg zo'n besluit vast als uitzondering).\(mandateNote)",
                        reading: true)
                } else {
                    add(.laagPitje, .positief, "\(relation.name) staat op een laag pitje\(review), maar het college besloot anders: \(exception)", reading: true)
                }
            }
            let covered = Set(facts.laagPitjeRelations.flatMap(\.countries))
            for country in facts.laagPitjeCountries where !covered.contains(country) {
                if exception.isEmpty {
                    add(.laagPitje, .negatief,
                        "\(country.name): het Kader zet de relaties met China en Vietnam op een laag pitje, dus ook nieuwe contacten daar, tenzij het college anders besluit.\(mandateNote)",
                        reading: true)
                } else {
                    add(.laagPitje, .positief, "\(country.name) staat op een laag pitje, maar het college besloot anders: \(exception)", reading: true)
                }
            }
        }

        /// Outside Europe the Kader chooses farma (economic contacts) and UNESCO Learning Cities for its own
        /// subject. Destination and relations decide together; what an exception lifts is left out.
        mutating func applyOutsideEurope() {
            if facts.isPlaceUnknown {
                let (reason, field) = facts.unknownPlace
                add(.buitenEuropa, .naderBekijken, reason)
                missing.append(field)
                return
            }
            var (countries, relations) = facts.outsideEurope
            if hasException {
                let lifted = Set(AssessmentRule.countriesOnLaagPitje + facts.laagPitjeRelations.flatMap(\.countries))
                let isLifted = { (relation: Relation) in relation.status == .laagPitje || relation.countries.allSatisfy(lifted.contains) }
                let liftedPlaces = countries.filter(lifted.contains).map(\.name) + relations.filter(isLifted).map(\.name)
                countries.removeAll(where: lifted.contains)
                relations.removeAll(where: isLifted)
                // Said, not done in silence: the college's decision (the exception, a reading of the laag-pitje rule) covers the
                // choice of farma outside Europe there too.
                if !liftedPlaces.isEmpty {
                    add(.laagPitje, .positief, "Buiten Europa (\(liftedPlaces.joined(separator: ", "))): het besluit van het college geldt ook voor de "
                        + "keuze van het Kader voor farma buiten Europa", reading: true)
                }
            }
            let places = countries.map(\.name) + relations.map(\.name)
            guard !places.isEmpty else { return }
            let place = "Buiten Europa (\(places.joined(separator: ", ")))"
            if facts.isFarma {
                add(.buitenEuropa, .positief, "\(place): farma, waar het Kader buiten Europa voor kiest.")
            } else if let (network, subject) = facts.focusNetworkOnItsSubject {
                add(.buitenEuropa, .positief,
                    "\(place): binnen \(network.name) en over het onderwerp van dat netwerk (\(subject.map(\.label).joined(separator: ", "))).")
            } else if let contribution = facts.globalGoalsContribution {
                add(.buitenEuropa, .positief,
                    "\(place): een bijdrage aan de Global Goals (\(contribution)), waar het Kader een actieve rol in wil blijven spelen.", reading: true)
            } else if let network = facts.relations.first(where: { $0.kind == .netwerk && $0.status == .focus }) {
                if facts.sectors.isEmpty {
                    add(.buitenEuropa, .naderBekijken,
                        "\(place): gekoppeld aan \(network.name); of het over het onderwerp van dat netwerk gaat (onderwijs – arbeidsmarkt – bedrijfsleven) is nog onbekend, want de activiteit heeft geen sector.")
                    missing.append("Sector (bepaalt of het over het onderwerp van \(network.name) gaat)")
                } else {
                    add(.buitenEuropa, .negatief,
                        "\(place): gekoppeld aan \(network.name), maar niet over het onderwerp van dat netwerk (onderwijs – arbeidsmarkt – bedrijfsleven), en alleen daarvoor kiest het Kader het netwerk buiten Europa.")
                }
            } else if facts.isEconomic {
                add(.buitenEuropa, .negatief,
                    "\(place): bij economische contacten buiten Europa focust het Kader primair op farma, en buiten Europa kiest het voor farma en UNESCO Learning Cities.")
            } else {
                add(.buitenEuropa, .negatief, "\(place): het Kader kiest buiten Europa voor farma en UNESCO Learning Cities, en dit is geen van beide.")
            }
        }

        /// Within Europe, activities tied to partnerships such as BrabantStad and Agrifood Capital are relevant.
        mutating func applyPartnershipsInEurope() {
            let (countries, relations) = facts.outsideEurope
            guard countries.isEmpty, relations.isEmpty, !facts.isPlaceUnknown else { return }
            let partnerships = facts.relations.filter { $0.kind == .samenwerkingsverband && ($0.status == .actief || $0.status == .focus) }
            guard !partnerships.isEmpty else { return }
            add(.samenwerkingsverband, .positief,
                "Binnen Europa en gekoppeld aan de deelname van Oss aan \(partnerships.map(\.name).joined(separator: ", ")): relevant volgens het Kader.")
        }

        mutating func applyNewNetwork() {
            let networks = facts.newNetworks
            guard !networks.isEmpty else { return }
            let names = networks.map(\.name).joined(separator: ", ")
            let answer = answers[.strategischeAgenda]
            if answer == .nee {
                // Also before the agenda is there: who already knows the network will not fit it, says so.
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

        /// The cost against what is left of the year on the activity's own budget line.
        mutating func applyBudget() {
            let activity = facts.activity
            guard let lineID = activity.budgetLine else {
                add(.budget, .positief, "Niet ten laste van een budget van de gemeente (budgetregel: geen; bijvoorbeeld betaald door een partner).")
                return
            }
            let line = facts.dossier.budgetLine(lineID)
            let lineName = line?.name ?? lineID
            // Carried out: what it cost (or, if that was never filled in, the estimate). Otherwise the estimate.
            let knownCost = activity.listedCost
            guard let cost = knownCost else {
                // Carried out (a visit logged after the fact): its form asks what it cost, not an estimate.
                if activity.status.isCarriedOut {
                    add(.budget, .naderBekijken, "Zonder (werkelijke) kosten is niet te zeggen of de activiteit binnen \(lineName) paste.")
                    missing.append("Kosten")
                } else {
                    add(.budget, .naderBekijken, "Zonder geraamde kosten is niet te zeggen of de activiteit binnen \(lineName) past.")
                    missing.append("Geraamde kosten")
                }
                // Once the cost is known, the year it falls in is asked next: said now, not one at a time.
                if activity.year == nil { missing.append("Datum (bepaalt het budgetjaar)") }
                return
            }
            if cost.cents == 0 {
                add(.budget, .positief, "Geen kosten voor \(lineName).")
                return
            }
            guard let year = activity.year else {
                add(.budget, .naderBekijken, "Zonder datum is niet te zeggen op welk jaar van \(lineName) de \(cost.formatted) drukt.")
                missing.append("Datum (bepaalt het budgetjaar)")
                return
            }
            let (budget, remaining) = BudgetOverview.left(year, line: lineID, excluding: activity.id, in: facts.dossier, ledger: ledger)
            if let line, line.hasEnded(before: year) {
                // A year the line sets no amount for yet (after the Kader's years): whether it fits is not known, not "no".
                add(.budget, .naderBekijken, "\(lineName) heeft nog geen bedrag voor \(year) (de regel loopt \(line.period)); of de \(cost.formatted) "
                    + "erin past, is pas te zeggen als het budget voor \(year) is vastgesteld.", reading: true)
                missing.append("Budget voor \(year)")
            } else if budget.cents == 0 {
                let none = line?.amountsByYear[year] != nil ? "is voor \(year) op \(Money.zero.formatted) gezet" : "heeft geen bedrag voor \(year)"
                add(.budget, .negatief, "\(lineName) \(none); de kosten (\(cost.formatted)) zijn niet gedekt.",
                    reading: line.map { !$0.applies(to: year) } ?? false)
            } else if remaining.cents < 0 {
                add(.budget, .negatief,
                    "\(cost.formatted) past niet binnen \(lineName) \(year): de \(budget.formatted) is met goedgekeurde, geplande en uitgevoerde activiteiten al met \((Money.zero - remaining).formatted) overschreden.")
            } else if cost > remaining {
                add(.budget, .negatief,
                    "\(cost.formatted) past niet binnen \(lineName) \(year): van \(budget.formatted) is na goedgekeurde, geplande en uitgevoerde activiteiten nog \(remaining.formatted) over.")
            } else {
                add(.budget, .positief,
                    "\(cost.formatted) past binnen \(lineName) \(year): nog \(remaining.formatted) over van \(budget.formatted) (daarna \((remaining - cost).formatted)).")
            }
        }

        /// Joining a partner's trade mission or delegation counts in favour only as far as it adds value for
        /// Oss business; a mission of the municipality's own is looked at again.
        mutating func applyPartnerInitiative() {
            let activity = facts.activity
            if facts.joinsPartnerInitiative, let organiser = activity.organiser.relationID {
                let what = activity.kind == .handelsmissie ? "een handelsmissie" : "een delegatie"
                let partner = facts.dossier.relationName(organiser)
                switch answers[.waardeVoorBedrijfsleven] {
                case .ja:
                    add(.partnermissie, .positief, "Oss haakt aan bij \(what) van \(partner), met toegevoegde waarde voor het Osse bedrijfsleven\(noted(.waardeVoorBedrijfsleven)).")
                case .deels:
                    add(.partnermissie, .naderBekijken, "Aanhaken bij \(what) van \(partner): de toegevoegde waarde voor het Osse bedrijfsleven is er maar deels\(noted(.waardeVoorBedrijfsleven)).")
                case .nee:
                    add(.partnermissie, .negatief,
                        "Aanhaken bij \(what) van \(partner) heeft geen toegevoegde waarde voor het Osse bedrijfsleven\(noted(.waardeVoorBedrijfsleven)); het Kader haakt alleen aan voor zover dat wel zo is.")
                case .onbekend:
                    add(.partnermissie, .naderBekijken,
                        "Aanhaken bij \(what) van \(partner) telt alleen mee voor zover het toegevoegde waarde heeft voor het Osse bedrijfsleven; dat is nog onbekend.")
                    missing.append(Question.waardeVoorBedrijfsleven.label)
                }
            } else if activity.kind == .handelsmissie, let organiser = facts.organiser {
                add(.partnermissie, .naderBekijken,
                    "\(organiser.name) (\(organiser.kind.label.lowercased())) organiseert deze handelsmissie; het Kader haakt aan bij nationale, provinciale en "
                        + "regionale initiatieven van partners (NL in Business, BOM, provincie), en ondernemers verwijst de gemeente meestal naar die partners door.",
                    reading: true)
            } else if activity.kind == .handelsmissie {
                add(.partnermissie, .naderBekijken,
                    "De gemeente organiseert deze handelsmissie zelf; volgens de reactie op de Economic Board haakt ze graag aan bij activiteiten van partners (NL in Business, BOM, provincie).")
            }
        }

        mutating func applyEUFunding() {
            guard facts.activity.kind == .euSubsidieaanvraag else { return }
            if facts.dossier.framework.hasEuropeStrategy {
                // The product's reading: the strategy is tested as the strategic agenda is for a new network.
                switch answers[.europastrategie] {
                case .ja: add(.euFinanciering, .positief, "Deze kans op EU-financiering past in de Europastrategie\(noted(.europastrategie)).", reading: true)
                case .nee: add(.euFinanciering, .negatief, "Deze kans op EU-financiering past niet in de Europastrategie\(noted(.europastrategie)).", reading: true)
                case .deels: add(.euFinanciering, .naderBekijken, "Deze kans op EU-financiering past deels in de Europastrategie\(noted(.europastrategie)).", reading: true)
                default:
                    add(.euFinanciering, .naderBekijken, "Toets deze kans op EU-financiering aan de Europastrategie.")
                    missing.append(Question.europastrategie.label)
                }
            } else {
                add(.euFinanciering, .positief,
                    "Er is nog geen Europastrategie: deze kans op EU-financiering wordt op zichzelf beoordeeld, op de criteria van het Kader.")
            }
        }

        mutating func applyEntrepreneurs() {
            guard facts.isEconomic, !facts.activity.participants.contains(where: { $0.role == .ondernemer }) else { return }
            missing.append("Ondernemers onder de deelnemers (bij economische activiteiten steevast uitgenodigd)")
        }

        // MARK: Questions

        /// The four criteria that are conditions: no means negatief (the product's reading), partly or unknown
        /// means look again.
        mutating func applyCriteria() {
            for question in [Question.inhoudelijkeLink, .behoefteLokalePartners, .toegevoegdeWaarde, .behapbaar] {
                applyCondition(question, rule: question.rawValue)
            }
        }

        private mutating func applyCondition(_ question: Question, rule: String) {
            switch answers[question] {
            case .ja: add(rule, .positief, "\(question.label): ja\(noted(question))")
            case .deels: add(rule, .naderBekijken, "\(question.label): deels\(noted(question))")
            case .nee: add(rule, .negatief, "\(question.label): nee\(noted(question))", reading: true)
            case .onbekend:
                // What was noted meanwhile ("navragen bij de ambassade") is part of the reason, as with any answer.
                add(rule, .naderBekijken, "\(question.label): nog onbekend\(noted(question))")
                missing.append(question.label)
            }
        }

        /// Human rights and geopolitics are red flags; reputational risk is a condition; the three
        /// contributions (strategies, MVO, Global Goals) together must not all be negative.
        mutating func applyEnvironment() {
            for question in [Question.geopolitiek, .mensenrechten] {
                if answers[question] == .nee {
                    let concern = question == .mensenrechten ? "er zijn zorgen over mensenrechten" : "de geopolitieke situatie geeft bezwaren"
                    add(.rodeVlag, .negatief, "Rode vlag: \(concern)\(noted(question)).", reading: true)
                } else {
                    applyCondition(question, rule: question.rawValue)
                }
            }
            applyCondition(.afbreukrisico, rule: Question.afbreukrisico.rawValue)
            let contributions = [Question.aansluitingStrategie, .mvo, .globalGoals]
            var negatives: [Question] = [], unknown: [Question] = []
            for question in contributions {
                switch answers[question] {
                case .ja, .deels: add(question.rawValue, .positief, "\(question.label): \(answers[question].label.lowercased())\(noted(question))")
                case .nee: negatives.append(question)
                case .onbekend:
                    unknown.append(question)
                    missing.append(question.label)
                }
            }
            if negatives.count == contributions.count {
                add(.omgevingsfactoren, .negatief,
                    "Geen positieve score op de omgevingsfactoren: geen aansluiting op strategieën, geen MVO, geen bijdrage aan de Global Goals.", reading: true)
            } else if !negatives.isEmpty {
                add(.omgevingsfactoren, .naderBekijken, "Omgevingsfactoren, nee op: \(negatives.map(\.label).joined(separator: ", ")).", reading: true)
            } else if unknown.count == contributions.count {
                // Not answered is never positive: without one contribution there is no positive score yet.
                add(.omgevingsfactoren, .naderBekijken,
                    "Positieve score op omgevingsfactoren: nog niet, want aansluiting op strategieën, MVO en bijdrage aan de Global Goals zijn nog onbekend.", reading: true)
            }
        }

        /// The municipality's role: complementary to what partners already do; a single company is referred to
        /// the partners; a request for Triple Helix cooperation is weighed positively.
        mutating func applyRole() {
            applyCondition(.aanvullend, rule: Question.aanvullend.reasonRule)
            if answers[.meerDanEenBedrijf] == .nee {
                let partners = AssessmentRule.referralPartners.compactMap { facts.dossier.relation($0)?.name }
                let names = partners.isEmpty ? "de (publieke) partners" : partners.joined(separator: ", ")
                add(Question.meerDanEenBedrijf.reasonRule, .naderBekijken,
                    "De vraag van één bedrijf: verwijs het via de accountmanagers door naar \(names) en bestaande programma's, tenzij de gemeente hier aanvullend iets te doen heeft\(noted(.meerDanEenBedrijf)).")
            }
            switch answers[.tripleHelix] {
            case .ja: add(.tripleHelix, .positief, "Een verzoek om internationale (Triple Helix) samenwerking: dat beoordeelt het Kader positief\(noted(.tripleHelix)).")
            case .deels: add(.tripleHelix, .positief, "Deels een verzoek om internationale (Triple Helix) samenwerking\(noted(.tripleHelix)).")
            case .nee, .onbekend: break
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
                    "Economische activiteit zonder economisch motief: geen speerpuntsector, geen vraag van het bedrijfsleven, geen behoefte van Osse partners, geen kans voor de economie of profilering.",
                    reading: true)
            } else {
                add(.economischeSubcriteria, .naderBekijken, "Economische activiteit: nog geen van de economische subcriteria bevestigd.")
            }
        }
    }
}
