import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// A removal asked at a terminal, on a store with its indexes (so it reads without the activities), while a colleague
/// changes the same records between the question and the answer: the change made on what was read is saved on the
/// whole dossier as it was made, as it would be without indexes, never made anew on what is there now.
@Suite("A removal confirmed while a colleague writes")
struct ConfirmationRaceTests {
    let directory = TemporaryDirectory(prefix: "dossier-race")
    var store: String { directory.file("dossier.json") }
    let binary = ProgramRunner.builtBinary("dossier")

    init() throws {
        // Written as a compaction writes it: the side index and the activity index beside it.
        try DossierStore(path: store).writeNewSnapshot(try DossierFile.decode(BundledDossier.bytes, file: "ingebouwd dossier"))
    }

    func colleague(_ arguments: [String]) throws {
        let result = try ProgramRunner().run(arguments + ["--store", store], environment: ["DOSSIER_USER": "Kees", "HOME": directory.path])
        #expect(result.status == 0, "\(arguments): \(result.standardError)")
    }

    /// Starts `arguments` at a terminal, waits for its question, lets the colleague write, answers yes; the screen after.
    func confirm(_ arguments: [String], whileColleague writes: [[String]]) throws -> String {
        let tmux = try TmuxSession.shell(home: directory.path, extraEnvironment: "DOSSIER_USER=Ine")
        try tmux.type(([binary, "--store", store] + arguments).map { "'\($0)'" }.joined(separator: " ") + "; echo EXIT\"\":$?")
        try tmux.send("Enter")
        try tmux.waitFor("[j/N]")
        for arguments in writes { try colleague(arguments) }
        try tmux.type("j")
        try tmux.send("Enter")
        // The command line holds `EXIT"":`; only the shell's answer holds `EXIT:`.
        return try tmux.waitFor("EXIT:")
    }

    @Test("the contact confirmed is removed or nothing is: not another one that took its name meanwhile")
    func contactRenamedMeanwhile() throws {
        try colleague(["add-contact", "Pivot Park", "--name", "Piet Pieters"])
        let screen = try confirm(["remove-contact", "Pivot Park", "Britta Driessen"], whileColleague: [
            ["remove-contact", "Pivot Park", "britta-driessen", "--yes"],
            ["edit-contact", "Pivot Park", "piet-pieters", "--name", "Britta Driessen"],
        ])
        #expect(screen.contains("botst met de wijziging van Kees"), "\(screen)")
        #expect(screen.contains("EXIT:65"), "\(screen)")
        let contacts = try DossierStore(path: store).load().relation("pivot-park")?.contacts.map(\.id)
        #expect(contacts == ["piet-pieters"], "Piet's contact, now named Britta Driessen, stays")
    }

    @Test("an activity changed meanwhile is not deleted: the yes was said to what was asked about; one deleted meanwhile is refused")
    func activityChangedMeanwhile() throws {
        let activities = try DossierStore(path: store).load().activities
        let renamed = try #require(activities.first), deleted = try #require(activities.last)

        let screen = try confirm(["delete", renamed.id], whileColleague: [["edit", renamed.id, "--title", "Nieuwe titel van Kees"]])
        let unwrapped = screen.replacingOccurrences(of: "\n", with: "")
        #expect(unwrapped.contains("botst met de wijziging van Kees") && unwrapped.contains("is gewijzigd sinds u het zag (nu: 'Nieuwe titel van Kees')"),
                "\(screen)")
        #expect(screen.contains("EXIT:65"), "\(screen)")
        #expect(try DossierStore(path: store).load().activity(renamed.id)?.title == "Nieuwe titel van Kees")

        let refused = try confirm(["delete", deleted.id], whileColleague: [["delete", deleted.id, "--yes"]])
        #expect(refused.contains("botst met de wijziging van Kees") && refused.contains("EXIT:65"), "\(refused)")
    }
}
