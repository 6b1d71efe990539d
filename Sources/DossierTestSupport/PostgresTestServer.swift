import Foundation

/// The throw-away PostgreSQL server the tests use: `scripts/with-test-postgres` starts one (for `.ci/run` and
/// `scripts/test`, with scripts/postgres-test-server.sh) and names it in `DOSSIER_TEST_POSTGRES` (the
/// superuser's address). Each test gets a database of its own; a
/// test that stops and starts the server starts one of its own (`OwnCluster`).
public enum PostgresTestServer {
    public static var adminAddress: String? {
        ProcessInfo.processInfo.environment["DOSSIER_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether tests that need the server run: always in CI (where a missing server is a failure, not a
    /// skip), elsewhere when one is named.
    public static var shouldRun: Bool { adminAddress != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Why the tests did not run here, for the skip message.
    public static let skipReason = "geen PostgreSQL-server: start er een met scripts/postgres-test-server.sh start DIR en zet DOSSIER_TEST_POSTGRES (scripts/test en .ci/run doen dat)"

    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// A new, empty database on the server; its address.
    public static func freshDatabase() throws -> String {
        guard let admin = adminAddress else {
            throw Unavailable(description: "DOSSIER_TEST_POSTGRES is niet gezet: scripts/test en .ci/run starten de testserver en zetten het")
        }
        let name = "dossier_t_\(UInt32.random(in: 0...UInt32.max))"
        try sql(admin, "CREATE DATABASE \(name)")
        return admin.replacingOccurrences(of: "/postgres", with: "/\(name)")
    }

    /// Runs statements with psql, failing the test on an error.
    @discardableResult
    public static func sql(_ address: String, _ statements: String) throws -> String {
        let result = try ProgramRunner(executable: psql()).run([address, "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-c", statements])
        guard result.status == 0 else { throw Unavailable(description: "psql: \(result.standardError)") }
        return result.standardOutput
    }

    private static func psql() throws -> String {
        for candidate in ["/usr/bin/psql", "/usr/local/bin/psql"] + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).map({ "/usr/lib/postgresql/\($0)/bin/psql" })
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw Unavailable(description: "psql niet gevonden (apt-get install postgresql-client)")
    }

    /// A server of a test's own, for tests that stop and start it (the shared one must keep running for the
    /// tests beside them). Stopped when released.
    public final class OwnCluster: @unchecked Sendable {
        public let directory: String
        public let adminAddress: String

        public init() throws {
            // Not inside a 0700 temporary folder: the server's own account must reach it.
            directory = "/tmp/dossier-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            adminAddress = try OwnCluster.script("start", directory).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        deinit {
            _ = try? OwnCluster.script("stop", directory)
            try? FileManager.default.removeItem(atPath: directory)
        }

        /// Stopped at once, as in a crash (`pg_ctl stop -m immediate`).
        public func crash() throws { try OwnCluster.script("crash", directory) }

        /// Started again on the same port.
        public func resume() throws { try OwnCluster.script("resume", directory) }

        public func freshDatabase() throws -> String {
            let name = "dossier_t_\(UInt32.random(in: 0...UInt32.max))"
            try sql(adminAddress, "CREATE DATABASE \(name)")
            return adminAddress.replacingOccurrences(of: "/postgres", with: "/\(name)")
        }

        @discardableResult
        static func script(_ command: String, _ directory: String) throws -> String {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("scripts/postgres-test-server.sh").path
            let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"
            let result = try ProgramRunner(executable: "/bin/bash").run([script, command, directory], environment: ["PATH": path])
            guard result.status == 0 else {
                throw Unavailable(description: "postgres-test-server \(command): \(result.standardError)\(result.standardOutput)")
            }
            return result.standardOutput
        }
    }
}
