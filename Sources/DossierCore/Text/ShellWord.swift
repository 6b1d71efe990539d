/// A word for a command line to copy from a hint, as a POSIX shell reads it back.
public enum ShellWord {
    /// As it is when the shell reads it so (`missie-lyon`, `2`), else between single quotes (`'Delegatie uit Lyon'`).
    public static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./:@%+=,".unicodeScalars.contains($0))
        }
        return plain ? word : singleQuoted(word)
    }

    /// Between single quotes always (a path), a quote inside written as `'\''`.
    public static func singleQuoted(_ word: String) -> String {
        // Scalar by scalar, as the shell reads it: a quote before a combining accent is one `Character`, but still a quote.
        var quoted = String.UnicodeScalarView()
        quoted.append("'")
        for scalar in word.unicodeScalars {
            if scalar == "'" { quoted.append(contentsOf: "'\\''".unicodeScalars) } else { quoted.append(scalar) }
        }
        quoted.append("'")
        return String(quoted)
    }
}
