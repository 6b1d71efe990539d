import ArgumentParser
import DossierCore

struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Het budget internationalisering per jaar: vastgelegd, besteed, over; de bijdrage aan het Global Goals Platform apart.",
        discussion: """
        Vastgelegd = goedgekeurde en geplande activiteiten (geraamde kosten); besteed = uitgevoerde activiteiten \
        (werkelijke kosten, anders geraamde). Voorbeeld: dossier budget --year 2026
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
        let (_, dossier) = try storeOptions.openForReading()
        let years = year.map { [$0] } ?? BudgetYears.all(in: dossier)
        let overviews = years.map { BudgetOverview(year: $0, in: dossier) }
        if json {
            var writer = JSONWriter()
            writer.beginArray()
            for overview in overviews {
                writer.element()
                writer.beginObject()
                writer.field("year", overview.year)
                writer.field("budgetCents", overview.budget.cents)
                writer.field("committedCents", overview.committed.cents)
                writer.field("spentCents", overview.spent.cents)
                writer.field("remainingCents", overview.remaining.cents)
                writer.field("overspent", overview.isOverspent)
                writer.optionalField("activities", overview.activityIDs)
                writer.endObject()
            }
            writer.endArray()
            writer.finishDocument()
            Output.document(writer.bytes)
            return
        }
        let name = dossier.activityBudget?.name ?? "Budget internationalisering"
        var table = TextTable([.init(title: "JAAR"), .init(title: "BUDGET", alignRight: true), .init(title: "VASTGELEGD", alignRight: true),
                               .init(title: "BESTEED", alignRight: true), .init(title: "OVER", alignRight: true), .init(title: "")])
        for overview in overviews {
            table.append([String(overview.year), overview.budget.formatted, overview.committed.formatted, overview.spent.formatted,
                          overview.remaining.formatted, overview.isOverspent ? "OVERSCHREDEN" : ""])
        }
        Output.line(name)
        Output.line(table.render())
        for overview in overviews where overview.isOverspent {
            Output.line("Let op: in \(overview.year) is het budget met \((Money.zero - overview.remaining).formatted) overschreden.")
        }
        for line in dossier.budgetLines where !line.isActivityBudget {
            let period = [line.firstYear, line.lastYear].compactMap { $0.map(String.init) }.joined(separator: "–")
            Output.line("")
            Output.line(TerminalSafeText.line("\(line.name): \(line.yearlyAmount.formatted) per jaar\(period.isEmpty ? "" : " (\(period))") — apart van het budget internationalisering."))
        }
        if let year, let overview = overviews.first, !overview.activityIDs.isEmpty {
            Output.line("")
            Output.line("Activiteiten die in \(year) meetellen:")
            var activities = TextTable([.init(title: "ID"), .init(title: "TITEL", maximumWidth: 50), .init(title: "STATUS"),
                                        .init(title: "BEDRAG", alignRight: true)])
            for activity in overview.activityIDs.compactMap(dossier.activity) {
                activities.append([activity.id, activity.title, activity.status.label, activity.budgetedCost.formatted])
            }
            Output.line(activities.render())
        }
    }
}
