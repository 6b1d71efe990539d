/// Text made harmless for a terminal: control characters and escape sequences are shown as visible
/// symbols (ESC as ␛) instead of being sent, C1 controls become �, and bidirectional embeddings,
/// overrides and isolates cannot reorder the screen. On one line (the screen's) a zero-width joiner is left out: curses
/// draws the characters it joins one by one (a family emoji as three faces, `DisplayWidth` counts them so), and a
/// terminal given one between two letters shifts the row after it (tmux); a document keeps it (it is data). The one
/// place every byte for a terminal passes: the canvas of the TUI draws through `line`, the command line's output and
/// error path through `text` and `bytes`. Linear in the text, and free for text that needs nothing.
public enum TerminalSafeText {
    /// One line: tabs and line breaks become spaces, other controls their visible symbol.
    public static func line(_ text: String) -> String {
        if isInert(text, keepingLayout: false) { return text }
        return transform(text, keepingLayout: false)
    }

    /// Several lines: line breaks are kept (a CR LF pair counts as one), everything else as in `line`.
    public static func lines(_ text: String) -> [String] {
        let unified = text.replacingCRLF()
        // Split on the byte: a line feed is never part of another character but CR LF, which is gone.
        return unified.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line(String(Substring($0))) }
    }

    /// Text as a whole, for printing: line breaks (LF and CR LF) and tabs are kept, a lone CR (which would
    /// overwrite the line) and every other control is shown as its symbol.
    public static func text(_ text: String) -> String {
        if isInert(text, keepingLayout: true) { return text }
        return transform(text, keepingLayout: true)
    }

    /// A document (CSV, Markdown, HTML, JSON) on its way to a terminal, as `text`; bytes that are not
    /// UTF-8 become �.
    public static func bytes(_ bytes: [UInt8]) -> [UInt8] {
        let inert = bytes.withUnsafeBufferPointer { isInert($0, keepingLayout: true) && UTF8Text.isWellFormed($0) }
        if inert { return bytes }
        return Array(transform(String(decoding: bytes, as: UTF8.self), keepingLayout: true).utf8)
    }

    private static func isInert(_ text: String, keepingLayout: Bool) -> Bool {
        var text = text
        return text.withUTF8 { isInert($0, keepingLayout: keepingLayout) }
    }

    /// Whether UTF-8 text holds nothing to neutralise: no C0 control (except the layout ones when kept),
    /// no DEL, no C1 control, no line or paragraph separator, no bidirectional control.
    private static func isInert(_ utf8: UnsafeBufferPointer<UInt8>, keepingLayout: Bool) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        var pendingCarriageReturn = false
        var index = 0
        let count = utf8.count
        while index < count {
            // Eight printable ASCII characters at once: most of a document (a JSON export is megabytes).
            if !pendingCarriageReturn, index + 8 <= count, let base = utf8.baseAddress {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if keepingLayout ? ASCIIWord.isPrintableOrLineFeed(word) : ASCIIWord.isPrintable(word) {
                    beforePrevious = UInt8(truncatingIfNeeded: word >> 48)
                    previous = UInt8(truncatingIfNeeded: word >> 56)
                    index += 8
                    continue
                }
            }
            let byte = utf8[index]
            index += 1
            if pendingCarriageReturn && byte != 0x0A { return false }
            pendingCarriageReturn = false
            switch byte {
            case 0x0A, 0x09:
                if !keepingLayout { return false }
            case 0x0D:
                if !keepingLayout { return false }
                pendingCarriageReturn = true
            case 0x00..<0x20, 0x7F:
                return false
            case 0x80...0x9F where previous == 0xC2:
                return false
            case 0xA8...0xAE where previous == 0x80 && beforePrevious == 0xE2:
                return false
            case 0x8D where previous == 0x80 && beforePrevious == 0xE2 && !keepingLayout:
                return false
            case 0xA6...0xA9 where previous == 0x81 && beforePrevious == 0xE2:
                return false
            default:
                break
            }
            beforePrevious = previous
            previous = byte
        }
        return !pendingCarriageReturn
    }

    private static func transform(_ text: String, keepingLayout: Bool) -> String {
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            switch scalar.value {
            case 0x09, 0x0A, 0x0D:
                let kept = keepingLayout && (scalar != "\r" || next == "\n")
                output.append(kept ? scalar : keepingLayout ? "␍" : " ")
            case 0x00..<0x20:
                output.append(symbol(scalar.value))
            case 0x7F:
                output.append("␡")
            // C1 controls; bidirectional embeddings, overrides and isolates; line and paragraph separators.
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
                output.append("\u{FFFD}")
            case 0x200D where !keepingLayout:
                continue
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// The Control Pictures symbol of a C0 control (U+2400 + value): ␛ for ESC, ␇ for BEL.
    private static func symbol(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}"
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        guard utf8.contains(0x0D) else { return self }
        var output = String.UnicodeScalarView()
        var scalars = unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if scalar == "\r" {
                output.append("\n")
                if next == "\n" { next = scalars.next() }
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
