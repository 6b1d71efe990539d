import ArgumentParser
import DossierCore

struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Elke budgetregel per jaar (budget internationalisering, bijdrage Global Goals Platform): vastgelegd, besteed, over.",
        discussion: """
        Elke regel telt alleen de activiteiten die erop geboekt zijn (--budget-line). Vastgelegd = goedgekeurde en \
        geplande activiteiten (geraamde kosten); besteed = uitgevoerde activiteiten (werkelijke kosten, anders \
        geraamde) en wat geannuleerde toch kostten. Activiteiten zonder datum tellen in geen jaar: wat ze kosten staat (zonder --year) onder hun regel. Met --year \
        ook wat partners betalen (budgetregel: geen; in --json een regel met "budgetLine": null).
        Voorbeeld:
          dossier budget --year 2026
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Alleen dit jaar (met de activiteiten die meetellen).", valueName: "jaar"))
    var year: Int?

    @Flag(help: "Uitvoer als JSON (bedragen in centen).")
    var json = false

    func validate() throws {
        try ArgumentValues.year(year)
    }

    func run() throws {
        let store = try storeOptions.store(forWriting: false)
        // Where the storage can, from the activity index: every year without the activities, one year with what the
        // table shows of its activities.
        if let year {
            if let part = try? store.loadForBudget(year: year) { return show([year], BudgetLedger(part), in: part) }
        } else if let (lines, ledger) = try? store.loadForBudget() {
            return show(BudgetYears.all(framework: lines.framework, lines: lines.budgetLines, activityYears: ledger.years,
                                        currentYear: Session.clock.today().year), ledger, in: lines)
        }
        let dossier = try storeOptions.load(store)
        show(year.map { [$0] } ?? BudgetYears.all(in: dossier, currentYear: Session.clock.today().year), BudgetLedger(dossier), in: dossier)
    }

    /// The overviews of `years`; with `--year`, also the activities that count (`dossier` then holds them all).
    private func show(_ years: [Int], _ ledger: BudgetLedger, in dossier: Dossier) {
        if json {
            var writer = JSONWriter()
            writer.beginArray()
            for overview in years.flatMap(ledger.overviews) {
                writer.element()
                writer.beginObject()
                writer.field("year", overview.year)
                writer.field("budgetLine", overview.line)
                // No amount set for the year: null, never 0 (a budget of nothing, with all of it over).
                writer.nullableField("budgetCents", overview.shownBudget?.cents)
                writer.field("committedCents", overview.committed.cents)
                writer.field("spentCents", overview.spent.cents)
                writer.nullableField("remainingCents", overview.shownRemaining?.cents)
                writer.field("overspent", overview.isOverspent)
                writer.field("withoutBudget", overview.isWithoutBudget)
                writer.field("amountOfItsOwn", overview.hasAmountOfItsOwn)
                writer.optionalField("decision", overview.decision)
                writer.optionalField("activities", overview.activityIDs)
                writer.endObject()
            }
            // As the text shows it: what partners pay (no budget line) that year, which no line counts.
            if let year {
                let uncharged = BudgetOverview.uncharged(year: year, in: dossier)
                if !uncharged.activityIDs.isEmpty {
                    writer.element()
                    writer.beginObject()
                    writer.field("year", year)
                    writer.key("budgetLine")
                    writer.null()
                    writer.field("committedCents", uncharged.committed.cents)
                    writer.field("spentCents", uncharged.spent.cents)
                    writer.optionalField("activities", uncharged.activityIDs)
                    writer.endObject()
                }
            }
            writer.endArray()
            writer.finishDocument()
            Output.document(writer.bytes)
            return
        }
        for (index, line) in dossier.budgetLines.enumerated() {
            let overviews = years.map { ledger.overview($0, line: line.id) }
            // A column that flags overspending, with its heading, only when a year is overspent.
            let flags: [TextTable.Column] = overviews.contains { $0.isOverspent || $0.isWithoutBudget } ? [.init(title: "LET OP")] : []
            var table = TextTable([.init(title: "JAAR", keepsWhole: true), .init(title: "BUDGET", alignRight: true), .init(title: "VASTGELEGD", alignRight: true),
                                   .init(title: "BESTEED", alignRight: true), .init(title: "OVER", alignRight: true)] + flags)
            for overview in overviews {
                table.append([String(overview.year), overview.shownBudget?.formatted ?? "—", overview.committed.formatted, overview.spent.formatted,
                              overview.shownRemaining?.formatted ?? "—", overview.isOverspent ? "OVERSCHREDEN" : overview.isWithoutBudget ? "GEEN BUDGET" : ""])
            }
            if index > 0 { Output.line("") }
            // The years it runs: a year outside them has no budget yet ("—" in the table).
            let years = line.firstYear == nil && line.lastYear == nil ? "" : ", " + line.period
            let set = line.amountsByYear.isEmpty ? "" : "; \(line.yearAmountsText)"
            Output.paragraph(TerminalSafeText.line("\(line.name) (\(line.id)): \(line.yearlyAmount.formatted) per jaar\(years)\(set)"))
            Output.line(table.render(width: Output.width))
            for overview in overviews where overview.isOverspent {
                Output.paragraph(TerminalSafeText.line("Let op: in \(overview.year) is \(line.name) met \((Money.zero - overview.remaining).formatted) overschreden."))
            }
            for overview in overviews where overview.isWithoutBudget {
                Output.paragraph(TerminalSafeText.line("Let op: \(line.name) heeft nog geen bedrag voor \(overview.year) (de regel loopt \(line.period)); "
                                                       + "er staat \((overview.committed + overview.spent).formatted) op."))
            }
            // By id: where the activity index answers, it is all that is read of them. Not with --year: that reads only the
            // year's activities where it can, and what has no date belongs to no year.
            if year == nil, let undated = ledger.undated[line.id] {
                Output.paragraph(TerminalSafeText.line(undated.sentence(lineName: line.name) { $0 }))
            }
            if year != nil, let overview = overviews.first, !overview.activityIDs.isEmpty {
                Output.line("Activiteiten op deze regel in \(overview.year):")
                Output.line(activityTable(overview.activityIDs.compactMap(dossier.activity)))
            }
        }
        if let year {
            let uncharged = BudgetOverview.uncharged(year: year, in: dossier).activityIDs.compactMap(dossier.activity)
            if !uncharged.isEmpty {
                Output.line("")
                Output.line("Niet ten laste van de gemeente (budgetregel: geen) in \(year):")
                Output.line(activityTable(uncharged))
            }
        }
    }

    /// By date, as every list of activities: in the order they were added they read as a jumble.
    private func activityTable(_ activities: [Activity]) -> String {
        var table = TextTable([.init(title: "DATUM", keepsWhole: true), .init(title: "ID", keepsWhole: true), .init(title: "TITEL"),
                               .init(title: "STATUS", keepsWhole: true), .init(title: "BEDRAG", alignRight: true)])
        for activity in ActivityQuery.sortedChronologically(activities) {
            table.append([activity.startDate.map(Session.dates.date) ?? "—", activity.id, activity.title, activity.status.label,
                          activity.budgetedCost.formatted])
        }
        return table.render(width: Output.width)
    }
}
