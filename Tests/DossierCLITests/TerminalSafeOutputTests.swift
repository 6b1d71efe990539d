import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Escape sequences from a file, a cell, a header, a field name, a file name or an argument never reach
/// the terminal through anything `dossier` prints: tables, details, reports and exports on stdout, and
/// every error message. An OSC 52 sequence (set the clipboard) must not survive anywhere.
@Suite("Terminal-safe output of every command")
struct TerminalSafeOutputTests {
    /// OSC 52 with a BEL, a clear screen, a C1 CSI, a right-to-left override.
    static let hostile = "Evil\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}[2J\u{9B}31m\u{202E}gnp"

    let scratch: ScratchStore
    var directory: TemporaryDirectory { scratch.directory }

    init() throws {
        var dossier = try Fixtures.smallDossier { $0.name = "BOM " + Self.hostile; $0.notes = "Toelichting\n" + Self.hostile }
        var mission = try #require(dossier.activity("missie-lyon"))
        mission.title = "Missie " + Self.hostile
        mission.notes = Self.hostile
        mission.followUps = [FollowUp(text: "Bellen " + Self.hostile, due: Fixtures.date("2026-12-01"))]
        try dossier.apply(.updateActivity(mission), context: Fixtures.context)
        scratch = try ScratchStore(dossier)
    }

    func run(_ arguments: [String], store: String? = nil) throws -> ProgramRunner.Result {
        try scratch.run(arguments, store: store)
    }

    /// Both streams, as bytes: valid UTF-8 and inert.
    func expectInert(_ result: ProgramRunner.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, bytes) in [("stdout", result.standardOutputBytes), ("stderr", result.standardErrorBytes)] {
            let text = String(validating: bytes, as: UTF8.self)
            #expect(text != nil, "\(what): \(name) is not UTF-8", sourceLocation: sourceLocation)
            #expect(isInertForTerminal(text ?? ""), "\(what): \(name) carries a control: \((text ?? "").debugDescription)",
                    sourceLocation: sourceLocation)
            #expect(!(text ?? "").contains("]52;c;SGVsbG8=\u{07}"), sourceLocation: sourceLocation)
        }
    }

    @Test("tables, details, the log, budgets, reports and exports printed to stdout carry no escape sequence")
    func standardOutput() throws {
        // A reason with the sequence, from a file (an argument with a control character is refused, `errorMessages`).
        let reason = String(decoding: { var writer = JSONWriter(); writer.string("Herijking " + Self.hostile); return writer.bytes }(), as: UTF8.self)
        try directory.write("status.jsonl", "{\"type\":\"set-relation-status\",\"relation\":\"bom\",\"status\":\"verkennen\",\"reason\":\(reason)}\n")
        let changed = try run(["apply", directory.file("status.jsonl")])
        #expect(changed.status == 0, "\(changed.standardError)")
        expectInert(changed, "apply")
        // Each command, and what shows that the hostile text was printed visibly rather than dropped
        // (JSON keeps it as a \u escape; nil where the text is not part of the output).
        let commands: [([String], String?)] = [
            (["relations"], "␛]52"), (["relations", "--json"], "\\u001b]52"), (["activities"], "␛]52"), (["activities", "--json"], "\\u001b]52"),
            (["show", "bom"], "␛]52"), (["show", "missie-lyon"], "␛]52"), (["show", "missie-lyon", "--json"], "\\u001b]52"), (["log"], "␛]52"),
            (["log", "bom"], "␛]52"), (["log", "--json"], "\\u001b]52"), (["budget"], nil), (["budget", "--year", "2027"], "␛]52"),
            (["due", "--within", "3650"], "␛]52"), (["due", "--json"], nil), (["report", "--year", "2027"], "␛"),
            (["report", "--year", "2027", "--format", "csv"], "␛]52"), (["report", "--year", "2027", "--format", "html"], nil),
            (["export", "--format", "csv", "--what", "relations"], "␛]52"), (["export", "--format", "csv", "--what", "activities"], "␛]52"),
            (["export", "--format", "csv", "--what", "activities", "--excel"], "␛]52"), (["export", "--format", "csv", "--what", "contacts"], nil),
            (["export", "--format", "csv", "--what", "gesprekspartners"], nil), (["export", "--format", "json"], "\\u001b]52"),
            (["export", "--format", "ics"], nil), (["assess", "missie-lyon", "--answer", "mensenrechten=ja"], "␛]52"),
            (["assess", "missie-lyon", "--json"], "\\u001b]52"), (["validate"], nil),
        ]
        for (command, shown) in commands {
            let result = try run(command)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            expectInert(result, command.joined(separator: " "))
            if let shown { #expect(result.standardOutput.contains(shown), "\(command) does not show the text") }
        }
    }

    @Test("-o writes the exact text: a file is data, not terminal output")
    func filesKeepTheText() throws {
        for (command, file) in [(["export", "--format", "csv", "--what", "activities"], "a.csv"), (["report", "--year", "2027"], "r.md")] {
            let result = try run(command + ["-o", directory.file(file)])
            #expect(result.status == 0)
            #expect(String(decoding: try directory.read(file), as: UTF8.self).contains("Evil\u{1B}"), "\(file)")
        }
    }

    @Test("a zero-width joiner is data: the JSON export on stdout keeps it, as -o does")
    func joinerKeptInDocuments() throws {
        #expect(try run(["add-activity", "--title", "Codeweek 👩\u{200D}💻", "--kind", "overig"]).status == 0)
        let printed = try run(["export", "--format", "json"])
        #expect(try run(["export", "--format", "json", "-o", directory.file("d.json")]).status == 0)
        #expect(printed.standardOutput.contains("\"title\": \"Codeweek 👩\u{200D}💻\""))
        #expect(String(decoding: try directory.read("d.json"), as: UTF8.self).contains("\"title\": \"Codeweek 👩\u{200D}💻\""))
    }

    @Test("an export through stdout (shown inert) imported again changes nothing: a cell as shown is the stored text, not its symbols")
    func shownExportImportsUnchanged() throws {
        let before = try scratch.load()
        let printed = try run(["export", "--format", "csv", "--what", "activities"])
        #expect(printed.standardOutput.contains("Missie Evil␛]52"))
        try directory.write("getoond.csv", printed.standardOutputBytes)
        let dryRun = try run(["import", "activities", directory.file("getoond.csv"), "--dry-run"])
        #expect(dryRun.standardOutput.contains("0 bijgewerkt"), "\(dryRun.standardOutput)\(dryRun.standardError)")
        let imported = try run(["import", "activities", directory.file("getoond.csv")])
        #expect(imported.status == 0 && imported.standardOutput.contains("0 bijgewerkt"), "\(imported.standardOutput)\(imported.standardError)")
        #expect(try scratch.load().activities == before.activities)
        // An edit in such a file is taken as typed; the cells left as shown stay as stored.
        try directory.write("bewerkt.csv", String(decoding: printed.standardOutputBytes, as: UTF8.self)
            .replacingOccurrences(of: "Missie Evil", with: "Missie naar Lyon Evil"))
        let edited = try run(["import", "activities", directory.file("bewerkt.csv")])
        #expect(edited.standardOutput.contains("1 bijgewerkt"), "\(edited.standardOutput)\(edited.standardError)")
        let mission = try #require(try scratch.load().activity("missie-lyon"))
        #expect(mission.title.hasPrefix("Missie naar Lyon Evil␛]52") && mission.notes == Self.hostile, "\(mission.title.debugDescription)")
    }

    @Test("-o onto a terminal (/dev/tty, /dev/stdout on one) is terminal output: shown inert, the title and clipboard untouched")
    func terminalAsFile() throws {
        let home = TemporaryDirectory()
        let tmux = try TmuxSession.shell(home: home.path, width: 200, height: 40)
        try tmux.run("\(ProgramRunner.builtBinary("dossier")) --store \(scratch.path) export --what activities -o /dev/tty; echo EXIT:$?", until: "EXIT:")
        let screen = try tmux.waitFor("EXIT:0")
        #expect(screen.contains("Missie Evil␛]52;c;SGVsbG8=␇␛[2J"), "\(screen)")
        let empty = try run(["export", "--what", "activities", "-o", ""])
        #expect(empty.status == 64 && empty.standardError.contains("-o: leeg"), "\(empty.standardError)")
    }

    @Test("error messages quoting a cell, a header, a field name, a file name or an argument show it inert")
    func errorMessages() throws {
        // CSV import: a header and a cell.
        // (Comma-separated: the sequence holds semicolons, which would make it more than one cell.)
        try directory.write("kop.csv", "titel,soort,\(Self.hostile)\r\nBeurs,beurs,x\r\n")
        try directory.write("cel.csv", "titel,soort\r\nBeurs,\(Self.hostile)\r\n")
        // A file whose name carries the sequence.
        let hostileFile = directory.file("naam" + Self.hostile.replacingOccurrences(of: "/", with: "") + ".csv")
        try Data("titel;soort\r\nBeurs;onbekend\r\n".utf8).write(to: URL(fileURLWithPath: hostileFile))
        // apply: a field name; a proposal: a kind.
        let escapedHostile = String(decoding: { var writer = JSONWriter(); writer.string(Self.hostile); return writer.bytes }(), as: UTF8.self)
        try directory.write("wijzigingen.jsonl", "{\"type\":\"delete-relation\",\(escapedHostile):1}\n")
        try directory.write("voorstel.json", "{\"activity\": {\"title\": \"x\", \"kind\": \(escapedHostile), \"organiser\": \"gemeente\"}}")
        // A dossier file with an unknown field, for load and validate.
        let damaged = String(decoding: Fixtures.smallDossier().encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\"title\": \"Testdossier\"", with: "\"title\": \"Testdossier\", \(escapedHostile): 1")
        let damagedPath = directory.file("kapot" + "\u{1B}]52;c;SGVsbG8=\u{07}" + ".json")
        try Data(damaged.utf8).write(to: URL(fileURLWithPath: damagedPath))
        try directory.write("kapot.json", damaged)
        // Text with a right-to-left override but no control character: an argument may carry it (one with a control
        // character is refused before anything is read, with the argument shown inert).
        let bidi = "Evil\u{202E}gnp"
        let bidiFile = directory.file("naam" + bidi + ".csv")
        try Data("titel;soort\r\nBeurs;onbekend\r\n".utf8).write(to: URL(fileURLWithPath: bidiFile))
        let bidiDamaged = directory.file("kapot" + bidi + ".json")
        try Data(damaged.utf8).write(to: URL(fileURLWithPath: bidiDamaged))
        let refused = "bevat een stuurteken (zoals ESC of een bel)"

        let cases: [(arguments: [String], store: String?, expected: String)] = [
            (["import", "activities", directory.file("kop.csv")], nil, "onbekende kolom"),
            (["import", "activities", directory.file("cel.csv")], nil, "onbekende soort activiteit 'Evil␛]52"),
            (["import", "activities", hostileFile], nil, refused),
            (["import", "activities", bidiFile], nil, "onbekende soort activiteit 'onbekend'"),
            (["import", "activities", directory.file("ontbreekt" + bidi + ".csv")], nil, "bestaat niet"),
            (["apply", directory.file("wijzigingen.jsonl")], nil, "onbekend veld 'Evil␛]52"),
            (["assess", "--what-if", directory.file("voorstel.json")], nil, "onbekende soort activiteit 'Evil␛]52"),
            (["relations"], directory.file("kapot.json"), "onbekend veld 'Evil␛]52"),
            (["relations"], damagedPath, refused),
            (["validate", damagedPath], nil, refused),
            (["validate", bidiDamaged], nil, "onbekend veld 'Evil␛]52"),
            (["show", Self.hostile], nil, refused),
            (["relations", "--kind", bidi], nil, "onbekende soort relatie 'Evil"),
            (["relations", "--kind", Self.hostile], nil, "argument 3 ('Evil␛]52;c;SGVsbG8=␇␛[2J"),
            (["show", bidi], nil, "'Evil"),
            (["add-activity", "--title", "x", "--kind", "beurs", "--date", bidi], nil, "'Evil"),
            (["relations", "--" + Self.hostile], nil, refused),
            (["relations", "--" + bidi], nil, "--Evil"),
            (["add-activity", "--title", "x", "--kind", "beurs", "--date", Self.hostile], nil, refused),
        ]
        for (arguments, store, expected) in cases {
            let result = try run(arguments, store: store)
            #expect(result.status != 0, "\(arguments)")
            expectInert(result, arguments.joined(separator: " "))
            #expect(result.standardError.contains(expected), "\(arguments): \(result.standardError)")
        }
    }
}
