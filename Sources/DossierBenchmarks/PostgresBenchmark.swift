#if PostgreSQL
import DossierCore
import DossierPostgres
import DossierTUI
import Foundation

/// The PostgreSQL store against a local server, beside the file store, at each size: a durable change (one
/// transaction, committed), the first screen as the program draws it (from the storage's list index when it
/// has a current one) and the whole dossier (newest snapshot and the changes after it, read, checked and
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
            let store = PostgresStore(address: try PostgresAddress(parsing: database, environment: ProcessInfo.processInfo.environment))
            try store.initialize()
            try store.importArchive(DossierArchive(snapshot: generated.encoded(), sequence: 0, lines: [], backups: []), replacing: true)

            let fileStore = DossierStore(path: file)
            try fileStore.openForWriting(actor: "benchmark")
            fileStore.writeSideIndex(of: try fileStore.load())
            // As a program starts: a storage of its own each time (for the database: a new connection).
            let address = try PostgresAddress(parsing: database, environment: ProcessInfo.processInfo.environment)
            // With the copy of the server's lists this computer keeps (the first run makes it, as a first start does).
            let cache = PostgresListCache(folder: directory + "/cache-\(size)", address: address)
            let (onDatabase, onFile) = try firstScreens(database: {
                let storage = PostgresStore(address: address)
                storage.listCache = cache
                return storage
            }, file: { DossierStore(path: file) })
            results["eerste scherm, PostgreSQL", default: []].append(onDatabase.summary)
            results["eerste scherm, bestand (zelfde dossier)", default: []].append(onFile.summary)
            results["heel dossier geladen, PostgreSQL", default: []].append(try wholeDossier { try PostgresStore(address: address).load() }.summary)
            results["heel dossier geladen, bestand", default: []].append(try wholeDossier { try DossierStore(path: file).load() }.summary)

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
        for name in ["duurzame wijziging, PostgreSQL (≤ 20)", "eerste scherm, PostgreSQL", "eerste scherm, bestand (zelfde dossier)",
                     "heel dossier geladen, PostgreSQL", "heel dossier geladen, bestand"] {
            lines.append(name.padding(toLength: 41, withPad: " ", startingAt: 0)
                         + (results[name] ?? []).map { $0.padding(toLength: 16, withPad: " ", startingAt: 0) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    /// The first screen as the program draws it, for each storage: from the storage's list index when it has
    /// a current one (the whole dossier is then read behind it), else from the whole dossier. The starts of the
    /// storages take turns, so that both meet the machine as it is at that moment; a first, uncounted round
    /// makes the copy of the database's lists this computer keeps (as a first start does).
    private func firstScreens(database: () -> any DossierStorage, file: () -> any DossierStorage) throws -> (Measurement, Measurement) {
        func start(_ open: () -> any DossierStorage) throws {
            let storage = open()
            let state: AppState
            // In the program's order: the lists, then whether this account may write.
            let list = storage.listIndex()
            try storage.openForWriting(actor: "benchmark")
            if let list {
                state = AppState(previewing: list, today: clock.today(), width: 120, height: 40)
            } else {
                state = AppState(dossier: try storage.load(), today: clock.today(), width: 120, height: 40)
            }
            _ = Renderer.render(state)
        }
        try start(database)
        try start(file)
        var (onDatabase, onFile) = (Measurement(), Measurement())
        for _ in 0..<runs {
            onDatabase.samples.append(try Measurement.time { try start(database) })
            onFile.samples.append(try Measurement.time { try start(file) })
        }
        return (onDatabase, onFile)
    }

    /// The whole dossier read, checked and drawn: what the screen has once it is read behind the first screen.
    private func wholeDossier(_ load: () throws -> Dossier) throws -> Measurement {
        var measurement = Measurement()
        for _ in 0..<runs {
            measurement.samples.append(try Measurement.time {
                _ = Renderer.render(AppState(dossier: try load(), today: clock.today(), width: 120, height: 40))
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
