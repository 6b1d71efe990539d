import DossierCore
import DossierTestSupport
import Testing

@Suite("Changing and removing a follow-up")
struct FollowUpChangeTests {
    let context = Fixtures.context
    let id = "delegatie-uit-lyon"

    /// The fixture's visit has "Verslag naar de wethouder" (open, due 1-7-2026) and "Uitnodiging terugbezoek" (done).
    func followUps(_ dossier: Dossier) -> [FollowUp] { dossier.activity(id)?.followUps ?? [] }

    @Test("an edit finds the follow-up the person saw after a colleague removed the one before it, and changes only that one")
    func editAfterColleagueRemoved() throws {
        var dossier = Fixtures.smallDossier()
        let first = followUps(dossier)[0]
        try dossier.apply(.removeFollowUp(id, index: 0, seen: first), context: context)
        // Made on the screen as it was: the second one, at place 1.
        try dossier.apply(.editFollowUp(id, index: 1, seenText: "Uitnodiging terugbezoek",
                                        [FieldEdit(field: "owner", old: .text(""), new: .text("Kees"))]), context: context)
        #expect(followUps(dossier) == [FollowUp(text: "Uitnodiging terugbezoek", owner: "Kees", isDone: true)])
    }

    @Test("changed or gone meanwhile is refused as a conflict and nothing changes; so is a stale value or an empty action")
    func refusals() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.editFollowUp(id, index: 0, seenText: "Verslag naar de wethouder",
                                        [FieldEdit(field: "text", old: .text("Verslag naar de wethouder"), new: .text("Verslag naar het college"))]),
                          context: context)
        let before = dossier
        let refused: [(Change, ChangeError.Kind)] = [
            // The action the person saw is no longer there.
            (.editFollowUp(id, index: 0, seenText: "Verslag naar de wethouder", [FieldEdit(field: "owner", old: .text(""), new: .text("Kees"))]), .conflict),
            // Ticked off by a colleague since it was seen.
            (.removeFollowUp(id, index: 1, seen: FollowUp(text: "Uitnodiging terugbezoek")), .conflict),
            // A due date someone else changed.
            (.editFollowUp(id, index: 0, seenText: "Verslag naar het college", [FieldEdit(field: "due", old: .none, new: .text("2027-01-01"))]), .conflict),
            (.editFollowUp(id, index: 0, seenText: "Verslag naar het college",
                           [FieldEdit(field: "text", old: .text("Verslag naar het college"), new: .text("  "))]), .invalid),
            (.editFollowUp(id, index: 0, seenText: "Verslag naar het college", []), .invalid),
            (.removeFollowUp("bestaat-niet", index: 0, seen: FollowUp(text: "x")), .notFound),
        ]
        for (change, kind) in refused {
            do {
                try dossier.apply(change, context: context)
                Issue.record("\(change) was applied")
            } catch {
                #expect(error.kind == kind, "\(change): \(error.message)")
            }
            #expect(dossier == before, "\(change) left the dossier as it was")
        }
    }

    @Test("two equal follow-ups: the one at the place seen is removed; at another place that both match, it is refused")
    func equalFollowUps() throws {
        var dossier = Fixtures.smallDossier()
        let bellen = FollowUp(text: "Bellen")
        try dossier.apply(.addFollowUp(id, bellen), context: context)
        try dossier.apply(.addFollowUp(id, bellen), context: context)
        #expect(throws: ChangeError.self) { try dossier.apply(.removeFollowUp(id, index: 0, seen: bellen), context: context) }
        try dossier.apply(.removeFollowUp(id, index: 3, seen: bellen), context: context)
        #expect(followUps(dossier).map(\.text) == ["Verslag naar de wethouder", "Uitnodiging terugbezoek", "Bellen"])
    }

    @Test("both kinds go through the journal's JSON unchanged")
    func journalRoundTrip() throws {
        let changes: [Change] = [
            .editFollowUp(id, index: 1, seenText: "Uitnodiging \"terug\"bezoek",
                          [FieldEdit(field: "due", old: .none, new: .text("2027-03-01")), FieldEdit(field: "owner", old: .text(""), new: .text("Kees"))]),
            .removeFollowUp(id, index: 0, seen: FollowUp(text: "Verslag", due: Fixtures.date("2026-07-01"), owner: "Anna", isDone: true)),
        ]
        for change in changes {
            var writer = JSONWriter()
            change.write(to: &writer)
            #expect(try JSONReader.read(writer.bytes) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) } == change)
        }
    }

    @Test("the log and the undo say which follow-up, and what of it, in words")
    func wording() throws {
        var dossier = Fixtures.smallDossier()
        let edit = Change.editFollowUp(id, index: 0, seenText: "Verslag naar de wethouder",
                                       [FieldEdit(field: "due", old: .text("2026-07-01"), new: .text("2026-08-01"))])
        #expect(edit.summary(in: dossier) == "Vervolgactie bewerkt bij Delegatie uit Lyon: Verslag naar de wethouder — Uiterlijk: 1-7-2026 → 1-8-2026")
        var undo = try dossier.apply(edit, context: context)
        undo.purpose = .undo
        #expect(Change.restore(undo).summary(in: dossier)
                == "Ongedaan gemaakt: Delegatie uit Lyon: vervolgactie Verslag naar de wethouder, uiterlijk 1-8-2026 → 1-7-2026")

        let remove = Change.removeFollowUp(id, index: 0, seen: followUps(dossier)[0])
        #expect(remove.summary(in: dossier) == "Vervolgactie verwijderd bij Delegatie uit Lyon: Verslag naar de wethouder")
        undo = try dossier.apply(remove, context: context)
        undo.purpose = .undo
        #expect(Change.restore(undo).summary(in: dossier)
                == "Ongedaan gemaakt: vervolgactie [ ] Verslag naar de wethouder (uiterlijk 1-8-2026) bij Delegatie uit Lyon teruggezet")

        var ticked = Fixtures.smallDossier()
        undo = try ticked.apply(.setFollowUpDone(id, index: 0, isDone: true), context: context)
        undo.purpose = .undo
        #expect(Change.restore(undo).summary(in: ticked) == "Ongedaan gemaakt: Delegatie uit Lyon: vervolgactie Verslag naar de wethouder, status afgevinkt → open")
    }
}
