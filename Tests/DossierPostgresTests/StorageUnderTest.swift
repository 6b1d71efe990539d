import DossierCore
import DossierPostgres
import DossierTestSupport
import Foundation
import Testing

/// The kinds of storage the contract holds for: the same tests run against each.
enum StorageKind: String, CaseIterable, CustomTestStringConvertible {
    case file
    case postgresql

    var testDescription: String { rawValue }

    /// The kinds that can run here: PostgreSQL needs the trait and the test server (both always there in CI).
    static var available: [StorageKind] {
        PostgreSQLTests.shouldRun ? allCases : [.file]
    }
}

/// Whether the tests against a PostgreSQL server run: in a build with the PostgreSQL trait, with a server (in
/// CI always: there a missing server fails the tests instead of skipping them).
enum PostgreSQLTests {
    #if PostgreSQL
    static let isBuiltIn = true
    #else
    static let isBuiltIn = false
    #endif

    static var shouldRun: Bool { isBuiltIn && PostgresTestServer.shouldRun }

    static let skipReason = Comment(rawValue: isBuiltIn ? PostgresTestServer.skipReason
        : "gebouwd zonder PostgreSQL: de testopdracht van de README (swift test --traits PostgreSQL) bouwt ermee")
}

/// A fresh dossier (the small fixture) in a storage of one kind; `open` gives a handle on it, as another
/// program would have one.
final class StorageUnderTest: @unchecked Sendable {
    let kind: StorageKind
    let directory = TemporaryDirectory(prefix: "dossier-contract")
    /// The file's path, or the database's address.
    let location: String

    init(_ kind: StorageKind, dossier: Dossier = Fixtures.smallDossier()) throws {
        self.kind = kind
        switch kind {
        case .file:
            location = directory.file("dossier.json")
            try directory.write("dossier.json", dossier.encoded())
            chmod(location, 0o600)
        case .postgresql:
            location = try PostgresTestServer.freshDatabase()
            #if PostgreSQL
            let store = PostgresStore(address: try PostgresAddress(parsing: location, environment: [:]))
            try store.initialize()
            try store.importArchive(DossierArchive(snapshot: dossier.encoded(), sequence: 0, lines: [], backups: []), replacing: false)
            #else
            Issue.record("built without the PostgreSQL trait: swift test --traits PostgreSQL")
            #endif
        }
    }

    /// A handle as a program opens it: for writing as `writer`, or only reading.
    func open(writer: String? = nil, journalLimit: Int = 100, backups: Int = 10) throws -> any ArchiveStorage {
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = journalLimit
        configuration.backupsToKeep = backups
        configuration.lockWait = 5
        let storage: any ArchiveStorage
        switch kind {
        case .file:
            let store = DossierStore(path: location, configuration: configuration)
            store.clock = Fixtures.clock
            storage = store
        case .postgresql:
            #if PostgreSQL
            let store = PostgresStore(address: try PostgresAddress(parsing: location, environment: [:]), configuration: configuration)
            store.clock = Fixtures.clock
            storage = store
            #else
            throw PostgresTestServer.Unavailable(description: "built without the PostgreSQL trait")
            #endif
        }
        if let writer { try storage.openForWriting(actor: writer) }
        return storage
    }

    /// Waits (up to a few seconds) until a refresh brings changes: a database tells of them by a notification
    /// that arrives a moment after the commit.
    func refreshUntilChanged(_ storage: any DossierStorage, _ dossier: inout Dossier) throws -> [OthersChange] {
        let deadline = Date().addingTimeInterval(6)
        while Date() < deadline {
            let changes = try storage.refresh(&dossier)
            if !changes.isEmpty { return changes }
            usleep(20_000)
        }
        return []
    }
}

extension ChangeContext {
    static func by(_ actor: String, minute: Int = 0) -> ChangeContext {
        ChangeContext(actor: actor, timestamp: Timestamp(secondsSinceEpoch: Fixtures.now.secondsSinceEpoch + Int64(60 * minute)),
                      today: Fixtures.context.today)
    }
}
