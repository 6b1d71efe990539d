import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `dossier show` prints the core's document of a record; the golden files are that document as text
/// (the TUI draws the same document: see "TUI detail screens" in DossierTUITests).
@Suite("show: the record document")
struct ShowGoldenTests {
    @Test("a relation and an activity, to a pipe (nothing wrapped or cut), as the golden files", arguments: ["pivot-park", "missie-lyon"])
    func golden(id: String) throws {
        let scratch = try ScratchStore(try Fixtures.keptDossier())
        let result = try scratch.run(["show", id])
        #expect(result.status == 0, "\(result.standardError)")
        let golden = Repository.path("Tests/DossierCLITests/Golden/show-\(id).txt")
        if ProcessInfo.processInfo.environment["DOSSIER_RECORD_SNAPSHOTS"] == "1" {
            try Data(result.standardOutput.utf8).write(to: URL(fileURLWithPath: golden))
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(result.standardOutput == expected, "show \(id) differs from \(golden) (DOSSIER_RECORD_SNAPSHOTS=1 re-records)")
        // The text is exactly the core's document rendered without a width.
        let dossier = try Fixtures.keptDossier()
        let document = try #require(dossier.relation(id).map { RecordDocument(relation: $0, in: dossier) }
                                    ?? dossier.activity(id).map { RecordDocument(activity: $0, in: dossier, today: Fixtures.clock.today()) })
        #expect(result.standardOutput == document.plainText() + "\n")
    }
}
