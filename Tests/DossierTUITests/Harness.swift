import DossierCore
import DossierTestSupport
@testable import DossierTUI

/// The TUI's pure core driven by keys, with an in-memory store that can be made to fail.
final class Harness {
    let loop: AppLoop
    let store: MemoryStore

    var state: AppState { loop.state }
    var screen: Canvas { Renderer.render(loop.state) }

    init(dossier: Dossier = Fixtures.smallDossier(), width: Int = 100, height: Int = 30, theme: Theme = .colored, isReadOnly: Bool = false) {
        store = MemoryStore()
        let state = AppState(dossier: dossier, today: Fixtures.clock.today(), width: width, height: height, theme: theme, isReadOnly: isReadOnly)
        loop = AppLoop(state: state, backend: NullBackend(width: width, height: height), performer: store, clock: Fixtures.clock, actor: "adviseur")
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

    func resize(_ width: Int, _ height: Int) {
        loop.dispatch(.resize(width: width, height: height))
    }

    /// The text of the screen, for `contains` checks.
    var text: String { screen.lines.joined(separator: "\n") }
}

/// Applies changes like the real store, keeps every committed change, and can refuse with an error.
final class MemoryStore: CommitPerformer {
    var failure: StoreError?
    private(set) var committed: [Change] = []

    func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration {
        if let failure { throw failure }
        do {
            let undo = try dossier.apply(change, context: context)
            committed.append(change)
            return undo
        } catch {
            throw .refused(error)
        }
    }
}

/// A terminal that never has input; the harness feeds messages directly.
final class NullBackend: TerminalBackend {
    let width: Int
    let height: Int
    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
    func show(_ canvas: Canvas) {}
    func nextEvent() -> TerminalEvent { .stop }
}
