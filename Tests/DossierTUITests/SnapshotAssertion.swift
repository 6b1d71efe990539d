import DossierTestSupport
import DossierTUI
import Foundation
import Testing

/// Compares a canvas with a golden text file in Tests/DossierTUITests/Snapshots. Each line ends in `|`
/// so trailing spaces are visible. `DOSSIER_RECORD_SNAPSHOTS=1 swift test` writes the files anew.
enum SnapshotAssertion {
    static func render(_ canvas: Canvas) -> String {
        "# \(canvas.width)x\(canvas.height)\n" + canvas.lines.map { $0 + "|" }.joined(separator: "\n") + "\n"
    }

    static func assertMatches(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = Repository.path("Tests/DossierTUITests/Snapshots/\(name).txt")
        let actual = render(canvas)
        let recording = ProcessInfo.processInfo.environment["DOSSIER_RECORD_SNAPSHOTS"] == "1"
        guard !recording, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            if !recording { Issue.record("no snapshot \(name) yet: recorded it at \(path); check it and run again", sourceLocation: sourceLocation) }
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var differences: [String] = []
            for index in 0..<max(expectedLines.count, actualLines.count) {
                let left = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
                let right = index < actualLines.count ? String(actualLines[index]) : "<none>"
                if left != right { differences.append("line \(index):\n  expected: \(left)\n  actual:   \(right)") }
            }
            Issue.record(Comment(rawValue: "snapshot \(name) differs (DOSSIER_RECORD_SNAPSHOTS=1 re-records):\n" + differences.prefix(12).joined(separator: "\n")),
                         sourceLocation: sourceLocation)
        }
    }
}
