@preconcurrency import CNcursesw
import CTerminalSupport
import DossierCore
import DossierTUI
#if canImport(Glibc)
import Glibc
#endif

/// Why the TUI could not start.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)
    /// Known, but curses cannot draw a screen on it (no cursor addressing: TERM=dumb, a printing terminal).
    case cannotDraw(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "de schermweergave heeft een terminal nodig; gebruik zonder terminal een opdracht (zie dossier --help)"
        case .unknownTerminal(let name) where name.isEmpty:
            "TERM is niet gezet, dus het terminaltype is onbekend (zet TERM, bijvoorbeeld TERM=xterm-256color)"
        case .unknownTerminal(let name):
            "terminaltype '\(name)' is onbekend (zet TERM, bijvoorbeeld TERM=xterm-256color)"
        case .cannotDraw(let name):
            "terminaltype '\(name)' kan de cursor niet plaatsen, dus geen scherm tekenen; gebruik een terminal die dat kan "
                + "(bijvoorbeeld TERM=xterm-256color), of een opdracht (zie dossier --help)"
        }
    }
}

/// Shows canvases with ncurses and turns its key codes into `Key`s. Only this type touches curses.
public final class CursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let usesColor: Bool
    private var colorPairs: [ColorPair: Int16] = [:]
    private var isStopped = false
    /// get_wch failing without waiting means input is gone (the terminal closed).
    private var immediateFailures = 0
    /// How long a wait for a key lasts before the loop gets a tick, in milliseconds.
    private static let tick: Int32 = 100
    /// The key codes ncurses gives for the brackets a terminal puts around pasted text: two codes above KEY_MAX
    /// that no key of this terminal has (its extended keys are numbered from there), or nil without them.
    private var pasteCodes: (start: Int32, end: Int32)?
    /// How long a paste may pause between characters (a slow connection) before the rest is taken as lost.
    private static let pastePause: Int32 = 2_000
    /// How long the bytes after the first of one character may take to come, in milliseconds.
    private static let characterPause: Int32 = 50
    /// The wait for a key `setTimeout` set last.
    private var timeout: Int32 = tick
    /// A window size that changed while a paste was read: handed on as the next event.
    private var resizeDuringPaste = false
    /// A stop signal that came while a paste was read: handed on as the next event.
    private var stopDuringPaste = false
    /// The signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) that ended the session, if one did.
    public private(set) var receivedSignal: Int32 = 0

    private struct ColorPair: Hashable {
        var foreground: Color
        var background: Color
    }

    /// Takes over the terminal. `wantsColor` is false under NO_COLOR.
    public init(wantsColor: Bool) throws(TerminalError) {
        // Accents and box lines need a UTF-8 locale; fall back to C.UTF-8 when the environment's is not.
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset).uppercased().replacing("-", with: "") != "UTF8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
        try Self.checkTerminal()
        dossier_terminal_save(STDIN_FILENO)
        // Before curses starts: finding SIGTSTP handled already, curses leaves it alone (it would otherwise put in its
        // own handler, and ignore the signal while it draws).
        dossier_terminal_install_handlers()
        guard let screen = newterm(nil, stdout, stdin) else {
            dossier_terminal_release_stop()
            throw .unknownTerminal(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(stdscr, true)
        // Bracketed paste: pasted text arrives between these, so that it is never read as keys (a pasted "dJ"
        // deleting a relation). A terminal that does not know the mode ignores it, and then a paste is keys.
        pasteCodes = Self.definePasteKeys()
        if pasteCodes != nil { Self.setBracketedPaste(true) }
        Self.defineCommonKeys()
        set_escdelay(25)
        wtimeout(stdscr, Self.tick)
        curs_set(0)
        usesColor = wantsColor && has_colors()
        if usesColor {
            start_color()
            use_default_colors()
        }
    }

    /// Whether a screen can be drawn here, asked before anything touches the terminal: stdin and stdout are a
    /// terminal, and its type (TERM) is known and can place the cursor.
    public static func checkTerminal() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        try checkTerminalType()
    }

    /// On a terminal, whether its type (TERM) is known and can place the cursor; without one, nothing to check.
    public static func checkTerminalType() throws(TerminalError) {
        guard isatty(STDOUT_FILENO) == 1 else { return }
        let name = getenv("TERM").map { String(cString: $0) } ?? ""
        switch dossier_terminal_drawable(STDOUT_FILENO) {
        case 1: return
        case 0: throw .cannotDraw(name)
        default: throw .unknownTerminal(name)
        }
    }

    /// Whether colours are shown (a terminal without colours gets the monochrome theme).
    public var hasColor: Bool { usesColor }

    public var width: Int { Int(getmaxx(stdscr)) }
    public var height: Int { Int(getmaxy(stdscr)) }

    public func show(_ canvas: Canvas) {
        werase(stdscr)
        let columns = min(canvas.width, width)
        // One buffer for every run of cells in one style, its room kept: a frame is drawn without an allocation per cell.
        var text: [wchar_t] = []
        text.reserveCapacity(2 * columns + 1)
        for y in 0..<min(canvas.height, height) {
            var x = 0
            while x < columns {
                let style = canvas[x, y].style
                let start = x
                text.removeAll(keepingCapacity: true)
                while x < columns {
                    let cell = canvas[x, y]
                    guard cell.style == style else { break }
                    if !cell.isContinuation {
                        for scalar in cell.character.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    x += 1
                }
                apply(style)
                text.append(0)
                _ = mvaddnwstr(Int32(y), Int32(start), text, Int32(text.count - 1))
            }
        }
        if let cursor = canvas.cursor {
            curs_set(1)
            wmove(stdscr, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
            // Hidden, but where the eye is: screen readers and braille displays follow the cursor (`Canvas.focus`).
            if let focus = canvas.focus { wmove(stdscr, Int32(focus.y), Int32(focus.x)) }
        }
        wrefresh(stdscr)
    }

    public func nextEvent() -> TerminalEvent {
        if let pending = eventAfterPaste() { return pending }
        if takeSignal() { return .stop }
        if let continued = eventAfterContinuing() { return continued }
        if dossier_terminal_take_suspend_request() != 0 { return .suspendRequested }
        var character: wint_t = 0
        let result = readCharacter(&character)
        if takeSignal() { return .stop }
        if dossier_terminal_take_suspend_request() != 0 {
            // The key read (if any) comes after the stop, as it would have had the stop come first.
            if result == OK { unget_wch(wchar_t(bitPattern: character)) } else if result == KEY_CODE_YES { ungetch(Int32(character)) }
            return .suspendRequested
        }
        switch result {
        case OK:
            immediateFailures = 0
            return keyEvent(for: character)
        case KEY_CODE_YES:
            immediateFailures = 0
            if Int32(character) == KEY_RESIZE { return .resize(width: width, height: height) }
            if Int32(character) == pasteCodes?.start { return .paste(readPaste()) }
            return Self.key(forCode: Int32(character)).map(TerminalEvent.key) ?? .tick
        default:
            // A timeout waits a tick; failing again and again without waiting means stdin is gone.
            immediateFailures += 1
            guard immediateFailures > 200 && isatty(STDIN_FILENO) != 1 else { return .tick }
            // The terminal was closed: a hangup, also when its signal has not come (yet) or never comes (a screen started
            // in a session of its own). Ended as by that signal, so that text typed in an open form is kept in a file.
            if !takeSignal() { receivedSignal = SIGHUP }
            return .stop
        }
    }

    public func nextEvent(waitingAtMost milliseconds: Int32) -> TerminalEvent {
        setTimeout(milliseconds)
        defer { setTimeout(Self.tick) }
        return nextEvent()
    }

    public func pendingEvent() -> TerminalEvent? {
        if let pending = eventAfterPaste() { return pending }
        if takeSignal() { return .stop }
        if dossier_terminal_take_suspend_request() != 0 { return .suspendRequested }
        setTimeout(0)
        defer { setTimeout(Self.tick) }
        var character: wint_t = 0
        switch readCharacter(&character) {
        case OK:
            return keyEvent(for: character)
        case KEY_CODE_YES:
            if Int32(character) == KEY_RESIZE { return .resize(width: width, height: height) }
            if Int32(character) == pasteCodes?.start { return .paste(readPaste()) }
            return Self.key(forCode: Int32(character)).map(TerminalEvent.key)
        default:
            return takeSignal() ? .stop : nil
        }
    }

    /// The text up to the closing bracket, as it came (the TUI leaves out its control characters); a key code
    /// inside it (an arrow's sequence in the pasted text) is left out. Kept up to what a field takes, read to its
    /// end; ends early when the text stops coming for a while, or at a stop signal (handed on next, as is a new
    /// window size).
    private func readPaste() -> String {
        setTimeout(Self.pastePause)
        defer { setTimeout(Self.tick) }
        var text = String.UnicodeScalarView()
        var kept = 0
        while !stopDuringPaste {
            var character: wint_t = 0
            let result = readCharacter(&character)
            if takeSignal() { stopDuringPaste = true }
            switch result {
            case OK:
                if kept <= Limits.longText, let scalar = Unicode.Scalar(UInt32(character)) {
                    text.append(scalar)
                    kept += 1
                }
            case KEY_CODE_YES:
                if Int32(character) == pasteCodes?.end { return String(text) }
                if Int32(character) == KEY_RESIZE { resizeDuringPaste = true }
            default:
                return String(text)
            }
        }
        return String(text)
    }

    /// `wget_wch` as this program needs it: the bytes read one by one (`wgetch`) and made characters here
    /// (`KeyboardBytes`), so that a byte that is no UTF-8 becomes `�` instead of taking the rest of the input with it.
    /// OK with a character, KEY_CODE_YES with a key code, ERR when nothing came in time.
    private func readCharacter(_ character: inout wint_t) -> Int32 {
        let first = wgetch(stdscr)
        if first == ERR { return ERR }
        if first > 0xFF {
            character = wint_t(first)
            return KEY_CODE_YES
        }
        let waited = timeout
        var waitsForRest = false
        let decoded = KeyboardBytes.decode(first: UInt8(first)) {
            if !waitsForRest {
                // Within a paste a slow line may pause longer inside a character too.
                wtimeout(stdscr, max(Self.characterPause, waited))
                waitsForRest = true
            }
            let next = wgetch(stdscr)
            return next == ERR ? nil : next
        }
        if waitsForRest { wtimeout(stdscr, waited) }
        if let putBack = decoded.putBack { ungetch(putBack) }
        character = wint_t(decoded.scalar.value)
        return OK
    }

    private func setTimeout(_ milliseconds: Int32) {
        timeout = milliseconds
        wtimeout(stdscr, milliseconds)
    }

    /// What came in while a paste was read, handed on after it.
    private func eventAfterPaste() -> TerminalEvent? {
        if stopDuringPaste { return .stop }
        guard resizeDuringPaste else { return nil }
        resizeDuringPaste = false
        return .resize(width: width, height: height)
    }

    /// Lets ncurses read the brackets of a paste as two key codes of their own: the first two above KEY_MAX that no
    /// key of this terminal has. Nil when that did not take (then a paste arrives as keys).
    private static func definePasteKeys() -> (start: Int32, end: Int32)? {
        // A plain loop: a lazy filter's generic types cost runtime lookups at every start (± 0,15 ms; perf, 40 starts).
        var unbound: [Int32] = []
        for code in KEY_MAX + 1...KEY_MAX + 512 where unbound.count < 2 {
            // keybound hands back a copy of the key's string, to be freed.
            if let bound = keybound(code, 0) { free(bound) } else { unbound.append(code) }
        }
        guard unbound.count == 2 else { return nil }
        let codes = (start: unbound[0], end: unbound[1])
        define_key("\u{1B}[200~", codes.start)
        define_key("\u{1B}[201~", codes.end)
        guard key_defined("\u{1B}[200~") == codes.start, key_defined("\u{1B}[201~") == codes.end else { return nil }
        return codes
    }

    /// The keys every terminal emulator of today sends in xterm's form, known also where TERM names a terminal whose
    /// description lacks them (vt100, xterm-mono, a TERM copied from another machine): read as Esc and letters, PgDn
    /// switched tabs and Shift-Tab in a form asked to throw the input away. A sequence the description binds stays its.
    private static func defineCommonKeys() {
        let keys: [(String, Int32)] = [
            ("[A", KEY_UP), ("[B", KEY_DOWN), ("[C", KEY_RIGHT), ("[D", KEY_LEFT),
            ("OA", KEY_UP), ("OB", KEY_DOWN), ("OC", KEY_RIGHT), ("OD", KEY_LEFT),
            ("[5~", KEY_PPAGE), ("[6~", KEY_NPAGE), ("[3~", KEY_DC), ("[2~", KEY_IC), ("[Z", KEY_BTAB),
            ("[H", KEY_HOME), ("OH", KEY_HOME), ("[1~", KEY_HOME), ("[7~", KEY_HOME),
            ("[F", KEY_END), ("OF", KEY_END), ("[4~", KEY_END), ("[8~", KEY_END),
            ("OP", dossier_key_f(1)), ("OQ", dossier_key_f(2)), ("OR", dossier_key_f(3)), ("OS", dossier_key_f(4)),
            ("[11~", dossier_key_f(1)), ("[12~", dossier_key_f(2)), ("[13~", dossier_key_f(3)), ("[14~", dossier_key_f(4)),
            ("[15~", dossier_key_f(5)), ("[17~", dossier_key_f(6)), ("[18~", dossier_key_f(7)), ("[19~", dossier_key_f(8)),
            ("[20~", dossier_key_f(9)), ("[21~", dossier_key_f(10)), ("[23~", dossier_key_f(11)), ("[24~", dossier_key_f(12)),
        ]
        for (tail, code) in keys where key_defined("\u{1B}" + tail) == 0 {
            define_key("\u{1B}" + tail, code)
        }
    }

    /// Turns bracketed paste on or off: written to the terminal around what curses writes.
    private static func setBracketedPaste(_ on: Bool) {
        fputs(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l", stdout)
        fflush(stdout)
    }

    /// The event of a character read: Esc with what came with it (Alt, a key's sequence, or Esc alone), else its key.
    private func keyEvent(for character: wint_t) -> TerminalEvent {
        guard character == 27 else { return .key(Self.key(forCharacter: character)) }
        switch afterEscape() {
        case .alt(let key): return .key(key)
        case .ignored: return .tick
        case .escape: return .key(.escape)
        }
    }

    /// What an Esc read is, from what came with it.
    private enum AfterEscape {
        /// Esc with a letter (or Backspace) right behind it: Alt with that key.
        case alt(Key)
        /// A key's sequence that no description names, read and left out.
        case ignored
        /// Esc alone.
        case escape
    }

    /// Esc with a letter (or Backspace) right behind it, sent together by the terminal: Alt with that key. Esc with
    /// `[` or `O`: a key's sequence curses did not know, left out. Esc alone stays Esc; anything else after it is put
    /// back to be read next.
    private func afterEscape() -> AfterEscape {
        setTimeout(0)
        defer { setTimeout(Self.tick) }
        var next: wint_t = 0
        switch readCharacter(&next) {
        case OK: break
        case KEY_CODE_YES:
            // With keypad on, the terminal's Backspace arrives as a key code.
            if Int32(next) == KEY_BACKSPACE { return .alt(.alt("\u{7F}")) }
            ungetch(Int32(next))
            return .escape
        default: return .escape
        }
        if next == 127 || next == 8 { return .alt(.alt("\u{7F}")) }
        if next == wint_t(UInt8(ascii: "[")) || next == wint_t(UInt8(ascii: "O")) {
            // A key's sequence no description names (Ctrl-arrow, F13): read to its end and left out, so that its
            // letters and digits do not arrive as keys of their own after an Esc.
            skipSequence(after: next)
            return .ignored
        }
        if let scalar = Unicode.Scalar(UInt32(next)), scalar.isASCII, scalar.properties.isAlphabetic {
            // As typed: Alt with a capital is Alt with the small letter where only that is bound (`AppState.keysOfAlt`),
            // and Esc typed quickly before a capital is Esc and that capital.
            return .alt(.alt(Character(scalar)))
        }
        unget_wch(wchar_t(bitPattern: next))
        return .escape
    }

    /// Reads the rest of a key's sequence that came with an Esc: after `O` one character, after `[` parameters up to
    /// the final character (`@` to `~`). Only what has already arrived; at most a few characters.
    private func skipSequence(after introducer: wint_t) {
        for _ in 0..<16 {
            var next: wint_t = 0
            guard readCharacter(&next) == OK else { return }
            if introducer == wint_t(UInt8(ascii: "O")) || (0x40...0x7E).contains(next) { return }
        }
    }

    /// After a SIGSTOP from outside and fg (a SIGTSTP goes the way of Ctrl-Z, `suspend`) the shell had the terminal and
    /// left it in its own modes: the program's modes (raw, no echo, the keypad) are set again, bracketed paste is on
    /// again and the screen drawn anew, as after the editor (`suspend`). Else keys would wait for Enter and echo, and a
    /// paste would arrive as keys (`dJ` deleting).
    private func eventAfterContinuing() -> TerminalEvent? {
        guard dossier_terminal_take_continued() != 0 else { return nil }
        reset_prog_mode()
        if pasteCodes != nil { Self.setBracketedPaste(true) }
        clearok(stdscr, true)
        return .resize(width: width, height: height)
    }

    private func takeSignal() -> Bool {
        let signal = dossier_terminal_take_signal()
        if signal != 0 { receivedSignal = signal }
        return signal != 0
    }

    /// Hands the terminal to another program (an editor, a text browser) while `body` runs: curses' modes
    /// saved and the screen left, then restored and drawn anew from scratch.
    public func suspend<T>(_ body: () -> T) -> T {
        def_prog_mode()
        Self.setBracketedPaste(false)
        endwin()
        let result = body()
        reset_prog_mode()
        if pasteCodes != nil { Self.setBracketedPaste(true) }
        clearok(stdscr, true)
        wrefresh(stdscr)
        return result
    }

    /// Gives the terminal back as it was. Safe to call twice.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        curs_set(1)
        // Keys typed ahead for the TUI must not reach the shell as commands.
        flushinp()
        Self.setBracketedPaste(false)
        endwin()
        delscreen(screen)
        dossier_terminal_release_stop()
    }

    deinit { stop() }

    private func apply(_ style: Style) {
        var attributes = dossier_attr_normal()
        if style.isBold { attributes |= dossier_attr_bold() }
        if style.isDim { attributes |= dossier_attr_dim() }
        if style.isReversed { attributes |= dossier_attr_reverse() }
        if style.isUnderlined { attributes |= dossier_attr_underline() }
        var pair: Int16 = 0
        if usesColor && (style.foreground != .standard || style.background != .standard) {
            let key = ColorPair(foreground: style.foreground, background: style.background)
            if let existing = colorPairs[key] {
                pair = existing
            } else if colorPairs.count + 1 < Int(COLOR_PAIRS) {
                pair = Int16(colorPairs.count + 1)
                init_pair(pair, Int16(style.foreground.rawValue), Int16(style.background.rawValue))
                colorPairs[key] = pair
            }
        }
        wattr_set(stdscr, attributes, pair, nil)
    }

    static func key(forCharacter value: wint_t) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return .character("\u{FFFD}") }
            return .character(Character(scalar))
        }
    }

    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case dossier_key_f(1)...dossier_key_f(12): .function(Int(code - dossier_key_f(0)))
        default: nil
        }
    }
}
