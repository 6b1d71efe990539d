import ArgumentParser
import DossierCore

/// `dossier new PATH`: an empty dossier to begin with, holding the Kader and the budget lines.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Begin een nieuw dossier: het Kader Internationalisering 2025-2030 en de budgetregels, nog zonder (andere) relaties en activiteiten.",
        discussion: """
        Voorbeeld, en daarna de eerste relatie (of zet DOSSIER_STORE):
          dossier new ~/dossiers/internationaal.json
          dossier --store ~/dossiers/internationaal.json add-relation \\
              --name "Taizhou" --kind vriendschapsrelatie --country China
        Een bestand dat er al is, wordt nooit overschreven. Het Osse dossier met al zijn relaties \
        en activiteiten staat in data/gemeente-oss.json; een kopie ervan maakt u met dossier copy --from … --to ….
        """
    )

    @Argument(help: ArgumentHelp("Het nieuwe dossierbestand (of postgresql://… voor een lege database).", valueName: "pad"))
    var path: String

    func run() throws {
        try DossierPathArgument.check(path, option: "dossier new")
        do throws(StoreError) {
            let configuration = try Session.configuration(needing: Session.settingsForWriting)
            let target = try StorageOpener.open(StoreLocation.typed(path, environment: Session.environment), configuration: configuration)
            var dossier = NewDossier.make()
            dossier.beginLineage()
            do throws(StoreError) {
                try target.importArchive(DossierArchive(snapshot: dossier.encoded(), sequence: 0, lines: [], backups: []), replacing: false)
            } catch .targetTaken {
                throw StoreError.targetTaken("\(target.location) bestaat al (of er staat een dossier); er is niets geschreven. Kies een ander pad: "
                                             + "dossier new overschrijft nooit")
            }
            _ = try target.load()
            let paid = dossier.relations.isEmpty ? "" : " en " + (dossier.relations.count == 1 ? "de relatie die een budgetregel betaalt" : "de relaties die een budgetregel betaalt")
                + " (\(dossier.relations.map(\.name).joined(separator: ", ")))"
            Output.line(TerminalSafeText.line("Nieuw dossier: \(target.location), met het Kader, \(dossier.budgetLines.count) budgetregels\(paid); "
                + "verder nog geen relaties en geen activiteiten."))
            Output.line(TerminalSafeText.line("Verder: dossier --store \(ShellWord.singleQuoted(target.location)) add-relation --name NAAM --kind SOORT "
                + "(of het scherm: dossier --store \(ShellWord.singleQuoted(target.location)))"))
        } catch {
            throw failure(error)
        }
    }
}
