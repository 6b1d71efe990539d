/// The yearly report as a sequence of blocks (headings, paragraphs, lists, tables), rendered to Markdown
/// or HTML: both formats say exactly the same.
public enum ReportBlock: Sendable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case bullets([String])
    /// A table; `emphasis` marks rows to highlight (an override, an overspent year).
    case table(headings: [String], rows: [[String]], emphasis: Set<Int>, numericColumns: Set<Int>)
}

extension YearReport {
    public var blocks: [ReportBlock] {
        var blocks: [ReportBlock] = [
            .heading(level: 1, text: "Jaarverslag internationalisering \(year)"),
            .paragraph("\(dossierTitle) — verantwoording over \(year) van het \(framework.title). Opgesteld op \(Self.dutch(generated)) met dossier."),
            .heading(level: 2, text: "Samenvatting"),
            .bullets(summary),
            .heading(level: 2, text: "Relaties naar status"),
        ]
        for (status, relations) in relationsByStatus where !relations.isEmpty {
            blocks.append(.heading(level: 3, text: "\(status.label) (\(relations.count))"))
            if status == .laagPitje {
                blocks.append(.table(headings: ["Relatie", "Land", "Herijkingsdatum", "Reden"], rows: relations.map { relation in
                    let change = relation.statusHistory.last { $0.to == .laagPitje }
                    return [relation.name, relation.countries.names, Self.dutch(relation.reviewDate),
                            (change.map { "\(Self.dutch($0.date)), \($0.by): " } ?? "") + (change?.reason ?? "")]
                }, emphasis: [], numericColumns: []))
            } else {
                blocks.append(.table(headings: ["Relatie", "Soort", "Plaats", "Sectoren"], rows: relations.map { relation in
                    [relation.name, relation.kind.label, relation.placeSummary, relation.sectors.map(\.label).joined(separator: ", ")]
                }, emphasis: [], numericColumns: []))
            }
        }
        blocks.append(.heading(level: 2, text: "Activiteiten in \(year)"))
        if activities.isEmpty {
            blocks.append(.paragraph("Er zijn geen activiteiten met een datum in \(year) vastgelegd."))
        } else {
            let statuses = ActivityStatus.allCases.filter { status in countsByKind.contains { ($0.counts[status] ?? 0) > 0 } }
            blocks.append(.heading(level: 3, text: "Naar soort en status"))
            blocks.append(.table(headings: ["Soort"] + statuses.map(\.label) + ["Totaal"], rows: countsByKind.map { kind, counts in
                [kind.label] + statuses.map { String(counts[$0] ?? 0) } + [String(counts.values.reduce(0, +))]
            }, emphasis: [], numericColumns: Set(1...(statuses.count + 1))))
            blocks.append(.heading(level: 3, text: "Overzicht"))
            blocks.append(.table(headings: ["Datum", "Activiteit", "Soort", "Status", "Relaties", "Organisator", "Kosten"], rows: activities.map { activity in
                [Self.dates(activity), activity.title, activity.kind.label, activity.status.label, relationNames(activity), organiserName(activity),
                 activity.budgetedCost.cents == 0 ? "" : activity.budgetedCost.formatted]
            }, emphasis: [], numericColumns: [6]))
        }
        blocks.append(.heading(level: 2, text: "Delegatiebezoeken"))
        for (title, visits) in [("Inkomend", incomingVisits), ("Uitgaand", outgoingVisits)] {
            blocks.append(.heading(level: 3, text: "\(title) (\(visits.count))"))
            if visits.isEmpty {
                blocks.append(.paragraph("Geen \(title.lowercased())e bezoeken in \(year)."))
                continue
            }
            blocks.append(.table(headings: ["Datum", title == "Inkomend" ? "Delegatie uit" : "Missie naar", "Geleid door", "Omvang", "Relaties", "Programma", "Ondernemers"],
                                 rows: visits.map { visit in
                [Self.dates(visit), visit.visit?.delegationFrom ?? "", visit.visit?.ledBy ?? "", visit.visit?.size.map(String.init) ?? "",
                 relationNames(visit), visit.visit?.programme.joined(separator: ", ") ?? "", visit.entrepreneurs.map(\.name).joined(separator: ", ")]
            }, emphasis: [], numericColumns: [3]))
        }
        blocks.append(.heading(level: 2, text: "Afwegingen tegen het Kader"))
        if assessments.isEmpty {
            blocks.append(.paragraph("Er zijn in \(year) geen activiteiten afgewogen."))
        } else {
            let overrides = Set(assessments.indices.filter { assessments[$0].overrideReason != nil })
            blocks.append(.table(headings: ["Datum", "Activiteit", "Oordeel", "Door", "Doorslaggevend", "Afwijking"], rows: assessments.map { item in
                let decisive = item.assessment.reasons.first { $0.effect == item.assessment.verdict }?.text ?? ""
                return [Self.dutch(item.assessment.timestamp.utcDate), item.activity.title, item.assessment.verdict.label, item.assessment.by,
                        decisive, item.overrideReason.map { "GOEDGEKEURD ONDANKS NEGATIEF OORDEEL: \($0)" } ?? ""]
            }, emphasis: overrides, numericColumns: []))
            if !overrides.isEmpty {
                blocks.append(.paragraph("\(count(overrides.count, "activiteit", "activiteiten")) goedgekeurd ondanks een negatieve afweging; de reden staat in de laatste kolom."))
            }
        }
        blocks.append(.heading(level: 2, text: "Budget \(year)"))
        blocks.append(.table(headings: ["Budgetregel", "Budget", "Vastgelegd", "Besteed", "Over"], rows: budgets.map { budget in
            [budget.lineName, budget.budget.formatted, budget.committed.formatted, budget.spent.formatted, budget.remaining.formatted]
        }, emphasis: Set(budgets.indices.filter { budgets[$0].isOverspent }), numericColumns: [1, 2, 3, 4]))
        blocks.append(.paragraph("Elke budgetregel telt alleen de activiteiten die erop geboekt zijn. Vastgelegd: goedgekeurde en geplande activiteiten (geraamde kosten). Besteed: uitgevoerde activiteiten (werkelijke kosten, anders geraamde)."
            + budgets.filter(\.isOverspent).map { " \($0.lineName) is overschreden met \((Money.zero - $0.remaining).formatted)." }.joined()))
        if !unchargedActivities.isEmpty {
            blocks.append(.paragraph("Niet ten laste van de gemeente (budgetregel: geen): " + unchargedActivities.map(\.title).joined(separator: ", ") + "."))
        }
        return blocks
    }

    private var summary: [String] {
        let counts = relationsByStatus.filter { !$0.relations.isEmpty }.map { "\($0.relations.count) \($0.status.label.lowercased())" }
        var lines = ["\(count(relationCount, "relatie", "relaties")): \(counts.joined(separator: ", ")).",
                     "\(count(activities.count, "activiteit", "activiteiten")) met een datum in \(year), waarvan \(carriedOut) uitgevoerd.",
                     "\(count(incomingVisits.count + outgoingVisits.count, "delegatiebezoek", "delegatiebezoeken")): \(incomingVisits.count) inkomend, \(outgoingVisits.count) uitgaand.",
                     "\(count(assessments.count, "afweging", "afwegingen")): " + Verdict.allCases.map { verdict in
                         "\(assessments.filter { $0.assessment.verdict == verdict }.count) \(verdict.label.lowercased())"
                     }.joined(separator: ", ") + "."]
        for budget in budgets {
            lines.append("\(budget.lineName): \((budget.committed + budget.spent).formatted) vastgelegd of besteed van \(budget.budget.formatted); over: \(budget.remaining.formatted).")
        }
        let reviews = relationsByStatus.first { $0.status == .laagPitje }?.relations ?? []
        if !reviews.isEmpty {
            lines.append("Op een laag pitje: " + reviews.map { "\($0.name) (herijking \(Self.dutch($0.reviewDate)))" }.joined(separator: ", ") + ".")
        }
        return lines
    }
}
