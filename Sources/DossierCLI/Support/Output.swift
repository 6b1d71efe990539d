import DossierCore
import DossierTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line's one way to stdout and stderr, unbuffered by Foundation. Everything goes through
/// `TerminalSafeText` on its way out: tables, messages, errors (that may quote a cell, a header or a file
/// name), help, and documents (CSV, Markdown, HTML, iCalendar, JSON) printed instead of written with `-o`.
/// Line breaks and tabs stay; escape sequences, other controls and bidi overrides are made visible.
/// Files written with `-o` keep their exact bytes (`OutputFile`).
enum Output {
    /// The first failed write to stdout (a full disk, a closed descriptor): the command's output is incomplete, and
    /// `DossierCommand.main` ends with exit 74 instead of success. Nothing more is written after it.
    nonisolated(unsafe) private(set) static var outputFailure: FileSystemError?

    /// The width of the terminal stdout goes to; nil for a pipe or a file, whose lines are never cut.
    static var width: Int? { TerminalWidth.columns(of: STDOUT_FILENO) }

    static func line(_ text: String = "") {
        write(TerminalSafeText.text(text + "\n"), to: STDOUT_FILENO)
    }

    /// A piece of a long text made as it goes (a table of many rows), written as `line` writes, without a
    /// line break of its own.
    static func piece(_ text: String) {
        write(TerminalSafeText.text(text), to: STDOUT_FILENO)
    }

    /// Prose for people: wrapped at spaces to the terminal's width (an amount stays on one line), whole to a
    /// pipe or a file. `indent` goes before every line.
    static func paragraph(_ text: String, indent: String = "") {
        guard let width else {
            line(indent + text)
            return
        }
        for wrapped in DisplayWidth.wrap(text, to: max(20, width - DisplayWidth.of(indent) - 1)) { line(indent + wrapped) }
    }

    /// A question without a line break, for interactive answers; wider than the terminal, wrapped at spaces, the answer
    /// after its last line.
    static func prompt(_ text: String) {
        guard let width, DisplayWidth.of(text) >= width else { return write(TerminalSafeText.text(text), to: STDOUT_FILENO) }
        var lines = DisplayWidth.wrap(text, to: max(20, width - 1))
        let last = lines.removeLast()
        for wrapped in lines { line(wrapped) }
        write(TerminalSafeText.text(last + (text.hasSuffix(" ") && !last.hasSuffix(" ") ? " " : "")), to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(TerminalSafeText.text(text + "\n"), to: STDERR_FILENO)
    }

    /// A whole document on stdout.
    static func document(_ bytes: [UInt8]) {
        write(TerminalSafeText.bytes(bytes), to: STDOUT_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        write(Array(text.utf8), to: descriptor)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        if descriptor == STDOUT_FILENO && outputFailure != nil { return }
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let result = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    // A closed pipe ends the program by SIGPIPE before this (not `apply`, which ignores it); anything else is output lost.
                    if descriptor == STDOUT_FILENO { outputFailure = FileSystemError(operation: "schrijven", path: "de uitvoer", code: errno) }
                    return
                }
                offset += result
            }
        }
    }
}
