import DossierCore

/// One terminal cell: a whole character (grapheme), or the right half of a wide one.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// The right half of a wide character drawn in the cell to the left.
    public var isContinuation: Bool

    public static let blank = Cell(character: " ", style: .plain, isContinuation: false)
}

/// A frame of the TUI: every view draws into it, the backend shows it, tests read it.
/// Positions and widths are in terminal columns: an accented letter takes one, a CJK character two;
/// a character is never split, and text from the data is made terminal-safe as it is drawn.
public struct Canvas: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (a focused text field), or nil to hide it.
    public var cursor: (x: Int, y: Int)?
    /// Where the eye is when nothing is typed: the selected row of a list, the chosen button or option. The hidden cursor is
    /// put there, so that a screen reader or a braille display (which follow the cursor) reads what is selected.
    public var focus: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// The selected row of a list, `width` columns from the left: shown reversed, and where the eye is (`focus`).
    public mutating func markSelectedRow(_ y: Int, width: Int) {
        fill(x: 0, y: y, width: width, height: 1, style: Style(reversed: true))
        focus = (0, y)
    }

    /// Draws one line of text from `x`, at most `limit` columns (default: to the right edge).
    /// - Returns: the number of columns drawn.
    @discardableResult
    public mutating func draw(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in TerminalSafeText.line(text) {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 { continue }
            if column + characterWidth > end {
                // A wide character that does not fit leaves its first column blank.
                if column < end && column >= 0 { set(column, y, Cell(character: " ", style: style, isContinuation: false)) }
                column = end
                break
            }
            if column >= 0 {
                set(column, y, Cell(character: character, style: style, isContinuation: false))
                if characterWidth == 2 { set(column + 1, y, Cell(character: " ", style: style, isContinuation: true)) }
            }
            column += characterWidth
        }
        return max(0, column - x)
    }

    /// Draws text cut to `width` columns (with `…`) and padded with spaces in the same style.
    public mutating func draw(_ text: String, x: Int, y: Int, width columns: Int, style: Style = .plain, alignRight: Bool = false) {
        guard columns > 0 else { return }
        draw(DisplayWidth.fit(TerminalSafeText.line(text), to: columns, alignRight: alignRight), x: x, y: y, style: style, limit: columns)
    }

    /// Fills a rectangle with spaces in a style.
    public mutating func fill(x: Int, y: Int, width columns: Int, height rows: Int, style: Style = .plain) {
        for row in max(0, y)..<min(height, y + rows) {
            for column in max(0, x)..<min(width, x + columns) {
                set(column, row, Cell(character: " ", style: style, isContinuation: false))
            }
        }
    }

    /// Blanks whole rows, edge to edge: what a pop-up stands on, so no tail of a list row shows beside it.
    public mutating func clearRows(y: Int, height rows: Int) {
        fill(x: 0, y: y, width: width, height: rows)
    }

    /// Changes the style of cells without changing their characters.
    public mutating func restyle(x: Int, y: Int, width columns: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + columns) {
            change(&cells[y * width + column].style)
        }
    }

    /// A box-drawing frame with an optional title in the top edge.
    public mutating func frame(x: Int, y: Int, width columns: Int, height rows: Int, title: String = "", style: Style = .plain) {
        guard columns >= 2, rows >= 2 else { return }
        draw("┌" + String(repeating: "─", count: columns - 2) + "┐", x: x, y: y, style: style)
        for row in (y + 1)..<(y + rows - 1) {
            draw("│", x: x, y: row, style: style)
            draw("│", x: x + columns - 1, y: row, style: style)
        }
        draw("└" + String(repeating: "─", count: columns - 2) + "┘", x: x, y: y + rows - 1, style: style)
        // A title longer than the edge ends in "…", so that a cut word does not read as another ("Geplan").
        if !title.isEmpty { draw(" \(DisplayWidth.truncate(title, to: max(1, columns - 6))) ", x: x + 2, y: y, style: style.bold(), limit: columns - 4) }
    }

    /// The text of row `y`, wide characters once.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation {
            text.append(self[x, y].character)
        }
        return text
    }

    /// Every row as text; used by snapshot tests.
    public var lines: [String] { (0..<height).map(line) }

    /// Whether any row contains `text`.
    public func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        // Overwriting half of a wide character blanks its other half. A new wide character is written left half first,
        // so its own right half is what replaces the old one's; the right half of a new wide character written over the
        // left half of an old one leaves that one's right half behind, which is blanked too.
        if cells[index].isContinuation && !cell.isContinuation && x > 0 {
            cells[index - 1] = Cell(character: " ", style: cells[index - 1].style, isContinuation: false)
        }
        if !cells[index].isContinuation && x + 1 < width && cells[index + 1].isContinuation
            && (cell.isContinuation || DisplayWidth.of(cell.character) < 2) {
            cells[index + 1] = Cell(character: " ", style: cells[index + 1].style, isContinuation: false)
        }
        cells[index] = cell
    }
}
