import DossierCore

/// swift-argument-parser's own texts in Dutch. Its errors ("Missing expected argument", "Unknown option" …),
/// their framing ("Error:", "Help:", "Usage:", "See … for more information.") and the help of the standard
/// flags are fixed English strings inside the library; they are translated here, line by line, on their way
/// to `Output`. A line that matches no known form is left as it is.
enum ParserMessages {
    /// An error as the library framed it: "dossier: …" with the cause in Dutch, "Uitleg:", "Gebruik:", "Zie …".
    /// `subcommands`: the names an unknown command is compared with for a suggestion; `options`: the options of the
    /// command at a path of subcommand names (`CommandOptions`), which an unknown option is compared with.
    /// `arguments`: what was typed, for a value the library took for an option (`--cost -5`).
    static func error(_ message: String, subcommands: [String] = [], options: ([String]) -> [String]? = { _ in nil },
                      arguments: [String] = []) -> String {
        var message = message
        // The one error the library writes over three lines: made one, as the others are.
        if let match = message.firstMatch(of: /(Can't generate completion scripts for '.*'\.)\n(Please use [^\n]*)\n\s*([^\n]+)/) {
            message.replaceSubrange(match.range, with: "\(match.1) \(match.2) \(match.3)")
        }
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // "See 'dossier --help'": the error is about the root command, so a stray word is an unknown command.
        let isRoot = lines.contains { $0.hasPrefix("  See 'dossier --help'") || $0.hasPrefix("  See 'dossier -h'") }
        // `dossier edit-activity x --cost 5`: the library names the option or the words after the command it did not
        // know; what is wrong is the command.
        let strayCommand = isRoot ? commandWord(arguments).flatMap { subcommands.contains($0) ? nil : $0 } : nil
        // "See 'dossier add-follow-up --help'": the command whose options an unknown one is compared with.
        let path = lines.lazy.compactMap { $0.wholeMatch(of: #/  See 'dossier ?(.*) --help' for more information\./#) }.first
            .map { $0.1.split(separator: " ").map(String.init) }
        return lines.map { line in
            if line.hasPrefix("Error: "), let strayCommand { return "dossier: " + unknownCommand(strayCommand, subcommands: subcommands) }
            if line.hasPrefix("Error: ") {
                return "dossier: " + cause(String(line.dropFirst(7)), isRoot: isRoot, subcommands: subcommands, options: { path.flatMap(options) },
                                           arguments: arguments)
            }
            if line.hasPrefix("Help:  ") { return "Uitleg: " + line.dropFirst(7) }
            if line.hasPrefix("Usage: ") { return "Gebruik: " + placeholders(String(line.dropFirst(7))) }
            if line.hasPrefix("  See '"), line.hasSuffix("' for more information.") {
                return "  Zie '" + line.dropFirst(7).dropLast("' for more information.".count) + "' voor meer uitleg."
            }
            return line
        }.joined(separator: "\n")
    }

    /// "onbekende opdracht 'relatons'; bedoelde u 'relations'?": a word people use for a command first (`edit-activity`
    /// is `edit`, which the nearest spelling, `add-activity`, is not), else the nearest spelling.
    static func unknownCommand(_ word: String, subcommands: [String]) -> String {
        // The version is an option, not a command (nor "person", the nearest spelling).
        if ["version", "versie"].contains(word.lowercased()) { return "onbekende opdracht '\(word)'; bedoelde u 'dossier --version'?" }
        let known = commandSynonyms[word.lowercased(), default: []].filter(subcommands.contains)
        let meant = known.isEmpty ? Spelling.closest(to: word, in: subcommands).map { [$0] } : known
        let suggestion = meant.map { "; bedoelde u " + $0.map { "'\($0)'" }.joined(separator: " of ") + "?" } ?? " (dossier --help noemt ze alle)"
        return "onbekende opdracht '\(word)'\(suggestion)"
    }

    /// The word in the place of the command: the first one after the general options (`--store PAD`, `--store=PAD`,
    /// `--read-only`); nil when something else comes first (a mistyped option is the library's to name).
    static func commandWord(_ arguments: [String]) -> String? {
        commandAndAfter(arguments)?.first
    }

    /// The arguments from the command's place on.
    static func commandAndAfter(_ arguments: [String]) -> ArraySlice<String>? {
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("-") {
            switch first {
            case "--store": rest = rest.dropFirst(2)
            case "--read-only": rest = rest.dropFirst()
            case _ where first.hasPrefix("--store="): rest = rest.dropFirst()
            default: return nil
            }
        }
        return rest
    }

    /// Words typed for a command that is called otherwise, with the commands they may mean.
    static let commandSynonyms: [String: [String]] = [
        "edit-activity": ["edit"], "edit-relation": ["edit"], "wijzig": ["edit"], "bewerk": ["edit"], "update": ["edit"], "set": ["edit"],
        "remove": ["delete"], "rm": ["delete"], "del": ["delete"], "delete-activity": ["delete"], "delete-relation": ["delete"],
        "remove-activity": ["delete"], "remove-relation": ["delete"], "verwijder": ["delete"],
        "add-visit": ["log-visit"], "visit": ["log-visit"], "bezoek": ["log-visit"], "visits": ["activities"],
        "status": ["set-status", "move"], "set-activity-status": ["move"], "move-activity": ["move"],
        "list": ["relations", "activities"], "ls": ["relations", "activities"], "lijst": ["relations", "activities"], "relaties": ["relations"], "activiteiten": ["activities"],
        "view": ["show"], "toon": ["show"], "get": ["show"],
        "new": ["add-relation", "add-activity"], "add": ["add-relation", "add-activity"], "create": ["add-relation", "add-activity"],
        "add-contact-person": ["add-contact"], "add-followup": ["add-follow-up"], "follow-up": ["add-follow-up"], "todo": ["add-follow-up", "due"],
        "history": ["log"], "logboek": ["log"], "weigh": ["assess"], "afweging": ["assess"],
        "check": ["validate"], "csv": ["export", "import"], "calendar": ["agenda"], "ical": ["export"],
    ]

    /// What a successful exit prints: help, a version, a completion script, the help as JSON (for the man
    /// pages). The standard flags' help is Dutch everywhere; help text also gets Dutch headings.
    static func output(_ text: String) -> String {
        var text = text
        for (english, dutch) in standardFlags { text = text.replacing(english, with: dutch) }
        guard text.hasPrefix("OVERVIEW:") || text.hasPrefix("USAGE:") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for (english, dutch) in headings where line.hasPrefix(english) {
                return dutch + placeholders(String(line.dropFirst(english.count)))
            }
            if let match = line.wholeMatch(of: #/  See '(.+) <subcommand>' for detailed help\./#) {
                return "  Zie '\(match.1) <opdracht>' voor de uitleg van één opdracht."
            }
            if line == "  <subcommands>" { return "  <opdrachten>" }
            // The library wraps its "(default: …)" too, so the word may end a line.
            return String(line).replacing("(default:", with: "(standaard:")
        }.joined(separator: "\n")
    }

    static let standardFlags = [("Show the version.", "Toon het versienummer."), ("Show help information.", "Toon deze uitleg."),
                                ("Show subcommand help information.", "Toon de uitleg van een opdracht (zoals dossier OPDRACHT --help).")]

    static let headings = [("OVERVIEW:", "OVERZICHT:"), ("USAGE:", "GEBRUIK:"), ("ARGUMENTS:", "ARGUMENTEN:"), ("OPTIONS:", "OPTIES:"),
                           ("SUBCOMMANDS:", "OPDRACHTEN:")]

    /// The library's placeholders in a usage line.
    static func placeholders(_ usage: String) -> String {
        usage.replacing("<subcommands>", with: "<opdrachten>").replacing("<subcommand>", with: "<opdracht>").replacing("[<options>]", with: "[<opties>]")
    }

    /// The cause of an error, in Dutch.
    static func cause(_ text: String, isRoot: Bool, subcommands: [String], options: () -> [String]? = { nil }, arguments: [String] = []) -> String {
        if let match = text.wholeMatch(of: /Missing expected argument '(.+)'/) {
            // `add-contact taizhou --naam Piet`: the library misses --name before it looks at --naam; the typo is the cause.
            // Up to `--`, after which everything is an argument.
            let given = arguments.prefix { $0 != "--" }
            if let known = options(), let typed = given.first(where: { $0.hasPrefix("--") && !known.contains(String($0.prefix { $0 != "=" })) }) {
                let option = String(typed.prefix { $0 != "=" })
                return "onbekende optie '\(option)'" + (suggestedOption(for: option, among: known).map { "; bedoelde u '\($0)'?" } ?? "")
                    + " ('\(match.1)' ontbreekt)"
            }
            // `show "-Fair"`: a name that begins with a dash is read as an option, so the argument seems missing.
            if match.1.hasPrefix("<"), let dashed = given.first(where: { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.count > 2 }) {
                return "'\(match.1)' ontbreekt: \(ShellWord.quoted(dashed)) begint met een streepje en is gelezen als optie; "
                    + "zet er -- voor (-- \(ShellWord.quoted(dashed))) of gebruik de id"
            }
            return "'\(match.1)' ontbreekt; die is verplicht"
        }
        if let match = text.wholeMatch(of: /Missing one of: (.+)/) {
            return "een van deze ontbreekt: \(match.1)"
        }
        if let match = text.wholeMatch(of: /Missing value for '(.+)'/) {
            // A value that starts with a dash (-5, "- eerste punt") is read as an option, unless it is joined with '='.
            let option = String(match.1.prefix { $0 != " " })
            // A date counted back from today (-7, -2w): meant, but read as an option; said how to write it.
            if match.1.hasSuffix("<datum>"), let place = arguments.firstIndex(of: option), place + 1 < arguments.count,
               let back = arguments[place + 1].wholeMatch(of: /-([1-9][0-9]{0,2})([dwmj]?)/) {
                let count = Int(back.1) ?? 0
                let unit = switch back.2 {
                case "w": count == 1 ? "week" : "weken"
                case "m": count == 1 ? "maand" : "maanden"
                case "j": "jaar"
                default: count == 1 ? "dag" : "dagen"
                }
                return "\(option) \(back.0) wordt gelezen als een optie; schrijf \(option)=\(back.0), of \(option) '\(count) \(unit) geleden'"
            }
            // A negative number after it: the library read it as an option; what is wrong is that it is negative.
            if let place = arguments.indices.first(where: { arguments[$0] == option && $0 + 1 < arguments.count
                                                       && arguments[$0 + 1].wholeMatch(of: /-[0-9][0-9.,]*/) != nil }) {
                let value = arguments[place + 1]
                // An amount is refused in the words the amount's own reader uses (as for --cost=-5).
                return match.1.hasSuffix("<bedrag>") ? "\(option): een bedrag kan niet negatief zijn ('\(value)')" : "\(option): '\(value)' is negatief; dat kan hier niet"
            }
            return "'\(match.1)' zonder waarde: geef er een waarde bij (begint die met een streepje, schrijf dan \(option)=\"-…\")"
        }
        if let match = text.wholeMatch(of: /Unknown option '(.+?)'(?:\. Did you mean '(.+)'\?)?/) {
            let typed = String(match.1)
            let suggestion = options().map { suggestedOption(for: typed, among: $0) } ?? match.2.map(String.init)
            return "onbekende optie '\(typed)'" + (suggestion.map { "; bedoelde u '\($0)'?" } ?? "")
        }
        if let match = text.wholeMatch(of: /Unexpected argument '(.+)'/) {
            let word = String(match.1)
            guard isRoot, !word.hasPrefix("-") else { return "onverwacht argument '\(word)'" }
            return unknownCommand(word, subcommands: subcommands)
        }
        if let match = text.wholeMatch(of: /(\d+) unexpected arguments: (.+)/) {
            return "\(match.1) onverwachte argumenten: \(match.2)"
        }
        if let match = text.wholeMatch(of: /The value '(.*)' is invalid for '(.+?)'(.*)/) {
            return "'\(match.1)' is geen geldige waarde voor '\(match.2)'" + choices(String(match.3))
        }
        if let match = text.wholeMatch(of: /The value '(.*)' is invalid\.(.*)/) {
            return "'\(match.1)' is geen geldige waarde" + choices(String(match.2))
        }
        if let match = text.wholeMatch(of: /The option '(.+)' does not take any value, but '(.*)' was specified\./) {
            return "de optie '\(match.1)' neemt geen waarde, maar kreeg '\(match.2)'"
        }
        if let match = text.wholeMatch(of: /Value to be set with flag (.+) had already been set with flag (.+)/) {
            return "\(match.1) zet wat \(match.2) al zette: geef er één"
        }
        // `---`, `-=x`: dashes where no option can be; a value that begins so is written with = (`--what=---`).
        if let match = text.wholeMatch(of: /Invalid option: (.+)/) {
            return "'\(match.1)' is geen optie (een waarde die met een streepje begint, schrijf je met = aan haar optie vast: --optie=\"\(match.1)\")"
        }
        if text == "Missing required subcommand." { return "er ontbreekt een opdracht" }
        if let match = text.wholeMatch(of: /Can't generate completion scripts for '(.*)'\. Please use --generate-completion-script=<shell> with one of: (.+)/) {
            return "voor '\(match.1)' maakt dossier geen aanvulscript; kies een van: \(match.2) (--generate-completion-script=bash)"
        }
        return text
    }

    /// The option of the command that an unknown one most likely meant: a word people use for it (`--who` for
    /// `--owner`, which the parser's own guess, the nearest spelling, takes for `--what`), else the nearest spelling
    /// among the command's own options (never the general `--help` or `--version`).
    static func suggestedOption(for typed: String, among options: [String]) -> String? {
        if let meant = synonyms[typed.lowercased()]?.first(where: options.contains) { return meant }
        // Two letters or fewer (`-d`, `--to`) are close to too many names to guess from.
        let word = String(typed.drop { $0 == "-" })
        guard word.count >= 3 else { return nil }
        let own = options.filter { $0.hasPrefix("--") && !["--help", "--version"].contains($0) }
        return Spelling.closest(to: word, in: own.map { String($0.dropFirst(2)) }).map { "--" + $0 }
    }

    /// Words typed for an option that is called otherwise, with the options they may mean (the first one the command
    /// has is suggested).
    static let synonyms: [String: [String]] = [
        "--who": ["--owner"], "--wie": ["--owner"], "--by": ["--owner"], "--door": ["--owner"], "--eigenaar": ["--owner"],
        "--force": ["--yes"], "--ja": ["--yes"],
        "--type": ["--kind", "--what"], "--soort": ["--kind"], "--wat": ["--what"],
        "--tel": ["--phone"], "--telefoon": ["--phone"], "--mail": ["--email"], "--e-mail": ["--email"],
        "--file": ["--path"], "--bestand": ["--path"], "--link": ["--url", "--path"], "--omschrijving": ["--label"],
        "--start": ["--date", "--from"], "--start-date": ["--date"], "--begin": ["--date", "--from"], "--datum": ["--date", "--due"],
        "--end": ["--end-date", "--to"], "--eind": ["--end-date", "--to"], "--einddatum": ["--end-date"],
        "--until": ["--to"], "--tot": ["--to"], "--deadline": ["--due"],
        "--from": ["--since"], "--since": ["--from", "--since"], "--van": ["--from", "--since"], "--vanaf": ["--from", "--since"], "--sinds": ["--since", "--from"],
        "--review": ["--review-date"], "--herijking": ["--review-date"],
        "--name": ["--title"], "--naam": ["--name", "--title"], "--titel": ["--title"],
        "--city": ["--places"], "--place": ["--places"], "--plaats": ["--places"], "--land": ["--country"], "--sector": ["--sectors"],
        "--org": ["--organiser", "--organisation"], "--organisatie": ["--organisation", "--organiser"],
        "--note": ["--notes"], "--toelichting": ["--notes"], "--reden": ["--reason"], "--besluit": ["--decision"],
        "--kosten": ["--cost", "--estimated-cost", "--actual-cost"], "--estimated-cost": ["--cost"], "--cost": ["--actual-cost"],
        "--bedrag": ["--cost", "--estimated-cost", "--actual-cost"], "--relatie": ["--relation"],
        "--jaar": ["--year"], "--richting": ["--direction"],
        // The entrepreneurs of an activity: --entrepreneurs (or --ondernemers) where one is added, --ondernemers (the field) where one is edited.
        "--entrepreneurs": ["--ondernemers"], "--entrepreneur": ["--ondernemers", "--entrepreneurs"], "--ondernemer": ["--ondernemers"],
    ]

    /// What follows "is invalid for …": a reason of our own (already Dutch), or the values to choose from.
    private static func choices(_ rest: String) -> String {
        if rest.hasPrefix(": ") { return rest }
        if let match = rest.wholeMatch(of: /\. Please provide one of (.+)\./) {
            return "; kies uit " + String(match.1.replacing("' and '", with: "' en '").replacing("' or '", with: "' of '"))
        }
        if rest.hasPrefix(". Please provide one of the following:") {
            return "; kies uit:" + rest.dropFirst(". Please provide one of the following:".count)
        }
        return rest
    }
}
