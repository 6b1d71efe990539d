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
        // 2026: a carried-out visit (actual € 450,50) and an approved fair (estimated € 15.800) on the budget
        // internationalisering; a Global Goals week (€ 3.000) on the contribution, and a mission a partner pays.
        try dossier.apply(.addActivity(Activity(id: "beurs-2026", title: "Beurs 2026", kind: .beurs, status: .goedgekeurd,
                                                startDate: Fixtures.date("2026-12-01"), budgetLine: "internationalisering",
                                                estimatedCost: Money(euros: 15_800), statusHistory: Fixtures.approved(overrideReason: "Eén grote beurs, apart besloten"))),
                          context: Fixtures.context)
        try dossier.apply(.addActivity(Activity(id: "global-goals-week", title: "Global Goals-week", kind: .overig, status: .gepland,
                                                startDate: Fixtures.date("2026-12-05"), budgetLine: "global-goals-platform-oss",
                                                estimatedCost: Money(euros: 3_000), statusHistory: Fixtures.approved(.gepland))),
                          context: Fixtures.context)
        try dossier.apply(.addActivity(Activity(id: "missie-op-kosten-bom", title: "Missie op kosten van de BOM", kind: .handelsmissie,
                                                status: .goedgekeurd, startDate: Fixtures.date("2026-12-10"), estimatedCost: Money(euros: 9_000),
                                                statusHistory: Fixtures.approved())),
                          context: Fixtures.context)
        // Approved without a date: counted in no year, said under its line.
        try dossier.apply(.addActivity(Activity(id: "webinarreeks", title: "Webinarreeks", kind: .overig, status: .goedgekeurd,
                                                budgetLine: "internationalisering", estimatedCost: Money(euros: 800),
                                                statusHistory: Fixtures.approved(overrideReason: "doorlopend"))),
                          context: Fixtures.context)
        try directory.write("dossier.json", dossier.encoded())
    }

    func run(_ arguments: [String], now: String = "2026-11-22T09:00:00Z") throws -> ProgramRunner.Result {
        try runner.run(arguments + ["--store", storePath], environment: environment.merging(["DOSSIER_NOW": now]) { $1 })
    }

    @Test("committed, spent and remaining per year and budget line, each line counting its own activities, Dutch amounts")
    func budget() throws {
        let result = try run(["budget", "--year", "2026"])
        #expect(result.status == 0)
        let output = result.standardOutput
        #expect(output.contains("Budget internationalisering (internationalisering): € 16.000,00 per jaar, 2025–2030\n"), "the years it runs: \(output)")
        #expect(output.contains("2026  € 16.000,00  € 15.800,00  € 450,50  -€ 250,50  OVERSCHREDEN"), "\(output)")
        #expect(output.contains("Let op: in 2026 is Budget internationalisering met € 250,50 overschreden."))
        #expect(output.contains("Bijdrage Global Goals Platform Oss (global-goals-platform-oss): € 11.459,00 per jaar"))
        #expect(output.contains("2026  € 11.459,00  € 3.000,00   € 0,00  € 8.459,00"), "\(output)")
        #expect(output.contains("Niet ten laste van de gemeente (budgetregel: geen) in 2026:"))
        #expect(output.contains("missie-op-kosten-bom"))
        #expect(output.contains("beurs-2026") && output.contains("global-goals-week"))
        // By date, with the date, whatever order they were added in.
        for date in ["20-12-2026", "2-12-2026"] {
            let added = try run(["add-activity", "--title", "Beurs \(date)", "--kind", "beurs", "--relation", "bom", "--date", date, "--cost", "10"])
            #expect(added.status == 0, "\(added.standardError)")
            _ = try run(["move", "beurs-\(date)", "in-afweging"])
            _ = try run(["move", "beurs-\(date)", "goedgekeurd", "--decision", "B&W", "--override-reason", "apart besloten"])
        }
        let dated = try run(["budget", "--year", "2026"]).standardOutput.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        let order = ["1-12-2026", "2-12-2026", "20-12-2026"].map { day in dated.firstIndex(of: day) ?? -1 }
        #expect(order.allSatisfy { $0 >= 0 } && order == order.sorted(), "\(dated)")
        let undated = "Zonder datum, en dus in geen jaar geteld, op Budget internationalisering: € 800,00 (webinarreeks); geef een datum om het mee te tellen."
        #expect(!output.contains("Zonder datum, en dus"), "with --year only that year is read where it can be: \(output)")
        #expect(try run(["budget"]).standardOutput.contains(undated))
        let year = try run(["budget", "--year", "2026", "--json"])
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(year.standardOutput.utf8)) as? [[String: Any]])
        let uncharged = try #require(lines.first { $0["budgetLine"] is NSNull }, "what a partner pays, as the text shows it: \(year.standardOutput)")
        #expect(uncharged["committedCents"] as? Int == 900_000 && uncharged["spentCents"] as? Int == 0)
        #expect(uncharged["activities"] as? [String] == ["missie-op-kosten-bom"] && uncharged["year"] as? Int == 2026)
        let json = try run(["budget", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let years = rows.filter { $0["budgetLine"] as? String == "internationalisering" }
        #expect(rows.contains { $0["budgetLine"] as? String == "global-goals-platform-oss" && $0["year"] as? Int == 2026 && $0["committedCents"] as? Int == 300_000 })
        let year2027 = try #require(years.first { $0["year"] as? Int == 2027 })
        #expect(year2027["committedCents"] as? Int == 250_000, "the planned Lyon mission")
        #expect(year2027["remainingCents"] as? Int == 1_350_000)
        #expect(year2027["overspent"] as? Bool == false)
    }

    @Test("a year after the budget lines' years has no budget yet: the budget, the weighing and the report say so, not that it is overspent")
    func yearAfterTheKader() throws {
        let added = try run(["add-activity", "--title", "Beurs 2031", "--kind", "beurs", "--relation", "bom", "--date", "15-1-2031", "--cost", "640",
                             "--status", "goedgekeurd", "--decision", "B&W"], now: "2030-12-05")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("nog geen bedrag voor 2031 (de regel loopt 2025–2030)"), "\(added.standardOutput)")
        let budget = try run(["budget", "--year", "2031"], now: "2030-12-05").standardOutput
        // No amount and no shortfall: "€ 0,00" would read as a budget of nothing, "-€ 640,00" as overspent.
        #expect(budget.contains("2031       —    € 640,00   € 0,00     —  GEEN BUDGET"), "\(budget)")
        #expect(budget.contains("Let op: Budget internationalisering heeft nog geen bedrag voor 2031 (de regel loopt 2025–2030); er staat € 640,00 op."))
        #expect(!budget.contains("OVERSCHREDEN") && !budget.contains("overschreden"), "\(budget)")
        let report = try run(["report", "--year", "2031"], now: "2032-01-05").standardOutput
        #expect(report.contains("Budget internationalisering: € 640,00 vastgelegd of besteed; voor 2031 is nog geen bedrag vastgesteld."), "\(report)")
        #expect(report.contains("2031 valt erbuiten. De afwegingen in dit verslag volgen nog dat Kader"), "\(report)")
        #expect(!report.contains("overschreden met"), "\(report)")
        // Its tables, and the JSON, say no amount as none, not as € 0 with all of it short.
        #expect(report.contains("| **Budget internationalisering** | **—** | **€ 640,00** | **€ 0,00** | **—** |"), "\(report)")
        #expect(report.contains("| 2031 | — | € 640,00 | € 0,00 | — | — |"), "\(report)")
        #expect(report.contains("Bijdrage Global Goals Platform Oss: geen bedrag vastgesteld, apart van het budget internationalisering"), "\(report)")
        // A later year with nothing on the line yet (the other line has an amount): no amount either, not "over: € 0,00" beside
        // a table that says "—".
        let set = try run(["set-budget", "global-goals-platform-oss", "2032", "11.459", "--decision", "Begroting 2032"], now: "2031-11-05")
        #expect(set.status == 0, "\(set.standardError)")
        let empty = try run(["report", "--year", "2032"], now: "2033-01-05").standardOutput
        #expect(empty.contains("Budget internationalisering: € 0,00 vastgelegd of besteed; voor 2032 is nog geen bedrag vastgesteld."), "\(empty)")
        #expect(!empty.contains("over: € 0,00"), "\(empty)")
        let json = try run(["budget", "--year", "2031", "--json"], now: "2030-12-05").standardOutput
        let line = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.first { $0["budgetLine"] as? String == "internationalisering" })
        #expect(line["budgetCents"] is NSNull && line["remainingCents"] is NSNull && line["withoutBudget"] as? Bool == true, "\(line)")
        // An approved activity moved into such a year: said as the budget says it, not as overspending.
        let moved = try run(["edit", "beurs-2026", "--start-date", "1-12-2031"], now: "2030-12-05")
        #expect(moved.status == 0, "\(moved.standardError)")
        #expect(moved.standardOutput.contains("Budget internationalisering heeft nog geen bedrag voor 2031 (de regel loopt 2025–2030); 'Beurs 2026' is al goedgekeurd"),
                "\(moved.standardOutput)")
        #expect(!moved.standardOutput.contains("overschreden"), "\(moved.standardOutput)")
        // A year before the lines' years has no budget: that stays negative, and overspent.
        let before = try run(["add-activity", "--title", "Beurs 2024", "--kind", "beurs", "--relation", "bom", "--date", "15-6-2024", "--cost", "640"])
        #expect(before.standardOutput.contains("Negatief — Budget internationalisering heeft geen bedrag voor 2024"), "\(before.standardOutput)")
    }

    @Test("show says a relation's review date has passed, as relations and due do; before that day it does not")
    func overdueReviewShown() throws {
        let set = try run(["set-status", "bom", "laag-pitje", "--reason", "Even niet", "--review-date", "1-1-2027"], now: "2026-12-06T09:00:00Z")
        #expect(set.status == 0, "\(set.standardError)")
        #expect(try run(["show", "bom"], now: "2026-12-31T09:00:00Z").standardOutput.contains("Laag pitje — herijking 1-1-2027\n"))
        let after = try run(["show", "bom"], now: "2027-01-06T09:00:00Z").standardOutput
        #expect(after.contains("Laag pitje — herijking 1-1-2027 (verlopen)"), "\(after)")
    }

    @Test("due: overdue follow-ups and review dates coming up, within the window")
    func due() throws {
        let now = try run(["due"])
        #expect(now.standardOutput.contains("1-7-2026  VERLOPEN  Verslag naar de wethouder"), "\(now.standardOutput)")
        #expect(!now.standardOutput.contains("Uitnodiging terugbezoek"), "done follow-ups are not listed")
        #expect(!now.standardOutput.contains("Herijking Taizhou"))
        let later = try run(["due", "--within", "30", "--json"], now: "2030-12-10T09:00:00Z")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(later.standardOutput.utf8)) as? [[String: Any]])
        #expect(items.contains { $0["type"] as? String == "herijking" && $0["relation"] as? String == "taizhou" && $0["overdue"] as? Bool == false })
        #expect(try run(["due", "--within", "-1"]).status == 64)
        // Due today: said, not yet overdue.
        #expect(try run(["add-follow-up", "delegatie-uit-lyon", "--what", "Bellen met Lyon", "--due", "22-11-2026"]).status == 0)
        let today = try #require(try run(["due"]).standardOutput.split(separator: "\n").first { $0.contains("Bellen met Lyon") })
        #expect(today.hasPrefix("22-11-2026  VANDAAG   Bellen met Lyon"), "\(today)")
    }

    @Test("an amount with a dot before two digits: on a terminal it is said what it is read as; from a script (no terminal) it is read silently")
    func decimalDotOnATerminal() throws {
        let scripted = try run(["add-activity", "--title", "Beurs Gent", "--kind", "beurs", "--cost", "1.25"])
        #expect(scripted.status == 0 && scripted.standardError.isEmpty, "\(scripted.standardError)")
        #expect(try DossierStore(path: storePath).load().activity("beurs-gent")?.estimatedCost == Money(cents: 125))
        let binary = ProgramRunner.builtBinary("dossier")
        let tmux = try TmuxSession(command: "env DOSSIER_NOW=2026-11-22T09:00:00Z DOSSIER_USER=adviseur LANG=C.UTF-8 \(binary) add-activity "
                                   + "--title 'Beurs Brugge' --kind beurs --cost 12.5 --store \(storePath); echo EXIT:$?; sleep 30", width: 120)
        let screen = try tmux.waitFor("EXIT:")
        #expect(screen.contains("dossier: let op: --cost 12.5 = € 12,50 (de punt als komma; duizend is 1.000)"), "\(screen)")
        #expect(screen.contains("EXIT:0"))
    }

    @Test("edit: a date moved behind today, while nothing records that the activity took place, is said once, with the move that records it")
    func editedIntoThePast() throws {
        #expect(try run(["add-activity", "--title", "Beurs in Keulen", "--kind", "beurs", "--date", "2-12-2026"]).status == 0)
        let past = try run(["edit", "beurs-in-keulen", "--start-date", "2-11-2026", "--end-date", "4-11-2026"])
        #expect(past.status == 0)
        #expect(past.standardError.hasPrefix("dossier: let op: de einddatum 4-11-2026 ligt al in het verleden, en de activiteit is nog niet goedgekeurd (Idee): zet haar een stap verder, "
                                             + "annuleer haar, of geef een nieuwe datum "
                                             + "(dossier --store '\(storePath)' move beurs-in-keulen …)\n"), "\(past.standardError)")
        // Already over: not said again; a date to come, or today, says nothing.
        #expect(!(try run(["edit", "beurs-in-keulen", "--end-date", "5-11-2026"])).standardError.contains("let op"))
        #expect(!(try run(["edit", "beurs-in-keulen", "--start-date", "22-11-2026", "--end-date", "22-11-2026"])).standardError.contains("let op"))
    }

    @Test("due and agenda: an activity over and still planned asks for its outcome, by its last day, until it is moved on")
    func outcomeDue() throws {
        let added = try run(["add-activity", "--title", "Beurs in Lyon", "--kind", "beurs", "--relation", "bom", "--date", "2-11-2026",
                             "--end-date", "4-11-2026", "--status", "gepland", "--decision", "Besluit B&W"])
        #expect(added.status == 0, "\(added.standardError)")
        let due = try run(["due"])
        let line = try #require(due.standardOutput.split(separator: "\n").first { $0.contains("Afloop vastleggen") }, "\(due.standardOutput)")
        #expect(line.hasPrefix("4-11-2026  VERLOPEN  Afloop vastleggen (gepland)") && line.hasSuffix("Beurs in Lyon"), "\(line)")
        let json = try run(["due", "--json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let outcome = try #require(items.first { $0["type"] as? String == "afloop" }, "\(json.standardOutput)")
        #expect(outcome["activity"] as? String == "beurs-in-lyon" && outcome["date"] as? String == "2026-11-04" && outcome["overdue"] as? Bool == true)
        // On the agenda from today it stands under Verlopen, above what is to come.
        let agenda = try run(["agenda"]).standardOutput
        let overdue = try #require(agenda.range(of: "Verlopen")), lyon = try #require(agenda.range(of: "Beurs in Lyon"))
        #expect(overdue.upperBound < lyon.lowerBound && lyon.lowerBound < (agenda.range(of: "Maart 2027")?.lowerBound ?? agenda.endIndex), "\(agenda)")
        // The table of activities says it beside the date, from the activity index as from the whole dossier.
        let listed = try #require(try run(["activities"]).standardOutput.split(separator: "\n").first { $0.contains("beurs-in-lyon") })
        #expect(listed.hasPrefix("2-11-2026 (verlopen)  beurs-in-lyon"), "\(listed)")
        // Ending today it does not ask yet; carried out it asks no more.
        #expect(!(try run(["due"], now: "2026-11-04T09:00:00Z")).standardOutput.contains("Afloop vastleggen"))
        #expect(!(try run(["activities"], now: "2026-11-04T09:00:00Z")).standardOutput.contains("(verlopen)"))
        let carried = try run(["move", "beurs-in-lyon", "uitgevoerd", "--reason", "verslag ontvangen", "--outcomes", "Twee leads voor Pivot Park"])
        #expect(carried.status == 0 && carried.standardOutput.contains("Resultaten vastgelegd."), "\(carried.standardOutput)\(carried.standardError)")
        #expect(!(try run(["due"])).standardOutput.contains("Afloop vastleggen"))
        let stored = try DossierStore(path: storePath).load().activity("beurs-in-lyon")
        #expect(stored?.outcomes == "Twee leads voor Pivot Park" && stored?.status == .uitgevoerd)
        let log = try run(["log", "beurs-in-lyon"]).standardOutput
        #expect(log.contains("Beurs in Lyon: Gepland → Uitgevoerd (2 wijzigingen)") && log.contains("verslag ontvangen"), "the step's reason in the log: \(log)")
        #expect(try run(["move", "beurs-in-lyon", "geannuleerd", "--outcomes", "x"]).status == 64, "outcomes with a step that is no outcome")
        #expect(try run(["undo", "--yes"]).status == 0)
        let undone = try DossierStore(path: storePath).load().activity("beurs-in-lyon")
        #expect(undone?.outcomes == "" && undone?.status == .gepland, "undone as one")
        #expect(try run(["move", "beurs-in-lyon", "uitgevoerd"]).status == 0)
        // An idea whose date passed asks for a decision or another date; approved without a weighing it is said once, not
        // again when it is planned.
        #expect(try run(["add-activity", "--title", "Idee Keulen", "--kind", "beurs", "--date", "10-11-2026"]).status == 0)
        let idea = try #require(try run(["due"]).standardOutput.split(separator: "\n").first { $0.hasSuffix("Idee Keulen") })
        #expect(idea.hasPrefix("10-11-2026  VERLOPEN  Datum voorbij (idee)"), "\(idea)")
        #expect(try run(["move", "idee-keulen", "in-afweging"]).status == 0)
        #expect(try run(["move", "idee-keulen", "goedgekeurd", "--decision", "Mandaat"]).standardOutput.contains("goedgekeurd zonder afweging tegen het Kader"))
        // Approved and over: carried out at once, through gepland (both steps kept); refused as the step itself is.
        let early = try run(["move", "idee-keulen", "uitgevoerd", "--outcomes", "x"], now: "2026-11-09T09:00:00Z")
        #expect(early.status == 65 && early.standardError.contains("begint pas op 10-11-2026") && !early.standardError.contains("onderdeel"), "\(early.standardError)")
        let atOnce = try run(["move", "idee-keulen", "uitgevoerd", "--reason", "ging door", "--outcomes", "Drie leads"])
        #expect(atOnce.status == 0 && atOnce.standardOutput.hasPrefix("Idee Keulen: Goedgekeurd → Gepland → Uitgevoerd"), "\(atOnce.standardOutput)\(atOnce.standardError)")
        let history = try #require(try DossierStore(path: storePath).load().activity("idee-keulen")?.statusHistory.suffix(2))
        #expect(history.map { "\($0.from?.rawValue ?? "") \($0.to.rawValue) \($0.reason)" } == ["goedgekeurd gepland ", "gepland uitgevoerd ging door"])
        let undoStep = try run(["undo", "--yes"])
        let afterUndo = try DossierStore(path: storePath).load().activity("idee-keulen")
        #expect(undoStep.status == 0 && afterUndo?.status == .goedgekeurd && afterUndo?.outcomes == "", "as one: \(undoStep.standardOutput)")
        let planned = try run(["move", "idee-keulen", "gepland"])
        #expect(planned.status == 0 && !planned.standardOutput.contains("zonder afweging"), "\(planned.standardOutput)")
        #expect(try run(["edit", "idee-keulen", "--start-date", "10-12-2026"]).status == 0)
        #expect(!(try run(["due"])).standardOutput.contains("Idee Keulen"), "another date, still to come")
    }

    @Test("due: the column BIJ names what a signal belongs to, the relation for a review and the activity for a follow-up")
    func dueNames() throws {
        var dossier = try DossierStore(path: storePath).load()
        try dossier.apply(.setRelationStatus("rhone-alpes", status: .laagPitje, reason: "Kader", reviewDate: Fixtures.date("2026-12-01")),
                          context: Fixtures.context)
        try directory.write("dossier.json", dossier.encoded())
        let result = try run(["due"])
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("BIJ") == true, "\(result.standardOutput)")
        let review = try #require(lines.first { $0.contains("Herijking Rhône-Alpes") })
        #expect(review.hasSuffix("Rhône-Alpes"), "a name, not the id rhone-alpes: \(review)")
        let followUp = try #require(lines.first { $0.contains("Verslag naar de wethouder") })
        #expect(followUp.hasSuffix("Delegatie uit Lyon"))
        let json = try run(["due", "--json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(items.contains { $0["relation"] as? String == "rhone-alpes" && $0["name"] as? String == "Rhône-Alpes" })
        // The number done takes beside the index from 0: a script ticks off what it read.
        let task = try #require(items.first { $0["type"] as? String == "vervolgactie" })
        #expect(task["index"] as? Int == 0 && task["number"] as? Int == 1, "\(task)")
        let activity = try #require(task["activity"] as? String)
        let done = try run(["done", activity, String(try #require(task["number"] as? Int))])
        #expect(done.status == 0 && done.standardOutput.contains("afgevinkt") && done.standardOutput.contains("Verslag naar de wethouder"),
                "\(done.standardOutput)\(done.standardError)")
    }
}
