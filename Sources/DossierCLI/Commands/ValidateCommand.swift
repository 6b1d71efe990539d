import ArgumentParser
import DossierCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Controleer een dossierbestand: syntaxis, formaat en regels. Verandert niets.",
        discussion: "Voorbeeld: dossier validate data/gemeente-oss.json"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Het te controleren bestand; standaard het dossier van --store.", valueName: "pad"))
    var path: String?

    func run() throws {
        let file = path ?? storeOptions.location.path
        let dossier: Dossier
        do {
            dossier = try DossierStore(path: file).load()
        } catch {
            throw failure(error)
        }
        Output.line(TerminalSafeText.line("\(file): geldig — \(dossier.relations.count) relaties, \(dossier.activities.count) activiteiten"))
    }
}
