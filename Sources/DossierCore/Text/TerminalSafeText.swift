import Foundation

/// Text from the file made harmless for a terminal: control characters and escape sequences are shown
/// as visible symbols (ESC as ␛) instead of being sent, and bidirectional overrides cannot reorder the
/// screen. Applied to everything from the data before it is drawn or printed for people.
public enum TerminalSafeText {
    /// One line: tabs and line breaks become spaces, other controls their visible symbol.
    public static func line(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte >= 0xC2 {
            needsWork = true
            break
        }
        if !needsWork { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            output.append(contentsOf: safe(scalar).unicodeScalars)
        }
        return String(output)
    }

    /// Several lines: line breaks are kept (a CR LF pair counts as one), everything else as in `line`.
    public static func lines(_ text: String) -> [String] {
        text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }
    }

    private static func safe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return " "
        case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "␡"
        case 0x80..<0xA0: return "\u{FFFD}"
        // Bidirectional embeddings, overrides and isolates, and the line/paragraph separators.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return "\u{FFFD}"
        default: return String(scalar)
        }
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        guard contains("\r") else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
