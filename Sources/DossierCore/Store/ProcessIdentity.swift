#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// This process's id, and the user it runs as.
enum ProcessIdentity {
    static let id = Int(getpid())

    /// The login name of the user running the program, for "who changed this".
    static var userName: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid \(getuid())"
    }
}

/// A process-wide counter that makes temporary names unique within this process.
enum TemporaryCounter {
    private static let value = Atomic<Int>(0)

    static func next() -> Int {
        value.add(1, ordering: .relaxed).newValue
    }
}
