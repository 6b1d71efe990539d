import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `dossier assess` on a terminal, asking question by question, in tmux.
@Suite("Weighing question by question on a terminal")
struct InteractiveAssessTests {
    let directory = TemporaryDirectory(prefix: "dossier-assess")
    var store: String { directory.file("dossier.json") }
    let binary = ProgramRunner.builtBinary("dossier")

    init() throws {
        try directory.write("dossier.json", BundledDossier.bytes)
    }

    @Test("a note may follow the answer on its line (no second question to type ahead into); Ctrl-C stops without saving and says so")
    func answersAndInterrupt() throws {
        let tmux = try TmuxSession.shell(home: directory.path, width: 80, height: 30)
        let before = try #require(try DossierStore(path: store).load().activity("campusbeurs-han"))
        let first = try #require(Assessor.questions(for: before, in: try DossierStore(path: store).load()).first)

        try tmux.type("\(binary) --store \(store) assess campusbeurs-han; echo EXIT:$?")
        try tmux.send("Enter")
        try tmux.waitFor("(1/")
        try tmux.type("j past bij de campus")
        try tmux.send("Enter")
        try tmux.waitFor("(2/")
        // Enter keeps the rest as it was, one question at a time, until the command is done.
        var screen = ""
        for _ in 0..<60 {
            screen = try tmux.capture()
            if screen.contains(/EXIT:\d/) { break }
            try tmux.send("Enter")
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(screen.contains("EXIT:0"), "\(screen)")
        #expect(!screen.contains("Toelichting (Enter"), "no separate question for the note")
        let answered = try #require(try DossierStore(path: store).load().activity("campusbeurs-han")?.assessments.last)
        #expect(answered.answers[first] == .ja)
        #expect(answered.answers.note(first) == "past bij de campus")

        try tmux.type("clear; \(binary) --store \(store) assess campusbeurs-han; echo EXIT:$?")
        try tmux.send("Enter")
        try tmux.waitFor("(1/")
        try tmux.send("C-c")
        let stopped = try tmux.waitFor("EXIT:130")
        #expect(stopped.contains("dossier: afgebroken; de afweging is niet bewaard"), "\(stopped)")
        #expect(try DossierStore(path: store).load().activity("campusbeurs-han")?.assessments.count == before.assessments.count + 1, "nothing more saved")
    }
}
