import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Loading (the snapshot and a replay of its journal) grows linearly with the dossier and the journal: at
/// 10× and 100× the size it takes about 10× and 100× the time, not 100× and 10.000×. Times are compared
/// as ratios of the fastest of several runs, never against a fixed number of seconds.
@Suite("Cost of loading grows linearly")
struct ReplayCostTests {
    /// A generated dossier of `scale` × (20 relations, 100 activities) with a journal of `scale` × 100 changes
    /// spread over its relations and activities.
    func makeStore(scale: Int, in directory: TemporaryDirectory) throws -> String {
        let seed = Fixtures.smallDossier()
        var dossier = try DossierGenerator(relations: 20 * scale, activities: 100 * scale, seed: 5)
            .generate(framework: seed.framework, budgetLines: seed.budgetLines, today: Fixtures.context.today)
        let path = directory.file("dossier.json")
        try directory.write("dossier.json", dossier.encoded())
        let lineage = Lineage.make()
        var previous = ""
        var journal: [UInt8] = []
        for sequence in 1...(100 * scale) {
            let change: Change
            if sequence % 2 == 0 {
                let relation = dossier.relations[(sequence * 7) % dossier.relations.count]
                let status: RelationStatus = relation.status == .actief ? .verkennen : .actief
                change = .setRelationStatus(relation.id, status: status, reason: "wissel \(sequence)", reviewDate: nil)
            } else {
                change = .addFollowUp(dossier.activities[(sequence * 13) % dossier.activities.count].id, FollowUp(text: "actie \(sequence)"))
            }
            try dossier.apply(change, context: Fixtures.context)
            let entry = JournalEntry(sequence: sequence, lineage: lineage, previous: previous, timestamp: Fixtures.now, actor: "tester",
                                     today: Fixtures.context.today, summary: "wijziging \(sequence)", subjects: change.subjects, event: .change(change))
            let (line, checksum) = entry.encodedLine()
            journal += line
            previous = checksum
        }
        try directory.write("dossier.json.journal", journal)
        return path
    }

    func fastestLoad(_ path: String, runs: Int = 3) throws -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try DossierStore(path: path).load()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
        }
        return best
    }

    @Test("loading at 10× and 100× the dossier and journal takes about 10× and 100× the time")
    func linearLoad() throws {
        let directories = [TemporaryDirectory(), TemporaryDirectory(), TemporaryDirectory()]
        let paths = try zip([1, 10, 100], directories).map { try makeStore(scale: $0, in: $1) }
        let times = try paths.map { try fastestLoad($0) }
        let tenfold = times[1] / times[0], hundredfold = times[2] / times[0], lastStep = times[2] / times[1]
        print("load: ×1 \(Int(times[0] / 1e6)) ms, ×10 \(Int(times[1] / 1e6)) ms, ×100 \(Int(times[2] / 1e6)) ms (ratios \(tenfold), \(hundredfold))")
        // Quadratic growth would make the last step about 100×; linear about 10×. Allow a loaded machine 4× slack.
        #expect(lastStep < 40, "from ×10 to ×100 the load took \(lastStep)× as long")
        #expect(hundredfold < 400, "from ×1 to ×100 the load took \(hundredfold)× as long")
    }
}
