/// Which dossier file to use: `--store PATH`, else `$DOSSIER_STORE`, else
/// `$XDG_DATA_HOME/dossier/dossier.json` (by default `~/.local/share/dossier/dossier.json`), which is
/// created from the bundled Oss dossier the first time it is needed.
public struct StoreLocation: Hashable, Sendable {
    public var path: String
    /// True when no path was given and the per-user default is used.
    public var isDefault: Bool

    public init(path: String, isDefault: Bool) {
        self.path = path
        self.isDefault = isDefault
    }

    public static func resolve(explicit: String?, environment: [String: String], configured: String? = nil) -> StoreLocation {
        if let explicit, !explicit.isEmpty { return typed(explicit, environment: environment) }
        if let fromEnvironment = environment["DOSSIER_STORE"], !fromEnvironment.isEmpty { return typed(fromEnvironment, environment: environment) }
        if let configured, !configured.isEmpty { return StoreLocation(path: configured, isDefault: false) }
        return StoreLocation(path: defaultPath(environment: environment), isDefault: true)
    }

    /// A dossier named on the command line or in `DOSSIER_STORE`. `--store=~/…` or a quoted `'~/…'` reaches the program
    /// with the ~ the shell left: it is the home folder, as in the configuration file, never a folder named "~" beside
    /// the current one.
    public static func typed(_ path: String, environment: [String: String]) -> StoreLocation {
        StoreLocation(path: FilePath.expandingHome(path, home: environment["HOME"]), isDefault: false)
    }

    public static func defaultPath(environment: [String: String]) -> String {
        FilePath.join(userDirectory("XDG_DATA_HOME", else: ".local/share", environment: environment), "dossier.json")
    }

    /// The program's folder in one of the user's base directories (XDG): `$VARIABLE/dossier` when that is an absolute path,
    /// else `~/RELATIVE/dossier`.
    public static func userDirectory(_ variable: String, else relative: String, environment: [String: String]) -> String {
        let base: String
        if let xdg = environment[variable], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            base = FilePath.join(home, relative)
        }
        return FilePath.join(base, "dossier")
    }

    /// The default location where no dossier was ever made (no file, no journal, backups or history): `prepare` makes
    /// it from the bundled one.
    public func isUnmade(fileSystem: any FileSystem = PosixFileSystem()) -> Bool {
        isDefault && (try? fileSystem.status(path)) == nil && !DossierStore(path: path, fileSystem: fileSystem).hasTraces()
    }

    /// For the default location: creates the folder (owner only) and, when there is no dossier yet,
    /// writes the bundled Oss dossier there. Returns whether it was created now. A dossier whose snapshot
    /// is missing while its journal, backups or history remain is not replaced by the bundled one.
    @discardableResult
    public func prepare(fileSystem: any FileSystem = PosixFileSystem()) throws(StoreError) -> Bool {
        guard isDefault else { return false }
        do {
            if try fileSystem.status(path) != nil { return false }
            // Loading then says what is missing and how to restore it.
            if DossierStore(path: path, fileSystem: fileSystem).hasTraces() { return false }
            try fileSystem.createDirectory(FilePath.directory(of: path), mode: 0o700)
            // The bundled dossier is checked by its own tests; it always decodes.
            guard var bundled = try? Dossier(decoding: BundledDossier.bytes) else { preconditionFailure("the bundled dossier does not decode") }
            bundled.beginLineage()
            try DurableWriter(fileSystem: fileSystem).replace(path, with: bundled.encoded())
            return true
        } catch {
            throw .fileSystem(error)
        }
    }
}
