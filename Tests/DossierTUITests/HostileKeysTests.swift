import DossierCore
import DossierTestSupport
import Testing
@testable import DossierTUI

/// The TUI core under thousands of random keys and with hostile text in the data.
@Suite("Hostile keys and text")
struct HostileKeysTests {
    static let keys: [Key] = {
        var keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                           .backspace, .delete, .function(1), .function(5)]
        keys += "abcdefghijklmnoprstuvwxyzABGLNR0123456789/?+- .,é泰".map { .character($0) }
        keys += "sradlu".map { .control($0) }  // Ctrl-S saves, Ctrl-R redoes …; q and Ctrl-C are left out: they quit
        return keys
    }()

    /// Every list's selection is within its rows, every row points into the dossier, and what the store
    /// saved is what the screen shows.
    func checkInvariants(_ app: Harness, step: Int) {
        let state = app.state
        for section in Section.allCases {
            let rows = state.rows(section)
            let selection = state.listState(section).selection
            #expect(rows.isEmpty ? selection == 0 : rows.indices.contains(selection), "step \(step): \(section) selection \(selection) of \(rows.count)")
            switch section {
            case .relations: #expect(rows.allSatisfy(state.dossier.relations.indices.contains), "step \(step)")
            case .activities, .visits: #expect(rows.allSatisfy(state.dossier.activities.indices.contains), "step \(step)")
            case .budget: #expect(rows.allSatisfy(state.index.budgets.indices.contains), "step \(step)")
            case .reminders: #expect(rows.allSatisfy(state.index.reminders.indices.contains), "step \(step)")
            case .agenda:
                #expect(rows.allSatisfy(state.agendaLines.indices.contains), "step \(step)")
                if state.screen == .list(.agenda), !rows.isEmpty {
                    #expect(state.agendaLines[selection].entry != nil, "step \(step): the agenda's selection is on an entry")
                }
            }
        }
        if let saved = app.store.saved { #expect(saved == state.dossier, "step \(step): the screen and the store disagree") }
    }

    @Test("6.000 random keys (with resizes) never crash and keep the lists, the index and the store consistent", arguments: [1, 2, 3])
    func randomKeys(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var app = Harness()
        var quits = 0
        for step in 0..<6_000 {
            if Int.random(in: 0..<200, using: &random) == 0 {
                app.resize(Int.random(in: 20...160, using: &random), Int.random(in: 5...50, using: &random))
            } else {
                app.press(HostileKeysTests.keys.randomElement(using: &random)!)
            }
            if app.state.hasQuit {
                quits += 1
                app = Harness()
            }
            if step % 50 == 0 {
                checkInvariants(app, step: step)
                #expect(DossierValidator.problems(in: app.state.dossier).isEmpty, "step \(step)")
                #expect(app.state.index == DossierIndex(dossier: app.state.dossier, today: app.state.today, searchKeys: app.state.index.searchKeys != nil), "step \(step)")
                _ = app.screen
            }
        }
        checkInvariants(app, step: 6_000)
        #expect(!app.store.committed.isEmpty, "the random keys did change things (\(quits) quits)")
    }

    @Test("bidi overrides, escapes and a very long name: inert on screen and cut with an ellipsis")
    func hostileNames() throws {
        let dossier = try Fixtures.smallDossier { $0.name = "Evil\u{202E}gpj.exe\u{2066}x\u{1B}[31m" + String(repeating: "Lange naam ", count: 40) }
        let app = Harness(dossier: dossier, width: 100, height: 30)
        let row = try #require(app.screen.lines.first { $0.contains("Evil") })
        #expect(!row.unicodeScalars.contains { [0x202E, 0x2066, 0x1B].contains($0.value) }, "\(row.debugDescription)")
        #expect(row.contains("…"), "the name is cut at its column")
        #expect(DisplayWidth.of(row) <= 100)
    }
}
