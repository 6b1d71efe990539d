import DossierCore
import DossierTestSupport
import Testing

@Suite("Activity life cycle")
struct LifeCycleTests {
    /// The life cycle of issue 2, written out in full so that any change to it fails here.
    static let legal: Set<String> = [
        "idee>in-afweging", "idee>geannuleerd",
        "in-afweging>goedgekeurd", "in-afweging>afgewezen", "in-afweging>geannuleerd",
        "goedgekeurd>gepland", "goedgekeurd>geannuleerd",
        "gepland>uitgevoerd", "gepland>geannuleerd",
        "uitgevoerd>geevalueerd",
    ]

    @Test("an activity made approved against the Kader's rules needs a reason; one that comes with its history of steps taken, or a replayed line, does not",
          arguments: [1, 2])
    func addedApprovedNeedsReason(steps: Int) throws {
        var dossier = Fixtures.smallDossier()
        let approval = StatusChange<ActivityStatus>(date: Fixtures.date("2026-11-02"), from: steps == 1 ? nil : .inAfweging, to: .goedgekeurd,
                                                    reason: "", by: "tester", decision: "Besluit B&W")
        let history = (steps == 1 ? [] : [StatusChange<ActivityStatus>(date: Fixtures.date("2026-11-01"), from: nil, to: .inAfweging, reason: "", by: "tester")])
            + [approval]
        var activity = Activity(id: "m", title: "Missie Taizhou", kind: .handelsmissie, status: .goedgekeurd, relations: ["taizhou"],
                                startDate: Fixtures.date("2027-05-01"), statusHistory: history)
        if steps > 1 {
            // A record of steps already taken (apply, deleted and added again): approved then, not judged again now.
            var recorded = dossier
            try recorded.apply(.addActivity(activity), context: Fixtures.context)
            #expect(recorded.activity("m") != nil)
            return
        }
        #expect(throws: ChangeError.self) { try dossier.apply(.addActivity(activity), context: Fixtures.context) }
        do {
            try dossier.apply(.addActivity(activity), context: Fixtures.context)
        } catch {
            #expect(error.field == "overrideReason" && error.message.contains("laag pitje"), "\(error)")
        }
        var replay = Fixtures.context
        replay.isReplay = true
        var replayed = dossier
        try replayed.apply(.addActivity(activity), context: replay)
        #expect(replayed.activity("m") != nil, "a line written before the rule still reads")
        activity.statusHistory[activity.statusHistory.count - 1].overrideReason = "Verzoek van het college"
        try dossier.apply(.addActivity(activity), context: Fixtures.context)
        #expect(dossier.activity("m")?.approvalOverrideReason == "Verzoek van het college")
    }

    @Test("every pair of states is allowed exactly when the life cycle says so", arguments: ActivityStatus.allCases)
    func transitions(from: ActivityStatus) {
        for to in ActivityStatus.allCases {
            #expect(from.canMove(to: to) == Self.legal.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to)")
        }
    }

    @Test("moving through the change path follows the same table, and an illegal step names the allowed ones",
          arguments: ActivityStatus.allCases)
    func movesThroughChangePath(from: ActivityStatus) throws {
        for to in ActivityStatus.allCases {
            var dossier = Fixtures.smallDossier()
            // Started yesterday, with its history: it may be carried out, and it was approved if it is.
            let activity = Activity(id: "a", title: "Proef", kind: .kennisuitwisseling, status: from, startDate: Fixtures.date("2026-11-21"),
                                    statusHistory: [StatusChange(date: Fixtures.date("2026-11-01"), from: nil, to: from, reason: "proef", by: "tester",
                                                                 decision: "Besluit B&W")])
            try dossier.apply(.addActivity(activity), context: Fixtures.context)
            do {
                try dossier.apply(.moveActivity("a", status: to, reason: "test", overrideReason: nil, decision: to == .goedgekeurd ? "mandaat wethouder" : nil),
                                  context: Fixtures.context)
                #expect(Self.legal.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to) was accepted")
                #expect(dossier.activity("a")?.status == to)
                #expect(dossier.activity("a")?.statusHistory.last?.from == from)
            } catch {
                #expect(!Self.legal.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to) was refused: \(error)")
                #expect(error.kind == .illegalTransition)
                #expect(dossier.activity("a")?.status == from)
                for allowed in from.allowedNextStates {
                    #expect(error.message.contains(allowed.rawValue))
                }
                if from.allowedNextStates.isEmpty {
                    #expect(error.message.hasSuffix("; \(from.label) is een eindtoestand: er volgt geen stap meer"), "not 'toegestaan: geen: …': \(error.message)")
                }
            }
        }
    }

    @Test("cancelling is possible from every state before uitgevoerd, not after")
    func cancelling() {
        for status in [ActivityStatus.idee, .inAfweging, .goedgekeurd, .gepland] {
            #expect(status.canMove(to: .geannuleerd))
        }
        for status in [ActivityStatus.uitgevoerd, .geevalueerd, .afgewezen, .geannuleerd] {
            #expect(!status.canMove(to: .geannuleerd))
        }
    }

    @Test("rejecting and cancelling ask why, from every state they are reached from; a journal line written before the rule is replayed")
    func endingAsksWhy() throws {
        for (from, to) in [(ActivityStatus.idee, ActivityStatus.geannuleerd), (.inAfweging, .afgewezen), (.inAfweging, .geannuleerd),
                           (.goedgekeurd, .geannuleerd), (.gepland, .geannuleerd)] {
            var dossier = Fixtures.smallDossier()
            try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs, status: from,
                                                    statusHistory: from.isUpcoming ? Fixtures.approved(from) : [])), context: Fixtures.context)
            #expect(throws: ChangeError(.invalid, Dossier.missingEndReason(to, of: "Proef"), field: "reason")) {
                try dossier.apply(.moveActivity("a", status: to, reason: "  ", overrideReason: nil), context: Fixtures.context)
            }
            #expect(dossier.activity("a")?.status == from)
            var replay = Fixtures.context
            replay.isReplay = true
            var replayed = dossier
            try replayed.apply(.moveActivity("a", status: to, reason: "", overrideReason: nil), context: replay)
            #expect(replayed.activity("a")?.status == to)
            try dossier.apply(.moveActivity("a", status: to, reason: "Partner zegt af", overrideReason: nil), context: Fixtures.context)
            #expect(dossier.activity("a")?.statusHistory.last?.reason == "Partner zegt af")
        }
        // Made rejected or cancelled at once, without why: refused; with why (an import says "Import"), kept.
        for status in [ActivityStatus.afgewezen, .geannuleerd] {
            var dossier = Fixtures.smallDossier()
            #expect(throws: ChangeError.self) {
                try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs, status: status)), context: Fixtures.context)
            }
            try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs, status: status,
                                                    statusHistory: [StatusChange(date: Fixtures.date("2026-01-01"), from: nil, to: status, reason: "Import", by: "")])),
                              context: Fixtures.context)
            #expect(dossier.activity("a")?.statusHistory.last?.reason == "Import")
        }
        // Other steps may still go without a word.
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs)), context: Fixtures.context)
        try dossier.apply(.moveActivity("a", status: .inAfweging, reason: "", overrideReason: nil), context: Fixtures.context)
        #expect(dossier.activity("a")?.status == .inAfweging)
    }

    @Test("a reason, decision or override reason of only invisible characters is refused as new input, and replayed as written",
          arguments: ["\u{200B}", " \u{200B}\u{FEFF} ", "\u{00AD}", "\u{200E}\u{2060}"])
    func invisibleReasons(_ invisible: String) throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs)), context: Fixtures.context)
        var replay = Fixtures.context
        replay.isReplay = true
        let cancel = Change.moveActivity("a", status: .geannuleerd, reason: invisible, overrideReason: nil)
        #expect(throws: ChangeError(.invalid, "de reden bestaat alleen uit onzichtbare tekens (zoals een spatie zonder breedte): schrijf een tekst die te lezen is",
                                    field: "reason")) { try dossier.apply(cancel, context: Fixtures.context) }
        var replayed = dossier
        try replayed.apply(cancel, context: replay)
        #expect(replayed.activity("a")?.status == .geannuleerd)
        let refusal = { (name: String, field: String) in
            ChangeError(.invalid, "\(name) bestaat alleen uit onzichtbare tekens (zoals een spatie zonder breedte): schrijf een tekst die te lezen is", field: field)
        }
        try dossier.apply(.moveActivity("a", status: .inAfweging, reason: "", overrideReason: nil), context: Fixtures.context)
        let approve = Change.moveActivity("a", status: .goedgekeurd, reason: "", overrideReason: nil, decision: invisible)
        #expect(throws: refusal("wie besloot", "decision")) { try dossier.apply(approve, context: Fixtures.context) }
        let overruled = Change.moveActivity("a", status: .goedgekeurd, reason: "", overrideReason: invisible, decision: "Besluit B&W 1-12-2026")
        #expect(throws: refusal("de reden om af te wijken", "overrideReason")) { try dossier.apply(overruled, context: Fixtures.context) }
        let laagPitje = Change.setRelationStatus("taizhou", status: .laagPitje, reason: invisible, reviewDate: Fixtures.date("2027-06-01"), seen: nil)
        #expect(throws: refusal("de reden", "reason")) { try dossier.apply(laagPitje, context: Fixtures.context) }
        let added = Activity(id: "b", title: "Proef twee", kind: .beurs, status: .geannuleerd,
                             statusHistory: [StatusChange(date: Fixtures.date("2026-01-01"), from: nil, to: .geannuleerd, reason: invisible, by: "")])
        #expect(throws: refusal("de reden", "reason")) { try dossier.apply(.addActivity(added), context: Fixtures.context) }
        // Readable text with such a character in it is text.
        try dossier.apply(.moveActivity("a", status: .geannuleerd, reason: "Partner\u{200B} zegt af", overrideReason: nil), context: Fixtures.context)
        #expect(dossier.activity("a")?.status == .geannuleerd)
    }

    @Test("approving against a negative verdict needs an override reason, which is recorded")
    func approvingAgainstNegativeVerdict() throws {
        var dossier = Fixtures.smallDossier()
        let negative = Assessment(timestamp: Fixtures.now, by: "tester", answers: AssessmentAnswers(), verdict: .negatief,
                                  reasons: [VerdictReason(rule: "laag-pitje", effect: .negatief, text: "test")], missing: [])
        try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs, status: .inAfweging, assessments: [negative])),
                          context: Fixtures.context)
        #expect(throws: ChangeError.self) {
            try dossier.apply(.moveActivity("a", status: .goedgekeurd, reason: "", overrideReason: "  ", decision: "Besluit B&W 3-2-2026"),
                              context: Fixtures.context)
        }
        try dossier.apply(.moveActivity("a", status: .goedgekeurd, reason: "", overrideReason: "zorgen weggenomen", decision: "Besluit B&W 3-2-2026"),
                          context: Fixtures.context)
        #expect(dossier.activity("a")?.statusHistory.last?.overrideReason == "zorgen weggenomen")
        #expect(dossier.activity("a")?.statusHistory.last?.decision == "Besluit B&W 3-2-2026")
    }

    @Test("approving weighs the cost against what its budget line has left in its year: over it asks a reason, also after a positive weighing; not on replay, nor for an import's rows")
    func approvingOverBudget() throws {
        var dossier = Fixtures.smallDossier()
        let positive = Assessment(timestamp: Fixtures.now, by: "tester", answers: AssessmentAnswers(), verdict: .positief, reasons: [], missing: [])
        // € 16.000 a year; approved in 2027 already: the Lyon mission's € 2.500.
        let beurs = Activity(id: "beurs", title: "Beurs Düsseldorf", kind: .beurs, status: .inAfweging, startDate: Fixtures.date("2027-10-12"),
                             budgetLine: "internationalisering", estimatedCost: Money(euros: 14_000), assessments: [positive])
        try dossier.apply(.addActivity(beurs), context: Fixtures.context)
        let approve = Change.moveActivity("beurs", status: .goedgekeurd, reason: "", overrideReason: nil, decision: "Besluit B&W 8-12-2026")
        do {
            try dossier.apply(approve, context: Fixtures.context)
            Issue.record("approved over the budget without a reason")
        } catch {
            #expect(error.field == "overrideReason")
            #expect(error.message == "'Beurs Düsseldorf' past niet in het budget (€ 14.000,00 past niet binnen Budget internationalisering 2027: van € 16.000,00 "
                    + "is na goedgekeurde, geplande en uitgevoerde activiteiten nog € 13.500,00 over): goedkeuren vraagt een expliciete reden om daarvan af te wijken")
        }
        // Weighed negative as well: the refusal says both, so that the reason given knows what the budget has left.
        var weighedNegative = dossier
        let negative = Assessment(timestamp: Fixtures.now, by: "tester", answers: AssessmentAnswers(), verdict: .negatief, reasons: [], missing: [])
        try weighedNegative.apply(.recordAssessment("beurs", negative), context: Fixtures.context)
        #expect(weighedNegative.whyApprovalNeedsOverride(try #require(weighedNegative.activity("beurs")), weighingBudget: true)
                    == "de laatste afweging van 'Beurs Düsseldorf' is negatief, en de activiteit past niet in het budget (€ 14.000,00 past niet binnen "
                    + "Budget internationalisering 2027: van € 16.000,00 is na goedgekeurde, geplande en uitgevoerde activiteiten nog € 13.500,00 over)")
        // What fits is approved as before.
        var cheaper = dossier
        try cheaper.apply(.editActivity("beurs", [FieldEdit(field: "estimatedCostCents", old: .number(1_400_000), new: .number(1_350_000))]), context: Fixtures.context)
        try cheaper.apply(approve, context: Fixtures.context)
        #expect(cheaper.activity("beurs")?.status == .goedgekeurd)
        // Over it, with a reason; then the line is overspent, which the next one is told in those words.
        var replay = Fixtures.context
        replay.isReplay = true
        var replayed = dossier
        try replayed.apply(approve, context: replay)
        #expect(replayed.activity("beurs")?.status == .goedgekeurd, "the journal holds what was accepted then")
        try dossier.apply(.moveActivity("beurs", status: .goedgekeurd, reason: "", overrideReason: "Eenmalige kans", decision: "Besluit B&W 8-12-2026"),
                          context: Fixtures.context)
        let next = Activity(id: "reis", title: "Reis", kind: .beurs, status: .goedgekeurd, startDate: Fixtures.date("2027-11-01"),
                            budgetLine: "internationalisering", estimatedCost: Money(euros: 100),
                            statusHistory: [StatusChange(date: Fixtures.date("2026-12-01"), from: nil, to: .goedgekeurd, reason: "", by: "", decision: "Mandaat")])
        var added = dossier
        do {
            try added.apply(.addActivity(next), context: Fixtures.context)
            Issue.record("added approved over the budget without a reason")
        } catch {
            #expect(error.message.contains("de € 16.000,00 is met goedgekeurde, geplande en uitgevoerde activiteiten al met € 500,00 overschreden"), "\(error.message)")
        }
        #expect(throws: ChangeError.self, "a batch of changes is weighed step by step") {
            try added.apply(.batch([.addActivity(next)], label: "Reeks"), context: Fixtures.context)
        }
        var importing = Fixtures.context
        importing.isImport = true
        try added.apply(.batch([.addActivity(next)], label: "Import uit activiteiten.csv"), context: importing)
        #expect(added.activity("reis") != nil, "an import's rows are weighed by the import, with one ledger")
    }

    @Test("approving records who decided; without it nothing changes")
    func approvalNeedsDecision() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs, status: .inAfweging)), context: Fixtures.context)
        let before = dossier
        for decision in [nil, "", "   "] as [String?] {
            do {
                try dossier.apply(.moveActivity("a", status: .goedgekeurd, reason: "past in het Kader", overrideReason: nil, decision: decision),
                                  context: Fixtures.context)
                Issue.record("approved without who decided")
            } catch {
                #expect(error.field == "decision")
                #expect(error.message.contains("goedkeuren legt vast wie besloot: een besluit van B&W of een mandaat"))
            }
        }
        #expect(dossier == before)
        #expect(throws: ChangeError.self) {
            try dossier.apply(.addActivity(Activity(id: "b", title: "Al goedgekeurd", kind: .beurs, status: .goedgekeurd)), context: Fixtures.context)
        }
        try dossier.apply(.moveActivity("a", status: .goedgekeurd, reason: "past in het Kader", overrideReason: nil, decision: " mandaat wethouder "),
                          context: Fixtures.context)
        #expect(dossier.activity("a")?.statusHistory.last?.decision == "mandaat wethouder")
        #expect(dossier.activity("a")?.statusHistory.last?.reason == "past in het Kader")
    }

    @Test("nothing is carried out before its start date; moving there keeps the actual cost given")
    func notCarriedOutEarly() throws {
        var dossier = Fixtures.smallDossier()
        let before = dossier
        do {
            try dossier.apply(.moveActivity("missie-lyon", status: .uitgevoerd, reason: "", overrideReason: nil, actualCost: Money(euros: 2_400)),
                              context: Fixtures.context)
            Issue.record("carried out before 2027-03-10")
        } catch {
            #expect(error.message == "'Handelsmissie Lyon' begint pas op 10-3-2027; een activiteit is op zijn vroegst op haar begindatum uitgevoerd")
            #expect(error.field == "startDate")
        }
        #expect(dossier == before)
        #expect(throws: ChangeError.self) {
            try dossier.apply(.addActivity(Activity(id: "toekomst", title: "Toekomst", kind: .beurs, status: .uitgevoerd,
                                                    startDate: Fixtures.date("2027-01-01"))), context: Fixtures.context)
        }
        var planned = try #require(dossier.activity("missie-lyon"))
        planned.startDate = Fixtures.date("2026-11-20")
        try dossier.apply(.updateActivity(planned), context: Fixtures.context)
        try dossier.apply(.moveActivity("missie-lyon", status: .uitgevoerd, reason: "gehouden", overrideReason: nil, actualCost: Money(euros: 2_400)),
                          context: Fixtures.context)
        #expect(dossier.activity("missie-lyon")?.actualCost == Money(euros: 2_400))
        var moved = try #require(dossier.activity("missie-lyon"))
        moved.startDate = Fixtures.date("2027-03-10")
        #expect(throws: ChangeError.self, "an activity carried out cannot be moved into the future") {
            try dossier.apply(.updateActivity(moved), context: Fixtures.context)
        }
        let carriedOut = try #require(dossier.activity("missie-lyon"))
        let edit = try #require(Activity.fields.edit("startDate", to: .text("2027-03-10"), in: carriedOut))
        #expect(throws: ChangeError.self, "nor by a field edit") {
            try dossier.apply(.editActivity("missie-lyon", [edit]), context: Fixtures.context)
        }
    }

    @Test("a journal line of format 1 is replayed as it was made: an approval without who decided still applies")
    func formatOneReplay() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs, status: .inAfweging)), context: Fixtures.context)
        var old = Fixtures.context
        old.formatVersion = 1
        try dossier.apply(.moveActivity("a", status: .goedgekeurd, reason: "", overrideReason: nil), context: old)
        #expect(dossier.activity("a")?.status == .goedgekeurd)
    }
}
