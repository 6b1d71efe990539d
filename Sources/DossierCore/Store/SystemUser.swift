#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The user the program runs as.
public enum SystemUser {
    /// The login name, for "who changed this" when no name is configured and the account has no full name.
    public static var name: String { ProcessIdentity.userName }

    /// The account's full name (the first part of the GECOS field: "Jan Jansen,kamer 2,…"), when it has one.
    public static var fullName: String? {
        guard let entry = getpwuid(getuid()), let gecos = entry.pointee.pw_gecos else { return nil }
        let full = String(cString: gecos).split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let trimmed = full.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The login name of the account with user id `id` (a file's owner), when the system knows it.
    public static func name(of id: UInt32) -> String? {
        guard let entry = getpwuid(uid_t(id)), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// The home folder of the account named `name`, when the system knows it.
    public static func home(of name: String) -> String? {
        guard let entry = getpwnam(name), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    /// Whether this program runs as the account with user id `id`.
    static func isSelf(_ id: UInt32) -> Bool {
        geteuid() == uid_t(id)
    }
}
