import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Numbers at and beyond their limits through the real program: every entry point refuses what lies
/// outside with a message, and the largest accepted amounts add up without a trap.
@Suite("Numbers in range, end to end")
struct NumberRangeTests {
    let scratch: ScratchStore

    init() throws {
        scratch = try ScratchStore()
    }
    var directory: TemporaryDirectory { scratch.directory }
    var storePath: String { scratch.path }

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ProgramRunner.Result {
        try scratch.run(arguments, environment: extra)
    }

    @Test("an import of the largest accepted amounts: budget, report (md, csv, html), assess and validate add them up exactly; the TUI starts")
    func largestAmountsAddUp() throws {
        let rows = (1...300).map { "Beurs \($0);beurs;goedgekeurd;Besluit B&W 3 november 2026;2027-04-01;999.999.999,99" }
        try directory.write("groot.csv", (["titel;soort;status;besluit;begindatum;geraamde kosten"] + rows).joined(separator: "\r\n"))
        let imported = try run(["import", "activities", directory.file("groot.csv")])
        #expect(imported.status == 0, "\(imported.standardError)")
        let total = Money(cents: 99_999_999_999 * 300 + 250_000).formatted  // and the mission to Lyon
        let budget = try run(["budget", "--year", "2027"])
        #expect(budget.status == 0, "\(budget.standardError)")
        #expect(budget.standardOutput.contains(total), "\(budget.standardOutput)")
        let json = try run(["budget", "--json"])
        #expect(json.standardOutput.contains("\"committedCents\": \(99_999_999_999 * 300 + 250_000)"), "\(json.standardOutput)")
        for format in ["md", "csv", "html"] {
            let report = try run(["report", "--year", "2027", "--format", format])
            #expect(report.status == 0, "\(format): \(report.standardError)")
        }
        #expect(try run(["report", "--year", "2027"]).standardOutput.contains(total))
        #expect(try run(["validate"]).status == 0)
        let assessed = try run(["assess", "missie-lyon", "--answer", "mensenrechten=ja", "--json"])
        #expect(assessed.status == 0, "\(assessed.standardError)")

        let binary = ProgramRunner.builtBinary("dossier")
        let tmux = try TmuxSession(command: "env DOSSIER_NOW=2026-11-22T09:00:00Z DOSSIER_USER=e2e LANG=C.UTF-8 \(binary) --store \(storePath)", width: 120, height: 30)
        try tmux.waitFor("Relaties")
        try tmux.send("4")
        let screen = try tmux.waitFor("overschreden")
        #expect(screen.contains("2027"))
        try tmux.send("q")
    }

    @Test("an amount one cent over the limit is refused in the CSV import, on the command line and in a proposal, with the limit named")
    func amountsOverTheLimit() throws {
        try directory.write("te-groot.csv", "titel;soort;geraamde kosten\r\nBeurs;beurs;1.000.000.000\r\n")
        let imported = try run(["import", "activities", directory.file("te-groot.csv")])
        #expect(imported.status == 65)
        #expect(imported.standardError.contains("regel 2, kolom 'geraamde kosten': € 1.000.000.000,00 is te veel: een bedrag is hoogstens € 999.999.999,99"),
                "\(imported.standardError)")
        let added = try run(["add-activity", "--title", "Beurs", "--kind", "beurs", "--cost", "1000000000"])
        #expect(added.status == 64)
        #expect(added.standardError.contains("--cost: € 1.000.000.000,00 is te veel"), "\(added.standardError)")
        try directory.write("voorstel.json", #"{"activity": {"title": "Beurs", "kind": "beurs", "organiser": "gemeente", "estimatedCostCents": 100000000000}}"#)
        let proposal = try run(["assess", "--what-if", directory.file("voorstel.json")])
        #expect(proposal.status == 65)
        #expect(proposal.standardError.contains("estimatedCostCents): € 1.000.000.000,00 is te veel"), "\(proposal.standardError)")
        #expect(try scratch.load() == Fixtures.smallDossier())
    }

    @Test("a file with amounts that used to be accepted (and overflowed when summed) is refused by every command, validate included")
    func oldOverflowingFile() throws {
        let text = String(decoding: Fixtures.smallDossier().encoded(), as: UTF8.self)
        try directory.write("dossier.json", text.replacingOccurrences(of: "\"estimatedCostCents\": 250000", with: "\"estimatedCostCents\": 999999999999999"))
        for command in [["validate"], ["budget"], ["report"], ["relations"]] {
            let result = try run(command)
            #expect(result.status == 65, "\(command): \(result.status)")
            #expect(result.standardError.contains("($.activities[0].estimatedCostCents): € 9.999.999.999.999,99 is te veel"), "\(result.standardError)")
        }
    }

    @Test("options and settings out of range are usage errors with the range named", arguments: [
        (["due", "--within", "99999999999"], [String: String](), "--within: 99.999.999.999 ligt buiten het bereik 0 … 3.650"),
        (["report", "--year", "20026"], [:], "--year: jaar 20026 ligt buiten het bereik 1900 … 2199"),
        (["budget", "--year=-1"], [:], "--year: jaar -1 ligt buiten het bereik 1900 … 2199"),
        (["activities", "--year", "1850"], [:], "--year: jaar 1850 ligt buiten het bereik 1900 … 2199"),
        (["log-visit", "--relation", "bom", "--date", "1-1-2027", "--direction", "inkomend", "--delegation", "Lyon", "--size", "0"], [:],
         "--size: 0 ligt buiten het bereik 1 … 10.000"),
        (["add-activity", "--title", "Beurs", "--kind", "beurs", "--date", "1-1-2200"], [:],
         "--date: 1-1-2200 ligt buiten het bereik van datums: 1-1-1900 … 31-12-2199"),
        (["log", "--since", "31-12-1899"], [:], "--since: 31-12-1899 ligt buiten het bereik van datums"),
        // The year in four digits: 99 would read as a two-digit year, which is refused otherwise.
        (["edit", "missie-lyon", "--start-date", "1-3-0099"], [:], "--start-date: 1-3-0099 ligt buiten het bereik van datums"),
        (["relations"], ["DOSSIER_BACKUPS": "0"], "DOSSIER_BACKUPS: 0 ligt buiten het bereik 1 … 1.000"),
        (["relations"], ["DOSSIER_JOURNAL_LIMIT": "veel"], "DOSSIER_JOURNAL_LIMIT: 'veel' is geen heel getal"),
        (["relations"], ["DOSSIER_LOCK_WAIT": "inf"], "DOSSIER_LOCK_WAIT: 'inf' is geen aantal seconden van 0 tot en met 3.600"),
    ])
    func optionsOutOfRange(arguments: [String], settings: [String: String], expected: String) throws {
        let result = try run(arguments, environment: settings)
        #expect(result.status == 64, "\(arguments): \(result.status) \(result.standardError)")
        #expect(result.standardError.contains(expected), "\(result.standardError)")
    }

    @Test("a follow-up number far out of range is refused, never an overflow", arguments: ["-9223372036854775808", "9223372036854775807", "0", "3"])
    func followUpNumber(number: String) throws {
        // After `--`, so that a leading minus is read as the number, not as an option.
        let result = try scratch.runner.run(["done", "delegatie-uit-lyon", "--store", storePath, "--", number], environment: scratch.environment)
        #expect(result.status == 65, "\(number): \(result.status) \(result.standardError)")
        #expect(result.standardError.contains("heeft geen vervolgactie \(number)"), "\(result.standardError)")
    }

    @Test("apply refuses a change with an index out of range while reading it; nothing is written")
    func applyOutOfRange() throws {
        try directory.write("wijzigingen.jsonl", #"{"type":"set-follow-up-done","activity":"delegatie-uit-lyon","index":9223372036854775807,"done":true}"# + "\n")
        let result = try run(["apply", directory.file("wijzigingen.jsonl")])
        #expect(result.status == 65)
        #expect(result.standardError.contains("regel 1 ($.index): 9.223.372.036.854.775.807 ligt buiten het bereik 0 … 9.999"), "\(result.standardError)")
        let journal = FileManager.default.fileExists(atPath: storePath + ".journal") ? try directory.read("dossier.json.journal") : []
        #expect(journal.isEmpty)
    }

    @Test("a fixed moment at the edge of the dates, whose local day lies past it, writes a day every reader takes", arguments: [
        ("2199-12-31T23:00:00Z", "Europe/Amsterdam"), ("1900-01-01T00:00:00Z", "America/New_York"),
    ])
    func dayAtTheEdge(now: String, zone: String) throws {
        let added = try run(["add-follow-up", "missie-lyon", "--what", "x"], environment: ["DOSSIER_NOW": now, "TZ": zone])
        #expect(added.status == 0, "\(added.standardError)")
        let checked = try run(["validate"])
        #expect(checked.status == 0, "\(checked.standardError)")
    }

    @Test("apply reads a long line in time proportional to it: a line of 1 MB takes about 10× one of 100 kB, not 100× (2 MB took 14 s)")
    func applyLongLineIsLinear() throws {
        var times: [Double] = []
        for size in [100_000, 1_000_000] {
            try directory.write("lang.jsonl", #"{"type":1}"# + String(repeating: " ", count: size) + "\n")
            var best = Double.infinity
            for _ in 0..<2 {
                let start = DispatchTime.now().uptimeNanoseconds
                let result = try run(["apply", directory.file("lang.jsonl")])
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                #expect(result.status == 65 && result.standardError.contains("regel 1"), "\(result.standardError)")
            }
            times.append(best)
        }
        print("apply: \(times.map { String(format: "%.3f", $0) }) s, ×\(times[1] / times[0])")
        #expect(times[1] / times[0] < 40)
    }

    @Test("apply reads a file saved by Notepad: its byte order mark is no part of the first change")
    func applyWithByteOrderMark() throws {
        try directory.write("wijzigingen.jsonl", [0xEF, 0xBB, 0xBF]
            + Array((#"{"type":"set-follow-up-done","activity":"delegatie-uit-lyon","index":0,"done":true}"# + "\r\n").utf8))
        let result = try run(["apply", directory.file("wijzigingen.jsonl")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try DossierStore(path: storePath).load().activity("delegatie-uit-lyon")?.followUps.first?.isDone == true)
    }
}
