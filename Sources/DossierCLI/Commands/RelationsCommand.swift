import ArgumentParser
import DossierCore

struct RelationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "Toon de relaties, met status, aantal activiteiten en de eerstvolgende datum.",
        discussion: "De eerstvolgende datum is de herijkingsdatum van een relatie op laag pitje, of het begin van de volgende goedgekeurde of geplande activiteit (een idee of een bezoek in afweging telt nog niet mee). Verlopen is een herijkingsdatum die voorbij is, of een goedgekeurde of geplande activiteit waarvan ook de laatste dag voorbij is; staat er een eerdere datum, dan volgt een verlopen herijking erachter (; herijking … (verlopen)). Met --json: elke relatie zoals in het dossierbestand, met activityCount (aantal activiteiten) en nextDate (date, label, overdue; overdueReview: de verlopen herijkingsdatum achter een eerdere datum) erbij.\nVoorbeeld:\n  dossier relations --status laag-pitje"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Alleen relaties met deze status (\(RelationStatus.allowedList)); mag vaker, of gescheiden door komma's: een van die statussen.", valueName: "status"))
    var status: [String] = []

    @Option(help: ArgumentHelp("Alleen relaties van deze soort (\(RelationKind.allowedList)).", valueName: "soort"))
    var kind: String?

    @Option(help: ArgumentHelp("Sortering: naam, status of datum (ook name, status, date)", valueName: "volgorde"))
    var sort: String = "naam"

    @Flag(help: "Uitvoer als JSON (een lijst objecten) voor scripts.")
    var json = false

    func run() throws {
        let statuses = try ArgumentValues.vocabularies(status, RelationStatus.self, option: "--status")
        let kind = try self.kind.map { try ArgumentValues.vocabulary($0, RelationKind.self, option: "--kind") }
        // Case aside, as every other choice on the command line (--status Focus, --kind Regio).
        let typed = sort.trimmingSpaces().lowercased()
        guard let order = RelationQuery.Order(rawValue: typed) ?? RelationQuery.Order.allCases.first(where: { $0.label == typed }) else {
            throw ValidationError("--sort: '\(sort)' is geen sortering; kies naam, status of datum")
        }
        let today = Session.clock.today()
        let query = RelationQuery(statuses: statuses, kind: kind, order: order)
        // The table needs only the rows: from the side index when it is current, without reading the dossier.
        if !json, let list = try storeOptions.store(forWriting: false).listIndex() {
            printTable(query.apply(to: list.relations), today: today)
            return
        }
        let (_, dossier) = try storeOptions.openForReading()
        let overviews = query.apply(to: RelationOverview.all(in: dossier, today: today))
        if json {
            var writer = JSONWriter()
            writer.beginArray()
            for overview in overviews {
                writer.element()
                overview.relation.write(to: &writer) { writer in
                    writer.field("activityCount", overview.activityCount)
                    if let next = overview.nextDate {
                        writer.key("nextDate")
                        writer.beginInlineObject()
                        writer.field("date", next.date.iso)
                        writer.field("label", next.label)
                        writer.field("overdue", next.isOverdue(on: today))
                        if let review = overview.overdueReviewBehindNext(on: today) { writer.field("overdueReview", review.iso) }
                        writer.endObject()
                    }
                }
            }
            writer.endArray()
            writer.finishDocument()
            Output.document(writer.bytes)
            return
        }
        printTable(overviews, today: today)
    }

    private func printTable(_ overviews: [RelationOverview], today: CalendarDate) {
        guard !overviews.isEmpty else {
            return Output.line(status.isEmpty && kind == nil ? "Het dossier heeft nog geen relaties." : "Geen relaties met deze filters.")
        }
        var table = TextTable([
            .init(title: "ID", keepsWhole: true, yieldsWhenNarrow: true), .init(title: "NAAM", minimumWidth: 18), .init(title: "SOORT"),
            .init(title: "PLAATS"), .init(title: "STATUS", keepsWhole: true), .init(title: "ACT.", alignRight: true, keepsWhole: true),
            // Dates stay whole, as everywhere in a table.
            .init(title: "VOLGENDE DATUM", keepsWhole: true),
        ])
        let dates = Session.dates
        for overview in overviews {
            let relation = overview.relation
            var next = overview.nextDate.map { "\(dates.date($0.date)) \($0.label)\(overview.isNextOverdue(on: today) ? " (verlopen)" : "")" } ?? ""
            if let review = overview.overdueReviewBehindNext(on: today) { next += "; herijking \(dates.date(review)) (verlopen)" }
            table.append([relation.id, relation.name, relation.kind.label, relation.placeSummary, relation.status.label,
                          String(overview.activityCount), next])
        }
        Output.line(table.render(width: Output.width))
    }
}
