#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The user the program runs as.
public enum SystemUser {
    /// The login name, for "who changed this" when no name is configured.
    public static var name: String { ProcessIdentity.userName }
}
