import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The commands in the README's block under "Opdrachten" run as written, in order, on a scratch copy of the
/// bundled Oss dossier (`DOSSIER_STORE`), from a folder that has the files they name.
@Suite("The README's examples")
struct ReadmeExampleTests {
    let directory = TemporaryDirectory()
    let binary = ProgramRunner.builtBinary("dossier")

    /// The lines of the block, continuation lines joined and comments dropped.
    static func commands() throws -> [String] {
        let readme = String(decoding: try Repository.bytes("README.md"), as: UTF8.self)
        guard let section = readme.range(of: "## Opdrachten"),
              let begin = readme.range(of: "```sh\n", range: section.upperBound..<readme.endIndex),
              let end = readme.range(of: "```\n", range: begin.upperBound..<readme.endIndex) else { return [] }
        var commands: [String] = []
        var pending = ""
        for line in readme[begin.upperBound..<end.lowerBound].split(separator: "\n") {
            var text = String(line)
            if let comment = text.range(of: "  # ") { text = String(text[..<comment.lowerBound]) }
            text = text.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("\\") {
                pending += text.dropLast() + " "
                continue
            }
            commands.append(pending + text)
            pending = ""
        }
        return commands
    }

    /// Words as a shell splits them: spaces outside double quotes separate.
    static func words(_ command: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, started = false
        for character in command {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    func run(_ arguments: [String]) throws -> ProgramRunner.Result {
        // Through sh, to run in the scratch folder where the relative file names of the examples are.
        try ProgramRunner(executable: "/bin/sh").run(["-c", "cd \"$0\" && exec \"$@\"", directory.path, binary] + arguments,
                                                     environment: ["DOSSIER_STORE": directory.file("dossier.json"), "DOSSIER_USER": "adviseur",
                                                                   "DOSSIER_NOW": "2026-11-22T09:00:00Z",
                                                                   // Compacting every few changes, so that there are backups to restore.
                                                                   "DOSSIER_JOURNAL_LIMIT": "4"])
    }

    @Test("every command of the README's block succeeds, in order, on the bundled dossier")
    func examples() throws {
        try directory.write("dossier.json", BundledDossier.bytes)
        try FileManager.default.createDirectory(atPath: directory.file("data"), withIntermediateDirectories: true)
        try directory.write("data/gemeente-oss.json", try Repository.bytes("data/gemeente-oss.json"))
        let document = String(decoding: try Repository.bytes("docs/afweegkader.md"), as: UTF8.self)
        let proposal = try #require(document.range(of: "<!-- example:begin -->\n```json\n").flatMap { begin in
            document.range(of: "```\n<!-- example:end -->").map { String(document[begin.upperBound..<$0.lowerBound]) }
        })
        try directory.write("voorstel.json", proposal)
        try directory.write("wijzigingen.jsonl", #"{"type":"add-follow-up","activity":"campusbeurs-han","followUp":{"text":"Stand reserveren","done":false}}"# + "\n")
        let commands = try Self.commands()
        #expect(commands.count >= 25, "\(commands)")
        var checked = false
        for command in commands {
            // /tmp/groot.json becomes a file of this test's own folder: test runs side by side must not share it.
            var words = Self.words(command).map { $0 == "/tmp/groot.json" ? directory.file("groot.json") : $0 }
            #expect(words.first == "dossier", "\(command)")
            words.removeFirst()
            if words.first == "restore" {
                try checkChanges()
                checked = true
            }
            if words.first == "restore", let index = words.firstIndex(of: "NAAM") {
                let listed = try run(["backups", "--json"])
                let backups = try #require(try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
                words[index] = try #require(backups.first?["name"] as? String, "a backup to restore: \(listed.standardOutput)")
            }
            let result = try run(words)
            #expect(result.status == 0, "\(command)\n\(result.standardError)")
        }
        #expect(checked, "the changes of the examples were checked before a restore")
    }

    /// What the examples before `restore` changed (restoring a backup puts an earlier state back).
    func checkChanges() throws {
        let dossier = try DossierStore(path: directory.file("dossier.json")).load()
        #expect(dossier.relation("taizhou")?.reviewDate == Fixtures.date("2029-01-01"), "the review of the README")
        #expect(dossier.relation("taizhou")?.statusHistory.last?.isReview == true)
        let mission = try #require(dossier.activity("handelsmissie-medicon-valley"))
        #expect(mission.countries.map(\.code) == ["DK", "SE"])
        #expect(mission.status == .goedgekeurd && mission.approvalDecision == "Besluit B&W 3 maart 2027")
        #expect(mission.estimatedCost == Money(euros: 3000) && mission.followUps.first?.isDone == true, "edit, add-follow-up and done")
        #expect(dossier.relation("oresund-regio") == nil, "added, edited, given a contact and a link, then deleted")
        let log = try DossierStore(path: directory.file("dossier.json")).history()
        #expect(log.contains { $0.summary == "Relatie bewerkt: Øresund Regio" && $0.details.contains("Plaatsen: Malmö, Kopenhagen → Malmö, Lund") })
        #expect(dossier.activity("global-goals-week")?.budgetLine == "global-goals-platform-oss")
    }
}
