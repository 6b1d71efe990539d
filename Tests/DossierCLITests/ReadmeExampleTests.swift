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

    /// What the README says of the id column: left out when the longest id shown does not fit beside the other columns at
    /// their narrowest (the whole Oss dossier at 80 and 100 columns); shorter ids stay at 100 and the names are shortened.
    @Test("tables on a terminal: the whole Oss dossier's relations and activities leave out the ids at 80 and 100 columns; shorter ids stay at 100")
    func idColumnOnATerminal() throws {
        try directory.write("oss.json", try Repository.bytes("data/gemeente-oss.json"))
        for width in [80, 100] {
            // Tall enough for the whole table: its header is its first line.
            let tmux = try TmuxSession.shell(home: directory.path, width: width, height: 90)
            for command in ["relations", "activities"] {
                let screen = try tmux.run("clear; \(binary) --store \(directory.file("oss.json")) \(command); echo KLA\"\"AR", until: "KLAAR")
                let header = try #require(screen.split(separator: "\n").first { $0.contains("NAAM") || $0.contains("TITEL") })
                #expect(!header.contains("ID"), "\(command) at \(width): \(header)")
            }
        }
        let tmux = try TmuxSession.shell(home: directory.path, width: 100, height: 20)
        let screen = try tmux.run("clear; \(binary) --store \(directory.file("oss.json")) relations --status focus; echo KLA\"\"AR", until: "KLAAR")
        let header = try #require(screen.split(separator: "\n").first { $0.contains("NAAM") })
        #expect(header.hasPrefix("ID ") && screen.contains("…"), "\(screen)")
    }

    /// The commands of the README's `sh` blocks under a heading (up to the next), continuation lines joined and
    /// comments dropped; one list per block.
    static func blocks(under heading: String) throws -> [[String]] {
        let readme = String(decoding: try Repository.bytes("README.md"), as: UTF8.self)
        guard let section = readme.range(of: "\n" + heading + "\n") else { return [] }
        let sectionEnd = readme.range(of: "\n## ", range: section.upperBound..<readme.endIndex)?.lowerBound ?? readme.endIndex
        var blocks: [[String]] = []
        var searchFrom = section.upperBound
        while let begin = readme.range(of: "```sh\n", range: searchFrom..<sectionEnd),
              let end = readme.range(of: "```\n", range: begin.upperBound..<sectionEnd) {
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
            blocks.append(commands)
            searchFrom = end.upperBound
        }
        return blocks
    }

    /// The block of commands under "Opdrachten" (after the lines that set up a copy).
    static func commands() throws -> [String] {
        try blocks(under: "## Opdrachten").first { $0.first?.hasPrefix("dossier ") == true } ?? []
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

    /// Runs a line of the README as a shell would, for the forms it uses: steps joined by `&&`, `cp`, `export`,
    /// and `dossier` or `swift run dossier` (the screen itself, without a command, is left out: no terminal
    /// here). `/tmp/proef.json` is a file of this test's folder.
    func interpret(_ line: String, environment: inout [String: String]) throws {
        for step in line.components(separatedBy: " && ") {
            var words = Self.words(step.trimmingCharacters(in: .whitespaces)).map { $0 == "/tmp/proef.json" ? directory.file("proef.json") : $0 }
            if words.starts(with: ["swift", "run"]) { words.removeFirst(2) }
            switch words.first {
            case "cp":
                try FileManager.default.copyItem(atPath: directory.file(words[1]), toPath: words[2])
            case "export":
                let setting = words[1].split(separator: "=", maxSplits: 1).map(String.init)
                environment[setting[0]] = setting[1].replacingOccurrences(of: "/tmp/proef.json", with: directory.file("proef.json"))
            case "dossier":
                let arguments = Array(words.dropFirst())
                guard arguments.contains(where: { !$0.hasPrefix("-") && !$0.hasSuffix(".json") }) else { continue }
                let result = try ProgramRunner(executable: "/bin/sh").run(["-c", "cd \"$0\" && exec \"$@\"", directory.path, binary] + arguments,
                                                                         environment: environment)
                #expect(result.status == 0, "\(line)\n\(result.standardError)")
            default:
                Issue.record("a line of the README this test cannot follow: \(line)")
            }
        }
    }

    @Test("trying on a copy, as the README says: the first block, and the line before the examples, point every command at the copy")
    func tryingOnACopy() throws {
        try FileManager.default.createDirectory(atPath: directory.file("data"), withIntermediateDirectories: true)
        try directory.write("data/gemeente-oss.json", try Repository.bytes("data/gemeente-oss.json"))
        let first = try #require(try Self.blocks(under: "## Eerst proberen, zonder je eigen dossier").first)
        var environment = ["DOSSIER_USER": "adviseur", "DOSSIER_NOW": "2026-11-22T09:00:00Z", "HOME": directory.path]
        for line in first { try interpret(line, environment: &environment) }
        #expect(environment["DOSSIER_STORE"] == directory.file("proef.json"))
        #expect(!FileManager.default.fileExists(atPath: directory.file(".local/share/dossier/dossier.json")), "one's own dossier stays untouched")
        // The examples' own set-up: a fresh copy, and DOSSIER_STORE on it, so they never touch one's own dossier.
        try FileManager.default.removeItem(atPath: directory.file("proef.json"))
        let setUp = try #require(try Self.blocks(under: "## Opdrachten").first)
        #expect(setUp.count == 1 && setUp[0].hasPrefix("cp data/gemeente-oss.json "), "\(setUp)")
        environment = ["HOME": directory.path]
        for line in setUp { try interpret(line, environment: &environment) }
        let store = try #require(environment["DOSSIER_STORE"])
        #expect(try DossierStore(path: store).load() == (try DossierFile.decode(BundledDossier.bytes, file: "bundled")), "a copy of the dossier as shipped")
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
        #expect(mission.followUps.map(\.owner) == ["Kees"], "edit-follow-up, and the second follow-up removed")
        #expect(dossier.relation("oresund-regio") == nil, "added, edited, given a contact and a link, then deleted")
        let log = try DossierStore(path: directory.file("dossier.json")).history()
        #expect(log.contains { $0.summary == "Relatie bewerkt: Øresund Regio" && $0.details.contains("Plaatsen: Malmö, Kopenhagen → Malmö, Lund") })
        #expect(dossier.activity("global-goals-week")?.budgetLine == "global-goals-platform-oss")
    }
}
