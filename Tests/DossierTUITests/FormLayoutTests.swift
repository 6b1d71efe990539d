import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Testing

/// How a form shares its box when the room is short: the field being edited stays in view, and what is only there to
/// read (the verdict's reasons, the help, the rest of a long text) gives way, saying that it does.
@Suite("TUI forms: the field being edited stays in view")
struct FormLayoutTests {
    /// Every form with a field of each kind, with the keys that open it from the start screen of the test dossier.
    static let forms: [(name: String, keys: [Key])] = [
        ("activity", [.character("2"), .character("+"), .character("T")]), ("assessment", [.character("2"), .character("a")]),
        ("relation", [.character("+")]), ("status", [.character("s")]), ("visit", [.character("v")]),
        ("visit edit", [.character("3"), .character("e")]),
    ]

    /// The row of the focused field as the form draws it: its label (at most 18 columns), then `›`.
    static func focusedRow(_ field: FormField) -> String {
        let label = DisplayWidth.truncate(field.label, to: FormView.labelWidth - 3)
        return "│ " + label + String(repeating: " ", count: FormView.labelWidth - 2 - DisplayWidth.of(label)) + "›"
    }

    @Test("at the smallest window, 60×12, every field of every form is in view with its label and the cursor while it has the focus")
    func focusedFieldAtSmallestWindow() throws {
        for form in Self.forms {
            let app = Harness(width: 60, height: 12)
            for key in form.keys { app.press(key) }
            let fields = try #require(app.state.form?.visibleIndices.count, "\(form.name)")
            for _ in 0..<fields {
                let field = try #require(app.state.form?.focusedField)
                let screen = app.screen
                let shown = screen.lines.joined(separator: "\n")
                if case .menu(let options, let selected) = field.value {
                    // A menu taller than the room keeps its chosen option in view; with none chosen yet (the status menu), its first.
                    let marked = options.indices.contains(selected) ? "(•) \(options[selected].label)" : "( ) \(options[0].label)"
                    #expect(shown.contains(marked), "\(form.name), \(field.id):\n\(shown)")
                } else {
                    #expect(shown.contains(Self.focusedRow(field)), "\(form.name), \(field.id) has no row:\n\(shown)")
                }
                let place = try #require(field.isText ? screen.cursor : screen.focus, "\(form.name), \(field.id): no cursor")
                #expect((2...8).contains(place.y), "\(form.name), \(field.id): the cursor on row \(place.y), outside the box:\n\(shown)")
                if app.state.form?.verdictPreview != nil { #expect(shown.contains("Oordeel nu:"), "\(form.name):\n\(shown)") }
                app.press(.tab)
            }
        }
    }

    @Test("at 60×12 the reasons and the help give way to the field, each saying there is more")
    func reasonsAndHelpShrink() throws {
        let app = Harness(width: 60, height: 12)
        app.press(.character("2"), .character("+")).type("Test").press(.tab).type("b").tab(to: "organiser")
        let lines = app.screen.lines
        let shown = lines.joined(separator: "\n")
        #expect(shown.contains(Self.focusedRow(try #require(app.state.form?.focusedField))), "\(shown)")
        #expect(lines[2].contains("Oordeel nu: NADER BEKIJKEN"), "\(shown)")
        #expect(lines[3].contains("… en nog"), "the one row of reasons says how many more there are:\n\(shown)")
        #expect(lines[4].contains("────"), "\(shown)")
        #expect(lines[8].contains(" … "), "one row of help, cut with …:\n\(shown)")
    }

    /// The new relation's notes at 80×24, with the text the tester pasted: seven lines on screen, the second empty.
    static func pastedNotes() -> Harness {
        let app = Harness(width: 80, height: 24)
        app.press(.character("+")).tab(to: "notes")
        app.loop.dispatch(.pasted("Eerste regel met tab:\there.\n\nDerde regel na witregel, en een heel lange regel die zeker niet in één keer "
            + "op het scherm past omdat hij veel te lang is om te tonen in de breedte van het formulier, dus moet hij afbreken.\nLaatste 🎉"))
        return app
    }

    @Test("a long note uses the rows the form has: all seven lines of the pasted text are in view, with the cursor on the last or the first")
    func longNoteUsesFreeRows() throws {
        let app = Self.pastedNotes()
        var shown = app.text
        #expect(shown.contains("Toelichting        › Eerste regel met tab: here."), "\(shown)")
        #expect(shown.contains("Laatste 🎉"), "\(shown)")
        #expect(app.screen.line(try #require(app.screen.cursor).y).contains("Laatste 🎉"))
        for _ in 0..<40 { app.press(.alt("b")) }
        shown = app.text
        #expect(shown.contains("Toelichting        › Eerste regel met tab: here."), "\(shown)")
        #expect(shown.contains("Laatste 🎉"), "the last line stays when the cursor goes to the first:\n\(shown)")
    }

    @Test("a note longer than the form's room says which part is hidden, above and below, and keeps the cursor's line in view")
    func longNoteMarksHiddenLines() throws {
        let app = Harness(width: 60, height: 12)
        app.press(.character("+")).tab(to: "notes")
        app.loop.dispatch(.pasted((1...9).map { "Regel \($0)" }.joined(separator: "\n")))
        var shown = app.text
        #expect(shown.contains("Toelichting        › ↑ nog "), "the hidden start is marked on the field's first row:\n\(shown)")
        #expect(app.screen.line(try #require(app.screen.cursor).y).contains("Regel 9"), "\(shown)")
        #expect(!shown.contains("↓ nog"), "\(shown)")
        // Two words a line: to the start of "Regel 5", too far from either end for the lines there to take it in.
        for _ in 0..<10 { app.press(.alt("b")) }
        shown = app.text
        #expect(shown.contains("↑ nog") && shown.contains("↓ nog"), "hidden lines on both sides, both marked:\n\(shown)")
        #expect(app.screen.line(try #require(app.screen.cursor).y).contains("Regel 5"), "\(shown)")
        for _ in 0..<60 { app.press(.alt("b")) }
        shown = app.text
        #expect(shown.contains("Toelichting        › Regel 1"), "\(shown)")
        #expect(shown.contains("↓ nog "), "the hidden end is marked:\n\(shown)")
        #expect(!shown.contains("↑ nog "), "\(shown)")
    }

    @Test("every question's short label fits a form's label column whole (it was cut to 'Vraag bedrijfslev…')")
    func questionLabelsFit() {
        for question in Question.allCases {
            #expect(DisplayWidth.of(question.shortLabel) <= FormView.labelWidth - 3, "\(question.shortLabel)")
        }
    }
}
