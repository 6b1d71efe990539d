import DossierCore
import DossierPostgres
import DossierTestSupport
import Foundation
import Testing

/// What only a database adds: roles decide who may write and the server records who did; the log cannot be
/// changed, only added to; a copy in and out keeps everything; an unreachable server is said plainly, without
/// a password; a change is never in the log twice.
@Suite("PostgreSQL", .enabled(if: PostgreSQLTests.shouldRun, PostgreSQLTests.skipReason))
struct PostgresStoreTests {
    let runner = ProgramRunner()

    func run(_ arguments: [String], user: String = "Ine", environment: [String: String] = [:]) throws -> ProgramRunner.Result {
        try runner.run(arguments, environment: ["DOSSIER_USER": user, "DOSSIER_NOW": "2026-11-22T09:00:00Z"].merging(environment) { $1 })
    }

    /// The address of the same database, for another role.
    func address(_ database: String, role: String) -> String {
        database.replacingOccurrences(of: "//dossier@", with: "//\(role)@")
    }

    @Test("the roles decide: a reader opens read-only with the reason, a writer writes, and the log names the role the server saw")
    func roles() throws {
        let storage = try StorageUnderTest(.postgresql)
        let suffix = UInt32.random(in: 0...UInt32.max)
        let (writer, reader) = ("schrijver_\(suffix)", "lezer_\(suffix)")
        // The grants docs/postgresql.md gives an administrator.
        try PostgresTestServer.sql(storage.location, """
            CREATE ROLE \(writer) LOGIN; CREATE ROLE \(reader) LOGIN;
            GRANT SELECT ON dossier_meta, dossier_changes, dossier_snapshots, dossier_list_index TO \(reader);
            GRANT SELECT, INSERT ON dossier_meta, dossier_changes TO \(writer);
            GRANT SELECT, INSERT, DELETE ON dossier_snapshots TO \(writer);
            GRANT SELECT, INSERT, UPDATE, DELETE ON dossier_list_index TO \(writer);
            GRANT USAGE ON SEQUENCE dossier_snapshots_id_seq TO \(writer);
            """)
        let refused = try run(["set-status", "bom", "verkennen", "--reason", "r", "--store", address(storage.location, role: reader)])
        #expect(refused.status == 77, "\(refused.standardError)")
        #expect(refused.standardError.contains("mag het dossier alleen lezen"), "\(refused.standardError)")
        let listed = try run(["relations", "--store", address(storage.location, role: reader)])
        #expect(listed.status == 0 && listed.standardOutput.contains("BOM"))
        // The screen opens read-only, saying why, and offers no change.
        let home = TemporaryDirectory(prefix: "dossier-reader")
        let screen = try TmuxSession(command: "env LANG=C.UTF-8 TZ=UTC HOME=\(home.path) DOSSIER_USER=Piet "
                                     + "\(ProgramRunner.builtBinary("dossier")) --store '\(address(storage.location, role: reader))'", width: 200, height: 36)
        let shown = try screen.waitFor("[alleen-lezen]")
        #expect(shown.contains("Alleen-lezen geopend: postgresql://\(reader)@") && shown.contains(": de databaserol \(reader) mag het dossier alleen lezen"),
                "\(shown)")
        let written = try run(["set-status", "bom", "verkennen", "--reason", "r", "--store", address(storage.location, role: writer)])
        #expect(written.status == 0, "\(written.standardError)")
        // db init by a team's role: the tables are up to date, so it says that; making them is the owner's.
        for role in [writer, reader] {
            let initialised = try run(["db", "init", "--store", address(storage.location, role: role)])
            #expect(initialised.status == 0 && initialised.standardOutput.contains("heeft de tabellen al"), "\(role): \(initialised.standardError)")
        }
        let fresh = try PostgresTestServer.freshDatabase()
        let owned = try run(["db", "init", "--store", address(fresh, role: writer)])
        #expect(owned.status == 77 && owned.standardError.contains("db init maakt of wijzigt de tabellen, en deze rol mag dat niet; dat doet de beheerder"),
                "\(owned.standardError)")
        // The writer also brought the start screen's lists up to date (the grants cover them).
        let current = try PostgresTestServer.sql(storage.location, "SELECT count(*) FROM dossier_list_index WHERE seq = (SELECT max(seq) FROM dossier_changes)")
        #expect(current.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let log = try run(["log", "--json", "--store", address(storage.location, role: reader)])
        #expect(log.standardOutput.contains("\"by\": \"Ine\"") && log.standardOutput.contains("\"role\": \"\(writer)\""), "\(log.standardOutput)")
        // The role column is the server's: a writer cannot put another role in it.
        try PostgresTestServer.sql(address(storage.location, role: writer), """
            INSERT INTO dossier_changes (seq, change_id, db_role, actor, summary, entry, checksum) VALUES (99, 'nep', 'burgemeester', 'x', 'x', 'x', 'x')
            """)
        let roleWritten = try PostgresTestServer.sql(storage.location, "SELECT db_role FROM dossier_changes WHERE change_id = 'nep'")
        #expect(roleWritten.trimmingCharacters(in: .whitespacesAndNewlines) == writer)
    }

    @Test("the log is only added to: the server refuses to change or remove a change, and a change id twice")
    func appendOnly() throws {
        let storage = try StorageUnderTest(.postgresql)
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "r", "--store", storage.location]).status == 0)
        for statement in ["UPDATE dossier_changes SET actor = 'iemand anders'", "DELETE FROM dossier_changes", "TRUNCATE dossier_changes"] {
            #expect(throws: PostgresTestServer.Unavailable.self, "\(statement)") { try PostgresTestServer.sql(storage.location, statement) }
        }
        let id = try PostgresTestServer.sql(storage.location, "SELECT change_id FROM dossier_changes").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(throws: PostgresTestServer.Unavailable.self, "the same change id twice") {
            try PostgresTestServer.sql(storage.location, """
                INSERT INTO dossier_changes (seq, change_id, actor, summary, entry, checksum) VALUES (2, '\(id)', 'x', 'x', 'x', 'x')
                """)
        }
        #expect(try run(["log", "--store", storage.location]).standardOutput.contains("BOM: Actief → Verkennen"))
    }

    @Test("a copy from a file into the database and back keeps every change, the backups and the status histories; the JSON exports are equal")
    func copyInAndOut() throws {
        let directory = TemporaryDirectory(prefix: "dossier-copy")
        let file = directory.file("dossier.json")
        try directory.write("dossier.json", BundledDossier.bytes)
        for (index, arguments) in [["set-status", "BioValley", "actief", "--reason", "gesprek"], ["review", "taizhou", "--reason", "blijft",
                                    "--review-date", "2028-01-01"], ["add-follow-up", "campusbeurs-han", "--what", "stand boeken"]].enumerated() {
            let result = try run(arguments + ["--store", file], environment: ["DOSSIER_JOURNAL_LIMIT": "2", "DOSSIER_NOW": "2026-11-2\(index + 2)T09:00:00Z"])
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let database = try PostgresTestServer.freshDatabase()
        #expect(try run(["db", "init", "--store", database]).status == 0)
        let inward = try run(["copy", "--from", file, "--to", database])
        #expect(inward.status == 0, "\(inward.standardError)")
        // validate checks the dossier in the database as it checks a file.
        for arguments in [["validate", "--store", database], ["validate", database]] {
            let validated = try run(arguments)
            #expect(validated.status == 0 && validated.standardOutput.contains("\(database): geldig — 37 relaties"), "\(validated.standardOutput)\(validated.standardError)")
        }
        #expect(inward.standardOutput.contains("3 wijzigingen in het logboek"), "\(inward.standardOutput)")
        // The move into the database says the file stays writable, and what to do.
        #expect(inward.standardOutput.contains("Let op: \(file) blijft bestaan zoals het was.")
                    && inward.standardOutput.contains("laat iedereen dat scherm sluiten en voortaan die database gebruiken"), "\(inward.standardOutput)")
        let again = try run(["copy", "--from", file, "--to", database])
        #expect(again.status == 64 && again.standardError.contains("--replace"), "a copy onto a dossier needs --replace")
        #expect(!again.standardError.contains("ongeldige instelling"), "it is not a setting: \(again.standardError)")
        let back = directory.file("terug.json")
        let outward = try run(["copy", "--from", database, "--to", back])
        #expect(outward.status == 0, "\(outward.standardError)")
        let onto = try run(["copy", "--from", database, "--to", back])
        #expect(onto.status == 64, "\(onto.standardError)")
        #expect(onto.standardError == "dossier: \(back) bestaat al (of zijn journaal, back-ups of geschiedenis); er is niets geschreven. "
                + "Kopieer naar een nieuw bestand: een bestaand dossier wordt nooit overschreven\n", "\(onto.standardError)")
        for store in [database, back] {
            let log = try run(["log", "--json", "--store", store])
            #expect(log.standardOutput.contains("\"summary\": \"Status van BioValley: Genoemd → Actief\""), "\(store)")
        }
        let exports = try [file, database, back].map { try run(["export", "--format", "json", "--store", $0]).standardOutput }
        #expect(exports[0] == exports[1] && exports[1] == exports[2], "the same dossier everywhere")
        let history = try [file, back].map { try DossierStore(path: $0).history().map { $0.line() } }
        #expect(history[0] == history[1], "every journal line byte for byte")
        #expect(try DossierStore(path: back).backups().count == (try DossierStore(path: file).backups().count))
        #expect(try run(["validate", back]).status == 0)
        // In the database, a copied change names who copied it, not as if that role had made it; a change made there, its role.
        let made = try run(["add-follow-up", "campusbeurs-han", "--what", "daarna", "--store", database])
        #expect(made.status == 0, "\(made.standardError)")
        let log = try run(["log", "--store", database]).standardOutput
        let lines = log.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("Ine (gekopieerd door rol ") && $0.contains("Status van BioValley: Genoemd → Actief") }, "\(log)")
        #expect(lines.contains { $0.contains("Ine (rol ") && $0.contains("Vervolgactie bij Campusbeurs HAN: daarna") }, "\(log)")
        #expect(!lines.contains { $0.contains("Ine (rol ") && $0.contains("BioValley") }, "a copied change is not the copier's: \(log)")
        let json = try run(["log", "--json", "--store", database]).standardOutput
        #expect(json.contains("\"copiedBy\": "), "\(json)")
    }

    @Test("a file whose log has a restore, copied to another file and from there into a database (its backups renamed): undo past the restore finds the backup")
    func undoPastRestoreAfterCopy() throws {
        let directory = TemporaryDirectory(prefix: "dossier-undo-copy")
        let file = directory.file("dossier.json")
        try directory.write("dossier.json", BundledDossier.bytes)
        let merge = ["DOSSIER_JOURNAL_LIMIT": "1"], keep = ["DOSSIER_JOURNAL_LIMIT": "50"]
        for status in ["verkennen", "focus"] { #expect(try run(["set-status", "bom", status, "--reason", "r", "--store", file], environment: merge).status == 0) }
        let oldest = try #require(try DossierStore(path: file).backups().last)
        #expect(try run(["restore", oldest.name, "--yes", "--store", file], environment: keep).status == 0)
        let afterRestore = try DossierStore(path: file).load().relation("bom")?.status
        #expect(try run(["set-status", "bom", afterRestore == .focus ? "actief" : "focus", "--reason", "r", "--store", file], environment: keep).status == 0)
        let database = try PostgresTestServer.freshDatabase()
        #expect(try run(["db", "init", "--store", database]).status == 0)
        let between = directory.file("tussen.json")
        #expect(try run(["copy", "--from", file, "--to", between]).status == 0)
        #expect(try run(["copy", "--from", between, "--to", database]).status == 0)
        let undone = try run(["undo", "--yes", "--store", database])
        #expect(undone.status == 0, "\(undone.standardError)")
        #expect(try run(["show", "bom", "--store", database]).standardOutput.contains(afterRestore?.label ?? "?"))
    }

    @Test("a database without backups says when they come there (a new snapshot), not at closing the screen as a file's")
    func noBackupsYet() throws {
        let storage = try StorageUnderTest(.postgresql)
        let listed = try run(["backups", "--store", storage.location])
        #expect(listed.status == 0 && listed.standardOutput.hasPrefix("Nog geen back-ups: die ontstaan als er een nieuwe momentopname komt"),
                "\(listed.standardOutput)")
        #expect(!listed.standardOutput.contains("scherm"))
    }

    @Test("copy --replace onto a database with changes the source lacks names them and asks; with --yes it replaces and says the roles need their rights again")
    func replaceDroppingChanges() throws {
        let directory = TemporaryDirectory(prefix: "dossier-replace")
        let file = directory.file("dossier.json")
        try directory.write("dossier.json", BundledDossier.bytes)
        let database = try PostgresTestServer.freshDatabase()
        #expect(try run(["db", "init", "--store", database]).status == 0)
        #expect(try run(["copy", "--from", file, "--to", database]).status == 0)
        // A colleague saves in the database after the file was copied out of it.
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "van Ine", "--store", database], environment: ["DOSSIER_USER": "Ine"]).status == 0)
        let refused = try run(["copy", "--from", file, "--to", database, "--replace"])
        #expect(refused.status == 64, "\(refused.standardError)")
        #expect(refused.standardError.contains("heeft 1 wijziging die niet in \(file) staat (Status van BOM: Actief → Verkennen, door Ine op ")
                && refused.standardError.hasSuffix("Vervangen gooit ze weg: bevestig met --yes\n"), "\(refused.standardError)")
        #expect(try run(["show", "bom", "--store", database]).standardOutput.contains("Verkennen"), "nothing replaced")
        let replaced = try run(["copy", "--from", file, "--to", database, "--replace", "--yes"])
        #expect(replaced.status == 0, "\(replaced.standardError)")
        #expect(replaced.standardOutput.contains("geef ze opnieuw (de GRANT's onder 'Twee rollen' in docs/postgresql.md)"), "\(replaced.standardOutput)")
        #expect(!(try run(["show", "bom", "--store", database]).standardOutput.contains("Verkennen")))
    }

    @Test("a copy from a database onto itself, however the address is spelled, is refused with exit 64 and leaves it as it was")
    func copyOntoItself() throws {
        let storage = try StorageUnderTest(.postgresql)
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "r", "--store", storage.location]).status == 0)
        let port = try #require(URLComponents(string: storage.location)?.port)
        let database = String(try #require(URLComponents(string: storage.location)?.path.dropFirst()))
        // The same host, port and database: another name for the loopback host, the port left out where it is 5432, options added.
        var spellings = [storage.location, "postgresql://dossier@localhost:\(port)/\(database)?sslmode=disable",
                         "postgres://dossier@[::1]:\(port)/\(database)", "postgresql://ander@127.0.0.1:\(port)/\(database)"]
        if port == 5432 { spellings.append("postgresql://dossier@localhost/\(database)") }
        for target in spellings {
            let copied = try run(["copy", "--from", storage.location, "--to", target, "--replace"])
            #expect(copied.status == 64, "\(target): \(copied.standardOutput)\(copied.standardError)")
            #expect(copied.standardError.contains("dezelfde database") && copied.standardError.contains("er is niets gewijzigd"),
                    "\(target): \(copied.standardError)")
            #expect(!copied.standardOutput.contains("blijft bestaan zoals het was"), "\(copied.standardOutput)")
        }
        // The change still names the role that made it, not the copier: nothing was copied over it.
        let log = try run(["log", "--json", "--store", storage.location]).standardOutput
        #expect(log.contains("\"role\": ") && !log.contains("\"copiedBy\": "), "\(log)")
    }

    @Test("person searches the backups in the database as in a file, and its JSON names what it could not search")
    func personInDatabase() throws {
        let storage = try StorageUnderTest(.postgresql)
        let merge = ["DOSSIER_JOURNAL_LIMIT": "1"]
        for arguments in [["add-contact", "bom", "--name", "Jana Novakova", "--email", "jana@example.cz"],
                          ["remove-contact", "bom", "Jana Novakova", "--yes"], ["set-status", "bom", "verkennen", "--reason", "r"]] {
            let result = try run(arguments + ["--store", storage.location], environment: merge)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let stored = try run(["backups", "--json", "--store", storage.location])
        #expect(stored.status == 0 && stored.standardOutput.contains("\"name\""), "\(stored.standardOutput)\(stored.standardError)")
        let text = try run(["person", "jana@example.cz", "--store", storage.location])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(!text.standardOutput.contains("Niet doorzocht") && !text.standardOutput.contains("In de back-ups: geen van"), "\(text.standardOutput)")
        let json = try run(["person", "jana@example.cz", "--json", "--store", storage.location])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any], "\(json.standardOutput)")
        #expect((object["backups"] as? [String])?.isEmpty == false, "\(json.standardOutput)")
        #expect((object["notSearched"] as? [String]) == [], "\(json.standardOutput)")
    }

    @Test("undo on the command line works on a database as on a file: the last change back, also once merged into a snapshot, and again")
    func undoOnDatabase() throws {
        let storage = try StorageUnderTest(.postgresql)
        for (limit, name) in [("100", "Jana Novakova"), ("1", "Piet Pietersen")] {
            let merge = ["DOSSIER_JOURNAL_LIMIT": limit]
            let added = try run(["add-contact", "bom", "--name", name, "--store", storage.location], environment: merge)
            #expect(added.status == 0, "\(added.standardError)")
            let undone = try run(["undo", "--yes", "--store", storage.location], environment: merge)
            #expect(undone.status == 0, "\(limit): \(undone.standardOutput)\(undone.standardError)")
            #expect(!(try run(["show", "bom", "--store", storage.location]).standardOutput.contains(name)), "\(limit): undone")
            let redone = try run(["undo", "--yes", "--store", storage.location], environment: merge)
            #expect(redone.status == 0, "\(redone.standardError)")
            #expect(try run(["show", "bom", "--store", storage.location]).standardOutput.contains(name), "\(limit): done again")
        }
        // Someone else's change asks for --others with --yes, as on a file.
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "r", "--store", storage.location], user: "Kees").status == 0)
        let other = try run(["undo", "--yes", "--store", storage.location])
        #expect(other.status == 64 && other.standardError.contains("--others"), "\(other.standardError)")
        let log = try run(["log", "--store", storage.location]).standardOutput
        #expect(log.contains("Ongedaan"), "the undo is in the log itself: \(log)")
    }

    @Test("a copy keeps who made each change: the role the server recorded goes into the file and back into a database, a copier is named only for changes without one")
    func copyKeepsRoles() throws {
        let directory = TemporaryDirectory(prefix: "dossier-roles")
        let file = directory.file("dossier.json")
        try directory.write("dossier.json", BundledDossier.bytes)
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "uit het bestand", "--store", file]).status == 0)
        let database = try PostgresTestServer.freshDatabase()
        #expect(try run(["db", "init", "--store", database]).status == 0)
        #expect(try run(["copy", "--from", file, "--to", database]).status == 0)
        let kees = "kees_\(UInt32.random(in: 0...UInt32.max))"
        try PostgresTestServer.sql(database, """
            CREATE ROLE \(kees) LOGIN;
            GRANT SELECT, INSERT ON dossier_meta, dossier_changes TO \(kees);
            GRANT SELECT, INSERT, DELETE ON dossier_snapshots TO \(kees);
            GRANT SELECT, INSERT, UPDATE, DELETE ON dossier_list_index TO \(kees);
            GRANT USAGE ON SEQUENCE dossier_snapshots_id_seq TO \(kees);
            """)
        let edited = try run(["edit", "b7", "--notes", "x", "--store", address(database, role: kees)])
        #expect(edited.status == 0, "\(edited.standardError)")
        let copier = database.components(separatedBy: "://").last?.components(separatedBy: "@").first ?? ""

        // Database → file: the file keeps the role and the copier, as the database recorded them.
        let out = directory.file("k.json")
        let outward = try run(["copy", "--from", database, "--to", out])
        #expect(outward.status == 0, "\(outward.standardError)")
        // Database → file → database, and database → database.
        let fromFile = try PostgresTestServer.freshDatabase()
        let fromDatabase = try PostgresTestServer.freshDatabase()
        for (target, source) in [(fromFile, out), (fromDatabase, database)] {
            #expect(try run(["db", "init", "--store", target]).status == 0)
            let copied = try run(["copy", "--from", source, "--to", target])
            #expect(copied.status == 0, "\(copied.standardError)")
        }
        for store in [database, out, fromFile, fromDatabase] {
            let lines = try run(["log", "--store", store]).standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.contains("Ine (rol \(kees))") && $0.contains("B7") }, "\(store): \(lines)")
            #expect(lines.contains { $0.contains("Ine (gekopieerd door rol \(copier))") && $0.contains("BOM") }, "\(store): \(lines)")
            #expect(!lines.contains { $0.contains("gekopieerd") && $0.contains("B7") }, "\(store): \(lines)")
            let json = try run(["log", "--json", "--store", store]).standardOutput
            #expect(json.contains("\"role\": \"\(kees)\""), "\(store): \(json)")
            #expect(json.contains("\"copiedBy\": \"\(copier)\""), "\(store): \(json)")
        }
        // Still every journal line byte for byte.
        let history = try DossierStore(path: out).history().map { $0.line() }
        #expect(history.count == 2)
        #expect(try run(["validate", out]).status == 0)
    }

    @Test("a dossier whose snapshot is from before journal checksums, copied into the database, takes changes as before")
    func snapshotWithoutTail() throws {
        let directory = TemporaryDirectory(prefix: "dossier-tail")
        let file = directory.file("dossier.json")
        try directory.write("dossier.json", BundledDossier.bytes)
        for arguments in [["set-status", "bom", "verkennen", "--reason", "een"], ["set-status", "bom", "focus", "--reason", "twee"]] {
            let result = try run(arguments + ["--store", file], environment: ["DOSSIER_JOURNAL_LIMIT": "1"])
            #expect(result.status == 0, "\(result.standardError)")
        }
        let text = String(decoding: try directory.read("dossier.json"), as: UTF8.self)
        let withoutTail = text.replacingOccurrences(of: #"\n *"journalTail": *"[0-9a-f]{8}","#, with: "", options: .regularExpression)
        #expect(withoutTail != text, "the snapshot named its tail")
        try directory.write("dossier.json", withoutTail)
        let database = try PostgresTestServer.freshDatabase()
        #expect(try run(["db", "init", "--store", database]).status == 0)
        let copied = try run(["copy", "--from", file, "--to", database])
        #expect(copied.status == 0, "\(copied.standardError)")
        for reason in ["drie", "vier"] {
            let next = try run(["set-status", "bom", reason == "drie" ? "actief" : "focus", "--reason", reason, "--store", database])
            #expect(next.status == 0, "\(next.standardError)")
        }
    }

    @Test("a file whose log holds a NUL from before (a restore may put one back) copies into the database, the entry kept exactly")
    func nulInTheLog() throws {
        let directory = TemporaryDirectory(prefix: "dossier-nul")
        let file = directory.file("dossier.json")
        try directory.write("dossier.json", BundledDossier.bytes)
        let store = DossierStore(path: file)
        try store.openForWriting(actor: "adviseur")
        var dossier = try store.load()
        let bom = try #require(dossier.relation("bom")), place = try #require(dossier.relationPosition("bom"))
        var named = bom
        named.name = "B\u{0}OM"
        try store.commit(.restore(Restoration(label: "Terug: B\u{0}OM", relations: [Snapshot(id: "bom", value: named, position: place)])),
                         to: &dossier, context: Fixtures.context)
        let database = try PostgresTestServer.freshDatabase()
        #expect(try run(["db", "init", "--store", database]).status == 0)
        let copied = try run(["copy", "--from", file, "--to", database])
        #expect(copied.status == 0, "\(copied.standardError)")
        for store in [file, database] {
            let log = try run(["log", "--json", "--store", store])
            #expect(log.status == 0 && log.standardOutput.contains(#"B\u0000OM"#), "the entry as it was: \(log.standardOutput)")
        }
        #expect(try run(["export", "--format", "json", "--store", database]).standardOutput
                == (try run(["export", "--format", "json", "--store", file]).standardOutput))
    }

    @Test("a database of an older schema is refused with the way out, and db init brings it up to date keeping the dossier")
    func olderSchema() throws {
        let storage = try StorageUnderTest(.postgresql)
        // Version 1, as a program before the list's digest made it.
        try PostgresTestServer.sql(storage.location, """
            ALTER TABLE dossier_list_index DROP COLUMN digest; UPDATE dossier_meta SET value = '1' WHERE key = 'schema_version';
            """)
        let refused = try run(["relations", "--store", storage.location])
        #expect(refused.status == 69 && refused.standardError.contains("oudere opmaak (1)")
                && refused.standardError.contains("dossier db init"), "\(refused.standardError)")
        let writing = try run(["set-status", "bom", "verkennen", "--reason", "r", "--store", storage.location])
        #expect(writing.status == 69 && writing.standardError.contains("oudere opmaak (1)"), "\(writing.standardError)")
        // The screen asks its start-up question first: the same answer.
        let screen = try run(["--store", storage.location])
        #expect(screen.status == 69 && screen.standardError.contains("oudere opmaak (1)"), "\(screen.standardError)")
        let upgraded = try run(["db", "init", "--store", storage.location])
        #expect(upgraded.status == 0 && upgraded.standardOutput.contains("bijgewerkt van versie 1 naar "),
                "\(upgraded.standardOutput)\(upgraded.standardError)")
        let listed = try run(["relations", "--store", storage.location])
        #expect(listed.status == 0 && listed.standardOutput.contains("BOM"), "\(listed.standardError)")
        let digests = try PostgresTestServer.sql(storage.location, "SELECT count(*) FROM dossier_list_index WHERE digest = md5(body)")
        #expect(digests.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "the list written before has its digest now")
    }

    @Test("a database of a newer schema is said to be that (not a journal line), read nor written, and copy --replace does not make its tables anew")
    func newerSchema() throws {
        let storage = try StorageUnderTest(.postgresql)
        try PostgresTestServer.sql(storage.location, "UPDATE dossier_meta SET value = '99' WHERE key = 'schema_version';")
        for arguments in [["relations"], ["set-status", "bom", "verkennen", "--reason", "r"], ["db", "init"]] {
            let refused = try run(arguments + ["--store", storage.location])
            #expect(refused.status == 69 && refused.standardError.contains("de database heeft een nieuwere opmaak (99; deze versie van dossier kent tot en met")
                    && !refused.standardError.contains("journaal"), "\(arguments): \(refused.standardError)")
        }
        let directory = TemporaryDirectory(prefix: "dossier-newer")
        try directory.write("dossier.json", BundledDossier.bytes)
        let replaced = try run(["copy", "--from", directory.file("dossier.json"), "--to", storage.location, "--replace", "--yes"])
        #expect(replaced.status == 69 && replaced.standardError.contains("nieuwere opmaak (99"), "\(replaced.standardError)")
        let version = try PostgresTestServer.sql(storage.location, "SELECT value FROM dossier_meta WHERE key = 'schema_version'")
        #expect(version.trimmingCharacters(in: .whitespacesAndNewlines) == "99", "the newer tables stay as they were")
    }

    @Test("an unreachable server: a plain Dutch message, exit 69, and never the password")
    func unreachable() throws {
        let closedPort = 1
        let result = try run(["relations", "--store", "postgresql://ine@127.0.0.1:\(closedPort)/dossier?sslmode=disable"],
                             environment: ["PGPASSWORD": "zeergeheim"])
        #expect(result.status == 69, "\(result.standardError)")
        #expect(result.standardError.contains("niet bereikbaar"), "\(result.standardError)")
        #expect(!result.standardError.contains("zeergeheim") && !result.standardOutput.contains("zeergeheim"))
        let help = try run(["--help"])
        #expect(!help.standardOutput.contains("zeergeheim"))
        let empty = try PostgresTestServer.freshDatabase()
        for arguments in [["relations"], ["set-status", "bom", "actief", "--reason", "r"], []] {
            let noSchema = try run(arguments + ["--store", empty])
            #expect(noSchema.status == 69 && noSchema.standardError.contains("dossier db init --store \(empty)"), "\(arguments): \(noSchema.standardError)")
        }
    }
}
