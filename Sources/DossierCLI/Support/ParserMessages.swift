import DossierCore

/// swift-argument-parser's own texts in Dutch. Its errors ("Missing expected argument", "Unknown option" …),
/// their framing ("Error:", "Help:", "Usage:", "See … for more information.") and the help of the standard
/// flags are fixed English strings inside the library; they are translated here, line by line, on their way
/// to `Output`. A line that matches no known form is left as it is.
enum ParserMessages {
    /// An error as the library framed it: "dossier: …" with the cause in Dutch, "Uitleg:", "Gebruik:", "Zie …".
    /// `subcommands`: the names an unknown command is compared with for a suggestion.
    static func error(_ message: String, subcommands: [String] = []) -> String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // "See 'dossier --help'": the error is about the root command, so a stray word is an unknown command.
        let isRoot = lines.contains { $0.hasPrefix("  See 'dossier --help'") || $0.hasPrefix("  See 'dossier -h'") }
        return lines.map { line in
            if line.hasPrefix("Error: ") { return "dossier: " + cause(String(line.dropFirst(7)), isRoot: isRoot, subcommands: subcommands) }
            if line.hasPrefix("Help:  ") { return "Uitleg: " + line.dropFirst(7) }
            if line.hasPrefix("Usage: ") { return "Gebruik: " + placeholders(String(line.dropFirst(7))) }
            if line.hasPrefix("  See '"), line.hasSuffix("' for more information.") {
                return "  Zie '" + line.dropFirst(7).dropLast("' for more information.".count) + "' voor meer uitleg."
            }
            return line
        }.joined(separator: "\n")
    }

    /// "onbekende opdracht 'relatons'; bedoelde u 'relations'?"
    static func unknownCommand(_ word: String, subcommands: [String]) -> String {
        let suggestion = Spelling.closest(to: word, in: subcommands).map { "; bedoelde u '\($0)'?" } ?? " (dossier --help noemt ze alle)"
        return "onbekende opdracht '\(word)'\(suggestion)"
    }

    /// What a successful exit prints: help, a version, a completion script, the help as JSON (for the man
    /// pages). The standard flags' help is Dutch everywhere; help text also gets Dutch headings.
    static func output(_ text: String) -> String {
        var text = text
        for (english, dutch) in standardFlags { text = text.replacingOccurrences(of: english, with: dutch) }
        guard text.hasPrefix("OVERVIEW:") || text.hasPrefix("USAGE:") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for (english, dutch) in headings where line.hasPrefix(english) {
                return dutch + placeholders(String(line.dropFirst(english.count)))
            }
            if let match = line.wholeMatch(of: #/  See '(.+) <subcommand>' for detailed help\./#) {
                return "  Zie '\(match.1) <opdracht>' voor de uitleg van één opdracht."
            }
            // The library wraps its "(default: …)" too, so the word may end a line.
            return line.replacingOccurrences(of: "(default:", with: "(standaard:")
        }.joined(separator: "\n")
    }

    static let standardFlags = [("Show the version.", "Toon het versienummer."), ("Show help information.", "Toon deze uitleg.")]

    static let headings = [("OVERVIEW:", "OVERZICHT:"), ("USAGE:", "GEBRUIK:"), ("ARGUMENTS:", "ARGUMENTEN:"), ("OPTIONS:", "OPTIES:"),
                           ("SUBCOMMANDS:", "OPDRACHTEN:")]

    /// The library's placeholders in a usage line.
    static func placeholders(_ usage: String) -> String {
        usage.replacingOccurrences(of: "<subcommand>", with: "<opdracht>").replacingOccurrences(of: "[<options>]", with: "[<opties>]")
    }

    /// The cause of an error, in Dutch.
    static func cause(_ text: String, isRoot: Bool, subcommands: [String]) -> String {
        if let match = text.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return "'\(match.1)' ontbreekt; die is verplicht"
        }
        if let match = text.wholeMatch(of: /Missing one of: (.+)/) {
            return "een van deze ontbreekt: \(match.1)"
        }
        if let match = text.wholeMatch(of: /Missing value for '(.+)'/) {
            // A value that starts with a dash (-5, "- eerste punt") is read as an option, unless it is joined with '='.
            let option = match.1.prefix { $0 != " " }
            return "'\(match.1)' zonder waarde: geef er een waarde bij (begint die met een streepje, schrijf dan \(option)=\"-…\")"
        }
        if let match = text.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            return "onbekende optie '\(match.1)'; bedoelde u '\(match.2)'?"
        }
        if let match = text.wholeMatch(of: /Unknown option '(.+)'/) {
            return "onbekende optie '\(match.1)'"
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
        return text
    }

    /// What follows "is invalid for …": a reason of our own (already Dutch), or the values to choose from.
    private static func choices(_ rest: String) -> String {
        if rest.hasPrefix(": ") { return rest }
        if let match = rest.wholeMatch(of: /\. Please provide one of (.+)\./) {
            return "; kies uit " + match.1.replacingOccurrences(of: "' and '", with: "' en '").replacingOccurrences(of: "' or '", with: "' of '")
        }
        if rest.hasPrefix(". Please provide one of the following:") {
            return "; kies uit:" + rest.dropFirst(". Please provide one of the following:".count)
        }
        return rest
    }
}
