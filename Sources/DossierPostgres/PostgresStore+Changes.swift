#if PostgreSQL
import DossierCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Appends a change in one transaction, after the changes others committed first (applied to `dossier`
    /// too). When the connection breaks while committing, the change's id tells whether it went in; if not, it
    /// is tried once more. Never applied twice: the id is unique in the log.
    @discardableResult
    public func commit(_ change: Change, to dossier: inout Dossier, context: ChangeContext) throws(StoreError) -> Restoration {
        guard let writer else { throw .readOnly(file: location) }
        guard !dossier.isPart else { throw .partOfDossier(file: location) }
        if let newerVersion { throw .newerVersion(file: location, version: newerVersion) }
        notices = []
        let changeID = UUID().uuidString.lowercased()
        var attempt = 0
        while true {
            attempt += 1
            var undo: Restoration?
            do {
                let (restoration, checksum) = try link.transaction { () throws(StoreError) -> (Restoration, String) in
                    try takeAppendLock()
                    pendingOthers += try catchUp(&dossier)
                    let appended = try append(change, id: changeID, to: &dossier, context: context)
                    undo = appended.0
                    return appended
                }
                lastSequence += 1
                tail = checksum
                if compactsAfterCommit && needsCompaction { compactQuietly(dossier, at: context.timestamp) }
                return restoration
            } catch {
                // Whatever happened, the change is not in memory until it is known to be in the log.
                if let undo { _ = try? dossier.apply(.restore(undo), context: context) }
                guard link.commitOutcomeIsUnknown else { throw error }
                // The retry's answer lost too: it may be in, and saying "niets gewijzigd" would have it saved twice.
                guard attempt == 1 else { throw .outcomeUnknown(location: location, reason: error.description) }
                let isIn: Bool
                do {
                    isIn = try committedAlready(changeID)
                } catch let asking {
                    throw .outcomeUnknown(location: location, reason: asking.description)
                }
                if isIn {
                    // It went in: take it from the log, as the others' changes are taken.
                    let taken = try catchUp(&dossier)
                    guard let own = taken.firstIndex(where: { $0.entry.event == .change(change) && $0.entry.actor == writer
                                                              && $0.entry.timestamp == context.timestamp }),
                          let restoration = taken[own].restoration else {
                        pendingOthers += taken
                        throw .outcomeUnknown(location: location, reason: "ze staat in de database, maar niet zoals ze werd opgeslagen")
                    }
                    var others = taken
                    others.remove(at: own)
                    pendingOthers += others
                    return restoration
                }
            }
        }
    }

    /// Takes in what others committed, when the listening connection heard of it (or every few seconds, in
    /// case a notification was missed). A look the server refused (the role lost its rights, the connection went)
    /// does not count as one: every refresh after it looks again, and fails alike until it succeeds.
    public func refresh(_ dossier: inout Dossier) throws(StoreError) -> [OthersChange] {
        try listenIfNeeded()
        let heard = notifications.value
        let now = DispatchTime.now()
        guard heard != seenNotifications || now.uptimeNanoseconds - lastLook.uptimeNanoseconds > 5_000_000_000 else {
            return takeOthersChanges()
        }
        // Counted as seen only once read: marked before, the refreshes after a refused look returned nothing new, and the
        // screen took that for the dossier read again while the log stayed unread.
        let taken = try catchUp(&dossier)
        seenNotifications = heard
        lastLook = now
        return takeOthersChanges() + taken
    }

    public func takeOthersChanges() -> [OthersChange] {
        defer { pendingOthers = [] }
        return pendingOthers
    }

    private func listenIfNeeded() throws(StoreError) {
        if let listener, listener.isOpen { return }
        let made = listener ?? PostgresLink(address: address)
        listener = made
        let count = notifications
        try made.listen(on: PostgresSchema.channel) { count.increment() }
    }

    /// Applies the changes after this store's last one, checking that they continue what it read.
    func catchUp(_ dossier: inout Dossier) throws(StoreError) -> [OthersChange] {
        let journal = try changes(after: lastSequence)
        // Nothing after this store's last change: the database must still hold that change as it was read. A dossier put in
        // its place (copy --replace with an older export) may hold fewer changes, and a change saved after them would
        // leave a gap no reader gets past. (Changes that do follow are checked by their chain below.)
        if journal.entries.isEmpty, lastSequence > 0, try !holdsLastChange() { throw .changedOnDisk(file: location) }
        var applied: [OthersChange] = []
        for (index, entry) in journal.entries.enumerated() {
            if lineage == nil { lineage = entry.lineage }
            guard entry.sequence == lastSequence + 1, entry.lineage == lineage, (entry.previous ?? tail) == tail else {
                throw .changedOnDisk(file: location)
            }
            let restoration = try replay(entry, into: &dossier, line: index + 1)
            lastSequence = entry.sequence
            tail = journal.checksums[index]
            applied.append(OthersChange(entry: entry, restoration: restoration))
            ColleagueConflict.remember(entry, in: &recentOthers)
        }
        return applied
    }

    /// Whether the database still holds this store's last change and nothing after it: as its entry with the same checksum
    /// (a snapshot from before checksums were kept names none, and is taken at its word), or (a dossier put in with no log
    /// before it) as a snapshot of exactly that number.
    private func holdsLastChange() throws(StoreError) -> Bool {
        let row = try link.query("""
            SELECT (SELECT checksum FROM dossier_changes WHERE seq = \(Int64(lastSequence))),
                   EXISTS (SELECT 1 FROM dossier_snapshots WHERE seq = \(Int64(lastSequence))),
                   GREATEST(COALESCE((SELECT max(seq) FROM dossier_changes), 0), COALESCE((SELECT max(seq) FROM dossier_snapshots), 0))
            """).first
        let (checksum, hasSnapshot, newest) = try decode(row, as: (String?, Bool, Int64).self)
        // A snapshot beyond this store's last change with no log to it: another dossier was put in its place.
        guard newest == Int64(lastSequence) else { return false }
        guard let checksum else { return hasSnapshot }
        return tail.isEmpty || checksum == tail
    }

    /// Applies `change` and inserts it as the next entry; the caller holds the append lock in a transaction.
    /// Returns the restoration and the entry's checksum (the chain's new tail once committed).
    private func append(_ change: Change, id: String, to dossier: inout Dossier,
                        context: ChangeContext) throws(StoreError) -> (Restoration, String) {
        let (undo, entry) = try JournalEntry.recording(change, in: &dossier, after: lastSequence, lineage: try lineageForWriting(),
                                                       previous: tail, context: context, recentOthers: recentOthers,
                                                       dates: configuration.dates(clock: clock), today: clock.today())
        let checksum: String
        do {
            checksum = try insert(entry, id: id)
        } catch {
            _ = try? dossier.apply(.restore(undo), context: context)
            throw error
        }
        lastSummary = entry.summary
        return (undo, checksum)
    }

    /// Inserts an entry and tells the listeners; the caller holds the append lock and commits.
    /// - Returns: the entry's checksum, the chain's tail once committed.
    @discardableResult
    func insert(_ entry: JournalEntry, id: String) throws(StoreError) -> String {
        let (line, checksum) = entry.encodedLine()
        let text = String(decoding: line.dropLast(), as: UTF8.self)
        try link.query("""
            INSERT INTO dossier_changes (seq, change_id, actor, summary, entry, checksum)
            VALUES (\(Int64(entry.sequence)), \(id), \(PostgresStore.storable(entry.actor)), \(PostgresStore.storable(entry.summary)), \(text), \(checksum))
            """)
        try link.query("SELECT pg_notify(\(PostgresSchema.channel), \(String(entry.sequence)))")
        return checksum
    }

    /// The dossier's lineage, made and recorded the first time anything is written.
    func lineageForWriting() throws(StoreError) -> String {
        if let lineage { return lineage }
        let made = Lineage.make()
        try link.query("INSERT INTO dossier_meta (key, value) VALUES ('lineage', \(made)) ON CONFLICT (key) DO NOTHING")
        let stored = try decode(try link.query("SELECT value FROM dossier_meta WHERE key = 'lineage'").first, as: String.self)
        lineage = stored
        return stored
    }

    /// Whether the change with this id is in the log, asked under the append lock: a transaction whose COMMIT got no
    /// answer holds that lock until the server has committed or rolled it back, so once the lock is ours the answer is
    /// final. (Asked without it, a COMMIT still on its way read as "not in", and trying again put it in twice.)
    private func committedAlready(_ id: String) throws(StoreError) -> Bool {
        try link.transaction { () throws(StoreError) -> Bool in
            try takeAppendLock()
            return !(try link.query("SELECT 1 FROM dossier_changes WHERE change_id = \(id)")).isEmpty
        }
    }

    /// The lock every writer of the log takes in its transaction, waited for at most `PostgresSchema.appendLockWait`:
    /// a writer stuck while holding it (suspended, or a session left open by hand) makes the others busy, not frozen.
    func takeAppendLock() throws(StoreError) {
        try link.query("SET LOCAL lock_timeout = '\(unescaped: String(PostgresSchema.appendLockWait))s'")
        try link.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLock))")
    }
}
#endif
