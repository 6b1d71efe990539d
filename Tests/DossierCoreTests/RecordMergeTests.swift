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

    @Test("the journal keeps the merged record, and the log says what went back: replayed, also by an older version, it puts back exactly that")
    func journaledMerged() throws {
        var dossier = Fixtures.smallDossier()
        var undo = try dossier.apply(.editActivity("missie-lyon", [FieldEdit(field: "title", old: .text("Handelsmissie Lyon"), new: .text("Missie Lyon"))]),
                                     context: context)
        try dossier.apply(.moveActivity("missie-lyon", status: .geannuleerd, reason: "van Ine", overrideReason: nil), context: context)
        undo.purpose = .undo
        let (_, entry) = try JournalEntry.recording(.restore(undo), in: &dossier, after: 3, lineage: "l", previous: "", context: context, recentOthers: [],
                                                    dates: .standard, today: context.today)
        #expect(dossier.activity("missie-lyon")?.title == "Handelsmissie Lyon" && dossier.activity("missie-lyon")?.status == .geannuleerd)
        #expect(entry.summary == "Ongedaan gemaakt: titel Missie Lyon → Handelsmissie Lyon", "only what went back: \(entry.summary) \(entry.details)")
        guard case .change(.restore(let written)) = entry.event else { Issue.record("\(entry.event)"); return }
        #expect(written.activities.first?.value == dossier.activity("missie-lyon"), "the merged record, not the one before the colleague's step")
    }

    @Test("the fields the life cycle and the weighing look at go together: half of a step and half of a colleague's is refused")
    func lifeCycleTogether() throws {
        var dossier = Fixtures.smallDossier()
        let negative = Assessment(timestamp: Fixtures.now, by: "tester", answers: AssessmentAnswers(), verdict: .negatief, reasons: [], missing: [])
        let positive = Assessment(timestamp: Fixtures.now, by: "tester", answers: AssessmentAnswers(), verdict: .positief, reasons: [], missing: [])
        try dossier.apply(.addActivity(Activity(id: "a", title: "Proef", kind: .beurs, status: .inAfweging, assessments: [negative])), context: context)
        var weighed = try dossier.apply(.recordAssessment("a", positive), context: context)
        try dossier.apply(.moveActivity("a", status: .goedgekeurd, reason: "", overrideReason: nil, decision: "Besluit B&W"), context: context)
        weighed.purpose = .undo
        #expect(throws: ChangeError.self, "approved on a positive weighing, which would go") { try dossier.apply(.restore(weighed), context: context) }
        #expect(dossier.activity("a")?.assessments.count == 2)

        try dossier.apply(.addActivity(Activity(id: "b", title: "Bezoek", kind: .beurs, status: .gepland, startDate: Fixtures.date("2027-01-01"),
                                                statusHistory: Fixtures.approved(.gepland))), context: context)
        var dated = try dossier.apply(.editActivity("b", [FieldEdit(field: "startDate", old: .text("2027-01-01"), new: .text("2026-11-01"))]), context: context)
        try dossier.apply(.moveActivity("b", status: .uitgevoerd, reason: "gedaan", overrideReason: nil), context: context)
        dated.purpose = .undo
        #expect(throws: ChangeError.self, "carried out, its date would go after today") { try dossier.apply(.restore(dated), context: context) }
        #expect(dossier.activity("b")?.startDate == Fixtures.date("2026-11-01"))
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
                    + "veranderde, of dat ermee samenhangt (status, afwegingen, datums, kosten en budgetregel gaan samen); terugzetten zou die wijziging ook wissen")
        }
        #expect(dossier == before)
        var title = try dossier.apply(.editActivity("missie-lyon", [FieldEdit(field: "title", old: .text("Handelsmissie Lyon"), new: .text("Missie Lyon"))]),
                                      context: context)
        try dossier.apply(.deleteActivity("missie-lyon"), context: context)
        title.purpose = .redo
        #expect(throws: ChangeError.self) { try dossier.apply(.restore(title), context: context) }
        // Deleted and made anew with the same id: another record, never merged.
        var notes = try dossier.apply(.editActivity("delegatie-uit-lyon", [FieldEdit(field: "notes", old: .text(""), new: .text("x"))]), context: context)
        let old = try #require(dossier.activity("delegatie-uit-lyon"))
        try dossier.apply(.deleteActivity("delegatie-uit-lyon"), context: context)
        var anew = old
        anew.notes = "x"
        anew.title = "Ander bezoek"
        anew.statusHistory = [StatusChange(date: Fixtures.date("2026-11-20"), from: nil, to: .uitgevoerd, reason: "opnieuw", by: "Ine")]
        try dossier.apply(.addActivity(anew), context: context)
        notes.purpose = .undo
        #expect(throws: ChangeError.self) { try dossier.apply(.restore(notes), context: context) }
    }

    @Test("a record without a status history yet (as the bundled dossier's relations) is merged over a colleague's status; made anew, it is not")
    func withoutHistoryYet() throws {
        var dossier = Fixtures.smallDossier()
        let before = try #require(dossier.relation("unesco-learning-cities"))
        #expect(before.statusHistory.isEmpty)
        var edited = before
        edited.region = "Auvergne"
        var undo = try dossier.apply(.updateRelation(edited), context: context)
        try dossier.apply(.setRelationStatus("unesco-learning-cities", status: .actief, reason: "minder", reviewDate: nil, seen: before.status), context: context)
        undo.purpose = .undo
        var probe = dossier
        try probe.apply(.restore(undo), context: context)
        #expect(probe.relation("unesco-learning-cities")?.region == before.region && probe.relation("unesco-learning-cities")?.status == .actief)
        // Deleted and added again by a colleague: its first step starts from no status, and it is another record.
        try dossier.apply(.deleteRelation("unesco-learning-cities"), context: context)
        try dossier.apply(.addRelation(Relation(id: "unesco-learning-cities", name: "UNESCO Learning Cities", kind: .netwerk, status: before.status)), context: context)
        #expect(dossier.relation("unesco-learning-cities")?.statusHistory.first?.from == nil)
        #expect(throws: ChangeError.self) { try dossier.apply(.restore(undo), context: context) }
    }

    @Test("a relation's contacts are merged one by one, as the municipality's own: a step on one contact is undone over a colleague's change to another")
    func contactsOneByOne() throws {
        var dossier = try Fixtures.keptDossier()
        let pivot = try #require(dossier.relation("pivot-park"))
        var undo = try dossier.apply(.editContact(.relation("pivot-park"), "britta-driessen", [FieldEdit(field: "role", old: .text("business development manager"),
                                                                                                          new: .text("directeur"))]), context: context)
        try dossier.apply(.editContact(.relation("pivot-park"), "eva-de-wit", [FieldEdit(field: "notes", old: .text("Bereikbaar op dinsdag en donderdag"),
                                                                                                new: .text("Via Ine"))]), context: context)
        try dossier.apply(.addContact(.relation("pivot-park"), Contact(name: "Kees Colleague", organisation: "Pivot Park")), context: context)
        undo.purpose = .undo
        var redo = try dossier.apply(.restore(undo), context: context)
        var contacts = try #require(dossier.relation("pivot-park")?.contacts)
        #expect(contacts.map(\.id) == ["britta-driessen", "eva-de-wit", "kees-colleague"])
        #expect(contacts[0] == pivot.contacts[0], "the step went back")
        #expect(contacts[1].notes == "Via Ine", "the colleague's edit of another contact stays")

        // One contact changed by both in other fields goes field by field.
        var role = try dossier.apply(.editContact(.relation("pivot-park"), "britta-driessen", [FieldEdit(field: "role", old: .text("business development manager"),
                                                                                                          new: .text("adjunct"))]), context: context)
        try dossier.apply(.editContact(.relation("pivot-park"), "britta-driessen", [FieldEdit(field: "notes", old: .text(""), new: .text("Van Ine"))]),
                          context: context)
        role.purpose = .undo
        try dossier.apply(.restore(role), context: context)
        let britta = try #require(dossier.relation("pivot-park")?.contacts.first)
        #expect(britta.role == "business development manager" && britta.notes == "Van Ine")

        // A contact the step removed comes back at its place, over a colleague's change to another.
        redo.purpose = .redo
        try dossier.apply(.restore(redo), context: context)
        var removal = try dossier.apply(.removeContact(.relation("pivot-park"), "britta-driessen"), context: context)
        try dossier.apply(.editContact(.relation("pivot-park"), "eva-de-wit", [FieldEdit(field: "role", old: .text("communicatie"), new: .text("pers"))]),
                          context: context)
        removal.purpose = .undo
        try dossier.apply(.restore(removal), context: context)
        contacts = try #require(dossier.relation("pivot-park")?.contacts)
        #expect(contacts.map(\.id) == ["britta-driessen", "eva-de-wit", "kees-colleague"])
        #expect(contacts[0].role == "directeur" && contacts[1].role == "pers")

        // The same contact's same field, or a contact the colleague removed that the step edited: refused, nothing changed.
        var edit = try dossier.apply(.editContact(.relation("pivot-park"), "eva-de-wit", [FieldEdit(field: "role", old: .text("pers"), new: .text("woordvoerder"))]),
                                     context: context)
        try dossier.apply(.editContact(.relation("pivot-park"), "eva-de-wit", [FieldEdit(field: "role", old: .text("woordvoerder"), new: .text("hoofd pers"))]),
                          context: context)
        edit.purpose = .undo
        var before = dossier
        #expect(throws: ChangeError.self) { try dossier.apply(.restore(edit), context: context) }
        #expect(dossier == before)
        try dossier.apply(.removeContact(.relation("pivot-park"), "eva-de-wit"), context: context)
        before = dossier
        #expect(throws: ChangeError.self) { try dossier.apply(.restore(edit), context: context) }
        #expect(dossier == before)
    }
}
