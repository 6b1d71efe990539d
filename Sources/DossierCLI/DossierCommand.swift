import ArgumentParser
import DossierCore
import DossierTerminal

/// `dossier`: without a subcommand the TUI, with one a non-interactive command.
public struct DossierCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Internationale relaties, activiteiten en afwegingen van de gemeente Oss (Kader Internationalisering 2025-2030).",
        discussion: """
        Zonder opdracht opent het dossier in het terminalscherm. Met een opdracht werkt het niet-interactief, \
        voor scripts en rapportages. Elke wijziging wordt direct en duurzaam opgeslagen.

        Exitcodes: 0 gelukt, 64 verkeerd gebruik, 65 fout in de gegevens of geweigerde wijziging, \
        66 bestand bestaat niet, 74 schijffout, 75 dossier in gebruik.
        """,
        version: "0.1.0",
        subcommands: [
            RelationsCommand.self, ShowCommand.self, ActivitiesCommand.self, SetStatusCommand.self,
            LogVisitCommand.self, AddActivityCommand.self, MoveCommand.self, AssessCommand.self, ValidateCommand.self, ExportCommand.self,
        ]
    )

    @OptionGroup var storeOptions: StoreOptions

    public init() {}

    public func run() throws {
        let (store, dossier) = try storeOptions.open()
        let signal: Int32
        do {
            signal = try TUILauncher.run(dossier: dossier, performer: store, clock: Session.clock, actor: Session.actor, isReadOnly: false,
                                         environment: Session.environment)
        } catch {
            throw failure(error.description, code: ExitStatus.usage)
        }
        // Ended by SIGTERM, SIGHUP or SIGINT: the terminal is restored; exit as the shell expects (128 + signal).
        if signal != 0 { throw ExitCode(128 + signal) }
    }
}
