import DossierCore
import DossierTestSupport
import Testing

@Suite("Undo and redo after a colleague's change to the same record")
struct RecordMergeTests {
    let context = Fixtures.context

    @Test("the fields the step changed go back, the colleague's other fields stay; redo takes the step again over them")
    func otherFieldsStay() throws {
        var dossier = Fixtures.smallDossier()
        let before = try #require(dossier.activity("missie-lyon"))
        var undo = try dossier.apply(.moveActivity("missie-lyon", status: .geannuleerd, reason: "gaat niet door", overrideReason: nil), context: context)
        try dossier.apply(.editActivity("missie-lyon", [FieldEdit(field: "notes", old: .text(before.notes), new: .text("van Ine"))]), context: context)
        try dossier.apply(.addLink(.activity("missie-lyon"), Link(label: "Programma", target: .url("https://example.org/p"))), context: context)
        undo.purpose = .undo
        var redo = try dossier.apply(.restore(undo), context: context)
        let undone = try #require(dossier.activity("missie-lyon"))
        #expect(undone.status == before.status && undone.statusHistory == before.statusHistory)
        #expect(undone.notes == "van Ine" && undone.links.map(\.label) == ["Programma"])
        #expect(Change.restore(undo).summary(in: dossier).hasPrefix("Ongedaan gemaakt"))
        redo.purpose = .redo
        try dossier.apply(.restore(redo), context: context)
        let redone = try #require(dossier.activity("missie-lyon"))
        #expect(redone.status == .geannuleerd && redone.notes == "van Ine" && redone.links.count == 1)
    }

    @Test("the same field changed by both, or a list both changed, is refused and nothing changes; so is a record removed since")
    func sameFieldRefused() throws {
        var dossier = Fixtures.smallDossier()
        var undo = try dossier.apply(.setFollowUpDone("delegatie-uit-lyon", index: 0, isDone: true), context: context)
        try dossier.apply(.addFollowUp("delegatie-uit-lyon", FollowUp(text: "Van Ine")), context: context)
        undo.purpose = .undo
        let before = dossier
        do {
            try dossier.apply(.restore(undo), context: context)
            Issue.record("a list both changed was merged")
        } catch {
            #expect(error.kind == .conflict && error.message == "'Delegatie uit Lyon' is gewijzigd na de wijziging die u ongedaan wilt maken, in een veld dat die ook "
                    + "veranderde; terugzetten zou die wijziging ook wissen")
        }
        #expect(dossier == before)
        var title = try dossier.apply(.editActivity("missie-lyon", [FieldEdit(field: "title", old: .text("Handelsmissie Lyon"), new: .text("Missie Lyon"))]),
                                      context: context)
        try dossier.apply(.deleteActivity("missie-lyon"), context: context)
        title.purpose = .redo
        #expect(throws: ChangeError.self) { try dossier.apply(.restore(title), context: context) }
    }
}
