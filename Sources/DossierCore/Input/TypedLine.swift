/// A line typed at a plain prompt (a terminal in its line mode, before the screen opens), as the person meant it:
/// what the terminal sent for keys that are no text there (Escape, an arrow, a paste's brackets) taken out, and
/// other control characters with them, so that none of it ends up in a name that every change is signed with.
public enum TypedLine {
    public static func text(_ line: String) -> String {
        var result = ""
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                // ESC [ … final byte (arrows, a paste's brackets) or ESC O x (keypad); Escape pressed before typing on
                // leaves what is typed after it.
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
                } else if next == "O" {
                    _ = scalars.next()
                } else if next != "\u{1B}", next.value >= 0x20, !(0x7F...0x9F).contains(next.value) {
                    result.unicodeScalars.append(next)
                }
                continue
            }
            if scalar == "\t" {
                result.unicodeScalars.append(" ")
                continue
            }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
            result.unicodeScalars.append(scalar)
        }
        return result.trimmingSpaces()
    }
}
