import DossierCore

/// A table for people: columns aligned by display width (accents one column, CJK two), text from the
/// data made terminal-safe, the last column not padded.
struct TextTable {
    struct Column {
        var title: String
        var alignRight = false
        var maximumWidth = 40
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    mutating func append(_ row: [String]) {
        rows.append(row.map(TerminalSafeText.line))
    }

    func render() -> String {
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = min(max(widths[index], DisplayWidth.of(cell)), max(columns[index].maximumWidth, DisplayWidth.of(columns[index].title)))
            }
        }
        func format(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() where index < columns.count {
                let isLast = index == columns.count - 1
                if isLast && !columns[index].alignRight {
                    parts.append(DisplayWidth.truncate(cell, to: widths[index]))
                } else {
                    parts.append(DisplayWidth.fit(cell, to: widths[index], alignRight: columns[index].alignRight))
                }
            }
            var line = parts.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        var lines = [format(columns.map(\.title))]
        lines += rows.map(format)
        return lines.joined(separator: "\n")
    }
}
