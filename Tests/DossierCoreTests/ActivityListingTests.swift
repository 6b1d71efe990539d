import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// `dossier activities --json` from the snapshot's bytes (`ActivityListing`): the same bytes as a listing of
/// the whole dossier, for every query, whatever the journal changed since the snapshot; and nil whenever the
/// snapshot's bytes cannot be vouched for.
@Suite("Listing activities from the snapshot's bytes")
struct ActivityListingTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }
    let context = Fixtures.context

    func opened() -> DossierStore {
        var configuration = StoreConfiguration()
        configuration.lockWait = 0
        configuration.journalEntryLimit = 1_000
        let store = DossierStore(path: path, configuration: configuration)
        try? store.openForWriting(actor: "tester")
        return store
    }

    /// A generated dossier written as this program writes one, then a journal of changes of every kind a
    /// listing must follow (one that changes the order, an addition, a removal, a removal and the same id
    /// added again, a renamed relation), and the side index of a program that wrote them.
    func prepared() throws -> Dossier {
        let generated = try DossierGenerator(relations: 40, activities: 300, seed: 5)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: [], today: Fixtures.clock.today())
        try DossierStore(path: path).writeNewSnapshot(generated)
        let store = opened()
        var dossier = try store.load()
        let activities = dossier.activities
        let renamed = dossier.relations[0]
        // Same date and title as another: the tie is kept in dossier order (the copy comes after it).
        var twin = activities[40]
        twin.id = "tweeling"
        // Taken away and added again in one batch: it moves to the end, after its own twin.
        var other = activities[50]
        other.id = "tweede-tweeling"
        let changes: [Change] = [
            .addActivity(twin),
            .addActivity(other),
            .batch([.deleteActivity(activities[50].id), .addActivity(activities[50])], label: "opnieuw"),
            .addFollowUp(activities[3].id, FollowUp(text: "Nabellen", due: Fixtures.date("2027-01-05"))),
            .editActivity(activities[10].id, [FieldEdit(field: "title", old: .text(activities[10].title), new: .text("AAA vooraan"))]),
            .editActivity(activities[11].id, [FieldEdit(field: "startDate", old: activities[11].startDate.map { .text($0.iso) } ?? .none, new: .text("2024-01-02"))]),
            .addActivity(Activity(id: "nieuw-bezoek", title: "Nieuw bezoek", kind: .beurs, relations: [renamed.id])),
            .deleteActivity(activities[20].id),
            .deleteActivity(activities[21].id),
            .addActivity(activities[21]),
            .editRelation(renamed.id, [FieldEdit(field: "name", old: .text(renamed.name), new: .text("Hernoemde relatie"))]),
            .setRelationStatus(dossier.relations[1].id, status: dossier.relations[1].status == .actief ? .verkennen : .actief, reason: "gesprek",
                               reviewDate: nil),
        ]
        for change in changes { try store.commit(change, to: &dossier, context: context) }
        store.writeSideIndex(of: dossier)
        return dossier
    }

    func listed(_ query: ActivityQuery, from listing: ActivityListing, piece: Int = 1 << 16) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try listing.writeJSON(query, piece: piece, to: { bytes += $0 })
        return bytes
    }

    func whole(_ query: ActivityQuery, of dossier: Dossier) -> [UInt8] {
        var bytes: [UInt8] = []
        ActivitiesJSON.write(query, of: dossier, piece: 1 << 16, to: { bytes += $0 })
        return bytes
    }

    @Test("the same bytes as the whole dossier's listing, for every query")
    func sameBytes() throws {
        let dossier = try prepared()
        let listing = try #require(try opened().activityListing(), "a snapshot this program wrote, a current side index")
        #expect(listing.dossier.relations == dossier.relations, "the relations as they are now")
        #expect(listing.dossier.activities.count < 12, "only the activities the journal touched are read whole")
        let relation = dossier.relations[0].id
        let queries = [
            ActivityQuery(), ActivityQuery(status: .idee), ActivityQuery(kind: .delegatiebezoek), ActivityQuery(year: 2026),
            ActivityQuery(relation: relation), ActivityQuery(direction: .inkomend), ActivityQuery(kind: .delegatiebezoek, relation: relation),
        ]
        for query in queries {
            let expected = whole(query, of: dossier)
            #expect(try listed(query, from: listing) == expected, "\(query)")
            #expect(try listed(query, from: listing, piece: 100) == expected, "a piece per activity: \(query)")
            #expect(try listed(query, from: listing, piece: 7_000) == expected, "pieces of several: \(query)")
            #expect(listing.rows(query) == query.apply(to: dossier.activities).map(ActivityRow.init), "the table's rows: \(query)")
        }
        let all = String(decoding: try listed(ActivityQuery(), from: listing), as: UTF8.self)
        #expect(all.contains("\"AAA vooraan\"") && all.contains("\"nieuw-bezoek\""))
        #expect(all.components(separatedBy: "\n  {").count - 1 == dossier.activities.count, "every activity once, the removed one not")
    }

    @Test("nil when the snapshot's bytes cannot be vouched for", arguments: [
        "a snapshot only read and checked", "a stale side index", "an undo in the journal", "a change that needs the whole dossier",
        "no side index", "no activity index", "a damaged activity index", "the activity index of another snapshot",
        "an activity index whose header claims a negative length", "an activity index of an older format",
    ])
    func declines(_ situation: String) throws {
        _ = try prepared()
        let store = opened()
        var dossier = try store.load()
        switch situation {
        case "a snapshot only read and checked":
            try directory.write("dossier.json", try PosixFileSystem().readFile(path))
            try? FileManager.default.removeItem(atPath: path + ".journal")
            let reloaded = opened()
            reloaded.writeSideIndex(of: try reloaded.load())
            #expect(DossierStore(path: path).listIndex() != nil, "the index is current, but does not say the snapshot was written here")
        case "a stale side index":
            try store.commit(.addFollowUp(dossier.activities[0].id, FollowUp(text: "Bellen")), to: &dossier, context: context)
        case "an undo in the journal":
            let undo = try store.commit(.deleteActivity(dossier.activities[5].id), to: &dossier, context: context)
            try store.commit(.restore(undo), to: &dossier, context: context)
            store.writeSideIndex(of: dossier)
        case "a change that needs the whole dossier":
            try store.commit(.addRelation(Relation(id: "even", name: "Even", kind: .netwerk, status: .verkennen)), to: &dossier, context: context)
            try store.commit(.deleteRelation("even"), to: &dossier, context: context)
            store.writeSideIndex(of: dossier)
        case "no activity index":
            try FileManager.default.removeItem(atPath: path + ".activities")
        case "a damaged activity index":
            try directory.damage("dossier.json.activities", fromEnd: 40)
        case "an activity index whose header claims a negative length":
            // Header and a line break only: with a length of -1 the sizes add up, and the body must not be taken.
            let bytes = try PosixFileSystem().readFile(path + ".activities")
            let header = String(decoding: bytes[..<bytes.firstIndex(of: 0x0A)!], as: UTF8.self)
            let lying = header.replacingOccurrences(of: #""bodyLength":[0-9]+"#, with: "\"bodyLength\":-1", options: .regularExpression)
            #expect(lying != header)
            try directory.write("dossier.json.activities", Array((lying + "\n").utf8))
        case "an activity index of an older format":
            // Format 2 had no budget cost in its rows: an index written by an older version waits for a compaction.
            let bytes = try PosixFileSystem().readFile(path + ".activities")
            let text = String(decoding: bytes, as: UTF8.self)
            let older = text.replacingOccurrences(of: "\"format\":\(ActivityIndex.format)", with: "\"format\":2")
            #expect(older != text)
            try directory.write("dossier.json.activities", Array(older.utf8))
        case "the activity index of another snapshot":
            let aside = directory.file("elders.json")
            try DossierStore(path: aside).writeNewSnapshot(dossier)
            try FileManager.default.removeItem(atPath: path + ".activities")
            try FileManager.default.copyItem(atPath: aside + ".activities", toPath: path + ".activities")
        default:
            try FileManager.default.removeItem(atPath: path + ".index")
        }
        #expect(try opened().activityListing() == nil)
    }

    @Test("a compaction writes the snapshot anew and its side index says so; a later index for the same snapshot keeps that")
    func writtenFollowsTheSnapshot() throws {
        _ = try prepared()
        let store = opened()
        var dossier = try store.load()
        try store.compact(dossier, at: Fixtures.now)
        #expect(try opened().activityListing() != nil)
        try store.commit(.addFollowUp(dossier.activities[1].id, FollowUp(text: "Mailen")), to: &dossier, context: context)
        store.writeSideIndex(of: dossier)
        let listing = try #require(try opened().activityListing())
        #expect(try listed(ActivityQuery(), from: listing) == whole(ActivityQuery(), of: dossier))
    }
}
