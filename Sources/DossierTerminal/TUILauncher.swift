import DossierCore
import DossierTUI
#if canImport(Glibc)
import Glibc
#endif

/// Starts the TUI on a loaded dossier and gives the terminal back afterwards, whatever happens.
public enum TUILauncher {
    /// How the session ended: the signal that stopped it (0 after a normal quit) and the dossier as it
    /// was then, for the store to compact.
    public struct Outcome {
        public var signal: Int32
        public var dossier: Dossier
    }

    /// Runs until the user quits or a signal arrives. `notice` is shown on the first screen.
    public static func run(dossier: Dossier, session: StoreSession, clock: Clock, actor: String, isReadOnly: Bool, notice: String?,
                           lookAheadDays: Int = Reminder.defaultLookAheadDays, dateForm: DateWriting.Form = .dayMonthYear,
                           environment: [String: String]) throws(TerminalError) -> Outcome {
        // NO_COLOR (https://no-color.org): any non-empty value turns colours off.
        let wantsColor = (environment["NO_COLOR"] ?? "").isEmpty
        let backend = try CursesBackend(wantsColor: wantsColor)
        defer { backend.stop() }
        var state = AppState(dossier: dossier, today: clock.today(), width: backend.width, height: backend.height,
                             theme: backend.hasColor ? .colored : .monochrome, isReadOnly: isReadOnly, lookAheadDays: lookAheadDays,
                             dates: DateWriting(form: dateForm, clock: clock))
        if let notice { state.message = isReadOnly ? .error(notice) : .info(notice) }
        let loop = AppLoop(state: state, backend: backend, session: session, clock: clock, actor: actor,
                           externals: TerminalPrograms(backend: backend, environment: environment))
        loop.run()
        return Outcome(signal: backend.receivedSignal, dossier: loop.state.dossier)
    }
}
