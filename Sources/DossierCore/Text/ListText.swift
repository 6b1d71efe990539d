/// Lists typed as one line of text: "burgemeester Buijs, wethouder Den Brok; Pivot Park".
public enum ListText {
    /// The items separated by commas or semicolons, trimmed, without empty ones. A comma inside brackets or double
    /// quotes separates nothing ("Buijs (burgemeester, Oss)"); an item wholly in double quotes is read without them
    /// (`"Buijs, W."`, `""` for a quote), as `join` writes an item with a separator in it.
    public static func split(_ text: String) -> [String] {
        splitOutsideBrackets(text).map(unquoted).filter { !$0.isEmpty }
    }

    /// Items of several option values or fields, each possibly a list itself.
    public static func split(_ texts: [String]) -> [String] {
        texts.flatMap(split)
    }

    public static func join(_ items: [String]) -> String {
        items.map(item).joined(separator: ", ")
    }

    /// One item as `split` reads it back: in double quotes when it holds a separator, a double quote or a bracket
    /// left open, or begins or ends with a space.
    public static func item(_ text: String) -> String {
        // Initials alone would join the item before them when read back ("Jansen", "P." is not "Jansen, P.").
        if isInitials(text) || text.contains(where: { ",;\"".contains($0) }) { return quoted(text) }
        return hasBracketsClosed(text) && text == text.trimmingSpaces() && !text.isEmpty ? text : quoted(text)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// Whether a text that begins and ends with a double quote is one quoted text (`"a, b"`), not two (`"a" en "b"`).
    private static func isOneQuotedText(_ text: String) -> Bool {
        var inner = text.dropFirst().dropLast()[...]
        while let character = inner.popFirst() {
            guard character == "\"" else { continue }
            guard inner.popFirst() == "\"" else { return false }
        }
        return true
    }

    /// A text for a one-line field (a title, a name) as one line: the lines of a text typed in an editor (Ctrl-O) or
    /// given on the command line with line breaks, joined by a space. A title over two lines broke every list it is in.
    public static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A text of several lines with its line breaks as "\n" only: a Windows line end ("\r\n", from an editor or the command
    /// line) or a lone "\r" is one break, as a paste makes it; kept, a "\r" came back in exports and shows as nothing.
    public static func unixLineEnds(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var result = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterReturn { afterReturn = false; continue }
            afterReturn = scalar == "\r"
            result.append(afterReturn ? "\n" : scalar)
        }
        return String(result)
    }

    /// Lines (pasted from a mail, one place or person a line) as the items of a list field: the lines joined by a comma,
    /// empty ones left out. A text of one line is left as it is.
    public static func items(ofLines text: some StringProtocol) -> String {
        guard text.contains(where: \.isNewline) else { return String(text) }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// People as typed: "Jan de Vries (Osse Farma BV), Els Jansen" → names with their organisation. A comma inside
    /// the parentheses belongs to the organisation ("Els Jansen (Farma, Oss)"); a surname before initials is one name
    /// ("Buijs, W. (burgemeester)"); another name with a comma is given in double quotes ("\"Jansen, Piet\" (Pivot
    /// Park)"), as `participantText` writes it.
    public static func participants(_ text: String, role: ParticipantRole) -> [Participant] {
        splitOutsideBrackets(text).map { item in
            var name = item, organisation = ""
            if item.hasSuffix(")"), let open = openingBracket(closingAtEndOf: item) {
                name = item[..<open].trimmingSpaces()
                organisation = unquoted(item[item.index(after: open)..<item.index(before: item.endIndex)].trimmingSpaces())
            }
            name = unquoted(name)
            // "(Pivot Park)" alone is a name, as typed.
            return name.isEmpty ? Participant(name: item, role: role) : Participant(name: name, role: role, organisation: organisation)
        }
    }

    /// The reverse of `participants`: "Jan de Vries (Osse Farma BV), Els Jansen".
    public static func participantText(_ participants: [Participant]) -> String {
        participants.map(personText).joined(separator: ", ")
    }

    /// One person as `participants` reads it back: "Jan (Farma)" where that reads back as this person; otherwise the
    /// name, and the organisation, in double quotes ("\"Jansen, P.\" (\"Farma (NL\")").
    public static func personText(_ participant: Participant) -> String {
        let plain = participant.organisation.isEmpty ? participant.name : "\(participant.name) (\(participant.organisation))"
        // (A name of initials alone reads back as one, but after another person it would join that one. A bracket left
        // open reads back alone too, but would take in whoever is added after it in a spreadsheet's cell.)
        if participants(plain, role: participant.role) == [participant], !isInitials(participant.name),
           hasBracketsClosed(participant.name), hasBracketsClosed(participant.organisation) {
            return plain
        }
        let name = quoted(participant.name)
        let quotedName = participant.organisation.isEmpty ? name : "\(name) (\(participant.organisation))"
        if participants(quotedName, role: participant.role) == [participant] { return quotedName }
        return "\(name) (\(quoted(participant.organisation)))"
    }

    /// Whether every bracket in `text` is closed after it is opened.
    private static func hasBracketsClosed(_ text: String) -> Bool {
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if depth < 0 { return false }
        }
        return depth == 0
    }

    /// A text wholly in double quotes without them (`""` a quote); another as it is.
    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\""), isOneQuotedText(text) else { return text }
        return String(text.dropFirst().dropLast().replacing("\"\"", with: "\""))
    }

    /// Items separated by commas or semicolons outside double quotes and brackets, trimmed, without empty ones.
    private static func splitOutsideBrackets(_ text: String) -> [String] {
        var items: [String] = [], current = ""
        var depth = 0, inQuotes = false
        for character in text {
            switch character {
            case "\"": inQuotes.toggle()
            case "(" where !inQuotes: depth += 1
            case ")" where !inQuotes: depth = max(0, depth - 1)
            case ",", ";":
                if !inQuotes && depth == 0 {
                    items.append(current)
                    current = ""
                    continue
                }
            default: break
            }
            current.append(character)
        }
        items.append(current)
        return joiningInitials(items.map { $0.trimmingSpaces() }.filter { !$0.isEmpty })
    }

    /// A name written surname first ("Buijs, W. (burgemeester)") is one person, not "Buijs" and "W.": an item that is
    /// only initials (with what it has in brackets) belongs to the item before it, when that has nothing in brackets.
    private static func joiningInitials(_ items: [String]) -> [String] {
        var joined: [String] = []
        for item in items {
            let initials = item.hasSuffix(")") ? openingBracket(closingAtEndOf: item).map { item[..<$0] } ?? item[...] : item[...]
            if isInitials(initials.trimmingSpaces()), let previous = joined.last, !previous.hasSuffix(")"), !previous.hasSuffix("\"") {
                joined[joined.count - 1] = previous + ", " + item
            } else {
                joined.append(item)
            }
        }
        return joined
    }

    /// "W.", "J.P.", "Th. J.": capitals each with at most two small letters after them, each ending in a dot.
    private static func isInitials(_ text: String) -> Bool {
        var letters = 0, sawCapital = false, sawAny = false
        for character in text {
            if character == "." {
                guard sawCapital else { return false }
                sawCapital = false
                letters = 0
                sawAny = true
            } else if character == " " {
                guard !sawCapital else { return false }
            } else if character.isUppercase, !sawCapital {
                sawCapital = true
                letters = 1
            } else if character.isLowercase, sawCapital, letters < 3 {
                letters += 1
            } else {
                return false
            }
        }
        return sawAny && !sawCapital
    }

    /// The bracket that opens the one `text` ends with, outside double quotes.
    private static func openingBracket(closingAtEndOf text: String) -> String.Index? {
        var depth = 0, inQuotes = false
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            switch text[index] {
            case "\"": inQuotes.toggle()
            case ")" where !inQuotes: depth += 1
            case "(" where !inQuotes:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}
