/// Small path helpers on plain strings, the same on every platform.
public enum FilePath {
    /// The directory part: `/a/b/c.json` → `/a/b`, `c.json` → `.`.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component: `/a/b/c.json` → `c.json`.
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    public static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Whether a typed path names the same file wherever it is read: from the root (`/mnt/…`), from a home folder
    /// (`~/…`, which the opener expands; `~jan/…`), or a Windows path (`S:\…`, `\\server\…`).
    public static func isAnchored(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("\\\\") { return true }
        let start = Array(path.prefix(3))
        return start.count == 3 && start[0].isASCII && start[0].isLetter && start[1] == ":" && (start[2] == "\\" || start[2] == "/")
    }

    /// A typed path that is not anchored, read from `directory` (where it was typed), with `.` and `..` resolved.
    public static func absolute(_ typed: String, from directory: String) -> String {
        guard !isAnchored(typed) else { return typed }
        var parts: [Substring] = []
        for part in join(directory, typed).split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `~/…` from the home folder, and `~jan/…` from jan's, as a shell expands them, for opening; any other path (and
    /// one of a user the system does not know) as it is.
    public static func expandingHome(_ path: String, home: String?) -> String {
        guard path.hasPrefix("~") else { return path }
        let user = path.dropFirst().prefix { $0 != "/" }
        guard let directory = user.isEmpty ? home : SystemUser.home(of: String(user)), !directory.isEmpty else { return path }
        return directory + path.dropFirst(1 + user.count)
    }
}
