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
            case .bullets(let items):
                lines += items.map { "- " + inline($0) } + [""]
            case let .table(headings, rows, emphasis, numeric):
                lines.append("| " + headings.map(cell).joined(separator: " | ") + " |")
                lines.append("|" + headings.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
                for (index, row) in rows.enumerated() {
                    let cells = row.map(cell).map { emphasis.contains(index) && !$0.isEmpty ? "**\($0)**" : $0 }
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Text made safe for Markdown: characters that would start markup are escaped.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in text.replacingLineBreaks() {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    static func cell(_ text: String) -> String { inline(text) }
}

extension String {
    func replacingLineBreaks() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
