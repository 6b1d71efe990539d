/// Whether text can be sent to a terminal as it is: no C0 control but line feed, tab and a carriage return
/// before a line feed (none of those either with `allowingLayout: false`), no DEL, no C1 control, no
/// bidirectional control, no line or paragraph separator, and on one line no zero-width joiner. Independent of
/// `TerminalSafeText`, which it checks.
public func isInertForTerminal(_ text: String, allowingLayout: Bool = true) -> Bool {
    let scalars = Array(text.unicodeScalars)
    return !scalars.indices.contains { index in
        switch scalars[index].value {
        case 0x0A, 0x09: !allowingLayout
        case 0x0D: !allowingLayout || index + 1 == scalars.count || scalars[index + 1] != "\n"
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        case 0x200D: !allowingLayout
        default: false
        }
    }
}
