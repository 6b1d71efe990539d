import DossierCore
import DossierTestSupport
import Dispatch
@testable import DossierTUI
import Testing

/// A paste (characters that arrive together) goes into a text field or the search line in one step, up
/// to the longest text a field takes; the loop handles waiting input before it draws the next frame.
@Suite("Pasting and typing ahead")
struct PasteTests {
    /// The new-activity form with the focus on its notes field.
    func notesField() throws -> Harness {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Beurs").press(.tab).type("b")   // soort: Beurs
        for _ in 0..<30 where app.state.form?.focusedField?.id != "notes" { app.press(.tab) }
        #expect(app.state.form?.focusedField?.id == "notes")
        return app
    }

    func notes(_ app: Harness) -> TextInput? {
        guard case .text(let input)? = app.state.form?.fields.first(where: { $0.id == "notes" })?.value else { return nil }
        return input
    }

    @Test("a paste of 2.000.000 characters keeps the first 1.000.000, says so under the field, and saves")
    func pasteBeyondTheLimit() throws {
        let app = try notesField()
        let blob = String(repeating: "QUJDRA==", count: 250_000)
        app.loop.dispatch(.typed(blob))
        #expect(notes(app)?.characters.count == Limits.longText)
        #expect(app.state.form?.errors["notes"] == "Hoogstens 1.000.000 tekens; de rest is niet overgenomen")
        #expect(app.text.contains("Hoogstens 1.000.000 tekens"))
        app.loop.dispatch(.typed("meer"))
        #expect(notes(app)?.characters.count == Limits.longText)
        app.press(.control("s"))
        let saved = try #require(app.state.dossier.activities.first { $0.title == "Beurs" })
        #expect(saved.notes == String(blob.prefix(Limits.longText)))
    }

    @Test("a paste costs its length: 10× and 100× as much text take about 10× and 100× the time")
    func pasteIsLinear() throws {
        var times: [Double] = []
        for size in [10_000, 100_000, 1_000_000] {
            let text = String(repeating: "abcdéfgh", count: size / 8)
            var best = Double.infinity
            for _ in 0..<3 {
                let app = try notesField()
                let start = DispatchTime.now().uptimeNanoseconds
                app.loop.dispatch(.typed(text))
                _ = app.screen
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                #expect(notes(app)?.characters.count == size)
            }
            times.append(best)
        }
        print("paste: \(times.map { String(format: "%.4f", $0) }) s, ×\(times[1] / times[0]), ×\(times[2] / times[0])")
        #expect(times[1] / times[0] < 40)
        #expect(times[2] / times[0] < 1_000)
    }

    @Test("characters that arrive together in the country picker narrow it once: 10× as many take about as long, not 100× (it froze for minutes)")
    func typingIntoThePickerIsLinear() throws {
        var times: [Double] = []
        for size in [20, 200] {
            var best = Double.infinity
            for _ in 0..<3 {
                let app = Harness()
                app.press(.character("+"), .tab, .tab, .tab)
                let start = DispatchTime.now().uptimeNanoseconds
                app.loop.dispatch(.typed(String(repeating: "x", count: size)))
                _ = app.screen
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                #expect(app.state.form?.picker?.query.text == String(repeating: "x", count: size))
            }
            times.append(best)
        }
        print("picker: \(times.map { String(format: "%.4f", $0) }) s, ×\(times[1] / times[0])")
        #expect(times[1] / times[0] < 40)
    }

    @Test("text the terminal marks as pasted is never keys: it answers no question, starts no command, and says where it can go")
    func bracketedPasteIsText() throws {
        let app = Harness()
        app.loop.dispatch(.typed("/unesco"))
        app.press(.enter, .enter)
        guard case .relationDetail = app.state.screen else { Issue.record("UNESCO is not open: \(app.state.screen)"); return }
        app.loop.dispatch(.pasted("dJ"))
        #expect(app.state.confirmation == nil && app.state.dossier.relation("unesco-learning-cities") != nil)
        #expect(app.state.message?.text == "Plakken kan alleen in een tekstveld of de zoekregel (/)")
        // A question asked by a key is not answered by a paste either.
        app.press(.character("d"))
        #expect(app.state.confirmation != nil)
        app.loop.dispatch(.pasted("J"))
        #expect(app.state.confirmation != nil && app.state.dossier.relation("unesco-learning-cities") != nil)
        app.press(.character("n"))
        #expect(app.state.confirmation == nil && app.state.dossier.relation("unesco-learning-cities") != nil)
    }

    @Test("a paste into a field: escape sequences and control characters left out, a selected value replaced, the keys after it typed")
    func bracketedPasteIntoAField() throws {
        let app = try notesField()
        app.loop.dispatch(.pasted("abc \u{1B}]0;titel\u{07}def \u{1B}[31mROOD\u{1B}[0m b\u{00}\u{7F}"))
        app.type("!")
        #expect(notes(app)?.text == "abc def ROOD b!")
        // The title was entered selected: the paste takes its place.
        app.press(.backTab)
        while app.state.form?.focusedField?.id != "title" { app.press(.backTab) }
        #expect(app.state.form?.replacesOnType == true)
        app.loop.dispatch(.pasted("Beurs München"))
        guard case .text(let title)? = app.state.form?.focusedField?.value else { Issue.record("no title field"); return }
        #expect(title.text == "Beurs München")
        // Into the search line, as one search.
        let search = Harness()
        search.press(.character("/"))
        search.loop.dispatch(.pasted("rhône\n"))
        #expect(search.state.search?.input.text == "rhône ")
    }

    @Test("a paste never wipes a long text entered selected (it is added at the cursor), and goes into the picker's search")
    func bracketedPasteKeepsLongText() throws {
        let app = try notesField()
        let long = String(repeating: "Verslag van het bezoek. ", count: 20)
        app.loop.dispatch(.pasted(long))
        app.press(.tab, .backTab)
        #expect(app.state.form?.focusedField?.id == "notes" && app.state.form?.replacesOnType == true)
        app.loop.dispatch(.pasted("Nog een zin."))
        #expect(notes(app)?.text == long + "Nog een zin.")
        // The relation picker of a visit form: the paste is its search.
        let visit = Harness()
        visit.press(.character("v"), .enter)
        #expect(visit.state.form?.picker != nil)
        visit.loop.dispatch(.pasted("piv"))
        #expect(visit.state.form?.picker?.query.text == "piv")
    }

    @Test("lines pasted into the notes stay lines, and a short note is never replaced by the first key typed on entering it; lines pasted into a list are its items")
    func pastedLines() throws {
        let app = try notesField()
        app.loop.dispatch(.pasted("alinea A\n\nalinea B\r\nregel\tC"))
        #expect(notes(app)?.text == "alinea A\n\nalinea B\nregel C")
        app.press(.tab, .backTab)
        #expect(app.state.form?.focusedField?.id == "notes" && app.state.form?.replacesOnType == true)
        app.type("!")
        #expect(notes(app)?.text == "alinea A\n\nalinea B\nregel C!")
        let short = try notesField()
        short.type("Kort.")
        short.press(.tab, .backTab)
        short.type("x")
        #expect(notes(short)?.text == "Kort.x", "a short note is added to, not replaced")
        // Participants pasted one a line, as from a mail: each line a person.
        while app.state.form?.focusedField?.id != "participants.ondernemer" { app.press(.backTab) }
        app.loop.dispatch(.pasted("Jan de Vries (Osse Farma BV)\n  Els Jansen \n\n"))
        guard case .text(let people)? = app.state.form?.focusedField?.value else { Issue.record("no participants field"); return }
        #expect(people.text == "Jan de Vries (Osse Farma BV), Els Jansen")
    }

    @Test("keys that arrive together: once one of them asks a question, the rest answer nothing")
    func typedAheadAnswersNoQuestion() {
        let app = Harness()
        app.loop.dispatch(.typed("/unesco"))
        app.press(.enter, .enter)
        app.loop.dispatch(.typed("dJ"))
        #expect(app.state.confirmation != nil && app.state.dossier.relation("unesco-learning-cities") != nil)
    }

    @Test("a paste into the search line searches once, for the whole text")
    func pasteIntoSearch() {
        let app = Harness()
        app.loop.dispatch(.typed("/rhone"))
        #expect(app.state.search?.input.text == "rhone")
        #expect(app.state.dossier.relations[app.state.rows(.relations)[app.state.listState(.relations).selection]].id == "rhone-alpes")
    }

    @Test("characters that are commands stay commands: a paste on a list is handled key by key")
    func pasteOnAList() {
        let app = Harness()
        app.loop.dispatch(.typed("2j"))
        #expect(app.state.screen == .list(.activities))
        #expect(app.state.listState(.activities).selection == 1)
    }

    @Test("the loop takes waiting keys together before drawing: typing ahead draws one frame, a paste goes in as one")
    func loopDrainsWaitingInput() throws {
        let backend = ScriptedBackend(width: 100, height: 30, events: [.key(.character("/"))] + "taizhou".map { .key(.character($0)) }
                                      + [.key(.enter), .key(.character("q")), .key(.character("q"))])
        let store = MemoryStore()
        store.saved = Fixtures.smallDossier()
        let state = AppState(dossier: Fixtures.smallDossier(), today: Fixtures.clock.today(), width: 100, height: 30, theme: .colored)
        let loop = AppLoop(state: state, backend: backend, session: store, clock: Fixtures.clock, actor: "adviseur")
        loop.run()
        #expect(loop.state.hasQuit)
        #expect(backend.frames == 2, "the first frame, and one after all the waiting keys: \(backend.frames)")
        #expect(loop.state.search == nil, "the first q took the search, the second quit")
        #expect(loop.state.rows(.relations)[loop.state.listState(.relations).selection] == loop.state.dossier.relationPosition("taizhou"))
    }

    @Test("typing on Opslaan, after Enter in the last field went there: the text goes on in that field, on a new line in a long text; a paste too")
    func typingOnTheButtonsGoesOnAbove() throws {
        var dossier = Fixtures.smallDossier()
        _ = try dossier.apply(.addActivity(Activity(id: "beurs-voorbij", title: "Beurs voorbij", kind: .beurs, status: .gepland,
                                                    startDate: Fixtures.date("2026-11-02"), statusHistory: Fixtures.approved(.gepland))),
                              context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("2")).type("/beurs voorbij").press(.enter, .escape, .character("m"))
        #expect(app.state.form?.purpose == .moveActivity("beurs-voorbij"))
        app.tab(to: "outcomes").type("Twee studenten").press(.enter)
        #expect(app.state.form?.focusedField?.id == "buttons")
        app.type("Contact")
        #expect(app.state.form?.focusedField?.id == "outcomes")
        #expect(app.state.form?.notes["outcomes"] == Form.typingWentOnNote && app.text.contains(Form.typingWentOnNote))
        app.press(.enter).loop.dispatch(.pasted("met decaan"))
        // A space on Opslaan presses nothing and types nothing; R is typed, not a reload.
        app.press(.enter, .character(" "))
        #expect(app.state.form?.focusedField?.id == "buttons")
        app.type("R")
        #expect(app.state.form?.focusedField?.id == "outcomes" && app.state.form?.text("outcomes").hasSuffix("\nR") == true)
        app.press(.backspace, .backspace)
        app.press(.control("s"))
        #expect(app.state.dossier.activity("beurs-voorbij")?.outcomes == "Twee studenten\nContact\nmet decaan", "\(app.state.form?.errors ?? [:])")
        #expect(app.state.dossier.activity("beurs-voorbij")?.status == .uitgevoerd)
    }

    @Test("typing on Opslaan goes back to the nearest text field above, past a choice; with none above, the focus stays on Opslaan")
    func typingOnTheButtonsFindsTheTextAbove() throws {
        let menu = FormField("kind", "Soort", .menu([MenuOption("a", "A"), MenuOption("b", "B")], selected: 0))
        var form = Form(purpose: .policy, title: "Proef", fields: [FormField("note", "Notitie", .text(TextInput("kort"))), menu])
        form.focus(on: "buttons")
        let wentBack = form.continueTypingAboveButtons(longTextFieldIDs: [])
        #expect(wentBack)
        #expect(form.focusedField?.id == "note" && form.text("note") == "kort" && form["note"]?.value == .text(TextInput("kort ")))
        #expect(!form.replacesOnType, "what is there is kept, not replaced by the next key")
        #expect(form.notes["note"] == Form.typingWentOnNote)
        form.moveFocus(by: 1)
        #expect(form.notes["note"] == nil, "the note is about that typing: gone once the field is left")
        var choices = Form(purpose: .policy, title: "Proef", fields: [menu])
        choices.focus(on: "buttons")
        let choicesWentBack = choices.continueTypingAboveButtons(longTextFieldIDs: [])
        #expect(!choicesWentBack)
        #expect(choices.focusedField?.id == "buttons")
    }
}

/// A terminal whose keys are all waiting at once, as after a paste.
final class ScriptedBackend: TerminalBackend {
    let width: Int
    let height: Int
    private var events: [TerminalEvent]
    private(set) var frames = 0

    init(width: Int, height: Int, events: [TerminalEvent]) {
        self.width = width
        self.height = height
        self.events = events
    }

    func show(_ canvas: Canvas) { frames += 1 }

    func nextEvent() -> TerminalEvent { events.isEmpty ? .stop : events.removeFirst() }
    func pendingEvent() -> TerminalEvent? { events.isEmpty ? nil : events.removeFirst() }
}
