import DossierCore

/// Pasted text made fit for a field: escape sequences (a colour, a window title) are left out whole and other
/// control characters (a bell, a NUL) one by one; line breaks and tabs are kept for the field to turn into spaces.
enum PastedText {
    static func clean(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                skipSequence(&scalars)
            } else if !TypedText.isControl(scalar) {
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// Reads past the rest of a sequence that began with ESC: a CSI (`ESC [` … a final letter), a string (`ESC ]`,
    /// `P`, `X`, `^`, `_` … BEL or `ESC \`), or ESC with one character.
    private static func skipSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let kind = scalars.next() else { return }
        switch kind {
        case "[":
            while let scalar = scalars.next(), !(0x40...0x7E).contains(scalar.value) {}
        case "]", "P", "X", "^", "_":
            var afterEscape = false
            while let scalar = scalars.next() {
                if scalar == "\u{07}" || (afterEscape && scalar == "\\") { return }
                afterEscape = scalar == "\u{1B}"
            }
        default:
            return
        }
    }
}
