import Foundation
import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Testing

/// Drill-downs push a screen: q and Esc return to the row they came from, and the target list's own
/// filters stay as they were.
@Suite("TUI navigation stack")
struct NavigationTests {
    /// The budget tab with the cursor on a year's budget line.
    static func budgetRow(_ app: Harness, year: Int, line: String = "internationalisering") throws -> Int {
        let row = try #require(app.state.index.budgets.firstIndex { $0.year == year && $0.line == line })
        app.press(.character("4"), .home)
        for _ in 0..<row { app.press(.down) }
        return row
    }

    @Test("a filter that hides the selected relation, then one that shows it again (or c), selects it again, unless the selection was moved meanwhile")
    func filterKeepsPlace() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .escape)
        #expect(app.state.selectedID(in: .relations) == "bom")
        for _ in 0..<8 where app.state.relationQuery.statuses != [.focus] { app.press(.character("f")) }
        #expect(app.state.selectedID(in: .relations) != "bom", "BOM is Actief: hidden")
        app.press(.character("c"))
        #expect(app.state.selectedID(in: .relations) == "bom", "back where it was")
        for _ in 0..<8 where app.state.relationQuery.statuses != [.focus] { app.press(.character("f")) }
        app.press(.character("j"))
        let chosen = app.state.selectedID(in: .relations)
        app.press(.character("c"))
        #expect(app.state.selectedID(in: .relations) == chosen, "a row chosen after the filter stays chosen")
    }

    @Test("the budget opens on the current year")
    func budgetStartsOnThisYear() throws {
        let app = Harness()
        app.press(.character("4"))
        let selection = app.state.listState(.budget).selection
        #expect(app.state.index.budgets[selection].year == 2026, "today is 2026-11-22")
        #expect(selection > 0, "the framework starts in 2025: the first row is not this year")
    }

    @Test("budget → activities of that year and line; q and Esc return to the same row; the activities tab keeps its filters",
          arguments: [Key.character("q"), .escape, .character("h")])
    func budgetDrillDown(back: Key) throws {
        let app = Harness()
        // The activities tab has a filter of its own (status Gepland), which the drill-down must leave alone.
        app.press(.character("2"), .character("f"))
        let ownQuery = app.state.activityQuery
        #expect(ownQuery.statuses.count == 1)
        let row = try Self.budgetRow(app, year: 2026)
        app.press(.enter)
        guard case .activityList(let list) = app.state.screen else {
            Issue.record("no activity list pushed: \(app.state.screen)")
            return
        }
        #expect(list.query == ActivityQuery(year: 2026, budgetLine: "internationalisering"))
        #expect(list.rows.map { app.state.dossier.activities[$0].id } == ["delegatie-uit-lyon"])
        #expect(app.text.contains("Activiteiten van 2026 op Budget internationalisering (1)"))
        #expect(app.text.contains("Delegatie uit Lyon"))
        #expect(app.state.section == .budget, "the budget tab stays the active one")
        // A filter here is the list's own.
        app.press(.character("y"))
        #expect(app.state.activityQuery == ownQuery)
        app.press(back)
        #expect(app.state.screen == .list(.budget))
        #expect(app.state.listState(.budget).selection == row)
        #expect(!app.state.hasQuit)
        #expect(app.state.activityQuery == ownQuery, "the activities tab's filters are as they were")
        app.press(.character("2"))
        #expect(app.state.activityQuery == ownQuery)
    }

    @Test("from the drill-down an activity opens, and going back walks the stack down to the budget")
    func throughTheStack() throws {
        let app = Harness()
        let row = try Self.budgetRow(app, year: 2027)
        app.press(.enter, .enter)
        #expect(app.state.screen == .activityDetail(DetailState(id: "missie-lyon")))
        app.press(.escape)
        guard case .activityList = app.state.screen else {
            Issue.record("not back on the list: \(app.state.screen)")
            return
        }
        app.press(.character("q"))
        #expect(app.state.screen == .list(.budget))
        #expect(app.state.listState(.budget).selection == row)
        app.press(.character("q"))
        #expect(app.state.stack == [.list(.relations)], "from another tab q goes to the start screen")
        #expect(!app.state.hasQuit)
        app.press(.character("q"))
        #expect(app.state.hasQuit, "on the start screen q quits")
    }

    @Test("Esc and a letter typed quickly after it arrive as Alt and the letter; where that means nothing, they are the two keys")
    func escapeThenLetterTogether() throws {
        let app = Harness()
        app.press(.character("2"), .enter)
        guard case .activityDetail = app.state.screen else {
            Issue.record("no activity opened: \(app.state.screen)")
            return
        }
        app.press(.alt("q"))
        #expect(app.state.stack == [.list(.relations)], "Esc went back to the list, q to the start screen: \(app.state.stack)")
        app.press(.character("?"))
        #expect(app.state.helpScroll != nil)
        app.press(.alt("q"))
        #expect(app.state.helpScroll == nil && app.state.hasQuit, "Esc closed the help, q quit")
        // A capital stays one: Esc G goes to the end of the list.
        let list = Harness()
        list.press(.alt("G"))
        #expect(list.state.listState(.relations).selection == list.state.rows(.relations).count - 1)
        // In a text field Alt keeps its meaning (a word back), and an Alt that means nothing there types nothing.
        let form = Harness()
        form.press(.character("e"))
        form.type(" Oss")
        form.press(.alt("B"))
        form.type("X")
        #expect(form.text.contains("XOss"), "Alt-Shift-B as Alt-B: \(form.text)")
        form.press(.alt("z"))
        #expect(form.state.form != nil && !form.state.hasQuit)
    }

    @Test("a change made in the drill-down keeps its row and shows in its list")
    func changeInDrillDown() throws {
        let app = Harness()
        _ = try Self.budgetRow(app, year: 2027)
        app.press(.enter, .character("m"))
        #expect(app.state.form != nil)
        // Cancelling asks why: refused under Toelichting while it is empty, the form kept.
        app.press(.down, .control("s"))   // Geannuleerd
        #expect(app.state.form?.errors["reason"] == "Annuleren vraagt een reden: waarom gaat 'Handelsmissie Lyon' niet door?",
                "\(app.state.form?.errors ?? [:])")
        #expect(app.state.form?.focusedField?.id == "reason" && app.state.dossier.activity("missie-lyon")?.status != .geannuleerd)
        app.type("uitgesteld").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:]) \(app.state.form?.generalError ?? "")")
        #expect(app.state.dossier.activity("missie-lyon")?.status == .geannuleerd)
        guard case .activityList(let list) = app.state.screen else {
            Issue.record("\(app.state.screen)")
            return
        }
        #expect(app.state.selectedID(in: list) == "missie-lyon")
    }

    @Test("signals → item: Esc and q return to the same signal")
    func signalDrillDown() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addFollowUp("missie-lyon", FollowUp(text: "Deelnemers werven", due: Fixtures.date("2026-12-01"))), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("5"))
        #expect(app.state.index.reminders.count == 2)
        app.press(.down)
        let selected = app.state.listState(.reminders).selection
        for back in [Key.escape, .character("q")] {
            app.press(.enter)
            guard case .activityDetail = app.state.screen else {
                Issue.record("\(app.state.screen)")
                return
            }
            app.press(back)
            #expect(app.state.screen == .list(.reminders))
            #expect(app.state.listState(.reminders).selection == selected)
        }
        #expect(!app.state.hasQuit)
    }

    @Test("the log keeps its selected change in sight when the window gets smaller")
    func logAfterResize() throws {
        var state = AppState(dossier: Fixtures.smallDossier(), today: Fixtures.clock.today(), width: 120, height: 40)
        let entries = (1...30).map { sequence in
            JournalEntry(sequence: sequence, timestamp: Fixtures.now, actor: "anna", today: Fixtures.clock.today(), summary: "Wijziging \(sequence)",
                         subjects: [], event: .restoreBackup("x"))
        }
        _ = state.update(.historyLoaded(subject: nil, entries))
        for _ in 0..<20 { _ = state.update(.key(.down)) }
        _ = state.update(.resize(width: 80, height: 24))
        guard case .history(let log) = state.screen else { Issue.record("\(state.screen)"); return }
        let rows = HistoryLayout(layout: state.layout).listRows
        #expect(rows < 20, "the test needs the selection below the smaller list")
        #expect(log.list.selection == 20 && (log.list.offset..<log.list.offset + rows).contains(log.list.selection), "\(log.list), \(rows) rows")
    }

    @Test("log → item: Esc and q return to the same change in the log")
    func logDrillDown() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .down, .tab).type("een").press(.control("s"))
        app.press(.character("2"), .character("m"), .control("s"))
        app.press(.character("L"))
        guard case .history = app.state.screen else {
            Issue.record("\(app.state.screen)")
            return
        }
        app.press(.down)
        for back in [Key.escape, .character("q")] {
            app.press(.enter)
            #expect(app.state.screen == .relationDetail(DetailState(id: "bom")))
            app.press(back)
            guard case .history(let history) = app.state.screen else {
                Issue.record("\(app.state.screen)")
                return
            }
            #expect(history.list.selection == 1)
        }
        app.press(.escape)
        #expect(app.state.screen == .list(.activities))
        #expect(!app.state.hasQuit)
    }

    @Test("a number key leaves a drill-down for that tab; the tab's own filters are untouched")
    func numberKeyLeaves() throws {
        let app = Harness()
        _ = try Self.budgetRow(app, year: 2026)
        app.press(.enter, .character("2"))
        #expect(app.state.stack == [.list(.activities)])
        #expect(app.state.activityQuery == ActivityQuery())
        #expect(app.state.rows(.activities).count == 2)
    }

    @Test("Esc on a search shows the list as it was: the row selected and where it stood on the screen")
    func searchCancelKeepsView() throws {
        let app = Harness(dossier: try Dossier(decoding: BundledDossier.bytes), width: 80, height: 24)
        // Scrolled down to the end, then up: the row selected stands near the top of the list on the screen.
        app.press(.character("G"))
        for _ in 0..<10 { app.press(.character("k")) }
        let before = app.state.listState(.relations)
        #expect(before.offset > 0 && before.selection - before.offset < app.state.layout.listRows - 1, "\(before)")
        // The search jumps to the first row; Esc goes back.
        app.press(.character("/")).type("agrifood")
        #expect(app.state.listState(.relations).selection == 0)
        app.press(.escape)
        #expect(app.state.listState(.relations) == before)
    }

    @Test("a search without hits in a filtered list says the filters may hide it")
    func searchUnderFilter() {
        let app = Harness()
        while app.state.relationQuery.statuses != [.focus] { app.press(.character("f")) }
        app.press(.character("/")).type("taiz")
        #expect(app.text.contains("geen treffers met deze filters (c wist ze)"), "\(app.screen.line(app.state.layout.messageRow))")
        app.press(.escape, .character("c"), .character("/")).type("taiz")
        #expect(!app.text.contains("geen treffers"))
        app.type("xq")
        #expect(app.text.contains("geen treffers") && !app.text.contains("met deze filters"))
    }

    @Test("on a narrow screen a list's name or title keeps its width: details yield first, and at the narrowest the place or the relations give room")
    func namesKeepTheirWidth() throws {
        let dossier = try DossierFile.decode(BundledDossier.bytes, file: "bundled")
        for (width, placeShown) in [(60, false), (70, true), (80, true)] {
            let app = Harness(dossier: dossier, width: width, height: 24)
            let header = app.screen.line(app.state.layout.bodyTop)
            #expect(header.contains("Plaats") == placeShown, "\(width): \(header)")
            let shown = app.state.rows(.relations).prefix(app.state.layout.listRows).map { dossier.relations[$0].name }
            #expect(shown.contains { $0.count > 16 }, "a name the old layout cut is on screen")
            for name in shown where name.count <= 25 {
                #expect(app.text.contains(name), "\(width) columns: '\(name)' is cut")
            }
        }
        let app = Harness(dossier: dossier, width: 60, height: 24)
        app.press(.character("2"))
        let titleWidth = app.screen.line(app.state.layout.bodyTop).components(separatedBy: "Titel").last!.prefix { $0 == " " }.count + 5
        #expect(titleWidth >= 22, "\(app.screen.line(app.state.layout.bodyTop))")
    }

    @Test("the help scrolled to its end stays at its end, filled, when the window grows or shrinks")
    func helpAcrossResize() {
        let app = Harness(width: 60, height: 15)
        app.press(.character("?"), .character("G"))
        let lastLine = { (app: Harness) in (2..<(app.state.height - 1)).map { app.screen.line($0) }.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "" }
        let endAtSixty = lastLine(app)
        for (width, height) in [(120, 36), (80, 24), (60, 15)] {
            app.resize(width, height)
            let filled = (2..<(height - 1)).filter { !app.screen.line($0).trimmingCharacters(in: .whitespaces).isEmpty }.count
            #expect(filled > (height - 4) / 2, "\(width)×\(height): \(filled) lines of help shown")
            app.press(.character("j"))
            #expect(lastLine(app).trimmingCharacters(in: .whitespaces) == endAtSixty.trimmingCharacters(in: .whitespaces) || width != 60,
                    "at the end again at 60 columns")
        }
    }

    @Test("after a resize the help begins at an entry's first line, with its keys, not halfway through a wrapped one")
    func helpResizedAtAnEntry() {
        for steps in 1...40 {
            let app = Harness(width: 120, height: 36)
            app.press(.character("?"))
            for _ in 0..<steps { app.press(.character("j")) }
            app.resize(60, 12)
            app.resize(80, 24)
            let lines = HelpContent.lines(for: app.state)
            let scroll = app.state.helpScroll ?? 0
            #expect(!lines[scroll].continuesAbove, "after \(steps): \(lines[scroll].text)")
            let first = app.screen.line(app.state.layout.bodyTop + 1)
            let isTailOfAnEntry = first.hasPrefix(String(repeating: " ", count: 24)) && !first.trimmingCharacters(in: .whitespaces).isEmpty
            #expect(!isTailOfAnEntry, "after \(steps): \(first)")
        }
    }

    @Test("the help's footer says that Esc closes the help, also on the start screen")
    func helpFooter() {
        let app = Harness(width: 80, height: 24)
        app.press(.character("?"))
        let footer = app.screen.line(23)
        #expect(footer.contains("Esc sluiten"), "\(footer)")
        #expect(!footer.contains("stoppen"))
        app.press(.escape)
        #expect(app.state.helpScroll == nil)
        #expect(!app.state.hasQuit)
    }

    @Test("a colleague's changes arriving under a drill-down keep its selected activity")
    func othersChangesUnderDrillDown() throws {
        var dossier = Fixtures.smallDossier()
        for (id, date) in [("a-vroeg", "2027-01-10"), ("b-later", "2027-06-10")] {
            try dossier.apply(.addActivity(Activity(id: id, title: id, kind: .overig, status: .idee, startDate: Fixtures.date(date),
                                                    budgetLine: "internationalisering")), context: Fixtures.context)
        }
        let app = Harness(dossier: dossier)
        _ = try Self.budgetRow(app, year: 2027)
        app.press(.enter, .character("G"))
        guard case .activityList(let before) = app.state.screen else {
            Issue.record("\(app.state.screen)")
            return
        }
        #expect(app.state.selectedID(in: before) == "b-later")
        let ine = ChangeContext(actor: "Ine", timestamp: Fixtures.now, today: Fixtures.context.today)
        app.store.othersChanges = [(.deleteActivity("a-vroeg"), ine)]
        #expect(app.loop.refresh())
        guard case .activityList(let after) = app.state.screen else {
            Issue.record("\(app.state.screen)")
            return
        }
        #expect(after.rows.count == before.rows.count - 1)
        #expect(app.state.selectedID(in: after) == "b-later", "the selection stayed on the same activity")
    }
}
