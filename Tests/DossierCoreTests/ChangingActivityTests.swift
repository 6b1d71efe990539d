import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// A change to one activity made on the relations and that activity alone (`loadForChangingActivity`): it must
/// save what the change on the whole dossier saves and bring the side index along as a full load would make it
/// (the counts, the deadlines, each relation's next activity); and decline (nil, nothing written) whenever that
/// cannot be vouched for, so that the whole dossier is used.
@Suite("Changing one activity without reading the others")
struct ChangingActivityTests {
    let files = OneActivityFiles()
    var path: String { files.path }
    let context = Fixtures.context

    /// A change as a version from before relations and activities had to differ in id accepted it (a replayed line
    /// skips that rule): files like that still load, and the commands must still tell the two apart.
    static func asAnOlderVersion(_ context: ChangeContext) -> ChangeContext {
        var older = context
        older.isReplay = true
        return older
    }

    @Test("each change saves what the change on the whole dossier saves, and the side index follows")
    func sameAsWholeDossier() throws {
        var reference = try files.prepared()
        let today = Fixtures.clock.today()
        // Read from the snapshot's bytes: activities the journal left alone.
        let touched = try files.touchedByTheJournal()
        let untouched = reference.activities.filter { !touched.contains($0.id) }
        let due = try #require(untouched.first { $0.status == .gepland && ($0.startDate ?? .distantFuture) <= today && !$0.relations.isEmpty })
        let approved = try #require(untouched.last { $0.status == .goedgekeurd && ($0.startDate ?? today) > today })
        let withOpenFollowUp = try #require(untouched.first { activity in activity.followUps.contains { !$0.isDone && $0.due != nil } })
        let cancelled = try #require(reference.activities.first { $0.status == .goedgekeurd && $0.statusHistory.last?.decision == "Besluit B&W" })
        let elsewhere = try #require(reference.relations.last { !approved.relations.contains($0.id) }).id
        let visit = try #require(untouched.last { activity in
            activity.isVisit && !activity.relations.isEmpty && activity.followUps.contains { !$0.isDone && $0.due != nil } && activity.id != withOpenFollowUp.id
        })
        // Two approved or planned activities of one relation on the same (earliest) day: the first in the dossier's
        // order is its next one. The one added again by the journal stands last in that order.
        let readded = try files.readded(in: reference)
        let changedAbove = [due.id, approved.id, withOpenFollowUp.id]
        func isCandidate(_ activity: Activity, for relation: RelationID) -> Bool {
            activity.status.isUpcoming && RelationOverview.linkedRelations(activity).contains(relation) && !changedAbove.contains(activity.id)
        }
        let shared = try #require(RelationOverview.linkedRelations(readded).first { relation in untouched.contains { isCandidate($0, for: relation) } })
        let earlier = try #require(untouched.first { isCandidate($0, for: shared) })
        let third = try #require(untouched.first {
            RelationOverview.linkedRelations($0).contains(shared) && $0.id != earlier.id && !changedAbove.contains($0.id)
        })
        func onTheSameDay(_ activity: Activity) -> Change {
            var moved = reference.activity(activity.id) ?? activity
            moved.startDate = Fixtures.date("2024-01-05")
            moved.endDate = nil
            return .updateActivity(moved)
        }
        let changes: [(String, Change)] = [
            ("a planned activity carried out: no longer its relations' next", .moveActivity(due.id, status: .uitgevoerd, reason: "gedaan",
                                                                                         overrideReason: nil, actualCost: Money(euros: 120), seen: .gepland)),
            ("the journal's own addition planned", .moveActivity("uit-het-journaal", status: .gepland, reason: "datum vast", overrideReason: nil)),
            ("one the journal approved, cancelled", .moveActivity(cancelled.id, status: .geannuleerd, reason: "gaat niet door", overrideReason: nil)),
            ("a follow-up with a deadline", .addFollowUp(approved.id, FollowUp(text: "Verslag", due: Fixtures.date("2027-01-15")))),
            ("a follow-up done", .setFollowUpDone(withOpenFollowUp.id,
                                                  index: try #require(withOpenFollowUp.followUps.firstIndex { !$0.isDone && $0.due != nil }), isDone: true)),
            ("sooner, and with another relation", .updateActivity({
                var moved = approved
                moved.startDate = Fixtures.date("2026-11-25")
                moved.endDate = nil
                moved.relations = [elsewhere]
                return moved
            }())),
            ("a link", .addLink(.activity(approved.id), Link(label: "Programma", target: .url("https://example.org/programma")))),
            ("the one added again becomes its relation's next", onTheSameDay(readded)),
            ("one earlier in the dossier's order on the same day takes its place", onTheSameDay(earlier)),
            ("a third of that relation changed: the earlier of the two stays next", .addLink(.activity(third.id),
                                                                                            Link(label: "Verslag", target: .url("https://example.org/verslag")))),
            ("that one cancelled: the one added again is next again", .moveActivity(earlier.id, status: .geannuleerd, reason: "vervalt",
                                                                                   overrideReason: nil)),
            ("the one added again deleted: the relation's next is among the others", .deleteActivity(readded.id)),
            ("a visit with an open deadline deleted", .deleteActivity(visit.id)),
            ("the journal's own addition deleted", .deleteActivity("uit-het-journaal")),
        ]
        for (situation, change) in changes {
            let id = try #require(change.subjects.first)
            let store = try files.openedStore()
            var read = try #require(try store.loadForChangingActivity(id), "the side index and activity index vouch for the files: \(situation)")
            #expect(read.dossier.activities.map(\.id) == [id] && read.dossier.activity(id) == reference.activity(id), "\(situation)")
            #expect(read.dossier.relations == reference.relations)
            #expect(try store.commit(change, to: &read, context: context) != nil, "\(situation)")
            try reference.apply(change, context: context)
            #expect(read.dossier.activity(id) == reference.activity(id), "\(situation)")
            if case .deleteActivity = change { #expect(read.dossier.activities.isEmpty) }
            if situation.hasPrefix("that one cancelled") {
                let row = try #require(DossierStore(path: path).listIndex()?.relations.first { $0.relation.id == shared })
                #expect(row.upcomingActivity?.reason == .activity(readded.id))
            }

            let loaded = try DossierStore(path: path).load()
            #expect(loaded == reference, "\(situation)")
            #expect(DossierStore(path: path).listIndex() == ListIndex(dossier: loaded), "the side index follows: \(situation)")
        }
        let row = try #require(DossierStore(path: path).listIndex()?.relations.first { $0.relation.id == elsewhere })
        #expect(row.upcomingActivity?.date ?? .distantFuture <= Fixtures.date("2026-11-25"), "the moved activity counts for its new relation")
        let sharedRow = try #require(DossierStore(path: path).listIndex()?.relations.first { $0.relation.id == shared })
        #expect(sharedRow.upcomingActivity?.reason != .activity(readded.id), "deleted, it is no relation's next")
    }

    @Test("read for weighing, the activity comes with the budget of all activities, and weighs as on the whole dossier")
    func weighing() throws {
        let dossier = try files.prepared()
        let touched = try files.touchedByTheJournal()
        // One from the snapshot's bytes, one the journal changed.
        let fromSnapshot = try #require(dossier.activities.first { !touched.contains($0.id) && $0.budgetLine != nil && $0.estimatedCost != nil })
        let fromJournal = try #require(dossier.activities.first { touched.contains($0.id) && $0.budgetLine != nil })
        var answers = AssessmentAnswers()
        answers.set(.inhoudelijkeLink, .ja)
        for activity in [fromSnapshot, fromJournal] {
            let store = try files.openedStore()
            var read = try #require(try store.loadForChangingActivity(activity.id, withBudget: true))
            let ledger = try #require(read.budget)
            #expect(OneActivityFiles.figures(ledger) == OneActivityFiles.figures(BudgetLedger(dossier)))
            let result = Assessor.assess(activity, answers: answers, in: read.dossier, ledger: ledger)
            #expect(result == Assessor.assess(activity, answers: answers, in: dossier), "\(activity.id)")
            let change = Change.recordAssessment(activity.id, result.recorded(answers: answers, by: "", at: Fixtures.now))
            #expect(try store.commit(change, to: &read, context: context) != nil)
            var reference = dossier
            try reference.apply(change, context: context)
            #expect(try DossierStore(path: path).load().activity(activity.id) == reference.activity(activity.id))
            _ = try files.prepared()
        }
        #expect(try files.openedStore().loadForChangingActivity(fromSnapshot.id)?.budget == nil, "only when asked")
    }

    @Test("an activity named by its title is the one the whole dossier finds; a name more than one answers to, or a relation too, goes the whole way")
    func byName() throws {
        let dossier = try files.prepared()
        let touched = try files.touchedByTheJournal()
        // Activities the journal left alone, each the only one that answers to its title.
        let untouched = dossier.activities.filter { activity in
            !touched.contains(activity.id) && dossier.activities.filter { NameLookup.answers(Slug.make(from: activity.title), id: $0.id, title: $0.title) }.count == 1
        }
        let fromBytes = try #require(untouched.first { $0.title.utf8.contains { $0 >= 0x80 } })
        let renamed = try #require(untouched.last), shared = untouched[untouched.count / 2], relation = dossier.relations[5]
        let oldTitle = renamed.title
        var (writer, loaded) = try files.writer()
        var newTitle = renamed
        newTitle.title = "Hernoemd in het journaal"
        try writer.commit(.updateActivity(newTitle), to: &loaded, context: context)
        // A space and a combining mark are one character: trimmed together, as the whole dossier trims them.
        for title in [shared.title, relation.name, "कमल", "\u{093E}कमल"] {
            try writer.commit(.addActivity(Activity(id: loaded.newActivityID(for: title), title: title, kind: .beurs)), to: &loaded, context: context)
        }
        writer.writeSideIndex(of: loaded)
        let whole = try DossierStore(path: path).load()
        // What was typed, and whether it is read without the others.
        let names: [(String, Bool)] = [
            (fromBytes.title, true), (fromBytes.title.uppercased(), true), ("  " + fromBytes.title + " ", true),
            ("uit het journaal", true), ("Hernoemd in het journaal", true), (" \u{093E}कमल", true), ("\u{093E}कमल", true),
            // The old title is the renamed one's id still.
            (oldTitle, Slug.make(from: oldTitle) == renamed.id), (shared.title, false), (relation.name, false), ("bestaat niet", false), ("?!", false),
        ]
        for (typed, isReadAlone) in names {
            let read = try files.openedStore().loadForChangingActivity(typed)
            #expect((read != nil) == isReadAlone, "\(typed)")
            if let read {
                #expect(read.activityRead == (try NameLookup.activity(typed, in: whole)), "\(typed)")
                #expect(read.dossier.activities.count == 1 && read.dossier.relations == whole.relations)
            }
        }
        #expect(throws: ValueError.self) { try NameLookup.activity(shared.title, in: whole) }
        #expect(try NameLookup.activity(relation.name, in: whole).title == relation.name, "found on the whole dossier")

        // Once the renamed one is in the snapshot: its new title typed as an id is no id, so the titles are read after all.
        try writer.compact(whole, at: Fixtures.now)
        let asID = try #require(try files.openedStore().loadForChangingActivity("hernoemd-in-het-journaal"))
        #expect(asID.activityRead?.id == renamed.id && asID.dossier.activities.count == 1)
    }

    @Test("for edit: an activity read whole, a relation's id with the activities' tally, an id both have declined")
    func subjectForEditing() throws {
        let dossier = try files.prepared()
        let activity = dossier.activities[7], relation = dossier.relations[3]
        let asActivity = try #require(try files.openedStore().loadForChangingSubject(activity.title))
        #expect(asActivity.activityRead == activity && asActivity.tally == nil)
        let asRelation = try #require(try files.openedStore().loadForChangingSubject(" \(relation.id) "))
        #expect(asRelation.activityRead == nil && asRelation.dossier.relation(relation.id) == relation)
        #expect(asRelation.tally?.count == dossier.activities.count && asRelation.dossier.activities.isEmpty)

        var (writer, loaded) = try files.writer()
        try writer.commit(.addActivity(Activity(id: relation.id, title: "Zelfde id", kind: .beurs)), to: &loaded, context: Self.asAnOlderVersion(context))
        writer.writeSideIndex(of: loaded)
        #expect(try files.openedStore().loadForChangingSubject(relation.id) == nil, "ambiguous: the whole dossier says so")
        #expect(try files.openedStore().loadForChangingSubject("bestaat-niet") == nil)
    }

    @Test("an activity whose bytes do not read as it is not replaced by another whose title answers to its id")
    func unreadableIsNoName() throws {
        let dossier = try files.prepared()
        let touched = try files.touchedByTheJournal()
        let activity = try #require(dossier.activities.first { !touched.contains($0.id) })
        // Another activity whose title answers to the first one's id.
        var (writer, loaded) = try files.writer()
        try writer.commit(.addActivity(Activity(id: loaded.newActivityID(for: activity.id), title: activity.id, kind: .beurs)), to: &loaded, context: context)
        writer.writeSideIndex(of: loaded)
        let listing = try #require(try DossierStore(path: path).activityListing())
        #expect(try listing.activity(named: activity.id)?.id == activity.id)
        // The same listing with the first one's bytes pointing at another activity's.
        var entries = listing.entries
        let index = try #require(entries.firstIndex { $0.id == activity.id })
        entries[index].bytes = entries[(index + 1) % entries.count].bytes
        let broken = ActivityListing(dossier: listing.dossier, entries: entries, replaced: listing.replaced,
                                     snapshotPositions: listing.snapshotPositions, fields: listing.fields, stamps: listing.stamps, descriptor: dup(listing.descriptor),
                                     fileSystem: listing.fileSystem, path: listing.path)
        // It still answers to its own id, so the name is ambiguous there, never the other one's.
        #expect(try broken.activity(named: activity.id) == nil)
        #expect(try broken.subjectToShow(activity.id) == nil)
    }

    @Test("the journal entry is the one the whole dossier's change writes", arguments: ["move", "delete"])
    func sameJournalEntry(_ kind: String) throws {
        let dossier = try files.prepared()
        let activity = try #require(dossier.activities.first { $0.status == .inAfweging })
        let change = kind == "delete" ? Change.deleteActivity(activity.id)
            : .moveActivity(activity.id, status: .afgewezen, reason: "past niet", overrideReason: nil, seen: .inAfweging)
        let store = try files.openedStore()
        var read = try #require(try store.loadForChangingActivity(activity.id))
        _ = try store.commit(change, to: &read, context: context)
        let fast = try #require(try DossierStore(path: path).history().last)

        _ = try files.prepared()
        var (whole, full) = try files.writer()
        try whole.commit(change, to: &full, context: context)
        let slow = try #require(try DossierStore(path: path).history().last)
        #expect(fast.inLineage(of: slow) == slow)
    }

    @Test("it declines, writing nothing, when the change must be made on the whole dossier", arguments: [
        "no such activity", "one the journal deleted", "no activity index", "a change to another activity", "deleting another", "a second change",
        "a relation's id",
    ])
    func declines(_ situation: String) throws {
        let dossier = try files.prepared()
        let activity = dossier.activities[3], other = dossier.activities[4]
        var id = activity.id
        var change = Change.addFollowUp(activity.id, FollowUp(text: "Bellen"))
        switch situation {
        case "no such activity": id = "bestaat-niet"
        case "a relation's id":
            // An activity with the id of a relation: `edit` calls that ambiguous, so it is left to the whole dossier.
            id = dossier.relations[2].id
            var (other, loaded) = try files.writer()
            try other.commit(.addActivity(Activity(id: id, title: "Zelfde id", kind: .beurs, relations: [dossier.relations[2].id])),
                             to: &loaded, context: Self.asAnOlderVersion(context))
            other.writeSideIndex(of: loaded)
            #expect(try files.openedStore().loadForAddingActivity() != nil, "the files can be vouched for")
        case "one the journal deleted":
            let deleted = try #require(try DossierStore(path: path).history().compactMap { entry -> ActivityID? in
                if case .change(.deleteActivity(let id)) = entry.event { return id }
                return nil
            }.first)
            id = deleted
        case "no activity index": try FileManager.default.removeItem(atPath: path + ".activities")
        case "a change to another activity": change = .addFollowUp(other.id, FollowUp(text: "Bellen"))
        case "deleting another": change = .deleteActivity(other.id)
        default: break
        }
        let store = try files.openedStore()
        let journalBefore = try PosixFileSystem().readFile(path + ".journal")
        switch situation {
        case "no such activity", "one the journal deleted", "no activity index", "a relation's id":
            #expect(try store.loadForChangingActivity(id) == nil)
        case "a second change":
            var read = try #require(try store.loadForChangingActivity(id))
            #expect(try store.commit(change, to: &read, context: context) != nil)
            let afterFirst = try PosixFileSystem().readFile(path + ".journal")
            #expect(try store.commit(.addFollowUp(id, FollowUp(text: "Nog eens")), to: &read, context: context) == nil,
                    "what was read of the others no longer goes with it")
            #expect(try PosixFileSystem().readFile(path + ".journal") == afterFirst)
            return
        default:
            var read = try #require(try store.loadForChangingActivity(id))
            #expect(try store.commit(change, to: &read, context: context) == nil)
        }
        #expect(try PosixFileSystem().readFile(path + ".journal") == journalBefore, "nothing written")
    }
}
