#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the store behaves, from `$XDG_CONFIG_HOME/dossier/config.json` (default `~/.config/dossier/config.json`)
/// and environment variables, which win:
///
/// ```json
/// { "name": "Jan Jansen", "organisation": "Gemeente Oss, Strategie en beleid", "backups": 10, "journalLimit": 500,
///   "lockWait": 5, "lookAhead": 60, "dateFormat": "d-m-jjjj" }
/// ```
public struct StoreConfiguration: Hashable, Sendable {
    /// The name recorded as "who" with every change; the login name when not set (`DOSSIER_USER`).
    public var name: String?
    /// The organisation named as author of reports, with `name` (`DOSSIER_ORGANISATION`).
    public var organisation: String?
    /// How many days the signals (and `dossier due`) look ahead (`DOSSIER_LOOK_AHEAD`).
    public var lookAheadDays = Reminder.defaultLookAheadDays
    /// How many previous snapshots the backups folder keeps (`DOSSIER_BACKUPS`).
    public var backupsToKeep = StoreConfiguration.defaultBackupsToKeep
    /// What a week's backups are kept up to, whatever one person's own setting says (`pruneBackups`).
    public static let defaultBackupsToKeep = 10
    /// Compact (rewrite the snapshot, archive the journal) after this many journal entries (`DOSSIER_JOURNAL_LIMIT`).
    public var journalEntryLimit = 500
    /// … or when the journal is this large.
    public var journalByteLimit = 4 << 20
    /// How long a command waits for another program to release the dossier, in seconds (`DOSSIER_LOCK_WAIT`).
    public var lockWait = 5.0
    /// How dates are written for people (`dateFormat`, `DOSSIER_DATE_FORMAT`): `d-m-jjjj` unless set.
    public var dateForm = DateWriting.Form.dayMonthYear
    /// Settings in the file that this program does not know (a typo, or a newer program's), each as a message
    /// that names it and the ones that exist; they are skipped, everything else is read.
    public var unknownSettings: [String] = []
    /// Known settings in the file whose value could not be read, by name, each with its message; they keep
    /// their default.
    public var refusedSettings: [String: String] = [:]

    /// The settings the configuration file can hold.
    public static let settingNames = ["name", "organisation", "lookAhead", "backups", "journalLimit", "lockWait", "dateFormat", "store"]
    /// The dossier to open when neither `--store` nor `DOSSIER_STORE` names one: a file or a database address
    /// (without a password: that belongs in `~/.pgpass` or `PGPASSWORD`).
    public var store: String?

    public init() {}

    public static func path(environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = FilePath.join(environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp", ".config")
        }
        return FilePath.join(FilePath.join(base, "dossier"), "config.json")
    }

    /// The configuration for this environment. A damaged configuration file (not JSON) is an error naming its
    /// place; a known setting whose value does not read keeps its default and is listed in `refusedSettings`
    /// (a command that needs it refuses, the others go on); an unknown one is listed in `unknownSettings`.
    public static func load(environment: [String: String], fileSystem: any FileSystem = PosixFileSystem()) throws(StoreError) -> StoreConfiguration {
        var configuration = StoreConfiguration()
        let file = path(environment: environment)
        // Each value is first taken whole (the file's syntax), then read on its own (the setting's).
        if let (bytes, settings) = try writtenSettings(file, fileSystem: fileSystem) {
            // A setting twice: which one is meant, the file does not say. It keeps its default, and a command that uses it
            // stops (another dossier, another name), as for a value that does not read; the others go on.
            let repeated = Dictionary(grouping: settings, by: \.key).filter { $0.value.count > 1 && settingNames.contains($0.key) }
            for (key, places) in repeated {
                let lines = places.map { String(TextPosition(offset: $0.value.lowerBound, in: bytes).line) }
                configuration.refusedSettings[key] = "\(file), regels \(lines.dropLast().joined(separator: ", ")) en \(lines.last ?? ""), '\(key)': "
                    + "staat \(places.count) keer in het bestand; welke geldt, zegt het niet: laat er één staan"
            }
            for (key, value) in settings where repeated[key] == nil {
                let line = TextPosition(offset: value.lowerBound, in: bytes).line
                do throws(JSONError) {
                    try configuration.set(key, from: Array(bytes[value]))
                } catch {
                    configuration.refusedSettings[key] = "\(file), regel \(line), '\(key)': \(error.message)"
                }
                if !settingNames.contains(key) { configuration.unknownSettings.append(unknownSetting(key, file: file, line: line)) }
            }
        }
        // A dossier file named by a relative path is read from the configuration's folder, not from wherever a command
        // runs (`~/` from the home folder); a database address stays as it is.
        if let store = configuration.store, !store.isBlank, !store.hasPrefix("postgresql://"), !store.hasPrefix("postgres://") {
            configuration.store = FilePath.absolute(FilePath.expandingHome(store, home: environment["HOME"]), from: FilePath.directory(of: file))
        }
        if let name = environment["DOSSIER_USER"], !name.isBlank {
            if let problem = Limits.lengthProblem(name, label: "DOSSIER_USER", maximum: Limits.shortText) { throw .badSetting(problem) }
            // Bytes that were no UTF-8 (a shell in Latin-1) come in replaced: signed on every change, the name would stay wrong.
            if name.unicodeScalars.contains("\u{FFFD}") {
                throw .badSetting("DOSSIER_USER is geen UTF-8 (een terminal of script in een andere tekenset, zoals Latin-1?): '\(name)'")
            }
            configuration.name = name
        }
        if let organisation = environment["DOSSIER_ORGANISATION"], !organisation.isBlank {
            if let problem = Limits.lengthProblem(organisation, label: "DOSSIER_ORGANISATION", maximum: Limits.shortText) { throw .badSetting(problem) }
            configuration.organisation = organisation
        }
        func number(_ variable: String, _ range: ClosedRange<Int>) throws(StoreError) -> Int? {
            guard let text = environment[variable], !text.isBlank else { return nil }
            do {
                return try WholeNumber.read(text, in: range)
            } catch {
                throw .badSetting("\(variable): \(error.message)")
            }
        }
        if let value = try number("DOSSIER_BACKUPS", Limits.backupsToKeep) { configuration.backupsToKeep = value }
        if let value = try number("DOSSIER_JOURNAL_LIMIT", Limits.journalEntryLimit) { configuration.journalEntryLimit = value }
        if let value = try number("DOSSIER_LOOK_AHEAD", Limits.dueWindowDays) { configuration.lookAheadDays = value }
        if let value = try lockWait(environment["DOSSIER_LOCK_WAIT"]) { configuration.lockWait = value }
        if let text = environment["DOSSIER_DATE_FORMAT"], !text.isBlank {
            guard let form = DateWriting.form(named: text) else { throw .badSetting("DOSSIER_DATE_FORMAT: \(unknownDateForm(text))") }
            configuration.dateForm = form
        }
        // The environment wins (each value above was read or refused): what the file says of a setting it gives
        // (unreadable, or twice) stops nothing.
        for (variable, setting) in environmentSettings where !(environment[variable]?.isBlank ?? true) { configuration.refusedSettings[setting] = nil }
        return configuration
    }

    /// The environment variables that give a setting, with the setting's name in the file.
    static let environmentSettings = ["DOSSIER_USER": "name", "DOSSIER_ORGANISATION": "organisation", "DOSSIER_BACKUPS": "backups",
                                      "DOSSIER_JOURNAL_LIMIT": "journalLimit", "DOSSIER_LOOK_AHEAD": "lookAhead", "DOSSIER_LOCK_WAIT": "lockWait",
                                      "DOSSIER_DATE_FORMAT": "dateFormat"]

    /// The file's settings as written: each key with where its value's JSON lies in the bytes; nil without a
    /// file. A file that is not one JSON object is damaged, with its place.
    private static func writtenSettings(_ file: String, fileSystem: any FileSystem) throws(StoreError)
        -> (bytes: [UInt8], settings: [(key: String, value: Range<Int>)])? {
        guard let bytes = try? fileSystem.readFile(file) else { return nil }
        var settings: [(key: String, value: Range<Int>)] = []
        do {
            // (A setting twice is said as such by `load`, for that setting only.)
            try JSONReader.read(bytes, allowingRepeatedKeys: true) { (reader: inout JSONReader) throws(JSONError) in
                try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                    let start = reader.valueOffset()
                    try reader.skipValue()
                    settings.append((key, start..<reader.offset))
                }
            }
        } catch {
            throw .damaged(file: file, problem: LocatedProblem(position: TextPosition(offset: error.offset, in: bytes), path: error.path,
                                                               message: error.message))
        }
        return (bytes, settings)
    }

    /// Reads one known setting from its value's JSON; an unknown key is left alone.
    private mutating func set(_ key: String, from value: [UInt8]) throws(JSONError) {
        try JSONReader.read(value) { (reader: inout JSONReader) throws(JSONError) in
            switch key {
            case "name": name = try reader.readString()
            case "organisation": organisation = try reader.readString()
            case "lookAhead": lookAheadDays = try reader.readInt(in: Limits.dueWindowDays)
            case "backups": backupsToKeep = try reader.readInt(in: Limits.backupsToKeep)
            case "journalLimit": journalEntryLimit = try reader.readInt(in: Limits.journalEntryLimit)
            case "lockWait": lockWait = Double(try reader.readInt(in: Limits.lockWaitSeconds))
            case "dateFormat":
                let text = try reader.readString()
                guard let form = DateWriting.form(named: text) else { throw reader.error(Self.unknownDateForm(text)) }
                dateForm = form
            case "store":
                let text = try reader.readString()
                if text.hasPrefix("postgres"), URLComponents(string: text)?.password != nil || text.utf8.firstRange(of: "password=".utf8) != nil {
                    throw reader.error("zet geen wachtwoord in de instellingen; gebruik ~/.pgpass of PGPASSWORD")
                }
                store = text
            default: try reader.skipValue()
            }
        }
    }

    /// Refuses when one of `settings` is in the file but could not be read: a command that needs it stops.
    public func check(_ settings: [String]) throws(StoreError) {
        if let refused = settings.compactMap({ refusedSettings[$0] }).first { throw .badSetting(refused) }
    }

    /// "onbekende instelling 'lookahaed' (overgeslagen); bedoelde u 'lookAhead'? …": the setting, a likely meaning,
    /// and the ones that exist.
    static func unknownSetting(_ key: String, file: String, line: Int) -> String {
        let suggestion = Spelling.closest(to: key, in: settingNames).map { "; bedoelde u '\($0)'?" } ?? ""
        return "\(file), regel \(line): onbekende instelling '\(key)' (overgeslagen)\(suggestion) "
            + "Wel bekend: \(settingNames.joined(separator: ", "))."
    }

    static func unknownDateForm(_ text: String) -> String {
        "'\(text)' is geen datumnotatie; kies uit " + DateWriting.Form.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }

    /// How this configuration writes dates, in the clock's time zone.
    public func dates(clock: Clock) -> DateWriting {
        DateWriting(form: dateForm, clock: clock)
    }

    /// Seconds, whole or with a decimal point (`0.5`), in `Limits.lockWaitSeconds`.
    private static func lockWait(_ text: String?) throws(StoreError) -> Double? {
        guard let text, !text.isBlank else { return nil }
        let range = Limits.lockWaitSeconds
        guard text.utf8.allSatisfy({ (48...57).contains($0) || $0 == UInt8(ascii: ".") }), let value = Double(text),
              value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw .badSetting("DOSSIER_LOCK_WAIT: '\(text)' is geen aantal seconden van \(range.lowerBound) tot en met \(Limits.grouped(range.upperBound))")
        }
        return value
    }

    /// Who is recorded as making changes: the configured name, else the account's full name, else the
    /// login name (then `isNameConfigured` is false, and the program says so).
    public var actor: String { name ?? SystemUser.fullName ?? SystemUser.name }

    public var isNameConfigured: Bool { name != nil }

    /// Stores `name` in the configuration file, keeping what else it holds; creates it (owner only) when
    /// there is none.
    public static func saveName(_ name: String, environment: [String: String], fileSystem: any FileSystem = PosixFileSystem()) throws(StoreError) {
        if let problem = Limits.lengthProblem(name, label: "naam", maximum: Limits.shortText) { throw .badSetting(problem) }
        let file = path(environment: environment)
        // Keep the other settings exactly as they are written.
        var fields: [(String, String)] = []
        if let (bytes, settings) = try writtenSettings(file, fileSystem: fileSystem) {
            fields = settings.filter { $0.key != "name" }.map { ($0.key, String(decoding: bytes[$0.value], as: UTF8.self)) }
        }
        func quoted(_ text: String) -> String {
            var writer = JSONWriter(pretty: false)
            writer.string(text)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        let entries = [("name", quoted(name))] + fields
        let text = "{ " + entries.map { "\(quoted($0.0)): \($0.1)" }.joined(separator: ", ") + " }\n"
        do {
            try fileSystem.createDirectory(FilePath.directory(of: file), mode: 0o700)
            try DurableWriter(fileSystem: fileSystem).replace(file, with: Array(text.utf8))
        } catch {
            throw .fileSystem(error)
        }
    }
}
