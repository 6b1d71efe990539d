import ArgumentParser
import DossierCore
import Foundation

/// `--store PATH` and `--read-only`, shared by every command, and opening the dossier they name.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Het dossierbestand. Anders $DOSSIER_STORE, anders $XDG_DATA_HOME/dossier/dossier.json (standaard ~/.local/share/dossier/dossier.json, bij eerste gebruik gevuld met het Osse dossier).",
        valueName: "pad"))
    var store: String?

    @Flag(name: .customLong("read-only"), help: "Alleen lezen: het dossier wordt niet vergrendeld en niet gewijzigd.")
    var isReadOnly = false

    /// The dossier named by `--store`, `$DOSSIER_STORE` or the default. An empty `--store ""` is a mistake
    /// (an unset variable in a script), not a request for the default dossier.
    var location: StoreLocation {
        get throws {
            if let store, store.isEmpty {
                throw failure("--store is leeg; geef het pad van een dossierbestand, of laat --store weg voor het standaarddossier",
                              code: ExitStatus.usage)
            }
            return StoreLocation.resolve(explicit: store, environment: Session.environment)
        }
    }

    /// The dossier for a command that only reads: no lock, so it works while someone else edits.
    func openForReading() throws -> (any DossierStorage, Dossier) {
        try open(forWriting: false)
    }

    /// The dossier for a command that changes it. Nothing is locked until the change is saved; the save
    /// takes in what others wrote meanwhile first.
    func openForWriting() throws -> (any DossierStorage, Dossier) {
        try open(forWriting: true)
    }

    /// The storage, opened for writing when asked, but not loaded: `backups` and `restore` must work on a
    /// dossier that does not load.
    func store(forWriting: Bool) throws -> any DossierStorage {
        if forWriting && isReadOnly {
            throw failure("--read-only: deze opdracht wijzigt het dossier en kan dus niet alleen-lezen", code: ExitStatus.usage)
        }
        let location = try self.location
        do {
            let store = try StorageOpener.open(location, configuration: try Session.configuration())
            if forWriting { try store.openForWriting(actor: try Session.actor()) }
            return store
        } catch {
            throw failure(error)
        }
    }

    private func open(forWriting: Bool) throws -> (any DossierStorage, Dossier) {
        let store = try store(forWriting: forWriting)
        let dossier = try store.loadOrExit()
        for notice in store.notices { Output.error("dossier: let op: \(notice)") }
        return (store, dossier)
    }
}

/// Who makes a change, when, and with which settings.
enum Session {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static func configuration() throws(StoreError) -> StoreConfiguration {
        try StoreConfiguration.load(environment: environment)
    }

    /// `DOSSIER_USER`, else the name in the configuration file, else the login name.
    static func actor() throws(StoreError) -> String {
        try configuration().actor
    }

    static var clock: Clock { Clock.fromEnvironment(environment) }

    /// When no name is configured: whose name the change carries instead, and how to set one.
    static func unnamedNotice() throws(StoreError) -> String? {
        let configuration = try configuration()
        guard !configuration.isNameConfigured else { return nil }
        let source = SystemUser.fullName == nil ? "de inlognaam" : "de volledige naam van het account"
        return "er is geen naam ingesteld; de wijziging staat op naam van '\(configuration.actor)' (\(source)). "
            + "Stel een naam in met \"name\" in \(StoreConfiguration.path(environment: environment)) of met DOSSIER_USER."
    }
}

extension DossierStorage {
    /// Loads the dossier for a command; when it does not load, the message also says how to bring back the
    /// last good state.
    func loadOrExit() throws -> Dossier {
        do {
            return try load()
        } catch {
            if error.isDataError, let newest = try? backups().first {
                Output.error("dossier: " + error.description)
                throw failure("de laatste bewaarde stand terugzetten: dossier restore \(newest.name) (alle back-ups: dossier backups)",
                              code: ExitStatus.dataError)
            }
            throw failure(error)
        }
    }

    /// Commits a change for a command: prints the store's message and exits non-zero when it fails.
    @discardableResult
    func commitOrExit(_ change: Change, to dossier: inout Dossier) throws -> Restoration {
        do {
            let undo = try commit(change, to: &dossier, context: Session.clock.context(actor: try Session.actor()))
            for notice in notices { Output.error("dossier: let op: \(notice)") }
            if let notice = try Session.unnamedNotice() { Output.error("dossier: let op: \(notice)") }
            return undo
        } catch {
            throw failure(error)
        }
    }
}
