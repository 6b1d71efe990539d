import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The real `dossier` binary in a real terminal (tmux), on a temporary store, inside a shell: after the
/// program the shell must work as before.
@Suite("TUI in a terminal")
struct TerminalSessionTests {
    let directory = TemporaryDirectory(prefix: "dossier-e2e")
    var store: String { directory.file("dossier.json") }
    let binary = ProgramRunner.builtBinary("dossier")

    init() throws {
        try directory.write("dossier.json", BundledDossier.bytes)
    }

    /// A bash in tmux, ready at its prompt, with the environment the program needs.
    func shell(width: Int = 100, height: Int = 30, extraEnvironment: String = "") throws -> TmuxSession {
        try TmuxSession.shell(home: directory.path, width: width, height: height, extraEnvironment: extraEnvironment)
    }

    @Test("open, search, set a status, log a visit, resize, quit: the file holds the changes and the shell works")
    func fullSession() throws {
        let tmux = try shell()
        try tmux.run("\(binary) --store \(store); echo EXIT:$?", until: "1 Relaties (37)")

        // Search ignoring accents, open Rhône-Alpes.
        try tmux.send("/")
        try tmux.type("rhone")
        try tmux.send("Enter", "Enter")
        try tmux.waitFor("Rhône-Alpes  Genoemd")

        // Set the status: nothing is chosen as the menu opens; ↓ goes to Focus (the current status is left out); a reason is required.
        try tmux.send("s")
        try tmux.waitFor("Status van Rhône-Alpes")
        try tmux.send("Down", "Tab")
        try tmux.type("Farma-regio met kansen voor Pivot Park")
        try tmux.send("C-s")
        try tmux.waitFor("Rhône-Alpes: Genoemd → Focus")

        // Log a visit from here: the relation is preselected.
        try tmux.send("v")
        try tmux.waitFor("Delegatiebezoek vastleggen")
        try tmux.send("Tab")
        try tmux.type("12-3-2026")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.type("Lyon")
        try tmux.send("C-s")
        try tmux.waitFor("Bezoek vastgelegd: Delegatie uit Lyon op 12-3-2026")

        // Resize: smaller, too small, and back.
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("Activiteiten (1)")
        try tmux.resize(width: 50, height: 10)
        try tmux.waitFor("Venster te klein")
        try tmux.resize(width: 100, height: 30)
        // Waited for by its lower part: a capture may come while the terminal is still drawing the screen top down.
        let restored = try tmux.waitFor("Delegatie uit Lyon", gone: ["Venster te klein"])
        #expect(restored.contains("Rhône-Alpes  Focus"))

        // Quit: q back to the list, q to leave the search, q again to leave.
        try tmux.send("q")
        try tmux.waitFor("1 Relaties (37)")
        try tmux.send("q")
        try tmux.waitFor("Zoekopdracht gewist")
        try tmux.send("q")
        try tmux.waitFor("EXIT:0")

        // The shell is usable again: typed text echoes, the terminal is in canonical mode.
        let shellScreen = try tmux.run("stty -a | tr ' ' '\\n' | grep -x -E 'icanon|echo' | tr '\\n' '+'; echo; echo calc:$((40+2))", until: "calc:42")
        #expect(shellScreen.contains("icanon+echo+"))

        let dossier = try Dossier(decoding: try directory.read("dossier.json"))
        let relation = try #require(dossier.relation("rhone-alpes"))
        #expect(relation.status == .focus)
        #expect(relation.statusHistory.last?.reason == "Farma-regio met kansen voor Pivot Park")
        #expect(relation.statusHistory.last?.by == "e2e")
        let visit = try #require(dossier.activities.first { $0.isVisit })
        #expect(visit.relations == ["rhone-alpes"])
        #expect(visit.startDate == CalendarDate(year: 2026, month: 3, day: 12))
        #expect(visit.visit?.delegationFrom == "Lyon")
        #expect(visit.status == .uitgevoerd)
    }

    /// A relation Wegwerp added, the program started in a shell (`after`: what follows on its command line) and Wegwerp's
    /// screen opened by a pasted search.
    func openWegwerp(after: String = "") throws -> TmuxSession {
        let added = try ProgramRunner().run(["add-relation", "--name", "Wegwerp", "--kind", "bedrijf", "--store", store],
                                            environment: ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "e2e"])
        #expect(added.status == 0, "\(added.standardError)")
        let tmux = try shell(width: 120, height: 36)
        try tmux.run("\(binary) --store \(store)\(after)", until: "1 Relaties (38)")
        try tmux.send("/")
        try tmux.paste("wegwerp")
        try tmux.waitFor("Zoek: wegwerp")
        try tmux.send("Enter", "Enter")
        try tmux.waitFor("Wegwerp  Verkennen")
        return tmux
    }

    @Test("a byte that is no UTF-8 (a Latin-1 é) is typed as �, and the letters sent with it arrive")
    func byteThatIsNoUTF8() throws {
        let tmux = try shell()
        try tmux.run("\(binary) --store \(store); echo EXIT:$?", until: "1 Relaties (37)")
        try tmux.send("/")
        try tmux.sendBytes(Array("ab".utf8) + [0xE9] + Array("cdef".utf8))
        try tmux.waitFor("Zoek: ab\u{FFFD}cdef")
        try tmux.send("Escape")
        try tmux.waitFor("1 Relaties (37)", gone: ["Zoek:"])
        try tmux.send("q")
        try tmux.waitFor("EXIT:0")
    }

    @Test("quitting a large dossier with changes says that they are being folded in while the file is written, not a blank terminal")
    func quitSaysItFoldsIn() throws {
        let large = directory.file("groot.json")
        let generated = try ProgramRunner().run(["generate", "--relations", "1000", "--activities", "10000", "--seed", "7", "-o", large],
                                                environment: ["DOSSIER_NOW": "2026-11-22T09:00:00Z"])
        #expect(generated.status == 0, "\(generated.standardError)")
        let tmux = try shell(width: 120, height: 36)
        try tmux.run("\(binary) --store \(large); echo EXIT:$?", until: "Relaties (1000)")
        try tmux.waitFor("1 Relaties (1000)", gone: ["dossier laden"])
        try tmux.send("s")
        try tmux.waitFor("Status van")
        try tmux.send("Down", "Tab")
        try tmux.type("Herijkt in het overleg")
        try tmux.send("C-s")
        try tmux.waitFor(" → ")
        try tmux.send("q")
        let after = try tmux.waitFor("EXIT:0", timeout: 30)
        #expect(after.contains("dossier: de wijzigingen worden in het dossierbestand samengevoegd …"), "\(after)")
    }

    @Test("a paste is text, never keys: a pasted 'dJ' deletes nothing, a pasted title with an escape sequence arrives without it")
    func pasteIsText() throws {
        let tmux = try openWegwerp(after: "; echo EXIT:$?")
        // On a screen where d asks to delete and J says yes.
        try tmux.paste("dJ")
        var screen = try tmux.waitFor("Plakken kan alleen in een tekstveld of de zoekregel")
        #expect(!screen.contains("Verwijderen"))
        // A new activity's title, pasted with a colour sequence and a bell in it.
        try tmux.send("+")
        try tmux.waitFor("Nieuwe activiteit")
        try tmux.paste("Beurs \u{1B}[1mMünchen\u{1B}[0m\u{07} 2027")
        try tmux.send("Tab", "b", "C-s")   // soort: Beurs
        screen = try tmux.waitFor("Activiteit toegevoegd")
        // Back to the list, the search left, then stop.
        try tmux.send("q", "q", "q")
        try tmux.waitFor("EXIT:0")

        let dossier = try Dossier(decoding: try directory.read("dossier.json"))
        #expect(dossier.relation("wegwerp") != nil)
        #expect(dossier.activities.contains { $0.title == "Beurs München 2027" }, "\(dossier.activities.map(\.title))")
    }

    @Test("Ctrl-Z hands the terminal to the shell and fg brings the screen back; after that, or a stop from outside, a paste is still text")
    func suspendAndContinue() throws {
        // Without "; echo": a stopped job ends such a list in bash.
        let tmux = try openWegwerp()
        try tmux.send("C-z")
        try tmux.waitFor("Stopped", gone: ["Wegwerp  Verkennen"])
        // The quotes keep the typed line from reading "PID:" itself: only the answer does, so the wait is for that.
        let pid = try #require(Int32(try tmux.run("echo P''ID:$(jobs -p)", until: "PID:").components(separatedBy: "PID:").last?
            .prefix { $0.isNumber } ?? ""), "the shell names the stopped job")
        // bash turns bracketed paste off for itself once its line is read: the screen must turn it on again.
        try tmux.run("fg", until: "Wegwerp  Verkennen")
        try tmux.paste("dJ")
        try tmux.waitFor("Plakken kan alleen in een tekstveld of de zoekregel")
        // Stopped from outside without a say (kill -STOP), then continued by the shell: the screen finds out from SIGCONT.
        kill(pid, SIGSTOP)
        try tmux.waitFor("Stopped", gone: ["Wegwerp  Verkennen"])
        try tmux.run("fg", until: "Wegwerp  Verkennen")
        try tmux.send("Escape")
        usleep(300_000)
        try tmux.paste("dJ")
        try tmux.waitFor("Plakken kan alleen in een tekstveld of de zoekregel")
        try tmux.send("q", "q", "q")
        try tmux.waitFor("READY>", gone: ["Wegwerp  Verkennen"])
        try tmux.run("echo DONE:$?", until: "DONE:0")
        let dossier = try Dossier(decoding: try directory.read("dossier.json"))
        #expect(dossier.relation("wegwerp") != nil)

        // Started by a script: the script stops with it, so the shell gets the terminal back; fg continues both.
        try directory.write("start.sh", "\(binary) --store \(store)\necho WRAPPED:$?\n")
        try tmux.run("clear; sh \(directory.file("start.sh"))", until: "1 Relaties (38)")
        try tmux.send("C-z")
        try tmux.waitFor("Stopped", gone: ["1 Relaties (38)"])
        try tmux.run("fg", until: "1 Relaties (38)")
        try tmux.send("q")
        try tmux.waitFor("WRAPPED:0")

        // Run by the terminal itself there is no shell to come back to: Ctrl-Z says so and the screen stays.
        let bare = try TmuxSession(command: TmuxSession.cleanEnvironment(home: directory.path) + "DOSSIER_USER=e2e \(binary) --store \(store)",
                                   width: 120, height: 36)
        try bare.waitFor("1 Relaties (38)")
        try bare.send("C-z")
        try bare.waitFor("Onderbreken kan niet")
        // A stop from outside takes the same way (curses' own handler would have left the screen from inside the signal).
        try bare.send("j")
        try bare.waitFor("Enter openen", gone: ["Onderbreken kan niet"])
        let barePID = try #require(Self.processes(running: [binary, "--store", store]).first, "the bare screen runs")
        kill(barePID, SIGTSTP)
        try bare.waitFor("Onderbreken kan niet")
        try bare.send("q")
    }

    @Test("Ctrl-Z in the editor a form opened stops the whole job, the screen with it: the shell has the terminal, fg brings the editor back and its text reaches the form")
    func suspendInTheEditor() throws {
        let go = directory.file("go"), started = directory.file("started")
        // Run as `sh editor.sh`, never executed itself: see `RecordSessionTests.init` (text file busy).
        try directory.write("editor.sh", "touch \(started)\nwhile [ ! -e \(go) ]; do sleep 0.05; done\nprintf 'Na fg geschreven.\\n' > \"$1\"\n")
        let tmux = try shell(width: 120, height: 36, extraEnvironment: "'EDITOR=sh \(directory.file("editor.sh"))'")
        try tmux.run("\(binary) --store \(store)", until: "1 Relaties (37)")
        try openNotesOfRhoneAlpes(in: tmux)
        try tmux.send("C-o")
        try tmux.waitFor("READY>", gone: ["Relatie bewerken"])
        // Ctrl-Z once the editor runs (the screen leaves before it starts; on a busy machine that may take a while).
        for _ in 0..<400 where !FileManager.default.fileExists(atPath: started) { usleep(50_000) }
        #expect(FileManager.default.fileExists(atPath: started), "the editor runs")
        try tmux.send("C-z")
        try tmux.waitFor("Stopped")
        let stopped = try Self.processes(running: [binary, "--store", store])
        #expect(stopped.count == 1 && stopped.allSatisfy(Self.isStopped), "the screen stops with its editor")
        try tmux.run("fg", until: "fg")
        try directory.write("go", "")
        try tmux.waitFor("Tekst uit de editor overgenomen")
        try tmux.send("C-s")
        try tmux.waitFor("Na fg geschreven.")
        try tmux.send("q", "q", "q")
        try tmux.waitFor("READY>", gone: ["Rhône-Alpes"])
        #expect(try DossierStore(path: store).load().relation("rhone-alpes")?.notes == "Na fg geschreven.")
    }

    @Test("a stop signal while the editor is open reaches the editor too: it ends, the screen ends cleanly after it, and the text's temporary file is gone")
    func stopSignalWithEditorOpen() throws {
        let temporary = directory.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        // A length of its own, so that no other run's editor is taken for this one.
        let editor = ["sleep", "\(100 + Int.random(in: 0..<100_000))"]
        try directory.write("editor.sh", "exec \(editor.joined(separator: " "))\n")
        let tmux = try shell(width: 120, height: 36, extraEnvironment: "'EDITOR=sh \(directory.file("editor.sh"))' TMPDIR=\(temporary)")
        try tmux.run("\(binary) --store \(store); echo EXIT:$?", until: "1 Relaties (37)")
        try openNotesOfRhoneAlpes(in: tmux)
        try tmux.send("C-o")
        var editors: [Int32] = []
        // Up to 20 s: on a machine busy with the other tests, starting the shell and the editor can take a while.
        for _ in 0..<400 where editors.isEmpty {
            editors = try Self.processes(running: editor)
            if editors.isEmpty { usleep(50_000) }
        }
        #expect(editors.count == 1, "the editor runs: \((try? tmux.capture()) ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).contains { $0.hasPrefix("dossier-") }, "its text is in a temporary file")
        let screen = try #require(Self.processes(running: [binary, "--store", store]).first)
        kill(screen, SIGTERM)
        try tmux.waitFor("EXIT:143")
        #expect(try Self.processes(running: editor).isEmpty, "no editor left running on the terminal")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "no temporary file with the text left behind")
    }

    @Test("text typed in a form when a signal stops the screen is kept in a file of the user's own, said on the way out and on the next start")
    func unsavedInputKept() throws {
        let tmux = try shell(width: 120, height: 36)
        try tmux.run("\(binary) --store \(store); echo EXIT:$?", until: "1 Relaties (37)")
        try openNotesOfRhoneAlpes(in: tmux)
        try tmux.type("Lange notitie over het gesprek met de regio")
        try tmux.waitFor("Lange notitie over het gesprek")
        let screen = try #require(Self.processes(running: [binary, "--store", store]).first)
        kill(screen, SIGTERM)
        let said = try tmux.waitFor("EXIT:143")
        let folder = directory.file(".local/state/dossier")
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(kept.count == 1 && kept[0].hasPrefix("niet-opgeslagen-"), "\(kept)")
        let text = String(decoding: try directory.read(".local/state/dossier/" + (kept.first ?? "")), as: UTF8.self)
        #expect(text.hasPrefix("Relatie bewerken") && text.contains("Toelichting:\n") && text.contains("Lange notitie over het gesprek met de regio"), "\(text.debugDescription)")
        #expect(said.filter { !$0.isWhitespace }.contains("hetstaatin\(folder)/niet-opgeslagen-".filter { !$0.isWhitespace }), "\(said)")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/" + kept[0])[.posixPermissions] as? Int
        #expect(mode == 0o600, "only the user may read it")
        #expect(try DossierStore(path: store).load().relation("rhone-alpes")?.notes.contains("Lange notitie") == false, "not saved in the dossier")
        try tmux.run("clear; \(binary) --store \(store); echo EXIT:$?", until: "1 Relaties (37)")
        try tmux.waitFor("Niet opgeslagen invoer van een gestopt scherm staat in")
        try tmux.send("q")
    }

    @Test("a terminal closed while a form is open keeps the typed text also when no hangup signal reaches the screen (a session of its own)")
    func closedTerminalWithoutSignal() throws {
        let tmux = try shell(width: 120, height: 36)
        // setsid: the screen is not in the terminal's session, so closing it sends no SIGHUP; its reads fail instead.
        let said = directory.file("said.txt")
        try tmux.run("setsid -w \(binary) --store \(store) 2> \(said)", until: "1 Relaties (37)")
        try openNotesOfRhoneAlpes(in: tmux)
        try tmux.type("Notitie van vlak voor het sluiten")
        try tmux.waitFor("Notitie van vlak voor het sluiten")
        tmux.close()
        let folder = directory.file(".local/state/dossier")
        var kept: [String] = []
        // Up to 10 s for the screen to see its terminal gone and write the file.
        for _ in 0..<200 where kept.isEmpty {
            kept = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if kept.isEmpty { usleep(50_000) }
        }
        #expect(kept.count == 1 && kept[0].hasPrefix("niet-opgeslagen-"), "\(kept)")
        let text = String(decoding: try directory.read(".local/state/dossier/" + (kept.first ?? "")), as: UTF8.self)
        #expect(text.contains("Notitie van vlak voor het sluiten"), "\(text.debugDescription)")
        for _ in 0..<200 where !(try Self.processes(running: [binary, "--store", store])).isEmpty { usleep(50_000) }
        let message = String(decoding: try directory.read("said.txt"), as: UTF8.self)
        #expect(message.contains("is niet opgeslagen in het dossier; het staat in \(folder)/niet-opgeslagen-"), "\(message)")
    }

    /// Opens Rhône-Alpes's form with the focus on its notes (Toelichting).
    func openNotesOfRhoneAlpes(in tmux: TmuxSession) throws {
        try tmux.send("/")
        try tmux.type("rhone")
        try tmux.send("Enter", "Enter")
        try tmux.waitFor("Rhône-Alpes")
        try tmux.send("e")
        try tmux.waitFor("Relatie bewerken")
        for _ in 0..<11 { try tmux.send("Tab") }
        // The focus on the notes, seen: their help is this line alone (Bron, the long text before them, begins with its own).
        try tmux.waitFor("│ Ctrl-O: in uw editor ($VISUAL/$EDITOR) bewerken.")
    }

    /// Whether the process is stopped (state T in /proc).
    static func isStopped(_ pid: Int32) -> Bool {
        let stat = String(decoding: FileManager.default.contents(atPath: "/proc/\(pid)/stat") ?? Data(), as: UTF8.self)
        return stat.split(separator: ")").last?.split(separator: " ").first == "T"
    }

    /// The processes whose command line is exactly `arguments`, from /proc.
    static func processes(running arguments: [String]) throws -> [Int32] {
        let wanted = arguments.joined(separator: "\0") + "\0"
        return try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap { entry in
            guard let pid = Int32(entry), let line = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            return String(decoding: line, as: UTF8.self) == wanted ? pid : nil
        }
    }

    @Test("a store error is shown in the TUI, the form keeps its input, and saving works once the problem is gone")
    func storeErrorKeepsForm() throws {
        let moved = directory.file("elders")
        let holder = directory.file("map")
        try FileManager.default.createDirectory(atPath: holder, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: store, toPath: holder + "/dossier.json")
        let tmux = try shell()
        try tmux.run("\(binary) --store \(holder)/dossier.json; echo EXIT:$?", until: "1 Relaties (37)")
        try tmux.send("/")
        try tmux.type("bom")
        try tmux.send("Enter", "s", "Down", "Tab")
        try tmux.type("Reden die bewaard blijft")
        // The folder disappears under the program (a network drive that went away).
        try FileManager.default.moveItem(atPath: holder, toPath: moved)
        try tmux.send("C-s")
        let failed = try tmux.waitFor("Niet opgeslagen")
        #expect(failed.contains("dossier.json niet bereiken: het bestand of de map bestaat"), "names the dossier, not a temporary file")
        #expect(failed.contains("Wat mislukte, is niet bewaard"))
        #expect(failed.contains("Reden die bewaard blijft"))
        // It comes back; the same form saves.
        try FileManager.default.moveItem(atPath: moved, toPath: holder)
        try tmux.send("C-s")
        try tmux.waitFor("BOM: Actief → Focus")
        // The search left first, then stop.
        try tmux.send("q", "q")
        try tmux.waitFor("EXIT:0")
        let dossier = try Dossier(decoding: try Array(Data(contentsOf: URL(fileURLWithPath: holder + "/dossier.json"))))
        #expect(dossier.relation("bom")?.statusHistory.last?.reason == "Reden die bewaard blijft")
    }

    @Test("a dossier damaged outside while the screen is open: R names the damage, and quitting says the changes wait in the journal")
    func damagedWhileOpen() throws {
        let tmux = try shell()
        try tmux.run("\(binary) --store \(store); echo EXIT:$?", until: "1 Relaties (37)")
        try tmux.send("/")
        try tmux.type("bom")
        try tmux.send("Enter", "s", "Down", "Tab")
        try tmux.type("Focus op farma")
        try tmux.send("C-s")
        try tmux.waitFor("BOM: Actief → Focus")
        // A comma gone from the snapshot, as an editor might leave it.
        var bytes = try directory.read("dossier.json")
        bytes.remove(at: try #require(bytes.indices.dropFirst(5000).first { bytes[$0] == UInt8(ascii: ",") }))
        try directory.write("dossier.json", bytes)
        try tmux.send("R")
        try tmux.waitFor("is beschadigd")
        // The search left first, then stop.
        try tmux.send("q", "q")
        let after = try tmux.waitFor("EXIT:0")
        // (The message is wider than the terminal: read with its wrapped lines joined.)
        let joined = after.split(separator: "\n").joined()
        #expect(joined.contains("is beschadigd") && joined.contains("De wijzigingen van deze sessie staan veilig in het journaal"), "\(after)")
        #expect(try directory.read("dossier.json") == bytes, "the damaged file is left as it is")
        #expect(String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self).contains("Focus op farma"))
    }

    @Test("NO_COLOR: no colour sequences reach the terminal, statuses are still written out")
    func noColor() throws {
        let tmux = try shell(extraEnvironment: "NO_COLOR=1")
        try tmux.run("\(binary) --store \(store)", until: "1 Relaties (37)")
        let screen = try tmux.capture(escapes: true)
        let colourCodes = ["[30m", "[31m", "[32m", "[33m", "[34m", "[35m", "[36m", "[37m", "38;5;", "[40m", "[41m", "[42m",
                           "[43m", "[44m", "[45m", "[46m", "[47m", ";3", "48;5;"]
        for code in colourCodes { #expect(!screen.contains(code), "colour sequence \(code) present") }
        #expect(screen.contains("Laag pitje"))
        // The budget's bars and the agenda read without colours too.
        try tmux.send("4")
        let budget = try tmux.waitFor("░ over")
        #expect(budget.contains("░░░░"))
        try tmux.send("6")
        let agenda = try tmux.waitFor("Herijking Taizhou")
        #expect(agenda.contains("December 2030") && agenda.contains("week 1 van 2031 · 30 dec – 5 jan"))
        try tmux.send("m")
        _ = try tmux.waitFor("week  ma  di  wo  do  vr  za  zo")
        let screens = try tmux.capture(escapes: true)
        for code in colourCodes { #expect(!screens.contains(code), "colour sequence \(code) on the agenda's month") }
        let coloured = try shell()
        try coloured.type("\(binary) --store \(store)")
        try coloured.send("Enter")
        // A second program: read-only, so the tabs may be short to leave room for the warning.
        try coloured.waitFor("Agrifood Capital")
        #expect(colourCodes.contains { try! coloured.capture(escapes: true).contains($0) }, "without NO_COLOR there are colours")
    }

    @Test("TERM naming a terminal without these keys (vt100, xterm-mono): PgDn, Shift-Tab, Home, F5 and Ctrl-arrows are those keys, never Esc and letters",
          arguments: ["vt100", "xterm-mono"])
    func keysOfToday(term: String) throws {
        let tmux = try shell(extraEnvironment: "TERM=\(term)")
        try tmux.run("\(binary) --store \(store)", until: "1 Relaties (37)")
        // PgDn read as Esc [ 6 ~ switched to tab 6, the agenda.
        try tmux.send("NPage")
        try tmux.send("j")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(!(try tmux.capture()).contains("week 1 van"), "still the relations")
        #expect((try tmux.capture()).contains("Naam"))
        try tmux.send("+")
        try tmux.waitFor("Nieuwe relatie")
        try tmux.type("Proef")
        // Shift-Tab read as Esc [ Z asked to throw the form away.
        try tmux.send("Tab", "Tab", "BTab", "Home", "End", "C-Left", "F5", "DC")
        Thread.sleep(forTimeInterval: 0.6)
        let form = try tmux.capture()
        #expect(!form.contains("weggooien"), "\(form)")
        #expect(form.contains("Proef"), "the input is kept: \(form)")
        try tmux.send("Escape")
        try tmux.waitFor("weggooien")
        try tmux.send("J")
        try tmux.send("q")
        // A vt100 keeps the last screen below the prompt: the shell answering says the program ended (keys typed before
        // it ended are dropped, as typed ahead for the screen).
        Thread.sleep(forTimeInterval: 1)
        try tmux.run("echo klaar-$((20+6))", until: "klaar-26")
    }

    @Test("a terminal curses cannot draw on (TERM=dumb, a printing terminal) is refused with a message and 64, before any question",
          arguments: ["dumb", "printer"])
    func terminalThatCannotDraw(term: String) throws {
        // A hardcopy terminal of our own (terminfo's `hc`), compiled with tic into a folder of the test.
        try directory.write("printer.ti", "printer|a printing terminal,\n\thc, am, cols#80,\n\tbel=^G, cr=\\r, cud1=\\n, ind=\\n,\n")
        let compiled = try ProgramRunner.spawn("/usr/bin/tic", ["-o", directory.file("terminfo"), directory.file("printer.ti")],
                                               environment: ["PATH": "/usr/bin:/bin"], stdin: "/dev/null", stdout: "/dev/null", stderr: "/dev/null")
        #expect(compiled == 0, "tic compiles the printing terminal")
        // No DOSSIER_USER and no configured name: the first start would ask for one, but not on a terminal it cannot use.
        let tmux = try TmuxSession(command: TmuxSession.cleanEnvironment(home: directory.path) + "bash --norc --noprofile")
        try tmux.run("PS1='READY> '; clear", until: "READY>")
        try tmux.type("TERMINFO=\(directory.file("terminfo")) TERM=\(term) \(binary) --store \(store); echo \"EXIT:\"$?")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("EXIT:64").replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("dossier: terminaltype '\(term)' kan de cursor niet plaatsen"), "\(screen)")
        #expect(!screen.contains("Welke naam"))
        #expect(!screen.contains("? alle toetsen"), "no footer drawn over an empty screen")
    }

    @Test("without TERM, or with one no terminfo knows, the screen is refused with a message that says which, and 64")
    func terminalUnknownOrUnset() throws {
        let tmux = try TmuxSession(command: TmuxSession.cleanEnvironment(home: directory.path) + "bash --norc --noprofile")
        try tmux.run("PS1='READY> '; clear", until: "READY>")
        try tmux.type("env -u TERM \(binary) --store \(store); echo \"EXIT:\"$?")
        try tmux.send("Enter")
        let unset = try tmux.waitFor("EXIT:64").replacingOccurrences(of: "\n", with: "")
        #expect(unset.contains("dossier: TERM is niet gezet, dus het terminaltype is onbekend"), "\(unset)")
        try tmux.run("clear", until: "READY>")
        try tmux.type("TERM=geen-terminal \(binary) --store \(store); echo \"EXIT:\"$?")
        try tmux.send("Enter")
        let unknown = try tmux.waitFor("EXIT:64").replacingOccurrences(of: "\n", with: "")
        #expect(unknown.contains("dossier: terminaltype 'geen-terminal' is onbekend (zet TERM"), "\(unknown)")
    }

    /// A first start without DOSSIER_USER and without a configured name, at its question.
    func atNameQuestion() throws -> TmuxSession {
        let tmux = try TmuxSession.shell(home: directory.path, user: nil)
        try tmux.run("\(binary) --store \(store); echo EXIT:$?", until: "Welke naam")
        return tmux
    }

    /// The name the first start saved, once the screen it opened has been left with q.
    func savedName(quitting tmux: TmuxSession) throws -> String? {
        try tmux.send("q")
        try tmux.waitFor("EXIT:0")
        return try StoreConfiguration.load(environment: ["HOME": directory.path]).name
    }

    @Test("a paste of more than one line into the first start's name question answers with its first line; the rest is no keys on the screen")
    func pasteIntoNameQuestion() throws {
        let tmux = try atNameQuestion()
        // Before, the `e` opened Agrifood Capital's form, "Jan" replaced its name and a later Ctrl-S saved it.
        try tmux.paste("Anna de Vries\neJan")
        try tmux.waitFor("1 Relaties (37)")
        Thread.sleep(forTimeInterval: 0.5)
        let screen = try tmux.capture()
        #expect(!screen.contains("Relatie bewerken"), "\(screen)")
        #expect(try savedName(quitting: tmux) == "Anna de Vries")
        #expect(try DossierStore(path: store).load() == (try DossierFile.decode(BundledDossier.bytes, file: store)), "nothing changed")
    }

    @Test("Escape and an arrow key typed at the first start's name question are no part of the name saved")
    func keysAtNameQuestion() throws {
        let tmux = try atNameQuestion()
        try tmux.type("Jan Jansen")
        try tmux.send("Left")
        try tmux.send("Escape")
        try tmux.send("Enter")
        try tmux.waitFor("1 Relaties (37)")
        #expect(try savedName(quitting: tmux) == "Jan Jansen")
    }

    @Test("the first start without --store says where it made the dossier")
    func firstStartSaysWhere() throws {
        let home = TemporaryDirectory(prefix: "dossier-e2e-home")
        let tmux = try TmuxSession.shell(home: home.path)
        try tmux.type("\(binary); echo EXIT:$?")
        try tmux.send("Enter")
        let made = home.file(".local/share/dossier/dossier.json")
        let screen = try tmux.waitFor("Nieuw dossier, gemaakt uit het meegeleverde Osse dossier")
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains(made), "\(screen)")
        try tmux.send("q")
        try tmux.waitFor("EXIT:0")
        #expect(FileManager.default.fileExists(atPath: made))
        // The second start says nothing of it.
        let again = try tmux.run("\(binary); echo EXIT:$?", until: "1 Relaties (37)")
        #expect(!again.contains("Nieuw dossier"))
        try tmux.send("q")
    }

    @Test("without a terminal the TUI refuses with a clear message instead of spinning")
    func noTerminal() throws {
        let result = try ProgramRunner().run(["--store", store], environment: ["TERM": "xterm"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("de schermweergave heeft een terminal nodig"))
    }
}

@Suite("Two screens on one dossier")
struct SharingTests {
    @Test("two screens write at once: a status set in one shows in the other within a second; different fields of one activity both stand; the same field is refused in the second, its form intact")
    func twoScreens() throws {
        let directory = TemporaryDirectory(prefix: "dossier-share")
        let store = directory.file("dossier.json")
        try directory.write("dossier.json", BundledDossier.bytes)
        chmod(store, 0o600)
        let binary = ProgramRunner.builtBinary("dossier")
        func screen(_ user: String) throws -> TmuxSession {
            try TmuxSession(command: "env LANG=C.UTF-8 TZ=UTC HOME=\(directory.path) DOSSIER_USER=\(user) \(binary) --store \(store)", width: 120, height: 36)
        }
        let ine = try screen("Ine")
        let piet = try screen("Piet")
        try ine.waitFor("1 Relaties (37)")
        try piet.waitFor("1 Relaties (37)")
        #expect(try !piet.capture().contains("alleen-lezen"), "the second screen writes too")

        // A status in one screen, in the other within about a second (it looks twice a second).
        try ine.send("/")
        try ine.type("BioValley")
        try ine.send("Enter", "s", "Down", "Down", "Tab")
        try ine.type("Gesprek gepland")
        try ine.send("C-s")
        try ine.waitFor("BioValley: Genoemd → Actief")
        let seen = try piet.waitFor("Bijgewerkt: 1 wijziging van Ine", timeout: 1.5)
        #expect(seen.contains("BioValley") && seen.split(separator: "\n").contains { $0.contains("BioValley") && $0.contains("Actief") })

        // A command-line change while both screens are open goes through at once.
        let cli = try ProgramRunner().run(["set-status", "BOM", "verkennen", "--reason", "minder contact", "--store", store],
                                          environment: ["DOSSIER_USER": "Kees", "HOME": directory.path])
        #expect(cli.status == 0, "\(cli.standardError)")
        try ine.waitFor("1 wijziging van Kees", timeout: 1.5)

        // Both edit one activity: the title in one, the estimated cost in the other.
        try ine.send("2", "e")
        try ine.waitFor("Activiteit bewerken")
        try ine.type("Titel van Ine")
        try piet.send("2", "e")
        try piet.waitFor("Activiteit bewerken")
        for _ in 0..<9 { try piet.send("Tab") }
        try piet.type("1.500")
        try piet.send("C-s")
        try piet.waitFor("Activiteit bewerkt")
        try ine.waitFor("1 wijziging van Piet", timeout: 1.5)
        try ine.send("C-s")
        try ine.waitFor("Activiteit bewerkt: Titel van Ine")
        var dossier = try DossierStore(path: store).load()
        let edited = try #require(dossier.activities.first { $0.title == "Titel van Ine" })
        #expect(edited.estimatedCost == Money(euros: 1_500), "Piet's cost stands beside Ine's title")

        // Both edit the title: the second to save is refused, naming the first, and keeps what was typed.
        try piet.waitFor("1 wijziging van Ine", timeout: 1.5)
        try ine.send("e")
        try ine.waitFor("Activiteit bewerken")
        try ine.type("Titel A2")
        try piet.send("e")
        try piet.waitFor("Activiteit bewerken")
        try piet.type("Titel B2")
        try piet.send("C-s")
        try piet.waitFor("Activiteit bewerkt: Titel B2")
        try ine.waitFor("1 wijziging van Piet", timeout: 1.5)
        try ine.send("C-s")
        let conflict = try ine.waitFor("Niet opgeslagen")
        #expect(conflict.contains("botst met de wijziging van Piet"), "\(conflict)")
        #expect(conflict.contains("Titel A2"), "the form keeps what Ine typed")
        dossier = try DossierStore(path: store).load()
        #expect(dossier.activity(edited.id)?.title == "Titel B2")
        try ine.send("Escape")
        try piet.send("q", "q")
    }
}
