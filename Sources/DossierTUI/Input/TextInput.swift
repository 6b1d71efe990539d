import DossierCore

/// A line of text being edited, with a cursor counted in characters. Holds at most `maximumLength`
/// characters (the longest text any field takes, `Limits.longText`): typing or pasting beyond it adds
/// nothing, and `isFull` says so. What is drawn costs the visible part, not the whole text.
public struct TextInput: Hashable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public let maximumLength: Int

    public init(_ text: String = "", maximumLength: Int = Limits.longText) {
        characters = Array(text)
        cursor = characters.count
        self.maximumLength = maximumLength
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }
    /// No more characters fit.
    public var isFull: Bool { characters.count >= maximumLength }

    /// The first `count` characters, without building the whole text.
    public func prefix(_ count: Int) -> String { String(characters.prefix(count)) }

    /// Applies a key: a character is typed, an editing key does what the key map's text-editing group binds
    /// it to. Returns false for keys that are not about editing text.
    @discardableResult
    public mutating func handle(_ key: Key, keyMap: KeyMap = .standard) -> Bool {
        if case .character(let character) = key {
            insert(character)
            return true
        }
        guard let action = keyMap.action(for: key, in: [.textEditing]) else { return false }
        return perform(action)
    }

    /// Does a text-editing action. Returns false for actions that are not about editing text.
    @discardableResult
    public mutating func perform(_ action: Action) -> Bool {
        switch action {
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .cursorToLineStart: cursor = 0
        case .cursorToLineEnd: cursor = characters.count
        case .cursorWordLeft: cursor = wordStart(before: cursor)
        case .cursorWordRight: cursor = wordEnd(after: cursor)
        case .deleteBackward:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .deleteWordBackward:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .deleteWordForward:
            characters.removeSubrange(cursor..<wordEnd(after: cursor))
        case .deleteToLineStart:
            characters.removeFirst(cursor)
            cursor = 0
        case .deleteToLineEnd:
            characters.removeLast(characters.count - cursor)
        default:
            return false
        }
        return true
    }

    /// The start of the word before `position` (spaces before it skipped).
    private func wordStart(before position: Int) -> Int {
        var start = position
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        return start
    }

    /// The end of the word after `position` (spaces before it skipped).
    private func wordEnd(after position: Int) -> Int {
        var end = position
        while end < characters.count && characters[end].isWhitespace { end += 1 }
        while end < characters.count && !characters[end].isWhitespace { end += 1 }
        return end
    }

    public mutating func insert(_ character: Character) {
        insert(contentsOf: String(character))
    }

    /// What a line break in inserted text becomes: a space in a field of one line, itself in a long text (notes).
    public enum LineBreaks: Sendable {
        case asSpaces
        case kept
    }

    /// Inserts text at the cursor as typing it would, as far as it fits; returns whether all of it did.
    /// Costs the length of the text and of what follows the cursor, however it arrives.
    @discardableResult
    public mutating func insert(contentsOf text: some StringProtocol, lineBreaks: LineBreaks = .asSpaces) -> Bool {
        let room = maximumLength - characters.count
        var added: [Character] = []
        added.reserveCapacity(max(0, min(room, text.utf8.count)))
        var fitted = true
        var afterBreak = false
        for character in text {
            guard added.count < room else {
                fitted = false
                break
            }
            // Pasted line breaks and tabs become spaces in a field of one line. A blank line is one space, not two.
            if character.isNewline && lineBreaks == .kept {
                added.append("\n")
                continue
            }
            if character.isNewline {
                if !afterBreak { added.append(" ") }
                afterBreak = true
                continue
            }
            afterBreak = false
            added.append(character == "\t" ? " " : character)
        }
        characters.insert(contentsOf: added, at: cursor)
        cursor += added.count
        return fitted
    }

    public mutating func moveCursorToEnd() {
        cursor = characters.count
    }

    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// The visible part for a field `width` columns wide, and the cursor's column in it: scrolled so that
    /// the cursor (and one column after it) stays visible. Looks only at the characters around the cursor.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        // Back from the cursor as far as fits with one column to spare.
        var start = cursor
        var beforeCursor = 0
        while start > 0 {
            let characterWidth = DisplayWidth.of(characters[start - 1])
            if beforeCursor + characterWidth + 1 > width { break }
            beforeCursor += characterWidth
            start -= 1
        }
        var end = start
        var used = 0
        while end < characters.count {
            let characterWidth = DisplayWidth.of(characters[end])
            if used + characterWidth > width { break }
            used += characterWidth
            end += 1
        }
        return (String(characters[start..<end]), beforeCursor)
    }

    /// The text broken into lines of at most `width` columns (after a space where possible), with the
    /// cursor's line and column: for showing a long text over several rows. A very long text is wrapped
    /// only in a stretch around the cursor (a field shows a few rows of it), whose start moves in steps so
    /// that lines do not shift while typing; `hasTextBefore` and `hasTextAfter` say there is more of it beyond the stretch.
    public func wrapped(width: Int) -> (lines: [String], cursorLine: Int, cursorColumn: Int, hasTextBefore: Bool, hasTextAfter: Bool) {
        guard width > 1 else { return ([prefix(width)], 0, 0, false, false) }
        let stretch = max(4_096, width * 64)
        let anchor = cursor / stretch * stretch
        let first = max(0, anchor - stretch)
        let last = min(characters.count, anchor + 2 * stretch)
        var lines: [String] = []
        var lineStart = first
        var cursorLine = 0, cursorColumn = 0
        while lineStart < last {
            var end = lineStart
            var used = 0
            var lastSpace: Int?
            // A line break (a text from the editor) ends the line; otherwise it is wrapped after a space.
            while end < last && characters[end] != "\n" && used + DisplayWidth.of(characters[end]) <= width {
                if characters[end] == " " { lastSpace = end }
                used += DisplayWidth.of(characters[end])
                end += 1
            }
            let breaksHere = end < last && characters[end] == "\n"
            if !breaksHere, end < last, let space = lastSpace, space > lineStart { end = space + 1 }
            if cursor >= lineStart && (cursor < end || (breaksHere && cursor == end) || end == last) {
                cursorLine = lines.count
                cursorColumn = characters[lineStart..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
            }
            lines.append(String(characters[lineStart..<end]))
            lineStart = breaksHere ? end + 1 : end
            if breaksHere && lineStart == last {
                // A text ending in a line break: the cursor after it is on an empty last line.
                if cursor == last { cursorLine = lines.count; cursorColumn = 0 }
                lines.append("")
            }
        }
        if lines.isEmpty { lines = [""] }
        // The cursor after a full last line goes to the start of a new one.
        if cursor == characters.count && cursorColumn >= width {
            lines.append("")
            cursorLine = lines.count - 1
            cursorColumn = 0
        }
        return (lines, cursorLine, cursorColumn, first > 0, last < characters.count)
    }
}
