import ArgumentParser
import DossierCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Toon één relatie of activiteit volledig: velden, contacten, statusgeschiedenis, activiteiten.",
        discussion: "Voorbeeld: dossier show taizhou"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id van een relatie of activiteit.", valueName: "id"))
    var id: String

    @Flag(help: "Uitvoer als JSON (één object) voor scripts.")
    var json = false

    func run() throws {
        let (_, dossier) = try storeOptions.openForReading()
        if let relation = dossier.relation(id) {
            if json {
                var writer = JSONWriter()
                relation.write(to: &writer)
                writer.finishDocument()
                Output.document(writer.bytes)
            } else {
                Output.line(DetailText.relation(relation, in: dossier).joined(separator: "\n"))
            }
        } else if let activity = dossier.activity(id) {
            if json {
                var writer = JSONWriter()
                activity.write(to: &writer)
                writer.finishDocument()
                Output.document(writer.bytes)
            } else {
                Output.line(DetailText.activity(activity, in: dossier).joined(separator: "\n"))
            }
        } else {
            throw failure("onbekende relatie of activiteit '\(id)'", code: ExitStatus.dataError)
        }
    }
}
