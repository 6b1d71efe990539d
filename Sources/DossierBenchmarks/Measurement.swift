#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Timings of repeated runs, in milliseconds.
struct Measurement {
    var samples: [Double] = []

    var median: Double { percentile(0.5) }
    var p95: Double { percentile(0.95) }

    func percentile(_ fraction: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
        return sorted[index]
    }

    /// Times `body` once, in milliseconds, on the monotonic clock.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return (now() - start) * 1000
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// A process run for measuring: wall time and peak memory (maximum resident set size).
enum ProcessMeasurement {
    struct Result {
        var milliseconds: Double
        var peakMegabytes: Double
        var status: Int32
    }

    /// The peak memory of a whole run of `executable`, in MB, measured through this benchmark binary started
    /// as a small go-between (`--peak-memory-of`). Linux carries a parent's peak into a child it spawns
    /// (the child starts on the parent's memory until `exec`), so a child of this large process would
    /// report this process's peak; a child of a fresh small one reports its own (plus at most that small
    /// process's few MB).
    static func peakMemory(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) -> Double {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let output = NSTemporaryDirectory() + "dossier-bench-peak-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = run(me, ["--peak-memory-of", executable] + arguments, environment: environment, standardOutput: output)
        guard result.status == 0, let text = try? String(contentsOfFile: output, encoding: .utf8),
              let kilobytes = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return .nan }
        return kilobytes / 1024
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    standardOutput: String = "/dev/null") -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        var merged = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/tmp"]
        merged.merge(environment) { $1 }
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let start = Measurement.now()
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else { return Result(milliseconds: .nan, peakMegabytes: .nan, status: -1) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = (Measurement.now() - start) * 1000
        return Result(milliseconds: elapsed, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
    }
}
