import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Testing

/// Tab 6: the agenda from today, grouped by month and week, overdue first; Enter, t, v and the month at a
/// glance; and the budget bars of tab 4.
@Suite("TUI agenda and budget bars")
struct AgendaFlowTests {
    /// The small dossier with a visit under way today, a follow-up this week and an activity next year.
    static func dossier() throws -> Dossier {
        var dossier = Fixtures.smallDossier()
        let visit = Activity(id: "missie-hamburg", title: "Missie Hamburg", kind: .delegatiebezoek, status: .gepland, relations: ["unesco-learning-cities"],
                             startDate: Fixtures.date("2026-11-20"), endDate: Fixtures.date("2026-11-24"),
                             visit: VisitDetails(direction: .uitgaand, delegationFrom: "Hamburg"), statusHistory: Fixtures.approved(.gepland))
        _ = try dossier.apply(.addActivity(visit), context: Fixtures.context)
        _ = try dossier.apply(.addFollowUp("missie-lyon", FollowUp(text: "Deelnemers werven", due: Fixtures.date("2026-11-26"), owner: "adviseur")),
                              context: Fixtures.context)
        return dossier
    }

    @Test("6 opens the agenda: overdue first in its own block, then months and weeks from today; the past only on request")
    func agendaList() throws {
        let app = Harness(dossier: try Self.dossier(), width: 100, height: 30)
        app.press(.character("6"))
        let headings = app.state.agendaLines.compactMap(\.heading)
        #expect(headings == ["Verlopen", "November 2026", "week 47 · 16 nov – 22 nov", "week 48 · 23 nov – 29 nov", "Maart 2027",
                             "week 10 · 8 mrt – 14 mrt", "December 2030", "week 1 van 2031 · 30 dec – 5 jan"])
        #expect(app.text.contains("week 47 · 16 nov – 22 nov · deze week"))
        // Under "Verlopen" each row says what it is, as the others do: the follow-up of July.
        let overdue = try #require(app.screen.lines.first { $0.contains("wo 1-7-2026") }, "\(app.text)")
        #expect(overdue.contains("vervolgactie") && !overdue.contains("verlopen"), "\(overdue)")
        let juneVisit = { (line: AgendaLine) in line.entry?.kind == .visit && line.entry?.start == Fixtures.date("2026-06-12") }
        #expect(!app.state.agendaLines.contains(where: juneVisit), "the visit of June is past")
        // The first entry is selected; j passes the headings.
        #expect(app.state.agendaLines[app.state.listState(.agenda).selection].entry?.kind == .followUp)
        app.press(.character("j"))
        #expect(app.state.agendaLines[app.state.listState(.agenda).selection].entry?.kind == .visit)
        app.press(.character("v"))
        #expect(app.state.agendaLines.contains(where: juneVisit) && app.text.contains("vr 12-6"), "v shows the past")
        #expect(app.state.agendaLines[app.state.listState(.agenda).selection].entry?.kind == .visit, "the selection stays")
        app.press(.character("G"), .character("t"))
        let today = try #require(app.state.agendaLines[app.state.listState(.agenda).selection].entry)
        #expect(today.kind == .visit && today.start == Fixtures.date("2026-11-20"), "t: the first entry from today on")
    }

    @Test("Enter opens the activity, the follow-up in its activity, or the relation of a review")
    func agendaOpens() throws {
        let app = Harness(dossier: try Self.dossier(), width: 100, height: 30)
        app.press(.character("6"), .enter)
        guard case .activityDetail(let followUp) = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        #expect(followUp.id == "delegatie-uit-lyon" && followUp.pane == .list(.followUps))
        app.press(.escape, .character("G"), .enter)
        guard case .relationDetail(let review) = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        #expect(review.id == "taizhou")
        app.press(.escape, .character("t"), .enter)
        guard case .activityDetail(let visit) = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        #expect(visit.id == "missie-hamburg")
    }

    @Test("m shows the month at a glance: week numbers, marked days, the month's entries; h/l move, Enter goes to the list there")
    func monthAtAGlance() throws {
        let app = Harness(dossier: try Self.dossier(), width: 80, height: 24)
        app.press(.character("6"), .character("t"), .character("m"))
        #expect(app.text.contains("November 2026"))
        #expect(app.text.contains("week  ma  di  wo  do  vr  za  zo"))
        #expect(app.text.contains("  47 16  17  18  19  20• 21• 22•"), "\(app.text)")
        #expect(app.text.contains("  48 23• 24• 25  26• 27  28  29"))
        #expect(app.text.contains("Deelnemers werven"))
        let today = try #require((0..<app.screen.height).first { app.screen.line($0).contains(" 22•") })
        let column = try #require(app.screen.line(today).range(of: "22•").map { app.screen.line(today).distance(from: app.screen.line(today).startIndex, to: $0.lowerBound) })
        #expect(app.screen[column, today].style.isReversed, "today is reversed")
        app.press(.character("l"), .character("l"), .character("l"), .character("l"))
        #expect(app.text.contains("Maart 2027") && app.text.contains("  11 15  16  17  18  19  20  21"))
        #expect(app.text.contains("Handelsmissie Lyon"))
        app.press(.enter)
        #expect(app.state.screen == .list(.agenda))
        #expect(app.state.agendaLines[app.state.listState(.agenda).selection].entry?.kind == .activity)
        app.press(.character("m"), .character("h"), .character("t"))
        #expect(app.text.contains("November 2026"), "t: this month")
        // July: the overdue follow-up says what it is, and that it is overdue by the legend's "!" (and in red).
        app.press(.character("h"), .character("h"), .character("h"), .character("h"))
        #expect(app.text.contains("Juli 2026"), "\(app.text)")
        let overdueRow = try #require((0..<app.screen.height).first { app.screen.line($0).contains("1-7") && app.screen.line($0).contains("vervolgactie") },
                                      "\(app.text)")
        let overdue = app.screen.line(overdueRow)
        #expect(overdue.contains(" !") && !overdue.contains("verlopen"), "\(overdue)")
        let kindColumn = try #require(overdue.range(of: "vervolgactie").map { overdue.distance(from: overdue.startIndex, to: $0.lowerBound) })
        #expect(app.screen[kindColumn, overdueRow].style == app.state.theme.error, "in the overdue colour")
        app.press(.escape)
        #expect(app.state.screen == .list(.agenda))
    }

    @Test("the month's entries beside the calendar cut a long title with …, as every list does")
    func monthCutsLongTitles() throws {
        var dossier = try Self.dossier()
        let title = "Een zeer lange titel van een activiteit die veel te breed is voor het scherm naast de kalender 東京"
        _ = try dossier.apply(.addActivity(Activity(id: "lang", title: title, kind: .beurs, startDate: Fixtures.date("2026-11-25"))), context: Fixtures.context)
        let app = Harness(dossier: dossier, width: 120, height: 30)
        app.press(.character("6"), .character("t"), .character("m"))
        let row = try #require((0..<app.screen.height).first { app.screen.line($0).contains("Een zeer lange titel") }, "\(app.text)")
        let line = app.screen.line(row).trimmingSpaces()
        #expect(line.hasSuffix("…"), "\(line)")
        #expect(DisplayWidth.of(app.screen.line(row)) <= 120)
    }

    @Test("a change made from the agenda shows in it at once; a resize keeps the selection on an entry")
    func agendaRefreshAndResize() throws {
        let app = Harness(dossier: try Self.dossier(), width: 100, height: 30)
        app.press(.character("6"), .enter, .character(" "))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.first?.isDone == true)
        app.press(.escape)
        #expect(app.state.screen == .list(.agenda))
        #expect(!app.text.contains("Verslag naar de wethouder") && !app.text.contains("Verlopen"), "ticked off: gone from the agenda")
        app.resize(60, 12)
        #expect(app.state.agendaLines[app.state.listState(.agenda).selection].entry != nil)
        app.resize(80, 24)
        #expect(app.text.contains("20-11 t/m 24-11"))
    }

    @Test("NO_COLOR: the agenda and the budget bars read without colour: overdue in words, bars in shapes")
    func monochrome() throws {
        let app = Harness(dossier: try Self.dossier(), width: 100, height: 30, theme: .monochrome)
        app.press(.character("6"))
        #expect(app.screen.cells.allSatisfy { $0.style.foreground == .standard && $0.style.background == .standard })
        #expect(app.screen.lines.contains { $0.trimmingCharacters(in: .whitespaces) == "Verlopen" }, "overdue in words: its heading")
        app.press(.character("4"))
        #expect(app.screen.cells.allSatisfy { $0.style.foreground == .standard && $0.style.background == .standard })
        #expect(app.text.contains("█ besteed   ▓ vastgelegd   ░ over"))
        #expect(app.text.contains("▓"), "2027: Handelsmissie Lyon is committed")
    }

    @Test("a budget bar: spent █, committed ▓, left ░ in proportion to the year's budget; overspent ends in !")
    func budgetBar() {
        func overview(budget: Int64, committed: Int64, spent: Int64) -> BudgetOverview {
            var overview = BudgetLedger(Fixtures.smallDossier()).overview(2027, line: "internationalisering")
            overview.budget = Money(euros: budget)
            overview.committed = Money(euros: committed)
            overview.spent = Money(euros: spent)
            return overview
        }
        #expect(BudgetBar.text(overview(budget: 16_000, committed: 4_000, spent: 4_000), width: 16) == "████▓▓▓▓░░░░░░░░")
        #expect(BudgetBar.text(overview(budget: 16_000, committed: 0, spent: 0), width: 10) == "░░░░░░░░░░")
        #expect(BudgetBar.text(overview(budget: 16_000, committed: 10, spent: 0), width: 10) == "▓░░░░░░░░░", "a small amount still shows")
        #expect(BudgetBar.text(overview(budget: 16_000, committed: 8_000, spent: 12_000), width: 11) == "██████▓▓▓▓!")
        #expect(BudgetBar.text(overview(budget: 0, committed: 0, spent: 0), width: 12) == "geen budget")
        // A year the line sets no amount for (after the Kader's years): no budget yet, not overspent, also with costs on it.
        var later = BudgetLedger(Fixtures.smallDossier()).overview(2040, line: "internationalisering")
        later.committed = Money(euros: 640)
        #expect(BudgetBar.text(later, width: 12) == "geen budget")
        #expect(later.isWithoutBudget && !later.isOverspent)
        #expect(later.shownBudget == nil && later.shownRemaining == nil, "no amount, and no shortfall, in the table")
    }

    /// The small dossier with its planned Handelsmissie Lyon (which counts against the budget) in `year`, costing `euros`
    /// on the budget internationalisering.
    static func lyonCharged(in year: Int, euros: Int64) throws -> Dossier {
        var dossier = Fixtures.smallDossier()
        var activity = try #require(dossier.activity("missie-lyon"), "planned: counts against the budget")
        activity.startDate = CalendarDate(year: year, month: 3, day: 1)
        activity.estimatedCost = Money(euros: euros)
        activity.budgetLine = dossier.budgetLines.first { $0.isActivityBudget }?.id
        try dossier.apply(.updateActivity(activity), context: Fixtures.context)
        return dossier
    }

    @Test("the budget tab shows a year after the line's years without an amount or a shortfall: '—', not '€ 0,00' and a negative 'Over'")
    func yearWithoutBudgetOnTheTab() throws {
        let dossier = try Self.lyonCharged(in: 2031, euros: 1_000)
        let app = Harness(dossier: dossier, width: 120, height: 40)
        app.press(.character("4"))
        let row = try #require(app.screen.lines.first { $0.hasPrefix(" 2031") && $0.contains("€ 1.000,00") }, "\(app.text)")
        // Budget and Over "—" (spent is € 0,00 in its own right).
        #expect(row.contains("geen budget") && row.count { $0 == "—" } == 2 && !row.contains("-€"), "\(row)")
    }
}

/// Screen readers and braille displays follow the terminal's cursor: where nothing is typed, it stands (hidden) on what is
/// selected, not in a corner.
@Suite("Where the eye is: the cursor for screen readers")
struct ScreenReaderFocusTests {
    @Test("the selected row of a list, the chosen button of a question and the chosen option of a form are where the cursor goes")
    func focusFollowsTheSelection() throws {
        let app = Harness()
        let first = try #require(app.screen.focus)
        #expect(app.screen.cursor == nil)
        #expect(app.screen[first.x, first.y].style.isReversed, "the selected row")
        app.press(.character("j"))
        let second = try #require(app.screen.focus)
        #expect(second.y == first.y + 1 && app.screen[0, second.y].style.isReversed)
        // A question: on its chosen button, not on the list or the field typed in behind it.
        app.press(.character("e")).type("x").press(.escape)
        #expect(app.state.confirmation != nil)
        let button = try #require(app.screen.focus)
        let row = (0..<app.screen.width).map { String(app.screen[$0, button.y].character) }.joined()
        #expect(row.contains("[ Nee ]") && app.screen[button.x, button.y].character == "[", "\(row)")
        #expect(app.screen.cursor == nil)
        let other = try #require(app.press(.tab).screen.focus)
        #expect(other.y == button.y && other.x > button.x && app.screen[other.x + 2, other.y].character == "J", "on [ Ja ] after Tab")
        app.press(.character("J"))
        #expect(app.state.form == nil)
        // A form's choice: on the chosen option; in the status menu, which opens with none chosen, on the first.
        app.press(.character("s"))
        let opened = try #require(app.screen.focus)
        let firstLine = (0..<app.screen.width).map { String(app.screen[$0, opened.y].character) }.joined()
        #expect(firstLine.contains("› ( ) ") && !firstLine.contains("(•)"), "\(firstLine)")
        let option = try #require(app.press(.down, .down).screen.focus)
        let line = (0..<app.screen.width).map { String(app.screen[$0, option.y].character) }.joined()
        #expect(line.contains("(•)") && option.y == opened.y + 1, "the second option: \(line)")
        #expect(app.screen.cursor == nil, "no text is typed in a choice")
        app.press(.escape)
        // A form over the list: the eye is on the form, never on the list row it covers; ticked options in view.
        let narrow = Harness(width: 80, height: 24)
        narrow.press(.character("e")).tab(to: "sectors").press(.right, .right)
        let ticked = try #require(narrow.screen.focus)
        let text = (0..<narrow.screen.width).map { String(narrow.screen[$0, ticked.y].character) }.joined()
        #expect(text.contains("Sectoren") || text.contains("[ ] Techniek") || text.contains("[x] Techniek"), "\(text)")
        #expect(narrow.screen[ticked.x, ticked.y].character == "[", "on the option under the cursor: \(text)")
    }
}

extension ScreenReaderFocusTests {
    @Test("on a low window the budget keeps the selected year in view as the selection moves down")
    func budgetScrollsToTheSelection() throws {
        let app = Harness(width: 80, height: 14)
        app.press(.character("4"))
        for _ in 0..<(app.state.index.budgets.count - 1) {
            app.press(.character("j"))
            let focus = try #require(app.screen.focus, "the selected row is drawn")
            #expect(app.screen[0, focus.y].style.isReversed)
        }
    }

    @Test("an overspent line says so in full where it fits, else with the legend's mark: never cut to 'over…', which reads as money left")
    func overspentNeverCut() throws {
        let dossier = try AgendaFlowTests.lyonCharged(in: 2027, euros: 20_000)
        for (width, word) in [(120, " act. !"), (200, " act. · overschreden")] {
            let app = Harness(dossier: dossier, width: width, height: 30)
            app.press(.character("4"))
            let row = try #require(app.screen.lines.first { $0.hasPrefix(" 2027") && $0.contains("-€") }, "\(app.text)")
            #expect(row.contains(word) && !row.contains("over…"), "\(width): \(row)")
        }
    }

    @Test("the message line of a form not saved names the fields to put right, each once, short, and says when there is more in the form")
    func problemSummaryNamesFields() throws {
        var form = Form(purpose: .newRelation, title: "t", fields: [
            FormField("name", "Naam", .text(TextInput())), FormField("notes", "toelichting", .text(TextInput())),
            FormField("other", "toelichting", .text(TextInput())), FormField("hidden", "Verborgen", .text(TextInput()), isVisible: false),
        ])
        form.show(["name": "x"])
        #expect(form.problemSummary == "verbeter Naam")
        form.show(["notes": "x", "other": "y"])
        #expect(form.problemSummary == "verbeter toelichting", "one label once")
        form.show(["name": "x", "notes": "y", "hidden": "z"])
        #expect(form.problemSummary == "verbeter Naam en toelichting en zie de melding in het formulier")
        form.show(["hidden": "z"])
        #expect(form.problemSummary == "zie de melding in het formulier")
    }

    @Test("the help screen ends with what the marks mean, each in words")
    func helpNamesTheSigns() throws {
        let app = Harness()
        let lines = HelpContent.lines(for: app.state).map { $0.spans.map(\.text).joined() }
        let heading = try #require(lines.firstIndex(of: "Tekens op het scherm"))
        let explained = lines[heading...].joined(separator: "\n")
        for sign in ["[!]", "(•)", "‹ … ›", "◂", "█ ▓ ░"] {
            #expect(explained.contains("  " + sign), "\(sign) in:\n\(explained)")
        }
        #expect(explained.contains("overschreden") && explained.contains("verlopen"))
        // Headings wrap at the width as the texts do, never cut off at the edge.
        let narrow = HelpContent.lines(for: Harness(width: 80, height: 24).state).map { $0.spans.map(\.text).joined() }
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 78 }, "\(narrow.filter { DisplayWidth.of($0) > 78 })")
    }
}
