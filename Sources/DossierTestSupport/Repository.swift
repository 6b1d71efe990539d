import Foundation

/// Files of this repository (data/, docs/, scripts/), found from the test sources' location.
public enum Repository {
    public static func root(file: StaticString = #filePath) -> String {
        var url = URL(fileURLWithPath: "\(file)")
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        preconditionFailure("no Package.swift above \(file)")
    }

    public static func path(_ relative: String) -> String { root() + "/" + relative }

    public static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }
}

/// Runs an independent checker (Python) and reports its output; used for the schema, CSV and iCalendar.
public enum ExternalChecker {
    /// Runs `python3 script arguments…`; the result's status is 127 when python3 cannot be started.
    public static func python(_ arguments: [String]) throws -> ProgramRunner.Result {
        // PATH first, as a shell would; then the usual places.
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
            + ["/usr/local/bin/python3", "/usr/bin/python3"]
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return ProgramRunner.Result(status: 127, standardOutput: "", standardError: "python3 niet gevonden")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        return try ProgramRunner(executable: python).run(arguments, environment: environment)
    }
}
