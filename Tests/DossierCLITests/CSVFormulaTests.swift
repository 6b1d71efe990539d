import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Every CSV the program writes (exports of each --what, with and without --excel, and the CSV report),
/// read by an independent parser (Python's csv module): no cell starts a formula. The activities export
/// goes back through the import unchanged, and cells Excel kept as text come back without the apostrophe.
@Suite("CSV exports without formulas, and their round trip")
struct CSVFormulaTests {
    let scratch: ScratchStore
    var directory: TemporaryDirectory { scratch.directory }

    init() throws {
        var dossier = try Fixtures.smallDossier {
            $0.name = "=HYPERLINK(\"http://example.com/x\";\"klik\")"
            $0.notes = "@SUM(A1:A9)"
            $0.places = ["-2+3", "'s-Hertogenbosch"]
        }
        var pivot = try #require(dossier.relation("pivot-park"))
        pivot.contacts[0].phone = "+31 6 12345678"
        pivot.contacts[0].role = "-5"
        pivot.contacts[0].notes = "\tingesprongen"
        try dossier.apply(.updateRelation(pivot), context: Fixtures.context)
        var mission = try #require(dossier.activity("missie-lyon"))
        mission.title = "=1+1"
        mission.notes = "\rterug naar het begin"
        mission.outcomes = "'=al als tekst bedoeld"
        mission.participants = [Participant(name: "+Ondernemer", role: .ondernemer, organisation: "@Osse Farma")]
        try dossier.apply(.updateActivity(mission), context: Fixtures.context)
        scratch = try ScratchStore(dossier)
    }

    func run(_ arguments: [String]) throws -> ProgramRunner.Result {
        try scratch.run(arguments)
    }

    @Test("no CSV the program writes has a cell that starts a formula")
    func everyCSV() throws {
        let exports: [[String]] = ["relations", "activities", "contacts", "gesprekspartners"].map { ["export", "--format", "csv", "--what", $0] }
            + [["report", "--year", "2027", "--format", "csv"]]
        var neutralised: Set<String> = []
        for (index, command) in exports.enumerated() {
            for excel in [false, true] {
                let file = directory.file("uit-\(index)-\(excel).csv")
                let result = try run(command + (excel ? ["--excel", "-o", file] : ["-o", file]))
                #expect(result.status == 0, "\(command): \(result.standardError)")
                let check = try ExternalChecker.python([Repository.path("scripts/check-exchange.py"), "formulas", file])
                #expect(check.status == 0, "\(command) \(excel): \(check.standardError)")
                let cells = try JSONDecoder().decode([String].self, from: Data(check.standardOutput.utf8))
                neutralised.formUnion(cells)
            }
        }
        for expected in ["'=HYPERLINK(\"http://example.com/x\";\"klik\")", "'@SUM(A1:A9)", "'-2+3; 's-Hertogenbosch", "'+31 6 12345678", "'\tingesprongen",
                         "'=1+1", "'\rterug naar het begin", "''=al als tekst bedoeld", "'+Ondernemer (@Osse Farma)"] {
            #expect(neutralised.contains(expected), "not written as text: \(expected.debugDescription)")
        }
        #expect(!neutralised.contains("''s-Hertogenbosch") && !neutralised.contains("'-5"))
    }

    @Test("the activities export goes back through the import unchanged; cells kept as text by Excel lose their apostrophe")
    func roundTrip() throws {
        let before = try scratch.load()
        for excel in [false, true] {
            let file = directory.file("activiteiten-\(excel).csv")
            #expect(try run(["export", "--format", "csv", "--what", "activities", "-o", file] + (excel ? ["--excel"] : [])).status == 0)
            let result = try run(["import", "activities", file])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput == "Geïmporteerd: 0 nieuw, 0 bijgewerkt, 2 ongewijzigd.\n", "\(result.standardOutput)")
        }
        #expect(try scratch.load() == before)

        try directory.write("nieuw.csv", "titel;soort;toelichting;resultaten\r\n'=2+2;beurs;'+31 6 87654321;-5\r\n'@team;beurs;''-x;'s-Hertogenbosch\r\n")
        let imported = try run(["import", "activities", directory.file("nieuw.csv")])
        #expect(imported.status == 0, "\(imported.standardError)")
        let after = try scratch.load()
        let first = try #require(after.activities.first { $0.title == "=2+2" })
        #expect(first.notes == "+31 6 87654321" && first.outcomes == "-5")
        let second = try #require(after.activities.first { $0.title == "@team" })
        #expect(second.notes == "'-x" && second.outcomes == "'s-Hertogenbosch")
    }
}
