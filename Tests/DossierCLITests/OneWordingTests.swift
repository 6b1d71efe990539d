import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// A value is read by one parser in the core: the command line and the CSV import refuse the same bad
/// value in the same words (the TUI's forms are checked in the TUI flows).
@Suite("One wording per bad value")
struct OneWordingTests {
    let scratch: ScratchStore
    var directory: TemporaryDirectory { scratch.directory }

    init() throws {
        scratch = try ScratchStore()
    }

    func run(_ arguments: [String]) throws -> ProgramRunner.Result {
        try scratch.run(arguments)
    }

    func coreMessage<T>(_ parse: (String) throws(ValueError) -> T, _ text: String) -> String {
        do {
            _ = try parse(text)
            return ""
        } catch {
            return error.message
        }
    }

    @Test("a bad date, amount and kind: the same message on the command line and in an import")
    func sameWords() throws {
        let date = coreMessage(CalendarDate.read, "31-2-2027")
        let amount = coreMessage(Money.read, "veel")
        let kind = coreMessage(ActivityKind.read, "vergadering")
        let badDate = try run(["add-activity", "--title", "Beurs", "--kind", "beurs", "--date", "31-2-2027"])
        #expect(badDate.status == 64)
        #expect(badDate.standardError.contains("--date: \(date)"), "\(badDate.standardError)")
        let badAmount = try run(["add-activity", "--title", "Beurs", "--kind", "beurs", "--cost", "veel"])
        #expect(badAmount.standardError.contains("--cost: \(amount)"), "\(badAmount.standardError)")
        let badKind = try run(["add-activity", "--title", "Beurs", "--kind", "vergadering"])
        #expect(badKind.standardError.contains("--kind: \(kind)"), "\(badKind.standardError)")

        let cells = ["titel": "Beurs", "soort": "vergadering", "begindatum": "31-2-2027", "geraamde kosten": "veel"]
        let header = ActivityTable.columns.map(\.heading)
        let row = header.map { cells[$0] ?? "" }
        try directory.write("import.csv", header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n")
        let imported = try run(["import", "activities", directory.file("import.csv")])
        #expect(imported.status == 65)
        for expected in ["kolom 'begindatum': \(date)", "kolom 'geraamde kosten': \(amount)", "kolom 'soort': \(kind)"] {
            #expect(imported.standardError.contains(expected), "missing: \(expected)\n\(imported.standardError)")
        }
    }
}
