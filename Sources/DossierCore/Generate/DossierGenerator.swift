/// A realistic synthetic dossier of any size, for benchmarks and load tests: relations with accented and
/// CJK names, places, contacts and status histories (some on laag pitje); activities over the years of the
/// Kader with statuses reached along their life cycle, several relations each, delegation visits with
/// delegations and follow-ups, and assessments made with the real assessor. Reproducible from a seed.
public struct DossierGenerator {
    public var relationCount: Int
    public var activityCount: Int
    public var seed: UInt64

    public init(relations: Int, activities: Int, seed: UInt64 = 1) {
        relationCount = relations
        activityCount = activities
        self.seed = seed
    }

    static let places = [
        "Besançon", "Kraków", "Łódź", "Gdańsk", "Zürich", "Málaga", "Göteborg", "Brașov", "Köln", "Århus", "Liège", "Brno",
        "São Paulo", "Montréal", "Ljubljana", "Plzeň", "Tartu", "Coimbra", "Växjö", "Nîmes", "Genève", "Düsseldorf", "Heidelberg",
        "上海", "苏州", "深圳", "成都", "東京", "大阪", "서울", "부산", "Hà Nội", "Đà Nẵng", "İzmir", "Reykjavík", "Oulu", "Trondheim",
    ]
    static let countries = ["FR", "PL", "CH", "ES", "SE", "RO", "DE", "DK", "BE", "CZ", "BR", "CA", "SI", "EE", "PT", "CN", "JP", "KR",
                            "VN", "TR", "IS", "FI", "NO"].compactMap(Country.init(code:))
    static let firstNames = ["Anne", "Jeroen", "Maaike", "Sven", "Léa", "Zoë", "Øystein", "Agnieszka", "Chen", "Mei", "Ji-woo", "Hélène", "Thijs", "Fleur"]
    static let lastNames = ["de Vries", "Jansen", "Müller", "Kowalski", "Dupont", "Andersson", "Wang", "Kim", "Nguyễn", "van den Berg", "Smits"]
    static let companies = ["Osse Farma BV", "Pivot Park Labs", "Brabantse Biotech", "Maasland Logistiek", "Agri Oss", "Meierij Techniek"]
    static let themes = ["farma", "talent", "agrifood", "onderwijs", "logistiek", "life sciences", "duurzaamheid", "innovatie"]

    /// The dossier; a refusal by the change path would be a bug in the generator and is thrown, not hidden.
    public func generate(framework: Framework, budgetLines: [BudgetLine], today: CalendarDate) throws(ChangeError) -> Dossier {
        var random = SeededGenerator(seed: seed)
        var relations: [Relation] = []
        relations.reserveCapacity(relationCount)
        var usedIDs = Set<String>()
        for index in 0..<relationCount {
            let place = random.pick(Self.places)
            let country = random.pick(Self.countries)
            let kind = random.pick(RelationKind.allCases)
            let name = "\(kind == .regio ? "Regio " : kind == .netwerk ? "Netwerk " : "")\(place) \(index + 1)"
            let id = Slug.unique(Slug.make(from: name)) { usedIDs.contains($0) }
            usedIDs.insert(id)
            let roll = random.int(0...99)
            let status: RelationStatus = roll < 10 ? .focus : roll < 58 ? .actief : roll < 80 ? .verkennen : roll < 92 ? .laagPitje : roll < 96 ? .beeindigd : .genoemd
            var relation = Relation(id: id, name: name, kind: kind, countries: [country], places: [place],
                                    sectors: [random.pick(Sector.allCases)], motives: [random.pick(Motive.allCases)], status: status)
            if random.chance(0.4) {
                let person = "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))"
                relation.contacts = [Contact(name: person, organisation: name, role: random.pick(["directeur", "adviseur", "wethouder"]),
                                             email: Slug.make(from: person) + "@example.org")]
            }
            if random.chance(0.3) { relation.notes = "Contact over \(random.pick(Self.themes)) sinds \(random.int(2015...2024))." }
            // Decided by today, and a review after the decision that set it (one may be overdue by now, as in a real dossier).
            let date = min(CalendarDate(year: random.int(2023...2026), month: random.int(1...12), day: random.int(1...28))!, today)
            let review = status == .laagPitje ? max(CalendarDate(year: random.int(2026...2030), month: random.int(1...12), day: 1)!, date.adding(days: 90)) : nil
            relation.reviewDate = review
            relation.statusHistory = [StatusChange(date: date, from: status == .verkennen ? nil : .verkennen, to: status,
                                                   reason: "Besluit van \(DateWriting.standard.date(date))", by: "adviseur", reviewDate: review)]
            relations.append(relation)
        }
        // Fixed contributions to relations that are not in a generated dossier lose that reference.
        let lines = budgetLines.map { line in
            var kept = line
            if let relation = line.relation, !relations.contains(where: { $0.id == relation }) { kept.relation = nil }
            return kept
        }
        var dossier = Dossier(title: "Gegenereerd dossier (\(relationCount) relaties, \(activityCount) activiteiten)", framework: framework,
                              budgetLines: lines, relations: relations)
        let context = ChangeContext(actor: "generator", timestamp: Timestamp(date: today, hour: 9), today: today)
        var activityIDs = Set<String>()
        var activities: [Activity] = []
        activities.reserveCapacity(activityCount)
        for index in 0..<activityCount {
            let kind = random.chance(0.3) ? ActivityKind.delegatiebezoek : random.pick(ActivityKind.allCases)
            var seenRelations = Set<RelationID>()
            let unique = (0..<random.int(1...3)).map { _ in relations[random.int(0...(relations.count - 1))].id }
                .filter { seenRelations.insert($0).inserted }
            let first = dossier.relation(unique[0])!
            let place = first.places.first ?? "Oss"
            let title = switch kind {
            case .delegatiebezoek: "Delegatie \(place) \(index + 1)"
            case .handelsmissie: "Handelsmissie \(place) \(index + 1)"
            default: "\(kind.label) \(random.pick(Self.themes)) \(index + 1)"
            }
            let id = Slug.unique(Slug.make(from: title)) { activityIDs.contains($0) }
            activityIDs.insert(id)
            let start = CalendarDate(year: random.int(2025...2030), month: random.int(1...12), day: random.int(1...28))!
            let status = Self.lifeCyclePath(random.int(0...7), startDate: start, today: today)
            var activity = Activity(id: id, title: title, kind: kind, status: status.last!, relations: unique,
                                    organiser: random.chance(0.3) ? .relation(relations[random.int(0...(relations.count - 1))].id) : .municipality,
                                    startDate: start, endDate: random.chance(0.2) ? start.adding(days: random.int(1...3)) : nil,
                                    countries: first.countries, sectors: random.chance(0.5) ? [random.pick(Sector.allCases)] : [],
                                    budgetLine: dossier.activityBudget?.id, estimatedCost: Money(euros: Int64(random.int(0...40) * 50)))
            if status.last!.isCarriedOut { activity.actualCost = Money(cents: Int64(random.int(0...200_000))) }
            if kind == .delegatiebezoek {
                activity.visit = VisitDetails(direction: random.chance(0.6) ? .inkomend : .uitgaand, delegationFrom: place,
                                              ledBy: "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))", size: random.int(2...20),
                                              hosts: ["burgemeester Buijs"], programme: random.chance(0.5) ? "Rondleiding Pivot Park" : "")
                activity.participants = [Participant(name: random.pick(Self.companies), role: .ondernemer)]
                if random.chance(0.5) {
                    activity.followUps = [FollowUp(text: "Verslag naar B&W", due: start.adding(days: 30), isDone: start.adding(days: 30) < today)]
                }
            } else if kind.isEconomic {
                activity.participants = [Participant(name: random.pick(Self.companies), role: .ondernemer)]
            }
            if random.chance(0.2) { activity.notes = "Over \(random.pick(Self.themes)) met \(first.name)." }
            var previous: ActivityStatus?
            // An approval against the Kader's own rules (laag pitje, outside Europe outside the focus) says why, as
            // approving asks it; an export of the generated dossier then imports again.
            let againstRules = status.contains(.goedgekeurd) && !Assessor.ruleWarnings(activity, in: dossier).isEmpty
            // Decided a month before it starts, or for one further ahead some day of the past year (spread, not all today: the
            // texts of decisions stay as varied as before); carried out and evaluated after its last day.
            let decided = min(start.adding(days: -30), today.adding(days: -(index * 37 % 365)))
            let done = min((activity.endDate ?? start).adding(days: 1), today)
            activity.statusHistory = status.map { step in
                defer { previous = step }
                // Rejecting and cancelling say why, as the change path asks.
                let reason = step == .afgewezen ? "Past niet in het Kader" : step == .geannuleerd ? "Partner zegt af" : ""
                return StatusChange(date: step.isCarriedOut ? done : decided, from: previous, to: step, reason: reason, by: "adviseur",
                                    decision: step == .goedgekeurd ? "Besluit B&W \(DateWriting.standard.date(decided))" : nil,
                                    overrideReason: step == .goedgekeurd && againstRules ? "Past in het regionale programma" : nil)
            }
            activities.append(activity)
        }
        // Activities are added through the change path in one batch: every rule checked, as by an import.
        try dossier.apply(.batch(activities.map(Change.addActivity), label: "Genereren"), context: context)
        // Assessments for a share of the activities, with the real assessor and random answers.
        let ledger = BudgetLedger(dossier)
        for index in stride(from: 0, to: dossier.activities.count, by: 20) {
            let activity = dossier.activities[index]
            var answers = AssessmentAnswers()
            // (The Europe strategy's question, newer than the generator, is left out: a seed gives the dossier it always gave.)
            for question in Question.allCases where question != .europastrategie && random.chance(0.8) {
                answers.set(question, random.pick([.ja, .ja, .ja, .deels, .nee]))
            }
            let result = Assessor.assess(activity, answers: answers, in: dossier, ledger: ledger)
            try dossier.apply(.recordAssessment(activity.id, result.recorded(answers: answers, by: "", at: context.timestamp)), context: context)
        }
        if let problem = DossierValidator.problems(in: dossier).first {
            throw ChangeError(.invalid, "\(problem.path): \(problem.message)")
        }
        return dossier
    }

    /// The statuses an activity went through to reach a step of its life cycle.
    static func lifeCyclePath(_ step: Int, startDate: CalendarDate, today: CalendarDate) -> [ActivityStatus] {
        let path: [[ActivityStatus]] = [
            [.idee], [.idee, .inAfweging], [.idee, .inAfweging, .goedgekeurd], [.idee, .inAfweging, .afgewezen],
            [.idee, .inAfweging, .goedgekeurd, .gepland], [.idee, .inAfweging, .goedgekeurd, .gepland, .uitgevoerd],
            [.idee, .inAfweging, .goedgekeurd, .gepland, .uitgevoerd, .geevalueerd], [.idee, .geannuleerd],
        ]
        let chosen = path[step]
        // Carried out only when the date has passed.
        if chosen.last!.isCarriedOut && startDate > today { return [.idee, .inAfweging, .goedgekeurd, .gepland] }
        return chosen
    }
}
