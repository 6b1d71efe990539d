#if PostgreSQL
import DossierCore
@testable import DossierPostgres
import DossierTestSupport
import Foundation
import Testing
@testable import DossierTUI

/// The database under load and under faults: several processes writing at once and killed at random, a
/// server that is killed in the middle of writes, a screen whose connection goes away and comes back, a screen whose
/// role loses its rights and gets them back.
@Suite("PostgreSQL with many writers and faults", .enabled(if: PostgreSQLTests.shouldRun, PostgreSQLTests.skipReason))
struct PostgresConcurrencyTests {
    let binary = ProgramRunner.builtBinary("dossier")

    /// Runs `apply` with 12 follow-ups, killed at a random moment half the time; the texts it confirmed.
    func writeRound(_ store: String, writer: Int, round: Int, kill: Bool, directory: TemporaryDirectory) throws -> (confirmed: [String], status: Int32) {
        let targets = ["campusbeurs-han", "campusbeurs-tu-eindhoven", "internationaal-talent-met-pharma-delta"]
        let lines = (0..<12).map { step in
            #"{"type":"add-follow-up","activity":"\#(targets[(round + step + writer) % targets.count])","followUp":{"text":"p\#(writer)-\#(round)-\#(step)","done":false}}"#
        }
        try directory.write("changes-\(writer).jsonl", lines.joined(separator: "\n") + "\n")
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "DOSSIER_USER": "p\(writer)",
                           "DOSSIER_JOURNAL_LIMIT": "10", "DOSSIER_BACKUPS": "3"]
        let pid = try ProgramRunner.launch(binary, ["apply", directory.file("changes-\(writer).jsonl"), "--store", store], environment: environment,
                                           stdin: "/dev/null", stdout: directory.file("out-\(writer)"), stderr: directory.file("err-\(writer)"))
        if kill {
            usleep(UInt32.random(in: 1_000...80_000))
            Foundation.kill(pid, SIGKILL)
        }
        // A writer waiting for an answer that never comes is a failure, not a run that never ends.
        guard let status = ProgramRunner.waitForExit(pid, atMost: 120) else {
            Issue.record("schrijver \(writer) in ronde \(round) hing na 120 s nog; gestopt")
            return ([], 137)
        }
        let output = String(decoding: try directory.read("out-\(writer)"), as: UTF8.self)
        let confirmed = output.split(separator: "\n").filter { $0.hasPrefix("bewaard ") }.map { String($0.split(separator: ": ").last ?? "") }
        return (confirmed, status)
    }

    func openScreen(_ store: String) throws -> (AppLoop, PostgresStore) {
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = 10
        let storage = PostgresStore(address: try PostgresAddress(parsing: store, environment: [:]), configuration: configuration)
        storage.compactsAfterCommit = false
        try storage.openForWriting(actor: "scherm")
        let state = AppState(dossier: try storage.load(), today: Fixtures.clock.today(), width: 100, height: 30)
        let loop = AppLoop(state: state, backend: HeadlessBackend(width: 100, height: 30), session: storage, clock: Fixtures.clock, actor: "scherm")
        loop.dispatch(.key(.character("2")))
        loop.dispatch(.key(.enter))
        return (loop, storage)
    }

    /// A follow-up typed on the screen: whether it was saved (if not, the form stays open with the text).
    func typeFollowUp(_ loop: AppLoop, _ text: String) -> Bool {
        loop.dispatch(.key(.character("+")))
        for character in text { loop.dispatch(.key(.character(character))) }
        loop.dispatch(.key(.control("s")))
        return loop.state.form == nil
    }

    /// The bundled Oss dossier in `database`, as an administrator puts it there (`db init`, `copy`).
    func fillWithOss(_ database: String, using directory: TemporaryDirectory) throws {
        try directory.write("oss.json", BundledDossier.bytes)
        #expect(try ProgramRunner().run(["db", "init", "--store", database]).status == 0)
        #expect(try ProgramRunner().run(["copy", "--from", directory.file("oss.json"), "--to", database]).status == 0)
    }

    func followUpCounts(_ dossier: Dossier) -> [String: Int] {
        var counts: [String: Int] = [:]
        for activity in dossier.activities { for followUp in activity.followUps { counts[followUp.text, default: 0] += 1 } }
        return counts
    }

    @Test("three command-line writers killed at random and a screen, at once on one database: every confirmed change exactly once, every view a fresh load")
    func manyWriters() throws {
        let database = try PostgresTestServer.freshDatabase()
        let directory = TemporaryDirectory(prefix: "dossier-pg-many")
        try fillWithOss(database, using: directory)
        let (loop, _) = try openScreen(database)
        let confirmed = Collected()
        let writers = (1...3).map { writer in
            Thread {
                for round in 0..<12 {
                    do {
                        let (texts, status) = try writeRound(database, writer: writer, round: round, kill: Bool.random(), directory: directory)
                        confirmed.add(texts)
                        if status != 0 && status != 128 + SIGKILL { confirmed.fail("writer \(writer) round \(round): exit \(status)") }
                    } catch {
                        confirmed.fail("\(error)")
                    }
                }
                confirmed.finish()
            }
        }
        writers.forEach { $0.start() }
        var typed: [String] = []
        var step = 0
        while confirmed.finished < writers.count || step < 40 {
            if typeFollowUp(loop, "scherm-\(step)") { typed.append("scherm-\(step)") } else { confirmed.fail("screen change \(step) refused") }
            loop.refresh()
            loop.maintainSnapshot()
            step += 1
            if step > 1_500 { break }
        }
        while confirmed.finished < writers.count { usleep(10_000) }
        loop.endCompaction()
        usleep(300_000)
        loop.refresh()
        #expect(confirmed.failures.isEmpty, "\(confirmed.failures.prefix(3))")
        let fresh = try PostgresStore(address: try PostgresAddress(parsing: database, environment: [:])).load()
        #expect(DossierValidator.problems(in: fresh).isEmpty)
        #expect(loop.state.dossier == fresh, "the screen's view equals a fresh load")
        let counts = followUpCounts(fresh)
        let expected = confirmed.texts.union(typed)
        #expect(expected.filter { counts[$0] == nil }.isEmpty, "confirmed but missing")
        #expect(counts.filter { $0.value > 1 }.isEmpty, "present twice: \(counts.filter { $0.value > 1 }.keys.sorted().prefix(5))")
        #expect(confirmed.texts.count > 100)
        let snapshots = try PostgresTestServer.sql(database, "SELECT count(*) FROM dossier_snapshots").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect((Int(snapshots) ?? 0) > 1, "compactions took place")
        print("postgresql, many writers: \(confirmed.texts.count) command-line changes and \(typed.count) from the screen, all present once")
    }

    @Test("a connection made for the start's question and lost before the next (the server restarted) is made anew")
    func lostBetweenQuestions() throws {
        let cluster = try PostgresTestServer.OwnCluster()
        let database = try cluster.freshDatabase()
        let address = try PostgresAddress(parsing: database, environment: [:])
        let setup = PostgresStore(address: address)
        try setup.initialize()
        try setup.importArchive(DossierArchive(snapshot: Fixtures.smallDossier().encoded(), sequence: 0, lines: [], backups: []), replacing: false)
        try setup.close(nil, at: Fixtures.clock.now())
        let relations = Fixtures.smallDossier().relations.count
        // With the list kept here (made by a first start), the start asks one question only, on a connection that
        // is then still the one made for it.
        let folder = TemporaryDirectory(prefix: "dossier-pg-lost")
        let cache = PostgresListCache(folder: folder.path, address: address)
        func opened() -> PostgresStore {
            let store = PostgresStore(address: address)
            store.listCache = cache
            return store
        }
        #expect(opened().listIndex() != nil)
        #expect(cache.read() != nil)
        for _ in 0..<3 {
            // The start's question goes ahead; the server goes away and comes back.
            let store = opened()
            #expect(store.listIndex() != nil)
            try cluster.crash()
            try cluster.resume()
            // The next question may fail once (the connection was lost) but never hangs; the one after it works.
            _ = try? store.load()
            #expect(try store.load().relations.count == relations)
            try store.openForWriting(actor: "Ine")
            try store.close(nil, at: Fixtures.clock.now())
        }
    }

    @Test("the server killed in the middle of writes: no confirmed change is lost and none is there twice; writers and a screen carry on once it is back")
    func serverKilled() throws {
        let cluster = try PostgresTestServer.OwnCluster()
        let database = try cluster.freshDatabase()
        let directory = TemporaryDirectory(prefix: "dossier-pg-kill")
        try fillWithOss(database, using: directory)
        let (loop, _) = try openScreen(database)
        #expect(typeFollowUp(loop, "voor de storing"))

        let confirmed = Collected()
        let writers = (1...2).map { writer in
            Thread {
                for round in 0..<30 {
                    if let (texts, _) = try? writeRound(database, writer: writer, round: round, kill: false, directory: directory) {
                        confirmed.add(texts)
                    }
                    usleep(30_000)
                }
                confirmed.finish()
            }
        }
        writers.forEach { $0.start() }
        usleep(400_000)
        try cluster.crash()
        // The screen keeps what it shows, says so, and refuses to save meanwhile.
        #expect(loop.refresh())
        #expect(loop.state.message?.text.contains("niet te lezen") == true, "\(String(describing: loop.state.message))")
        #expect(!typeFollowUp(loop, "tijdens de storing"), "no save while the server is down")
        #expect(loop.state.form?.text("text") == "tijdens de storing", "the form keeps what was typed")
        usleep(600_000)
        try cluster.resume()
        while confirmed.finished < writers.count { usleep(20_000) }
        // Back: the screen reconnects by itself and takes in what arrived meanwhile.
        var reconnected = false
        for _ in 0..<50 where !reconnected {
            loop.refresh()
            reconnected = loop.state.message?.text.contains("weer te lezen") == true || loop.state.message?.text.contains("Bijgewerkt") == true
            usleep(100_000)
        }
        #expect(reconnected, "\(String(describing: loop.state.message))")
        // The form typed during the outage saves now, once; then the next one.
        loop.dispatch(.key(.control("s")))
        #expect(loop.state.form == nil, "\(String(describing: loop.state.form?.generalError))")
        #expect(typeFollowUp(loop, "na de storing"))
        let fresh = try PostgresStore(address: try PostgresAddress(parsing: database, environment: [:])).load()
        let counts = followUpCounts(fresh)
        #expect(confirmed.texts.filter { counts[$0] == nil }.isEmpty, "confirmed but lost: \(confirmed.texts.filter { counts[$0] == nil }.sorted().prefix(5))")
        #expect(counts.filter { $0.value > 1 }.isEmpty, "present twice")
        #expect(counts["voor de storing"] == 1 && counts["tijdens de storing"] == 1 && counts["na de storing"] == 1)
        #expect(loop.state.dossier == fresh)
        print("postgresql, server killed: \(confirmed.texts.count) changes confirmed around the crash, all present once")
    }

    @Test("a screen whose role loses the right to read the log says it cannot read, the same at every look, and catches up once the rights are back")
    func readRightsTakenAway() throws {
        let storage = try StorageUnderTest(.postgresql)
        let role = "schrijver_\(UInt32.random(in: 0...UInt32.max))"
        // The grants docs/postgresql.md gives an administrator.
        try PostgresTestServer.sql(storage.location, """
            CREATE ROLE \(role) LOGIN;
            GRANT SELECT, INSERT ON dossier_meta, dossier_changes TO \(role);
            GRANT SELECT, INSERT, DELETE ON dossier_snapshots TO \(role);
            GRANT SELECT, INSERT, UPDATE, DELETE ON dossier_list_index TO \(role);
            GRANT USAGE ON SEQUENCE dossier_snapshots_id_seq TO \(role);
            """)
        let session = PostgresStore(address: try PostgresAddress(parsing: storage.location.replacingOccurrences(of: "//dossier@", with: "//\(role)@"),
                                                                 environment: [:]))
        session.compactsAfterCommit = false
        try session.openForWriting(actor: "scherm")
        let loop = AppLoop(state: AppState(dossier: try session.load(), today: Fixtures.clock.today(), width: 100, height: 30),
                           backend: HeadlessBackend(width: 100, height: 30), session: session, clock: Fixtures.clock, actor: "scherm")
        loop.dispatch(.key(.character("2")))
        loop.dispatch(.key(.enter))
        loop.refresh()
        try PostgresTestServer.sql(storage.location, "REVOKE SELECT ON dossier_changes FROM \(role)")
        let other = try storage.open(writer: "Kees")
        var otherView = try other.load()
        try other.commit(.setRelationStatus("bom", status: .focus, reason: "k", reviewDate: nil), to: &otherView, context: .by("Kees"))
        // The colleague's notification makes the screen look: the server refuses, and the screen says it cannot read.
        let deadline = Date().addingTimeInterval(8)
        while !loop.state.isStoreUnreachable && Date() < deadline {
            loop.refresh()
            usleep(50_000)
        }
        #expect(loop.state.isStoreUnreachable, "\(String(describing: loop.state.message))")
        let said = loop.state.message?.text ?? ""
        #expect(said.contains("niet te lezen") && said.contains("rechten") && said.contains("docs/postgresql.md"), "\(said)")
        // Every look after it fails alike: none passes for a good one ("weer te lezen") while the rights are missing.
        var cleared: [String] = []
        for _ in 0..<30 {
            loop.refresh()
            if !loop.state.isStoreUnreachable { cleared.append(loop.state.message?.text ?? "") }
            usleep(50_000)
        }
        #expect(cleared.isEmpty, "\(cleared.prefix(2))")
        #expect(loop.state.dossier.relation("bom")?.status != .focus)
        #expect(!typeFollowUp(loop, "zonder rechten"), "no save while the log may not be read")
        #expect(loop.state.form?.text("text") == "zonder rechten", "the form keeps what was typed")
        // Back: the screen takes in what it missed, as after a reconnect.
        try PostgresTestServer.sql(storage.location, "GRANT SELECT ON dossier_changes TO \(role)")
        let back = Date().addingTimeInterval(8)
        while (loop.state.isStoreUnreachable || loop.state.dossier.relation("bom")?.status != .focus) && Date() < back {
            loop.refresh()
            usleep(50_000)
        }
        #expect(!loop.state.isStoreUnreachable)
        #expect(loop.state.dossier == otherView)
        // The form typed meanwhile saves now.
        loop.dispatch(.key(.control("s")))
        #expect(loop.state.form == nil, "\(String(describing: loop.state.form?.generalError))")
    }

    /// A proxy in front of the server that breaks the first connection to commit a change to the log the moment it sends
    /// COMMIT, and passes that COMMIT on to the server `late` seconds after: the writer never hears whether it went in.
    static let lateCommitProxy = #"""
        import asyncio, sys
        target_host, target_port, port_file, late = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
        state = {"done": False}
        async def answers(reader, writer):
            try:
                while data := await reader.read(65536):
                    writer.write(data); await writer.drain()
            except Exception: pass
            finally: writer.close()
        async def handle(client_reader, client_writer):
            server_reader, server_writer = await asyncio.open_connection(target_host, target_port)
            back = asyncio.create_task(answers(server_reader, client_writer))
            inserted = False
            try:
                while data := await client_reader.read(65536):
                    inserted = inserted or b"INSERT INTO dossier_changes" in data
                    if inserted and b"COMMIT" in data and not state["done"]:
                        state["done"] = True
                        back.cancel(); client_writer.transport.abort()
                        await asyncio.sleep(late)
                        server_writer.write(data); await server_writer.drain()
                        await asyncio.sleep(0.5); server_writer.close(); return
                    server_writer.write(data); await server_writer.drain()
            except Exception: pass
            finally: server_writer.close()
        async def main():
            server = await asyncio.start_server(handle, "127.0.0.1", 0)
            open(port_file, "w").write(str(server.sockets[0].getsockname()[1]))
            async with server: await server.serve_forever()
        asyncio.run(main())
        """#

    @Test("a COMMIT that reaches the server after the writer lost the connection: the writer finds it went in, says it is saved, and it is there once")
    func lateCommit() throws {
        let directory = TemporaryDirectory(prefix: "dossier-pg-late")
        let database = try PostgresTestServer.freshDatabase()
        try fillWithOss(database, using: directory)
        let address = try PostgresAddress(parsing: database, environment: [:])
        try directory.write("proxy.py", Self.lateCommitProxy)
        let proxy = try ProgramRunner.launch("/usr/bin/python3", [directory.file("proxy.py"), address.host, String(address.port), directory.file("port"), "0.7"],
                                             environment: ["PATH": "/usr/bin:/bin"], stdin: "/dev/null", stdout: directory.file("proxy.out"),
                                             stderr: directory.file("proxy.err"))
        defer {
            kill(proxy, SIGKILL)
            _ = ProgramRunner.waitForExit(proxy)
        }
        var port = ""
        for _ in 0..<100 where port.isEmpty {
            usleep(50_000)
            port = String(decoding: (try? directory.read("port")) ?? [], as: UTF8.self)
        }
        try #require(!port.isEmpty, "the proxy did not start: \(String(decoding: (try? directory.read("proxy.err")) ?? [], as: UTF8.self))")
        let proxied = database.replacingOccurrences(of: ":\(address.port)/", with: ":\(port)/")
        try #require(proxied != database)
        let result = try ProgramRunner().run(["add-follow-up", "campusbeurs-han", "--what", "Laat binnen", "--store", proxied],
                                             environment: ["DOSSIER_USER": "anna"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("niets gewijzigd"), "\(result.standardError)")
        let counts = followUpCounts(try PostgresStore(address: address).load())
        #expect(counts["Laat binnen"] == 1)
    }

    @Test("a writer that holds the log's lock (suspended, or a session left open): the others wait a while, then say the dossier is busy")
    func lockHeldTooLong() throws {
        let directory = TemporaryDirectory(prefix: "dossier-pg-lock")
        let database = try PostgresTestServer.freshDatabase()
        try fillWithOss(database, using: directory)
        let holder = PostgresLink(address: try PostgresAddress(parsing: database, environment: [:]))
        try holder.query("BEGIN")
        try holder.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLock))")
        let started = Date()
        let result = try ProgramRunner().run(["add-follow-up", "campusbeurs-han", "--what", "Wacht", "--store", database], environment: ["DOSSIER_USER": "anna"])
        let waited = Date().timeIntervalSince(started)
        try holder.query("ROLLBACK")
        #expect(result.status == 75, "\(result.standardError)")
        #expect(result.standardError.contains("in gebruik door een andere schrijver"), "\(result.standardError)")
        #expect(waited >= Double(PostgresSchema.appendLockWait) - 1 && waited < Double(PostgresSchema.appendLockWait) + 20, "\(waited) s")
        #expect(followUpCounts(try PostgresStore(address: try PostgresAddress(parsing: database, environment: [:])).load())["Wacht"] == nil)
    }
}

/// What writer threads confirmed, and how they ended.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var confirmed = Set<String>()
    private var failed: [String] = []
    private var done = 0

    var texts: Set<String> { lock.withLock { confirmed } }
    var failures: [String] { lock.withLock { failed } }
    var finished: Int { lock.withLock { done } }

    func add(_ texts: [String]) { lock.withLock { confirmed.formUnion(texts) } }
    func fail(_ message: String) { lock.withLock { failed.append(message) } }
    func finish() { lock.withLock { done += 1 } }
}

#endif
