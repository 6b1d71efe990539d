import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// swift-argument-parser's errors and the standard flags' help, in Dutch, with the usage of the command typed.
@Suite("Argument errors in Dutch")
struct ParserMessageTests {
    let scratch: ScratchStore

    init() throws {
        scratch = try ScratchStore()
    }

    /// No English framing or causes of the library may reach the user.
    static let english = ["Error:", "Usage:", "Help:", "Missing", "Unknown option", "Unexpected argument", "is invalid", "Please provide",
                          "for more information", "does not take any value", "Did you mean", "<subcommand>", "<options>"]

    @Test("each kind of mistake: a Dutch cause, the usage of the command that was typed, exit 64", arguments: [
        (["show"], "dossier: '<id of naam>' ontbreekt; die is verplicht", "Gebruik: dossier show "),
        // A name beginning with a dash is read as an option: -- before it names it.
        (["show", "-Beurs Lyon"], "dossier: '<id of naam>' ontbreekt: '-Beurs Lyon' begint met een streepje en is gelezen als optie; "
         + "zet er -- voor (-- '-Beurs Lyon') of gebruik de id", "Gebruik: dossier show "),
        (["log-visit", "--relation", "taizhou"], "dossier: '--date <datum>' ontbreekt; die is verplicht", "Gebruik: dossier log-visit [<opties>] --relation <id> ... --date <datum>"),
        (["budget", "--year", "abc"], "dossier: 'abc' is geen geldige waarde voor '--year <jaar>'", "Gebruik: dossier budget "),
        (["relations", "--sort"], "dossier: '--sort <volgorde>' zonder waarde: geef er een waarde bij (begint die met een streepje, schrijf dan --sort=\"-…\")",
         "Gebruik: dossier relations "),
        (["add-activity", "--title", "-Streepje", "--kind", "beurs"],
         "dossier: '--title <tekst>' zonder waarde: geef er een waarde bij (begint die met een streepje, schrijf dan --title=\"-…\")",
         "Gebruik: dossier add-activity "),
        // A negative number after an option is taken for an option by the library: what is wrong is that it is negative.
        (["add-activity", "--title", "Beurs", "--kind", "beurs", "--cost", "-5"], "dossier: --cost: een bedrag kan niet negatief zijn ('-5')",
         "Gebruik: dossier add-activity "),
        (["move", "missie-lyon", "uitgevoerd", "--actual-cost", "-12,50"], "dossier: --actual-cost: een bedrag kan niet negatief zijn ('-12,50')",
         "Gebruik: dossier move "),
        // Another number: said to be negative.
        (["log-visit", "--relation", "taizhou", "--date", "1-3-2027", "--direction", "inkomend", "--delegation", "X", "--size", "-3"],
         "dossier: --size: '-3' is negatief; dat kan hier niet", "Gebruik: dossier log-visit "),
        // A forgotten value stays a forgotten value: the next option is not taken for it.
        (["add-activity", "--title", "Beurs", "--kind", "beurs", "--cost", "--notes", "x"],
         "dossier: '--cost <bedrag>' zonder waarde: geef er een waarde bij (begint die met een streepje, schrijf dan --cost=\"-…\")",
         "Gebruik: dossier add-activity "),
        // Two letters are too few to guess from (-d could be --date, --decision, --direction …).
        (["add-activity", "--title", "Beurs", "--kind", "beurs", "-d", "1-1-2027"], "dossier: onbekende optie '-d'", "Gebruik: dossier add-activity "),
        (["export", "-o", "a.json", "-o", "b.json"],
         "dossier: -o is meer dan eens gegeven, maar neemt één waarde (alleen de laatste zou gelden); geef haar één keer", "Gebruik: dossier export "),
        (["relations", "--stauts", "focus"], "dossier: onbekende optie '--stauts'; bedoelde u '--status'?", "Gebruik: dossier relations "),
        // An optional amount read as an option: said as negative, not as missing.
        (["set-budget", "internationalisering", "2028", "-5", "--decision", "x"], "dossier: bedrag: een bedrag kan niet negatief zijn ('-5')",
         "Gebruik: dossier set-budget "),
        (["export", "--what", "relation"], "dossier: --what: bedoelde u 'relations'? Kies uit relations, activities, contacts of gesprekspartners",
         "Gebruik: dossier export "),
        // An empty filter (an unset variable in a script) would list everything.
        (["activities", "--country", ""], "dossier: --country: leeg; noem een land, of laat --country weg voor alle landen", "Gebruik: dossier activities "),
        (["log-visit", "--date", "1-3-2027", "--direction", "inkomend", "--delegation", "X"], "dossier: '--relation <id> ...' ontbreekt; die is verplicht",
         "Gebruik: dossier log-visit [<opties>] --relation <id> ... --date <datum>"),
        // A word people use for an option that is called otherwise, not the nearest spelling (--what, --store).
        (["add-follow-up", "missie-lyon", "--what", "Verslag", "--who", "kees"], "dossier: onbekende optie '--who'; bedoelde u '--owner'?",
         "Gebruik: dossier add-follow-up "),
        (["delete", "missie-lyon", "--force"], "dossier: onbekende optie '--force'; bedoelde u '--yes'?", "Gebruik: dossier delete "),
        (["log", "--from", "1-1-2026"], "dossier: onbekende optie '--from'; bedoelde u '--since'?", "Gebruik: dossier log "),
        // A mistyped option where a required one is missing: the typo is what is wrong.
        (["add-contact", "taizhou", "--naam", "Piet"], "dossier: onbekende optie '--naam'; bedoelde u '--name'? ('--name <naam>' ontbreekt)",
         "Gebruik: dossier add-contact "),
        // Two names of one option (the add commands also take edit's names): the first value would be lost.
        (["add-activity", "--title", "Beurs", "--kind", "beurs", "--date", "1-5-2027", "--start-date", "2-5-2027"],
         "dossier: --date en --start-date zijn dezelfde optie, die één waarde neemt (alleen de laatste zou gelden); geef haar één keer",
         "Gebruik: dossier add-activity "),
        (["add-relation", "--name", "X", "--kind", "regio", "--sectors", "farma", "--sector", "zorg"],
         "dossier: --sectors en --sector zijn dezelfde optie, die één waarde neemt (alleen de laatste zou gelden); geef haar één keer",
         "Gebruik: dossier add-relation "),
        (["add-activity", "--title", "Beurs", "--kind", "beurs", "--kosten", "500"], "dossier: onbekende optie '--kosten'; bedoelde u '--cost'?",
         "Gebruik: dossier add-activity "),
        // The entrepreneurs are --entrepreneurs or --ondernemers (the field's name, as edit has it) where an activity is added.
        (["add-activity", "--title", "Beurs", "--kind", "beurs", "--ondernemer", "Jan"], "dossier: onbekende optie '--ondernemer'; bedoelde u '--ondernemers'?",
         "Gebruik: dossier add-activity "),
        // A mistyped general option is named as such, not the path after it as a command.
        (["--stor", "x.json", "relations"], "dossier: onbekende optie '--stor'; bedoelde u '--store'?", "Gebruik: dossier [--store <pad>]"),
        (["relations", "--blah"], "dossier: onbekende optie '--blah'", "Gebruik: dossier relations "),
        (["relations", "-x"], "dossier: onbekende optie '-x'", "Gebruik: dossier relations "),
        (["relations", "extra"], "dossier: onverwacht argument 'extra'", "Gebruik: dossier relations "),
        (["relations", "--json=3"], "dossier: de optie '--json' neemt geen waarde, maar kreeg '3'", "Gebruik: dossier relations "),
        (["relatoins"], "dossier: onbekende opdracht 'relatoins'; bedoelde u 'relations'?", "Gebruik: dossier [--store <pad>] [--read-only] <opdracht>"),
        (["frobnicate"], "dossier: onbekende opdracht 'frobnicate' (dossier --help noemt ze alle)", "Gebruik: dossier [--store <pad>]"),
        (["help", "relatons"], "dossier: onbekende opdracht 'relatons'; bedoelde u 'relations'?", "Gebruik: dossier help <opdracht>"),
        // An unknown command with words or options after it: the command is what is wrong, not the option the library names.
        (["edit-activity", "missie-lyon", "--cost", "5"], "dossier: onbekende opdracht 'edit-activity'; bedoelde u 'edit'?",
         "Gebruik: dossier [--store <pad>]"),
        (["--store", "x.json", "relatoins", "--json"], "dossier: onbekende opdracht 'relatoins'; bedoelde u 'relations'?", "Gebruik: dossier [--store <pad>]"),
        (["list"], "dossier: onbekende opdracht 'list'; bedoelde u 'relations' of 'activities'?", "Gebruik: dossier [--store <pad>]"),
        (["--read-only", "help", "relatons"], "dossier: onbekende opdracht 'relatons'; bedoelde u 'relations'?", "Gebruik: dossier help <opdracht>"),
        // A value the command's own parser refuses (the core's one date parser): the same framing.
        (["set-status", "taizhou", "laag-pitje", "--reason", "x", "--review-date", "abc"],
         "dossier: --review-date: 'abc' is geen datum; gebruik 12-3-2025, 12 maart 2025, vandaag, morgen, +14, +2w, over 3 weken of vrijdag", "Gebruik: dossier set-status "),
        // A date counted back from today after a space reads as an option: said how to write it.
        (["agenda", "--from", "-7"], "dossier: --from -7 wordt gelezen als een optie; schrijf --from=-7, of --from '7 dagen geleden'", "Gebruik: dossier agenda "),
    ])
    func mistakes(arguments: [String], cause: String, usage: String) throws {
        let result = try scratch.run(arguments)
        #expect(result.status == 64)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == cause, "\(result.standardError)")
        #expect(lines.contains { $0.hasPrefix(usage) }, "\(result.standardError)")
        let command = arguments.first.map { ["relatoins", "frobnicate", "help", "--read-only", "edit-activity", "--store", "list", "--stor"].contains($0) ? "" : " \($0)" } ?? ""
        #expect(lines.last == "  Zie 'dossier\(command) --help' voor meer uitleg.")
        for word in Self.english { #expect(!result.standardError.contains(word), "'\(word)' in \(result.standardError)") }
        #expect(result.standardOutput.isEmpty)
    }

    @Test("an option that takes one value, given twice, is refused (the parser would keep the last); a repeatable one is not")
    func optionGivenTwice() throws {
        let before = try scratch.load()
        let twice = try scratch.run(["add-activity", "--title", "Beurs A", "--kind", "beurs", "--title=Beurs B", "--notes", "x"])
        #expect(twice.status == 64)
        #expect(twice.standardError.hasPrefix("dossier: --title is meer dan eens gegeven, maar neemt één waarde (alleen de laatste zou gelden); geef haar één keer\n"),
                "\(twice.standardError)")
        #expect(twice.standardError.contains("Gebruik: dossier add-activity "))
        let two = try scratch.run(["add-follow-up", "x", "--what", "a", "--owner", "b", "--what", "c", "--owner", "d"])
        #expect(two.standardError.hasPrefix("dossier: --what en --owner zijn meer dan eens gegeven"), "\(two.standardError)")
        #expect(try scratch.load() == before, "nothing was saved")
        // --country may be given more than once.
        let countries = try scratch.run(["add-activity", "--title", "Beurs C", "--kind", "beurs", "--country", "DE", "--country", "FR"])
        #expect(countries.status == 0, "\(countries.standardError)")
        #expect(try scratch.load().activities.last?.countries.map(\.code) == ["DE", "FR"])
    }

    @Test("dashes where no option can be ('---', '-=x') are said in Dutch; help and mistakes in a terminal too narrow for the parser's layout never trap")
    func oddDashesAndNarrowTerminals() throws {
        for arguments in [["show", "---"], ["relations", "-=x"], ["add-follow-up", "missie-lyon", "--what", "---"]] {
            let result = try scratch.run(arguments)
            #expect(result.status == 64)
            #expect(result.standardError.hasPrefix("dossier: '\(arguments.last ?? "")' is geen optie"), "\(result.standardError)")
            for word in Self.english { #expect(!result.standardError.contains(word), "'\(word)' in \(result.standardError)") }
        }
        for columns in ["26", "0", "-1"] {
            let help = try scratch.run(["relations", "--help"], environment: ["COLUMNS": columns])
            #expect(help.status == 0 && help.standardOutput.contains("GEBRUIK: dossier relations"), "COLUMNS=\(columns): \(help.standardError)")
            let wrong = try scratch.run(["relations", "--bogus"], environment: ["COLUMNS": columns])
            #expect(wrong.status == 64 && wrong.standardError.hasPrefix("dossier: onbekende optie '--bogus'"), "COLUMNS=\(columns): \(wrong.standardError)")
        }
    }

    @Test("a missing argument explains it in the line Uitleg")
    func explanation() throws {
        let result = try scratch.run(["show"])
        #expect(result.standardError.contains("Uitleg: <id of naam>  De id of naam van een relatie of activiteit"))
    }

    @Test("--help: the standard flags and the headings in Dutch, for the root and for a command", arguments: [[], ["set-status"], ["log-visit"]])
    func help(command: [String]) throws {
        let result = try scratch.run(command + ["--help"])
        #expect(result.status == 0)
        let help = result.standardOutput
        #expect(help.contains("-h, --help              Toon deze uitleg."))
        #expect(help.contains("GEBRUIK: dossier"))
        #expect(help.contains("OPTIES:"))
        for word in ["Show help information", "Show the version", "OVERVIEW:", "USAGE:", "OPTIONS:", "SUBCOMMANDS:", "ARGUMENTS:", "<subcommand>",
                     "(default:", "for detailed help"] {
            #expect(!help.contains(word), "'\(word)' in help of \(command)")
        }
        if command.isEmpty {
            #expect(help.contains("--version               Toon het versienummer."))
            #expect(help.contains("OPDRACHTEN:"))
            #expect(help.contains("  Zie 'dossier help <opdracht>' voor de uitleg van één opdracht."))
        }
    }

    @Test("mistakes at the root: the version asked as a command, a completion script for a shell it has none for", arguments: [
        // The version is an option; the nearest command by spelling would be 'person'.
        (["version"], "dossier: onbekende opdracht 'version'; bedoelde u 'dossier --version'?"),
        (["--generate-completion-script", "powershell"],
         "dossier: voor 'powershell' maakt dossier geen aanvulscript; kies een van: zsh bash fish (--generate-completion-script=bash)"),
    ])
    func rootMistakes(arguments: [String], cause: String) throws {
        let result = try scratch.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.split(separator: "\n").first.map(String.init) == cause, "\(result.standardError)")
        for word in Self.english { #expect(!result.standardError.contains(word), "'\(word)' in \(result.standardError)") }
    }

    @Test("the help of the help command is Dutch too")
    func helpOfHelp() throws {
        let result = try scratch.run(["help", "help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("OVERZICHT: Toon de uitleg van een opdracht"), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("subcommand"), "\(result.standardOutput)")
    }

    @Test("completion scripts and the help for the manual carry the Dutch help of the standard flags")
    func completionAndManual() throws {
        let zsh = try scratch.run(["--generate-completion-script", "zsh"])
        #expect(zsh.status == 0)
        #expect(zsh.standardOutput.contains("Toon deze uitleg."))
        #expect(!zsh.standardOutput.contains("Show help information"))
        let dump = try scratch.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        #expect(dump.standardOutput.contains("Toon het versienummer."))
        #expect((try? JSONSerialization.jsonObject(with: Data(dump.standardOutput.utf8))) != nil, "still JSON")
    }

    @Test("apply --help keeps its sentences together and its example line whole")
    func applyHelp() throws {
        let lines = try scratch.run(["apply", "--help"]).standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains(#"{"type":"set-relation-status","relation":"bom","status":"verkennen","reason":"herijking"}"#))
        // Wrapped at 80 columns at spaces: no line is a lone word of a sentence cut off by the example.
        for line in lines where !line.isEmpty && !line.hasPrefix("{") {
            #expect(line.count > 12 || line.hasSuffix(".") || line.hasSuffix(":"), "a stray fragment: '\(line)'")
        }
    }

    @Test("every example in a command's help stands whole at 80 columns: continued with \\, quotes closed, no cut-off tail")
    func examplesStandWhole() throws {
        let root = try scratch.run(["--help"]).standardOutput
        // The commands, from the root's list: two spaces, a name, then its description.
        let commands = root.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.dropFirst(2).split(separator: " ").first,
                  name.allSatisfy({ $0.isLowercase || $0 == "-" }) else { return nil }
            return String(name)
        }
        #expect(commands.count > 25, "\(commands)")
        var examples = 0
        for command in commands {
            let lines = try scratch.run([command, "--help"]).standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() where line.hasPrefix("  dossier ") || (line.hasPrefix("      -") && index > 0 && lines[index - 1].hasSuffix("\\")) {
                examples += 1
                #expect(line.count <= 78, "\(command): '\(line)'")
                #expect(line.filter { $0 == "\"" }.count % 2 == 0, "\(command): a quote left open, the line was cut: '\(line)'")
                guard index + 1 < lines.count, !line.hasSuffix("\\") else { continue }
                // A tail cut off an example starts at the margin with what an example holds; prose starts with a capital.
                let next = lines[index + 1]
                #expect(next.isEmpty || next.hasPrefix(" ") || next.first?.isUppercase == true, "\(command): a cut-off tail: '\(next)'")
            }
        }
        #expect(examples > 10)
    }
}
