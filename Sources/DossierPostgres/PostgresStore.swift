#if PostgreSQL
import DossierCore
import Foundation
import PostgresNIO

/// The dossier in a PostgreSQL database: the same model as the file — an append-only log of changes and a
/// compacted snapshot — with the server as the shared log. A change is appended in one transaction after the
/// changes others committed first (an advisory lock lets one writer at a time append), refused with the same
/// message as on a file when it no longer holds, and confirmed only once the server committed it; a retry
/// after a lost answer is recognised by the change's id and never applied twice. An open screen hears of
/// others' changes through LISTEN/NOTIFY.
public final class PostgresStore: DossierStorage {
    /// A text for a column of its own (who, the summary: copies of what the entry holds, for reading with SQL), which
    /// PostgreSQL refuses with a NUL in it: a file's journal from before changes refused them may hold one. The entry
    /// itself keeps it, escaped.
    static func storable(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    public let address: PostgresAddress
    public let configuration: StoreConfiguration
    public var clock = Clock.system
    public internal(set) var notices: [String] = []
    public var compactsAfterCommit = true
    public internal(set) var lastSummary: String?

    let link: PostgresLink
    /// A second connection that only listens for others' changes (opened by the first `refresh`).
    var listener: PostgresLink?
    let notifications = NotificationCount()
    var seenNotifications = 0
    var lastLook = DispatchTime(uptimeNanoseconds: 0)

    var writer: String?
    var lineage: String?
    var tail = ""
    var lastSequence = 0
    var snapshotSequence = 0
    var newerVersion: Int?
    var recentOthers: [JournalEntry] = []
    var pendingOthers: [OthersChange] = []
    var holdsCompactionLock = false
    /// The answer to the start-up question asked ahead by `listIndex`, for the `openForWriting` right after it
    /// (forgotten by `load` and `close`: it describes the moment of the start).
    var startFacts: Result<StartFacts, StoreError>?
    /// The copy of the server's list index on this computer; nil: none is kept (the list comes from the server).
    public var listCache: PostgresListCache?

    public init(address: PostgresAddress, configuration: StoreConfiguration = StoreConfiguration()) {
        self.address = address
        self.configuration = configuration
        link = PostgresLink(address: address)
    }

    public var location: String { address.description }
    public var isWritable: Bool { writer != nil }
    public var sequence: Int { lastSequence }
    public var hasJournal: Bool { lastSequence > snapshotSequence }
    public var needsCompaction: Bool { lastSequence - snapshotSequence >= configuration.journalEntryLimit }

    /// Writes only when the database role may: a role with only SELECT opens read-only (`.notPermitted`).
    public func openForWriting(actor: String) throws(StoreError) {
        let facts = try takeStartFacts()
        guard facts.mayAppend else {
            throw .notPermitted(location: location, reason: "de databaserol \(facts.role) mag het dossier alleen lezen")
        }
        writer = actor
    }

    /// The start-up question's answer: asked ahead by `listIndex` (then taken here), or asked now. A
    /// database without the tables, or with another version of them, is refused as `requireSchema` says.
    func takeStartFacts() throws(StoreError) -> StartFacts {
        let answer = startFacts ?? Result { () throws(StoreError) in try StartFacts(try link.ask(StartFacts.question(withListDigest: false)).rows(), store: self) }
        startFacts = nil
        switch answer {
        case .success(let facts):
            try checkSchema(version: facts.schemaVersion)
            return facts
        case .failure(let error):
            // Tables missing or of another version fail the combined question on a connection that stands: say
            // so as the schema check does. (Without a connection, the error says why; no second attempt.)
            if link.isOpen { try requireSchema() }
            throw error
        }
    }

    // MARK: Loading

    /// The newest snapshot and every change after it.
    public func load() throws(StoreError) -> Dossier {
        notices = []
        startFacts = nil
        try requireSchema()
        guard let row = try link.query("SELECT seq, body FROM dossier_snapshots ORDER BY seq DESC, id DESC LIMIT 1").first else {
            throw .missing(file: "\(location) (de database heeft nog geen dossier: zet er een in met dossier copy --from BESTAND --to \(ShellWord.quoted(location)))")
        }
        let (seq, body) = try decode(row, as: (Int64, ByteBuffer).self)
        var dossier = try DossierFile.decode(body.bytes, file: location)
        guard Int(seq) == dossier.journalSequence else {
            throw .damaged(file: location, problem: LocatedProblem(position: nil, path: JSONPath(),
                message: "de momentopname van wijziging \(seq) zegt zelf \(dossier.journalSequence)"))
        }
        lineage = dossier.lineage
        tail = dossier.journalTail
        lastSequence = dossier.journalSequence
        snapshotSequence = dossier.journalSequence
        newerVersion = nil
        recentOthers = []
        pendingOthers = []
        let journal = try changes(after: lastSequence)
        let newEntries: ArraySlice<JournalEntry>
        do {
            newEntries = try JournalContinuity.newEntries(of: journal, after: dossier)
        } catch {
            throw .foreignJournal(journal: "\(location) (dossier_changes)", snapshot: location, reason: error.reason)
        }
        for (index, entry) in zip(newEntries.indices, newEntries) {
            _ = try replay(entry, into: &dossier, line: index + 1)
            lastSequence = entry.sequence
            tail = journal.checksums[index]
        }
        if lineage == nil { lineage = newEntries.first?.lineage }
        seenNotifications = notifications.value
        return dossier
    }

    /// The changes after `sequence`, checked as a file's journal is (checksums, numbers in order, the chain),
    /// each with the database role that wrote it.
    func changes(after sequence: Int) throws(StoreError) -> JournalFile {
        let rows = try link.query("SELECT entry, db_role::text, change_id FROM dossier_changes WHERE seq > \(Int64(sequence)) ORDER BY seq")
        var bytes: [UInt8] = []
        var roles: [RecordedRole] = []
        for row in rows {
            let (entry, role, id) = try decode(row, as: (ByteBuffer, String, String).self)
            bytes += entry.readableBytesView
            bytes.append(UInt8(ascii: "\n"))
            roles.append(CopiedChange.recordedRole(id: id, databaseRole: role))
        }
        var journal: JournalFile
        do {
            journal = try JournalFile.parse(bytes)
        } catch {
            throw .damagedJournal(file: "\(location) (dossier_changes)", damage: error)
        }
        if journal.hasTornTail {
            throw .damagedJournal(file: "\(location) (dossier_changes)", damage: JournalFile.Damage(line: journal.entries.count + 1,
                                  message: "een wijziging in de database is onvolledig of klopt niet met haar controlegetal"))
        }
        for index in journal.entries.indices where index < roles.count {
            journal.entries[index].recordedRole = roles[index]
        }
        if let version = journal.newerVersion, newerVersion == nil {
            newerVersion = version
            notices.append(StoreError.newerVersion(file: location, version: version).description)
        }
        return journal
    }

    /// Applies a logged change; nil when it replaced the whole dossier (a restore from a backup).
    func replay(_ entry: JournalEntry, into dossier: inout Dossier, line: Int) throws(StoreError) -> Restoration? {
        switch entry.event {
        case .change(let written):
            return try entry.replaying(written, into: &dossier, journal: "\(location) (dossier_changes)", line: line)
        case .restoreBackup(let name):
            dossier = try snapshot(named: name)
            return nil
        }
    }

    func snapshot(named name: String) throws(StoreError) -> Dossier {
        var row = try link.query("SELECT body FROM dossier_snapshots WHERE name = \(name)").first
        // Named as it was where the restore was made: a copy names the backups after the database (`Backup.named`).
        if row == nil, let found = (try? backups()).flatMap({ Backup.named(name, among: $0) }), found.name != name {
            row = try link.query("SELECT body FROM dossier_snapshots WHERE name = \(found.name)").first
        }
        guard let row else {
            throw .missing(file: "\(location) (momentopname \(name))")
        }
        return try DossierFile.decode(try decode(row, as: ByteBuffer.self).bytes, file: "\(location) (\(name))")
    }

    // MARK: History and backups

    /// The last change, after `load`, with what undoes it (nil for a backup put back): the changes are never cut from the
    /// log, so the newest snapshot from before the last change is replayed up to it. Nil when there is no change, or no
    /// snapshot from before it (a dossier copied in with none).
    public func lastChangeWithUndo() throws(StoreError) -> (entry: JournalEntry, undo: Restoration?)? {
        guard lastSequence > 0 else { return nil }
        let last = Int64(lastSequence)
        guard let row = try link.query("SELECT body FROM dossier_snapshots WHERE seq < \(last) ORDER BY seq DESC, id DESC LIMIT 1").first else {
            return nil
        }
        var dossier = try DossierFile.decode(try decode(row, as: ByteBuffer.self).bytes, file: location)
        let after = try changes(after: dossier.journalSequence).entries.filter { $0.sequence <= lastSequence }
        guard after.count == lastSequence - dossier.journalSequence, after.first?.sequence == dossier.journalSequence + 1 else { return nil }
        var result: (entry: JournalEntry, undo: Restoration?)?
        for (index, entry) in after.enumerated() {
            result = (entry, try replay(entry, into: &dossier, line: index + 1))
        }
        return result
    }

    public func history() throws(StoreError) -> [JournalEntry] {
        try changes(after: 0).entries
    }

    /// The snapshots before the newest, newest first.
    public func backups() throws(StoreError) -> [Backup] {
        try requireSchema()
        let rows = try link.query("""
            SELECT name, seq, extract(epoch FROM written_at)::bigint, octet_length(body)::bigint
            FROM dossier_snapshots ORDER BY seq DESC, id DESC OFFSET 1
            """)
        var found: [Backup] = []
        for row in rows {
            let (name, seq, seconds, size) = try decode(row, as: (String, Int64, Int64, Int64).self)
            found.append(Backup(name: name, path: "\(location) (\(name))", timestamp: Timestamp(secondsSinceEpoch: seconds),
                                sequence: Int(seq), size: size))
        }
        return found
    }

    // MARK: Schema

    /// The schema version in the database: refused when there is none (`dossier db init`) or a newer one.
    func requireSchema() throws(StoreError) {
        try checkSchema(version: try schemaVersion())
    }

    func checkSchema(version: Int?) throws(StoreError) {
        guard let version else {
            throw .unavailable(location: location, reason: "de database heeft de tabellen van dossier nog niet: maak ze met dossier db init --store \(ShellWord.quoted(location))")
        }
        if version > PostgresSchema.currentVersion { throw newerLayout(version) }
        if version < PostgresSchema.currentVersion {
            throw .unavailable(location: location, reason: "de database heeft een oudere opmaak (\(version)); werk haar bij met dossier db init --store \(ShellWord.quoted(location))")
        }
    }

    /// Tables a newer version of dossier made: not read, and never made anew by this one (what the newer one keeps in them
    /// would go).
    func newerLayout(_ version: Int) -> StoreError {
        .unavailable(location: location, reason: "de database heeft een nieuwere opmaak (\(version); deze versie van dossier kent tot en met "
                     + "\(PostgresSchema.currentVersion)); werk dossier bij")
    }

    func schemaVersion() throws(StoreError) -> Int? {
        let exists = try link.query("SELECT to_regclass('dossier_meta') IS NOT NULL")
        guard try decode(exists.first, as: Bool.self) else { return nil }
        guard let row = try link.query("SELECT value FROM dossier_meta WHERE key = 'schema_version'").first else { return nil }
        return Int(try decode(row, as: String.self))
    }

    /// Creates the tables, or brings an older schema up to date. Returns the version it was at (nil: none).
    @discardableResult
    public func initialize() throws(StoreError) -> Int? {
        let before = try schemaVersion()
        if let before, before > PostgresSchema.currentVersion { throw newerLayout(before) }
        // Up to date: nothing to write (a role that may only read or append can ask it too).
        if before == PostgresSchema.currentVersion { return before }
        try link.transaction { () throws(StoreError) in
            try takeAppendLock()
            try createSchema(from: before)
        }
        return before
    }

    /// Makes the tables (or brings them up from schema version `before`); the caller holds the append lock in a transaction.
    func createSchema(from before: Int?) throws(StoreError) {
        for version in ((before ?? 0) + 1)...max(PostgresSchema.currentVersion, (before ?? 0) + 1) where version <= PostgresSchema.currentVersion {
            for statement in PostgresSchema.steps(to: version) { try link.query(statement) }
        }
        try link.query("""
            INSERT INTO dossier_meta (key, value) VALUES ('schema_version', \(String(PostgresSchema.currentVersion)))
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
            """)
    }

    func decode<Column: PostgresDecodable>(_ row: PostgresRow?, as type: Column.Type) throws(StoreError) -> Column {
        guard let row else { throw noAnswer() }
        do {
            return try row.decode(Column.self)
        } catch {
            throw unexpected(error)
        }
    }

    func decode<each Column: PostgresDecodable>(_ row: PostgresRow?, as type: (repeat each Column).Type) throws(StoreError) -> (repeat each Column) {
        guard let row else { throw noAnswer() }
        do {
            return try row.decode(type)
        } catch {
            throw unexpected(error)
        }
    }

    private func noAnswer() -> StoreError {
        .unavailable(location: location, reason: "de server gaf geen antwoord op een vraag")
    }

    private func unexpected(_ error: any Error) -> StoreError {
        .damaged(file: location, problem: LocatedProblem(position: nil, path: JSONPath(), message: "onverwacht antwoord van de server: \(error)"))
    }
}

extension ByteBuffer {
    /// A text column as the server sent it: its UTF-8 bytes, without making a String of them first.
    var bytes: [UInt8] { Array(readableBytesView) }
}

/// How many notifications the listening connection heard; read by the store's thread, written on an event loop.
final class NotificationCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}

extension PostgresStore: LastChangeUndoing {}
#endif
