import ArgumentParser
import DossierCore

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Alles met een datum, per maand en week: activiteiten en bezoeken, vervolgacties en herijkingen.",
        discussion: """
        Standaard vanaf vandaag; met --from terug in de tijd. Verlopen vervolgacties en herijkingen staan bovenaan, met \
        de activiteiten die voorbij zijn maar niet uitgevoerd. \
        Hetzelfde als het agendascherm (tab 6).
        Voorbeeld:
          dossier agenda --from 1-1-2026 --to 31-3-2026
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Vanaf deze datum (standaard vandaag; ook --from=-7 of 'vorige maandag').", valueName: "datum"))
    var from: String?

    @Option(help: ArgumentHelp("Tot en met deze datum (standaard alles wat komt; ook +4w).", valueName: "datum"))
    var to: String?

    @Flag(help: "Uitvoer als JSON; bij een vervolgactie is number wat dossier done neemt (vanaf 1), index telt vanaf 0.")
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
        let store = try storeOptions.store(forWriting: false)
        // Where the storage can: the relations and what the agenda reads of the activities it shows, from the indexes.
        let dossier = try (try? store.loadForAgenda(from: start, to: end, today: today)) ?? storeOptions.load(store)
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
        // Measured over all rows, then written a line at a time between the headings: a large agenda is not held as text.
        let table = TextTable([.init(title: "DATUM", keepsWhole: true), .init(title: "SOORT"), .init(title: "WAT"), .init(title: "BIJ")])
        func cells(_ index: Int) -> [String] {
            let entry = entries[index]
            // Overdue ones stand under the heading Verlopen: the kind alone keeps the column narrow.
            return [entry.dateLines(dates)[0], entry.kind.name,
                    entry.title(in: dossier), entry.context(in: dossier)]
        }
        // A period's end on a line of its own under its start.
        let ends = entries.indices.filter { entries[$0].end != entries[$0].start }
        let endCell = { (index: Int) in [entries[index].dateLines(dates)[1]] }
        let layout = table.layout(rows: entries.count + ends.count, cells: { $0 < entries.count ? cells($0) : endCell(ends[$0 - entries.count]) },
                                  width: Output.width.map { $0 - 4 })
        var text = "Agenda \(period)\n\n    " + layout.header + "\n"
        var row = 0
        for line in AgendaLine.lines(entries, today: today) {
            switch line {
            case .overdueHeading, .month:
                text += "\n" + (line.heading ?? "") + "\n"
            case .week:
                text += "  " + (line.heading ?? "") + "\n"
            case .entry(let entry):
                text += "    " + layout.line(cells(row)) + "\n"
                if entry.end != entry.start { text += "    " + layout.line([entry.dateLines(dates)[1]]) + "\n" }
                row += 1
            }
            if text.utf8.count >= Self.piece {
                Output.piece(text)
                text = ""
            }
        }
        Output.piece(text)
    }

    /// About how many bytes of the agenda are written at a time.
    static let piece = 1 << 16

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
            if let index = entry.followUp {
                // `number` is what `done ACTIVITEIT N` takes (from 1); `index` counts from 0.
                writer.field("index", index)
                writer.field("number", index + 1)
            }
            if entry.kind == .visit || entry.kind == .activity { writer.field("status", dossier.activities[entry.position].status.rawValue) }
            writer.field("title", entry.title(in: dossier))
            writer.optionalField("context", entry.context(in: dossier))
            writer.endObject()
            // Out in pieces, each ending after an entry, so a large agenda is never held whole.
            if writer.bytes.count >= Self.piece { Output.document(writer.takeBytes()) }
        }
        writer.endArray()
        writer.finishDocument()
        Output.document(writer.bytes)
    }
}
