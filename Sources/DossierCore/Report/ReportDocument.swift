/// The yearly report as a sequence of blocks, rendered to Markdown or HTML: both formats say exactly the same.
public enum ReportBlock: Sendable {
    case heading(level: Int, text: String)
    case paragraph(String)
    /// Stands out on the first page: the concept mark.
    case notice(String)
    case bullets([String])
    case numbered([String])
    /// A table; `emphasis` marks rows to highlight (an override, an overspent year).
    case table(headings: [String], rows: [[String]], emphasis: Set<Int>, numericColumns: Set<Int>)
    /// One activity or weighing: a title and its labelled facts, kept together on a page.
    case entry(title: String, fields: [(label: String, value: String)])
    case chart(ReportChart)
    /// Printing starts a new page here (Markdown has no pages).
    case pageBreak
}

extension YearReport {
    /// The report's title, also the running header in print.
    public var title: String { "Jaarverslag internationalisering \(year)" }

    /// The concept mark, until `--final`.
    public var conceptMark: String? {
        authorship.isFinal ? nil : "CONCEPT — nog niet vastgesteld. De definitieve versie maakt dossier report --final."
    }

    /// Who reported on which state: "wijziging 12 van 22-11-2026".
    public var stateDescription: String {
        let position = authorship.journalPosition
        // Position 0: no change since the file was made (bundled, copied or imported whole), whatever it holds.
        guard position > 0 else { return "het dossier zoals het werd aangemaakt of gekopieerd, zonder wijzigingen sindsdien" }
        return "wijziging \(Limits.grouped(position))" + (authorship.lastChange.map { " van \(dates.date(dates.localDate(of: $0)))" } ?? "")
    }

    public var blocks: [ReportBlock] {
        var document = ReportWriter(report: self)
        return document.write()
    }
}

/// Lays out the report once, numbering quotations and figures as they first appear, so that each long
/// quotation is printed once (in the appendix) and referred to by its number everywhere else.
struct ReportWriter {
    let report: YearReport
    var blocks: [ReportBlock] = []
    var quotations: [String] = []
    var figures = 0

    /// Quoted reasons longer than this go to the appendix; shorter ones stay where they are used.
    static let inlineReasonLength = 160

    /// "117,8%": to a tenth, rounded half up ("37,5%"; "99,9%" at most while something is left), "50%" when whole.
    static func percentage(_ part: Int64, of whole: Int64) -> String {
        var tenths = (part * 1000 * 2 + whole) / (whole * 2)
        if part < whole { tenths = min(tenths, 999) }
        // Always one decimal, so that a column of them lines up; thousands grouped as amounts are ("12.500.057,2%").
        let (units, tenth) = (tenths / 10, abs(tenths % 10))
        return "\(Limits.grouped(units)),\(tenth)%"
    }

    init(report: YearReport) {
        self.report = report
    }

    mutating func write() -> [ReportBlock] {
        titleBlock()
        guard report.hasData else {
            blocks.append(.heading(level: 2, text: "Geen gegevens over \(report.year)"))
            blocks.append(.paragraph("Het dossier heeft over \(report.year) geen activiteiten met een datum, geen afwegingen, geen statuswijzigingen van relaties en geen budget (het \(report.framework.title) loopt van \(report.framework.firstYear) tot en met \(report.framework.lastYear)). Er is over dit jaar niets te verantwoorden."))
            return blocks
        }
        summary()
        blocks.append(.pageBreak)
        activitiesByFocus()
        budget()
        pictures()
        blocks.append(.pageBreak)
        appendix()
        return blocks
    }

    /// The number of a quotation in the appendix, adding it the first time.
    mutating func cite(_ text: String) -> Int {
        if let index = quotations.firstIndex(of: text) { return index + 1 }
        quotations.append(text)
        return quotations.count
    }

    /// A reason as it is shown: short ones in full, long ones by their number in the appendix.
    mutating func reason(_ text: String) -> String {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return "geen reden vastgelegd" }
        return trimmed.count <= Self.inlineReasonLength ? trimmed : "zie citaat \(cite(trimmed)) in bijlage C"
    }

    /// The next figure's number.
    mutating func nextFigure() -> Int {
        figures += 1
        return figures
    }

    // MARK: Title and summary

    mutating func titleBlock() {
        blocks.append(.heading(level: 1, text: report.title))
        if let mark = report.conceptMark { blocks.append(.notice(mark)) }
        let who = [report.authorship.author, report.authorship.organisation].compactMap { $0 }.joined(separator: ", ")
        blocks.append(.paragraph("\(report.dossierTitle) — verantwoording over \(report.year) van het \(report.framework.title)."))
        blocks.append(.paragraph((who.isEmpty ? "Opgesteld" : "Opgesteld door \(who)") + " op \(report.dates.date(report.generated)). Stand van het dossier: \(report.stateDescription)."))
        // A year still to come has no results yet: what it "yielded" is what is planned for it.
        if report.year > report.generated.year {
            blocks.append(.paragraph("\(report.year) is nog niet begonnen: dit verslag toont wat op \(report.dates.date(report.generated)) voor \(report.year) gepland "
                                  + "en afgewogen is, nog geen resultaten."))
        }
        // After the framework's period the dossier still weighs by it (it has no other), and the college should read that.
        if report.hasData && report.year > report.framework.lastYear {
            blocks.append(.paragraph("Het \(report.framework.title) loopt van \(report.framework.firstYear) tot en met \(report.framework.lastYear); "
                                  + "\(report.year) valt erbuiten. De afwegingen in dit verslag volgen nog dat Kader, het enige in het dossier."))
        }
    }

    mutating func summary() {
        blocks.append(.heading(level: 2, text: "Samenvatting"))
        blocks.append(.paragraph("Wat \(report.year) opleverde per focus van het Kader. Lopend: goedgekeurd of gepland, ook doorlopend zonder datum. "
                                 + "Kosten: wat op een budgetregel van de gemeente komt; wat een partner betaalt telt niet mee. "
                                 + "Elke activiteit telt bij één focus: een missie of delegatie van een partner over farma of agrifood staat bij die focus, "
                                 + "niet bij de missies en delegaties van partners. "
                                 + "De focus is die van het Kader (farma, UNESCO Learning Cities, binnen Europa de samenwerkingsverbanden); de missies "
                                 + "van partners en de Global Goals zijn groepen van dit verslag, naar de reactie op de Economic Board en de bijdrage aan "
                                 + "het Global Goals Platform Oss. Buiten de focus zegt niets over het oordeel: een activiteit die positief is "
                                 + "afgewogen, kan er toch buiten vallen."))
        var rows: [[String]] = []
        for focus in KaderFocus.allCases {
            // (Every focus has its row, also outside the focus at 0: that nothing lay outside it is worth saying.)
            let entries = report.entries(focus)
            let done = entries.filter { $0.activity.status.isCarriedOut }
            let running = entries.filter { $0.activity.status == .goedgekeurd || $0.activity.status == .gepland }
            // What the budget counts for the year: an activity without a date runs through every year, and is charged to none;
            // one a partner pays (no budget line) costs the municipality nothing.
            let cost = entries.filter { !$0.isOngoing }.reduce(Money.zero) { $0 + $1.activity.chargedCost }
            rows.append([focus.label, String(entries.count), String(done.count), String(running.count), cost.cents == 0 ? "" : cost.formatted,
                         Self.yielded(entries)])
        }
        blocks.append(.table(headings: ["Focus", "Activiteiten", "Uitgevoerd", "Lopend", "Kosten", "Wat het opleverde"], rows: rows,
                             emphasis: [], numericColumns: [1, 2, 3, 4]))
        var lines: [String] = []
        let undated = report.entries.filter { $0.isOngoing && $0.activity.chargedCost.cents > 0 }
        if !undated.isEmpty {
            let total = undated.reduce(Money.zero) { $0 + $1.activity.chargedCost }
            lines.append("Zonder datum, en dus in geen jaar van het budget geteld: " + undated.map(\.activity.title).joined(separator: ", ")
                         + " (samen \(total.formatted)); geef een datum om ze mee te tellen.")
        }
        if let budget = report.activityBudget {
            let used = budget.committed + budget.spent
            let share = budget.budget.cents > 0 ? " (\(ReportWriter.percentage(used.cents, of: budget.budget.cents)))" : ""
            let of = budget.shownBudget.map { " van \($0.formatted)" } ?? ""
            lines.append("\(budget.lineName): \(used.formatted) vastgelegd of besteed\(of)\(share); "
                         + (budget.isOverspent ? "overschreden met \(Money(cents: -budget.remaining.cents).formatted)."
                            : budget.shownRemaining.map { "over: \($0.formatted)." } ?? "voor \(report.year) is nog geen bedrag vastgesteld."))
        }
        for contribution in report.contributions {
            let charged = contribution.committed + contribution.spent
            // No amount: said once, at the end when something is booked on it.
            let amount = contribution.shownBudget?.formatted ?? (contribution.isWithoutBudget ? nil : "geen bedrag vastgesteld")
            lines.append("\(contribution.lineName): \(amount.map { "\($0), " } ?? "")apart van het budget internationalisering"
                         + (charged.cents > 0 ? "; daarop geboekt: \(charged.formatted)" : "")
                         + (contribution.isOverspent ? " — overschreden met \(Money(cents: -contribution.remaining.cents).formatted)."
                            : contribution.isWithoutBudget ? " — voor \(report.year) is nog geen bedrag vastgesteld." : "."))
        }
        // A visit still being weighed is counted, and said: the college should not read it as one received.
        let visits = report.incomingVisits + report.outgoingVisits
        let (ideas, weighed) = (visits.filter { $0.status == .idee }.count, visits.filter { $0.status == .inAfweging }.count)
        let undecided = [ideas > 0 ? count(ideas, "idee", "ideeën") : nil, weighed > 0 ? "\(weighed) in afweging" : nil].compactMap { $0 }
        lines.append("Delegatiebezoeken: \(report.incomingVisits.count) inkomend, \(report.outgoingVisits.count) uitgaand"
                     + (undecided.isEmpty ? "." : "; daarvan \(ideas + weighed) nog niet goedgekeurd (\(undecided.joined(separator: ", ")))."))
        // Per activity its last weighing of the year: weighed again, an activity counts once, with the verdict it ended with.
        lines.append("\(count(report.assessments.count, "activiteit", "activiteiten")) afgewogen in \(report.year) (per activiteit het laatste oordeel): "
                     + Verdict.allCases.map { verdict in
            "\(report.assessments.filter { $0.assessment.verdict == verdict }.count) \(verdict.label.lowercased())"
        }.joined(separator: ", ") + overridesMade())
        // Every list of activities names the first few (each activity says it again below), so that the summary stays one page.
        func few(_ names: [String]) -> String {
            names.prefix(3).joined(separator: "; ") + (names.count > 3 ? " en nog \(names.count - 3)" : "")
        }
        if !report.exceptions.isEmpty {
            lines.append("Met een uitzondering van het college op een laag pitje: "
                         + few(report.exceptions.map { "\($0.title) (\($0.assessments.last?.answers.exceptionDecision.trimmingSpaces() ?? ""))" }) + ".")
        }
        func named(_ list: [(activity: Activity, subjects: [String])]) -> String {
            few(list.map { activity, subjects in
                "\(activity.title) (\(report.when(activity)); \(subjects.joined(separator: ", "))"
                    + (activity.approvalDecision.map { "; besluit: \($0.trimmingSpaces())" } ?? "") + ")"
            }) + "."
        }
        if !report.laagPitjeWithoutException.isEmpty {
            lines.append("Goedgekeurd of doorgegaan met een relatie of land op een laag pitje, zonder vastgelegde uitzondering van het college "
                         + "of reden om af te wijken: " + named(report.laagPitjeWithoutException))
        }
        if !report.laagPitjeWithOverride.isEmpty {
            lines.append("Goedgekeurd met een relatie of land op een laag pitje, met een reden om af te wijken bij de goedkeuring "
                         + "(geen uitzondering in de afweging): " + named(report.laagPitjeWithOverride))
        }
        // What the Kader waits for, and how it weighs meanwhile: the college should see it is still to come.
        var awaited: [String] = []
        if !report.framework.hasEuropeStrategy { awaited.append("een Europastrategie (tot dan wordt elke kans op Europese financiering op zichzelf bekeken)") }
        if !report.framework.hasStrategicAgenda {
            awaited.append("de strategische agenda en de public affairs agenda (tot dan is deelname aan een nieuw netwerk niet te toetsen)")
        }
        // With the day it speaks of: the framework keeps no history of when a strategy came, only the decision that set it.
        if !awaited.isEmpty {
            lines.append("Nog te ontwikkelen volgens het Kader (stand op \(report.dates.date(report.generated))): " + awaited.joined(separator: "; ") + ".")
        }
        let adopted = PolicyPiece.allCases.filter { report.framework[keyPath: $0.flag] }
            .map { piece in piece.label + (report.framework.policyDecisions[piece].map { " (\($0))" } ?? "") }
        if !adopted.isEmpty {
            lines.append("Vastgesteld sinds het Kader (stand op \(report.dates.date(report.generated))): " + adopted.joined(separator: "; ") + ".")
        }
        if !report.withoutEntrepreneurs.isEmpty {
            lines.append("Economische activiteiten waaraan de gemeente deelneemt, zonder ondernemers onder de deelnemers (de gemeente nodigt ze steevast uit, reactie op de Economic Board): "
                         + few(report.withoutEntrepreneurs.map(\.title)) + ".")
        }
        // What is still to be recorded or was done without the Kader's weighing.
        func firstFew(_ names: [String], _ what: String) {
            guard !names.isEmpty else { return }
            lines.append("\(count(names.count, "activiteit", "activiteiten")) \(what): " + few(names) + ".")
        }
        // Those of earlier years are in no section of this year's report: said, with where they all are.
        let earlier = report.pastWithoutOutcome.filter { ($0.year ?? report.year) < report.year }.count
        let which = earlier == report.pastWithoutOutcome.count ? (earlier == 1 ? "" : "alle ") : "\(earlier) "
        let fromEarlier = earlier == 1 ? "een eerder jaar, die verderop niet terugkomt; dossier due noemt haar"
            : "eerdere jaren, die verderop niet terugkomen; dossier due noemt ze allemaal"
        firstFew(report.pastWithoutOutcome.map { "\($0.title) (\(report.when($0)), \($0.status.label.lowercased()))" }, "voorbij zonder vastgelegde afloop"
                 + (earlier == 0 ? "" : " (\(which)uit \(fromEarlier))"))
        firstFew(report.carriedOutWithoutResults.map(\.title), "uitgevoerd zonder vastgelegde resultaten")
        firstFew(report.goneAheadWithoutWeighing.map(\.title), "goedgekeurd zonder eerst te zijn afgewogen tegen het Kader")
        if !report.approvedWhileLookingAgain.isEmpty {
            lines.append("Goedgekeurd in \(report.year) terwijl de laatste afweging \"nader bekijken\" was: "
                         + few(report.approvedWhileLookingAgain.map { activity in
                             activity.title + (activity.approvalDecision.map { " (besluit: \($0.trimmingSpaces()))" } ?? " (geen besluit vastgelegd)")
                         }) + ".")
        }
        if !report.chargedWithoutDecision.isEmpty {
            lines.append("Ten laste van een budgetregel zonder vastgelegd besluit over de goedkeuring: "
                         + few(report.chargedWithoutDecision.map { "\($0.title) (\($0.chargedCost.formatted))" }) + ".")
        }
        if report.statusEvents.isEmpty {
            lines.append("Geen relatie veranderde in \(report.year) van status.")
        } else {
            // One line for all: per relation the statuses it went through, a review (the status kept) marked on the status it
            // kept; dates, review dates and reasons are in appendix A.
            var order: [RelationID] = [], changes: [RelationID: (name: String, changes: [StatusChange<RelationStatus>])] = [:]
            for event in report.statusEvents {
                if changes[event.relation.id] == nil { order.append(event.relation.id) }
                changes[event.relation.id, default: (event.relation.name, [])].changes.append(event.change)
            }
            let named = order.prefix(5).compactMap { changes[$0] }.map { "\($0.name): \(ReportWriter.statusChain($0.changes))" }
            let reviews = report.statusEvents.count { $0.change.isReview }, steps = report.statusEvents.count - reviews
            let what = [steps > 0 ? count(steps, "statuswijziging", "statuswijzigingen") : nil,
                        reviews > 0 ? count(reviews, "herijking", "herijkingen") : nil].compactMap { $0 }.joined(separator: " en ")
            lines.append("\(what) van relaties in \(report.year) (met datum en reden in bijlage A): " + named.joined(separator: "; ")
                         + (order.count > named.count ? " en nog \(count(order.count - named.count, "relatie", "relaties"))" : "") + ".")
        }
        if report.coming.isEmpty {
            lines.append("Wat komt: niets op de agenda in het jaar na \(report.dates.date(report.statusDate)).")
        } else {
            let items = report.coming.map { "\($0.date)\($0.isOverdue ? " (verlopen)" : ""): \($0.title)" }
            let more = report.comingTotal - report.coming.count, moreOverdue = report.comingOverdue - report.coming.filter(\.isOverdue).count
            lines.append("Wat komt: " + items.joined(separator: "; ")
                         + (more > 0 ? "; en nog \(more)" + (moreOverdue > 0 ? " (waarvan \(moreOverdue) verlopen)" : "")
                            + " tot en met \(report.dates.date(report.statusDate.adding(years: 1)))." : "."))
        }
        blocks.append(.bullets(lines))
    }

    /// The status a review kept, as "blijft …" goes on: "op een laag pitje", "actief".
    static func kept(_ status: RelationStatus) -> String { status == .laagPitje ? "op een laag pitje" : status.label.lowercased() }

    /// One status change as the appendix lists it: "Genoemd → Laag pitje", or "herijkt, blijft op een laag pitje".
    static func step(_ change: StatusChange<RelationStatus>) -> String {
        change.isReview ? "herijkt, blijft " + kept(change.to) : "\(change.from?.label ?? "") → \(change.to.label)"
    }

    /// A relation's status changes of a year as one chain: "Genoemd → Laag pitje (2× herijkt) → Actief"; only reviews:
    /// "herijkt, blijft op een laag pitje".
    static func statusChain(_ changes: [StatusChange<RelationStatus>]) -> String {
        guard changes.contains(where: { !$0.isReview }) else {
            return "herijkt" + (changes.count > 1 ? " (\(changes.count)×)" : "") + ", blijft " + kept(changes.last?.to ?? .laagPitje)
        }
        var nodes: [(status: RelationStatus, reviews: Int)] = []
        for change in changes {
            if change.isReview, !nodes.isEmpty {
                nodes[nodes.count - 1].reviews += 1
                continue
            }
            if let from = change.from, nodes.last?.status != from { nodes.append((from, 0)) }
            if change.isReview { nodes[nodes.count - 1].reviews += 1 } else { nodes.append((change.to, 0)) }
        }
        return nodes.map { node in
            node.status.label + (node.reviews == 0 ? "" : node.reviews == 1 ? " (herijkt)" : " (\(node.reviews)× herijkt)")
        }.joined(separator: " → ")
    }

    /// The results of a focus's activities, briefly: the first sentence of each, or that none are recorded.
    static func yielded(_ entries: [YearReport.Entry]) -> String {
        let results = entries.map { $0.activity.outcomes.trimmingSpaces() }.filter { !$0.isEmpty }.map(FirstSentence.of)
        if results.isEmpty { return entries.isEmpty ? "" : "nog geen resultaten vastgelegd" }
        return results.joined(separator: " ")
    }

    /// The approvals made in the report's year against a negative verdict, by name: the activity may lie in another
    /// year (approved now, held next year), and is then listed in that year's report, so the count alone would not add up.
    private func overridesMade() -> String {
        let overrides = report.approvalsAgainstWeighing
        guard !overrides.isEmpty else { return "." }
        let shown = overrides.prefix(5).map { activity in
            activity.title + (activity.year.map { $0 == report.year ? "" : " (\($0))" } ?? " (doorlopend)")
        }
        let more = overrides.count > shown.count ? " en nog \(overrides.count - shown.count)" : ""
        let otherYears = overrides.contains { $0.year != report.year } ? " (ook voor een ander jaar)" : ""
        return "; in \(report.year) goedgekeurd met een reden om af te wijken van het Kader of het budget\(otherYears): "
            + shown.joined(separator: ", ") + more + "."
    }

    // MARK: Activities

    mutating func activitiesByFocus() {
        blocks.append(.heading(level: 2, text: "Activiteiten per focus van het Kader"))
        blocks.append(.paragraph("De activiteiten met een datum in \(report.year) en de doorlopende (goedgekeurd of gepland, zonder datum), elk met status, kosten, het oordeel van de laatste afweging en de reden die de doorslag gaf, de resultaten en de open vervolgacties. "
                                 + "Staat er \"(lezing van dossier)\" achter een reden, dan geeft het Kader daar geen letterlijke regel en is het de lezing die "
                                 + "het registratiesysteem dossier ervan maakt; bijlage C citeert wat het Kader zelf zegt."))
        for focus in KaderFocus.allCases {
            let entries = report.entries(focus)
            guard !entries.isEmpty else { continue }
            blocks.append(.heading(level: 3, text: "\(focus.label) (\(entries.count))"))
            for entry in entries { blocks.append(activityEntry(entry)) }
        }
        if report.entries.isEmpty {
            blocks.append(.paragraph("Er zijn geen activiteiten met een datum in \(report.year) en geen doorlopende activiteiten."))
        }
    }

    mutating func activityEntry(_ entry: YearReport.Entry) -> ReportBlock {
        let activity = entry.activity
        var fields: [(String, String)] = [
            ("Datum", entry.isOngoing ? "doorlopend (\(activity.status.label.lowercased()), zonder datum)" : report.when(activity)),
            ("Soort en status", "\(activity.kind.label), \(activity.status.label.lowercased())"),
        ]
        // Rejected or cancelled: why, as it was asked (a history from before that rule may have none).
        if activity.status.endsWithoutGoingAhead, let step = activity.statusHistory.last(where: { $0.to == activity.status }), !step.reason.isBlank {
            fields.append(("Reden", "\(step.reason) (\(report.dates.date(step.date)))"))
        }
        let relations = report.relationNames(activity)
        if !relations.isEmpty { fields.append(("Relaties", relations)) }
        if activity.organiser.relationID != nil { fields.append(("Organisator", report.organiserName(activity))) }
        if !activity.countries.isEmpty { fields.append(("Landen", activity.countries.names)) }
        if let visit = activity.visit {
            var parts = ["\(visit.direction.label): \(visit.delegationFrom)"]
            if !visit.ledBy.isEmpty { parts.append("geleid door \(visit.ledBy)") }
            if let size = visit.size { parts.append(count(size, "persoon", "personen")) }
            if !visit.programme.isEmpty { parts.append("programma: \(visit.programme)") }
            if !visit.hosts.isEmpty { parts.append("gastheren: \(visit.hosts.joined(separator: ", "))") }
            fields.append(("Bezoek", parts.joined(separator: "; ")))
        }
        // Who went: the college reads who represented Oss (bestuurders) and which companies took part.
        for role in [ParticipantRole.bestuurder, .ondernemer, .kennisinstelling] {
            let people = activity.participants.filter { $0.role == role }
            guard !people.isEmpty else { continue }
            fields.append((role.pluralLabel, people.map { $0.organisation.isEmpty ? $0.name : "\($0.name) (\($0.organisation))" }.joined(separator: ", ")))
        }
        fields.append(("Kosten", cost(activity)))
        if let assessment = entry.assessment {
            let decisive = assessment.decidingReason.map { " — \($0.text)" } ?? ""
            fields.append(("Afweging", "\(assessment.verdict.label) (\(report.dates.date(report.dates.localDate(of: assessment.timestamp))))\(decisive)"))
        } else {
            fields.append(("Afweging", "niet afgewogen"))
        }
        if let decision = activity.approvalDecision { fields.append(("Besluit", decision)) }
        // Against a negative weighing, or against the budget or a rule of the Kader (the reason does not say which): said as it is.
        if let override = entry.overrideReason {
            let against = entry.overrideWasAgainstWeighing ? "ondanks een negatief oordeel" : "met een reden om af te wijken van een regel van het Kader of van het budget"
            fields.append(("Afwijking", "goedgekeurd \(against): \(override)"))
        }
        let outcomes = activity.outcomes.trimmingSpaces()
        if !outcomes.isEmpty {
            fields.append(("Resultaten", outcomes))
        } else if activity.status.isCarriedOut {
            fields.append(("Resultaten", "nog niet vastgelegd"))
        }
        // In the order the screen and `show` give them: by due date, those without one last.
        let open = activity.followUps.shownOrder.map { activity.followUps[$0] }.filter { !$0.isDone }
        if !open.isEmpty {
            fields.append(("Open vervolgacties", open.map { followUp in
                var details: [String] = []
                if let due = followUp.due { details.append("vóór \(report.dates.date(due))\(due < report.generated ? ", verlopen" : "")") }
                if !followUp.owner.isEmpty { details.append(followUp.owner) }
                return followUp.text + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
            }.joined(separator: "; ")))
        }
        return .entry(title: activity.title, fields: fields)
    }

    func cost(_ activity: Activity) -> String {
        let line = activity.budgetLine.map { report.budgets.first(where: { $0.line == activity.budgetLine })?.lineName ?? $0 }
        let payer = line.map { ", \($0)" } ?? ", niet ten laste van de gemeente"
        if activity.status.hasActualCost, let actual = activity.actualCost {
            let estimate = activity.estimatedCost.map { " (geraamd \($0.formatted))" } ?? ""
            let what = activity.status == .geannuleerd ? "toch betaald na annulering" : "werkelijk"
            return "\(actual.formatted) \(what)\(estimate)\(payer)"
        }
        // Costs made before it took place: said, with whether the budget counts them.
        let actual = activity.actualCost.map { actual in
            let counted = activity.status.countsAgainstBudget && activity.budgetLine != nil ? "telt mee zodra de activiteit is uitgevoerd"
                : "telt niet mee in het budget"
            return "\(actual.formatted) werkelijk (\(counted))"
        }
        if let estimate = activity.estimatedCost { return "\(estimate.formatted) geraamd\(actual.map { ", \($0)" } ?? "")\(payer)" }
        return "\(actual ?? "geen kosten geraamd")\(payer)"
    }

    // MARK: Budget and pictures

    mutating func budget() {
        blocks.append(.heading(level: 2, text: "Budget \(report.year)"))
        blocks.append(.table(headings: ["Budgetregel", "Budget", "Vastgelegd", "Besteed", "Over"], rows: report.budgets.map { budget in
            [budget.lineName, budget.shownBudget?.formatted ?? "—", budget.committed.formatted, budget.spent.formatted, budget.shownRemaining?.formatted ?? "—"]
        }, emphasis: Set(report.budgets.indices.filter { report.budgets[$0].isOverspent || report.budgets[$0].isWithoutBudget }), numericColumns: [1, 2, 3, 4]))
        blocks.append(.paragraph("Elke budgetregel telt alleen de activiteiten die erop geboekt zijn. Vastgelegd: goedgekeurde en geplande activiteiten (geraamde kosten). Besteed: uitgevoerde activiteiten (werkelijke kosten, anders geraamde) en wat geannuleerde toch kostten."
            + report.budgets.filter(\.isOverspent).map { " \($0.lineName) is overschreden met \((Money.zero - $0.remaining).formatted)." }.joined()
            + report.budgets.filter(\.isWithoutBudget).map { " \($0.lineName) heeft voor \(report.year) nog geen bedrag; er staat \(($0.committed + $0.spent).formatted) op." }.joined()))
        if !report.unchargedActivities.isEmpty {
            blocks.append(.paragraph("Niet ten laste van de gemeente (budgetregel: geen): " + report.unchargedActivities.map(\.title).joined(separator: ", ") + "."))
        }
        budgetChart()
    }

    mutating func budgetChart() {
        guard let lineID = report.activityBudget?.line else { return }
        let history = report.budgetHistory
        let lines = history.map { year in year.overviews.first { $0.line == lineID } ?? report.activityBudget! }
        let contributions = history.map { year in year.overviews.filter { $0.line != lineID } }
        let lineName = lines.first?.lineName ?? lineID
        // The line at the yearly amount; a year the council set another amount for (`dossier set-budget`) is said beside it.
        let amount = report.activityBudgetYearly?.cents ?? (lines.map(\.budget.cents).max() ?? 0)
        let otherAmounts = lines.filter { $0.hasAmountOfItsOwn && $0.budget.cents != amount }
            .map { "\($0.year) \(ReportChart.euros($0.budget.cents))" + ($0.decision.map { " (\($0))" } ?? "") }
        let number = nextFigure()
        var chart = ReportChart(
                number: number, title: "\(lineName) per jaar", layout: .stacked, unit: .money,
                categories: history.map { String($0.year) },
                series: [.init(name: "Besteed", values: lines.map(\.spent.cents)), .init(name: "Vastgelegd", values: lines.map(\.committed.cents)),
                         .init(name: "Over", values: lines.map { max(0, $0.remaining.cents) })],
                reference: amount > 0 ? .init(value: amount, label: "\(ReportChart.euros(amount)) per jaar") : nil,
                textAlternative: "Per jaar van \(history.first.map { String($0.year) } ?? "") tot en met \(history.last.map { String($0.year) } ?? ""): wat van het \(lineName.lowercased()) besteed, vastgelegd en over is, tegen de lijn van \(ReportChart.euros(amount))"
                    + (otherAmounts.isEmpty ? "" : "; eigen bedragen: \(otherAmounts.joined(separator: "; "))") + ". "
                    + lines.map { "\($0.year): \(($0.spent + $0.committed).formatted) besteed of vastgelegd\($0.isOverspent ? ", overschreden" : $0.isWithoutBudget ? ", zonder budget" : "")" }.joined(separator: "; ")
                    + ". De bijdrage aan het Global Goals Platform Oss staat apart in de tabel.",
                // The columns in the order of every other budget table (the series stack from the bottom: spent first).
                tableHeadings: ["Jaar", "Budget", "Vastgelegd", "Besteed", "Over"] + (contributions.first ?? []).map(\.lineName),
                tableRows: zip(lines, contributions).map { line, others in
                    [String(line.year), line.shownBudget?.formatted ?? "—", line.committed.formatted, line.spent.formatted,
                     line.shownRemaining?.formatted ?? "—"] + others.map { $0.shownBudget?.formatted ?? "—" }
                },
                numericColumns: Set(1..<(5 + (contributions.first?.count ?? 0))))
        // A year with an amount of its own is drawn against that amount, not only against the yearly line.
        chart.categoryReferences = lines.map { line in
            line.hasAmountOfItsOwn && line.budget.cents != amount ? .init(value: line.budget.cents, label: "budget \(ReportChart.euros(line.budget.cents))") : nil
        }
        blocks.append(.chart(chart))
    }

    mutating func pictures() {
        blocks.append(.heading(level: 2, text: "\(report.year) in beeld"))
        let focuses = KaderFocus.allCases
        let done = focuses.map { focus in Int64(report.entries(focus).filter { $0.activity.status.isCarriedOut }.count) }
        let running = focuses.map { focus in
            Int64(report.entries(focus).filter { $0.activity.status == .goedgekeurd || $0.activity.status == .gepland }.count)
        }
        let other = focuses.indices.map { Int64(report.entries(focuses[$0]).count) - done[$0] - running[$0] }
        let number = nextFigure()
        blocks.append(.chart(ReportChart(
                number: number, title: "Activiteiten per focus van het Kader, \(report.year)", layout: .stacked, unit: .count,
                categories: focuses.map(\.shortLabel),
                series: [.init(name: "Uitgevoerd", values: done), .init(name: "Lopend", values: running), .init(name: "Overig", values: other)],
                reference: nil,
                textAlternative: "Het aantal activiteiten van \(report.year) per focus, uitgevoerd, lopend (goedgekeurd of gepland, ook doorlopend) en overig (idee, in afweging, afgewezen, geannuleerd): "
                    + focuses.indices.map { "\(focuses[$0].label) \(done[$0] + running[$0] + other[$0])" }.joined(separator: ", ") + ".",
                tableHeadings: ["Focus", "Uitgevoerd", "Lopend", "Overig", "Totaal"],
                tableRows: focuses.indices.map { [focuses[$0].label, String(done[$0]), String(running[$0]), String(other[$0]), String(done[$0] + running[$0] + other[$0])] },
                numericColumns: [1, 2, 3, 4])))
        let quarters = 1...4
        let incoming = quarters.map { quarter in Int64(report.incomingVisits.filter { $0.startDate?.quarter == quarter }.count) }
        let outgoing = quarters.map { quarter in Int64(report.outgoingVisits.filter { $0.startDate?.quarter == quarter }.count) }
        let visitsFigure = nextFigure()
        blocks.append(.chart(ReportChart(
                number: visitsFigure, title: "Delegatiebezoeken per kwartaal, \(report.year)", layout: .grouped, unit: .count,
                categories: quarters.map { "K\($0)" },
                series: [.init(name: "Inkomend", values: incoming), .init(name: "Uitgaand", values: outgoing)],
                reference: nil,
                textAlternative: "Inkomende en uitgaande delegatiebezoeken per kwartaal van \(report.year): "
                    + quarters.map { "kwartaal \($0): \(incoming[$0 - 1]) inkomend, \(outgoing[$0 - 1]) uitgaand" }.joined(separator: "; ") + ".",
                tableHeadings: ["Kwartaal", "Inkomend", "Uitgaand"],
                tableRows: quarters.map { ["K\($0)", String(incoming[$0 - 1]), String(outgoing[$0 - 1])] },
                numericColumns: [1, 2])))
    }

    // MARK: Appendix

    mutating func appendix() {
        blocks.append(.heading(level: 2, text: "Bijlagen"))
        blocks.append(.heading(level: 3, text: "Bijlage A. Relaties naar status op \(report.dates.date(report.statusDate)) (\(report.relationCount))"))
        for (status, relations) in report.relationsByStatus where !relations.isEmpty {
            blocks.append(.heading(level: 4, text: "\(status.label) (\(relations.count))"))
            if status == .laagPitje {
                let rows = relations.map { relation -> [String] in
                    // Since the decision that put it there, with its reason; a later review keeps it there and is added.
                    let (entered, review) = relation.currentStatusChange
                    let reviewed = review.map { " (herijkt op \(report.dates.date($0.date)): \(reason($0.reason)))" } ?? ""
                    return [relation.name, relation.countries.names, report.dates.date(relation.reviewDate, none: "geen datum"),
                            entered.map { "\(report.dates.date($0.date)), \($0.by)" } ?? "",
                            entered.map { reason($0.reason) + reviewed } ?? reviewed.trimmingSpaces()]
                }
                blocks.append(.table(headings: ["Relatie", "Land", "Herijking", "Sinds", "Reden"], rows: rows, emphasis: [], numericColumns: []))
            } else {
                blocks.append(.table(headings: ["Relatie", "Soort", "Plaats", "Sectoren"], rows: relations.map { relation in
                    [relation.name, relation.kind.label, relation.placeSummary, relation.sectors.map(\.label).joined(separator: ", ")]
                }, emphasis: [], numericColumns: []))
            }
        }
        if !report.statusEvents.isEmpty {
            blocks.append(.heading(level: 4, text: "Statuswijzigingen en herijkingen in \(report.year) (\(report.statusEvents.count))"))
            let rows = report.statusEvents.map { event -> [String] in
                let change = event.change
                return [event.relation.name, ReportWriter.step(change), report.dates.date(change.date), change.reviewDate.map { report.dates.date($0) } ?? "", reason(change.reason)]
            }
            blocks.append(.table(headings: ["Relatie", "Stap", "Datum", "Herijking", "Reden"], rows: rows, emphasis: [], numericColumns: []))
        }
        blocks.append(.heading(level: 3, text: "Bijlage B. Afwegingen in detail"))
        if report.assessments.isEmpty {
            blocks.append(.paragraph("Er zijn in \(report.year) geen afwegingen gemaakt. Een activiteit die in een eerder jaar is afgewogen, staat bij het jaar van die afweging."))
        }
        for item in report.assessments {
            let assessment = item.assessment
            var fields: [(String, String)] = [("Afgewogen", "\(report.dates.date(report.dates.localDate(of: assessment.timestamp))) door \(assessment.by)"), ("Oordeel", assessment.verdict.label)]
            for reason in assessment.reasons {
                let title = AssessmentRule(rawValue: reason.rule)?.title ?? Question(rawValue: reason.rule)?.label ?? reason.rule
                let passage = reason.passage.isEmpty ? "" : " (citaat \(cite(reason.passage)))"
                // A reason that already opens with the rule's name ("Rode vlag: …") is not given the title before it.
                let name = title.prefix { $0 != ":" }
                let text = reason.text.hasPrefix(name) ? reason.text : "\(title): \(reason.text)"
                fields.append((reason.effect.label, text + passage))
            }
            if !assessment.missing.isEmpty { fields.append(("Nog onbekend", assessment.missing.joined(separator: "; "))) }
            // Every answer the advisor gave is in the detail: also an economic sub-criterion answered no, which makes no reason
            // of its own (one that holds is enough).
            let unsaid = Question.allCases.filter { question in
                question.group == .economic && assessment.answers[question] == .nee && !assessment.reasons.contains { $0.rule == question.rawValue }
            }
            if !unsaid.isEmpty { fields.append(("Beantwoord met nee", unsaid.map(\.label).joined(separator: "; "))) }
            // So is an answer on the municipality's role that makes no reason (more than one company's question, no Triple Helix request).
            let alsoAnswered = Question.allCases.filter { question in
                question.group == .role && assessment.answers[question] != .onbekend && !assessment.reasons.contains { $0.rule == question.reasonRule }
            }
            if !alsoAnswered.isEmpty {
                fields.append(("Ook beantwoord", alsoAnswered.map { "\($0.label): \(assessment.answers[$0].label.lowercased())" }.joined(separator: "; ")))
            }
            // The override is told with the activity; only one of another year needs it here.
            if let override = item.overrideReason, !report.entries.contains(where: { $0.activity.id == item.activity.id }) {
                fields.append(("Afwijking", "goedgekeurd ondanks een negatief oordeel: \(override)"))
            }
            blocks.append(.entry(title: item.activity.title, fields: fields))
        }
        blocks.append(.heading(level: 3, text: "Bijlage C. Citaten"))
        if quotations.isEmpty {
            blocks.append(.paragraph("Geen citaten."))
        } else {
            blocks.append(.paragraph("Elk citaat staat hier één keer; elders in het verslag staat zijn nummer."))
            blocks.append(.numbered(quotations))
        }
    }
}
