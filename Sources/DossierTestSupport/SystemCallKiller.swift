import Foundation

/// Runs a program under strace: to count its calls or the bytes it reads from each file, or to kill it with
/// SIGKILL at one exact system call: the n-th call of a given kind (counted per process). Run for every n of
/// every kind that touches files, this puts a crash
/// between every two steps a command takes on disk — the way to show a multi-step operation is safe at
/// each of them. strace injects the signal as the call starts, so the call itself never happens.
public struct SystemCallKiller: Sendable {
    /// The calls that change files or decide what a crash leaves behind.
    public static let fileCalls = ["openat", "write", "pwrite64", "fsync", "fdatasync", "rename", "renameat", "renameat2", "link", "linkat",
                                   "unlink", "unlinkat", "ftruncate", "mkdir", "mkdirat", "fchmod", "flock"]

    public let strace: String

    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Finds strace and checks that it may trace here (ptrace can be forbidden in a container).
    public init() throws {
        guard let found = ["/usr/bin/strace", "/bin/strace", "/usr/local/bin/strace"].first(where: FileManager.default.isExecutableFile) else {
            throw Unavailable(description: "strace is not installed (apt-get install strace; .ci/run installs it)")
        }
        strace = found
        let scratch = TemporaryDirectory(prefix: "dossier-strace")
        try scratch.write("in", "")
        let status = try ProgramRunner.spawn(found, ["-f", "-qq", "-o", "/dev/null", "/bin/true"], environment: ["PATH": "/usr/bin:/bin"],
                                             stdin: scratch.file("in"), stdout: scratch.file("out"), stderr: scratch.file("err"))
        guard status == 0 else {
            throw Unavailable(description: "strace cannot trace here: \(String(decoding: try scratch.read("err"), as: UTF8.self))")
        }
    }

    /// How often the program calls each of `calls` when it runs to the end.
    public func count(_ executable: String, _ arguments: [String], environment: [String: String], calls: [String] = fileCalls) throws -> [String: Int] {
        let scratch = TemporaryDirectory(prefix: "dossier-strace")
        try scratch.write("in", "")
        let status = try ProgramRunner.spawn(strace, ["-qq", "-e", "trace=" + calls.joined(separator: ","), "-o", scratch.file("log"), executable] + arguments,
                                             environment: environment, stdin: scratch.file("in"), stdout: scratch.file("out"), stderr: scratch.file("err"))
        guard status == 0 else {
            throw Unavailable(description: "the traced run failed (\(status)): \(String(decoding: try scratch.read("err"), as: UTF8.self))")
        }
        var counts: [String: Int] = [:]
        for line in String(decoding: try scratch.read("log"), as: UTF8.self).split(separator: "\n") {
            guard let parenthesis = line.firstIndex(of: "(") else { continue }
            let name = String(line[..<parenthesis])
            if calls.contains(name) { counts[name, default: 0] += 1 }
        }
        return counts
    }

    /// How many bytes the program read from each file it read (`read` and `pread64`, on every thread), by path:
    /// whether a command that should read only part of a file read all of it. A run that ends other than `expected`
    /// throws, with what it said.
    public func bytesRead(_ executable: String, _ arguments: [String], environment: [String: String], status expected: Int32 = 0) throws -> [String: Int] {
        let scratch = TemporaryDirectory(prefix: "dossier-strace")
        try scratch.write("in", "")
        let status = try ProgramRunner.spawn(strace, ["-f", "-qq", "-y", "-s", "0", "-e", "trace=read,pread64", "-o", scratch.file("log"), executable]
                                             + arguments, environment: environment, stdin: scratch.file("in"), stdout: scratch.file("out"),
                                             stderr: scratch.file("err"))
        guard status == expected else {
            throw Unavailable(description: "the traced run failed (\(status)): \(String(decoding: try scratch.read("err"), as: UTF8.self))")
        }
        // `12345 pread64(3</path/to/file>, ""..., 4096, 0) = 4096`; a call another thread interrupted comes in two
        // lines, `12345 pread64(3</path/to/file>, <unfinished ...>` and later `12345 <... pread64 resumed>…) = 4096`.
        func path(_ line: Substring) -> String? {
            guard let open = line.firstIndex(of: "<"), let close = line.range(of: ">, ")?.lowerBound, open < close else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        var bytes: [String: Int] = [:], unfinished: [Substring: String] = [:]
        for line in String(decoding: try scratch.read("log"), as: UTF8.self).split(separator: "\n") {
            let process = line.prefix { $0 != " " }
            if line.hasSuffix("<unfinished ...>") {
                unfinished[process] = path(line)
                continue
            }
            let file = line.contains(" resumed>") ? unfinished.removeValue(forKey: process) : path(line)
            guard let file, let equals = line.range(of: ") = ", options: .backwards),
                  let count = Int(line[equals.upperBound...].prefix { $0.isNumber }) else { continue }
            bytes[file, default: 0] += count
        }
        return bytes
    }

    /// Runs the program, killed at the `number`-th (from 1) call of `call`. Returns its exit status
    /// (137 when the kill came).
    public func run(_ executable: String, _ arguments: [String], environment: [String: String], killedAt call: String, number: Int) throws -> Int32 {
        let scratch = TemporaryDirectory(prefix: "dossier-strace")
        try scratch.write("in", "")
        return try ProgramRunner.spawn(strace, ["-qq", "-o", "/dev/null", "-e", "trace=\(call)", "-e", "inject=\(call):signal=KILL:when=\(number)",
                                                executable] + arguments,
                                       environment: environment, stdin: scratch.file("in"), stdout: scratch.file("out"), stderr: scratch.file("err"))
    }
}
