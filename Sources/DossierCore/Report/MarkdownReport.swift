/// The report in Markdown (CommonMark with pipe tables), readable as plain text too.
public enum MarkdownReport {
    public static func render(_ report: YearReport) -> String {
        var lines: [String] = []
        for block in report.blocks {
            switch block {
            case let .heading(level, text):
                lines += [String(repeating: "#", count: level) + " " + inline(text), ""]
            case .paragraph(let text):
                lines += [inline(text), ""]
            case .notice(let text):
                lines += ["> **" + inline(text) + "**", ""]
            case .bullets(let items):
                lines += items.map { "- " + inline($0) } + [""]
            case .numbered(let items):
                lines += items.enumerated().map { "\($0.offset + 1). " + inline($0.element) } + [""]
            case let .entry(title, fields):
                lines += ["#### " + inline(title), ""] + fields.map { "- **\(inline($0.label)):** \(inline($0.value))" } + [""]
            case .chart(let chart):
                lines += ["**Figuur \(chart.number). \(inline(chart.title))**", "", inline(chart.textAlternative), ""]
                lines += table(chart.tableHeadings, chart.tableRows, emphasis: [], numeric: chart.numericColumns)
            case .pageBreak:
                continue
            case let .table(headings, rows, emphasis, numeric):
                lines += table(headings, rows, emphasis: emphasis, numeric: numeric)
            }
        }
        return lines.joined(separator: "\n")
    }

    static func table(_ headings: [String], _ rows: [[String]], emphasis: Set<Int>, numeric: Set<Int>) -> [String] {
        var lines = ["| " + headings.map(cell).joined(separator: " | ") + " |",
                     "|" + headings.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|"]
        for (index, row) in rows.enumerated() {
            let cells = row.map(cell).map { emphasis.contains(index) && !$0.isEmpty ? "**\($0)**" : $0 }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines + [""]
    }

    /// Text made safe for Markdown: characters that would start markup are escaped, and an "&" that would start a
    /// character reference ("&amp;", "&#38;"); one in "B&W" stays as it is, readable as plain text.
    static func inline(_ text: String) -> String {
        // Most texts hold neither markup nor a line break, which a look at their bytes tells.
        guard text.utf8.contains(where: { MarkdownReport.isMarkup($0) || String.mayStartLineBreak($0) }) else { return text }
        let characters = Array(text.replacingLineBreaks())
        var result = ""
        for (index, character) in characters.enumerated() {
            if "\\`*_[]<>#|~".contains(character) || character == "&" && startsReference(characters[(index + 1)...]) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Whether what follows an "&" makes it a character reference: letters, or "#" and digits, up to a ";".
    private static func startsReference(_ rest: ArraySlice<Character>) -> Bool {
        guard let end = rest.prefix(33).firstIndex(of: ";"), end > rest.startIndex else { return false }
        let name = rest[rest.startIndex..<end]
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } || name.first == "#" && name.dropFirst().allSatisfy { $0.isASCII && $0.isHexDigit || $0 == "x" || $0 == "X" }
    }

    static func cell(_ text: String) -> String { inline(text) }

    /// The bytes of "\\`*_[]<>#|~" and "&", the characters `inline` escapes (an "&" only before a reference).
    private static func isMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x23, 0x7C, 0x7E, 0x26: true
        default: false
        }
    }
}

extension String {
    func replacingLineBreaks() -> String {
        guard utf8.contains(where: String.mayStartLineBreak) else { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }

    /// Whether `byte` can begin, in UTF-8, a character that `Character.isNewline` calls a line break: U+000A–U+000D,
    /// U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9). Text without such a byte has no line break.
    static func mayStartLineBreak(_ byte: UInt8) -> Bool {
        (0x0A...0x0D).contains(byte) || byte == 0xC2 || byte == 0xE2
    }
}
