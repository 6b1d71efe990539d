/// What was typed in a form of a screen that a signal stopped (the window closed, `kill`) before it was saved: kept in a
/// file of the user's own (`$XDG_STATE_HOME/dossier/`, by default `~/.local/state/dossier/`, readable by the user only,
/// for it may hold personal data), so that a long note is not lost; the next screen says it is there.
public enum UnsavedInput {
    /// The folder such files are kept in.
    public static func directory(environment: [String: String]) -> String {
        StoreLocation.userDirectory("XDG_STATE_HOME", else: ".local/state", environment: environment)
    }

    static let prefix = "niet-opgeslagen-"

    /// Writes `text` to a new file in `directory`; its path.
    public static func keep(_ text: String, at moment: Timestamp, in directory: String,
                            fileSystem: any FileSystem = PosixFileSystem()) throws(FileSystemError) -> String {
        try fileSystem.createDirectory(directory, mode: 0o700)
        let stem = FilePath.join(directory, prefix + Backup.stamp(moment))
        var path = stem + ".txt", number = 1
        while (try? fileSystem.status(path)) ?? nil != nil {
            number += 1
            path = "\(stem)-\(number).txt"
        }
        let descriptor = try fileSystem.createExclusive(path, mode: 0o600)
        defer { fileSystem.close(descriptor) }
        try fileSystem.write(descriptor, Array(text.utf8), path: path)
        try fileSystem.synchronize(descriptor, path: path)
        return path
    }

    /// The files kept so far, newest first.
    public static func kept(in directory: String, fileSystem: any FileSystem = PosixFileSystem()) -> [String] {
        (((try? fileSystem.contentsOfDirectory(directory)) ?? []).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }).sorted(by: >)
            .map { FilePath.join(directory, $0) }
    }
}
