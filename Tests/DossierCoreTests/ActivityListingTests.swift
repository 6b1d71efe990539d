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
    func prepared(budgetLines: [BudgetLine] = [], adjusting adjust: (inout [Activity]) -> Void = { _ in }) throws -> Dossier {
        let generated = try DossierGenerator(relations: 40, activities: 300, seed: 5)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: budgetLines, today: Fixtures.clock.today())
        var adjusted = generated.activities
        adjust(&adjusted)
        try DossierStore(path: path).writeNewSnapshot(Dossier(title: generated.title, framework: generated.framework, budgetLines: generated.budgetLines,
                                                              relations: generated.relations, activities: adjusted,
                                                              internalContacts: generated.internalContacts))
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
            ActivityQuery(), ActivityQuery(statuses: [.idee]), ActivityQuery(kind: .delegatiebezoek), ActivityQuery(year: 2026),
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

    @Test("the agenda from the activity index lists what the whole dossier's lists, for every window")
    func agendaFromTheIndex() throws {
        let today = Fixtures.clock.today()
        // In the snapshot (rows of the index): an overdue follow-up, follow-ups of an activity without a date, and
        // two activities of one kind on one day, the first of which the journal touches below.
        var twins: [ActivityID] = []
        _ = try prepared { activities in
            activities[100].followUps = [FollowUp(text: "Achterstallig verslag", due: today.adding(days: -30), owner: "Piet")]
            activities[101].startDate = nil
            activities[101].endDate = nil
            activities[101].followUps = [FollowUp(text: "Zonder datum", due: today.adding(days: 3)), FollowUp(text: "Gedaan", due: today, isDone: true)]
            let shown = activities.indices.filter { $0 > 101 && Agenda.shows(activities[$0].status) }
            let pair = [shown[0], shown.dropFirst().first { activities[$0].kind == activities[shown[0]].kind } ?? shown[0]]
            for position in pair {
                activities[position].startDate = today.adding(days: 9)
                activities[position].endDate = nil
            }
            twins = pair.map { activities[$0].id }
        }
        #expect(twins[0] != twins[1])
        let store = opened()
        var dossier = try store.load()
        let touched = try #require(dossier.activity(twins[0]))
        try store.commit(.editActivity(touched.id, [FieldEdit(field: "notes", old: FieldValue.text(touched.notes),
                                                                               new: FieldValue.text("Aangeraakt"))]), to: &dossier, context: context)
        // Follow-ups the journal touched: the first done, a second added (it keeps its index), with an owner.
        let withTwo = try #require(dossier.activities.first { !$0.followUps.isEmpty && $0.followUps.allSatisfy { !$0.isDone } })
        try store.commit(.addFollowUp(withTwo.id, FollowUp(text: "Tweede", due: Fixtures.date("2027-02-01"), owner: "Anna")), to: &dossier, context: context)
        try store.commit(.setFollowUpDone(withTwo.id, index: 0, isDone: true), to: &dossier, context: context)
        store.writeSideIndex(of: dossier)
        // What a line of the agenda says of an entry, by the ids and words the command prints.
        func lines(_ dossier: Dossier, from: CalendarDate?, to: CalendarDate?) -> [String] {
            Agenda(dossier).window(from: from, to: to, today: today).map { entry in
                [entry.kind.name, entry.start.iso, entry.end.iso, entry.subjectID(in: dossier), entry.followUp.map(String.init) ?? "-",
                 String(entry.isOverdue(on: today)), entry.title(in: dossier), entry.context(in: dossier)].joined(separator: " | ")
            }
        }
        let windows: [(CalendarDate?, CalendarDate?)] = [
            (today, nil), (nil, nil), (Fixtures.date("2020-01-01"), Fixtures.date("2026-06-30")), (today, today.adding(days: 30)),
            (Fixtures.date("2027-01-05"), Fixtures.date("2027-01-05")), (Fixtures.date("2031-01-01"), nil),
        ]
        var kinds = Set<AgendaEntry.Kind>()
        for (from, to) in windows {
            let part = try #require(try opened().loadForAgenda(from: from, to: to, today: today), "from the indexes")
            let expected = lines(dossier, from: from, to: to)
            #expect(lines(part, from: from, to: to) == expected, "\(String(describing: from)) … \(String(describing: to))")
            kinds.formUnion(Agenda(dossier).window(from: from, to: to, today: today).map(\.kind))
            #expect(part.activities.count < dossier.activities.count, "only the activities the window shows")
            #expect(part.relations == dossier.relations)
        }
        #expect(kinds == Set(AgendaEntry.Kind.allCases), "every kind of entry is compared")
        let shown = lines(dossier, from: today, to: nil)
        #expect(shown.first { $0.contains("Achterstallig verslag") }?.contains("| true |") == true, "an overdue follow-up of a row")
        #expect(shown.contains { $0.contains("Zonder datum") } && !shown.contains { $0.contains("| Gedaan") }, "a dateless activity's open follow-up")
        let days = shown.filter { $0.hasPrefix("bezoek") || $0.hasPrefix("activiteit") }
        #expect(days.compactMap { line in twins.first { line.contains("| \($0) |") } } == twins, "same day and kind: in the dossier's order")
        #expect(lines(dossier, from: nil, to: nil).contains { $0.hasPrefix("vervolgactie") && $0.contains("| \(withTwo.id) | \(withTwo.followUps.count) |") })
        try FileManager.default.removeItem(atPath: path + ".activities")
        #expect(try opened().loadForAgenda(from: today, to: nil, today: today) == nil, "no index: the whole dossier")
    }

    @Test("the budget of one year from the activity index: the same overviews and the same activities as the whole dossier's")
    func budgetOfAYear() throws {
        _ = try prepared(budgetLines: Fixtures.smallDossier().budgetLines)
        let store = opened()
        var dossier = try store.load()
        // One carried out with its actual cost (the budget counts that, not the estimate), one taken off the budget.
        let carried = try #require(dossier.activities.first { $0.year == 2026 && $0.budgetLine != nil && $0.status.isCarriedOut })
        try store.commit(.updateActivity({ var changed = carried; changed.estimatedCost = Money(cents: 1_000)
                                           changed.actualCost = Money(cents: 98_765); return changed }()), to: &dossier, context: context)
        let uncharged = try #require(dossier.activities.first { $0.year == 2026 && $0.budgetLine != nil && $0.status.countsAgainstBudget && $0.id != carried.id })
        try store.commit(.updateActivity({ var changed = uncharged; changed.budgetLine = nil; return changed }()), to: &dossier, context: context)
        store.writeSideIndex(of: dossier)
        let whole = BudgetLedger(dossier)
        for year in whole.years.sorted() + [1999] {
            let part = try #require(try opened().loadForBudget(year: year), "from the indexes: \(year)")
            #expect(BudgetLedger(part).overviews(year) == whole.overviews(year), "\(year)")
            #expect(part.budgetLines == dossier.budgetLines)
            // What the table of the year shows of its activities: those counted on a line, and those on none.
            func shown(_ dossier: Dossier) -> [String] {
                dossier.activities.filter { $0.year == year }.map { "\($0.id) \($0.title) \($0.status.label) \($0.budgetLine ?? "-") \($0.budgetedCost.cents)" }
            }
            #expect(shown(part) == shown(dossier), "\(year)")
        }
        #expect(BudgetLedger(try #require(try opened().loadForBudget(year: 2026))).overview(2026, line: try #require(carried.budgetLine)).activityIDs.contains(carried.id))
        #expect(try #require(try opened().loadForBudget(year: 2026)).activity(uncharged.id)?.budgetLine == nil)
    }

    @Test("a part of the dossier read for a list is never saved, compacted or written as a snapshot")
    func partsAreNeverSaved() throws {
        _ = try prepared()
        let store = opened()
        _ = try store.load()
        let today = Fixtures.clock.today()
        var part = try #require(try opened().loadForAgenda(from: today, to: nil, today: today))
        #expect(part.isPart)
        #expect(try !store.load().isPart)
        // Every part a store reads without the rest is marked where it is made.
        #expect(try opened().loadForBudget()?.dossier.isPart == true)
        #expect(try opened().loadRelations()?.dossier.isPart == true)
        #expect(try opened().activityListing()?.dossier.isPart == true)
        let journal = try PosixFileSystem().readFile(path + ".journal"), snapshot = try PosixFileSystem().readFile(path)
        let sideIndex = try PosixFileSystem().readFile(path + ".index")
        func refused(_ attempt: () throws -> Void) {
            do {
                try attempt()
                Issue.record("a part was saved")
            } catch let error as StoreError {
                if case .partOfDossier = error { return }
                Issue.record("\(error)")
            } catch {
                Issue.record("\(error)")
            }
        }
        refused { try store.commit(.addFollowUp(part.activities[0].id, FollowUp(text: "Bellen")), to: &part, context: context) }
        refused { try store.compact(part, at: context.timestamp) }
        refused { try DossierStore(path: directory.file("elders.json")).writeNewSnapshot(part) }
        // Nor made into a side index (a list of what it holds would be believed on the next start).
        try FileManager.default.removeItem(atPath: path + ".index")
        let writer = opened()
        _ = try writer.load()
        writer.writeSideIndex(of: part)
        #expect(!FileManager.default.fileExists(atPath: path + ".index"), "no side index from a part")
        writer.writeSideIndex(of: try writer.load())
        #expect(FileManager.default.fileExists(atPath: path + ".index"), "from the whole dossier it is written")
        try directory.write("dossier.json.index", sideIndex)
        #expect(try PosixFileSystem().readFile(path + ".journal") == journal && PosixFileSystem().readFile(path) == snapshot, "nothing written")
        #expect(!FileManager.default.fileExists(atPath: directory.file("elders.json")))
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
            // The same dossier, laid out otherwise than this program lays it out (compact).
            try directory.write("dossier.json", dossier.encoded(pretty: false))
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
            // Format 3 had no end dates and follow-ups in its rows: an index written by an older version waits for a compaction.
            let bytes = try PosixFileSystem().readFile(path + ".activities")
            let text = String(decoding: bytes, as: UTF8.self)
            let older = text.replacingOccurrences(of: "\"format\":\(ActivityIndex.format)", with: "\"format\":\(ActivityIndex.format - 1)")
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

    /// A store for the file `name` in the test's directory, opened for writing.
    func opened(_ name: String) -> DossierStore {
        let store = DossierStore(path: directory.file(name))
        try? store.openForWriting(actor: "tester")
        return store
    }

    @Test("a copy of a snapshot this program wrote is vouched for again once it is read whole: its activity index is written")
    func copyVouchedFor() throws {
        _ = try prepared()
        // A copy has another inode: no index of the original vouches for it.
        try FileManager.default.copyItem(atPath: path, toPath: directory.file("kopie.json"))
        #expect(try opened("kopie.json").activityListing() == nil)
        let reader = opened("kopie.json")
        let copy = try reader.load()
        // A screen closed before the comparison: the side index as before, and the next one compares again.
        let stopped = try #require(reader.listIndexWrite(of: copy))
        stopped.stop()
        stopped.run()
        let before = try #require(SideIndex.decodeHeader(try PosixFileSystem().readFile(directory.file("kopie.json.index"))))
        #expect(!before.snapshotWritten && !before.snapshotCompared)
        #expect(!FileManager.default.fileExists(atPath: directory.file("kopie.json.activities")))
        let write = try #require(reader.listIndexWrite(of: copy))
        write.run()
        let index = try #require(SideIndex.decodeHeader(try PosixFileSystem().readFile(directory.file("kopie.json.index"))))
        #expect(index.snapshotWritten, "the side index vouches for the copy as for a snapshot this program wrote")
        let listing = try #require(try opened("kopie.json").activityListing(), "the listing comes from the activity index again")
        #expect(listing.dossier.activities.isEmpty, "no activity is read whole: the journal touched none")
        for query in [ActivityQuery(), ActivityQuery(statuses: [.idee]), ActivityQuery(relation: copy.relations[0].id)] {
            #expect(try listed(query, from: listing) == whole(query, of: copy), "\(query)")
        }
        #expect(opened("kopie.json").listIndexWrite(of: copy) == nil, "nothing left to write")
        #expect(try opened("kopie.json").load() == copy)
    }

    @Test("a snapshot read whole is not vouched for when it is not what this program writes, or when the journal changed it since",
          arguments: ["laid out otherwise", "laid out otherwise in one activity, at the same length", "changed by the journal",
                      "an activity index of an older format"])
    func notVouchedFor(_ situation: String) throws {
        let dossier = try prepared()
        let copy = directory.file("kopie.json")
        switch situation {
        case "laid out otherwise":
            try directory.write("kopie.json", dossier.encoded(pretty: false))
        case "laid out otherwise in one activity, at the same length":
            // A space moved from the start of a line to the end of the one before: the same JSON and size.
            let text = String(decoding: try PosixFileSystem().readFile(path), as: UTF8.self)
            let activities = try #require(text.range(of: "\"activities\": ["))
            let line = try #require(text.range(of: "\n      \"title\"", range: activities.upperBound..<text.endIndex))
            let moved = text.replacingCharacters(in: line, with: " \n     \"title\"")
            #expect(moved.utf8.count == text.utf8.count)
            try directory.write("kopie.json", Array(moved.utf8))
        case "changed by the journal":
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            try FileManager.default.copyItem(atPath: path + ".journal", toPath: copy + ".journal")
        default:
            // Vouched for by a first reader, then the index left by an older version: made again by the next one.
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let first = opened("kopie.json")
            first.listIndexWrite(of: try first.load())?.run()
            let bytes = String(decoding: try PosixFileSystem().readFile(copy + ".activities"), as: UTF8.self)
            try directory.write("kopie.json.activities", bytes.replacingOccurrences(of: "\"format\":\(ActivityIndex.format)",
                                                                                     with: "\"format\":\(ActivityIndex.format - 1)"))
            #expect(try opened("kopie.json").activityListing() == nil)
            let second = opened("kopie.json")
            try #require(second.listIndexWrite(of: try second.load())).run()
            #expect(try opened("kopie.json").activityListing() != nil, "the older index is replaced")
            return
        }
        let reader = opened("kopie.json")
        let read = try reader.load()
        if situation != "laid out otherwise in one activity, at the same length" {
            let same = read == dossier
            #expect(same, "the same dossier, read otherwise")
        }
        try #require(reader.listIndexWrite(of: read)).run()
        let index = try #require(SideIndex.decodeHeader(try PosixFileSystem().readFile(copy + ".index")))
        #expect(!index.snapshotWritten)
        #expect(index.snapshotCompared == (situation != "changed by the journal"), "a comparison that found the layout otherwise is noted")
        #expect(opened("kopie.json").listIndex() != nil, "the list index is written as before")
        let next = opened("kopie.json")
        #expect(next.listIndexWrite(of: try next.load()) == nil, "the next start neither compares again nor writes anything")
        #expect(!FileManager.default.fileExists(atPath: copy + ".activities"))
        #expect(try opened("kopie.json").activityListing() == nil)
    }

    @Test("the comparison and the index written in two passes hold in small pieces too: the ranges of the encoding, the index of one piece")
    func inSmallPieces() throws {
        let dossier = try prepared()
        try FileManager.default.removeItem(atPath: path + ".journal")
        let fileSystem = PosixFileSystem()
        var expected: [Range<Int>] = []
        let bytes = dossier.encoded(activityRanges: &expected)
        try directory.write("dossier.json", bytes)
        func compared(_ pieceSize: Int) throws -> [Range<Int>]? {
            let descriptor = try fileSystem.openForReading(path)
            defer { fileSystem.close(descriptor) }
            return SnapshotComparison.activityRanges(of: dossier, in: descriptor, size: Int64(bytes.count), fileSystem: fileSystem, path: path,
                                                     pieceSize: pieceSize)
        }
        #expect(try compared(4_096) == expected)
        #expect(try compared(1) == expected, "a piece per activity")
        var changed = bytes
        let middle = expected[expected.count / 2]
        changed[middle.lowerBound + 3] = changed[middle.lowerBound + 3] == 0x20 ? 0x09 : 0x20
        try directory.write("dossier.json", changed)
        #expect(try compared(4_096) == nil, "one byte otherwise in the middle")
        #expect(try compared(1 << 20) == nil)
        let stamp = SideIndex.FileStamp(try #require(try fileSystem.status(path)))
        ActivityIndex.write(ActivityIndex.body(of: dossier.activities, at: expected), for: stamp, files: StoreFiles(path), fileSystem: fileSystem,
                            mode: 0o600)
        let whole = try fileSystem.readFile(path + ".activities")
        ActivityIndex.write(of: dossier.activities, at: expected, for: stamp, files: StoreFiles(path), fileSystem: fileSystem, mode: 0o600,
                            pieceSize: 1_000)
        #expect(try fileSystem.readFile(path + ".activities") == whole, "the same file, header and all")
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
