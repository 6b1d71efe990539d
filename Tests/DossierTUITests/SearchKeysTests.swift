import DossierCore
import DossierTestSupport
import Testing
@testable import DossierTUI

/// The search keys are made when a search needs them, or beforehand on another thread by the loop; either
/// way a search answers as with keys made on the spot, and keys made for an older dossier are never used.
@Suite("Search keys made when needed")
struct SearchKeysTests {
    let today = Fixtures.clock.today()

    @Test("the start screen has no search keys; the first search makes them, and they equal keys made at once")
    func madeByTheFirstSearch() {
        let dossier = Fixtures.smallDossier()
        var state = AppState(dossier: dossier, today: today, width: 100, height: 30)
        #expect(state.index.searchKeys == nil)
        #expect(state.needsSearchKeys(for: .key(.character("/"))))
        #expect(!state.needsSearchKeys(for: .key(.character("j"))))
        _ = state.update(.key(.character("/")))
        _ = state.update(.typed("taizhou"))
        #expect(state.index.searchKeys == SearchKeys(dossier: dossier))
        #expect(!state.needsSearchKeys(for: .key(.character("/"))))
        #expect(state.selectedID(in: .relations) == "taizhou")
    }

    @Test("keys made for the dossier as it was before a change are not taken; keys for the dossier as it is are")
    func staleKeysAreDropped() {
        let app = Harness()
        let before = app.state.revision
        let stale = SearchKeys(dossier: app.state.dossier)
        app.press(.character("s")).press(.down, .tab).type("verder").press(.control("s"))
        #expect(app.state.revision > before, "the save changed the dossier: \(String(describing: app.state.message))")
        app.loop.dispatch(.searchKeysMade(stale, revision: before))
        #expect(app.state.index.searchKeys == nil, "made for an older dossier")
        let current = SearchKeys(dossier: app.state.dossier)
        app.loop.dispatch(.searchKeysMade(current, revision: app.state.revision))
        #expect(app.state.index.searchKeys == current)
    }

    @Test("the loop makes the keys on another thread after the first frame; a search typed at once finds the same row")
    func loopMakesThemAhead() {
        for query in ["taizhou", "lyon", "rhone"] {
            let backend = ScriptedBackend(width: 100, height: 30, events: [.key(.character("/"))] + query.map { .key(.character($0)) } + [.key(.enter)])
            let store = MemoryStore()
            store.saved = Fixtures.smallDossier()
            let loop = AppLoop(state: AppState(dossier: Fixtures.smallDossier(), today: today, width: 100, height: 30), backend: backend,
                               session: store, clock: Fixtures.clock, actor: "adviseur")
            loop.run()
            var reference = AppState(dossier: Fixtures.smallDossier(), today: today, width: 100, height: 30)
            _ = reference.update(.key(.character("/")))
            _ = reference.update(.typed(query))
            _ = reference.update(.key(.enter))
            #expect(loop.state.index.searchKeys == SearchKeys(dossier: loop.state.dossier))
            #expect(loop.state.selectedID(in: .relations) == reference.selectedID(in: .relations), "\(query)")
        }
    }
}

extension SearchKeysTests {
    @Test("a search finds a relation by what its contact's note says, as docs/tui.md promises")
    func contactNotesAreSearched() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addContact(.relation("taizhou"), Contact(name: "Anna Test", notes: "Spreekt ook Deens, tolk bij bezoeken")),
                          context: Fixtures.context)
        var state = AppState(dossier: dossier, today: today, width: 100, height: 30)
        #expect(state.selectedID(in: .relations) != "taizhou")
        _ = state.update(.key(.character("/")))
        _ = state.update(.typed("deens, tolk"))
        #expect(state.search?.hasMatch == true)
        #expect(state.selectedID(in: .relations) == "taizhou")
    }

    @Test("a search finds every word typed, in any order and any field: a space where the name has a hyphen or apostrophe, a name and a word of its notes")
    func everyWord() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addRelation(Relation(id: "den-bosch", name: "'s-Hertogenbosch", kind: .overheid, notes: "Provinciehoofdstad, textiel vroeger", status: .actief)),
                          context: Fixtures.context)
        func search(_ typed: String) -> (found: Bool, selected: String?, hit: String?) {
            var state = AppState(dossier: dossier, today: today, width: 100, height: 30)
            _ = state.update(.key(.character("/")))
            _ = state.update(.typed(typed))
            let found = state.search?.hasMatch == true, selected = state.selectedID(in: .relations)
            _ = state.update(.key(.enter))
            return (found, selected, state.searchHit)
        }
        for typed in ["s hertogenbosch", "hertogenbosch s", "'s-hertogenbosch", "HERTOGENBOSCH textiel"] {
            #expect(search(typed).found && search(typed).selected == "den-bosch", "\(typed)")
        }
        #expect(search("HERTOGENBOSCH textiel").hit == "treffer in toelichting: Provinciehoofdstad, textiel vroeger")
        #expect(search("s hertogenbosch").hit == nil, "the name the list shows holds it all")
        #expect(!search("hertogenbosch zuivel").found, "every word, not any")
    }
}
