import ArgumentParser
import DossierCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Het jaarverslag voor college en raad: per focus van het Kader wat het jaar opleverde, budget, bezoeken en afwegingen.",
        discussion: """
        Een samenvatting op één bladzijde, de activiteiten per focus (met status, kosten, oordeel, resultaten en open \
        vervolgacties), grafieken met hun cijfers, en in de bijlagen de relaties, de afwegingen in detail en de citaten. \
        Markdown leest in elke viewer, HTML is één bestand dat op A4 afdrukt (met paginanummers en kopregel), CSV geeft \
        de activiteiten van het jaar met kosten en oordeel voor een spreadsheet. Auteur en organisatie komen uit de \
        instellingen ("name" en "organisation" in ~/.config/dossier/config.json). Tot --final staat er CONCEPT op.
        Voorbeeld:
          dossier report --year 2026 --format html -o jaarverslag-2026.html
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Het jaar (standaard dit jaar).", valueName: "jaar"))
    var year: Int?

    @Option(help: ArgumentHelp("md, html of csv; zonder --format: wat de naam na -o zegt (.md, .html, .csv), csv bij --excel, anders md.", valueName: "formaat"))
    var format: String?

    @Flag(help: "De definitieve versie: zonder het merkteken CONCEPT.")
    var final = false

    @Flag(help: "CSV zoals Nederlandse Excel die verwacht: puntkomma's en een BOM.")
    var excel = false

    @Option(name: .customShort("o"), help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar de standaarduitvoer.", valueName: "pad"))
    var output: String?

    /// The format asked for, or the one the file name after -o says (`-o jaarverslag.html`); a name no format of the
    /// report has (`-o verslag.pdf`) is refused rather than filled with Markdown.
    private func chosenFormat() throws -> String {
        let format = try OutputFile.format(asked: format.map { $0 == "markdown" ? "md" : $0 }, output: output,
                                           formats: ["md": "Markdown", "html": "HTML", "csv": "CSV"],
                                           aliases: ["markdown": "md", "htm": "html"], fallback: excel ? "csv" : "md", settled: excel, command: "report",
                                           sparing: try? storeOptions.location)
        guard ["md", "html", "csv"].contains(format) else { throw ValidationError("--format: kies md, html of csv") }
        return format
    }

    func validate() throws {
        if try chosenFormat() != "csv" && excel { throw ValidationError("--excel hoort bij --format csv") }
        try ArgumentValues.year(year)
    }

    func run() throws {
        // The author and organisation come from the settings: read them first, strictly.
        let configuration: StoreConfiguration
        do throws(StoreError) {
            configuration = try Session.configuration(needing: ["name", "organisation"])
        } catch {
            throw failure(error)
        }
        let (store, dossier) = try storeOptions.openForReading()
        let today = Session.clock.today()
        // The moment of the last change, when the journal still has it; the position alone otherwise.
        let lastChange = store.sequence > 0 ? (try? store.history())?.last(where: { $0.sequence == store.sequence })?.timestamp : nil
        let authorship = YearReport.Authorship(author: configuration.name, organisation: configuration.organisation, isFinal: final,
                                               journalPosition: store.sequence, lastChange: lastChange)
        let report = YearReport(dossier: dossier, year: year ?? today.year, today: today, authorship: authorship,
                                dates: configuration.dates(clock: Session.clock))
        let bytes: [UInt8] = switch try chosenFormat() {
        case "html": Array(HTMLReport.render(report).utf8)
        case "csv": CSV.encode(ReportCSV.rows(report), format: excel ? .dutchExcel : .standard)
        default: Array(MarkdownReport.render(report).utf8)
        }
        try OutputFile.write(bytes, to: output, sparing: try storeOptions.location)
    }
}
