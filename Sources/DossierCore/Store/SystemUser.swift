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
}
