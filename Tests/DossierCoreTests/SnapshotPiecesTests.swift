@testable import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// A snapshot is written piece by piece (`Dossier.encode(activityRanges:to:)`), never held whole beside the
/// dossier: the pieces make exactly the bytes of `encoded()`, and the activities lie where the ranges say.
@Suite("A snapshot written in pieces")
struct SnapshotPiecesTests {
    let dossier: Dossier

    init() throws {
        let bundled = try DossierFile.decode(BundledDossier.bytes, file: "ingebouwd")
        dossier = try DossierGenerator(relations: 40, activities: 1_500, seed: 11)
            .generate(framework: bundled.framework, budgetLines: bundled.budgetLines, today: Fixtures.clock.today())
    }

    @Test("pieces of any size join to the bytes of the whole, with the same activity ranges", arguments: [1, 700, 4_096, 1 << 20])
    func piecesJoinToTheWhole(pieceSize: Int) {
        var wholeRanges: [Range<Int>] = []
        let whole = dossier.encoded(activityRanges: &wholeRanges)
        var pieces: [[UInt8]] = []
        var ranges: [Range<Int>] = []
        dossier.encode(activityRanges: &ranges, pieceSize: pieceSize) { (piece: [UInt8]) throws(Never) in pieces.append(piece) }
        let joined = Array(pieces.joined())
        #expect(joined.count == whole.count)
        #expect(firstDifference(joined, whole) == nil, "the pieces differ from the whole")
        #expect(ranges.count == dossier.activities.count)
        let differing = firstDifference(ranges, wholeRanges)
        #expect(differing == nil, "activity \(differing ?? 0): \(differing.map { ranges[$0] }) instead of \(differing.map { wholeRanges[$0] })")
        // Cut between activities only: every piece but the last ends with an activity's last byte.
        let ends = Set(ranges.map(\.upperBound))
        var offset = 0
        for piece in pieces.dropLast() {
            offset += piece.count
            let isBetweenActivities = ends.contains(offset)
            #expect(isBetweenActivities, "a piece ends at \(offset), inside an activity")
        }
        if pieceSize < whole.count { #expect(pieces.count > 1) }
    }

    private func firstDifference<Element: Equatable>(_ some: [Element], _ other: [Element]) -> Int? {
        some.indices.first { $0 >= other.count || some[$0] != other[$0] }
    }

    @Test("a new snapshot of more than one piece is the encoded dossier, and its activity index finds each activity")
    func storeWritesPieces() throws {
        let directory = TemporaryDirectory(prefix: "dossier-pieces")
        let store = DossierStore(path: directory.file("dossier.json"))
        try store.writeNewSnapshot(dossier)
        let bytes = try directory.read("dossier.json")
        #expect(bytes.count > 1 << 20, "the file is larger than one piece")
        #expect(bytes == dossier.encoded())
        let reread = DossierStore(path: directory.file("dossier.json"))
        #expect(try reread.load() == dossier)
        // Read through the activity index: the ranges written with the pieces point at the right bytes.
        for id in [dossier.activities.first!.id, dossier.activities[777].id, dossier.activities.last!.id] {
            let shown = try #require(try reread.loadForShowing(id))
            guard case .activity(let activity) = shown.subject else {
                Issue.record("\(id) is not shown as an activity")
                continue
            }
            #expect(activity == dossier.activity(id))
        }
    }

    @Test("a write that fails after the first piece leaves the file as it was and no temporary file")
    func failureAfterThePieceBefore() throws {
        let directory = TemporaryDirectory(prefix: "dossier-pieces")
        let faults = FaultyFileSystem()
        let store = DossierStore(path: directory.file("dossier.json"), fileSystem: faults)
        try store.writeNewSnapshot(Fixtures.smallDossier())
        let before = try directory.read("dossier.json")
        // The disk fills up while the second piece of the new snapshot is written.
        faults.inject(.init(.write, code: ENOSPC, pathContains: ".dossier.json.tmp-", bytesWritten: 1_000, after: 1))
        #expect(throws: StoreError.self) { try store.writeNewSnapshot(dossier) }
        #expect(try directory.read("dossier.json") == before)
        let names = try PosixFileSystem().contentsOfDirectory(directory.path)
        #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
        #expect(try DossierStore(path: directory.file("dossier.json")).load() == Fixtures.smallDossier())
    }
}
