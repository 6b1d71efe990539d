/// Why the dossier could not be read or written. Every message names the file; a damaged file's
/// message also says where (line, column and JSON path) and that the file was not touched.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// Not JSON, or not this format (a wrong type, an unknown status, a missing member, a newer version).
    case damaged(file: String, problem: LocatedProblem)
    /// Well-formed, but breaking the dossier's rules (a laag-pitje relation without a reason …).
    case invalid(file: String, problems: [LocatedProblem])
    /// Not a dossier at all: the file does not begin as a JSON object (a CSV or text file given as the dossier).
    case notADossier(file: String, beginning: String)
    /// There is no file at the path.
    case missing(file: String)
    /// There is no dossier file at the path, nor anything of one (journal, backups, history).
    case dossierMissing(file: String)
    /// The snapshot is gone, but its journal, backups or history are still there.
    /// `hasBackups`: whether there is (or may be: a folder that cannot be listed) a backup to restore, none before the first
    /// compaction; `hasJournal`: whether the journal is still beside it.
    case snapshotMissing(file: String, hasBackups: Bool, hasJournal: Bool)
    /// The file system refused: disk full, no permission, read-only …
    case fileSystem(FileSystemError)
    /// The change breaks a rule; nothing was written.
    case refused(ChangeError)
    /// The journal beside the dossier is damaged before its last line.
    case damagedJournal(file: String, damage: JournalFile.Damage)
    /// Another program has the dossier open for writing.
    case busy(file: String, holder: String)
    /// The file changed on disk since it was read (someone else wrote it); nothing was overwritten.
    case changedOnDisk(file: String)
    /// The dossier was opened read-only.
    case readOnly(file: String)
    /// A setting (an environment variable) holds a value the program does not accept.
    case badSetting(String)
    /// A copy was to go where a dossier already is; nothing was written (the message says what to do instead).
    case targetTaken(String)
    /// A store this build cannot open (a database in a build without PostgreSQL); the message says how to build it.
    case notBuiltIn(String)
    /// The database server cannot be reached, or refuses the connection (not busy: then `.busy`).
    case unavailable(location: String, reason: String)
    /// The connection broke while a change was being committed, and whether it went in could not be asked after.
    case outcomeUnknown(location: String, reason: String)
    /// The storage may be read but not written by this user (a database role with only SELECT).
    case notPermitted(location: String, reason: String)
    /// The journal holds a change written by a newer version of the program: read up to it, write nothing.
    case newerVersion(file: String, version: Int)
    /// The dossier file itself was written by a newer version of the program (a higher schemaVersion): whole, but not readable here.
    case newerSnapshot(file: String, version: Int)
    /// The journal beside the snapshot does not continue it (another dossier's, another copy's, an older one).
    case foreignJournal(journal: String, snapshot: String, reason: String)
    /// A part of the dossier (`Dossier.isPart`) was offered to be saved: a mistake in the program, refused.
    case partOfDossier(file: String)
    /// The dossier file stands at change `sequence`, but its history folder holds changes up to `historySequence`: an older
    /// copy of the file was put back after a merge archived the journal (`DossierStore.checkHistoryEnds`).
    case behindHistory(file: String, sequence: Int, history: String, historySequence: Int)

    public var description: String {
        switch self {
        case let .damaged(file, problem):
            return "\(file) is beschadigd: \(problem). Het bestand is niet aangeraakt."
        case let .invalid(file, problems):
            let shown = problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
            let more = problems.count > 20 ? "\n  … en nog \(problems.count - 20)" : ""
            return "\(file) voldoet niet aan de regels van het dossier (\(count(problems.count, "fout", "fouten"))):\n\(shown)\(more)\nHet bestand is niet aangeraakt."
        case let .notADossier(file, beginning):
            // The import reads the activities table; its header has these columns (a relations export has no 'soort' of activities).
            let columns = Set(beginning.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingSpaces().lowercased() })
            let activities = columns.contains("titel") && columns.contains("soort")
            return "\(file) is geen dossier: een dossier is een JSON-bestand dat met '{' begint, dit bestand begint met '\(beginning)'. "
                + (activities ? "Zijn het activiteiten, lees ze dan in met: dossier import activities \(file) (zie dossier import --help). " : "")
                + "Het bestand is niet aangeraakt."
        case let .missing(file):
            return "\(file) bestaat niet"
        case let .dossierMissing(file):
            return "\(file) bestaat niet; een nieuw dossier begint u met: dossier new \(ShellWord.quoted(file))"
        case let .snapshotMissing(file, hasBackups, hasJournal):
            if hasBackups {
                return "het dossier \(file) ontbreekt, maar zijn journaal, back-ups of geschiedenis staan er nog; er is niets aangemaakt of gewijzigd. Zet de laatste stand terug met dossier restore NAAM (zie dossier backups)"
            }
            // Lost before its first compaction: no backup holds a state the journal goes on from.
            guard hasJournal else {
                return "het dossier \(file) ontbreekt, en er is geen back-up om terug te zetten; zijn geschiedenis staat er nog, er is niets aangemaakt "
                    + "of gewijzigd. Zet het bestand terug uit de prullenbak of een eigen reservekopie"
            }
            return "het dossier \(file) ontbreekt, en er is nog geen back-up om terug te zetten (die komt bij het eerste samenvoegen); zijn journaal staat er "
                + "nog, er is niets aangemaakt of gewijzigd. Zet het bestand terug uit de prullenbak of een eigen reservekopie: het journaal gaat daarop "
                + "verder. Opnieuw beginnen zonder die wijzigingen: mv \(ShellWord.quoted(file + ".journal")) \(ShellWord.quoted(file + ".journal.opzij")) "
                + "en dan dossier new \(ShellWord.quoted(file))"
        case let .fileSystem(error):
            // A folder or a device where the dossier should be: nothing was written to say was not half-written.
            let reading = error.code == SystemErrorCode.isDirectory || error.code == SystemErrorCode.notRegularFile
            return "\(error.description.prefix(1).uppercased() + error.description.dropFirst()). "
                + (reading ? "Er is niets gewijzigd." : "Wat mislukte, is niet bewaard; wat al bewaard was, staat er nog (niets is half geschreven).")
        case let .refused(error):
            return error.message
        case let .damagedJournal(file, damage):
            return "het journaal \(file) is beschadigd op \(damage). Het dossier en het journaal zijn niet aangeraakt."
        case let .busy(file, holder):
            let who = holder.isEmpty ? "een ander programma" : holder
            return "het dossier is in gebruik door \(who) (\(file)); probeer het zo opnieuw, of open het alleen-lezen (--read-only)"
        case let .changedOnDisk(file):
            return "\(file) is buiten dit programma gewijzigd sinds het werd gelezen; er is niets overschreven. Laad het opnieuw en probeer het nog eens."
        case let .readOnly(file):
            return "\(file) is alleen-lezen geopend; er is niets gewijzigd"
        case let .badSetting(message):
            return "ongeldige instelling: \(message)"
        case let .targetTaken(message), let .notBuiltIn(message):
            return message
        case let .outcomeUnknown(location, reason):
            // The cause may be one that says "nothing changed" by itself; here that is not known.
            let cause = StoreError.withoutNothingChanged(reason)
            return "de verbinding met de database \(location) brak af terwijl de wijziging werd opgeslagen (\(cause)): of ze is opgeslagen, "
                + "is niet te zeggen. Kijk met dossier log (in het scherm: L) of ze er staat voordat u haar opnieuw doet."
        case let .unavailable(location, reason):
            return "de database \(location) is niet bereikbaar: \(reason). Er is niets gewijzigd."
        case let .notPermitted(location, reason):
            return "\(location): \(reason); er is niets gewijzigd"
        case let .newerSnapshot(file, version):
            return "\(file) is bewaard door een nieuwere versie van dossier (schemaVersion \(version); deze versie kent tot en met "
                + "\(Dossier.currentSchemaVersion)). Werk dossier bij om het te openen. Het bestand is niet aangeraakt."
        case let .newerVersion(file, version):
            return "het journaal \(file) bevat een wijziging van een nieuwere versie van dossier (schemaVersion \(version)); wat daarvoor staat is gelezen, maar deze versie schrijft niets meer in dit dossier. Werk dossier bij."
        case let .foreignJournal(journal, snapshot, reason):
            return """
            het journaal \(journal) hoort niet bij het dossier \(snapshot): \(reason). Er is niets gelezen uit het journaal en niets geschreven.
            Om verder te gaan: hoort het journaal bij een andere kopie, zet het dan opzij (mv '\(journal)' '\(journal).apart') en open het dossier opnieuw — de wijzigingen in dat journaal zitten dan niet in het dossier; of zet een eerdere stand terug (dossier backups, dan dossier restore NAAM).
            """
        case let .partOfDossier(file):
            return "dit programma bood maar een deel van \(file) aan om te bewaren (een fout in het programma); er is niets geschreven"
        case let .behindHistory(file, sequence, history, historySequence):
            let later = historySequence == sequence + 1 ? "wijziging \(historySequence) staat" : "de wijzigingen \(sequence + 1)–\(historySequence) staan"
            return """
            \(file) is een oudere stand van het dossier: het bestand gaat tot en met wijziging \(sequence), maar \(later) al in de geschiedenis (\(history)); er is een oudere kopie teruggezet nadat het dossier was samengevoegd (een synchronisatieprogramma, een kopie van een collega of een USB-stick). Er is niets geschreven.
            Zet de laatste stand terug met dossier restore NAAM, met de nieuwste back-up (dossier backups toont ze).
            """
        }
    }

    /// A message without its closing "Er is niets gewijzigd." and full stop, for a sentence that goes on after it (where that
    /// holds for part of what was done only, or is not known).
    public static func withoutNothingChanged(_ message: String) -> String {
        var said = message
        if said.hasSuffix(" Er is niets gewijzigd.") { said.removeLast(" Er is niets gewijzigd.".count) }
        if said.hasSuffix(".") { said.removeLast() }
        return said
    }

    /// True for problems with the data (damaged, invalid, refused), false for the file system.
    public var isDataError: Bool {
        switch self {
        case .damaged, .notADossier, .invalid, .refused, .damagedJournal, .foreignJournal, .behindHistory: true
        case .missing, .dossierMissing, .snapshotMissing, .fileSystem, .busy, .changedOnDisk, .readOnly, .badSetting, .targetTaken, .notBuiltIn, .newerVersion, .newerSnapshot, .unavailable,
             .outcomeUnknown, .notPermitted, .partOfDossier: false
        }
    }
}

/// A problem at a place in the file: line and column when they could be found, and the JSON path.
public struct LocatedProblem: Hashable, Sendable, CustomStringConvertible {
    public var position: TextPosition?
    public var path: JSONPath
    public var message: String

    public init(position: TextPosition?, path: JSONPath, message: String) {
        self.position = position
        self.path = path
        self.message = message
    }

    public var description: String {
        if let position {
            return "regel \(position.line), kolom \(position.column) (\(path)): \(message)"
        }
        return "\(path): \(message)"
    }
}
