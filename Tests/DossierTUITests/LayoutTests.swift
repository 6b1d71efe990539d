import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Testing

/// Title bars that never cut their own text, pop-ups that cover the rows they stand on, and narrow lists
/// where a detail column yields before the name or title does.
@Suite("TUI layout: title bars, pop-ups, narrow lists")
struct LayoutTests {
    static let sizes = [(80, 24), (120, 40)]

    /// Every screen, reached by keys from the start screen of the test dossier with its agenda entries.
    static let screens: [(name: String, keys: [Key])] = [
        ("relations", []), ("relation", [.enter]), ("activities", [.character("2")]), ("activity", [.character("2"), .enter]),
        ("visits", [.character("3")]), ("budget", [.character("4")]), ("budget-drilldown", [.character("4"), .enter]),
        ("signals", [.character("5")]), ("agenda", [.character("6")]), ("change-log", [.character("L")]),
        ("help", [.character("?")]), ("status-form", [.character("s")]), ("visit-form", [.character("v")]),
        ("confirmation", [.character("2"), .character("d")]),
    ]

    @Test("every screen at 80×24 and 120×40: the title bar and the screen's title are whole", arguments: sizes)
    func titleBarsWhole(width: Int, height: Int) throws {
        for screen in Self.screens {
            let app = Harness(dossier: try AgendaFlowTests.dossier(), width: width, height: height)
            for key in screen.keys { app.press(key) }
            let canvas = app.screen
            #expect(!canvas.line(0).contains("…"), "\(screen.name) \(width)x\(height): \(canvas.line(0))")
            #expect(!canvas.line(1).contains("…"), "\(screen.name) \(width)x\(height): \(canvas.line(1))")
            // After the tabs (the last is the agenda's): one of the summary's forms, whole, or nothing.
            var header = canvas.line(0)
            while header.hasSuffix(" ") { header.removeLast() }
            let summaries = HeaderView.filterSummary(app.state)
            #expect(header.hasSuffix("Agenda") || summaries.contains { header.hasSuffix($0) }, "\(screen.name) \(width)x\(height): \(header)")
        }
    }

    @Test("the budget's yearly amounts stay in the title bar at 80 columns, where its table leaves the Budget column out")
    func budgetAmounts() {
        let app = Harness(width: 80, height: 24)
        app.press(.character("4"))
        #expect(app.screen.line(0).hasSuffix("€ 16.000 + € 11.459"), "\(app.screen.line(0))")
        let wide = Harness(width: 120, height: 40)
        wide.press(.character("4"))
        #expect(wide.screen.line(0).hasSuffix("€ 16.000 + € 11.459 per jaar"), "\(wide.screen.line(0))")
        let wider = Harness(width: 200, height: 40)
        wider.press(.character("4"))
        #expect(wider.screen.line(0).hasSuffix("Budget internationalisering: € 16.000,00 · Bijdrage Global Goals Platform Oss: € 11.459,00"))
    }

    @Test("amounts of millions in the budget table are shown whole at 80 and 120 columns, never cut")
    func budgetMillions() throws {
        let small = Fixtures.smallDossier()
        var activities = small.activities
        let charged = try #require(activities.firstIndex { $0.budgetLine != nil && $0.status.isUpcoming })
        activities[charged].estimatedCost = Money(cents: 425_310_012)
        let dossier = Dossier(title: small.title, framework: small.framework, budgetLines: small.budgetLines,
                              relations: small.relations, activities: activities, internalContacts: small.internalContacts)
        for (width, height) in [(80, 24), (120, 40)] {
            let app = Harness(dossier: dossier, width: width, height: height)
            app.press(.character("4"))
            let overview = try #require(app.state.index.budgets.first { $0.committed.cents >= 425_310_012 })
            #expect(app.text.contains(overview.committed.formatted), "\(width): \(app.text)")
            #expect(app.text.contains(overview.remaining.formatted), "\(width): \(app.text)")
            #expect(!app.text.contains("€ 4.25…") && !app.text.contains("3.10…"), "\(width): \(app.text)")
        }
    }

    @Test("many filters at 80 columns: their values, or 'gefilterd', never a cut text")
    func filtersNarrow() {
        let app = Harness(width: 80, height: 24)
        app.press(.character("f"), .character("f"), .character("f"), .character("t"), .character("t"), .character("o"))
        let header = app.screen.line(0)
        #expect(!header.contains("…"))
        #expect(header.hasSuffix("gefilterd") || header.hasSuffix("op status") || header.hasSuffix("op datum"), "\(header)")
        let wide = Harness(width: 120, height: 40)
        wide.press(.character("f"), .character("t"))
        #expect(wide.screen.line(0).hasSuffix(" Focus · Vriendschapsrelatie"), "\(wide.screen.line(0))")
        let wider = Harness(width: 140, height: 40)
        wider.press(.character("f"), .character("t"))
        #expect(wider.screen.line(0).hasSuffix("status: Focus · soort: Vriendschapsrelatie"), "\(wider.screen.line(0))")
    }

    @Test("a pop-up covers the rows it stands on from edge to edge: no tail of a list row beside it", arguments: sizes)
    func popUpsCoverTheirRows(width: Int, height: Int) throws {
        for keys in [[Key.character("/")] + "taiz".map { .character($0) } + [.enter, .character("s")], [.character("2"), .character("d")]] {
            let app = Harness(width: width, height: height)
            for key in keys { app.press(key) }
            let canvas = app.screen
            let rows = (0..<canvas.height).filter { canvas.line($0).contains("│") || canvas.line($0).contains("┌") || canvas.line($0).contains("└") }
            #expect(!rows.isEmpty)
            for row in rows {
                let line = canvas.line(row)
                let first = line.firstIndex { "│┌└".contains($0) }!, last = line.lastIndex { "│┐┘".contains($0) }!
                #expect(line[..<first].allSatisfy { $0 == " " } && line[line.index(after: last)...].allSatisfy { $0 == " " },
                        "row \(row) shows the list beside the pop-up: \(line)")
            }
        }
    }

    @Test("the activities list shows every amount whole at 80, 100 and 120 columns: a cost of millions is never cut to a thousand")
    func activityCostsWhole() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "beurs-chicago", title: "Beurs logistiek Chicago", kind: .beurs, status: .idee, relations: ["rhone-alpes"],
                                                startDate: Fixtures.date("2027-04-12"), estimatedCost: Money(cents: 123_456_789))), context: Fixtures.context)
        for (width, height) in [(80, 24), (100, 30), (120, 40)] {
            let app = Harness(dossier: dossier, width: width, height: height)
            app.press(.character("2"))
            #expect(app.text.contains("€ 1.234.567,89"), "\(width): \(app.text)")
            #expect(app.text.contains("€ 2.500,00"), "\(width): the others too: \(app.text)")
            #expect(app.text.firstMatch(of: /€ [0-9.,]*…/) == nil, "\(width): no amount cut: \(app.text)")
        }
    }

    @Test("in the agenda's month an overdue entry of several days keeps a space between its date, with '!', and its kind")
    func overdueSpanInMonth() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "beurs-november", title: "Beurs november", kind: .beurs, status: .goedgekeurd, relations: ["rhone-alpes"],
                                                startDate: Fixtures.date("2026-11-10"), endDate: Fixtures.date("2026-11-12"),
                                                statusHistory: [StatusChange(date: Fixtures.date("2026-10-01"), from: nil, to: .goedgekeurd, reason: "", by: "t",
                                                                             decision: "B&W")])), context: Fixtures.context)
        let app = Harness(dossier: dossier, width: 120, height: 40)
        app.press(.character("6"), .character("m"), .character("t"))
        let row = try #require(app.screen.lines.first { $0.contains("Beurs november") }, "\(app.text)")
        #expect(row.contains("di 10-11 t/m do 12-11 ! activiteit"), "\(row)")
    }

    @Test("a relation's activities show their titles whole: the id in brackets yields where there is no room for both")
    func relationActivityTitlesWhole() throws {
        var dossier = Fixtures.smallDossier()
        let title = "Bedrijfsacquisitie life sciences met Pivot Park 7194"
        try dossier.apply(.addActivity(Activity(id: "bedrijfsacquisitie-life-sciences-met-pivot-park-7194", title: title, kind: .overig, status: .idee,
                                                relations: ["rhone-alpes"], startDate: Fixtures.date("2027-04-12"))), context: Fixtures.context)
        for (width, idShown) in [(100, false), (200, true)] {
            let app = Harness(dossier: dossier, width: width, height: 36)
            app.type("/rhone").press(.enter, .enter)
            let row = try #require(app.screen.lines.first { $0.contains("Bedrijfsacquisitie") }, "\(app.text)")
            #expect(row.contains(title), "\(width): \(row)")
            #expect(row.contains("(bedrijfsacquisitie-life-sciences-met-pivot-park-7194)") == idShown, "\(width): \(row)")
        }
    }

    @Test("a title longer than the detail screen's title row ends there in '…' and is given whole at the top of the information")
    func longTitleWhole() throws {
        var dossier = Fixtures.smallDossier()
        let title = "Kennismakingsbezoek van een handelsdelegatie uit de provincie Zhejiang aan de farmabedrijven van Oss (Organon, Aspen en Pivot Park)"
        try dossier.apply(.addActivity(Activity(id: "lang", title: title, kind: .overig, status: .idee)), context: Fixtures.context)
        let app = Harness(dossier: dossier, width: 80, height: 24)
        app.press(.character("2")).type("/zhejiang").press(.enter, .enter)
        let canvas = app.screen
        let header = canvas.line(1)
        #expect(header.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(header)")
        let body = (2..<6).map { canvas.line($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(body.contains("(Organon, Aspen en Pivot Park)"), "\(app.text)")
        // A form's frame cuts its title with "…" too, not mid-word.
        app.press(.character("m"))
        let frameTop = try #require(app.screen.lines.first { $0.contains("┌─ ") })
        #expect(frameTop.contains("… ─") || frameTop.contains("… ┐"), "\(frameTop)")
    }

    @Test("an empty dossier's lists say there is nothing yet and how to add it, not that filters hide it")
    func emptyLists() throws {
        let small = Fixtures.smallDossier()
        let app = Harness(dossier: Dossier(title: small.title, framework: small.framework, budgetLines: small.budgetLines), width: 80, height: 24)
        #expect(app.text.contains("Nog geen relaties; + voegt er een toe."), "\(app.text)")
        app.press(.character("2"))
        #expect(app.text.contains("Nog geen activiteiten; + voegt er een toe."), "\(app.text)")
        app.press(.character("3"))
        #expect(app.text.contains("Nog geen bezoeken; v legt een bezoek vast."), "\(app.text)")
    }

    @Test("at 80 columns the activities give the title its width: two missions of one name and year read apart")
    func titlesApart() throws {
        var dossier = Fixtures.smallDossier()
        for (id, title) in [("a", "Handelsmissie Medicon Valley"), ("b", "Handelsmissie Medicon Alliance")] {
            try dossier.apply(.addActivity(Activity(id: id, title: title, kind: .handelsmissie, status: .idee, relations: ["rhone-alpes"],
                                                    startDate: Fixtures.date("2027-04-01"), estimatedCost: Money(euros: 2500))), context: Fixtures.context)
        }
        let app = Harness(dossier: dossier, width: 80, height: 24)
        app.press(.character("2"))
        let text = app.text
        #expect(text.contains("Handelsmissie Medicon Valley") && text.contains("Handelsmissie Medicon Alliance"), "\(text)")
        #expect(text.contains("Relaties") && text.contains("Kosten") && text.contains("€ 2.500,00"), "relations and cost stay")
        #expect(!app.screen.line(1).contains("Soort"), "the kind yields first")
        let wide = Harness(dossier: dossier, width: 120, height: 40)
        wide.press(.character("2"))
        #expect(wide.screen.line(1).contains("Soort"), "with room, the kind is there")
    }

    @Test("snapshots of the screens not elsewhere: visits, signals, the budget's drill-down, a question, help, the picker and the municipality's own people",
          arguments: sizes)
    func moreSnapshots(width: Int, height: Int) throws {
        for (name, keys) in [("visits", [Key.character("3")]), ("signals", [.character("5")]), ("budget-drilldown", [.character("4"), .enter]),
                             ("municipality", [.character("i")]),
                             ("confirmation", [.character("2"), .character("d")]), ("help", [.character("?")]),
                             ("picker", [.character("v"), .character("o")])] where !(name == "help" || name == "picker") || width == 120 {
            let app = Harness(dossier: try AgendaFlowTests.dossier(), width: width, height: height)
            for key in keys { app.press(key) }
            SnapshotAssertion.assertMatches(app.screen, named: "\(name)-\(width)x\(height)")
        }
    }
}
