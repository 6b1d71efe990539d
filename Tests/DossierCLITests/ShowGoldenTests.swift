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

    @Test("on a terminal no table line is wider than it: names narrowed, a link's address too long beside its label on a line of its own, whole")
    func fitsTheTerminal() throws {
        var dossier = try Fixtures.keptDossier()
        let address = "https://www.taizhou.gov.cn/art/2024/3/12/art_1229012345_59012345.html"
        try dossier.apply(.addLink(.relation("pivot-park"), Link(id: "verslag", label: "Verslag van het bezoek van de delegatie uit Taizhou aan Oss in maart 2024",
                                                            target: .url(address))), context: Fixtures.context)
        let document = try #require(dossier.relation("pivot-park").map { RecordDocument(relation: $0, in: dossier) })
        let lines = document.plainText(width: 80).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, "\(lines.filter { DisplayWidth.of($0) > 80 })")
        #expect(lines.contains("    " + address), "the address whole, to be copied: \(lines)")
        #expect(document.plainText().contains("  " + address), "to a pipe, each row whole on one line")
    }
}
