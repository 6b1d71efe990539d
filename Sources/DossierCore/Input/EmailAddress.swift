/// E-mail addresses of contacts: checked for form when typed and when a dossier is validated.
public enum EmailAddress {
    /// The one reader of a typed e-mail address; returns it without surrounding spaces.
    public static func read(_ text: String) throws(ValueError) -> String {
        var typed = text.trimmingSpaces()
        // Copied from a link (a web page, Outlook): the address is what follows the scheme.
        // (An address stored so before this reading is left as it is: the rules do not refuse it, so a dossier with one opens.)
        // Copied from a mail program's address line: "Jan Jansen <jan@oss.nl>", or the address in its brackets. A name before
        // it with an address of its own in it is a second address ("Jan <jan@oss.nl>, Piet <piet@oss.nl>"), refused below.
        if typed.hasSuffix(">"), let open = typed.lastIndex(of: "<") {
            let name = typed[..<open]
            if name.contains(where: { "@<>,;".contains($0) }) && !name.hasPrefix("\"") || name.filter({ $0 == "\"" }).count % 2 == 1 {
                throw ValueError("'\(typed)' is geen e-mailadres: er staan er meer in (één adres, zoals naam@organisatie.nl)")
            }
            typed = typed[typed.index(after: open)..<typed.index(before: typed.endIndex)].trimmingSpaces()
        }
        if typed.lowercased().hasPrefix("mailto:") {
            typed = String(typed.dropFirst("mailto:".count).prefix { $0 != "?" }).trimmingSpaces()
        }
        if let problem = problem(typed) { throw problem }
        // Two addresses, or a bracket left: no link a mail program can follow. (Only when typed: a dossier that holds one opens.)
        if let mark = typed.first(where: { "<>,;\"()[]".contains($0) }) {
            throw ValueError("'\(typed)' is geen e-mailadres: '\(mark)' hoort er niet in (één adres, zoals naam@organisatie.nl)")
        }
        if let slip = slip(in: typed) { throw ValueError("'\(typed)' is geen e-mailadres: \(slip) (zoals naam@organisatie.nl)") }
        return typed
    }

    /// A typing slip no mail server takes, in an address of the right shape: a dot at either end of the name or two in a
    /// row, a hyphen at either end of a part of the domain, an ending of the domain that is no top-level domain (one
    /// letter, or digits: "acme.n", "acme.nl1"). Only when typed, as the marks above: a dossier that holds one opens.
    static func slip(in address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let name = address[..<at], labels = address[address.index(after: at)...].split(separator: ".", omittingEmptySubsequences: false)
        if name.hasPrefix(".") || name.hasSuffix(".") || name.contains("..") {
            return "een punt staat niet aan het begin of eind van wat vóór de @ staat, en nooit twee achter elkaar"
        }
        if labels.contains(where: { $0.hasPrefix("-") || $0.hasSuffix("-") }) {
            return "een deel van het domein begint of eindigt niet met een streepje"
        }
        if let ending = labels.last, ending.count < 2 || ending.contains(where: \.isNumber) {
            return "'.\(ending)' is geen domeinextensie (zoals .nl of .com)"
        }
        return nil
    }

    /// What is wrong with an address, or nil when it looks like one: one `@` with text before it, a
    /// domain with a dot after it, no spaces or control characters.
    public static func problem(_ address: String) -> ValueError? {
        let example = "zoals naam@organisatie.nl"
        guard address.contains("@") else { return ValueError("'\(address)' is geen e-mailadres: het @ ontbreekt (\(example))") }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let domainParts = parts.count == 2 ? parts[1].split(separator: ".", omittingEmptySubsequences: false) : []
        guard parts.count == 2, !parts[0].isEmpty, domainParts.count >= 2, domainParts.allSatisfy({ !$0.isEmpty }),
              !address.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            return ValueError("'\(address)' is geen e-mailadres (\(example))")
        }
        return nil
    }
}
