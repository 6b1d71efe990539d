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

    @Flag(help: "Uitvoer als JSON: places (subject, subjectName, field, value), log (de volgnummers van de wijzigingen), backups (de namen) en setAside (de paden van wat een terugzetting apart zette).")
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
        var naming: [String] = [], unread: [String] = []
        for backup in backups {
            if let bytes = try? PosixFileSystem().readFile(backup.path) {
                if PersonalDataSearch.names(text, in: bytes) { naming.append(backup.name) }
            } else {
                unread.append(backup.name)
            }
        }
        // What a restore over a dossier that did not load set aside: outside the log and the backups, but kept.
        let setAside = (store as? DossierStore)?.files.setAsideFiles(fileSystem: PosixFileSystem()) ?? []
        var setAsideNaming: [String] = [], setAsideUnread = 0
        for file in setAside {
            if let bytes = try? PosixFileSystem().readFile(file) {
                if PersonalDataSearch.names(text, in: bytes) { setAsideNaming.append(file) }
            } else {
                setAsideUnread += 1
            }
        }
        if json { return printJSON(places, logged: logged, backups: naming, setAside: setAsideNaming) }
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
        let searched = backups.count - unread.count
        let inBackups = naming.isEmpty ? "geen van de \(searched) noemt \(quoted)." : "\(naming.count) van de \(searched): \(naming.joined(separator: ", "))."
        let notSearched = unread.isEmpty ? "" : " Niet doorzocht: \(unread.count) (niet als bestand te lezen)."
        Output.line(TerminalSafeText.line("In de back-ups: " + inBackups + notSearched))
        if !setAside.isEmpty {
            let read = setAside.count - setAsideUnread
            let named = setAsideNaming.isEmpty ? "geen van de \(read) noemt \(quoted)."
                : "\(setAsideNaming.count) van de \(read): \(setAsideNaming.joined(separator: ", "))."
            let unread = setAsideUnread == 0 ? "" : " Niet doorzocht: \(setAsideUnread) (niet als bestand te lezen)."
            Output.line(TerminalSafeText.line("Apart gezet bij een terugzetting (niet in het logboek of de back-ups): " + named + unread))
        }
    }

    private func printJSON(_ places: [PersonalDataSearch.Place], logged: [Int], backups: [String], setAside: [String]) {
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
        writer.endObject()
        writer.finishDocument()
        Output.document(writer.bytes)
    }
}
