import DossierCore
import DossierPostgres
import DossierTestSupport
import Foundation
import Testing

/// Database addresses read as PostgreSQL reads them, and never shown with their password.
@Suite("PostgreSQL addresses")
struct PostgresAddressTests {
    @Test("an address names user, host, port and database; what it leaves out comes from PG* variables")
    func parts() throws {
        let full = try PostgresAddress(parsing: "postgresql://ine@db.oss.nl:6543/dossier?sslmode=require", environment: [:])
        #expect(full.user == "ine" && full.host == "db.oss.nl" && full.port == 6543 && full.database == "dossier")
        #expect(full.sslMode == .require)
        // An IPv6 address without its brackets (they come back in the description), an international name as DNS takes it.
        let six = try PostgresAddress(parsing: "postgresql://ine@[::1]:6543/dossier", environment: [:])
        #expect(six.host == "::1" && six.port == 6543 && six.description == "postgresql://ine@[::1]:6543/dossier", "\(six)")
        #expect(try PostgresAddress(parsing: "postgresql://ine@xn--hst-sna/d", environment: [:]).host == "xn--hst-sna")
        let sparse = try PostgresAddress(parsing: "postgresql:///oss", environment: ["PGUSER": "piet", "PGHOST": "/run/pg", "PGPORT": "5433"])
        #expect(sparse.user == "piet" && sparse.isSocket && sparse.socketPath == "/run/pg/.s.PGSQL.5433" && sparse.database == "oss")
        #expect(try PostgresAddress(parsing: "postgres://x@h/d?host=/tmp/s", environment: [:]).socketPath == "/tmp/s/.s.PGSQL.5432")
        // A socket's address in a message keeps its port: typed again, it reaches the same server.
        let socket = try PostgresAddress(parsing: "postgresql://beheer@/oud?host=/tmp/pg&port=55433", environment: [:])
        #expect(socket.description == "postgresql://beheer@/oud?host=/tmp/pg&port=55433")
        let again = try PostgresAddress(parsing: socket.description, environment: [:])
        #expect(again.socketPath == socket.socketPath && again.database == "oud" && again.user == "beheer")
        #expect(try PostgresAddress(parsing: "postgresql://x@h/d", environment: ["PGSSLMODE": "disable"]).sslMode == .disable)
    }

    @Test("two addresses name the same database when host, port and database are the same; localhost is 127.0.0.1 and ::1, options do not count")
    func sameDatabase() throws {
        func address(_ text: String) throws -> PostgresAddress { try PostgresAddress(parsing: text, environment: [:]) }
        let base = try address("postgresql://ine@127.0.0.1/dossier")
        for same in ["postgresql://ine@localhost:5432/dossier?sslmode=disable", "postgres://piet@[::1]/dossier", "postgresql://ine@LOCALHOST/dossier",
                     "postgresql://ine@h/x?host=127.0.0.1&dbname=dossier"] {
            #expect(try address(same).isSameDatabase(as: base), "\(same)")
        }
        for other in ["postgresql://ine@127.0.0.1:5433/dossier", "postgresql://ine@127.0.0.1/dossier2", "postgresql://ine@db.oss.nl/dossier",
                      "postgresql://ine@127.0.0.1/Dossier"] {
            #expect(!(try address(other).isSameDatabase(as: base)), "\(other)")
        }
        #expect(try address("postgresql://ine@DB.oss.nl/d").isSameDatabase(as: try address("postgresql://ine@db.oss.nl/d")))
        // A socket is this computer: the server that has it takes its port on loopback too. Two socket folders are two
        // servers (one may listen on no network); the same folder, however written, is one.
        #expect(try address("postgresql:///dossier?host=/tmp/pg&user=ine").isSameDatabase(as: base))
        #expect(!(try address("postgresql:///dossier?host=/tmp/pg&port=5433").isSameDatabase(as: base)))
        #expect(!(try address("postgresql:///dossier?host=/tmp/a").isSameDatabase(as: try address("postgresql:///dossier?host=/tmp/b"))))
        #expect(try address("postgresql:///dossier?host=/tmp/a/").isSameDatabase(as: try address("postgresql:///dossier?host=/tmp/a")))
    }

    @Test("a password comes from PGPASSWORD or ~/.pgpass; one in the address is refused, naming those, and is never shown")
    func passwords() throws {
        // In the address, a password would be in the shell's history and in every ps listing.
        for address in ["postgresql://ine:geheim%21@h:5432/d", "postgresql://ine@h/d?password=geheim", "postgres://ine:geheim@h/d?sslmode=disable"] {
            do {
                _ = try PostgresAddress(parsing: address, environment: [:])
                Issue.record("\(address) was taken")
            } catch {
                #expect(error.description.contains("PGPASSWORD") && error.description.contains("~/.pgpass") && !error.description.contains("geheim"),
                        "\(error)")
            }
        }
        // Each part decoded once: a database called "d%41" is written d%2541.
        let escaped = try PostgresAddress(parsing: "postgresql://ine%40oss@h/d%2541", environment: [:])
        #expect(escaped.user == "ine@oss" && escaped.database == "d%41", "\(escaped)")
        // An escape that gives no text (%ff is no UTF-8, %ZZ no hexadecimal number, a % at the end nothing) is refused, not
        // replaced by PGDATABASE or the user's name, nor taken as it is written.
        for (address, part) in [("postgresql://ine@h/d%ff", "de database"), ("postgresql://in%ffe@h/d", "de gebruiker"),
                                ("postgresql://ine@h/d%ZZ", "de database"), ("postgresql://ine@h/d%", "de database"),
                                ("postgresql://ine@h/d%4", "de database"), ("postgresql://in%ZZe@h/d", "de gebruiker"),
                                ("postgresql://ine%@h/d", "de gebruiker")] {
            do {
                _ = try PostgresAddress(parsing: address, environment: ["PGDATABASE": "anders"])
                Issue.record("\(address) was taken")
            } catch {
                #expect(error.description.contains("\(part) in het PostgreSQL-adres is geen tekst") && !error.description.contains("geheim"),
                        "\(error)")
            }
        }
        #expect(try PostgresAddress(parsing: "postgresql://ine@h/d", environment: ["PGPASSWORD": "pw"]).password == "pw")
        let home = TemporaryDirectory()
        try home.write(".pgpass", "# commentaar\nandere:5432:*:ine:fout\nh:5432:d:ine:uit\\:bestand\n")
        chmod(home.file(".pgpass"), 0o600)
        #expect(try PostgresAddress(parsing: "postgresql://ine@h/d", environment: ["HOME": home.path]).password == "uit:bestand")
        chmod(home.file(".pgpass"), 0o644)
        #expect(try PostgresAddress(parsing: "postgresql://ine@h/d", environment: ["HOME": home.path]).password == nil,
                "a .pgpass others may read is ignored, as libpq does")
        do {
            _ = try PostgresAddress(parsing: "postgresql://ine@h:notaport/d?password=geheim", environment: [:])
            Issue.record("a bad port was accepted")
        } catch {
            #expect(!error.description.contains("geheim"), "\(error)")
        }
        #expect(PostgresAddress.redacted("postgresql://ine:geheim@h/d?password=ook") == "postgresql://ine:***@h/d?password=***")
        // Also with a combining mark after the '@' and the '=' (as Characters, those are no '@' or '=').
        #expect(PostgresAddress.redacted("postgresql://ine:geheim@\u{301}h/d?password=\u{301}ook") == "postgresql://ine:***@\u{301}h/d?password=***")
    }

    @Test("the configuration file names a database without a password; one with a password is refused without showing it")
    func configuredStore() throws {
        let home = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: home.file("dossier"), withIntermediateDirectories: true)
        try home.write("dossier/config.json", #"{ "store": "postgresql://ine@db.oss.nl/dossier" }"#)
        let configured = try StoreConfiguration.load(environment: ["XDG_CONFIG_HOME": home.path])
        #expect(configured.store == "postgresql://ine@db.oss.nl/dossier")
        for stored in ["postgresql://ine:geheim@db.oss.nl/dossier", "postgresql://ine@db.oss.nl/dossier?password=geheim"] {
            try home.write("dossier/config.json", #"{ "store": "\#(stored)" }"#)
            let loaded = try StoreConfiguration.load(environment: ["XDG_CONFIG_HOME": home.path])
            #expect(loaded.store == nil)
            let message = try #require(loaded.refusedSettings["store"])
            #expect(message.contains("geen wachtwoord in de instellingen") && !message.contains("geheim"), "\(message)")
            #expect(throws: StoreError.self) { try loaded.check(["store"]) }
            // A command stops rather than open another dossier (the default one) in its place.
            let listed = try ProgramRunner().run(["relations"], environment: ["XDG_CONFIG_HOME": home.path, "XDG_DATA_HOME": home.file("data")])
            #expect(listed.status == 64 && listed.standardError.contains("geen wachtwoord") && !listed.standardError.contains("geheim"),
                    "\(listed.standardError)")
            #expect(!FileManager.default.fileExists(atPath: home.file("data/dossier/dossier.json")))
        }
    }
}
