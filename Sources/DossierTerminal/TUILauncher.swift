import DossierCore
import DossierTUI
#if canImport(Glibc)
import Glibc
#endif

/// Starts the TUI on a loaded dossier and gives the terminal back afterwards, whatever happens.
public enum TUILauncher {
    /// Runs until the user quits. Returns the signal that ended the session, or 0 after a normal quit.
    @discardableResult
    public static func run(dossier: Dossier, performer: CommitPerformer, clock: Clock, actor: String, isReadOnly: Bool,
                           environment: [String: String]) throws(TerminalError) -> Int32 {
        // NO_COLOR (https://no-color.org): any non-empty value turns colours off.
        let wantsColor = (environment["NO_COLOR"] ?? "").isEmpty
        let backend = try CursesBackend(wantsColor: wantsColor)
        defer { backend.stop() }
        let state = AppState(dossier: dossier, today: clock.today(), width: backend.width, height: backend.height,
                             theme: backend.hasColor ? .colored : .monochrome, isReadOnly: isReadOnly)
        AppLoop(state: state, backend: backend, performer: performer, clock: clock, actor: actor).run()
        return backend.receivedSignal
    }
}
