/// How many terminal columns text takes: an accented letter one, a CJK character or an emoji two, a
/// combining mark none. Layout is done in these columns, never in `Character` counts.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        var isASCII = true
        for byte in text.utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII { return text.utf8.count }
        if let width = widthByScalar(text.unicodeScalars) { return width }
        for character in text { width += of(character) }
        return width
    }

    /// The width of text whose every scalar is a character of its own, with a width it decides alone: Latin with
    /// its precomposed accents (Vietnamese included), CJK ideographs, kana and Hangul syllables. Nil as soon as
    /// one is not (a combining mark, a joiner, a variation selector, jamo, an emoji …): then the text is measured
    /// character by character, which finding the characters' boundaries makes several times slower. The sum is
    /// what `of(Character)` gives for each (`TextTests.widthIsTheSumOfTheCharacters`).
    private static func widthByScalar(_ scalars: some Sequence<Unicode.Scalar>) -> Int? {
        var width = 0
        for scalar in scalars {
            switch scalar.value {
            // C0 controls (a CR LF pair is one character, of width 0 like each of its halves) and the soft hyphen.
            case 0..<0x20, 0xAD: break
            // Below the combining diacritics at 0x300, and Latin Extended Additional.
            case 0x20..<0x300, 0x1E00..<0x1F00: width += 1
            // Hiragana and katakana without their combining voicing marks (0x3099–0x309A), CJK ideographs, Hangul
            // syllables (jamo, which join a syllable, are not here).
            case 0x3041...0x3096, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: width += 2
            default: return nil
            }
        }
        return width
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        // Latin-1, Latin Extended and the Vietnamese letters without asking Unicode's tables: no mark, nothing
        // wide, no emoji but © and ®, and one zero-width character, the soft hyphen (`DisplayWidthTests`).
        if first.value < 0x300 || (0x1E00..<0x1F00).contains(first.value), first.value != 0xA9, first.value != 0xAE {
            return first.value == 0xAD ? 0 : 1
        }
        // Joined by a zero-width joiner (a family emoji, a profession): as wide as the screen draws it, which leaves the
        // joiner out (`TerminalSafeText.line`): three faces for a family, one conjunct where Unicode joins the letters anyway.
        // (Only an emoji, © and ® among them, or an Indic letter joins what follows a joiner, so the letters above never do.)
        if scalars.count > 1, scalars.contains("\u{200D}") {
            return String(String.UnicodeScalarView(scalars.filter { $0 != "\u{200D}" })).reduce(0) { $0 + of($1) }
        }
        if isZeroWidth(first) { return 0 }
        if isWide(first.value) { return 2 }
        // An emoji shown as picture: by default, or asked for with variation selector 16.
        if first.properties.isEmojiPresentation { return 2 }
        if first.properties.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// The longest prefix of `text` that fits in `width` columns, with `…` when something was cut (and the
    /// spaces before the cut left off).
    /// Never splits a character; a wide character that would stick out is left off. Reads only as far
    /// as the width reaches, so cutting a very long text costs no more than cutting a short one.
    public static func truncate(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        let budget = ellipsis ? width - 1 : width
        var used = 0
        var endOfBudget = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let (next, characterWidth) = step(text, from: index)
            if used + characterWidth > width {
                guard ellipsis else { return String(text[..<endOfBudget]) }
                // "Brno…", not "Brno …": the ellipsis stands for what was cut, not for a space.
                var kept = text[..<endOfBudget]
                while kept.last?.isWhitespace == true { kept = kept.dropLast() }
                return String(kept) + "…"
            }
            used += characterWidth
            index = next
            if used <= budget { endOfBudget = index }
        }
        return text
    }

    /// `text` cut to `width` columns and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? padding + cut : cut + padding
    }

    /// Splits text into lines of at most `width` columns, at spaces where possible; a word wider than a
    /// line is cut into pieces. An amount is one word: "€" (or "-€") never ends a line. One pass over the
    /// text: a 50 MB word costs what 50 MB of words cost.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        // Split on the bytes: a line feed or a space never belongs to another character (CR LF aside, which
        // `TerminalSafeText.lines` has already taken apart).
        for paragraphBytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let paragraph = Substring(paragraphBytes)
            var line = ""
            var lineWidth = 0
            func place(_ word: Substring) {
                let wordWidth = of(word)
                let separator = line.isEmpty ? 0 : 1
                if lineWidth + separator + wordWidth <= width {
                    if separator == 1 { line += " " }
                    line += word
                    lineWidth += separator + wordWidth
                    return
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                lineWidth = 0
                guard wordWidth > width else {
                    line = String(word)
                    lineWidth = wordWidth
                    return
                }
                // Pieces of at most `width` columns; the last one starts the next line.
                var pieceStart = word.startIndex
                var index = word.startIndex
                var pieceWidth = 0
                while index < word.endIndex {
                    let (next, characterWidth) = step(word, from: index)
                    if pieceWidth + characterWidth > width && pieceWidth > 0 {
                        lines.append(String(word[pieceStart..<index]))
                        pieceStart = index
                        pieceWidth = 0
                    }
                    pieceWidth += characterWidth
                    index = next
                }
                line = String(word[pieceStart...])
                lineWidth = pieceWidth
            }
            // Where a currency sign waits for its number: the two go on a line together.
            var currencyStart: Substring.Index?
            for wordBytes in paragraph.utf8.split(separator: 0x20, omittingEmptySubsequences: false) {
                let word = Substring(wordBytes)
                if let start = currencyStart {
                    currencyStart = nil
                    place(paragraph[start..<word.endIndex])
                } else if word == "€" || word == "-€" {
                    currencyStart = word.startIndex
                } else {
                    place(word)
                }
            }
            if let start = currencyStart { place(paragraph[start...]) }
            lines.append(line)
        }
        return lines
    }

    /// The index after the character at `index`, and that character's width; ASCII without building a
    /// Character (most text, and every base64 blob, is ASCII).
    private static func step<S: StringProtocol>(_ text: S, from index: S.Index) -> (S.Index, Int) {
        let byte = text.utf8[index]
        if byte < 0x80 && byte != 0x0D {
            // An ASCII byte is a whole Character unless a combining mark or other extender follows it.
            let next = text.utf8.index(after: index)
            if next == text.utf8.endIndex || text.utf8[next] < 0x80 {
                return (next, byte < 0x20 || byte == 0x7F ? 0 : 1)
            }
        }
        let next = text.index(after: index)
        return (next, of(text[index]))
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return scalar.value == 0x200B
        }
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), as terminals such as tmux draw them.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320, 0x1F32D...0x1F335,
             0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
             0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E,
             0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
             0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
             0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
             0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
