import ArgumentParser
import DossierCore
import DossierPostgres

/// `dossier db`: the database behind a dossier in PostgreSQL.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "De PostgreSQL-database van een dossier (--store postgresql://GEBRUIKER@HOST:POORT/DATABASE).",
        subcommands: [DatabaseInitCommand.self]
    )
}

struct DatabaseInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Maak de tabellen van dossier in de database, of werk een oudere opmaak bij. Zet er daarna een dossier in met dossier copy.",
        discussion: """
        Voorbeeld:
          dossier db init --store postgresql://beheer@db.oss.nl/dossier
        Het wachtwoord komt uit PGPASSWORD of ~/.pgpass, nooit uit een instelling van dossier. Welke rollen een \
        beheerder maakt (schrijven, lezen), staat in docs/postgresql.md.
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let location = try storeOptions.location
        guard PostgresAddress.isAddress(location.path) else {
            throw failure("db init is voor een dossier in PostgreSQL (--store postgresql://…); een dossierbestand heeft geen tabellen",
                          code: ExitStatus.usage)
        }
        #if PostgreSQL
        do {
            let store = PostgresStore(address: try PostgresAddress(parsing: location.path, environment: Session.environment))
            let before = try store.initialize()
            switch before {
            case nil: Output.line(TerminalSafeText.line("Tabellen gemaakt in \(store.location). Zet er een dossier in met: dossier copy --from BESTAND --to \(ShellWord.quoted(store.location))"))
            case let version? where version < PostgresSchema.currentVersion:
                Output.line(TerminalSafeText.line("De opmaak van \(store.location) is bijgewerkt van versie \(version) naar \(PostgresSchema.currentVersion)."))
            default: Output.line(TerminalSafeText.line("\(store.location) heeft de tabellen al (versie \(PostgresSchema.currentVersion)); er is niets gewijzigd."))
            }
        } catch .notPermitted(let location, _) {
            // Making or bringing up the tables is the owner's: the team's roles may not, and their grants are not the cause.
            throw failure("\(location): db init maakt of wijzigt de tabellen, en deze rol mag dat niet; dat doet de beheerder, met een rol die "
                          + "de tabellen bezit of ze in het schema mag maken (CREATE); er is niets gewijzigd", code: ExitStatus.notPermitted)
        } catch {
            throw failure(error)
        }
        #else
        // The address is read as everywhere (a password in it refused first), then the build says what it lacks.
        do throws(StoreError) {
            throw StorageOpener.builtWithoutPostgres(try PostgresAddress(parsing: location.path, environment: Session.environment).description)
        } catch {
            throw failure(error)
        }
        #endif
    }
}
