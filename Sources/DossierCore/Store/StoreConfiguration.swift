import Foundation

/// How the store behaves, from `$XDG_CONFIG_HOME/dossier/config.json` (default `~/.config/dossier/config.json`)
/// and environment variables, which win:
///
/// ```json
/// { "name": "Jan Jansen", "backups": 10, "journalLimit": 500, "lockWait": 5 }
/// ```
public struct StoreConfiguration: Hashable, Sendable {
    /// The name recorded as "who" with every change; the login name when not set (`DOSSIER_USER`).
    public var name: String?
    /// How many previous snapshots the backups folder keeps (`DOSSIER_BACKUPS`).
    public var backupsToKeep = 10
    /// Compact (rewrite the snapshot, archive the journal) after this many journal entries (`DOSSIER_JOURNAL_LIMIT`).
    public var journalEntryLimit = 500
    /// … or when the journal is this large.
    public var journalByteLimit = 4 << 20
    /// How long a command waits for another program to release the dossier, in seconds (`DOSSIER_LOCK_WAIT`).
    public var lockWait = 5.0

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

    /// The configuration for this environment; a damaged configuration file is an error naming its place.
    public static func load(environment: [String: String], fileSystem: any FileSystem = PosixFileSystem()) throws(StoreError) -> StoreConfiguration {
        var configuration = StoreConfiguration()
        let file = path(environment: environment)
        if let bytes = try? fileSystem.readFile(file) {
            do {
                try JSONReader.read(bytes) { (reader: inout JSONReader) throws(JSONError) in
                    try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                        switch key {
                        case "name": configuration.name = try reader.readString()
                        case "backups": configuration.backupsToKeep = try positive(&reader)
                        case "journalLimit": configuration.journalEntryLimit = try positive(&reader)
                        case "lockWait": configuration.lockWait = Double(try reader.readInt())
                        default: throw reader.unknownField(key)
                        }
                    }
                }
            } catch {
                throw .damaged(file: file, problem: LocatedProblem(position: TextPosition(offset: error.offset, in: bytes), path: error.path,
                                                                   message: error.message))
            }
        }
        if let name = environment["DOSSIER_USER"], !name.isBlank { configuration.name = name }
        if let value = environment["DOSSIER_BACKUPS"].flatMap(Int.init), value > 0 { configuration.backupsToKeep = value }
        if let value = environment["DOSSIER_JOURNAL_LIMIT"].flatMap(Int.init), value > 0 { configuration.journalEntryLimit = value }
        if let value = environment["DOSSIER_LOCK_WAIT"].flatMap(Double.init), value >= 0 { configuration.lockWait = value }
        return configuration
    }

    private static func positive(_ reader: inout JSONReader) throws(JSONError) -> Int {
        let start = reader.valueOffset()
        let value = try reader.readInt()
        guard value > 0 else { throw reader.error(at: start, "moet een positief getal zijn") }
        return value
    }

    /// Who is recorded as making changes.
    public var actor: String { name ?? SystemUser.name }
}
