import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Rows the CSV import refuses instead of guessing.
@Suite("CSV import refusals")
struct CSVImportRefusalTests {
    let directory = TemporaryDirectory()
    let runner = ProgramRunner()
    var storePath: String { directory.file("dossier.json") }

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
    }

    @Test("an empty kind is refused for a new row and for an existing one, never turned into 'overig'")
    func emptyKind() throws {
        try directory.write("leeg.csv", "id;titel;soort\r\n;Nieuwe beurs;\r\nmissie-lyon;Handelsmissie Lyon;\r\n")
        let result = try runner.run(["import", "activities", directory.file("leeg.csv"), "--store", storePath], environment: ["DOSSIER_USER": "adviseur"])
        #expect(result.status == 65)
        #expect(result.standardError.contains("regel 2, kolom 'soort': een activiteit heeft een soort nodig (toegestaan: handelsmissie,"), "\(result.standardError)")
        #expect(result.standardError.contains("regel 3, kolom 'soort': een activiteit heeft een soort nodig"), "\(result.standardError)")
        #expect(try DossierStore(path: storePath).load() == Fixtures.smallDossier())
    }
}
