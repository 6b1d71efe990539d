import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// q, Ctrl-C, SIGTERM, SIGHUP and SIGINT end the TUI within a second whatever it is drawing — here a
/// relation whose note is one word of a million characters (a pasted base64 blob at the longest a field
/// may be) — and the lock is free at once, so the next command can write. A 50 MB word is refused at load
/// with the field and the limit, quickly, by `show` and by the TUI.
@Suite("Signals end the TUI; very long words", .serialized)
struct SignalTests {
    let directory = TemporaryDirectory(prefix: "dossier-signal")
    var store: String { directory.file("dossier.json") }
    let binary = ProgramRunner.builtBinary("dossier")

    /// The bundled dossier with Taizhou's note replaced by one word of `length` base64 characters.
    func writeDossier(wordLength length: Int) throws {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var word = [UInt8](repeating: 0, count: length)
        for index in 0..<length { word[index] = alphabet[(index * 31 + index / 97) % 64] }
        let placeholder = "NOTITIE-WORDT-VERVANGEN"
        var dossier = try DossierFile.decode(BundledDossier.bytes, file: "ingebouwd")
        var taizhou = try #require(dossier.relation("taizhou"))
        taizhou.notes = placeholder
        try dossier.apply(.updateRelation(taizhou), context: Fixtures.context)
        // Put in after the rules (which refuse a word this long at 50 MB): this is a file from elsewhere.
        let text = String(decoding: dossier.encoded(), as: UTF8.self)
        try directory.write("dossier.json", text.replacingOccurrences(of: placeholder, with: String(decoding: word, as: UTF8.self)))
    }

    /// Whether another process holds the dossier's lock (flock on NAME.lock).
    func lockIsHeld() -> Bool {
        let descriptor = open(store + ".lock", O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return true
    }

    enum Ending: String, CaseIterable, CustomTestStringConvertible {
        case sigterm, sighup, sigint, q, controlC
        var testDescription: String { rawValue }
    }

    @Test("the TUI drawing a note of one 1.000.000-character word ends within a second and frees the lock", arguments: Ending.allCases)
    func endsWhileDrawing(ending: Ending) throws {
        try writeDossier(wordLength: Limits.longText)
        let pidFile = directory.file("pid")
        let tmux = try TmuxSession.shell(home: directory.path, width: 100, height: 30)
        // `exec` keeps the pid that the file names, and bash waits for it as its foreground job.
        try tmux.type("sh -c 'echo $$ > \(pidFile); exec \(binary) --store \(store)'; echo EXIT:$?")
        try tmux.send("Enter")
        try tmux.waitFor("1 Relaties (37)", timeout: 20)
        let pid = try #require(pid_t(String(decoding: try directory.read("pid"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!lockIsHeld(), "an open screen holds no lock: others write while it is open")
        // Open Taizhou's detail with the long note, then keep it busy redrawing while the ending arrives.
        try tmux.send("/")
        try tmux.type("taizhou")
        try tmux.send("Enter", "Enter")
        try tmux.waitFor("Toelichting", timeout: 20)
        // A signal arrives behind a burst of keys; a key (q, Ctrl-C) behind one that redraws the whole note.
        let isKey = ending == .q || ending == .controlC
        if isKey { try tmux.send("PageDown") } else { try tmux.send("j", "j", "PageDown", "j", "PageDown", "k", "j", "PageDown") }
        let start = Date()
        switch ending {
        case .sigterm: kill(pid, SIGTERM)
        case .sighup: kill(pid, SIGHUP)
        case .sigint: kill(pid, SIGINT)
        // Back from the detail, the search left, then stop.
        case .q: try tmux.send("q", "q", "q")
        case .controlC: try tmux.send("C-c")
        }
        while lockIsHeld() && Date().timeIntervalSince(start) < 10 { usleep(10_000) }
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 1.2, "\(ending): the lock was held \(elapsed) s after the ending")
        let expected = switch ending {
        case .sigterm: "EXIT:143"
        case .sighup: "EXIT:129"
        case .sigint: "EXIT:130"
        case .q, .controlC: "EXIT:0"
        }
        try tmux.waitFor(expected, timeout: 5)
        // The shell works as before, and the next command writes. tmux hands keys to the terminal after
        // send-keys returns, so part of the burst may arrive after the TUI flushed its input and ended: it
        // lands on the shell's line (where a user's own keys could never be late). tmux writes in order, so
        // Ctrl-U clears whatever came late.
        try tmux.send("C-u")
        try tmux.type("echo $((6*7))")
        try tmux.send("Enter")
        try tmux.waitFor("\n42\n")
        let next = try ProgramRunner().run(["set-status", "bom", "verkennen", "--reason", "na \(ending)", "--store", store],
                                           environment: ["DOSSIER_USER": "e2e", "DOSSIER_LOCK_WAIT": "0"])
        #expect(next.status == 0, "\(next.standardError)")
        let dossier = try DossierStore(path: store).load()
        #expect(dossier.relation("taizhou")?.notes.count == Limits.longText)
        #expect(dossier.relation("bom")?.status == .verkennen)
    }

    @Test("a note of one 50 MB word is refused by show and by the TUI at load, naming the field and the limit")
    func fiftyMegabyteWord() throws {
        try writeDossier(wordLength: 50_000_000)
        for arguments in [["show", "taizhou"], []] {
            let start = Date()
            let result = try ProgramRunner().run(arguments + ["--store", store], environment: ["DOSSIER_USER": "e2e"])
            #expect(result.status == 65, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains("notes): tekst is te lang: 50.000.000 tekens, hoogstens 1.000.000"), "\(result.standardError)")
            print("\(arguments): refused after \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        }
    }
}
