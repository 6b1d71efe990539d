import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `dossier generate` and the benchmark executable built on it. The benchmark runs here only at its
/// smallest size, as a check that it still works; its figures are not judged (see docs/performance.md).
@Suite("Generator and benchmark")
struct GenerateTests {
    let directory = TemporaryDirectory()
    let runner = ProgramRunner()
    let environment = ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "adviseur"]

    func generate(_ name: String, seed: Int, journal: Int = 20) throws -> ProgramRunner.Result {
        try runner.run(["generate", "--relations", "40", "--activities", "300", "--seed", String(seed), "--journal", String(journal),
                        "-o", directory.file(name)], environment: environment)
    }

    @Test("a generated dossier is valid against the schema and the rules, varied, with a journal of history")
    func generatedDossier() throws {
        let result = try generate("a.json", seed: 3)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("40 relaties, 300 activiteiten, 20 wijzigingen"))
        let schema = try ExternalChecker.python([Repository.path("scripts/check-schema.py"), Repository.path("docs/dossier.schema.json"),
                                                 directory.file("a.json")])
        #expect(schema.status == 0, "\(schema.standardOutput)\(schema.standardError)")
        let validate = try runner.run(["validate", directory.file("a.json")], environment: environment)
        #expect(validate.status == 0, "\(validate.standardOutput)\(validate.standardError)")

        let dossier = try DossierStore(path: directory.file("a.json")).load()
        #expect(dossier.relations.count == 40 && dossier.activities.count == 300)
        let names = dossier.relations.map(\.name)
        #expect(names.contains { $0.unicodeScalars.contains { (0x00C0...0x017F).contains($0.value) } }, "names with diacritics")
        #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }, "CJK names")
        #expect(dossier.activities.contains { $0.relations.count > 1 }, "several relations per activity")
        let visits = dossier.activities.filter { $0.kind == .delegatiebezoek }
        #expect(visits.contains { $0.visit?.direction == .inkomend } && visits.contains { $0.visit?.direction == .uitgaand })
        #expect(visits.contains { !($0.visit?.delegationFrom.isEmpty ?? true) && !$0.followUps.isEmpty })
        #expect(Set(dossier.activities.map(\.status)).count >= 6, "statuses spread")
        #expect(Set(dossier.activities.compactMap(\.startDate?.year)).count >= 3, "years spread")
        #expect(dossier.activities.contains { !$0.assessments.isEmpty }, "assessments")
        #expect(Set(dossier.relations.map(\.status)).count == RelationStatus.allCases.count)

        // The journal holds the changes made after the snapshot, readable in the audit trail.
        let log = try runner.run(["log", "--store", directory.file("a.json")], environment: environment)
        #expect(log.status == 0)
        #expect(log.standardOutput.components(separatedBy: "Nabellen").count - 1 == 20, "\(log.standardOutput.prefix(400))")
    }

    @Test("the same seed gives the same dossier byte for byte; another seed another one")
    func reproducible() throws {
        for (name, seed) in [("a.json", 9), ("b.json", 9), ("c.json", 10)] {
            let result = try generate(name, seed: seed, journal: 0)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let a = try directory.read("a.json"), b = try directory.read("b.json"), c = try directory.read("c.json")
        #expect(a == b)
        #expect(a != c)
    }

    @Test("an existing file is never overwritten")
    func refusesExisting() throws {
        try directory.write("exists.json", "{}")
        let result = try generate("exists.json", seed: 1)
        #expect(result.status == 64)
        #expect(result.standardError.contains("bestaat al"))
        #expect(String(decoding: try directory.read("exists.json"), as: UTF8.self) == "{}")
    }

    @Test("the benchmark runs at its smallest size and prints its table with every measurement")
    func benchmarkSmoke() throws {
        let benchmark = ProgramRunner(executable: ProgramRunner.builtBinary("dossier-benchmarks"))
        let result = try benchmark.run(["--sizes", "1000", "--runs", "2", "--keep", directory.file("bench")])
        #expect(result.status == 0, "\(result.standardError)")
        for row in ["eerste scherm (in proces)", "heel dossier geladen en geïndexeerd", "zoeksleutels maken", "één wijziging duurzaam opslaan", "samenvoegen", "toets: omlaag (relaties)",
                    "zoeken terwijl je typt", "afweging van alle activiteiten", "jaarverslag", "CSV-import",
                    "dossier activities --json", "dossier activities (tabel", "dossier relations", "dossier set-status", "dossier due", "dossier add-relation",
                    "piekgeheugen", "meegeleverd dossier"] {
            #expect(result.standardOutput.contains(row), "missing row \(row)")
        }
        #expect(result.standardOutput.contains("1000 activiteiten, 100 relaties"))
    }
}
