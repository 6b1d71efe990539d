import DossierCore
import DossierTestSupport
import Testing

/// CSV cells a spreadsheet would read as a formula are written with an apostrophe in front; reading
/// gives back exactly the text that was written.
@Suite("CSV cells never formulas")
struct SpreadsheetFormulaTests {
    @Test("cells starting with = + - @ tab or CR get an apostrophe; plain negative numbers and ordinary text stay", arguments: [
        ("=1+1", "'=1+1"), ("+31 6 12345678", "'+31 6 12345678"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tinspringen", "'\tinspringen"), ("\rterug", "'\rterug"), ("- opsomming", "'- opsomming"), ("-", "'-"),
        ("'=al tekst", "''=al tekst"), ("''+x", "'''+x"),
        ("-5", "-5"), ("-1250,50", "-1250,50"), ("-3.5", "-3.5"), ("'s-Hertogenbosch", "'s-Hertogenbosch"), ("'", "'"),
        ("Rhône-Alpes", "Rhône-Alpes"), ("", ""), ("a=b", "a=b"), ("-5,", "'-5,"), ("-5e3", "'-5e3"), ("--5", "'--5"),
    ])
    func neutralised(text: String, written: String) {
        #expect(SpreadsheetFormula.neutralised(text) == written)
        #expect(SpreadsheetFormula.restored(written) == text)
    }

    @Test("a round trip keeps every text exactly: 20.000 random texts of apostrophes, formula characters, digits and letters")
    func roundTrip() throws {
        var random = SeededGenerator(seed: 11)
        let alphabet: [Character] = ["'", "'", "=", "+", "-", "@", "\t", "\r", "5", ",", "a", " ", "\"", ";", "\n"]
        var rows: [[String]] = []
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...6, using: &random)
            let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
            let written = SpreadsheetFormula.neutralised(text)
            #expect(SpreadsheetFormula.restored(written) == text, "\(text.debugDescription)")
            if let first = written.first, "=+-@\t\r".contains(first) {
                #expect(written.hasPrefix("-") && written.dropFirst().allSatisfy { $0.isNumber || $0 == "," }, "\(written.debugDescription)")
            }
            rows.append([text, "x"])
        }
        // Through CSV itself, both dialects.
        for format in [CSVFormat.standard, .dutchExcel] {
            let records = try CSV.decode(CSV.encode([["kop", "x"]] + rows, format: format))
            #expect(records.dropFirst().map(\.fields) == rows)
        }
    }

    @Test("a record's line is its row in a spreadsheet: a line break inside a cell starts no row, a blank line is one")
    func rowsAsASpreadsheetShows() throws {
        let text = "kop;toelichting\r\na;\"twee\r\nregels\"\r\n\r\nb;c\r\n"
        let records = try CSV.decode(Array(text.utf8))
        #expect(records.map(\.line) == [1, 2, 4], "\(records)")
        #expect(records[1].fields == ["a", "twee\r\nregels"])
    }
}
