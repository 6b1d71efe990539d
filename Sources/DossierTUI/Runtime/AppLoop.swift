import Dispatch
import DossierCore

/// The small runtime around the pure core: render, wait for an event, update, carry out the effects.
/// The only place where the store is called.
public final class AppLoop {
    public private(set) var state: AppState
    private let backend: TerminalBackend
    private let session: StoreSession
    private let clock: Clock
    private let actor: String
    /// The editor and the link opener; nil where there are none (tests that do not need them).
    private let externals: ExternalPrograms?

    /// Ticks (of about 100 ms) between looks at the files for changes by others: a colleague's change shows
    /// within about half a second.
    private let ticksBetweenRefreshes = 5
    private var ticksSinceRefresh = 0
    /// Whether the last look at the files failed (a shared folder out of reach).
    private var isUnreachable = false
    /// The snapshot being rewritten on another thread, if any.
    private var compaction: BackgroundTask<Result<WrittenSnapshot, FileSystemError>>?
    /// While the first screen is a preview (`AppState+Preview`): the whole dossier being read through the
    /// session on another thread and made into the screen's state. The loop does not touch the session
    /// until it is done.
    private var loading: BackgroundTask<Result<(AppState, ListIndexWrite?), StoreError>>?
    /// Why the whole dossier could not be read behind the preview; the session then ends.
    public private(set) var loadFailure: StoreError?
    /// The storage's index job started after the first frame (or once the dossier behind a preview is in), stopped
    /// and waited for at the end.
    private var indexWriting: (task: BackgroundTask<Void>, job: ListIndexWrite)?
    /// The search keys being made on another thread after the screen is up, for the dossier as it was at
    /// `revision`; a search that starts before they are done waits for them.
    private var searchKeys: (task: BackgroundTask<SearchKeys>, revision: Int)?
    /// Whether a snapshot is being written on another thread.
    var isCompacting: Bool { compaction != nil }
    /// After a failed compaction, ticks to wait before trying again (a full disk stays full for a while).
    private let ticksBetweenCompactionRetries = 600
    private var compactionPause = 0

    public init(state: AppState, backend: TerminalBackend, session: StoreSession, clock: Clock, actor: String,
                externals: ExternalPrograms? = nil) {
        self.externals = externals
        self.state = state
        self.backend = backend
        self.session = session
        self.clock = clock
        self.actor = actor
    }

    /// Reads the whole dossier through the session on another thread while the first screen (a preview)
    /// is up; `makeState` turns it, with the notices of reading it, into the screen's state (there, on that
    /// thread: the index is most of the work). Call before `run`.
    /// `indexWrite` is asked there too, with the dossier read (it may use the session): the storage's list
    /// index to write when it is missing or stale, run on another thread once the state is taken in.
    public func loadBehindPreview(_ makeState: @escaping @Sendable (Dossier, [String]) -> AppState,
                                  indexWrite: ((Dossier) -> ListIndexWrite?)? = nil) {
        let session = Unshared(session), indexWrite = Unshared(indexWrite)
        pendingLoad = {
            Result { () throws(StoreError) in try session.value.load() }.map { dossier in
                (makeState(dossier, session.value.notices), indexWrite.value?(dossier))
            }
        }
    }
    /// The reading behind the preview, started once the first frame is shown: until then the first frame has
    /// the processor to itself (reading a large dossier keeps both cores busy, and a database server too).
    private var pendingLoad: (@Sendable () -> Result<(AppState, ListIndexWrite?), StoreError>)?
    /// The reading waits `terminalsTurn` more after the first frame, unless a key needs it sooner (`finishLoading`) or
    /// the session ends: the terminal is drawing that frame then, on the same two cores. At 1.000 activities the frame
    /// stood in tmux 2–5 ms sooner, and the whole dossier was there 35–40 ms later (docs/performance.md, point 59).
    private let startLoading = DispatchSemaphore(value: 0)
    var terminalsTurn = DispatchTimeInterval.milliseconds(30)

    /// Runs `job` on another thread once the first frame is shown (it must not touch the session); it is asked
    /// to stop when the session ends before it is done.
    public func afterFirstFrame(_ job: ListIndexWrite) {
        pendingIndexWrite = job
    }
    private var pendingIndexWrite: ListIndexWrite?

    private func startIndexWrite(_ job: ListIndexWrite) {
        indexWriting = (BackgroundTask { job.run() }, job)
    }

    /// Runs until the user quits or a stop event arrives.
    public func run() {
        defer { endBackgroundWork() }
        state.width = backend.width
        state.height = backend.height
        state.clampLists()
        backend.show(Renderer.render(state))
        if let work = pendingLoad {
            let (start, turn) = (startLoading, terminalsTurn)
            loading = BackgroundTask {
                _ = start.wait(timeout: .now() + turn)
                return work()
            }
        }
        if let job = pendingIndexWrite { startIndexWrite(job) }
        maintainSearchKeys()
        while !state.hasQuit {
            // While the whole dossier is read behind the first screen, a tick comes every 10 ms: the screen takes
            // it in as soon as it is there, not up to a tick later.
            switch loading == nil ? backend.nextEvent() : backend.nextEvent(waitingAtMost: 10) {
            case .key(let key):
                dispatch(.key(key))
                guard handlePendingInput() else { return }
            case let .resize(width, height): dispatch(.resize(width: width, height: height))
            case .suspendRequested: dispatch(.suspendRequested)
            case .paste(let text):
                dispatch(.pasted(text))
                guard handlePendingInput() else { return }
            case .tick where loading != nil:
                guard finishLoading(waiting: false) else { continue }
            case .tick:
                compactionPause = max(0, compactionPause - 1)
                maintainSearchKeys()
                var changed = maintainSnapshot()
                // Midnight passed while the screen stood open: "vandaag" and what is overdue move on without a key.
                let day = clock.today()
                if day != state.today {
                    state.setToday(day)
                    changed = true
                }
                ticksSinceRefresh += 1
                if ticksSinceRefresh >= ticksBetweenRefreshes {
                    ticksSinceRefresh = 0
                    changed = refresh() || changed
                }
                guard changed else { continue }
            case .stop:
                return
            }
            maintainSnapshot()
            maintainSearchKeys()
            backend.show(Renderer.render(state))
        }
    }

    /// Takes in the whole dossier read behind the preview, when it is there (`waiting`: waits for it,
    /// saying so when that takes a moment). Returns whether it was taken in (or failed: the session ends).
    @discardableResult
    private func finishLoading(waiting: Bool) -> Bool {
        guard let running = loading else { return false }
        var result = running.outcome
        if result == nil && waiting {
            startLoading.signal()
            if running.wait(atMost: 0.05) == nil {
                state.message = .info("Even geduld: het dossier wordt nog gelezen …")
                backend.show(Renderer.render(state))
            }
            result = running.wait()
        }
        guard let result else { return false }
        loading = nil
        switch result {
        case .success(let (loaded, indexWrite)):
            if state.message?.text == "Even geduld: het dossier wordt nog gelezen …" { state.message = nil }
            state = loaded.adoptingPreview(of: state)
            if let indexWrite, indexWriting == nil { startIndexWrite(indexWrite) }
        case .failure(let error):
            loadFailure = error
            state.hasQuit = true
        }
        return true
    }

    /// The end of a session: what runs on other threads finishes first (the session is the caller's again).
    private func endBackgroundWork() {
        if let running = loading {
            startLoading.signal()
            _ = running.wait()
            loading = nil
        }
        if let (task, job) = indexWriting {
            job.stop()
            task.wait()
        }
        endCompaction()
    }

    /// Handles input that is already waiting (the rest of a paste, keys typed ahead) before the next frame
    /// is drawn, for up to 50 ms: a long paste costs one frame, not one per character, and its characters
    /// go to a text field together. Returns false when a stop arrived meanwhile.
    private func handlePendingInput() -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + 50_000_000
        var typed = ""
        func handleTyped() {
            if !typed.isEmpty { dispatch(.typed(typed)) }
            typed = ""
        }
        defer { handleTyped() }
        while !state.hasQuit && DispatchTime.now().uptimeNanoseconds < deadline, let event = backend.pendingEvent() {
            switch event {
            case .key(.character(let character)): typed.append(character)
            case .key(let key):
                handleTyped()
                dispatch(.key(key))
            case let .resize(width, height):
                handleTyped()
                dispatch(.resize(width: width, height: height))
            case .paste(let text):
                handleTyped()
                dispatch(.pasted(text))
            case .suspendRequested:
                handleTyped()
                dispatch(.suspendRequested)
            case .tick: return true
            case .stop: return false
            }
        }
        return true
    }

    /// Applies what others wrote since the last look. Returns whether the screen changed.
    @discardableResult
    public func refresh() -> Bool {
        guard loading == nil, !state.hasOutsideChange else { return false }
        // Rows point into the dossier's lists, which the others' changes may shift: remember by id.
        state.rememberSelection()
        state.rememberDetailSelection()
        defer {
            state.selectionBeforeChange = [:]
            state.stackSelectionBeforeChange = [:]
            state.detailSelectionBeforeChange = [:]
        }
        do {
            let others = try session.refresh(&state.dossier)
            var changed = false
            if isUnreachable {
                isUnreachable = false
                dispatch(.storeReachable)
                changed = true
            }
            if !others.isEmpty {
                dispatch(.othersChanged(others))
                changed = true
            }
            return changed
        } catch {
            if case .changedOnDisk = error {
                dispatch(.outsideChangeDetected)
                return true
            }
            guard !isUnreachable else { return false }
            isUnreachable = true
            dispatch(.storeUnreachable(error))
            return true
        }
    }

    /// Starts a compaction on another thread when the journal has grown, and puts a finished one in
    /// place. Called between events, so a key never waits for the snapshot to be encoded and written.
    /// Returns whether it changed what the screen shows (a failure message).
    @discardableResult
    public func maintainSnapshot() -> Bool {
        guard loading == nil else { return false }
        if let running = compaction {
            guard let outcome = running.outcome else { return false }
            compaction = nil
            switch outcome {
            case .failure(let error):
                compactionFailed(.fileSystem(error))
                return true
            case .success(let written):
                // Files changed elsewhere: what was written may miss those changes; never put it in place.
                if state.hasOutsideChange {
                    session.discard(written)
                    return false
                }
                do {
                    _ = try session.finishCompaction(written, at: clock.now())
                } catch {
                    compactionFailed(error)
                    return true
                }
            }
            return false
        }
        guard compactionPause == 0, session.needsCompaction, !state.hasOutsideChange,
              let job = session.snapshotWrite(of: state.dossier) else { return false }
        compaction = BackgroundTask { Result { () throws(FileSystemError) in try job.run() } }
        return false
    }

    /// Makes the search keys on another thread once the screen is up (and again after the dossier changed
    /// under a run), so that a search finds them ready; takes them in when they are done.
    public func maintainSearchKeys() {
        guard loading == nil else { return }
        guard state.index.searchKeys == nil else {
            searchKeys = nil
            return
        }
        if let running = searchKeys {
            guard let keys = running.task.outcome else { return }
            searchKeys = nil
            if running.revision == state.revision {
                dispatch(.searchKeysMade(keys, revision: running.revision))
                return
            }
        }
        let dossier = state.dossier
        searchKeys = (BackgroundTask { SearchKeys(dossier: dossier) }, state.revision)
    }

    /// A search that starts before the keys are done waits for them, saying so on the screen.
    private func awaitSearchKeys(for message: Message) {
        guard state.needsSearchKeys(for: message), let running = searchKeys, running.revision == state.revision else { return }
        // A wait too short to notice is not announced (no flicker).
        if running.task.wait(atMost: 0.05) == nil {
            state.message = .info("Zoeken wordt voorbereid …")
            backend.show(Renderer.render(state))
        }
        searchKeys = nil
        state.message = nil
        dispatch(.searchKeysMade(running.task.wait(), revision: running.revision))
    }

    /// Waits for a running compaction to end and drops what it wrote: the store compacts once more,
    /// with everything, when the session closes.
    public func endCompaction() {
        guard let running = compaction else { return }
        compaction = nil
        if case .success(let written) = running.wait() { session.discard(written) }
    }

    /// The others' changes a commit applied before its own, as a message (none when there were none).
    private func othersChanged() -> [Message] {
        let others = session.takeOthersChanges()
        return others.isEmpty ? [] : [.othersChanged(others)]
    }

    private func compactionFailed(_ error: StoreError) {
        compactionPause = ticksBetweenCompactionRetries
        dispatch(.compactionFailed(error))
    }

    /// Handles a message and everything its effects lead to.
    public func dispatch(_ message: Message) {
        // On the preview only moving through the list works; anything else waits for the whole dossier.
        if loading != nil && !state.handlesBeforeLoad(message) {
            finishLoading(waiting: true)
            if loadFailure != nil { return }
        }
        awaitSearchKeys(for: message)
        state.setToday(clock.today())
        var queue = [message]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in state.update(next) {
                switch effect {
                case .quit:
                    break
                case let .commit(change, seen):
                    do {
                        var context = clock.context(actor: actor)
                        context.seen = seen
                        let undo = try session.commit(change, to: &state.dossier, context: context)
                        queue.append(contentsOf: othersChanged())
                        queue.append(.committed(undo))
                    } catch {
                        // The others' changes read before the refusal are in the dossier: show them too.
                        queue.append(contentsOf: othersChanged())
                        queue.append(.commitFailed(error))
                    }
                case .loadHistory(let subject):
                    do {
                        queue.append(.historyLoaded(subject: subject, try session.history()))
                    } catch {
                        queue.append(.readFailed(error))
                    }
                case .reload:
                    endCompaction()  // a snapshot of the dossier as it was before the reload is of no use
                    // Whether the files still go on from what the screen had is found out now, not at the next look: it
                    // decides whether undo keeps its steps (`reloaded`).
                    refresh()
                    do {
                        let dossier = try session.load()
                        queue.append(.reloaded(dossier, notices: session.notices))
                    } catch {
                        queue.append(.readFailed(error))
                    }
                case let .editExternally(fieldID, label, text):
                    let outcome = externals?.edit(text, label: label)
                        ?? .failed("Een editor openen kan hier niet; typ de tekst in het veld.")
                    queue.append(.externalEditFinished(fieldID: fieldID, outcome))
                case .suspend:
                    queue.append(.resumed(externals?.suspend() ?? .failed("Onderbreken kan hier niet.")))
                case .openLink(let target):
                    let outcome = externals?.open(target) ?? .failed("Links openen kan hier niet. De link: \(target.text)")
                    queue.append(.linkOpened(outcome))
                }
            }
        }
    }
}

/// The session, handed to the thread that reads the dossier behind the preview: the loop itself does not
/// touch it until that thread is done (`finishLoading`, `endBackgroundWork`).
private struct Unshared<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
