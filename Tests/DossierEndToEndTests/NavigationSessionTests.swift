import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Drill-downs in the real program: a pushed screen that q and Esc leave, back on the row it came from.
@Suite("TUI navigation in a terminal")
struct NavigationSessionTests {
    let directory = TemporaryDirectory(prefix: "dossier-e2e-nav")
    var store: String { directory.file("dossier.json") }
    let binary = ProgramRunner.builtBinary("dossier")

    init() throws {
        try directory.write("dossier.json", BundledDossier.bytes)
    }

    @Test("budget → the year's activities → Esc and q back to the same budget row; the activities tab keeps its filter; q on a tab goes to the start screen")
    func budgetDrillDown() throws {
        let added = try ProgramRunner().run(["add-activity", "--title", "Handelsmissie Medicon Valley", "--kind", "handelsmissie",
                                             "--date", "2026-12-10", "--cost", "2.500", "--relation", "medicon-valley", "--store", store],
                                            environment: ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "e2e"])
        #expect(added.status == 0, "\(added.standardError)")
        let tmux = try TmuxSession.shell(home: directory.path, width: 120, height: 40)
        try tmux.type("\(binary) --store \(store); echo EXIT:$?")
        try tmux.send("Enter")
        try tmux.waitFor("1 Relaties (37)")

        // The activities tab gets a filter of its own.
        try tmux.send("2", "f")
        try tmux.waitFor("status: Idee")

        // The budget starts on this year (2026, the clock of the test); Enter pushes its activities.
        try tmux.send("4")
        try tmux.waitFor("2026 ◂")
        try tmux.send("Enter")
        // The footer is the last row drawn: once it is there, so is the rest of the screen.
        var screen = try tmux.waitFor("q of Esc gaat terug naar het budget", gone: ["Vastgelegd"])
        #expect(screen.contains("Activiteiten van 2026 op Budget internationalisering (1, waarvan geen meetelt)"))
        #expect(screen.contains("Handelsmissie Medicon Valley"))

        // Esc: back on the budget, on the same row (Enter again gives the same list).
        try tmux.send("Escape")
        try tmux.waitFor("Vastgelegd", gone: ["Activiteiten van 2026"])
        try tmux.send("Enter")
        try tmux.waitFor("Activiteiten van 2026 op Budget internationalisering (1, waarvan geen meetelt)")

        // Into the activity and back out with q, twice: the list, then the budget. The program keeps running.
        try tmux.send("Enter")
        try tmux.waitFor("Handelsmissie Medicon Valley  Idee")
        try tmux.send("q")
        try tmux.waitFor("Activiteiten van 2026 op Budget internationalisering (1, waarvan geen meetelt)")
        try tmux.send("q")
        screen = try tmux.waitFor("Vastgelegd", gone: ["Activiteiten van 2026"])
        #expect(!screen.contains("EXIT:"))

        // The activities tab still has its own filter, not the drill-down's year.
        try tmux.send("2")
        screen = try tmux.waitFor("status: Idee")
        #expect(!screen.contains("jaar: 2026"))

        // q on a tab goes to the start screen; there q stops.
        try tmux.send("q")
        try tmux.waitFor("Terug op het startscherm")
        try tmux.send("q")
        try tmux.waitFor("EXIT:0")
    }
}
