#if PostgreSQL
import DossierCore
import DossierPostgres
import DossierTUI
import Foundation

/// The PostgreSQL store against a local server, beside the file store, at each size: a durable change (one
/// transaction, committed) and the first screen (newest snapshot and the changes after it, read, checked and
/// drawn). Runs with `--postgres ADMIN_ADDRESS` (a superuser's address, e.g. from
/// scripts/postgres-test-server.sh); each size gets a database of its own.
struct PostgresBenchmark {
    let adminAddress: String
    let sizes: [Int]
    let runs: Int
    let bundled: Dossier
    let clock: Clock
    let directory: String

    func run() throws -> String {
        var lines = ["", "PostgreSQL (lokale server) naast het bestand — ms: mediaan / p95", "",
                     "meting                                   " + sizes.map { String($0).padding(toLength: 16, withPad: " ", startingAt: 0) }.joined()]
        var results: [String: [String]] = [:]
        for size in sizes {
            let generated = try DossierGenerator(relations: max(10, size / 10), activities: size, seed: 7)
                .generate(framework: bundled.framework, budgetLines: bundled.budgetLines, today: clock.today())
            let file = directory + "/pg-bench-\(size).json"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try DurableWriter(fileSystem: PosixFileSystem()).replace(file, with: generated.encoded())
            let database = try makeDatabase(size: size)
            let store = PostgresStore(address: try PostgresAddress(parsing: database, environment: [:]))
            try store.initialize()
            try store.importArchive(DossierArchive(snapshot: generated.encoded(), sequence: 0, lines: [], backups: []), replacing: true)

            results["eerste scherm, PostgreSQL", default: []].append(try firstScreen { try store.load() }.summary)
            let fileStore = DossierStore(path: file)
            results["eerste scherm, bestand (zelfde dossier)", default: []].append(try firstScreen { try fileStore.load() }.summary)

            try store.openForWriting(actor: "benchmark")
            var dossier = try store.load()
            var edit = Measurement()
            for step in 0..<max(30, runs * 4) {
                let id = dossier.activities[(step * 13) % dossier.activities.count].id
                edit.samples.append(try Measurement.time {
                    try store.commit(.addFollowUp(id, FollowUp(text: "Meting \(step)")), to: &dossier, context: clock.context(actor: "benchmark"))
                })
            }
            results["duurzame wijziging, PostgreSQL (≤ 20)", default: []].append(edit.summary)
            store.compactsAfterCommit = false
            try store.close(nil, at: clock.now())
        }
        for name in ["duurzame wijziging, PostgreSQL (≤ 20)", "eerste scherm, PostgreSQL", "eerste scherm, bestand (zelfde dossier)"] {
            lines.append(name.padding(toLength: 41, withPad: " ", startingAt: 0)
                         + (results[name] ?? []).map { $0.padding(toLength: 16, withPad: " ", startingAt: 0) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    private func firstScreen(_ load: () throws -> Dossier) throws -> Measurement {
        var measurement = Measurement()
        for _ in 0..<runs {
            measurement.samples.append(try Measurement.time {
                let state = AppState(dossier: try load(), today: clock.today(), width: 120, height: 40)
                _ = Renderer.render(state)
            })
        }
        return measurement
    }

    private func makeDatabase(size: Int) throws -> String {
        let name = "dossier_bench_\(size)"
        let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first(where: FileManager.default.isExecutableFile) ?? "psql"
        for statement in ["DROP DATABASE IF EXISTS \(name)", "CREATE DATABASE \(name)"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: psql)
            process.arguments = [adminAddress, "-q", "-c", statement]
            try process.run()
            process.waitUntilExit()
        }
        return adminAddress.replacingOccurrences(of: "/postgres", with: "/\(name)")
    }
}

private extension Measurement {
    var summary: String { String(format: "%.1f / %.1f", median, p95) }
}
#endif
