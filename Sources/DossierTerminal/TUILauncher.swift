import DossierCore
import DossierTUI
#if canImport(Glibc)
import Glibc
#endif

/// Starts the TUI and gives the terminal back afterwards, whatever happens.
public enum TUILauncher {
    /// What the first screen is made from.
    public enum Start {
        /// The whole dossier, read already; `afterFirstFrame` runs on another thread once the screen is up
        /// (writing the storage's list index when it was missing or stale).
        case loaded(Dossier, afterFirstFrame: ListIndexWrite?)
        /// The storage's list index: the first screen at once, the whole dossier read meanwhile through the
        /// session on another thread; `indexWrite`, asked there with the dossier read, gives what to write of the
        /// storage's indexes then (nil: nothing).
        case preview(ListIndex, indexWrite: ((Dossier) -> ListIndexWrite?)?)
    }

    /// How the session ended: the signal that stopped it (0 after a normal quit) and the dossier as it
    /// was then, for the store to compact (nil when it was never read: `loadFailure` says why).
    public struct Outcome {
        public var signal: Int32
        public var dossier: Dossier?
        public var loadFailure: StoreError?
        /// Ended by a signal with text typed in an open form: that text (`Form.unsavedText`).
        public var unsavedText: String?
    }

    /// Runs until the user quits or a signal arrives. `notice` is shown on the first screen.
    /// `start` is consumed: the list index of a preview (a few MB at 10.000 relations) is let go once the whole dossier
    /// replaces it, rather than held for the whole session.
    public static func run(_ start: consuming Start, session: ChangeSession, clock: Clock, actor: String, isReadOnly: Bool, notice: String?,
                           lookAheadDays: Int = Reminder.defaultLookAheadDays, dateForm: DateWriting.Form = .dayMonthYear,
                           environment: [String: String]) throws(TerminalError) -> Outcome {
        // NO_COLOR (https://no-color.org): any non-empty value turns colours off.
        let wantsColor = (environment["NO_COLOR"] ?? "").isEmpty
        let backend = try CursesBackend(wantsColor: wantsColor)
        defer { backend.stop() }
        let theme: Theme = backend.hasColor ? .colored : .monochrome
        let today = clock.today(), dates = DateWriting(form: dateForm, clock: clock)
        let message: @Sendable (String?) -> StatusMessage? = { text in text.map { isReadOnly ? .error($0) : .info($0) } }
        let (width, height) = (backend.width, backend.height)
        // The screen's state for the whole dossier (at once, or once read behind a preview) and for a preview.
        let whole: @Sendable (Dossier) -> AppState = {
            AppState(dossier: $0, today: today, width: width, height: height, theme: theme, isReadOnly: isReadOnly, lookAheadDays: lookAheadDays,
                     dates: dates)
        }
        let preview = { (list: ListIndex) in
            AppState(previewing: list, today: today, width: width, height: height, theme: theme, isReadOnly: isReadOnly,
                     lookAheadDays: lookAheadDays, dates: dates)
        }
        // What the loop does after the first frame: write the storage's list index, or read the whole dossier behind the preview.
        let afterStart: (AppLoop) -> Void
        switch start {
        case .loaded(_, let write):
            afterStart = { loop in if let write { loop.afterFirstFrame(write) } }
        case .preview(_, let indexWrite):
            afterStart = { loop in
                loop.loadBehindPreview({ dossier, notices in
                    var full = whole(dossier)
                    full.message = message(([notice].compactMap { $0 } + notices).joined(separator: " ").nilWhenEmpty)
                    return full
                }, indexWrite: indexWrite)
            }
        }
        let loop = AppLoop(state: firstState(consume start, message: message(notice), whole: whole, preview: preview),
                           backend: backend, session: session, clock: clock, actor: actor,
                           externals: TerminalPrograms(backend: backend, environment: environment))
        afterStart(loop)
        loop.run()
        let signal = backend.receivedSignal
        return Outcome(signal: signal, dossier: loop.loadFailure == nil ? loop.state.dossier : nil, loadFailure: loop.loadFailure,
                       unsavedText: signal == 0 ? nil : loop.state.form?.unsavedText)
    }

    /// The state of the first screen, made straight into the loop so that nothing else holds on to it.
    private static func firstState(_ start: consuming Start, message: StatusMessage?, whole: (Dossier) -> AppState,
                                   preview: (ListIndex) -> AppState) -> AppState {
        var state = switch consume start {
        case .loaded(let dossier, _): whole(dossier)
        case .preview(let list, _): preview(list)
        }
        state.message = message
        return state
    }
}

private extension String {
    var nilWhenEmpty: String? { isEmpty ? nil : self }
}
