import ArgumentParser
import DossierCore

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Alles met een datum, per maand en week: activiteiten en bezoeken, vervolgacties en herijkingen.",
        discussion: """
        Standaard vanaf vandaag; met --from terug in de tijd. Verlopen vervolgacties en herijkingen staan bovenaan. \
        Hetzelfde als het agendascherm (tab 6). Voorbeeld: dossier agenda --from 1-1-2026 --to 31-3-2026
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Vanaf deze datum (standaard vandaag).", valueName: "datum"))
    var from: String?

    @Option(help: ArgumentHelp("Tot en met deze datum (standaard alles wat komt).", valueName: "datum"))
    var to: String?

    @Flag(help: "Uitvoer als JSON.")
    var json = false

    /// The days asked for: from today unless told otherwise, to the end unless told otherwise.
    func period(today: CalendarDate) throws -> (start: CalendarDate, end: CalendarDate?) {
        let start = try from.map { try ArgumentValues.date($0, option: "--from") } ?? today
        let end = try to.map { try ArgumentValues.date($0, option: "--to") }
        if let end, start > end {
            let dates = Session.dates
            throw ValidationError(from == nil ? "--to \(dates.date(end)) ligt vóór vandaag (\(dates.date(start))); geef ook --from om terug te kijken"
                                              : "--from \(dates.date(start)) ligt na --to \(dates.date(end)); draai ze om")
        }
        return (start, end)
    }

    func validate() throws {
        _ = try period(today: Session.clock.today())
    }

    func run() throws {
        let today = Session.clock.today()
        let (start, end) = try period(today: today)
        let (_, dossier) = try storeOptions.openForReading()
        let entries = Agenda(dossier).window(from: start, to: end, today: today)
        if json {
            printJSON(entries, dossier: dossier, today: today)
            return
        }
        let dates = Session.dates
        let period = "vanaf \(dates.date(start))" + (end.map { " tot en met \(dates.date($0))" } ?? "")
        guard !entries.isEmpty else {
            Output.line("Niets op de agenda \(period).")
            return
        }
        var table = TextTable([.init(title: "DATUM", keepsWhole: true), .init(title: "SOORT"), .init(title: "WAT"), .init(title: "BIJ")])
        for entry in entries {
            table.append([entry.dateText(dates), entry.isOverdue(on: today) ? "\(entry.kind.name), VERLOPEN" : entry.kind.name,
                          entry.title(in: dossier), entry.context(in: dossier)])
        }
        var rendered = table.render(width: Output.width.map { $0 - 4 }).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var output = ["Agenda \(period)", "", "    " + rendered.removeFirst()]
        var row = 0
        for line in AgendaLine.lines(entries, today: today) {
            switch line {
            case .overdueHeading, .month:
                output += ["", line.heading ?? ""]
            case .week:
                output.append("  " + (line.heading ?? ""))
            case .entry:
                output.append("    " + rendered[row])
                row += 1
            }
        }
        Output.line(output.joined(separator: "\n"))
    }

    private func printJSON(_ entries: [AgendaEntry], dossier: Dossier, today: CalendarDate) {
        var writer = JSONWriter()
        writer.beginArray()
        for entry in entries {
            writer.element()
            writer.beginObject()
            writer.field("type", entry.kind.name)
            writer.field("date", entry.start.iso)
            if entry.end != entry.start { writer.field("end", entry.end.iso) }
            let week = entry.start.isoWeek
            writer.field("week", "\(week.year)-W\(week.week < 10 ? "0" : "")\(week.week)")
            writer.field("overdue", entry.isOverdue(on: today))
            writer.field(entry.kind == .review ? "relation" : "activity", entry.subjectID(in: dossier))
            if let index = entry.followUp { writer.field("index", index) }
            if entry.kind == .visit || entry.kind == .activity { writer.field("status", dossier.activities[entry.position].status.rawValue) }
            writer.field("title", entry.title(in: dossier))
            writer.optionalField("context", entry.context(in: dossier))
            writer.endObject()
        }
        writer.endArray()
        writer.finishDocument()
        Output.document(writer.bytes)
    }
}
