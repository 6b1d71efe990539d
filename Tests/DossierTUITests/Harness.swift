import DossierCore
import DossierTestSupport
@testable import DossierTUI

/// The TUI's pure core driven by keys, with an in-memory store that can be made to fail.
final class Harness {
    let loop: AppLoop
    let store: MemoryStore

    var state: AppState { loop.state }
    var screen: Canvas { Renderer.render(loop.state) }

    init(dossier: Dossier = Fixtures.smallDossier(), width: Int = 100, height: Int = 30, theme: Theme = .colored, isReadOnly: Bool = false,
         externals: ExternalPrograms? = nil, clock: Clock = Fixtures.clock) {
        store = MemoryStore()
        let state = AppState(dossier: dossier, today: clock.today(), width: width, height: height, theme: theme, isReadOnly: isReadOnly)
        store.saved = dossier
        loop = AppLoop(state: state, backend: HeadlessBackend(width: width, height: height), session: store, clock: clock, actor: "adviseur",
                       externals: externals)
    }

    /// Sends keys: single characters as typed text, and named keys.
    @discardableResult
    func press(_ keys: Key...) -> Harness {
        for key in keys { loop.dispatch(.key(key)) }
        return self
    }

    @discardableResult
    func type(_ text: String) -> Harness {
        for character in text { loop.dispatch(.key(.character(character))) }
        return self
    }

    /// Tabs through the open form until `field` has the focus (a form has at most a few dozen fields).
    @discardableResult
    func tab(to field: String) -> Harness {
        for _ in 0..<60 where state.form?.focusedField?.id != field { press(.tab) }
        return self
    }

    /// Opens the visit form of the relation a search for `relation` finds.
    @discardableResult
    func visitForm(of relation: String) -> Harness {
        press(.character("/")).type(relation).press(.enter, .character("v"))
    }

    func resize(_ width: Int, _ height: Int) {
        loop.dispatch(.resize(width: width, height: height))
    }

    /// The text of the screen, for `contains` checks.
    var text: String { screen.lines.joined(separator: "\n") }
}

/// Applies changes like the real store and keeps a journal in memory; can be made to fail, and can
/// pretend someone else changed the files.
final class MemoryStore: StoreSession {
    var failure: StoreError?
    var outsideChange = false
    /// What "disk" holds: the dossier as of the last successful commit (or as set by a test).
    var saved: Dossier?
    private(set) var committed: [Change] = []
    private(set) var journal: [JournalEntry] = []
    var notices: [String] = []

    func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration {
        if let failure { throw failure }
        if outsideChange { throw .changedOnDisk(file: "/data/dossier.json") }
        // As the real store: what others appended first is applied first, and handed over afterwards.
        takenAtCommit += try refresh(&dossier)
        let summary = change.summary(in: dossier)
        let details = change.details(in: dossier)
        do {
            let undo = try dossier.apply(change, context: context)
            committed.append(change)
            journal.append(JournalEntry(sequence: journal.count + 1, timestamp: context.timestamp, actor: context.actor, today: context.today,
                                        summary: summary, details: details, subjects: change.subjects, event: .change(change)))
            saved = dossier
            return undo
        } catch {
            throw .refused(error)
        }
    }

    func history() throws(StoreError) -> [JournalEntry] { journal }

    func load() throws(StoreError) -> Dossier {
        outsideChange = false
        guard let saved else { throw .missing(file: "/data/dossier.json") }
        return saved
    }

    /// Changes "another program" made, applied to the session's dossier at its next refresh or commit.
    var othersChanges: [(Change, ChangeContext)] = []
    /// The others' changes a commit applied before its own, until the screen takes them.
    private var takenAtCommit: [OthersChange] = []

    /// A refresh that fails (a shared folder out of reach) while set.
    var refreshFailure: StoreError?

    func refresh(_ dossier: inout Dossier) throws(StoreError) -> [OthersChange] {
        if outsideChange { throw .changedOnDisk(file: "/data/dossier.json") }
        if let refreshFailure { throw refreshFailure }
        var applied: [OthersChange] = []
        for (change, context) in othersChanges {
            let summary = change.summary(in: dossier)
            let restoration = try? dossier.apply(change, context: context)
            let entry = JournalEntry(sequence: journal.count + 1, timestamp: context.timestamp, actor: context.actor, today: context.today,
                                     summary: summary, subjects: change.subjects, event: .change(change))
            journal.append(entry)
            applied.append(OthersChange(entry: entry, restoration: restoration))
        }
        othersChanges = []
        saved = dossier
        return applied
    }

    func takeOthersChanges() -> [OthersChange] {
        defer { takenAtCommit = [] }
        return takenAtCommit
    }

    // Compaction is the real store's business (tested there and with a real store in the TUI tests).
    var needsCompaction: Bool { false }
    func snapshotWrite(of dossier: Dossier) -> SnapshotWrite? { nil }
    func finishCompaction(_ written: WrittenSnapshot, at moment: Timestamp) throws(StoreError) -> Bool { false }
    func discard(_ written: WrittenSnapshot) {}
}

/// The editor and the link opener, scripted: the editor gives back what a test set, the opener records.
final class ScriptedPrograms: ExternalPrograms {
    var editedText: ExternalOutcome<String> = .done("")
    private(set) var edits: [(text: String, label: String)] = []
    var openOutcome: ExternalOutcome<String> = .done("Geopend")
    private(set) var opened: [LinkTarget] = []

    func edit(_ text: String, label: String) -> ExternalOutcome<String> {
        edits.append((text, label))
        return editedText
    }

    func open(_ target: LinkTarget) -> ExternalOutcome<String> {
        opened.append(target)
        return openOutcome
    }

    var suspendOutcome: ExternalOutcome<String> = .done("")
    private(set) var suspensions = 0

    func suspend() -> ExternalOutcome<String> {
        suspensions += 1
        return suspendOutcome
    }
}
