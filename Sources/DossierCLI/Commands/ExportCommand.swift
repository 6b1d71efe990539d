import ArgumentParser
import DossierCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporteer het dossier.",
        discussion: "Voorbeeld: dossier export --format json -o kopie.json"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Formaat: json.", valueName: "formaat"))
    var format: String = "json"

    @Option(name: .customShort("o"), help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar de standaarduitvoer.", valueName: "pad"))
    var output: String?

    func run() throws {
        guard format == "json" else { throw ValidationError("--format: kies json") }
        let (_, dossier) = try storeOptions.openForReading()
        let bytes = dossier.encoded()
        if let output {
            do {
                try DurableWriter(fileSystem: PosixFileSystem()).replace(output, with: bytes)
            } catch {
                throw failure(.fileSystem(error))
            }
        } else {
            Output.bytes(bytes)
        }
    }
}
