import DossierCore
@testable import DossierTUI
import Testing

/// What a screen stopped by a signal keeps of an open form: the text typed, not what was only chosen.
@Suite("Unsaved text of a form")
struct UnsavedTextTests {
    func form() -> Form {
        Form(purpose: .policy, title: "Proef", fields: [
            FormField("note", "Notitie", .text(TextInput("oud"))),
            FormField("kind", "Soort", .menu([MenuOption("a", "A"), MenuOption("b", "B")], selected: 0)),
        ])
    }

    @Test("nothing typed, or only chosen: nothing to keep; typed: the title and each typed field with its label")
    func typedOnly() {
        var form = form()
        #expect(form.unsavedText == nil)
        form["kind"]?.value = .menu([MenuOption("a", "A"), MenuOption("b", "B")], selected: 1)
        #expect(form.unsavedText == nil, "a choice is quickly made again")
        form["note"]?.value = .text(TextInput("oud en nieuw\ntweede regel"))
        #expect(form.unsavedText == "Proef\n\nNotitie:\noud en nieuw\ntweede regel\n")
        form["note"]?.value = .text(TextInput("   "))
        #expect(form.unsavedText == nil, "emptied is nothing to keep")
    }
}
