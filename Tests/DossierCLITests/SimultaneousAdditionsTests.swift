import DossierCore
import DossierTestSupport
import Foundation
import Synchronization
import Testing

/// Two people adding at the same moment: the id one of them made is taken by the other's addition before it is
/// saved. The later one gets the next free id, as it would a moment later, instead of a refusal (before, it was
/// refused: "botst met de wijziging van Kees …: er is al een activiteit met id …").
@Suite("Additions at the same moment by two people")
struct SimultaneousAdditionsTests {
    let scratch: ScratchStore

    init() throws {
        scratch = try ScratchStore()
    }

    /// Runs the pair's two commands at once, pair after pair, with the lock held until both have read the dossier
    /// (so both made the same id, and the later one finds it taken when it gets the lock).
    func race(_ pairs: Int, _ command: (Int) -> [String]) throws -> [ProgramRunner.Result] {
        let results = Mutex<[Result<ProgramRunner.Result, any Error>]>([])
        let runner = scratch.runner
        for pair in 0..<pairs {
            let arguments = command(pair) + ["--store", scratch.path]
            let environment = scratch.environment.merging(["DOSSIER_LOCK_WAIT": "30"]) { $1 }
            let lock = try FileLock.acquire(scratch.path + ".lock", waiting: 5, holder: "test")
            let group = DispatchGroup()
            for writer in ["Ine", "Kees"] {
                DispatchQueue.global().async(group: group) {
                    let result = Result { try runner.run(arguments, environment: environment.merging(["DOSSIER_USER": writer]) { $1 }) }
                    results.withLock { $0.append(result) }
                }
            }
            // Reading takes no lock; a writer waits for it only to save.
            Thread.sleep(forTimeInterval: 1)
            lock.release()
            group.wait()
        }
        return try results.withLock { $0 }.map { try $0.get() }
    }

    @Test("the same title added by two at once: both saved, under two ids")
    func sameTitle() throws {
        let results = try race(3) { ["add-activity", "--title", "Beurs Race \($0)", "--kind", "beurs", "--date", "2027-03-01"] }
        for result in results { #expect(result.status == 0, "\(result.standardError)") }
        let dossier = try scratch.load()
        for pair in 0..<3 {
            let ids = dossier.activities.filter { $0.title == "Beurs Race \(pair)" }.map(\.id).sorted()
            #expect(ids == ["beurs-race-\(pair)", "beurs-race-\(pair)-2"])
        }
    }

    @Test("the same visit logged by two at once: both saved, the later one with the warning that it was probably logged already")
    func sameVisit() throws {
        let results = try race(3) {
            ["log-visit", "--relation", "bom", "--date", "2026-11-03", "--direction", "inkomend", "--delegation", "Osaka \($0)"]
        }
        for result in results { #expect(result.status == 0, "\(result.standardError)") }
        let dossier = try scratch.load()
        for pair in 0..<3 {
            #expect(dossier.activities.filter { $0.visit?.delegationFrom == "Osaka \(pair)" }.count == 2)
        }
        #expect(results.filter { $0.standardError.contains("per ongeluk twee keer?") }.count == 3)
    }

    @Test("an id given with --id that another took meanwhile is refused, not changed")
    func givenIDTaken() throws {
        let results = try race(2) { ["add-activity", "--title", "Beurs \($0)", "--kind", "beurs", "--id", "eigen-\($0)"] }
        #expect(results.filter { $0.status == 0 }.count == 2)
        #expect(results.filter { $0.status == 65 && $0.standardError.contains("er is al een activiteit met id 'eigen-") }.count == 2)
    }
}
