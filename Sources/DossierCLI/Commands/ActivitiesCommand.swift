import ArgumentParser
import DossierCore

struct ActivitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activities",
        abstract: "Toon de activiteiten, op datum.",
        discussion: "Voorbeelden:\n  dossier activities --year 2025 --kind delegatiebezoek\n  dossier activities --relation taizhou --year 2025-2026\n  dossier activities --country China --year 2026\n  dossier activities --relation pivot-park --json"
    )

    @OptionGroup var storeOptions: StoreOptions

    /// The JSON and the table go out in pieces of about this many bytes, never held whole.
    static let piece = 1 << 16
    /// Copied from the snapshot, on every core: a piece per core at a time. (Below the threshold above which a block
    /// gets its own mapping, `dossier_fix_mmap_threshold`: the pieces reuse memory instead of each being mapped and
    /// faulted in anew.)
    static let copiedPiece = 1 << 20

    @Option(help: ArgumentHelp("Alleen activiteiten met deze status (\(ActivityStatus.allowedList)); mag vaker, of gescheiden door komma's: een van die statussen.", valueName: "status"))
    var status: [String] = []

    @Option(help: ArgumentHelp("Alleen deze soort (\(ActivityKind.allowedList)).", valueName: "soort"))
    var kind: String?

    @Option(help: ArgumentHelp("Alleen activiteiten die in dit jaar beginnen, of in deze jaren (2025-2026).", valueName: "jaar"))
    var year: String?

    @Option(help: ArgumentHelp("Alleen activiteiten van deze relatie (id of naam).", valueName: "id"))
    var relation: String?

    @Option(help: ArgumentHelp("Alleen delegatiebezoeken in deze richting (inkomend of uitgaand).", valueName: "richting"))
    var direction: String?

    @Option(name: [.customLong("country"), .customLong("countries")],
            help: ArgumentHelp("Alleen activiteiten die naar dit land gaan of waarvan de delegatie eruit komt (Nederlandse naam of code); mag vaker, of gescheiden door komma's: een van die landen.", valueName: "land"))
    var countries: [String] = []

    @Flag(help: "Uitvoer als JSON (een lijst objecten) voor scripts.")
    var json = false

    func validate() throws {
        _ = try years()
        _ = try ArgumentValues.vocabularies(status, ActivityStatus.self, option: "--status")
        _ = try ArgumentValues.countryFilter(countries, option: "--country")
    }

    /// The year or span of years of `--year`, read by the core's one reading of it.
    private func years() throws -> YearSpan? {
        try year.map { try ArgumentValues.parse($0, option: "--year", YearSpan.read) }
    }

    /// The query, with `--relation` looked up among the dossier's relations.
    private func query(in dossier: Dossier) throws -> ActivityQuery {
        let span = try years()
        return ActivityQuery(
            statuses: try ArgumentValues.vocabularies(status, ActivityStatus.self, option: "--status"),
            kind: try kind.map { try ArgumentValues.vocabulary($0, ActivityKind.self, option: "--kind") },
            year: span?.first,
            throughYear: span.flatMap { $0.last == $0.first ? nil : $0.last },
            relation: try relation.map { try Lookup.relation($0, in: dossier).id },
            direction: try direction.map { try ArgumentValues.vocabulary($0, VisitDirection.self, option: "--direction") },
            countries: try ArgumentValues.countryFilter(countries, option: "--country")
        )
    }

    func run() throws {
        let store = try storeOptions.store(forWriting: false)
        // A large dossier is listed from its snapshot's bytes when the storage can vouch for them (any doubt,
        // and the whole dossier is read, which also says what is wrong with it). The activity index holds no
        // countries: a list by country reads the whole dossier.
        if countries.isEmpty, let listing = try? store.activityListing() {
            let query = try query(in: listing.dossier)
            guard json else { return printTable(listing.rows(query), of: query, relations: listing.dossier) }
            do {
                try listing.writeJSON(query, piece: Self.copiedPiece, to: Output.document)
            } catch {
                throw failure(error)
            }
            return
        }
        let dossier = try storeOptions.load(store)
        let query = try query(in: dossier)
        if json { return ActivitiesJSON.write(query, of: dossier, piece: Self.piece, to: Output.document) }
        printTable(query.apply(to: dossier.activities).map(ActivityRow.init), of: query, relations: dossier)
    }

    /// The table, written as it is made: a hundred thousand rows are never held as text. No rows: a sentence that says
    /// so, not a bare header.
    private func printTable(_ rows: [ActivityRow], of query: ActivityQuery, relations dossier: Dossier) {
        guard !rows.isEmpty else {
            return Output.line(query == ActivityQuery() ? "Het dossier heeft nog geen activiteiten." : "Geen activiteiten met deze filters.")
        }
        let table = TextTable([
            .init(title: "DATUM", keepsWhole: true), .init(title: "ID", keepsWhole: true, yieldsWhenNarrow: true), .init(title: "TITEL", minimumWidth: 20),
            .init(title: "SOORT"), .init(title: "STATUS", keepsWhole: true), .init(title: "RELATIES"),
            .init(title: "KOSTEN", alignRight: true),
        ])
        // Read once: the setting comes from the configuration file and the environment.
        let dates = Session.dates
        let today = Session.clock.today()
        func cells(_ index: Int) -> [String] {
            let row = rows[index]
            let relations = row.relations.map { dossier.relationName($0) }.joined(separator: ", ")
            // Over without a recorded outcome: said as the relations' table says an overdue date (its signal is in `due`).
            let date = dates.date(row.startDate, none: "—") + (row.isOverdue(on: today) ? " (verlopen)" : "")
            return [date, row.id, row.title, row.kind.label, row.status.label, relations, row.cost?.formatted ?? ""]
        }
        table.stream(rows: rows.count, cells: cells, width: Output.width, piece: Self.piece, to: Output.piece)
    }
}
