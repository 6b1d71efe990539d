import ArgumentParser
import DossierCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Het jaarverslag voor college en raad: relaties naar status, activiteiten, bezoeken, afwegingen en budget.",
        discussion: """
        Markdown leest in elke viewer, HTML is één bestand dat goed op A4 afdrukt, CSV geeft de activiteiten van \
        het jaar met kosten en oordeel voor een spreadsheet. Voorbeeld: dossier report --year 2026 --format html -o jaarverslag-2026.html
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Het jaar (standaard dit jaar).", valueName: "jaar"))
    var year: Int?

    @Option(help: ArgumentHelp("md, html of csv.", valueName: "formaat"))
    var format: String = "md"

    @Flag(help: "CSV zoals Nederlandse Excel die verwacht: puntkomma's en een BOM.")
    var excel = false

    @Option(name: .customShort("o"), help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar de standaarduitvoer.", valueName: "pad"))
    var output: String?

    func validate() throws {
        guard ["md", "markdown", "html", "csv"].contains(format) else { throw ValidationError("--format: kies md, html of csv") }
        try ArgumentValues.year(year)
    }

    func run() throws {
        let (_, dossier) = try storeOptions.openForReading()
        let today = Session.clock.today()
        let report = YearReport(dossier: dossier, year: year ?? today.year, today: today)
        let bytes: [UInt8] = switch format {
        case "html": Array(HTMLReport.render(report).utf8)
        case "csv": CSV.encode(ReportCSV.rows(report), format: excel ? .dutchExcel : .standard)
        default: Array(MarkdownReport.render(report).utf8)
        }
        try OutputFile.write(bytes, to: output)
    }
}
