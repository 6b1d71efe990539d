import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// Adding an activity on the relations read without the activities, with only the others' ids, number and
/// budget (`ActivityTally`): it must save what an addition to the whole dossier saves, bring the side index
/// along as a full load would make it, give the same id and the same first look at the Kader; and decline
/// (nil, nothing written) whenever that cannot be vouched for, so that the whole dossier is used.
@Suite("Adding an activity without reading the others")
struct AddingActivityTests {
    let files = OneActivityFiles()
    var path: String { files.path }
    let context = Fixtures.context

    func prepared() throws -> Dossier { try files.prepared() }
    func writer() throws -> (DossierStore, Dossier) { try files.writer() }
    func openedStore() throws -> DossierStore { try files.openedStore() }
    var directory: TemporaryDirectory { files.directory }

    @Test("each addition saves what an addition to the whole dossier saves, with the same id, side index and first look")
    func sameAsWholeDossier() throws {
        var reference = try prepared()
        let today = Fixtures.clock.today()
        // A relation whose next approved or planned activity (if any) comes after the approved visit added below.
        let linked = try #require(RelationOverview.all(in: reference, today: today).first {
            $0.relation.status != .laagPitje && ($0.upcomingActivity.map { $0.date > Fixtures.date("2026-11-30") } ?? true)
        }).relation.id
        let existingTitle = try #require(reference.activities.first { $0.kind != .delegatiebezoek }).title
        // Each makes its activity from the dossier's relations and an id maker, as the commands do.
        let additions: [(String, (Dossier, (String) -> ActivityID) -> Activity)] = [
            ("a visit to weigh, with a follow-up", { _, newID in
                VisitDraft(relations: [linked], date: Fixtures.date("2027-03-12"), direction: .inkomend, delegationFrom: "Medicon Valley",
                           budgetLine: "internationalisering", cost: Money(euros: 450), followUps: [FollowUp(text: "Verslag", due: Fixtures.date("2027-04-01"))])
                    .newActivity(today: today, newID: newID)
            }),
            ("a visit that took place", { _, newID in
                VisitDraft(relations: [linked], date: Fixtures.date("2026-10-02"), direction: .uitgaand, delegationFrom: "Taizhou",
                           budgetLine: "internationalisering", cost: Money(euros: 2_500)).newActivity(today: today, newID: newID)
            }),
            ("an approved visit that becomes the relation's next date", { _, newID in
                VisitDraft(relations: [linked], date: Fixtures.date("2026-11-30"), direction: .inkomend, delegationFrom: "Gent",
                           budgetLine: "internationalisering", cost: Money(euros: 100))
                    .newActivity(today: today, approvedBy: "Besluit B&W", overrideReason: "Buiten het budget om besloten", newID: newID)
            }),
            ("an activity whose title another already has", { dossier, newID in
                Activity(id: newID(existingTitle), title: existingTitle, kind: .beurs, relations: [dossier.relations[2].id],
                         startDate: Fixtures.date("2028-02-01"), budgetLine: "internationalisering", estimatedCost: Money(euros: 50))
            }),
            ("an activity titled with a relation's id, which it cannot have as its own", { dossier, newID in
                Activity(id: newID(dossier.relations[4].id), title: dossier.relations[4].id, kind: .beurs, startDate: Fixtures.date("2028-03-01"))
            }),
            ("an activity in a year without others, on no budget line", { dossier, newID in
                Activity(id: newID("Verkenning"), title: "Verkenning", kind: .overig, relations: [dossier.relations[1].id],
                         organiser: .relation(dossier.relations[3].id), startDate: Fixtures.date("2035-01-10"))
            }),
        ]
        for (situation, make) in additions {
            let store = try openedStore()
            var adding = try #require(try store.loadForAddingActivity(), "the side index and activity index vouch for the files: \(situation)")
            let tally = try #require(adding.tally)
            #expect(adding.dossier.activities.isEmpty && adding.dossier.relations == reference.relations)
            #expect(tally.count == reference.activities.count)
            #expect(Set(reference.activities.map(\.id)).allSatisfy(tally.contains))
            #expect(OneActivityFiles.figures(tally.ledger) == OneActivityFiles.figures(BudgetLedger(reference)), "the budget as the whole dossier sums it: \(situation)")

            let activity = make(adding.dossier, adding.newActivityID)
            #expect(activity == make(reference, reference.newActivityID), "the same id as on the whole dossier: \(situation)")
            #expect(reference.relation(activity.id) == nil && reference.activity(activity.id) == nil, "a new id: \(situation)")
            #expect(try store.commit(.addActivity(activity), to: &adding, context: context) != nil, "\(situation)")
            try reference.apply(.addActivity(activity), context: context)
            let added = try #require(adding.dossier.activity(activity.id))
            #expect(added == reference.activity(activity.id), "stamped as on the whole dossier: \(situation)")
            #expect(FirstLook(added, in: adding.dossier, ledger: adding.tally?.ledger) == FirstLook(added, in: reference), "\(situation)")

            let loaded = try DossierStore(path: path).load()
            #expect(loaded == reference, "\(situation)")
            #expect(DossierStore(path: path).listIndex() == ListIndex(dossier: loaded), "the side index follows: \(situation)")
        }
        let row = try #require(DossierStore(path: path).listIndex()?.relations.first { $0.relation.id == linked })
        #expect(row.upcomingActivity?.date == Fixtures.date("2026-11-30"), "the approved visit is the relation's next activity")
    }

    @Test("the journal entry is the one the whole dossier's addition writes")
    func sameJournalEntry() throws {
        let dossier = try prepared()
        let activity = VisitDraft(relations: [dossier.relations[4].id], date: Fixtures.date("2027-05-01"), direction: .uitgaand, delegationFrom: "Lyon")
            .newActivity(in: dossier, today: Fixtures.clock.today())
        let store = try openedStore()
        var adding = try #require(try store.loadForAddingActivity())
        _ = try store.commit(.addActivity(activity), to: &adding, context: context)
        let fast = try #require(try DossierStore(path: path).history().last)

        _ = try prepared()
        var (whole, full) = try writer()
        try whole.commit(.addActivity(activity), to: &full, context: context)
        let slow = try #require(try DossierStore(path: path).history().last)
        #expect(fast.inLineage(of: slow) == slow)
    }

    @Test("it declines, writing nothing, when the addition must be made on the whole dossier", arguments: [
        "an id in the snapshot", "an id the journal added", "no activity index", "a damaged activity index", "an entry that puts an activity back",
        "only relations read", "read before this store saved another addition",
    ])
    func declines(_ situation: String) throws {
        var dossier = try prepared()
        var activity = Activity(id: "nieuw", title: "Nieuw", kind: .beurs, relations: [dossier.relations[0].id])
        switch situation {
        case "an id in the snapshot":
            activity.id = dossier.activities[0].id
        case "an id the journal added":
            activity.id = "uit-het-journaal"
        case "no activity index":
            try FileManager.default.removeItem(atPath: path + ".activities")
        case "a damaged activity index":
            try directory.damage("dossier.json.activities", fromEnd: 40)
        case "an entry that puts an activity back":
            var (other, loaded) = try writer()
            var edited = loaded.activities[5]
            edited.notes = "later teruggezet"
            let undo = try other.commit(.updateActivity(edited), to: &loaded, context: context)
            try other.commit(.restore(undo), to: &loaded, context: context)
            other.writeSideIndex(of: loaded)
            dossier = loaded
        default:
            break
        }
        let store = try openedStore()
        let journalBefore = try PosixFileSystem().readFile(path + ".journal")
        switch situation {
        case "an id in the snapshot", "an id the journal added", "only relations read":
            var read = try #require(situation == "only relations read" ? try store.loadRelations() : try store.loadForAddingActivity())
            #expect(try store.commit(.addActivity(activity), to: &read, context: context) == nil)
        case "read before this store saved another addition":
            // Two copies read from one store: the second does not know the first's addition, whose id it could take.
            var first = try #require(try store.loadForAddingActivity()), second = try #require(try store.loadForAddingActivity())
            #expect(try store.commit(.addActivity(activity), to: &first, context: context) != nil)
            let afterFirst = try PosixFileSystem().readFile(path + ".journal")
            #expect(try store.commit(.addActivity(activity), to: &second, context: context) == nil)
            #expect(try PosixFileSystem().readFile(path + ".journal") == afterFirst, "nothing more written")
            #expect(try DossierStore(path: path).load().activities.count == dossier.activities.count + 1)
            return
        default:
            #expect(try store.loadForAddingActivity() == nil)
            #expect(try store.loadRelations() != nil, "the relations alone can still be read")
        }
        #expect(try PosixFileSystem().readFile(path + ".journal") == journalBefore, "nothing written")
        #expect(dossier.activities.count == (try DossierStore(path: path).load().activities.count))
    }
}
