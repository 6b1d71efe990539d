import DossierCore

/// Which lines of a long text being edited are in view in the rows its field has, and the rows that say what is not:
/// "↑ nog 2 regels" above the lines shown, "↓ nog 3 regels" below them, so that a hidden first line is never read as a
/// text that starts blank. The cursor's line is always in view.
struct TextFieldWindow: Equatable {
    enum Row: Equatable {
        /// A line of the wrapped text, by its index.
        case line(Int)
        /// In place of lines: what is hidden.
        case hidden(String)
    }

    var rows: [Row]

    /// `hasTextBefore`, `hasTextAfter`: the wrapped lines are a stretch of a very long text, with more of it beyond.
    init(lineCount: Int, cursorLine: Int, rows room: Int, hasTextBefore: Bool = false, hasTextAfter: Bool = false) {
        let cursor = min(max(0, cursorLine), max(0, lineCount - 1))
        if lineCount <= room && !hasTextBefore && !hasTextAfter {
            rows = (0..<lineCount).map(Row.line)
            return
        }
        func above(_ first: Int) -> String { hasTextBefore ? "↑ nog meer tekst" : "↑ nog \(count(first, "regel", "regels"))" }
        func below(_ end: Int) -> String { hasTextAfter ? "↓ nog meer tekst" : "↓ nog \(count(lineCount - end, "regel", "regels"))" }
        // The fewest marks that leave the cursor's line in view; with both, the cursor's line is the last shown, as it is
        // while typing on.
        for (marksAbove, marksBelow) in [(false, true), (true, false), (true, true)] {
            let shown = room - (marksAbove ? 1 : 0) - (marksBelow ? 1 : 0)
            guard shown >= 1, shown <= lineCount else { continue }
            let lowest = hasTextBefore ? 0 : 1, highest = lineCount - shown - (hasTextAfter ? 0 : 1)
            let first = !marksAbove ? 0 : !marksBelow ? lineCount - shown : min(max(lowest, cursor - shown + 1), highest)
            let end = first + shown
            guard first >= 0, (first..<end).contains(cursor),
                  marksAbove == (first > 0 || hasTextBefore), marksBelow == (end < lineCount || hasTextAfter) else { continue }
            rows = (marksAbove ? [.hidden(above(first))] : []) + (first..<end).map(Row.line) + (marksBelow ? [.hidden(below(end))] : [])
            return
        }
        // Two rows or one: the cursor's line, and what is hidden in one mark if there is a row for it.
        guard room >= 2 else {
            rows = [.line(cursor)]
            return
        }
        let hidden = [cursor > 0 || hasTextBefore ? above(cursor) : nil, cursor + 1 < lineCount || hasTextAfter ? below(cursor + 1) : nil]
        rows = [.hidden(hidden.compactMap { $0 }.joined(separator: " · ")), .line(cursor)]
    }
}
