import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// The side index (`NAME.index`): what the start screen and `dossier relations` show, believed only for
/// exactly the snapshot and journal it was made from; anything else reads the dossier in full.
@Suite("The side index beside the snapshot")
struct SideIndexTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }
    var indexPath: String { path + ".index" }
    let context = Fixtures.context

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        chmod(path, 0o600)
    }

    func writer() throws -> (DossierStore, Dossier) {
        var configuration = StoreConfiguration()
        configuration.lockWait = 0
        let store = DossierStore(path: path, configuration: configuration)
        try store.openForWriting(actor: "tester")
        return (store, try store.load())
    }

    /// What a fresh reader finds.
    func listed() -> ListIndex? { DossierStore(path: path).listIndex() }

    @Test("a writing store keeps it: after a load, a change and a compaction it describes the files, with the lists of the dossier")
    func keptCurrent() throws {
        var (store, dossier) = try writer()
        #expect(listed() == nil, "none yet")
        store.writeSideIndex(of: dossier)
        #expect(listed() == ListIndex(dossier: dossier))
        #expect(try PosixFileSystem().status(indexPath)?.mode == 0o600)

        try store.commit(.setRelationStatus("bom", status: .laagPitje, reason: "Kader", reviewDate: Fixtures.date("2027-01-01")),
                         to: &dossier, context: context)
        #expect(listed() == nil, "the journal grew: the index no longer describes it")
        store.writeSideIndex(of: dossier)
        let afterChange = try #require(listed())
        #expect(afterChange == ListIndex(dossier: dossier))
        #expect(afterChange.relations.first { $0.relation.id == "bom" }?.relation.status == .laagPitje)
        #expect(afterChange.deadlines.contains(Fixtures.date("2027-01-01")))

        try store.commit(.setRelationStatus("bom", status: .actief, reason: "terug", reviewDate: nil), to: &dossier, context: context)
        chmod(path, 0o660)
        try store.compact(dossier, at: Fixtures.now)
        #expect(listed() == ListIndex(dossier: dossier), "a compaction writes it for the new snapshot")
        #expect(try PosixFileSystem().status(indexPath)?.mode == 0o660, "the group's bits follow the snapshot, never others'")
        #expect(try DossierStore(path: path).load() == dossier)
    }

    @Test("the rows are those of a full load: the same order, counts and next dates, and the same signals count")
    func sameAsFullLoad() throws {
        let generated = try DossierGenerator(relations: 120, activities: 900, seed: 3)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: [], today: Fixtures.clock.today())
        try directory.write("dossier.json", generated.encoded())
        let (store, dossier) = try writer()
        store.writeSideIndex(of: dossier)
        let list = try #require(listed())
        let full = RelationOverview.all(in: dossier, today: Fixtures.clock.today())
        for query in [RelationQuery(), RelationQuery(order: .status), RelationQuery(statuses: [.actief], order: .date), RelationQuery(statuses: [.laagPitje, .focus])] {
            #expect(query.apply(to: list.relations).map(\.relation.id) == query.apply(to: full).map(\.relation.id))
            #expect(query.apply(to: list.relations).map(\.nextDate) == query.apply(to: full).map(\.nextDate))
            #expect(query.apply(to: list.relations).map(\.activityCount) == query.apply(to: full).map(\.activityCount))
        }
        for days in [0, 60, 400] {
            #expect(list.reminderCount(today: Fixtures.clock.today(), within: days)
                    == Reminder.all(in: dossier, today: Fixtures.clock.today(), within: days).count)
        }
        #expect(list.activityCount == dossier.activities.count)
        #expect(list.visitCount == dossier.activities.filter(\.isVisit).count)
    }

    @Test("stale or damaged, it is ignored and the dossier is read in full", arguments: [
        "another writer's change", "the snapshot rewritten in place, size and time kept", "the snapshot replaced", "the body damaged",
        "cut off", "a link in its place", "removed", "the journal removed",
    ])
    func staleIsIgnored(what: String) throws {
        var (store, dossier) = try writer()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &dossier, context: context)
        store.writeSideIndex(of: dossier)
        #expect(listed() != nil)
        let fileSystem = PosixFileSystem()
        switch what {
        case "another writer's change":
            let (other, otherDossier) = try writer()
            var changed = otherDossier
            try other.commit(.setRelationStatus("bom", status: .focus, reason: "r", reviewDate: nil), to: &changed, context: context)
        case "the snapshot rewritten in place, size and time kept":
            let before = try #require(try fileSystem.status(path))
            var bytes = try directory.read("dossier.json")
            let position = try #require(bytes.firstIndex(of: UInt8(ascii: "B")))  // "BOM" becomes "COM"
            bytes[position] = UInt8(ascii: "C")
            let descriptor = open(path, O_WRONLY)
            _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            var times = [timespec(tv_sec: Int(before.modificationSeconds), tv_nsec: Int(before.modificationNanoseconds)),
                         timespec(tv_sec: Int(before.modificationSeconds), tv_nsec: Int(before.modificationNanoseconds))]
            futimens(descriptor, &times)
            close(descriptor)
            let after = try #require(try fileSystem.status(path))
            #expect(after.size == before.size && after.modificationNanoseconds == before.modificationNanoseconds && after.inode == before.inode)
        case "the snapshot replaced":
            try DurableWriter(fileSystem: fileSystem).replace(path, with: try directory.read("dossier.json"))
        case "the body damaged":
            try directory.damage("dossier.json.index", fromEnd: 10)
        case "cut off":
            try directory.write("dossier.json.index", Array(try directory.read("dossier.json.index").dropLast(100)))
        case "a link in its place":
            let bytes = try directory.read("dossier.json.index")
            try directory.write("elsewhere.index", bytes)
            unlink(indexPath)
            symlink(directory.file("elsewhere.index"), indexPath)
        case "removed":
            unlink(indexPath)
        default:
            unlink(path + ".journal")
        }
        #expect(listed() == nil, "\(what)")
        if what == "a link in its place" {
            // Writing it again replaces the link itself, never the file it points to.
            let (again, reloaded) = try writer()
            again.writeSideIndex(of: reloaded)
            #expect(try fileSystem.status(indexPath)?.kind == .regular)
            #expect(listed() != nil)
        }
    }

    @Test("a list whose deadline lies outside the years a dossier holds is not a list index")
    func deadlineOutOfRange() throws {
        let inRange = ListIndex(relations: [], activityCount: 1, visitCount: 0, deadlines: [CalendarDate(unchecked: 2026, 12, 1)])
        #expect(ListIndex(encoded: inRange.encoded())?.deadlines == inRange.deadlines)
        for year in [Limits.years.lowerBound - 1, Limits.years.upperBound + 1, 50_000] {
            let outside = ListIndex(relations: [], activityCount: 1, visitCount: 0, deadlines: [CalendarDate(unchecked: year, 1, 1)])
            #expect(ListIndex(encoded: outside.encoded()) == nil, "\(year)")
        }
        let overflowing = String(decoding: inRange.encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\(CalendarDate(unchecked: 2026, 12, 1).dayNumber)", with: "9223372036854775807")
        #expect(ListIndex(encoded: Array(overflowing.utf8)) == nil)
    }

    @Test("a snapshot the index vouches for is not checked again; one changed since is; validate checks everything")
    func checkingOnlyWhatChanged() throws {
        // A snapshot that decodes but breaks a rule: an activity of a relation that does not exist.
        var invalid = Fixtures.smallDossier()
        let stray = Activity(id: "zwerver", title: "Zwerver", kind: .beurs, relations: ["bestaat-niet"])
        invalid = Dossier(title: invalid.title, framework: invalid.framework, budgetLines: invalid.budgetLines,
                          relations: invalid.relations, activities: invalid.activities + [stray])
        try directory.write("dossier.json", invalid.encoded())
        #expect(throws: StoreError.self, "a snapshot no index vouches for is checked") { try DossierStore(path: path).load() }

        // An index that (wrongly) vouches for it, as if this program had written it: the stamps are all that is compared.
        let status = try #require(try PosixFileSystem().status(path))
        let vouching = SideIndex(snapshot: SideIndex.FileStamp(status), sequence: 0, journal: nil, journalSequence: 0, list: ListIndex(dossier: invalid))
        try directory.write("dossier.json.index", vouching.encoded())
        #expect(try DossierStore(path: path).load().activity("zwerver") != nil, "vouched for: not checked again")
        let validating = DossierStore(path: path)
        validating.checksEverything = true
        #expect(throws: StoreError.self, "validate checks everything") { try validating.load() }

        // Touched since (same content): the stamp no longer matches, so it is checked again.
        chmod(path, 0o640)
        #expect(throws: StoreError.self, "changed since the index: checked") { try DossierStore(path: path).load() }
    }

    @Test("a store that only reads never writes it, nor one whose journal ends in a torn line")
    func onlyWritersWrite() throws {
        let reader = DossierStore(path: path)
        let dossier = try reader.load()
        reader.writeSideIndex(of: dossier)
        #expect(!FileManager.default.fileExists(atPath: indexPath))

        var (store, changed) = try writer()
        try store.commit(.setRelationStatus("bom", status: .verkennen, reason: "r", reviewDate: nil), to: &changed, context: context)
        let handle = try #require(FileHandle(forWritingAtPath: path + ".journal"))
        handle.seekToEndOfFile()
        handle.write(Data("{\"sequence\":2,\"half".utf8))
        handle.closeFile()
        let (torn, loaded) = try writer()
        #expect(!torn.notices.isEmpty)
        torn.writeSideIndex(of: loaded)
        #expect(!FileManager.default.fileExists(atPath: indexPath), "the torn line's notice keeps being given by a full load")
    }
}
