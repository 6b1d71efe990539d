import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `dossier restore` asked at a terminal: the question says which changes go out with it, colleagues' too.
@Suite("The question before a restore")
struct RestoreQuestionTests {
    let directory = TemporaryDirectory(prefix: "dossier-restore-question")
    var store: String { directory.file("dossier.json") }
    let binary = ProgramRunner.builtBinary("dossier")

    func change(_ arguments: [String], as user: String, limit: String) throws {
        let result = try ProgramRunner().run(arguments + ["--store", store],
                                             environment: ["DOSSIER_USER": user, "HOME": directory.path, "DOSSIER_JOURNAL_LIMIT": limit])
        #expect(result.status == 0, "\(arguments): \(result.standardError)")
    }

    @Test("the changes after the backup are named by number before the answer; no restores nothing, yes restores, as every question of the program takes it")
    func namesWhatGoes() throws {
        try directory.write("dossier.json", BundledDossier.bytes)
        // The first change merges (the backup holds the state before it); two more stay in the journal.
        try change(["set-status", "bom", "verkennen", "--reason", "een"], as: "Ine", limit: "1")
        try change(["set-status", "bom", "focus", "--reason", "twee"], as: "Kees", limit: "50")
        try change(["set-status", "bom", "actief", "--reason", "drie"], as: "Ine", limit: "50")
        let backup = try #require(try DossierStore(path: store).backups().first)
        #expect(backup.sequence == 0)
        // Without a terminal to ask on (a script), the refusal says what would go.
        let scripted = try ProgramRunner().run(["restore", backup.name, "--store", store], environment: ["DOSSIER_USER": "Ine", "HOME": directory.path])
        #expect(scripted.status == 64 && scripted.standardError == "dossier: terugzetten vervangt het hele dossier (de 3 wijzigingen daarna, nrs. 1–3, gaan "
                + "eruit, ook die van collega's): bevestig met --yes\n", "\(scripted.standardError)")
        let tmux = try TmuxSession.shell(home: directory.path, extraEnvironment: "DOSSIER_USER=Ine")
        try tmux.type([binary, "--store", store, "restore", backup.name].map { "'\($0)'" }.joined(separator: " ") + "; echo EXIT\"\":$?")
        try tmux.send("Enter")
        // Compared without spaces: where the terminal wraps a line, its space is gone.
        let question = try tmux.waitFor("[j/N]").filter { !$0.isWhitespace }
        #expect(question.contains("De 3 wijzigingen daarna (nrs. 1–3), ook die van collega's, gaan eruit; ze blijven in het logboek.".filter { !$0.isWhitespace }),
                "\(question)")
        try tmux.type("n")
        try tmux.send("Enter")
        #expect(try tmux.waitFor("EXIT:").contains("Niets gewijzigd."))
        #expect(try DossierStore(path: store).load().relation("bom")?.status == .actief)
        try tmux.send("C-l")
        try tmux.type([binary, "--store", store, "restore", backup.name].map { "'\($0)'" }.joined(separator: " ") + "; echo DONE\"\":$?")
        try tmux.send("Enter")
        _ = try tmux.waitFor("[j/N]")
        try tmux.type("yes")
        try tmux.send("Enter")
        #expect(try tmux.waitFor("DONE:0").contains("Teruggezet: "))
        let backedUp = try DossierFile.decode(try PosixFileSystem().readFile(backup.path), file: backup.path)
        #expect(try DossierStore(path: store).load().relation("bom") == backedUp.relation("bom"))
    }
}
