import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Rows the CSV import refuses instead of guessing.
@Suite("CSV import refusals")
struct CSVImportRefusalTests {
    let scratch: ScratchStore

    init() throws {
        scratch = try ScratchStore()
    }

    @Test("an empty kind is refused for a new row and for an existing one, never turned into 'overig'")
    func emptyKind() throws {
        try scratch.directory.write("leeg.csv", "id;titel;soort\r\n;Nieuwe beurs;\r\nmissie-lyon;Handelsmissie Lyon;\r\n")
        let result = try scratch.run(["import", "activities", scratch.directory.file("leeg.csv")])
        #expect(result.status == 65)
        #expect(result.standardError.contains("regel 2, kolom 'soort': een activiteit heeft een soort nodig (toegestaan: handelsmissie,"), "\(result.standardError)")
        #expect(result.standardError.contains("regel 3, kolom 'soort': een activiteit heeft een soort nodig"), "\(result.standardError)")
        #expect(try scratch.load() == Fixtures.smallDossier())
    }
}
