import Foundation

/// A tmux server of its own (its own socket, so tests can run in parallel) with one session running a
/// command, driven with send-keys and read with capture-pane. tmux is started with posix_spawn and its
/// output goes to files: a pipe would be inherited by the tmux server and never close.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    private let scratch = TemporaryDirectory(prefix: "dossier-tmux")
    private let tmux: String

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `command` (run by /bin/sh) in a session of `width`×`height`.
    public init(command: String, width: Int = 100, height: Int = 30) throws {
        socket = "dossier-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard let found = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first(where: FileManager.default.isExecutableFile) else {
            throw Failure(description: "tmux is not installed (apt-get install tmux)")
        }
        tmux = found
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit {
        close()
    }

    /// Closes the terminal, as closing its window does: the server and its sessions end.
    public func close() {
        _ = try? run(["kill-server"])
    }

    /// A bash in tmux, ready at its prompt, with a clean environment: `home` as HOME, a UTF-8 locale, the
    /// tests' fixed clock and user (nil: none, so a first start asks for a name), and `extraEnvironment` (`NAME=value …`).
    public static func shell(home: String, width: Int = 100, height: Int = 30, user: String? = "e2e",
                             extraEnvironment: String = "") throws -> TmuxSession {
        let session = try TmuxSession(command: cleanEnvironment(home: home) + "DOSSIER_NOW=2026-11-22T09:00:00Z "
                                      + "\(user.map { "DOSSIER_USER=\($0) " } ?? "")\(extraEnvironment) bash --norc --noprofile",
                                      width: width, height: height)
        try session.type("PS1='READY> '")
        try session.send("Enter")
        try session.waitFor("READY>")
        return session
    }

    /// The start of a command run with nothing of the tests' environment: `home` as HOME, a UTF-8 locale.
    public static func cleanEnvironment(home: String) -> String {
        "env -i PATH=/usr/bin:/bin HOME=\(home) TERM=xterm-256color LANG=C.UTF-8 "
    }

    /// Named keys, as tmux spells them: `Enter`, `Escape`, `Tab`, `C-s`, `Down`, or single characters.
    public func send(_ keys: String...) throws {
        try run(["send-keys", "-t", "t"] + keys)
    }

    /// Literal text.
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", "t", "-l", text])
    }

    /// A command line typed at the shell's prompt and run; what it shows once `text` appears.
    @discardableResult
    public func run(_ command: String, until text: String, timeout: Double = 10) throws -> String {
        try type(command)
        try send("Enter")
        return try waitFor(text, timeout: timeout)
    }

    /// Bytes as they are, UTF-8 or not (a terminal set to Latin-1).
    public func sendBytes(_ bytes: [UInt8]) throws {
        try run(["send-keys", "-t", "t", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// Text pasted as a terminal pastes it: between the brackets of bracketed paste when the program asked for
    /// those, otherwise as keys.
    public func paste(_ text: String) throws {
        try scratch.write("paste", text)
        try run(["load-buffer", "-b", "paste", scratch.file("paste")])
        try run(["paste-buffer", "-p", "-d", "-b", "paste", "-t", "t"])
    }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible text of the pane; with `escapes`, including the terminal's colour sequences.
    public func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-t", "t", "-p"] + (escapes ? ["-e"] : []))
    }

    /// Polls the pane every 100 ms until `text` appears; fails with the last screen after `timeout`.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitFor(text, gone: [], timeout: timeout)
    }

    /// Polls until `text` appears and none of `gone` is still on the pane: a screen that replaces another
    /// shares some text with it, and a capture may come while the terminal is still drawing the new one.
    @discardableResult
    public func waitFor(_ text: String, gone: [String], timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if screen.contains(text), !gone.contains(where: screen.contains) { return screen }
            usleep(100_000)
        }
        let without = gone.isEmpty ? "" : " (without \(gone.map { "'\($0)'" }.joined(separator: ", ")))"
        throw Failure(description: "'\(text)'\(without) did not appear within \(timeout) s. Screen:\n\(screen)")
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let out = scratch.file("out"), err = scratch.file("err"), input = scratch.file("in")
        if !FileManager.default.fileExists(atPath: input) { try scratch.write("in", "") }
        let status = try ProgramRunner.spawn(tmux, ["-L", socket] + arguments, environment: [
            "PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": scratch.path,
        ], stdin: input, stdout: out, stderr: err)
        let output = String(decoding: (try? scratch.read("out")) ?? [], as: UTF8.self)
        if status != 0 && arguments.first != "kill-server" {
            let error = String(decoding: (try? scratch.read("err")) ?? [], as: UTF8.self)
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(error)")
        }
        return output
    }
}
