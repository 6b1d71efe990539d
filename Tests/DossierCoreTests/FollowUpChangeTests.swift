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
        let seen = followUps(dossier)
        try dossier.apply(.removeFollowUp(id, try #require(FollowUpPlace(0, in: seen))), context: context)
        // Made on the screen as it was: the second one, at place 1.
        try dossier.apply(.editFollowUp(id, try #require(FollowUpPlace(1, in: seen)), [FieldEdit(field: "owner", old: .text(""), new: .text("Kees"))]),
                          context: context)
        #expect(followUps(dossier) == [FollowUp(text: "Uitnodiging terugbezoek", owner: "Kees", isDone: true)])
    }

    @Test("ticking off finds the follow-up the person saw after a colleague removed the one before it; one a colleague changed meanwhile is refused, never another ticked off")
    func tickAfterColleagueRemoved() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addFollowUp(id, FollowUp(text: "Bellen")), context: context)
        let seen = followUps(dossier)
        try dossier.apply(.removeFollowUp(id, try #require(FollowUpPlace(0, in: seen))), context: context)
        // Made on the screen as it was: "Bellen" at place 2, now at place 1.
        try dossier.apply(.setFollowUpDone(id, index: 2, isDone: true, seen: FollowUpPlace(2, in: seen)), context: context)
        #expect(followUps(dossier) == [FollowUp(text: "Uitnodiging terugbezoek", isDone: true), FollowUp(text: "Bellen", isDone: true)])
        // A colleague ticked "Bellen" off again meanwhile: reopening it as seen open is refused, nothing changes.
        let before = dossier
        #expect(throws: ChangeError.self) {
            try dossier.apply(.setFollowUpDone(id, index: 2, isDone: true, seen: FollowUpPlace(2, in: seen)), context: context)
        }
        #expect(dossier == before)
        // A line without what was seen (as written before 4 December 2026) ticks the place it names.
        try dossier.apply(.setFollowUpDone(id, index: 0, isDone: false), context: context)
        #expect(followUps(dossier).first?.isDone == false)
    }

    @Test("ids given to follow-ups of a file without them: each text's first its bare slug (its UID in earlier exports), the others the next free one")
    func idsForOldFollowUps() {
        var followUps = [FollowUp(text: "Bel A"), FollowUp(text: "Bel A"), FollowUp(text: "Bel A 2"), FollowUp(text: "!!!"),
                         FollowUp(text: "Verslag", id: "bel-a")]
        followUps.assignMissingIDs()
        #expect(followUps.map(\.id) == ["bel-a-3", "bel-a-4", "bel-a-2", "taak", "bel-a"], "an id given stays; \(followUps.map(\.id))")
        var plain = [FollowUp(text: "Bel A"), FollowUp(text: "Bel A"), FollowUp(text: "Bel A 2")]
        plain.assignMissingIDs()
        #expect(plain.map(\.id) == ["bel-a", "bel-a-3", "bel-a-2"])
    }

    @Test("changed or gone meanwhile is refused as a conflict and nothing changes; so is a stale value or an empty action")
    func refusals() throws {
        var dossier = Fixtures.smallDossier()
        let first = try #require(FollowUpPlace(0, in: followUps(dossier)))
        try dossier.apply(.editFollowUp(id, first, [FieldEdit(field: "text", old: .text("Verslag naar de wethouder"), new: .text("Verslag naar het college"))]),
                          context: context)
        let before = dossier
        let now = try #require(FollowUpPlace(0, in: followUps(dossier)))
        let refused: [(Change, ChangeError.Kind)] = [
            // The action the person saw is no longer there.
            (.editFollowUp(id, first, [FieldEdit(field: "owner", old: .text(""), new: .text("Kees"))]), .conflict),
            // Ticked off by a colleague since it was seen.
            (.removeFollowUp(id, FollowUpPlace(seen: FollowUp(text: "Uitnodiging terugbezoek"))), .conflict),
            // A due date someone else changed.
            (.editFollowUp(id, now, [FieldEdit(field: "due", old: .none, new: .text("2027-01-01"))]), .conflict),
            (.editFollowUp(id, now, [FieldEdit(field: "text", old: .text("Verslag naar het college"), new: .text("  "))]), .invalid),
            (.editFollowUp(id, now, []), .invalid),
            (.removeFollowUp("bestaat-niet", FollowUpPlace(seen: FollowUp(text: "x"))), .notFound),
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

    @Test("two equal follow-ups: which of them was seen counts; when a colleague removed one of them, a removal seen before is refused")
    func equalFollowUps() throws {
        var dossier = Fixtures.smallDossier()
        let bellen = FollowUp(text: "Bellen")
        try dossier.apply(.addFollowUp(id, bellen), context: context)
        try dossier.apply(.addFollowUp(id, bellen), context: context)
        let seen = followUps(dossier)
        #expect(FollowUpPlace(3, in: seen) == FollowUpPlace(seen: bellen, occurrence: 1, count: 2))
        try dossier.apply(.removeFollowUp(id, try #require(FollowUpPlace(3, in: seen))), context: context)
        #expect(followUps(dossier).map(\.text) == ["Verslag naar de wethouder", "Uitnodiging terugbezoek", "Bellen"])
        #expect(throws: ChangeError.self, "the other Bellen is not removed in its place") {
            try dossier.apply(.removeFollowUp(id, try #require(FollowUpPlace(2, in: seen))), context: context)
        }
        #expect(followUps(dossier).count == 3)
    }

    @Test("both kinds go through the journal's JSON unchanged")
    func journalRoundTrip() throws {
        let changes: [Change] = [
            .editFollowUp(id, FollowUpPlace(seen: FollowUp(text: "Uitnodiging \"terug\"bezoek"), occurrence: 1, count: 3),
                          [FieldEdit(field: "due", old: .none, new: .text("2027-03-01")), FieldEdit(field: "owner", old: .text(""), new: .text("Kees"))]),
            .removeFollowUp(id, FollowUpPlace(seen: FollowUp(text: "Verslag", due: Fixtures.date("2026-07-01"), owner: "Anna", isDone: true))),
            .setFollowUpDone(id, index: 4, isDone: true, seen: FollowUpPlace(seen: FollowUp(text: "Bellen", owner: "Kees"), occurrence: 1, count: 2)),
            .setFollowUpDone(id, index: 0, isDone: false),
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
        let edit = Change.editFollowUp(id, try #require(FollowUpPlace(0, in: followUps(dossier))),
                                       [FieldEdit(field: "due", old: .text("2026-07-01"), new: .text("2026-08-01"))])
        #expect(edit.summary(in: dossier) == "Vervolgactie bewerkt bij Delegatie uit Lyon: Verslag naar de wethouder — Uiterlijk: 1-7-2026 → 1-8-2026")
        var undo = try dossier.apply(edit, context: context)
        undo.purpose = .undo
        #expect(Change.restore(undo).summary(in: dossier)
                == "Ongedaan gemaakt: Delegatie uit Lyon: vervolgactie Verslag naar de wethouder, uiterlijk 1-8-2026 → 1-7-2026")

        let remove = Change.removeFollowUp(id, try #require(FollowUpPlace(0, in: followUps(dossier))))
        #expect(remove.summary(in: dossier) == "Vervolgactie verwijderd bij Delegatie uit Lyon: Verslag naar de wethouder")
        undo = try dossier.apply(remove, context: context)
        undo.purpose = .undo
        #expect(Change.restore(undo).summary(in: dossier)
                == "Ongedaan gemaakt: vervolgactie Verslag naar de wethouder (uiterlijk 1-8-2026) bij Delegatie uit Lyon teruggezet")

        var ticked = Fixtures.smallDossier()
        undo = try ticked.apply(.setFollowUpDone(id, index: 0, isDone: true), context: context)
        undo.purpose = .undo
        #expect(Change.restore(undo).summary(in: ticked) == "Ongedaan gemaakt: Delegatie uit Lyon: vervolgactie Verslag naar de wethouder, status afgevinkt → open")
    }
}
