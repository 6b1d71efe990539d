@testable import DossierCore
import DossierTestSupport
import Testing

/// The agenda (everything dated, overdue first), the one focus per activity, the Dutch calendar helpers and
/// the report's pieces that are not visible from the command line.
@Suite("Agenda, focus of the Kader and the report's pieces")
struct AgendaAndReportTests {
    let today = Fixtures.date("2026-11-22")

    @Test("the agenda holds activities and visits (start–end), open follow-up deadlines and review dates, by date")
    func agendaEntries() {
        let dossier = Fixtures.smallDossier()
        let agenda = Agenda(dossier)
        let kinds = agenda.entries.map { "\($0.kind.name) \($0.start.iso)" }
        // The done follow-up without a date is not there; the open one of 1 July 2026 is.
        #expect(kinds == ["bezoek 2026-06-12", "vervolgactie 2026-07-01", "activiteit 2027-03-10", "herijking 2030-12-31"])
        #expect(agenda.entries.map { $0.title(in: dossier) } == ["Delegatie uit Lyon", "Verslag naar de wethouder", "Handelsmissie Lyon",
                                                                 "Herijking Taizhou (laag pitje)"])
    }

    @Test("from today on: overdue deadlines first, then what comes; backwards on request; past activities are not overdue")
    func agendaWindow() {
        let agenda = Agenda(Fixtures.smallDossier())
        let ahead = agenda.window(from: today, to: nil, today: today)
        #expect(ahead.map(\.kind) == [.followUp, .activity, .review])
        #expect(ahead[0].isOverdue(on: today) && !ahead[1].isOverdue(on: today))
        let spring2027 = agenda.window(from: Fixtures.date("2027-01-01"), to: Fixtures.date("2027-06-30"), today: today)
        #expect(spring2027.map(\.kind) == [.activity], "a period without today leaves out what is overdue elsewhere")
        let backwards = agenda.window(from: Fixtures.date("2026-01-01"), to: today, today: today)
        #expect(backwards.map(\.kind) == [.followUp, .visit], "the overdue follow-up first, then the visit of June")
        #expect(!backwards[1].isOverdue(on: today))
    }

    @Test("an activity of several days is on the agenda on each of its days")
    func multiDay() throws {
        var dossier = Fixtures.smallDossier()
        let visit = Activity(id: "missie", title: "Missie", kind: .delegatiebezoek, status: .gepland, startDate: Fixtures.date("2026-11-20"),
                             endDate: Fixtures.date("2026-11-24"), visit: VisitDetails(direction: .uitgaand, delegationFrom: "Hamburg"),
                             statusHistory: Fixtures.approved(.gepland))
        _ = try dossier.apply(.addActivity(visit), context: Fixtures.context)
        let window = Agenda(dossier).window(from: today, to: today, today: today)
        #expect(window.contains { $0.kind == .visit && $0.dateText(.standard) == "vr 20-11-2026 t/m di 24-11-2026" })
    }

    @Test("an activity over and not carried out is overdue, and a signal dated by its last day, until what became of it is recorded")
    func outcomeDue() throws {
        var dossier = Fixtures.smallDossier()
        func activity(_ id: String, _ status: ActivityStatus, _ start: String, _ end: String? = nil) -> Activity {
            Activity(id: id, title: id.capitalized, kind: .beurs, status: status, startDate: Fixtures.date(start), endDate: end.map(Fixtures.date),
                     statusHistory: status.isUpcoming ? Fixtures.approved(status) : [])
        }
        for added in [activity("beurs", .gepland, "2026-11-18", "2026-11-20"), activity("missie", .goedgekeurd, "2026-10-01"),
                      activity("lopend", .gepland, "2026-11-20", "2026-11-22"), activity("idee", .idee, "2026-10-01"),
                      activity("morgen", .gepland, "2026-11-23")] {
            _ = try dossier.apply(.addActivity(added), context: Fixtures.context)
        }
        let window = Agenda(dossier).window(from: today, to: nil, today: today)
        #expect(window.filter { $0.isOverdue(on: today) && $0.kind != .followUp }.map { $0.subjectID(in: dossier) } == ["missie", "idee", "beurs"])
        #expect(window.filter { !$0.isOverdue(on: today) }.map { $0.subjectID(in: dossier) }.prefix(2) == ["lopend", "morgen"],
                "under way today, or to come: not overdue")
        let signals = Reminder.all(in: dossier, today: today, within: 0)
        let outcomes = signals.filter { if case .outcome = $0.subject { true } else { false } }
        #expect(outcomes.map(\.subjectID) == ["missie", "idee", "beurs"], "one under way till today and one tomorrow are not")
        #expect(outcomes.map(\.date) == [Fixtures.date("2026-10-01"), Fixtures.date("2026-10-01"), Fixtures.date("2026-11-20")], "by the last day")
        #expect(outcomes.map(\.title) == ["Afloop vastleggen (goedgekeurd)", "Datum voorbij (idee)", "Afloop vastleggen (gepland)"])
        #expect(outcomes.allSatisfy { $0.isOverdue(on: today) })
        #expect(ListIndex(dossier: dossier).reminderCount(today: today, within: 0) == signals.count)

        // Carried out: no longer asked for; the signals made anew for it alone are those of a full pass.
        _ = try dossier.apply(.moveActivity("beurs", status: .uitgevoerd, reason: "", overrideReason: nil), context: Fixtures.context)
        let updated = Reminder.updating(signals, relations: [], activities: ["beurs"], in: dossier, today: today, within: 0)
        #expect(updated == Reminder.all(in: dossier, today: today, within: 0))
        #expect(!updated.contains { $0.subjectID == "beurs" })
        #expect(!Agenda(dossier).window(from: today, to: nil, today: today).contains { $0.subjectID(in: dossier) == "beurs" && $0.isOverdue(on: today) })
        // The day after "lopend" ends, it asks too.
        let later = Fixtures.date("2026-11-23")
        #expect(Reminder.all(in: dossier, today: later, within: 0).contains { $0.subject == .outcome("lopend") })
        #expect(ListIndex(dossier: dossier).reminderCount(today: later, within: 0) == Reminder.all(in: dossier, today: later, within: 0).count)
    }

    @Test("the agenda's lines: overdue under one heading, the rest under month and ISO week")
    func agendaLines() {
        let dossier = Fixtures.smallDossier()
        let lines = AgendaLine.lines(Agenda(dossier).window(from: today, to: nil, today: today), today: today)
        #expect(lines.compactMap(\.heading) == ["Verlopen", "Maart 2027", "week 10 · 8 mrt – 14 mrt", "December 2030", "week 1 van 2031 · 30 dec – 5 jan"])
    }

    @Test("ISO weeks, weekdays and quarters as a Dutch agenda has them")
    func calendarHelpers() {
        #expect(Fixtures.date("2024-12-30").isoWeek == (2025, 1))
        #expect(Fixtures.date("2027-01-03").isoWeek == (2026, 53))
        #expect(Fixtures.date("2026-11-22").isoWeek == (2026, 47))
        #expect(Fixtures.date("2026-11-22").weekdayAbbreviation == "zo")
        #expect(Fixtures.date("2026-11-23").startOfWeek == Fixtures.date("2026-11-23"))
        #expect(Fixtures.date("2026-11-22").startOfWeek == Fixtures.date("2026-11-16"))
        #expect(Fixtures.date("2026-12-31").startOfNextMonth == Fixtures.date("2027-01-01"))
        #expect(Fixtures.date("2026-09-14").quarter == 3)
        #expect(Fixtures.date("2026-03-12").monthAndYear == "maart 2026")
    }

    @Test("each activity has one focus of the Kader, from the assessment's facts", arguments: [
        ("campusbeurs-han", KaderFocus.farma), ("internationaal-talent-met-pharma-delta", .farma),
        ("deelname-unesco-learning-cities", .learningCities),
        // Joining NL in Business's missions, without a destination yet: not within Europe by default, as the weighing reads it.
        ("aanhaken-bij-handelsmissies-nl-in-business", .outsideFocus),
    ])
    func focusOfBundled(id: String, focus: KaderFocus) throws {
        let dossier = try DossierFile.decode(BundledDossier.bytes, file: "bundled")
        let activity = try #require(dossier.activity(id))
        #expect(Assessor.focus(of: activity, in: dossier) == focus)
    }

    @Test("laag pitje puts an activity outside the focus; Agrifood Capital within Europe is a partnership; the Global Goals line is its own")
    func focusRules() {
        let dossier = Fixtures.smallDossier()
        func focus(_ activity: Activity) -> KaderFocus { Assessor.focus(of: activity, in: dossier) }
        #expect(focus(Activity(id: "a", title: "Farma in Taizhou", kind: .handelsmissie, relations: ["taizhou"], sectors: [.farma])) == .outsideFocus)
        #expect(focus(Activity(id: "b", title: "Agrifood", kind: .beurs, countries: Fixtures.countries("DE"), sectors: [.agrifood])) == .partnerships)
        #expect(focus(Activity(id: "c", title: "Agrifood in Brazilië", kind: .beurs, countries: Fixtures.countries("BR"), sectors: [.agrifood])) == .outsideFocus)
        #expect(focus(Activity(id: "d", title: "Goals", kind: .kennisuitwisseling, budgetLine: "global-goals-platform-oss")) == .globalGoals)
        #expect(focus(Activity(id: "e", title: "Missie Lyon", kind: .handelsmissie, relations: ["rhone-alpes"], organiser: .relation("bom"),
                               sectors: [.farma])) == .farma)
        // A partner's mission is a partner mission within Europe; outside it, about anything but farma, outside the focus.
        #expect(focus(Activity(id: "f", title: "Logistiek Hamburg", kind: .handelsmissie, organiser: .relation("bom"), countries: Fixtures.countries("DE"),
                               sectors: [.logistiek])) == .partnerMissions)
        #expect(focus(Activity(id: "g", title: "Agrifood Brazilië", kind: .handelsmissie, organiser: .relation("bom"), countries: Fixtures.countries("BR"),
                               sectors: [.logistiek])) == .outsideFocus)
        // The focus network outside Europe: in the focus on its subject only.
        #expect(focus(Activity(id: "h", title: "Learning City Curitiba", kind: .conferentie, relations: ["unesco-learning-cities"],
                               countries: Fixtures.countries("BR"), sectors: [.onderwijs])) == .learningCities)
        #expect(focus(Activity(id: "i", title: "Logistiek Curitiba", kind: .conferentie, relations: ["unesco-learning-cities"],
                               countries: Fixtures.countries("BR"), sectors: [.logistiek])) == .outsideFocus)
        // An incoming delegation without a country is not within Europe by default (its relations are its hosts here), as
        // the weighing reads it: a partner's delegation about logistics is then no partner mission; from Germany it is.
        let delegation = Activity(id: "j", title: "Delegatie logistiek", kind: .delegatiebezoek, organiser: .relation("bom"),
                                  sectors: [.logistiek], visit: VisitDetails(direction: .inkomend, delegationFrom: "Delegatie"))
        #expect(focus(delegation) == .outsideFocus)
        var fromGermany = delegation
        fromGermany.countries = Fixtures.countries("DE")
        #expect(focus(fromGermany) == .partnerMissions)
        var farma = delegation
        farma.sectors = [.farma]
        #expect(focus(farma) == .farma, "farma is in the focus wherever the delegation comes from")
    }

    @Test("the deciding reason of a positive weighing is about the content; the budget only when nothing else is")
    func decidingReason() {
        let budget = VerdictReason(rule: "budget", effect: .positief, text: "€ 2.500,00 past binnen Budget internationalisering 2026")
        let content = VerdictReason(rule: "buiten-europa", effect: .positief, text: "Buiten Europa: farma")
        let doubt = VerdictReason(rule: "behapbaar", effect: .naderBekijken, text: "Behapbaar: nog onbekend")
        func assessment(_ reasons: [VerdictReason]) -> Assessment {
            let result = AssessmentResult(reasons: reasons, missing: [])
            return result.recorded(answers: AssessmentAnswers(), by: "tester", at: Fixtures.now)
        }
        #expect(assessment([budget, content]).decidingReason == content)
        #expect(assessment([budget]).decidingReason == budget)
        #expect(assessment([budget, content, doubt]).decidingReason == doubt)
    }

    @Test("a chart's axis steps are round, in whole euros for money; the SVG is the same every time")
    func chartSteps() {
        #expect(SVGChart.niceStep(1_600_000, unit: .money) == 500_000)
        #expect(SVGChart.niceStep(6, unit: .count) == 1)
        #expect(SVGChart.niceStep(20, unit: .count) == 5)
        #expect(SVGChart.niceStep(1, unit: .count) == 1)
        #expect(SVGChart.niceStep(150, unit: .money) == 100)
        let chart = ReportChart(number: 1, title: "T <&>", layout: .grouped, unit: .count, categories: ["K1", "K2"],
                                series: [.init(name: "In", values: [1, 0]), .init(name: "Uit", values: [0, 2])], reference: nil,
                                textAlternative: "tekst", tableHeadings: [], tableRows: [], numericColumns: [])
        let svg = SVGChart.render(chart)
        #expect(svg == SVGChart.render(chart))
        #expect(svg.contains("<title id=\"figuur-1-titel\">T &lt;&amp;&gt;</title>"))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 2 + 2, "two legend boxes and the two bars above zero")
    }

    @Test("a year without data: no entries, hasData false; a year of the Kader without dated activities still lists the ongoing ones")
    func emptyYear() throws {
        let bundled = try DossierFile.decode(BundledDossier.bytes, file: "bundled")
        #expect(!YearReport(dossier: bundled, year: 2040, today: today).hasData)
        let year = YearReport(dossier: bundled, year: 2027, today: today)
        #expect(year.hasData)
        #expect(year.entries.count == 5 && year.entries.allSatisfy(\.isOngoing))
    }

    @Test("the report's relations by status: as they stood at the end of a past year; laag pitje since the decision, a review added")
    func relationsAsTheyStood() throws {
        var dossier = Fixtures.smallDossier()
        let context = ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: today)
        try dossier.apply(.setRelationStatus("taizhou", status: .laagPitje, reason: "Herijking: blijft op een laag pitje",
                                             reviewDate: Fixtures.date("2029-01-01"), seen: .laagPitje), context: context)
        try dossier.apply(.setRelationStatus("rhone-alpes", status: .focus, reason: "Kansen farma", reviewDate: nil, seen: .verkennen), context: context)
        try dossier.apply(.addRelation(Relation(id: "nieuw", name: "Nieuw", kind: .regio, status: .verkennen)), context: context)

        func names(_ report: YearReport, _ status: RelationStatus) -> [String] {
            report.relationsByStatus.first { $0.status == status }?.relations.map(\.name) ?? []
        }
        let past = YearReport(dossier: dossier, year: 2025, today: today)
        #expect(past.statusDate == Fixtures.date("2025-12-31"))
        #expect(names(past, .focus) == ["Pivot Park", "UNESCO Learning Cities"], "Rhône-Alpes went to focus in 2026")
        #expect(names(past, .verkennen) == ["Rhône-Alpes"], "Nieuw was added in 2026")
        #expect(past.relationsByStatus.flatMap(\.relations).first { $0.id == "taizhou" }?.reviewDate == Fixtures.date("2030-12-31"))
        let now = YearReport(dossier: dossier, year: 2026, today: today)
        #expect(now.statusDate == today && names(now, .focus).contains("Rhône-Alpes") && names(now, .verkennen).contains("Nieuw"))

        let markdown = MarkdownReport.render(now)
        #expect(markdown.contains("### Bijlage A. Relaties naar status op 22-11-2026 (6)"))
        #expect(markdown.contains("| Taizhou | China | 1-1-2029 | 1-1-2025, College van B&W | Kader Internationalisering 2025-2030 "
                                  + "(herijkt op 22-11-2026: Herijking: blijft op een laag pitje) |"), "\(markdown)")
        #expect(MarkdownReport.render(past).contains("| Taizhou | China | 31-12-2030 | 1-1-2025, College van B&W | Kader Internationalisering 2025-2030 |"))
    }

    @Test("the budget chart draws a year with an amount of its own against that amount: a bar over it shows as over, though under the yearly line")
    func chartMarksOwnYearAmounts() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.setBudgetAmount("internationalisering", year: 2027, amount: Money(cents: 1_200_050), decision: "Voorjaarsnota 2027"),
                          context: ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: today))
        let html = HTMLReport.render(YearReport(dossier: dossier, year: 2026, today: today))
        #expect(html.contains("<title>2027: budget €&#160;12.000,50</title></line>"), "a mark across the 2027 bar")
        #expect(html.contains(">budget €&#160;12.000,50</text>"))
        #expect(!html.contains("<title>2026: budget"), "a year at the yearly amount has only the line")
    }

    @Test("an activity's costs in the report: what was spent before it took place is said with whether the budget counts it; what one called off cost all the same is counted")
    func actualCostsNotYetCounted() throws {
        let small = Fixtures.smallDossier()
        var activities = small.activities
        let lyon = try #require(activities.firstIndex { $0.id == "missie-lyon" })
        activities[lyon].startDate = Fixtures.date("2026-10-10")
        activities[lyon].actualCost = Money(cents: 260_040)
        func costs() -> String? {
            let dossier = Dossier(title: small.title, framework: small.framework, budgetLines: small.budgetLines, relations: small.relations,
                                  activities: activities)
            return MarkdownReport.render(YearReport(dossier: dossier, year: 2026, today: today)).split(separator: "\n")
                .first { $0.hasPrefix("- **Kosten:**") && $0.contains("€ 2.500,00") }.map(String.init)
        }
        #expect(costs() == "- **Kosten:** € 2.500,00 geraamd, € 2.600,40 werkelijk (telt mee zodra de activiteit is uitgevoerd), Budget internationalisering")
        activities[lyon].status = .geannuleerd
        activities[lyon].actualCost = Money(cents: 25_000)
        #expect(costs() == "- **Kosten:** € 250,00 toch betaald na annulering (geraamd € 2.500,00), Budget internationalisering")
        activities[lyon].status = .afgewezen
        #expect(costs() == "- **Kosten:** € 2.500,00 geraamd, € 250,00 werkelijk (telt niet mee in het budget), Budget internationalisering")
    }

    @Test("the summary says the relations' status changes in one line, per relation its steps; appendix A lists each with date, review date and reason")
    func statusChangesInOneLine() throws {
        var dossier = Fixtures.smallDossier()
        let context = ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: today)
        try dossier.apply(.setRelationStatus("taizhou", status: .laagPitje, reason: "Herijking: blijft op een laag pitje",
                                             reviewDate: Fixtures.date("2029-01-01"), seen: .laagPitje), context: context)
        try dossier.apply(.setRelationStatus("rhone-alpes", status: .focus, reason: "Kansen farma", reviewDate: nil, seen: .verkennen), context: context)
        try dossier.apply(.setRelationStatus("bom", status: .laagPitje, reason: "Geen vraag", reviewDate: Fixtures.date("2027-06-01"), seen: .actief),
                          context: context)
        try dossier.apply(.setRelationStatus("bom", status: .actief, reason: "Weer vraag", reviewDate: nil, seen: .laagPitje), context: context)
        let markdown = MarkdownReport.render(YearReport(dossier: dossier, year: 2026, today: today))
        #expect(markdown.contains("- 3 statuswijzigingen en 1 herijking van relaties in 2026 (met datum en reden in bijlage A): BOM: Actief → Laag pitje → "
                                  + "Actief; Rhône-Alpes: Verkennen → Focus; Taizhou: herijkt, blijft op een laag pitje.\n"), "\(markdown)")
        #expect(markdown.contains("#### Statuswijzigingen en herijkingen in 2026 (4)"))
        #expect(markdown.contains("| BOM | Actief → Laag pitje | 22-11-2026 | 1-6-2027 | Geen vraag |"), "\(markdown)")
        #expect(markdown.contains("| Taizhou | herijkt, blijft op een laag pitje | 22-11-2026 | 1-1-2029 | Herijking: blijft op een laag pitje |"))
        // Many relations: the first five by name in the summary, the rest counted.
        for relation in dossier.relations {
            try dossier.apply(.setRelationStatus(relation.id, status: .genoemd, reason: "Stil", reviewDate: nil, seen: relation.status), context: context)
        }
        try dossier.apply(.addRelation(Relation(id: "zesde", name: "Zesde", kind: .regio, status: .verkennen)), context: context)
        try dossier.apply(.setRelationStatus("zesde", status: .actief, reason: "Start", reviewDate: nil, seen: .verkennen), context: context)
        let many = MarkdownReport.render(YearReport(dossier: dossier, year: 2026, today: today))
        #expect(many.contains(" en nog 1 relatie.\n"), "\(many)")
        // Reviews on the status they kept, counted; only reviews said as such.
        func change(_ from: RelationStatus, _ to: RelationStatus, review: Bool = false) -> StatusChange<RelationStatus> {
            StatusChange(date: today, from: from, to: to, reason: review ? "Herijking" : "r", by: "a", reviewDate: to == .laagPitje ? today : nil)
        }
        #expect(ReportWriter.statusChain([change(.verkennen, .laagPitje), change(.laagPitje, .laagPitje, review: true),
                                            change(.laagPitje, .laagPitje, review: true), change(.laagPitje, .actief)])
                    == "Verkennen → Laag pitje (2× herijkt) → Actief")
        #expect(ReportWriter.statusChain([change(.laagPitje, .laagPitje, review: true), change(.laagPitje, .actief)]) == "Laag pitje (herijkt) → Actief")
        #expect(ReportWriter.statusChain([change(.laagPitje, .laagPitje, review: true), change(.laagPitje, .laagPitje, review: true)])
                    == "herijkt (2×), blijft op een laag pitje")
    }

    @Test("the report of the year just ended, made in January: a to-do due since 31 December is overdue in 'Wat komt', first, as in the activity's own pages")
    func comingOfLastYearOverdueNow() throws {
        var dossier = Fixtures.smallDossier()
        let context = ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: today)
        try dossier.apply(.addFollowUp("missie-lyon", FollowUp(text: "Bedankbrief", due: Fixtures.date("2027-01-04"))), context: context)
        let report = YearReport(dossier: dossier, year: 2026, today: Fixtures.date("2027-01-08"))
        let letter = try #require(report.coming.first { $0.title.hasPrefix("Bedankbrief") })
        #expect(letter.isOverdue, "due 4-1, the report is made on 8-1")
        let titles = report.coming.map(\.title)
        #expect((titles.firstIndex { $0.hasPrefix("Bedankbrief") } ?? 99) < (titles.firstIndex(of: "Handelsmissie Lyon") ?? 0), "what is overdue first: \(titles)")
        #expect(MarkdownReport.render(report).contains("4-1-2027 (verlopen): Bedankbrief"), "\(MarkdownReport.render(report))")
    }

    @Test("'Wat komt' leaves out the to-dos of a mission called off; the agenda (and so the signals) keep them, to tick off")
    func comingWithoutCalledOff() throws {
        var dossier = Fixtures.smallDossier()
        let context = ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: today)
        try dossier.apply(.addFollowUp("missie-lyon", FollowUp(text: "Hotel boeken", due: Fixtures.date("2027-02-01"))), context: context)
        func coming() -> [String] { YearReport(dossier: dossier, year: 2026, today: today).coming.map(\.title) }
        #expect(coming().contains { $0.hasPrefix("Hotel boeken") }, "\(coming())")
        try dossier.apply(.moveActivity("missie-lyon", status: .geannuleerd, reason: "gaat niet door", overrideReason: nil), context: context)
        #expect(!coming().contains { $0.hasPrefix("Hotel boeken") }, "\(coming())")
        #expect(Agenda(dossier).window(from: today, to: today.adding(years: 1), today: today).contains { $0.kind == .followUp && $0.position == dossier.activityPosition("missie-lyon") })
    }

    @Test("a past year's activities keep the focus they had then: a relation put on laag pitje since does not move them out")
    func focusAsItWas() throws {
        var dossier = Fixtures.smallDossier()
        let context = ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: today)
        try dossier.apply(.addActivity(Activity(id: "werkbezoek-lyon", title: "Werkbezoek Lyon", kind: .kennisuitwisseling,
                                                status: .uitgevoerd, relations: ["rhone-alpes"], startDate: Fixtures.date("2025-03-10"),
                                                sectors: [.farma])), context: context)
        func focus(_ year: Int) -> KaderFocus? { YearReport(dossier: dossier, year: year, today: today).entries.first { $0.activity.id == "werkbezoek-lyon" }?.focus }
        #expect(focus(2025) == .farma)
        try dossier.apply(.setRelationStatus("rhone-alpes", status: .laagPitje, reason: "Geen middelen", reviewDate: Fixtures.date("2028-01-01"),
                                             seen: .verkennen), context: context)
        #expect(focus(2025) == .farma, "Rhône-Alpes was put on laag pitje in 2026")
        #expect(Assessor.focus(of: dossier.activity("werkbezoek-lyon")!, in: dossier) == .farma, "weighed now, by the relation on its day")
        var again = try #require(dossier.activity("werkbezoek-lyon"))
        again.startDate = Fixtures.date("2027-03-10")
        #expect(Assessor.focus(of: again, in: dossier) == .outsideFocus, "one still ahead is outside the focus")
        let past = MarkdownReport.render(YearReport(dossier: dossier, year: 2025, today: today))
        #expect(past.contains("Nog te ontwikkelen volgens het Kader (stand op 22-11-2026)"), "what the Kader awaits, with the day it speaks of")
    }

    @Test("the summary says a contribution line is overspent, as the budget table does")
    func contributionOverspent() throws {
        var dossier = Fixtures.smallDossier()
        let context = ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: today)
        try dossier.apply(.addActivity(Activity(id: "platformdag", title: "Platformdag", kind: .overig, status: .uitgevoerd,
                                                startDate: Fixtures.date("2026-05-01"), budgetLine: "global-goals-platform-oss",
                                                estimatedCost: Money(euros: 12_000), actualCost: Money(euros: 12_000))), context: context)
        let markdown = MarkdownReport.render(YearReport(dossier: dossier, year: 2026, today: today))
        #expect(markdown.contains("Bijdrage Global Goals Platform Oss: € 11.459,00, apart van het budget internationalisering; "
                                  + "daarop geboekt: € 12.000,00 — overschreden met € 541,00."), "\(markdown)")
        #expect(markdown.contains("Ten laste van een budgetregel zonder vastgelegd besluit over de goedkeuring: Platformdag (€ 12.000,00); "
                                  + "Delegatie uit Lyon (€ 450,50)."),
                "added as carried out, it was never approved")
    }

    @Test("the summary names the activities the college made an exception to a laag pitje for, with its decision")
    func exceptionsNamed() throws {
        var dossier = Fixtures.smallDossier()
        let context = ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: today)
        let activity = Activity(id: "handelsdag-taizhou", title: "Handelsdag Taizhou", kind: .handelsmissie, status: .inAfweging,
                                relations: ["taizhou"], startDate: Fixtures.date("2026-10-01"))
        try dossier.apply(.addActivity(activity), context: context)
        var answers = AssessmentAnswers(exceptionDecision: "Besluit B&W 1 september 2026")
        answers.set(.inhoudelijkeLink, .ja)
        let result = Assessor.assess(activity, answers: answers, in: dossier)
        try dossier.apply(.recordAssessment(activity.id, Assessment(timestamp: Fixtures.now, by: "adviseur", answers: answers, verdict: result.verdict,
                                                                     reasons: result.reasons, missing: result.missing)), context: context)
        let markdown = MarkdownReport.render(YearReport(dossier: dossier, year: 2026, today: today))
        #expect(markdown.contains("Met een uitzondering van het college op een laag pitje: Handelsdag Taizhou (Besluit B&W 1 september 2026)."), "\(markdown)")
        #expect(!MarkdownReport.render(YearReport(dossier: Fixtures.smallDossier(), year: 2026, today: today)).contains("uitzondering van het college"))
    }

    @Test("an activity in the report names its bestuurders and its entrepreneurs with their companies; economic ones without entrepreneurs are named")
    func participantsInReport() throws {
        var dossier = Fixtures.smallDossier()
        let context = ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: today)
        try dossier.apply(.addActivity(Activity(id: "beurs-cphi", title: "Beurs CPHI", kind: .beurs, status: .idee, startDate: Fixtures.date("2026-10-01"),
                                                participants: [Participant(name: "Frank den Brok", role: .bestuurder),
                                                               Participant(name: "Jan Jansen", role: .ondernemer, organisation: "Osse Farma BV")])),
                          context: context)
        try dossier.apply(.addActivity(Activity(id: "missie-india", title: "Missie India", kind: .handelsmissie, status: .idee,
                                                startDate: Fixtures.date("2026-09-01"))), context: context)
        try dossier.apply(.addActivity(Activity(id: "missie-japan", title: "Missie Japan", kind: .handelsmissie, status: .goedgekeurd,
                                                startDate: Fixtures.date("2026-10-01"), statusHistory: Fixtures.approved())), context: context)
        let markdown = MarkdownReport.render(YearReport(dossier: dossier, year: 2026, today: today))
        #expect(markdown.contains("- **Bestuurders:** Frank den Brok\n"), "\(markdown)")
        #expect(markdown.contains("- **Ondernemers:** Jan Jansen (Osse Farma BV)\n"))
        let line = try #require(markdown.split(separator: "\n").first { $0.contains("zonder ondernemers onder de deelnemers") })
        #expect(line.contains("Missie Japan") && !line.contains("Beurs CPHI"), "\(line)")
        #expect(!line.contains("Missie India"), "an idea the municipality does not take part in (yet): \(line)")
        #expect(markdown.contains("- Nog te ontwikkelen volgens het Kader (stand op 22-11-2026): een Europastrategie (tot dan wordt elke kans op Europese financiering op "
                                  + "zichzelf bekeken); de strategische agenda en de public affairs agenda (tot dan is deelname aan een nieuw netwerk niet te toetsen)."))
    }

    @Test("a share is written with one decimal always, and grouped in thousands as amounts are")
    func percentages() {
        #expect(ReportWriter.percentage(79, of: 100) == "79,0%")
        #expect(ReportWriter.percentage(4_200_50, of: 16_000_00) == "26,3%")
        #expect(ReportWriter.percentage(2_000_000_000_00, of: 16_000_00) == "12.500.000,0%")
    }

}
