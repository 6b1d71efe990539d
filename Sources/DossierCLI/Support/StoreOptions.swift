import ArgumentParser
import DossierCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `--store PATH` and `--read-only`, shared by every command, and opening the dossier they name.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Het dossierbestand, of een PostgreSQL-database (postgresql://GEBRUIKER@HOST/DATABASE; zie dossier db). Anders $DOSSIER_STORE, anders $XDG_DATA_HOME/dossier/dossier.json (standaard ~/.local/share/dossier/dossier.json, bij eerste gebruik gevuld met het Osse dossier).",
        valueName: "pad"))
    var store: String?

    @Flag(name: .customLong("read-only"), help: "Alleen lezen: het dossier wordt niet vergrendeld en niet gewijzigd.")
    var isReadOnly = false

    /// How a command on this same dossier starts, in a hint to copy: with `--store '…'` when `--store` named it.
    var command: String {
        "dossier" + (store.map { " --store " + ShellWord.singleQuoted($0) } ?? "")
    }

    /// The dossier named by `--store`, `$DOSSIER_STORE` or the default. An empty `--store ""` is a mistake
    /// (an unset variable in a script), not a request for the default dossier.
    var location: StoreLocation {
        get throws {
            if let store, store.isEmpty {
                throw failure("--store is leeg; geef het pad van een dossierbestand, of laat --store weg voor het standaarddossier",
                              code: ExitStatus.usage)
            }
            if let store {
                try DossierPathArgument.check(store, option: "--store")
            } else if let variable = Session.environment["DOSSIER_STORE"] {
                try DossierPathArgument.check(variable, option: "DOSSIER_STORE=")
            }
            return StoreLocation.resolve(explicit: store, environment: Session.environment, configured: try configuredStore())
        }
    }

    /// The `store` of the configuration file, when neither `--store` nor `DOSSIER_STORE` names one. One that
    /// cannot be used (a password in it) stops the command rather than open another dossier; a configuration
    /// file that is not JSON any more is said, and the default dossier opens (writers stop at the settings
    /// they need).
    private func configuredStore() throws -> String? {
        guard store == nil, Session.environment["DOSSIER_STORE"].map(\.isEmpty) ?? true else { return nil }
        do {
            return try Session.configuration(needing: ["store"]).store
        } catch {
            guard case .damaged = error else { throw failure(error) }
            return try Session.configurationForReading().store
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
        try refuseMakingReadOnly(location)
        do {
            let configuration = forWriting ? try Session.configuration(needing: Session.settingsForWriting) : try Session.configurationForReading()
            let store = try StorageOpener.open(location, configuration: configuration, preparing: !isReadOnly)
            if forWriting { try store.openForWriting(actor: try Session.actor()) }
            return store
        } catch {
            throw failure(error)
        }
    }

    /// `--read-only` where the default dossier was never made: it would be made from the bundled one, which is a write.
    func refuseMakingReadOnly(_ location: StoreLocation) throws {
        guard isReadOnly, location.isUnmade() else { return }
        throw failure("\(location.path) bestaat nog niet, en --read-only maakt niets aan; zonder --read-only begint dossier daar met "
                      + "het meegeleverde Osse dossier", code: ExitStatus.noInput)
    }

    /// For a command whose change touches relations alone (a status, a contact): `make` builds the change
    /// from the dossier's relations (and must look at nothing else; nil when there is nothing to change, and
    /// nothing is saved), then it is saved. Where the storage can,
    /// the dossier holds only the relations, read without the activities (`RelationsDossier`: milliseconds
    /// instead of a second for a large dossier), and the change is saved as `save(_:madeOn:in:)` says; when
    /// that cannot be done the whole dossier is loaded and `make` runs on it, so the outcome and any message are
    /// those of the whole dossier.
    /// - Returns: the dossier after the change (its relations as they are now).
    /// `seen`, asked after `make`: the records the change was decided on, as seen (a removal confirmed after a question).
    func changeRelations(seen: () -> SeenRecords = { SeenRecords() }, _ make: (Dossier) throws -> Change?) throws -> Dossier {
        try changeRelations(reading: { try? $0.loadRelations() }, seen: seen) { dossier, _ in try make(dossier) }
    }

    /// For a command on the contacts of `owner` as typed (a relation, or `gemeente`): as `changeRelations`. The
    /// municipality's own contacts come after the activities in the file, so for those the whole dossier is read.
    func changeContacts(of owner: String, seen: () -> SeenRecords = { SeenRecords() }, _ make: (Dossier) throws -> Change?) throws -> Dossier {
        let own = NameLookup.namesMunicipality(owner)
        return try changeRelations(reading: { own ? nil : try? $0.loadRelations() }, seen: seen) { dossier, _ in try make(dossier) }
    }

    /// For `add-relation`: as `changeRelations`, and `make` gets a maker of fresh relation ids, which must be no
    /// activity's either. Where the storage can, the dossier holds the relations and the other activities' tally
    /// (their ids) alone; otherwise the whole dossier is loaded and `make` runs on it.
    func addRelation(_ make: (Dossier, _ newID: (String) -> RelationID) throws -> Change?) throws -> Dossier {
        try changeRelations(reading: { store in (try? store.loadForAddingActivity()).flatMap { $0.tally == nil ? nil : $0 } }) { dossier, read in
            try make(dossier, read?.newRelationID ?? dossier.newRelationID)
        }
    }

    /// The two above: `read` gives the relations without the activities where the storage can (nil: the whole
    /// dossier is loaded instead, which says why when it cannot be read at all), and `make` gets what was read.
    private func changeRelations(reading read: (any DossierStorage) -> RelationsDossier?, seen: () -> SeenRecords = { SeenRecords() },
                                 _ make: (Dossier, RelationsDossier?) throws -> Change?) throws -> Dossier {
        let store = try store(forWriting: true)
        if var relations = read(store) {
            guard let change = try make(relations.dossier, relations) else { return relations.dossier }
            return try save(change, madeOn: &relations, in: store, seen: seen())
        }
        var dossier = try load(store)
        guard let change = try make(dossier, nil) else { return dossier }
        try store.commitOrExit(change, to: &dossier, seen: seen())
        return dossier
    }

    /// For a command that adds one activity: `make` builds it from the dossier's relations and budget lines,
    /// its id made by `newID` from a title (and must look at no other activity), then it is saved. Where the
    /// storage can, the dossier holds only the relations, and of the other activities only their ids, number
    /// and budget (`ActivityTally`); otherwise, or when the addition must be made on the whole dossier after
    /// all, the whole dossier is loaded and `make` runs on it, with the outcome and messages of the whole dossier.
    /// A colleague who adds an activity with the same id between this command's reading and its saving (the same
    /// title, or a visit from the same place on the same day, at the same moment) does not make it fail: the id this
    /// command made is made again on the dossier as it is then, as it would have been a moment later. An id given
    /// with `--id` is refused as taken.
    /// - Returns: the activity as saved (its first status change stamped), the first look at the Kader, and whether an
    ///   id is an activity's after the addition (for `LikelyDouble`).
    func addActivity(_ make: (Dossier, _ newID: (String) -> ActivityID) throws -> Activity) throws
        -> (activity: Activity, firstLook: [String], isActivity: (ActivityID) -> Bool) {
        var attempt = 1
        while true {
            var madeID = false
            let isTaken = { (error: StoreError) -> Bool in
                guard attempt < 5, case .refused(let refusal) = error else { return false }
                return refusal.kind == .conflict && refusal.field == "id"
            }
            do {
                return try addActivityOnce(make, madeID: &madeID, passingOn: isTaken)
            } catch let error as StoreError where isTaken(error) {
                attempt += 1
            }
        }
    }

    /// `madeID`: set when `make` asked for a new id; only then is a refusal that `passes` thrown as it is, not said.
    private func addActivityOnce(_ make: (Dossier, _ newID: (String) -> ActivityID) throws -> Activity, madeID: inout Bool,
                                 passingOn passes: (StoreError) -> Bool) throws
        -> (activity: Activity, firstLook: [String], isActivity: (ActivityID) -> Bool) {
        let store = try store(forWriting: true)
        if var adding = try? store.loadForAddingActivity(), adding.tally != nil {
            let activity = try make(adding.dossier) { [adding] title in
                madeID = true
                return adding.newActivityID(for: title)
            }
            let dossier = try save(.addActivity(activity), madeOn: &adding, in: store, passingOn: { [madeID] in madeID && passes($0) })
            let added = dossier.activity(activity.id) ?? activity
            // The tally as the addition left it (the new activity counted in).
            let tally = adding.tally
            return (added, FirstLookText.lines(for: added, in: dossier, ledger: dossier.isPart ? tally?.ledger : nil),
                    { dossier.activity($0) != nil || (dossier.isPart && tally?.contains($0) == true) })
        }
        var dossier = try load(store)
        let activity = try make(dossier) { [dossier] title in
            madeID = true
            return dossier.newActivityID(for: title)
        }
        try store.commitOrExit(.addActivity(activity), to: &dossier, passingOn: { [madeID] in madeID && passes($0) })
        let added = dossier.activity(activity.id) ?? activity
        return (added, FirstLookText.lines(for: added, in: dossier), { [dossier] in dossier.activity($0) != nil })
    }

    /// For a command that changes one activity, named by `typed` (an id or a title): `make` builds the change
    /// from the activity and the dossier (and must look at no other activity), then it is saved. Where it can
    /// (`changeActivityAlone`) the dossier holds only the relations and that activity; otherwise the whole
    /// dossier is loaded, the activity looked up there, and `make` runs on it. `make` returns nil when there is
    /// nothing to change: then nothing is saved.
    /// - Returns: the activity before and after the change, and the dossier it was made on.
    func changeActivity(_ typed: String, withBudget: Bool = false, _ make: (Activity, Dossier) throws -> Change?) throws -> (before: Activity, after: Activity, dossier: Dossier) {
        try changeActivity(typed, withBudget: withBudget) { activity, dossier, _ in try make(activity, dossier) }
    }

    /// The same, `make` also getting the budget of all activities when the dossier holds only some (with `withBudget`).
    func changeActivity(_ typed: String, withBudget: Bool = false, _ make: (Activity, Dossier, BudgetLedger?) throws -> Change?) throws
        -> (before: Activity, after: Activity, dossier: Dossier) {
        let store = try store(forWriting: true)
        if let changed = try changeActivityAlone(typed, in: store, withBudget: withBudget, make) {
            return changed
        }
        var dossier = try load(store, refusingUnknown: { _ = try Lookup.activity(typed, in: $0) })
        let before = try Lookup.activity(typed, in: dossier)
        guard let change = try make(before, dossier, nil) else { return (before, before, dossier) }
        try store.commitOrExit(change, to: &dossier)
        return (before, dossier.activity(before.id) ?? before, dossier)
    }

    /// A change to one activity made on the relations and that activity alone (`loadForChangingActivity`), when
    /// `typed` is that activity's id or a name only it answers to (and no relation does), and the storage can;
    /// `make` returns nil when there is nothing to change (then nothing is saved). With `withBudget`, `make` gets
    /// the budget of all activities (this one counted in) for weighing it. Nil, with nothing written, when it
    /// must be made on the whole dossier: then the caller makes it there, with the outcome and messages of the
    /// whole dossier.
    func changeActivityAlone(_ typed: String, in store: any DossierStorage, withBudget: Bool = false,
                             _ make: (Activity, Dossier, BudgetLedger?) throws -> Change?) throws -> (before: Activity, after: Activity, dossier: Dossier)? {
        guard let read = try? store.loadForChangingActivity(typed, withBudget: withBudget) else { return nil }
        return try changeActivity(read, in: store, withBudget: withBudget, make)
    }

    /// The same, on the relations and the one activity already read (`loadForChangingActivity`,
    /// `loadForChangingSubject`).
    func changeActivity(_ read: RelationsDossier, in store: any DossierStorage, withBudget: Bool = false,
                        _ make: (Activity, Dossier, BudgetLedger?) throws -> Change?) throws -> (before: Activity, after: Activity, dossier: Dossier)? {
        var read = read
        guard let before = read.activityRead, !withBudget || read.budget != nil else { return nil }
        guard let change = try make(before, read.dossier, read.budget) else { return (before, before, read.dossier) }
        let dossier = try save(change, madeOn: &read, in: store)
        return (before, dossier.activity(before.id) ?? before, dossier)
    }

    /// Saves a change made on a dossier read without (all) its activities, and says what the storage has to say.
    /// When the storage cannot save it so (someone else wrote since it was read, or the change needs the whole
    /// dossier after all), the same change is saved on the whole dossier, as the whole path saves one made on a
    /// dossier that others changed since: refused when what it was made on changed meanwhile (a value, a record
    /// gone), naming whose change that was. Never made anew on what is there now: that would overwrite a
    /// colleague's change, or remove another record than the one confirmed.
    /// - Returns: the dossier after the change: `read`'s, or the whole one.
    /// `passes`: a refusal the caller handles itself, thrown as it is instead of said.
    func save(_ change: Change, madeOn read: inout RelationsDossier, in store: any DossierStorage, seen: SeenRecords = SeenRecords(),
              passingOn passes: (StoreError) -> Bool = { _ in false }) throws -> Dossier {
        do {
            var context = Session.clock.context(actor: try Session.actor())
            context.seen = seen
            if try store.commit(change, to: &read, context: context) != nil {
                try store.reportAfterCommit()
                return read.dossier
            }
        } catch where passes(error) {
            throw error
        } catch {
            throw failure(error)
        }
        var dossier = try load(store)
        store.rememberOthers(since: read)
        try store.commitOrExit(change, to: &dossier, seen: seen, passingOn: passes)
        return dossier
    }

    private func open(forWriting: Bool) throws -> (any DossierStorage, Dossier) {
        let store = try store(forWriting: forWriting)
        return (store, try load(store))
    }

    /// The whole dossier, for a command that then looks up what was typed in it, after its own lookup from the indexes
    /// failed (nearly always because the name fits nothing or more than one): `lookUp` throws that refusal. Where the
    /// storage can, the name is looked up in its indexes first (`loadForNaming`, ± 0,3 s at 100.000), so a refusal comes
    /// as the whole dossier gives it without reading that; a name that fits is read whole as before.
    func load(_ store: any DossierStorage, refusingUnknown lookUp: (NameCatalog) throws -> Void) throws -> Dossier {
        if let names = try? store.loadForNaming() { try lookUp(names) }
        return try load(store)
    }

    /// The whole dossier of a storage opened by `store(forWriting:)`, with what the storage has to say about it.
    func load(_ store: any DossierStorage) throws -> Dossier {
        let dossier = try store.loadOrExit()
        for notice in store.notices { Output.error("dossier: let op: \(notice)") }
        return dossier
    }
}

/// Who makes a change, when, and with which settings.
enum Session {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The settings a command that changes the dossier uses: who, and how the store keeps its files.
    static let settingsForWriting = ["name", "backups", "journalLimit", "lockWait"]

    /// The settings, for a command that uses the ones named: one of those that cannot be read, or a damaged
    /// configuration file, stops it. An unknown setting (a typo), and an unreadable one it does not use, are
    /// said once, by `report` (on stderr unless the screen shows them), and skipped.
    static func configuration(needing settings: [String], reporting report: (String) -> Void = warn) throws(StoreError) -> StoreConfiguration {
        let configuration = try StoreConfiguration.load(environment: environment)
        var warnings = configuration.unknownSettings
        warnings += configuration.refusedSettings.sorted { $0.key < $1.key }.filter { !settings.contains($0.key) }.map { key, message in
            "ongeldige instelling: \(message). Deze opdracht gaat door zonder '\(key)' (met de standaardwaarde)."
        }
        for warning in warnings where warned.insert(warning).inserted { report(warning) }
        try configuration.check(settings)
        return configuration
    }

    /// The settings, for a command that only reads the dossier and uses none of them: a configuration file
    /// that cannot be read is a warning, and the defaults apply. (A wrong DOSSIER_… variable, typed for this
    /// very run, is still refused.)
    static func configurationForReading() throws(StoreError) -> StoreConfiguration {
        do {
            return try configuration(needing: [])
        } catch {
            guard case .damaged = error else { throw error }
            let description = error.description
            let warning = description + (description.hasSuffix(".") ? "" : ".") + " Deze opdracht heeft de instellingen niet nodig en gaat door."
            if warned.insert(warning).inserted { warn(warning) }
            return StoreConfiguration()
        }
    }

    /// Warnings about the settings already given in this run (the configuration is read more than once).
    nonisolated(unsafe) private static var warned: Set<String> = []

    private static func warn(_ warning: String) {
        Output.error("dossier: let op: \(warning)")
    }

    /// `DOSSIER_USER`, else the name in the configuration file, else the login name.
    static func actor() throws(StoreError) -> String {
        try configuration(needing: ["name"]).actor
    }

    /// The clock of this run, read once, when a command first needs the date or the time (help and the version do not): a
    /// `DOSSIER_NOW` that does not read stops the command then, before it opens the dossier, so that no change is dated by
    /// the system clock unnoticed.
    static let clock: Clock = {
        if let problem = Clock.problem(in: environment) {
            Output.error("dossier: \(problem)")
            Glibc.exit(ExitStatus.usage)
        }
        return Clock.fromEnvironment(environment)
    }()

    /// How dates and times are written for people: the `dateFormat` setting, in the local time zone. The
    /// setting is read leniently: a command that shows dates still runs when it cannot be read (it says so).
    static var dates: DateWriting {
        ((try? configurationForReading()) ?? StoreConfiguration()).dates(clock: clock)
    }

    /// When no name is configured: whose name the change carries instead, and how to set one.
    static func unnamedNotice() throws(StoreError) -> String? {
        let configuration = try configuration(needing: ["name"])
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
            throw loadFailure(error)
        }
    }

    /// What a dossier that does not load ends a command with: the reason, and for damaged data the command
    /// that brings back the last good state.
    func loadFailure(_ error: StoreError) -> Error {
        if case .damagedJournal(let journal, let damage) = error, let file = self as? DossierStore, journal == file.files.journal,
           let holds = file.snapshotChangeNumber {
            // The snapshot itself is whole: a backup is older still, and restoring one would drop what it holds.
            Output.error("dossier: " + error.description)
            let older = (try? backups().first).map { "; een oudere stand: \(command) restore \(ShellWord.quoted($0.name)) (tot en met wijziging \($0.sequence))" } ?? ""
            let quoted = ShellWord.singleQuoted(journal), aside = ShellWord.singleQuoted(journal + ".beschadigd")
            // Never merged (a copy of the bundled dossier): every change is in the journal.
            let whole = holds == 0 ? "is heel, zonder de wijzigingen in het journaal" : "is heel, tot en met wijziging \(holds)"
            guard damage.line > 1 else {
                return failure("het dossier zelf (\(file.path)) \(whole); alleen de wijzigingen daarna, in het journaal, "
                               + "zijn niet te lezen. Verder zonder die wijzigingen: zet het journaal opzij (mv \(quoted) \(aside)); "
                               + "ze blijven daarin bewaard\(older)", code: ExitStatus.dataError)
            }
            // The lines before the damage are whole: keeping them keeps every change they hold.
            return failure("het dossier zelf (\(file.path)) \(whole), en het journaal tot regel \(damage.line). "
                           + "Verder met alles wat heel is: bewaar het journaal (cp \(quoted) \(aside)) en houd alleen de regels ervoor "
                           + "(head -n \(damage.line - 1) \(aside) > \(quoted)); wat vanaf regel \(damage.line) staat, blijft in de bewaarde kopie\(older)",
                           code: ExitStatus.dataError)
        }
        // The newest backup and the history and journal after it still continue each other (a file copied over the dossier,
        // or damaged): restore makes the file again from them, and nothing is lost. That comes first, before any advice to
        // set the journal aside.
        if error.isDataError, let file = self as? DossierStore, let newest = try? backups().first,
           let rebuilt = (try? file.rebuiltState(from: newest.name)) ?? nil {
            Output.error("dossier: " + (error.description.split(separator: "\n").first.map(String.init) ?? error.description))
            return failure("er gaat niets verloren: \(command) restore \(ShellWord.quoted(newest.name)) bouwt het dossier opnieuw op uit die back-up "
                           + "en de wijzigingen erna, tot en met wijziging \(rebuilt.dossier.journalSequence + rebuilt.journalCount)", code: ExitStatus.dataError)
        }
        if error.isDataError, let newest = try? backups().first {
            Output.error("dossier: " + error.description)
            // Damage at a named place is most often one character: mended there, nothing is lost. A restore goes back to
            // the backup and sets what came after it aside.
            let mend = if case .damaged(_, let problem) = error, problem.position != nil {
                "herstel het bestand op die plek (dan gaat er niets verloren), of zet "
            } else {
                "zet "
            }
            return failure("\(mend)de laatste bewaarde stand terug: \(command) restore \(ShellWord.quoted(newest.name)) (tot en met wijziging \(newest.sequence); "
                           + "wat daarna kwam, gaat opzij) (alle back-ups: \(command) backups)", code: ExitStatus.dataError)
        }
        if case .damaged(_, let problem) = error, problem.position != nil {
            // Without a backup to go back to, mending the place named is the way, and loses nothing.
            Output.error("dossier: " + error.description)
            return failure("herstel het bestand op die plek (dan gaat er niets verloren); er is nog geen back-up om terug te zetten",
                           code: ExitStatus.dataError)
        }
        return failure(error)
    }

    /// `dossier --store 'PATH'`, for a hint to copy: the dossier that failed, wherever the default points.
    private var command: String { "dossier --store " + ShellWord.singleQuoted(location) }

    /// What the storage has to say after a change, and whose name it carries when no name is set.
    func reportAfterCommit() throws(StoreError) {
        for notice in notices { Output.error("dossier: let op: \(notice)") }
        if let notice = try Session.unnamedNotice() { Output.error("dossier: let op: \(notice)") }
    }

    /// Commits a change for a command: prints the store's message and exits non-zero when it fails.
    @discardableResult
    func commitOrExit(_ change: Change, to dossier: inout Dossier, seen: SeenRecords = SeenRecords(), isImport: Bool = false,
                      passingOn passes: (StoreError) -> Bool = { _ in false }) throws -> Restoration {
        do {
            var context = Session.clock.context(actor: try Session.actor())
            context.seen = seen
            context.isImport = isImport
            let undo = try commit(change, to: &dossier, context: context)
            // The next start and `dossier relations` read the lists from the side index, without the dossier.
            listIndexWrite(of: dossier)?.run()
            try reportAfterCommit()
            return undo
        } catch where passes(error) {
            throw error
        } catch {
            throw failure(error)
        }
    }
}
