import ArgumentParser
import DossierCore

/// A request to see one's data (AVG: inzage): where the dossier, its log and its backups name a person.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Waar een persoon in het dossier staat, voor een verzoek om inzage (AVG): de velden, het logboek en de back-ups die de naam noemen.",
        discussion: """
        Zoekt een naam, e-mailadres of telefoonnummer (of een deel ervan; hoofdletters en accenten tellen niet) in \
        contactpersonen, deelnemers, gastheren, wie een delegatie leidde, vervolgacties, toelichtingen en de \
        statusgeschiedenis; daarna welke wijzigingen in het logboek en welke back-ups de tekst noemen. Verandert \
        niets. Wat verwijderen wel en niet bereikt: docs/privacy.md.
        Voorbeeld:
          dossier person "Jana Novakova"
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Een naam, e-mailadres of telefoonnummer, of een deel ervan.", valueName: "tekst"))
    var text: String

    @Flag(help: "Uitvoer als JSON: places (subject, subjectName, field, value), log (de volgnummers van de wijzigingen), backups (de namen), setAside (de paden van wat een terugzetting apart zette) en notSearched (de back-ups en apart gezette bestanden die niet te lezen waren en dus niet doorzocht).")
    var json = false

    func validate() throws {
        guard SearchText.fold(text).filter({ !$0.isWhitespace }).count >= 3 else {
            throw ValidationError("geef minstens drie tekens van een naam, e-mailadres of telefoonnummer")
        }
    }

    func run() throws {
        let store = try storeOptions.store(forWriting: false)
        let dossier = try storeOptions.load(store)
        let places = PersonalDataSearch.places(of: text, in: dossier)
        let history: [JournalEntry]
        do {
            history = try store.history()
        } catch {
            throw store.loadFailure(error)
        }
        let logged = history.filter { PersonalDataSearch.names(text, in: $0) }.map(\.sequence)
        let backups: [Backup]
        do {
            backups = try store.backups()
        } catch {
            throw failure(error)
        }
        let (naming, unread) = try searched(backups, in: store)
        // What a restore over a dossier that did not load set aside: outside the log and the backups, but kept.
        let setAside = (store as? DossierStore)?.files.setAsideFiles(fileSystem: PosixFileSystem()) ?? []
        let (setAsideNaming, setAsideUnread) = searched(setAside.map { (name: $0, path: $0) })
        if json { return printJSON(places, logged: logged, backups: naming, setAside: setAsideNaming, notSearched: unread + setAsideUnread) }
        let quoted = "'\(text)'"
        if places.isEmpty {
            Output.line(TerminalSafeText.line("In het dossier staat \(quoted) niet."))
        } else {
            Output.line(TerminalSafeText.line("In het dossier (\(places.count)):"))
            for place in places {
                Output.line(TerminalSafeText.line("  \(place.subjectName) (\(place.subject)) — \(place.field): \(ListText.oneLine(place.value))"))
            }
        }
        let numbers = logged.count > 20 ? logged.prefix(20).map(String.init).joined(separator: ", ") + " …" : logged.map(String.init).joined(separator: ", ")
        Output.line(TerminalSafeText.line(logged.isEmpty ? "In het logboek: geen wijziging noemt \(quoted)."
            : "In het logboek: \(count(logged.count, "wijziging", "wijzigingen")) (\(numbers)); dossier log --json toont ze."))
        Output.line(TerminalSafeText.line("In de back-ups: " + Self.said(naming, of: backups.count, unread: unread, quoted: quoted)))
        if !setAside.isEmpty {
            Output.line(TerminalSafeText.line("Apart gezet bij een terugzetting (niet in het logboek of de back-ups): "
                + Self.said(setAsideNaming, of: setAside.count, unread: setAsideUnread, quoted: quoted)))
        }
    }

    /// "2 van de 5: …" or "geen van de 5 noemt '…'", of the files read ("er zijn er (nog) geen" without any); those that could
    /// not be read named apart, with what to do.
    private static func said(_ naming: [String], of count: Int, unread: [String], quoted: String) -> String {
        let read = count - unread.count
        let named = count == 0 ? "er zijn er (nog) geen."
            : naming.isEmpty ? "geen van de \(read) noemt \(quoted)." : "\(naming.count) van de \(read): \(naming.joined(separator: ", "))."
        return named + (unread.isEmpty ? "" : " Niet doorzocht, want niet te lezen: \(unread.joined(separator: ", ")); maak ze leesbaar voor "
            + "uzelf en vraag opnieuw, of zoek er zelf in.")
    }

    /// Of the backups, the names of those that name the text, and where those that could not be read are. A file's
    /// backups are files; a database's are rows of its snapshots, read as `dossier copy` carries them.
    private func searched(_ backups: [Backup], in store: any DossierStorage) throws -> (naming: [String], unread: [String]) {
        guard !backups.isEmpty, !(store is DossierStore), let archived = store as? any ArchiveStorage else {
            return searched(backups.map { (name: $0.name, path: $0.path) })
        }
        let held: [ArchivedBackup]
        do {
            held = try archived.exportArchive().backups
        } catch {
            throw failure(error)
        }
        let bodies = Dictionary(held.map { ($0.name, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        var naming: [String] = [], unread: [String] = []
        for backup in backups {
            guard let bytes = bodies[backup.name] else {
                unread.append(backup.name)
                continue
            }
            if PersonalDataSearch.names(text, in: bytes) { naming.append(backup.name) }
        }
        return (naming, unread)
    }

    /// Of the stored files (a name to say, where it is), the names of those that name the text, and the paths of those
    /// that could not be read.
    private func searched(_ files: [(name: String, path: String)]) -> (naming: [String], unread: [String]) {
        var naming: [String] = [], unread: [String] = []
        for file in files {
            guard let bytes = try? PosixFileSystem().readFile(file.path) else {
                unread.append(file.path)
                continue
            }
            if PersonalDataSearch.names(text, in: bytes) { naming.append(file.name) }
        }
        return (naming, unread)
    }

    private func printJSON(_ places: [PersonalDataSearch.Place], logged: [Int], backups: [String], setAside: [String], notSearched: [String]) {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("places")
        writer.beginArray()
        for place in places {
            writer.element()
            writer.beginInlineObject()
            writer.field("subject", place.subject)
            writer.field("subjectName", place.subjectName)
            writer.field("field", place.field)
            writer.field("value", place.value)
            writer.endObject()
        }
        writer.endArray()
        writer.key("log")
        writer.array(logged) { sequence, writer in writer.integer(sequence) }
        writer.key("backups")
        writer.inlineStrings(backups)
        writer.key("setAside")
        writer.inlineStrings(setAside)
        writer.key("notSearched")
        writer.inlineStrings(notSearched)
        writer.endObject()
        writer.finishDocument()
        Output.document(writer.bytes)
    }
}
