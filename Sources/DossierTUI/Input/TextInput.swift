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

    /// The visible part for a field `width` columns wide, and the cursor's column in it.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        var start = 0
        func columns(_ range: Range<Int>) -> Int { range.reduce(0) { $0 + DisplayWidth.of(characters[$1]) } }
        // Scroll so that the cursor (and one column after it) stays visible.
        while start < cursor && columns(start..<cursor) + 1 > width { start += 1 }
        var end = start
        var used = 0
        while end < characters.count && used + DisplayWidth.of(characters[end]) <= width {
            used += DisplayWidth.of(characters[end])
            end += 1
        }
        return (String(characters[start..<end]), columns(start..<cursor))
    }
}
