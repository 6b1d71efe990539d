import ArgumentParser
import DossierCore
import Foundation

/// `--store PATH`, shared by every command, and opening the dossier it names.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Het dossierbestand. Anders $DOSSIER_STORE, anders $XDG_DATA_HOME/dossier/dossier.json (standaard ~/.local/share/dossier/dossier.json, bij eerste gebruik gevuld met het Osse dossier).",
        valueName: "pad"))
    var store: String?

    var location: StoreLocation {
        StoreLocation.resolve(explicit: store, environment: ProcessInfo.processInfo.environment)
    }

    /// The store and its dossier, loaded and checked; on failure the message is printed and the
    /// command ends with the matching exit code.
    func open() throws -> (DossierStore, Dossier) {
        let location = self.location
        do {
            try location.prepare()
            let store = DossierStore(path: location.path)
            return (store, try store.load())
        } catch {
            throw failure(error)
        }
    }
}

/// Who makes a change, and when.
enum Session {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `DOSSIER_USER` when set, else the login name.
    static var actor: String {
        if let name = environment["DOSSIER_USER"], !name.trimmingCharacters(in: .whitespaces).isEmpty { return name }
        return SystemUser.name
    }

    static var clock: Clock { Clock.fromEnvironment(environment) }

    static var context: ChangeContext { clock.context(actor: actor) }
}

extension DossierStore {
    /// Commits a change for a command: prints the store's message and exits non-zero when it fails.
    @discardableResult
    func commitOrExit(_ change: Change, to dossier: inout Dossier) throws -> Restoration {
        do {
            return try commit(change, to: &dossier, context: Session.context)
        } catch {
            throw failure(error)
        }
    }
}
