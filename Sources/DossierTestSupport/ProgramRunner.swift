import Foundation

/// Runs the built `dossier` binary as a user would and captures what it prints. Uses posix_spawn with
/// output redirected to files (no pipes: nothing can hang on a child that keeps them open).
public struct ProgramRunner: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
        /// Exactly what was written, for checking bytes that are not UTF-8.
        public var standardOutputBytes: [UInt8] = []
        public var standardErrorBytes: [UInt8] = []
    }

    public let executable: String

    public init(executable: String = ProgramRunner.builtBinary("dossier")) {
        self.executable = executable
    }

    /// A binary of this package, found beside the running test bundle in the build folder; `dossier` is the one
    /// `DOSSIER_TEST_BINARY` names when it is set (CI runs the command-line tests again against the build without
    /// PostgreSQL, which is the build without the whole of Foundation).
    public static func builtBinary(_ name: String) -> String {
        if name == "dossier", let chosen = ProcessInfo.processInfo.environment["DOSSIER_TEST_BINARY"], !chosen.isEmpty { return chosen }
        let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: selfPath).deletingLastPathComponent()
        // On Linux the test runner is <build>/debug/<package>PackageTests.xctest; go up until the binary is there.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs with `arguments`, the given environment added to a minimal one, and optional standard input.
    public func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Result {
        let scratch = TemporaryDirectory(prefix: "dossier-run")
        let outPath = scratch.file("stdout")
        let errPath = scratch.file("stderr")
        let inPath = scratch.file("stdin")
        try scratch.write("stdin", input ?? "")
        var baseEnvironment = [
            "PATH": "/usr/bin:/bin", "HOME": scratch.path, "LANG": "C.UTF-8", "TZ": "UTC",
        ]
        baseEnvironment.merge(environment) { _, new in new }
        let status = try Self.spawn(executable, arguments, environment: baseEnvironment, stdin: inPath, stdout: outPath, stderr: errPath)
        let output = try scratch.read("stdout"), error = try scratch.read("stderr")
        return Result(status: status, standardOutput: String(decoding: output, as: UTF8.self), standardError: String(decoding: error, as: UTF8.self),
                      standardOutputBytes: output, standardErrorBytes: error)
    }

    /// posix_spawn with stdin/stdout/stderr bound to files; waits for the exit status.
    public static func spawn(_ executable: String, _ arguments: [String], environment: [String: String],
                             stdin: String, stdout: String, stderr: String) throws -> Int32 {
        let pid = try launch(executable, arguments, environment: environment, stdin: stdin, stdout: stdout, stderr: stderr)
        return waitForExit(pid)
    }

    /// Waits for a launched process; the exit status, or 128 + the signal that ended it.
    public static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return exitStatus(status)
    }

    /// What `waitpid` reported as the shell says it: the exit status, or 128 + the signal. (WIFEXITED and
    /// WEXITSTATUS do not import into Swift.)
    private static func exitStatus(_ status: Int32) -> Int32 {
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }

    /// As `waitForExit`, but a process still running after `seconds` is killed and nil is returned: a hang
    /// becomes a finding of the test instead of a run that never ends.
    public static func waitForExit(_ pid: pid_t, atMost seconds: Double) -> Int32? {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1_000_000_000)
        while DispatchTime.now().uptimeNanoseconds < deadline {
            switch exitStatusIfEnded(pid) {
            case .ended(let status): return status
            case .unknown: return nil
            case .running: usleep(10_000)
            }
        }
        kill(pid, SIGKILL)
        _ = waitForExit(pid)
        return nil
    }

    public enum ProcessState: Equatable {
        case running
        case ended(Int32)
        /// `waitpid` failed: not a child of ours, or already collected.
        case unknown
    }

    /// Whether a launched process has ended, without waiting; an ended one is collected.
    public static func exitStatusIfEnded(_ pid: pid_t) -> ProcessState {
        var status: Int32 = 0
        while true {
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid { return .ended(exitStatus(status)) }
            if ended == 0 { return .running }
            if errno != EINTR { return .unknown }
        }
    }

    /// Starts a process without waiting for it (for killing it at a moment of the test's choosing).
    public static func launch(_ executable: String, _ arguments: [String], environment: [String: String],
                              stdin: String, stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The test runner's threads block all signals and a child would inherit that mask: a program in
        // tmux would then never see SIGWINCH. Start children with no signals blocked and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(executable: executable, code: result) }
        return pid
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var executable: String
        public var code: Int32
        public var description: String { "could not start \(executable): error \(code)" }
    }
}
