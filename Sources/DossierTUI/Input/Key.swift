/// A key press, in the program's own terms. Only the terminal backend knows curses key codes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Control with a letter, such as Ctrl-R (`.control("r")`).
    case control(Character)
    /// Alt (Meta) with a key, such as Alt-B (`.alt("b")`); the terminal sends Esc and the key at once.
    /// Alt-Backspace is `.alt("\u{7F}")`.
    case alt(Character)
    case function(Int)

    /// How the key is written in the help screen and the status bar.
    public var description: String {
        switch self {
        case .character(" "): "Spatie"
        case .character(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .alt("\u{7F}"): "Alt-Backspace"
        case .alt(let letter): "Alt-\(letter.uppercased())"
        case .function(let number): "F\(number)"
        }
    }
}
