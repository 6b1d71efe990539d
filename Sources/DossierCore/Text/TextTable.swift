/// A table for people: columns aligned by display width (accents one column, CJK two), text from the
/// data made terminal-safe, the last column not padded. Fitted to a terminal's width by shrinking the
/// widest columns and cutting their cells with an ellipsis; without a width (a pipe, a file) every cell is
/// written whole, so ids and titles are never cut for a script.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var alignRight: Bool
        /// Never narrowed to fit (ids, dates: a cut one is useless); right-aligned numbers are not either.
        public var keepsWhole: Bool
        /// Narrowed to fit no further than this (default `TextTable.narrowest`).
        public var minimumWidth: Int?
        /// Left out (with its separator) when the other columns would otherwise get less than their minimum: an id
        /// kept whole that a narrow terminal has no room for, where the name says the same to a person.
        public var yieldsWhenNarrow: Bool

        public init(title: String, alignRight: Bool = false, keepsWhole: Bool = false, minimumWidth: Int? = nil, yieldsWhenNarrow: Bool = false) {
            self.title = title
            self.alignRight = alignRight
            self.keepsWhole = keepsWhole
            self.minimumWidth = minimumWidth
            self.yieldsWhenNarrow = yieldsWhenNarrow
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    /// Columns are never narrowed below this (or their title), so a cut cell still says something.
    static let narrowest = 8
    static let separator = "  "

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    public mutating func append(_ row: [String]) {
        rows.append(row.map(TerminalSafeText.line))
    }

    /// The lines of the table; fitted to `width` columns when one is given.
    public func render(width: Int? = nil) -> String {
        let widths = columnWidths(fittingIn: width)
        return ([TextTable.line(columns.map(\.title), columns: columns, widths: widths)] + rows.map { TextTable.line($0, columns: columns, widths: widths) })
            .joined(separator: "\n")
    }

    /// A table too long to hold (a hundred thousand rows): the same lines as `render`, each ending in a line
    /// break, handed to `output` in pieces of about `piece` bytes. `cells(index)` gives row `index`; it is
    /// asked twice, once to measure the columns and once to write.
    public func stream(rows count: Int, cells: (Int) -> [String], width: Int?, piece: Int, to output: (String) -> Void) {
        let layout = layout(rows: count, cells: cells, width: width)
        var text = layout.header + "\n"
        for index in 0..<count {
            TextTable.append(line: cells(index).map(TerminalSafeText.line), columns: columns, widths: layout.widths, to: &text)
            text += "\n"
            if text.utf8.count >= piece {
                output(text)
                text = ""
            }
        }
        output(text)
    }

    /// The columns measured over `count` rows that `cells(index)` gives (not kept), fitted to `width`: for
    /// writing such a table a line at a time, with other lines between (`stream`, the agenda's headings).
    public func layout(rows count: Int, cells: (Int) -> [String], width: Int?) -> Layout {
        var natural = naturalWidths
        for index in 0..<count {
            for (column, cell) in cells(index).enumerated() where column < natural.count {
                natural[column] = max(natural[column], DisplayWidth.of(TerminalSafeText.line(cell)))
            }
        }
        return Layout(columns: columns, widths: fitted(natural, to: width))
    }

    /// A table's columns and their widths: its header line, and any row as a line of it.
    public struct Layout: Sendable {
        let columns: [Column]
        let widths: [Int]

        /// The line of the columns' titles.
        public var header: String { TextTable.line(columns.map(\.title), columns: columns, widths: widths) }

        /// A row, its cells made terminal-safe, as `render` writes it.
        public func line(_ cells: [String]) -> String { TextTable.line(cells.map(TerminalSafeText.line), columns: columns, widths: widths) }
    }

    /// One line: each cell fitted to its column's width. Each cell is measured once, and cut only when too wide.
    private static func line(_ cells: [String], columns: [Column], widths: [Int]) -> String {
        var line = ""
        line.reserveCapacity(widths.reduce(0, +) + 2 * widths.count + 16)
        append(line: cells, columns: columns, widths: widths, to: &line)
        return line
    }

    /// The same line at the end of `text` (a piece of a streamed table), without a line of its own in between.
    private static func append(line cells: [String], columns: [Column], widths: [Int], to line: inout String) {
        var pendingSpaces = 0
        var isFirst = true
        // A column left out has no width (`TextTable.leftOut`): neither its cell nor its separator is written.
        let lastShown = widths.lastIndex { $0 != TextTable.leftOut } ?? -1
        for (index, cell) in cells.enumerated() where index < columns.count && widths[index] != TextTable.leftOut {
            if !isFirst { pendingSpaces += TextTable.separator.count }
            isFirst = false
            var shown = cell, width = DisplayWidth.of(cell)
            if width > widths[index] {
                shown = DisplayWidth.truncate(cell, to: widths[index])
                width = DisplayWidth.of(shown)
            }
            let padding = max(0, widths[index] - width)
            if columns[index].alignRight {
                pendingSpaces += padding
                TextTable.append(shown, after: &pendingSpaces, to: &line)
            } else {
                TextTable.append(shown, after: &pendingSpaces, to: &line)
                // Trailing spaces are written only when something follows them.
                if index < lastShown { pendingSpaces += padding }
            }
        }
        // As a cell's own spaces at the end of the line (never further: what went before ends in a line break).
        while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
    }

    /// `text` after the spaces still owed, unless it is empty (then they stay owed: a line ends without them).
    private static func append(_ text: String, after spaces: inout Int, to line: inout String) {
        guard !text.isEmpty else { return }
        while spaces > 0 {
            let run = min(spaces, blanks.count - 1)
            line += blanks[run]
            spaces -= run
        }
        line += text
    }

    /// Runs of 0 to 64 spaces, whole strings: appending a prefix of one long run cost a tenth of a table.
    private static let blanks = (0...64).map { String(repeating: " ", count: $0) }

    /// The titles' widths: the narrowest each column is before its cells are measured.
    private var naturalWidths: [Int] { columns.map { DisplayWidth.of($0.title) } }

    /// Each column as wide as its widest cell; then, while the table is wider than `width`, the widest
    /// column loses a column, down to `narrowest` (or its title).
    public func columnWidths(fittingIn width: Int?) -> [Int] {
        var widths = naturalWidths
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return fitted(widths, to: width)
    }

    /// The width of a column left out (`Column.yieldsWhenNarrow`).
    public static let leftOut = -1

    /// Natural widths narrowed, the widest first, until the table fits in `width` columns; when even each column's
    /// minimum does not fit, the columns that yield are left out first, in order.
    private func fitted(_ natural: [Int], to width: Int?) -> [Int] {
        guard let width else { return natural }
        var shown = columns.map { _ in true }
        while true {
            let minimal = columns.indices.filter { shown[$0] }.map { index in
                columns[index].keepsWhole || columns[index].alignRight ? natural[index]
                    : min(natural[index], max(columns[index].minimumWidth ?? TextTable.narrowest, DisplayWidth.of(columns[index].title)))
            }
            let fits = minimal.reduce(0, +) + TextTable.separator.count * max(0, minimal.count - 1) <= width
            guard !fits, let yielding = columns.indices.first(where: { shown[$0] && columns[$0].yieldsWhenNarrow }) else { break }
            shown[yielding] = false
        }
        let kept = columns.indices.filter { shown[$0] }
        let narrowed = TextTable(kept.map { columns[$0] }).narrowed(kept.map { natural[$0] }, to: width)
        var widths = columns.map { _ in TextTable.leftOut }
        for (position, index) in kept.enumerated() { widths[index] = narrowed[position] }
        return widths
    }

    /// Natural widths narrowed, the widest first, until the table fits in `width` columns.
    private func narrowed(_ natural: [Int], to width: Int) -> [Int] {
        var widths = natural
        let minimums = columns.indices.map { index in
            columns[index].keepsWhole || columns[index].alignRight ? widths[index]
                : min(widths[index], max(columns[index].minimumWidth ?? TextTable.narrowest, DisplayWidth.of(columns[index].title)))
        }
        // First down to each column's minimum; when that is still too wide, down to the narrowest any column gets.
        let lastResort = columns.indices.map { columns[$0].keepsWhole || columns[$0].alignRight ? widths[$0] : min(widths[$0], TextTable.narrowest) }
        for floor in [minimums, lastResort] {
            var excess = widths.reduce(0, +) + TextTable.separator.count * max(0, columns.count - 1) - width
            while excess > 0 {
                guard let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                // Down to the next-widest column at once, so a long text column does not shrink one step per pass.
                let next = widths.indices.filter { $0 != widest }.map { widths[$0] }.filter { $0 < widths[widest] }.max() ?? floor[widest]
                let cut = max(1, min(excess, widths[widest] - max(floor[widest], next)))
                widths[widest] -= cut
                excess -= cut
            }
        }
        return widths
    }
}
