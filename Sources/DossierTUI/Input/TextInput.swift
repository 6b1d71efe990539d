import DossierCore

/// A line of text being edited, with a cursor counted in characters.
public struct TextInput: Hashable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Applies an editing key. Returns false for keys that are not about editing text.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            insert(character)
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .control("k"):
            characters.removeLast(characters.count - cursor)
        case .control("w"):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    public mutating func insert(_ character: Character) {
        // Pasted line breaks and tabs become spaces: fields are one line.
        let safe: Character = character.isNewline || character == "\t" ? " " : character
        characters.insert(safe, at: cursor)
        cursor += 1
    }

    public mutating func moveCursorToEnd() {
        cursor = characters.count
    }

    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// The visible part for a field `width` columns wide, and the cursor's column in it: scrolled so that
    /// the cursor (and one column after it) stays visible. One pass over the text.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let widths = characters.map(DisplayWidth.of)
        // Scroll the start right until the cursor fits.
        var start = 0
        var beforeCursor = widths[0..<cursor].reduce(0, +)
        while start < cursor && beforeCursor + 1 > width {
            beforeCursor -= widths[start]
            start += 1
        }
        var end = start
        var used = 0
        while end < characters.count && used + widths[end] <= width {
            used += widths[end]
            end += 1
        }
        return (String(characters[start..<end]), beforeCursor)
    }

    /// The text broken into lines of at most `width` columns (after a space where possible), with the
    /// cursor's line and column: for showing a long text over several rows.
    public func wrapped(width: Int) -> (lines: [String], cursorLine: Int, cursorColumn: Int) {
        guard width > 1 else { return ([text], 0, 0) }
        var lines: [String] = []
        var lineStart = 0
        var cursorLine = 0, cursorColumn = 0
        while lineStart < characters.count {
            var end = lineStart
            var used = 0
            var lastSpace: Int?
            while end < characters.count && used + DisplayWidth.of(characters[end]) <= width {
                if characters[end] == " " { lastSpace = end }
                used += DisplayWidth.of(characters[end])
                end += 1
            }
            if end < characters.count, let space = lastSpace, space > lineStart { end = space + 1 }
            if cursor >= lineStart && (cursor < end || end == characters.count) {
                cursorLine = lines.count
                cursorColumn = characters[lineStart..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
            }
            lines.append(String(characters[lineStart..<end]))
            lineStart = end
        }
        if lines.isEmpty { lines = [""] }
        // The cursor after a full last line goes to the start of a new one.
        if cursor == characters.count && cursorColumn >= width {
            lines.append("")
            cursorLine = lines.count - 1
            cursorColumn = 0
        }
        return (lines, cursorLine, cursorColumn)
    }
}
