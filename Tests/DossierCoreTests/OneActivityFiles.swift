import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// The files `AddingActivityTests` and `ChangingActivityTests` work on: a generated dossier as this program
/// leaves it, with a journal of activity changes the fast paths must follow.
struct OneActivityFiles {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }
    let context = Fixtures.context

    /// A generated dossier with budget lines, its snapshot and activity index as this program writes them,
    /// and a journal with activity changes the fast paths must follow (a cost, a status, a deletion, an addition,
    /// an approved activity deleted and added again, which puts it last in the dossier's order), one of the
    /// municipality's own contacts and one of a relation; the dossier as a full load gives it.
    func prepared() throws -> Dossier {
        let generated = try DossierGenerator(relations: 40, activities: 300, seed: 5)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: Fixtures.clock.today())
        for companion in [".journal", ".index", ".activities"] { try? FileManager.default.removeItem(atPath: path + companion) }
        var withOwnContact = generated
        withOwnContact.internalContacts = [Contact(name: "Frank den Brok", role: "wethouder economie")]
        try DossierStore(path: path).writeNewSnapshot(withOwnContact)
        var (store, dossier) = try writer()
        var costlier = try #require(dossier.activities.first { $0.status == .gepland && $0.budgetLine != nil })
        costlier.estimatedCost = Money(euros: 9_000)
        try store.commit(.updateActivity(costlier), to: &dossier, context: context)
        let weighed = try #require(dossier.activities.first { $0.status == .inAfweging && $0.budgetLine != nil && $0.estimatedCost != nil })
        try store.commit(.moveActivity(weighed.id, status: .goedgekeurd, reason: "past", overrideReason: "Besluit B&W", decision: "Besluit B&W"),
                         to: &dossier, context: context)
        try store.commit(.deleteActivity(try #require(dossier.activities.first { $0.status == .uitgevoerd && $0.budgetLine != nil }).id),
                         to: &dossier, context: context)
        var added = Activity(id: "uit-het-journaal", title: "Uit het journaal", kind: .beurs, status: .goedgekeurd, relations: [dossier.relations[0].id],
                             startDate: Fixtures.date("2027-06-01"), budgetLine: "internationalisering", estimatedCost: Money(euros: 700))
        added.statusHistory = [StatusChange(date: Fixtures.clock.today(), from: nil, to: .goedgekeurd, reason: "", by: "", decision: "Mandaat",
                                            overrideReason: "Past in het programma")]
        try store.commit(.addActivity(added), to: &dossier, context: context)
        let readded = try #require(dossier.activities.first {
            $0.status.isUpcoming && !$0.relations.isEmpty && $0.id != costlier.id && $0.id != weighed.id
        })
        try store.commit(.deleteActivity(readded.id), to: &dossier, context: context)
        try store.commit(.addActivity(readded), to: &dossier, context: context)
        // One of the municipality's own contacts (kept after the activities): the fast paths pass it by.
        try store.commit(.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "phone", old: .text(""), new: .text("0412 629 111"))]),
                         to: &dossier, context: context)
        let relation = dossier.relations[6]
        try store.commit(.setRelationStatus(relation.id, status: relation.status == .actief ? .verkennen : .actief, reason: "gesprek", reviewDate: nil),
                         to: &dossier, context: context)
        store.writeSideIndex(of: dossier)
        return dossier
    }

    /// A ledger's figures per line and year, the activities counted as a set (their order follows the reading).
    static func figures(_ ledger: BudgetLedger) -> [String: [Int: [String]]] {
        ledger.overviews.mapValues { years in
            years.mapValues { ["\($0.budget.cents)", "\($0.committed.cents)", "\($0.spent.cents)"] + $0.activityIDs.sorted() }
        }
    }

    /// The activities the journal touched (changed, added, deleted), by id.
    func touchedByTheJournal() throws -> Set<String> {
        Set(try DossierStore(path: path).history().flatMap { entry -> [String] in
            if case .change(let change) = entry.event { return change.subjects }
            return []
        })
    }

    /// The activity the journal deleted and added again.
    func readded(in dossier: Dossier) throws -> Activity {
        let history = try DossierStore(path: path).history()
        let deleted = Set(history.compactMap { entry -> ActivityID? in
            if case .change(.deleteActivity(let id)) = entry.event { return id }
            return nil
        })
        return try #require(dossier.activities.first { deleted.contains($0.id) })
    }

    func writer() throws -> (DossierStore, Dossier) {
        let store = try openedStore()
        return (store, try store.load())
    }

    func openedStore() throws -> DossierStore {
        var configuration = StoreConfiguration()
        configuration.lockWait = 0
        let store = DossierStore(path: path, configuration: configuration)
        try store.openForWriting(actor: "tester")
        return store
    }
}

extension JournalEntry {
    /// The entry with `other`'s lineage and link to the line before it: what differs between the same change
    /// written to two preparations of the same files (each starts a lineage of its own).
    func inLineage(of other: JournalEntry) -> JournalEntry {
        var entry = self
        entry.lineage = other.lineage
        entry.previous = other.previous
        return entry
    }
}
