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

    /// Text made safe for Markdown: characters that would start markup are escaped.
    static func inline(_ text: String) -> String {
        // Most texts hold neither markup nor a line break, which a look at their bytes tells.
        guard text.utf8.contains(where: { MarkdownReport.isMarkup($0) || String.mayStartLineBreak($0) }) else { return text }
        var result = ""
        for character in text.replacingLineBreaks() {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    static func cell(_ text: String) -> String { inline(text) }

    /// The bytes of "\\`*_[]<>#|", the characters `inline` escapes.
    private static func isMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x23, 0x7C: true
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
