import ArgumentParser
import DossierCore

struct SetBudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-budget",
        abstract: "Leg het bedrag van een budgetregel voor één jaar vast (een besluit van de raad), of zet het terug op het jaarbedrag.",
        discussion: """
        Een budgetregel heeft een jaarbedrag voor haar jaren (het budget internationalisering € 16.000 per jaar, 2025–2030). \
        Een ander bedrag voor één jaar (een bezuiniging, een verhoging) geldt alleen voor dat jaar: de andere jaren, ook \
        die al voorbij zijn, houden het hunne. Een jaar na het laatste jaar van de regel krijgt zo een bedrag (de regel \
        loopt door na het Kader); tot dan zegt dossier budget "geen budget" en weegt de afweging de kosten als nader \
        te bekijken. --clear zet het jaar terug op het jaarbedrag (of, na het laatste jaar, op geen bedrag). \
        --decision noemt het besluit (verplicht). De wijziging komt in het logboek, met het besluit; dossier undo maakt \
        haar ongedaan (bij een dossier in een bestand).
        Voorbeelden:
          dossier set-budget internationalisering 2028 12.000 \\
              --decision "Voorjaarsnota 2028, raad 4-7-2027"
          dossier set-budget internationalisering 2031 16.000 \\
              --decision "Begroting 2031"
          dossier set-budget internationalisering 2028 --clear \\
              --decision "Raadsbesluit 12-11-2027"
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van de budgetregel (dossier budget noemt ze).", valueName: "budgetregel"))
    var line: String

    @Argument(help: ArgumentHelp("Het jaar waarvoor het bedrag geldt.", valueName: "jaar"))
    var year: Int

    @Argument(help: ArgumentHelp("Het bedrag voor dat jaar in euro's: 12000, 12.000 of 12.000,00.", valueName: "bedrag"))
    var amount: String?

    @Flag(help: "Het jaar terug op het jaarbedrag van de regel, in plaats van een eigen bedrag.")
    var clear = false

    @Option(help: ArgumentHelp("Het besluit dat het bedrag vaststelde (verplicht): de begroting, de voorjaarsnota, een raadsbesluit.", valueName: "besluit"), transform: ArgumentValues.line)
    var decision: String

    func validate() throws {
        if let problem = Limits.outsideYears(year) { throw ValidationError(problem) }
        if clear && amount != nil { throw ValidationError("geef een bedrag of --clear, niet allebei") }
        if !clear && amount == nil {
            // `-5` is read as an option, so the amount seems not given: said as what it is (`-- -5` says the same).
            if let negative = CommandLine.arguments.dropFirst().first(where: { $0.wholeMatch(of: /-[0-9][0-9.,]*/) != nil }) {
                throw ValidationError("bedrag: een bedrag kan niet negatief zijn ('\(negative)')")
            }
            throw ValidationError("geef het bedrag voor \(year) (of --clear voor het jaarbedrag)")
        }
    }

    func run() throws {
        let amount = try self.amount.map { try ArgumentValues.money($0, option: "bedrag") }
        let store = try storeOptions.store(forWriting: true)
        var dossier = try storeOptions.load(store)
        let lineID: String
        do throws(ValueError) {
            lineID = try dossier.readExistingBudgetLine(line)
        } catch {
            throw failure("budgetregel: \(error.message)", code: ExitStatus.dataError)
        }
        let change = Change.setBudgetAmount(lineID, year: year, amount: amount, seen: dossier.budgetLine(lineID)?.amount(in: year), decision: decision)
        let summary = change.summary(in: dossier)
        try store.commitOrExit(change, to: &dossier)
        Output.line(TerminalSafeText.line(summary))
        // A year far from the line's (a slip of the keys: 2208 for 2028) is kept, and said.
        if let line = dossier.budgetLine(lineID) {
            for notice in [BudgetAmountYear.farNotice(year, line: line), BudgetAmountYear.smallNotice(amount, line: line)].compactMap({ $0 }) {
                Output.error(TerminalSafeText.line("dossier: let op: \(notice)"))
            }
        }
        // What the year has left now, on that line: a cut can leave what was approved without money.
        let overview = BudgetOverview(year: year, line: lineID, in: dossier)
        if let short = BudgetAmountYear.shortNotice(overview, amount: overview.budget) {
            Output.error(TerminalSafeText.line("dossier: let op: \(short) (dossier budget --year \(year))"))
        }
    }
}
