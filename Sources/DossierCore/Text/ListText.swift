/// Lists typed as one line of text: "burgemeester Buijs, wethouder Den Brok; Pivot Park".
public enum ListText {
    /// The items separated by commas or semicolons, trimmed, without empty ones.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Items of several option values or fields, each possibly a list itself.
    public static func split(_ texts: [String]) -> [String] {
        texts.flatMap(split)
    }

    public static func join(_ items: [String]) -> String {
        items.joined(separator: ", ")
    }

    /// A text for a one-line field (a title, a name) as one line: the lines of a text typed in an editor (Ctrl-O) or
    /// given on the command line with line breaks, joined by a space. A title over two lines broke every list it is in.
    public static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// People as typed: "Jan de Vries (Osse Farma BV), Els Jansen" → names with their organisation.
    public static func participants(_ text: String, role: ParticipantRole) -> [Participant] {
        split(text).map { item in
            if item.hasSuffix(")"), let open = item.lastIndex(of: "(") {
                let name = item[..<open].trimmingSpaces()
                let organisation = item[item.index(after: open)..<item.index(before: item.endIndex)].trimmingSpaces()
                if !name.isEmpty { return Participant(name: name, role: role, organisation: organisation) }
            }
            return Participant(name: item, role: role)
        }
    }

    /// The reverse of `participants`: "Jan de Vries (Osse Farma BV), Els Jansen".
    public static func participantText(_ participants: [Participant]) -> String {
        join(participants.map { $0.organisation.isEmpty ? $0.name : "\($0.name) (\($0.organisation))" })
    }
}
