import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite("dossier budget and due")
struct BudgetAndDueTests {
    let directory = TemporaryDirectory()
    let runner = ProgramRunner()
    var storePath: String { directory.file("dossier.json") }
    let environment = ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "adviseur"]

    init() throws {
        var dossier = Fixtures.smallDossier()
        // 2026: a carried-out visit (actual € 450,50) and an approved fair (estimated € 15.800).
        try dossier.apply(.addActivity(Activity(id: "beurs-2026", title: "Beurs 2026", kind: .beurs, status: .goedgekeurd,
                                                startDate: Fixtures.date("2026-12-01"), estimatedCost: Money(euros: 15_800))),
                          context: Fixtures.context)
        try directory.write("dossier.json", dossier.encoded())
    }

    func run(_ arguments: [String], now: String = "2026-11-22T09:00:00Z") throws -> ProgramRunner.Result {
        try runner.run(arguments + ["--store", storePath], environment: environment.merging(["DOSSIER_NOW": now]) { $1 })
    }

    @Test("committed, spent and remaining per year, overspending flagged, Global Goals apart, Dutch amounts")
    func budget() throws {
        let result = try run(["budget", "--year", "2026"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("2026  € 16.000,00  € 15.800,00  € 450,50  -€ 250,50  OVERSCHREDEN"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("Let op: in 2026 is het budget met € 250,50 overschreden."))
        #expect(result.standardOutput.contains("beurs-2026"))
        let json = try run(["budget", "--json"])
        let years = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let year2027 = try #require(years.first { $0["year"] as? Int == 2027 })
        #expect(year2027["committedCents"] as? Int == 250_000, "the planned Lyon mission")
        #expect(year2027["remainingCents"] as? Int == 1_350_000)
        #expect(year2027["overspent"] as? Bool == false)
    }

    @Test("due: overdue follow-ups and review dates coming up, within the window")
    func due() throws {
        let now = try run(["due"])
        #expect(now.standardOutput.contains("2026-07-01  VERLOPEN  Verslag naar de wethouder"), "\(now.standardOutput)")
        #expect(!now.standardOutput.contains("Uitnodiging terugbezoek"), "done follow-ups are not listed")
        #expect(!now.standardOutput.contains("Herijking Taizhou"))
        let later = try run(["due", "--within", "30", "--json"], now: "2030-12-10T09:00:00Z")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(later.standardOutput.utf8)) as? [[String: Any]])
        #expect(items.contains { $0["type"] as? String == "herijking" && $0["relation"] as? String == "taizhou" && $0["overdue"] as? Bool == false })
        #expect(try run(["due", "--within", "-1"]).status == 64)
    }
}
