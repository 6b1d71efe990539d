import ArgumentParser
import DossierCore
import DossierPostgres

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Controleer een dossierbestand: syntaxis, formaat en regels. Verandert niets.",
        discussion: "Voorbeeld:\n  dossier validate data/gemeente-oss.json"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Het te controleren bestand; standaard het dossier van --store.", valueName: "pad"))
    var path: String?

    @Flag(help: "Uitvoer als JSON: file, valid, en relations en activities (geldig) of problems met line, column, path en message; notices: opmerkingen bij een geldig dossier.")
    var json = false

    func run() throws {
        let file = try path ?? storeOptions.location.path
        if PostgresAddress.isAddress(file) { return try validateDatabase(file) }
        let dossier: Dossier
        let store = DossierStore(path: file)
        store.checksEverything = true
        do {
            dossier = try store.load()
            // Everything: the log as well, each archived change with its checksum and its place in the chain.
            _ = try store.history()
        } catch {
            if json, case let problems = Self.problems(of: error), !problems.isEmpty {
                Output.document(Self.report(file: file, problems: problems, dossier: nil))
                throw ExitCode(ExitStatus.dataError)
            }
            throw failure(error)
        }
        // Valid, but not without remarks (a journal that ended in a half-written line, an older format).
        for notice in store.notices { Output.error("dossier: let op: \(notice)") }
        if json {
            Output.document(Self.report(file: file, problems: [], dossier: dossier, notices: store.notices))
            return
        }
        Self.sayValid(file, dossier)
    }

    /// "PAD: geldig — 37 relaties, 6 activiteiten".
    private static func sayValid(_ location: String, _ dossier: Dossier) {
        Output.line(TerminalSafeText.line("\(location): geldig — \(count(dossier.relations.count, "relatie", "relaties")), \(count(dossier.activities.count, "activiteit", "activiteiten"))"))
    }

    /// A dossier in a database: read through its storage, then every rule checked, as for a file.
    private func validateDatabase(_ typed: String) throws {
        // Shown without a password typed in it, as every message shows an address.
        let address = (try? PostgresAddress(parsing: typed, environment: Session.environment))?.description ?? typed
        let dossier: Dossier
        do {
            let storage = try StorageOpener.open(StoreLocation.typed(typed, environment: Session.environment),
                                                 configuration: try Session.configurationForReading(), preparing: false)
            dossier = try storage.load()
            _ = try storage.history()
        } catch {
            throw failure(error)
        }
        let problems = DossierValidator.problems(in: dossier).map { LocatedProblem(position: nil, path: $0.path, message: $0.message) }
        if json {
            Output.document(Self.report(file: address, problems: problems, dossier: problems.isEmpty ? dossier : nil))
            if !problems.isEmpty { throw ExitCode(ExitStatus.dataError) }
            return
        }
        guard problems.isEmpty else {
            for problem in problems { Output.error(TerminalSafeText.line("dossier: \(address): \(problem.path): \(problem.message)")) }
            throw ExitCode(ExitStatus.dataError)
        }
        Self.sayValid(address, dossier)
    }

    /// The problems a failed load found in the data; none for a file that could not be read at all.
    static func problems(of error: StoreError) -> [LocatedProblem] {
        switch error {
        case let .damaged(_, problem): [problem]
        case let .invalid(_, problems): problems
        case let .damagedJournal(file, damage): [LocatedProblem(position: nil, path: JSONPath(), message: "journaal \(file): \(damage)")]
        case let .notADossier(_, beginning):
            [LocatedProblem(position: nil, path: JSONPath(), message: "geen dossier: een dossier is een JSON-bestand dat met '{' begint, dit bestand begint met '\(beginning)'")]
        default: []
        }
    }

    static func report(file: String, problems: [LocatedProblem], dossier: Dossier?, notices: [String] = []) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("file", file)
        writer.field("valid", dossier != nil)
        if let dossier {
            writer.field("relations", dossier.relations.count)
            writer.field("activities", dossier.activities.count)
        }
        writer.key("problems")
        writer.beginArray()
        for problem in problems {
            writer.element()
            writer.beginInlineObject()
            if let position = problem.position {
                writer.field("line", position.line)
                writer.field("column", position.column)
            }
            writer.field("path", problem.path.description)
            writer.field("message", problem.message)
            writer.endObject()
        }
        writer.endArray()
        if !notices.isEmpty {
            writer.key("notices")
            writer.inlineStrings(notices)
        }
        writer.endObject()
        writer.finishDocument()
        return writer.bytes
    }
}
