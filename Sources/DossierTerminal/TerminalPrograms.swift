import CTerminalSupport
import DossierCore
import DossierTUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The user's editor and the desktop's link opener, run from the TUI with the terminal handed over.
public final class TerminalPrograms: ExternalPrograms {
    private let backend: CursesBackend
    private let environment: [String: String]

    public init(backend: CursesBackend, environment: [String: String]) {
        self.backend = backend
        self.environment = environment
    }

    // MARK: Editing a long text

    /// `$VISUAL`, else `$EDITOR`, else `editor` or `vi` when installed: the convention of git and crontab.
    var editorCommand: String? {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingSpaces(), !value.isEmpty { return value }
        }
        return ["editor", "vi"].first { executable($0) != nil }
    }

    public func edit(_ text: String, label: String) -> ExternalOutcome<String> {
        guard let editor = editorCommand else {
            return .failed("Geen editor gevonden: zet $VISUAL of $EDITOR (bijvoorbeeld export EDITOR=nano) en probeer het opnieuw.")
        }
        // A file only the user can read (the text may hold personal data), removed afterwards.
        let directory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/dossier-\(Slug.make(from: label).prefix(30))-XXXXXX.txt".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard descriptor >= 0 else { return .failed("Kon geen tijdelijk bestand maken in \(directory) voor de editor.") }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        dossier_terminal_set_temporary_file(path)
        var keepsFile = false
        defer {
            dossier_terminal_set_temporary_file(nil)
            if !keepsFile { unlink(path) }
        }
        let bytes = Array((text + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { return .failed("Kon de tekst niet naar \(path) schrijven voor de editor.") }
        // The editor string may hold arguments ("code --wait"): the shell reads it, the file comes as $1. The shell becomes the
        // editor (exec), so that a stop signal passed on to the program run reaches the editor itself.
        let status = backend.suspend { run(["/bin/sh", "-c", "exec " + editor + " \"$1\"", "sh", path]) }
        guard status == 0 else {
            return .failed(status < 0 ? "De editor '\(editor)' kon niet starten; het veld is niet veranderd."
                                      : "De editor '\(editor)' stopte met exitcode \(status); het veld is niet veranderd.")
        }
        guard let data = FileManager.default.contents(atPath: path), var edited = String(data: data, encoding: .utf8) else {
            // What was written is not thrown away: the file stays, named, for the person to save as UTF-8 and paste.
            keepsFile = true
            return .failed("De tekst uit de editor is geen UTF-8; het veld is niet veranderd. Wat u schreef staat nog in \(path).")
        }
        while edited.hasSuffix("\n") || edited.hasSuffix("\r") { edited.removeLast() }
        return .done(edited)
    }

    // MARK: Suspending to the shell

    public func suspend() -> ExternalOutcome<String> {
        // Stopped without a shell to continue it, the program would hang the window: a terminal that runs it directly,
        // or a shell without job control.
        guard dossier_terminal_can_suspend() != 0 else {
            return .failed("Onderbreken kan niet: dossier is niet vanuit een shell met taakbeheer gestart (fg zou het niet terughalen). Stoppen: Ctrl-C.")
        }
        backend.suspend { dossier_terminal_suspend_self() }
        return .done("")
    }

    // MARK: Opening a link

    public func open(_ target: LinkTarget) -> ExternalOutcome<String> {
        var address = target.text
        if case .path(let typed) = target {
            address = FilePath.expandingHome(typed, home: environment["HOME"])
            guard FileManager.default.fileExists(atPath: address) else {
                return .failed("Het bestand \(address) bestaat niet (of is hier niet bereikbaar).")
            }
        }
        let hasDesktop = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        if hasDesktop, executable("xdg-open") != nil {
            // In the background, its output away from the screen: a desktop program opens in its own window.
            let status = run(["/bin/sh", "-c", "xdg-open \"$1\" >/dev/null 2>&1 &", "sh", address])
            return status == 0 ? .done("Geopend met xdg-open: \(address)") : .failed("xdg-open kon \(address) niet openen.")
        }
        // $BROWSER may list several, separated by colons; without a desktop it is a text browser that needs the terminal.
        if let browser = environment["BROWSER"]?.split(separator: ":").first.map(String.init), !browser.isEmpty {
            let status = backend.suspend { run(["/bin/sh", "-c", browser + " \"$1\"", "sh", address]) }
            return status == 0 ? .done("Geopend met \(browser): \(address)") : .failed("\(browser) kon \(address) niet openen (exitcode \(status)).")
        }
        if executable("xdg-open") != nil {
            // It may start a text browser, which needs the terminal; what it says when it finds none ("www-browser: not
            // found", seven lines) is dropped instead of staying behind on the terminal after the program ends.
            let status = backend.suspend { run(["/bin/sh", "-c", "xdg-open \"$1\" 2>/dev/null", "sh", address]) }
            return status == 0 ? .done("Geopend met xdg-open: \(address)")
                : .failed("xdg-open kon \(address) niet openen: er is geen grafische omgeving en geen $BROWSER. De link: \(address)")
        }
        return .failed("Geen programma om links te openen: installeer xdg-utils (xdg-open) of zet $BROWSER. De link: \(address)")
    }

    // MARK: Running programs

    /// Runs in the foreground and waits; the exit status, or -1 when it could not start.
    private func run(_ arguments: [String]) -> Int32 {
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return dossier_run_foreground(pointers)
    }

    /// The path of an executable on `PATH`.
    private func executable(_ name: String) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
