/// Text for a field as a form holds it, whichever way it came (typed or pasted in the screen, an argument on the
/// command line), so that one text is read the same way everywhere: a tab is a space (as `TextInput` inserts it), and in
/// a list each line is an item (as a paste into a list field makes them). Line breaks in a field of one line are the
/// field's own parser's (`ListText.oneLine`).
public enum TypedText {
    public static func fitted(_ text: String, to input: FieldInput) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || String.mayStartLineBreak($0) }) else { return text }
        let spaced = text.contains("\t") ? String(text.map { $0 == "\t" ? " " : $0 }) : text
        switch input {
        case .list, .choices, .countries, .relations(allowsMultiple: true): return ListText.items(ofLines: spaced)
        default: return spaced
        }
    }

    /// A control character that is no text a person means (C0 and C1, DEL), other than tab, line feed and carriage
    /// return, which `fitted` and the fields place: what the screen leaves out of a paste, and the command line refuses
    /// in an argument.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
