import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// A change to relations alone, made on the relations read without the activities (`RelationsDossier`):
/// it must leave exactly the files a change on the whole dossier leaves, and the side index with it; and
/// whenever that cannot be vouched for, it must decline (nil) so that the whole dossier is used.
@Suite("Changing relations without reading the activities")
struct RelationsDossierTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }
    let context = Fixtures.context

    /// A generated dossier, with a journal holding a change of each reach and a side index, as a program
    /// that wrote them leaves it; and the dossier as a full load gives it.
    func prepared(journalEntryLimit: Int = 1_000) throws -> Dossier {
        let generated = try DossierGenerator(relations: 60, activities: 400, seed: 11)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: [], today: Fixtures.clock.today())
        for companion in [".journal", ".index", ".activities"] { try? FileManager.default.removeItem(atPath: path + companion) }
        try DossierStore(path: path).writeNewSnapshot(generated)
        var (store, dossier) = try writer(journalEntryLimit: journalEntryLimit)
        let activity = dossier.activities[7].id, relation = dossier.relations[3]
        try store.commit(.addFollowUp(activity, FollowUp(text: "Nabellen", due: Fixtures.date("2027-02-01"))), to: &dossier, context: context)
        try store.commit(.setRelationStatus(relation.id, status: relation.status == .actief ? .verkennen : .actief, reason: "gesprek", reviewDate: nil),
                         to: &dossier, context: context)
        store.writeSideIndex(of: dossier)
        return dossier
    }

    func writer(journalEntryLimit: Int = 1_000) throws -> (DossierStore, Dossier) {
        let store = try openedStore(journalEntryLimit: journalEntryLimit)
        return (store, try store.load())
    }

    func openedStore(journalEntryLimit: Int = 1_000) throws -> DossierStore {
        var configuration = StoreConfiguration()
        configuration.lockWait = 0
        configuration.journalEntryLimit = journalEntryLimit
        let store = DossierStore(path: path, configuration: configuration)
        try store.openForWriting(actor: "tester")
        return store
    }

    func listed() -> ListIndex? { DossierStore(path: path).listIndex() }

    @Test("each change leaves the files a change on the whole dossier leaves, and a side index equal to a full load's")
    func sameAsWholeDossier() throws {
        var reference = try prepared()
        let today = Fixtures.clock.today()
        // A relation whose next approved or planned activity lies after the review date given below: while it is
        // on laag pitje the review is its next date, and the activity must come back when it leaves laag pitje.
        let hidden = try #require(RelationOverview.all(in: reference, today: today).first {
            $0.relation.status != .laagPitje && ($0.upcomingActivity.map { $0.date > Fixtures.date("2026-12-15") } ?? false)
        }).relation
        let renamed = reference.relations[20]
        let changes: [Change] = [
            .setRelationStatus(hidden.id, status: .laagPitje, reason: "Kader 2025-2030", reviewDate: Fixtures.date("2026-12-15"), seen: hidden.status),
            .setRelationStatus(hidden.id, status: .actief, reason: "weer opgepakt", reviewDate: nil, seen: .laagPitje),
            .addContact(.relation(reference.relations[5].id), Contact(name: "Eva de Wit", email: "eva@example.org")),
            .editRelation(renamed.id, [FieldEdit(field: "name", old: .text(renamed.name), new: .text("Aaa eerst in de lijst"))]),
            .addRelation(Relation(id: "nieuw-netwerk", name: "Nieuw netwerk", kind: .netwerk, status: .verkennen)),
        ]
        for change in changes {
            let store = try openedStore()
            var isAddition = false
            if case .addRelation = change {
                // Its id must be no activity's: without their ids (the tally) the addition is left to the whole dossier.
                var withoutIDs = try #require(try store.loadRelations())
                #expect(try store.commit(change, to: &withoutIDs, context: context) == nil)
                isAddition = true
            }
            var relations = try #require(try isAddition ? store.loadForAddingActivity() : store.loadRelations(), "the side index vouches for the files")
            #expect(relations.dossier.activities.isEmpty)
            #expect(relations.dossier.relations == reference.relations, "the journal's relation changes replayed, its activity changes skipped")
            #expect(try store.commit(change, to: &relations, context: context) != nil, "\(change.summary(in: reference))")
            try reference.apply(change, context: context)

            let loaded = try DossierStore(path: path).load()
            #expect(loaded == reference, "\(change.summary(in: reference))")
            #expect(listed() == ListIndex(dossier: loaded), "the side index follows: \(change.summary(in: reference))")
        }
        let row = try #require(listed()?.relations.first { $0.relation.id == hidden.id })
        #expect(row.nextDate?.reason != .review, "the hidden activity is the next date again")
        #expect(listed()?.relations.first?.relation.name == "Aaa eerst in de lijst", "a new name takes its place in name order")
    }

    @Test("the journal entry is the one the whole dossier's change writes")
    func sameJournalEntry() throws {
        let dossier = try prepared()
        let relation = dossier.relations[9]
        let change = Change.setRelationStatus(relation.id, status: .laagPitje, reason: "Kader", reviewDate: Fixtures.date("2027-03-01"), seen: relation.status)
        let store = try openedStore()
        var relations = try #require(try store.loadRelations())
        _ = try store.commit(change, to: &relations, context: context)
        let fast = try #require(try DossierStore(path: path).history().last)

        _ = try prepared()
        var (whole, full) = try writer()
        try whole.commit(change, to: &full, context: context)
        let slow = try #require(try DossierStore(path: path).history().last)
        #expect(fast.inLineage(of: slow) == slow)
        #expect(fast.lineage != nil && fast.previous != nil)
    }

    @Test("it declines, writing nothing, when the whole dossier is needed", arguments: [
        "no side index", "a stale side index", "an entry that needs the whole dossier", "another reach", "files moved meanwhile",
        "the journal at its limit", "a snapshot only read and checked",
    ])
    func declines(_ situation: String) throws {
        var dossier = try prepared(journalEntryLimit: situation == "the journal at its limit" ? 4 : 1_000)
        let relation = dossier.relations[2]
        var change = Change.setRelationStatus(relation.id, status: .beeindigd, reason: "afgerond", reviewDate: nil, seen: relation.status)
        switch situation {
        case "no side index":
            try FileManager.default.removeItem(atPath: path + ".index")
        case "a stale side index":
            var (other, loaded) = try writer()
            try other.commit(.addContact(.relation(relation.id), Contact(name: "Jan")), to: &loaded, context: context)
        case "an entry that needs the whole dossier":
            var (other, loaded) = try writer()
            try other.commit(.addRelation(Relation(id: "even", name: "Even", kind: .netwerk, status: .verkennen)), to: &loaded, context: context)
            try other.commit(.deleteRelation("even"), to: &loaded, context: context)
            other.writeSideIndex(of: loaded)
            dossier = loaded
        case "another reach":
            change = .addFollowUp(dossier.activities[0].id, FollowUp(text: "Bellen"))
        case "the journal at its limit":
            var (other, loaded) = try writer(journalEntryLimit: 1_000)
            try other.commit(.addContact(.relation(relation.id), Contact(name: "Jan")), to: &loaded, context: context)
            try other.commit(.addContact(.relation(relation.id), Contact(name: "Piet")), to: &loaded, context: context)
            other.writeSideIndex(of: loaded)
        case "a snapshot only read and checked":
            // The same content, written by someone else: only read and checked from now on.
            try directory.write("dossier.json", try PosixFileSystem().readFile(path))
            let (other, loaded) = try writer()
            other.writeSideIndex(of: loaded)
            #expect(DossierStore(path: path).listIndex() != nil)
        default:
            break
        }
        let store = try openedStore(journalEntryLimit: situation == "the journal at its limit" ? 4 : 1_000)
        let journalBefore = try PosixFileSystem().readFile(path + ".journal")
        let relations = try store.loadRelations()
        switch situation {
        case "another reach", "files moved meanwhile":
            var read = try #require(relations)
            if situation == "files moved meanwhile" {
                var (other, loaded) = try writer()
                try other.commit(.addContact(.relation(relation.id), Contact(name: "Jan")), to: &loaded, context: context)
            }
            let before = try PosixFileSystem().readFile(path + ".journal")
            #expect(try store.commit(change, to: &read, context: context) == nil)
            #expect(try PosixFileSystem().readFile(path + ".journal") == before, "nothing written")
        default:
            #expect(relations == nil)
            #expect(try PosixFileSystem().readFile(path + ".journal") == journalBefore)
        }
    }

    @Test("the change that brings the journal to its limit compacts, as on the whole dossier")
    func compactsAtTheLimit() throws {
        var reference = try prepared(journalEntryLimit: 3)
        let relation = reference.relations[4]
        let change = Change.setRelationStatus(relation.id, status: .laagPitje, reason: "Kader", reviewDate: Fixtures.date("2027-05-01"), seen: relation.status)
        let store = try openedStore(journalEntryLimit: 3)
        var relations = try #require(try store.loadRelations(), "two entries: below the limit")
        #expect(try store.commit(change, to: &relations, context: context) != nil)
        try reference.apply(change, context: context)
        #expect(!FileManager.default.fileExists(atPath: path + ".journal"), "the journal went into the new snapshot")
        #expect(try DossierStore(path: path).load() == reference)
        #expect(try DossierStore(path: path).history().last?.summary == change.summary(in: reference))
        #expect(listed() == ListIndex(dossier: reference))
    }

    @Test("what a change can alter decides where it may be made")
    func reach() {
        let relation = Relation(id: "r", name: "R", kind: .netwerk, status: .actief)
        let activity = Activity(id: "a", title: "A", kind: .beurs, relations: ["r"])
        #expect(Change.setRelationStatus("r", status: .actief, reason: "x", reviewDate: nil).reach == .relations)
        #expect(Change.addLink(.relation("r"), Link(label: "site", target: .url("https://example.org"))).reach == .relations)
        #expect(Change.addLink(.activity("a"), Link(label: "site", target: .url("https://example.org"))).reach == .activities)
        #expect(Change.deleteRelation("r").reach == .whole, "removing a relation asks whether an activity names it")
        #expect(Change.addActivity(activity).reach == .activities)
        #expect(Change.restore(Restoration(label: "x", relations: [Snapshot(id: "r", value: relation, position: 0)])).reach == .relations)
        #expect(Change.restore(Restoration(label: "x", relations: [Snapshot(id: "r", value: nil, position: 0)])).reach == .whole,
                "undoing an addition takes a relation away")
        #expect(Change.restore(Restoration(label: "x", relations: [Snapshot(id: "r", value: relation, position: 0)],
                                           activities: [Snapshot(id: "a", value: activity, position: 0)])).reach == .whole)
        #expect(Change.batch([.addActivity(activity), .addContact(.relation("r"), Contact(name: "Jan"))], label: "x").reach == .whole)
        #expect(Change.batch([.addActivity(activity)], label: "x").reach == .activities)
    }
}
