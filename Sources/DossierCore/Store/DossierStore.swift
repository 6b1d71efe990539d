#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dossier on disk: a snapshot (`NAME`) and the journal of changes made since (`NAME.journal`), shared by
/// any number of programs that read and write it at the same time.
///
/// - Loading reads the snapshot and replays the journal entries after it; a last journal line cut off by a
///   crash is ignored with a notice.
/// - A change takes the lock (`NAME.lock`) only while it is appended: the store first reads what others
///   appended since it last looked and applies that (`catchUp`), then applies the change, appends it and
///   flushes it to disk (fsync) before it counts as done; if that fails, memory is put back and nothing is
///   half-written. A change that no longer holds after the others' is refused, naming the colleague's change.
/// - `refresh` does the reading part alone, under a shared lock, so an open screen follows the others.
/// - Past a threshold the store compacts: the new snapshot is written without the lock, then put in place
///   under it (the previous snapshot goes to the backups folder, the journal to the history folder). One
///   program compacts at a time (`NAME.compact.lock`); the others follow the archived journal unnoticed.
/// - The store is known by its real path: links to it are resolved once, when it is opened, so every name of
///   one dossier shares one lock, one journal and one set of backups, and a compaction replaces the real file,
///   never a link. Its own files (lock, journal, temporaries, backups, history) are never reached through a
///   link (see `FileSystem`).
/// - The journal must continue the snapshot (`JournalContinuity`); one that does not is refused, never
///   skipped or merged, and nothing is written after such a refusal.
public final class DossierStore {
    public let files: StoreFiles
    public let fileSystem: any FileSystem
    public let configuration: StoreConfiguration
    /// For the time of a colleague's change in a conflict message.
    public var clock = Clock.system
    /// What the user should know about the last load, change or compaction (a torn line ignored …).
    public internal(set) var notices: [String] = []

    /// Who writes, for the lock file while a change is appended; nil while this store only reads.
    var writer: String?
    var lastSequence = 0
    /// The dossier's lineage (nil until it has one: it gets one when it is first written).
    var lineage: String?
    /// The checksum of the last journal entry in the dossier ("" when there is none).
    var tail = ""
    /// The snapshot file this store's state follows, and the last journal entry it holds.
    var snapshotFile: FileIdentity?
    var snapshotSequence = 0
    /// The journal file this store read (nil: there was none), and how far: complete lines, in bytes and lines.
    var journalFile: UInt64?
    /// The journal's size when it was last read or written (a torn tail included).
    var journalSeenSize: Int64 = 0
    /// The journal was found shorter than this program last saw it, with the same snapshot: lines taken away outside it.
    /// Said at every load (the side index that shows it is kept) until a change is saved.
    var journalCutShort = false
    var journalLength = 0
    /// The last complete line of the journal this store read or wrote: where it starts, and its checksum. A journal
    /// that no longer holds it there, or is shorter than what was read, was cut back or copied over outside the program.
    var tailLine: (start: Int, checksum: String)?
    var journalLines = 0
    var journalEntryCount = 0
    var journalFirstSequence: Int?
    var migratedFrom: Int?
    /// Set when a line of a newer program was met: reading stopped there and nothing is written.
    var newerVersion: Int?
    /// Set when the files were replaced in a way this store cannot follow; `load` clears it.
    var isReplacedOutside = false
    /// Changes by others, applied while catching up, with what they touched, newest last (for naming the
    /// colleague in a conflict).
    var recentOthers: [JournalEntry] = []
    /// Changes by others applied during `commit`, waiting for `takeOthersChanges`.
    var pendingOthers: [OthersChange] = []
    /// Held from `snapshotWrite` until the written snapshot is put in place or dropped.
    var compactionLock: FileLock?
    /// Whether this store gave its own files beside a dossier shared with its group that group (once, at its first lock).
    var sharedOwnFiles = false
    /// The journal ends in a whole entry without its line break (`JournalFile.unendedEntry`) that continues what this
    /// store holds, not read yet: the next change ends the line and takes it in; a merge before that would leave it out,
    /// and waits.
    var journalTailLacksOnlyLineBreak = false
    /// The history folder as `checkHistoryEnds` last listed it, and the highest change number its segments hold.
    var historyEnd: (folder: FileIdentity, sequence: Int)?
    /// Where this store's own append failed and could not be cut off again: that line is cut off, never ended.
    var abandonedAppend: Int?
    /// The listing (read with the names) in which a command's name found nothing, with the stamps of the files it
    /// was read from: the refusal that follows takes its catalog from it instead of reading the index again
    /// (`loadForNaming`).
    var unansweredListing: (files: ListingStamps, listing: ActivityListing)?
    /// The last change `load` applied from the journal, with what undoes it (nil for a backup put back); nil when the
    /// journal held none after the snapshot, or when not asked for (`keepsUndoOfLastChange`).
    var lastReplayed: (entry: JournalEntry, undo: Restoration?)?
    /// Whether `load` keeps the last change it applied with what undoes it (for `dossier undo` only: after an import, what
    /// undoes it is every record it touched, as it was).
    public var keepsUndoOfLastChange = false

    public var path: String { files.snapshot }
    /// Whether this store was opened for writing (`openForWriting`).
    public var isWritable: Bool { writer != nil }
    /// The number of the last change in the dossier (snapshot and journal).
    public var sequence: Int { lastSequence }
    /// Whether `commit` compacts when the journal passes the threshold. The TUI turns this off and
    /// compacts on another thread instead (see `snapshotWrite(of:)`), so that no key waits for it.
    public var compactsAfterCommit = true
    /// The steps that convert an older file format on load (tests give their own).
    public var migrations = SchemaMigrations.all
    /// The summary of the last change committed through this store.
    public internal(set) var lastSummary: String?
    /// Check every rule of the snapshot on load, even when the side index says this program wrote or
    /// checked it and it has not changed since (`dossier validate`).
    public var checksEverything = false

    /// `path` may be a link, or reached through one: the store works on the file it resolves to.
    public init(path: String, fileSystem: any FileSystem = PosixFileSystem(), configuration: StoreConfiguration = StoreConfiguration()) {
        files = StoreFiles(StoreFiles.realPath(of: path, fileSystem: fileSystem))
        self.fileSystem = fileSystem
        self.configuration = configuration
    }

    // MARK: Opening

    /// Makes this store one that writes, as `actor` (named in the lock file while a change is appended, so a
    /// colleague who has to wait knows for whom). Nothing is locked until a change is made.
    public func openForWriting(actor: String) throws(StoreError) {
        try checkMayWrite()
        writer = "\(actor) (proces \(ProcessIdentity.id))"
    }

    /// Refuses to write a dossier this user may not change. One whose owner took away its write permission is
    /// meant to stay as it is: not written (the journal beside it) and not replaced (merging writes a new file
    /// in its place, which would bring the permission back, and make the writer its owner). The same for one
    /// the system does not let this user write (a colleague's file the group may only read), and for a folder
    /// that does not take the journal, the lock and the backups. Checked again before every change: the
    /// permission may be taken away while the dossier is open.
    func checkMayWrite() throws(StoreError) {
        // Not a matter of permissions: nobody can give them.
        if fileSystem.isOnReadOnlyVolume(files.directory) {
            throw .notPermitted(location: files.directory, reason: "deze map staat op een schijf die alleen gelezen kan worden (alleen-lezen gekoppeld, of een "
                                + "beveiligde USB-stick); kopieer het dossier naar een schrijfbare plek (dossier copy) of laat de schijf schrijfbaar koppelen")
        }
        if let status = try? fileSystem.status(path), status.kind == .regular {
            // Only the owner can give the write permission back: to anyone else the owner is named.
            if status.mode & 0o200 == 0 {
                throw .notPermitted(location: path, reason: SystemUser.isSelf(status.owner) ? "het bestand is schrijfbeveiligd (chmod u+w maakt het weer schrijfbaar)"
                                    : "het bestand is schrijfbeveiligd; \(StoreError.giver(status)) of de beheerder kan het weer schrijfbaar maken "
                                    + "(chmod ug+w: ook voor de groep)")
            }
            if !fileSystem.mayWrite(path) {
                throw .notPermitted(location: path, reason: "u hebt geen schrijfrechten op dit bestand (\(StoreError.giver(status)) kan ze geven)")
            }
        }
        for companion in [files.journal, files.lock] where (try? fileSystem.status(companion)) != nil && !fileSystem.mayWrite(companion) {
            throw .notPermitted(location: companion, reason: "u hebt geen schrijfrechten op dit bestand naast het dossier "
                                + "(de eigenaar kan ze geven; is het van u, dan maakt chmod u+w het weer schrijfbaar)")
        }
        // (A folder that is not there at all, a network drive gone, is said by the write that fails.)
        if (try? fileSystem.status(files.directory)) != nil, !fileSystem.mayWrite(files.directory) {
            throw .notPermitted(location: files.directory,
                                reason: "u mag in deze map niet schrijven, en het journaal, het slot en de back-ups staan naast het dossier")
        }
    }

    /// Refuses to merge when the backups or history folder is there but this user may not write in it (a colleague's,
    /// made before the dossier was shared with the group): the previous state could not be kept, nor the journal
    /// archived. Said of the folder, with who can change it; the change itself is in the journal already.
    func checkMayWriteFolders() throws(StoreError) {
        for (folder, use) in [(files.backups, "bewaart daar de vorige stand"), (files.history, "zet daar het journaal bij de geschiedenis")] {
            guard let status = try? fileSystem.status(folder), status.isDirectory, !fileSystem.mayWrite(folder) else { continue }
            throw .notPermitted(location: folder, reason: "u mag in deze map naast het dossier niet schrijven, en samenvoegen \(use); "
                                + "\(StoreError.giver(status)) of de beheerder kan de map de groep en de groepsrechten van het dossier geven")
        }
    }

    /// Reads the snapshot and replays the journal. A damaged file is reported and left as it is.
    ///
    /// Another program may compact while this one reads (a new snapshot, the journal archived): the pair
    /// read is used only when the snapshot at the path is still the one read; otherwise it is read again.
    public func load() throws(StoreError) -> Dossier {
        // Nor beside the whole dossier.
        unansweredListing = nil
        var attempt = 0
        while true {
            attempt += 1
            var identity: FileIdentity?
            do {
                let dossier = try loadOnce(snapshotIdentity: &identity)
                if attempt >= 20 || !snapshotReplaced(since: identity) { return try finishLoad(dossier) }
            } catch {
                if attempt >= 20 || !snapshotReplaced(since: identity) { throw error }
            }
            usleep(UInt32(min(attempt, 10)) * 5_000)
        }
    }

    /// Whether anything of a dossier is left beside a missing snapshot: its journal, backups or history.
    public func hasTraces() -> Bool {
        files.hasTraces(fileSystem: fileSystem)
    }

    /// Whether the snapshot at the path is no longer the file that was read (a compaction replaced it).
    func snapshotReplaced(since identity: FileIdentity?) -> Bool {
        guard let identity else { return false }
        return (try? fileSystem.status(path)).flatMap { $0.map(FileIdentity.init) } != identity
    }

    private func loadOnce(snapshotIdentity: inout FileIdentity?) throws(StoreError) -> Dossier {
        notices = []
        lastReplayed = nil
        let descriptor = try readingSnapshot { () throws(FileSystemError) in try fileSystem.openForReading(path) }
        defer { fileSystem.close(descriptor) }
        let status = try readingSnapshot { () throws(FileSystemError) in try fileSystem.status(of: descriptor, path: path) }
        snapshotIdentity = FileIdentity(status)
        // A snapshot this program wrote or checked in full, unchanged since (the side index's stamps say so),
        // is not checked again; the journal entries after it are, each as it is applied.
        let vouching = sideIndexVouches(for: status)
        let checking = vouching.map { DossierFile.Checking.unless(sequence: $0.sequence) } ?? .all
        var dossier: Dossier, migratedFrom: Int?
        // A large one is decoded from memory handed back page by page as it is read, its long arrays read only as the
        // decoding reaches them: never in memory twice, nor whole.
        if status.size >= JSONReader.parallelMinimum, let buffer = try readingSnapshot({ () throws(FileSystemError) in
            try SnapshotBuffer(reading: descriptor, size: Int(status.size), fileSystem: fileSystem, path: path, deferringLongArrays: true)
        }), let decoded = DossierFile.decodeReleasing(buffer, checking: checking) {
            dossier = decoded
        } else {
            let bytes = try readingSnapshot { () throws(FileSystemError) in try fileSystem.read(descriptor, from: 0, path: path) }
            (dossier, migratedFrom) = try DossierFile.decodeMigrating(bytes, file: path, migrations: migrations, checking: checking)
        }
        follow(snapshot: dossier, file: snapshotIdentity, migratedFrom: migratedFrom)
        try checkHistoryEnds(before: dossier.journalSequence + 1, whenReadable: true)
        guard let (journal, identity, size) = try readJournal(from: 0) else { return dossier }
        let newEntries: ArraySlice<JournalEntry>
        do {
            newEntries = try JournalContinuity.newEntries(of: journal, after: dossier)
        } catch {
            throw .foreignJournal(journal: files.journal, snapshot: path, reason: error.reason)
        }
        if lineage == nil { lineage = newEntries.first?.lineage }
        for (index, entry) in zip(newEntries.indices, newEntries) {
            let undo = try replay(entry, into: &dossier, line: journal.entryLines[index])
            if keepsUndoOfLastChange { lastReplayed = (entry, undo) }
            lastSequence = entry.sequence
            tail = journal.checksums[index]
        }
        journalFile = identity
        journalSeenSize = size
        absorb(journal)
        // The side index saw this very journal (same file) longer, with this snapshot: changes were cut from it outside the program.
        journalCutShort = false
        if let seen = vouching?.journal, let vouching, seen.inode == identity, size < seen.size, lastSequence < vouching.journalSequence {
            journalCutShort = true
            let lost = lastSequence + 1 == vouching.journalSequence ? "wijziging \(vouching.journalSequence) ontbreekt"
                : "de wijzigingen \(lastSequence + 1)–\(vouching.journalSequence) ontbreken"
            notices.append("Het journaal \(files.journal) is korter dan toen dossier het het laatst las: \(lost). Het is buiten dossier om "
                           + "ingekort of teruggezet (een synchronisatieprogramma, een editor, een oude kopie). Zet een kopie met die wijzigingen terug "
                           + "vóórdat er iets nieuws wordt opgeslagen; daarna telt het journaal zoals het nu is.")
        }
        if journalTailLacksOnlyLineBreak {
            notices.append("De laatste regel van het journaal mist haar regeleinde (een collega slaat net op, het journaal is in een editor "
                           + "bewaard, of een opslag werd onderbroken); ze telt mee zodra er weer iets wordt opgeslagen.")
        } else if journal.hasTornTail {
            notices.append("Het journaal eindigde met een half geschreven regel (een onderbroken opslag); die is genegeerd.")
        }
        return dossier
    }

    /// Makes a snapshot just read (`dossier`, from `file`) the state this store follows: its place in the log,
    /// and no journal read yet.
    func follow(snapshot dossier: Dossier, file: FileIdentity?, migratedFrom: Int?) {
        lastSequence = dossier.journalSequence
        snapshotSequence = dossier.journalSequence
        snapshotFile = file
        lineage = dossier.lineage
        tail = dossier.journalTail
        forgetJournal()
        newerVersion = nil
        isReplacedOutside = false
        recentOthers = []
        pendingOthers = []
        self.migratedFrom = migratedFrom
    }

    /// A step of reading the snapshot, its failure said as the store says it.
    func readingSnapshot<T>(_ step: () throws(FileSystemError) -> T) throws(StoreError) -> T {
        do {
            return try step()
        } catch {
            // A link to a file that is not there (a network drive not mounted, the file moved): said as that, not as a link refused.
            if error.code == SystemErrorCode.symbolicLink, fileSystem.realPath(path) == nil, let target = fileSystem.linkTarget(path) {
                // Said only when what it points to is surely not there (not a loop, not a folder this user may not look in).
                let pointed = target.hasPrefix("/") ? target : FilePath.join(FilePath.directory(of: path), target)
                let absent: Bool
                do { absent = try fileSystem.status(pointed) == nil } catch { absent = false }
                if absent { throw .missing(file: "\(pointed), waar de koppeling \(path) naar wijst,") }
            }
            if error.code == SystemErrorCode.noSuchFile { throw hasTraces() ? .snapshotMissing(file: path, hasBackups: (try? backups()).map { !$0.isEmpty } ?? true,
                                                     hasJournal: (try? fileSystem.status(files.journal)) ?? nil != nil) : .dossierMissing(file: path) }
            throw .reading(error, fileSystem: fileSystem)
        }
    }

    private func finishLoad(_ dossier: Dossier) throws(StoreError) -> Dossier {
        if isWritable { removeLeftoverTemporaryFiles() }
        if let migratedFrom {
            let versions = "schemaVersion \(migratedFrom) naar \(Dossier.currentSchemaVersion)"
            if isWritable {
                // Compacting keeps the old file in the backups folder before the converted one takes its place.
                try compact(dossier, at: clock.now())
                notices.append("Het dossier is omgezet van \(versions); het oude bestand staat bij de back-ups (dossier backups toont ze).")
            } else {
                notices.append("Het dossier heeft een oudere opmaak (\(versions)); het wordt omgezet zodra het met schrijfrechten geopend wordt.")
            }
        }
        return dossier
    }

    // MARK: History and backups

    /// Every journal entry ever recorded: the archived segments and the current journal, in order.
    public func history() throws(StoreError) -> [JournalEntry] { try history(after: 0) }

    /// The journal entries after change `sequence`, from the archived segments and the current journal, in order.
    /// Each with the role a database recorded for it, when a copy brought it from one (`JournalRoles`).
    public func history(after sequence: Int) throws(StoreError) -> [JournalEntry] {
        var entries: [Int: JournalEntry] = [:]
        let roles = try recordedRoles()
        for segment in try archivedSegments(after: sequence) {
            var journal = try readSegment(segment)
            JournalRoles.apply(roles, to: &journal)
            for entry in journal.entries { entries[entry.sequence] = entry }
        }
        if let bytes = try read(files.journal) {
            do {
                for entry in try JournalFile.parse(bytes).entries { entries[entry.sequence] = entry }
            } catch {
                throw .damagedJournal(file: files.journal, damage: error)
            }
        }
        return entries.keys.sorted().filter { $0 > sequence }.compactMap { entries[$0] }
    }

    /// The roles a database recorded for the changes a copy brought into this file (`PAD.history/roles-…`), by number.
    func recordedRoles() throws(StoreError) -> [Int: JournalRoles.Mark] {
        let names: [String]
        do {
            guard try fileSystem.status(files.history) != nil else { return [:] }
            names = try fileSystem.contentsOfDirectory(files.history).filter { $0.hasPrefix(StoreFiles.rolesPrefix) && $0.hasSuffix(".jsonl") }.sorted()
        } catch {
            throw .reading(error, fileSystem: fileSystem)
        }
        var marks: [Int: JournalRoles.Mark] = [:]
        for name in names {
            let file = FilePath.join(files.history, name)
            guard let bytes = try read(file) else { continue }
            do {
                marks.merge(try JournalRoles.parse(bytes)) { $1 }
            } catch {
                throw .damagedJournal(file: file, damage: error)
            }
        }
        return marks
    }

    /// The last change of the log, after `load`, with what undoes it (nil for a backup put back): from the journal, or,
    /// once merged into the snapshot, by replaying the archived changes on the newest backup from before it. Nil when
    /// there is no change, or no backup and archive to rebuild the state before it from.
    public func lastChangeWithUndo() throws(StoreError) -> (entry: JournalEntry, undo: Restoration?)? {
        if let lastReplayed, lastReplayed.entry.sequence == lastSequence { return lastReplayed }
        guard lastSequence > 0 else { return nil }
        // The newest backup from before the last change that reads (one kept because it was damaged does not), then every
        // change after it from the archive and the journal; without them all the state before the last is not known.
        for backup in try backups() where backup.sequence < lastSequence {
            guard let bytes = try read(backup.path), var dossier = try? DossierFile.decode(bytes, file: backup.path) else { continue }
            let after = try history(after: dossier.journalSequence).filter { $0.sequence <= lastSequence }
            guard after.count == lastSequence - dossier.journalSequence, after.first?.sequence == dossier.journalSequence + 1 else { return nil }
            var result: (entry: JournalEntry, undo: Restoration?)?
            for (index, entry) in after.enumerated() {
                result = (entry, try replay(entry, into: &dossier, line: index + 1))
            }
            return result
        }
        return nil
    }

    /// The snapshots kept in the backups folder, newest first.
    public func backups() throws(StoreError) -> [Backup] {
        do {
            guard try fileSystem.status(files.backups) != nil else { return [] }
            return try fileSystem.contentsOfDirectory(files.backups).compactMap { name -> Backup? in
                guard let backup = Backup(name: name, directory: files.backups, snapshotName: FilePath.name(of: path)) else { return nil }
                var found = backup
                found.size = (try? fileSystem.status(backup.path))?.size ?? 0
                return found
            }.sorted { $0.name > $1.name }
        } catch {
            throw .reading(error, fileSystem: fileSystem)
        }
    }

    // MARK: Reading files

    func read(_ file: String) throws(StoreError) -> [UInt8]? {
        do {
            return try fileSystem.readFile(file)
        } catch {
            if error.code == SystemErrorCode.noSuchFile { return nil }
            throw .reading(error, fileSystem: fileSystem)
        }
    }

    /// The journal from byte `offset` on, parsed, with the identity of the file read and its size as read;
    /// nil when there is none.
    func readJournal(from offset: Int) throws(StoreError) -> (JournalFile, UInt64, Int64)? {
        let bytes: [UInt8], identity: UInt64
        do {
            let descriptor = try fileSystem.openForReading(files.journal)
            defer { fileSystem.close(descriptor) }
            identity = try fileSystem.status(of: descriptor, path: files.journal).inode
            bytes = try fileSystem.read(descriptor, from: Int64(offset), path: files.journal)
        } catch {
            if error.code == SystemErrorCode.noSuchFile { return nil }
            throw .reading(error, fileSystem: fileSystem)
        }
        do {
            return (try JournalFile.parse(bytes, firstLine: offset == 0 ? 1 : journalLines + 1), identity, Int64(offset + bytes.count))
        } catch {
            throw .damagedJournal(file: files.journal, damage: error)
        }
    }

    /// Whether `entry` is the next change after what this store holds: the next number, of its lineage, naming the last
    /// one's checksum.
    func continuesHeldState(_ entry: JournalEntry) -> Bool {
        entry.sequence == lastSequence + 1 && (lineage == nil || entry.lineage == lineage) && (entry.previous ?? tail) == tail
    }

    /// No journal followed: after a compaction archived it, or before one was read.
    func forgetJournal() {
        journalFile = nil
        journalSeenSize = 0
        journalLength = 0
        tailLine = nil
        journalLines = 0
        journalEntryCount = 0
        journalFirstSequence = nil
        journalTailLacksOnlyLineBreak = false
        abandonedAppend = nil
    }

    /// Takes in what a journal read added: its lines, entries and where reading stopped.
    func absorb(_ journal: JournalFile) {
        if let start = journal.lastLineStart, let checksum = journal.checksums.last { tailLine = (journalLength + start, checksum) }
        journalLength += journal.validLength
        journalTailLacksOnlyLineBreak = journal.unendedEntry.map { continuesHeldState($0.entry) } ?? false
        journalLines += journal.lineCount
        journalEntryCount += journal.entries.count
        if journalFirstSequence == nil { journalFirstSequence = journal.entries.first?.sequence }
        if let version = journal.newerVersion, newerVersion == nil {
            newerVersion = version
            notices.append(StoreError.newerVersion(file: files.journal, version: version).description)
        }
    }

    /// The archived journal segments holding entries after `sequence`, oldest first.
    func archivedSegments(after sequence: Int) throws(StoreError) -> [String] {
        do {
            guard try fileSystem.status(files.history) != nil else { return [] }
            return try fileSystem.contentsOfDirectory(files.history)
                .filter { (StoreFiles.lastSequence(ofSegment: $0) ?? 0) > sequence }
                .sorted()
                .map { FilePath.join(files.history, $0) }
        } catch {
            throw .reading(error, fileSystem: fileSystem)
        }
    }

    /// The highest change number the archived segments hold (0 when there are none).
    func highestArchivedSequence() throws(StoreError) -> Int {
        try archivedSegments(after: 0).compactMap { StoreFiles.lastSequence(ofSegment: FilePath.name(of: $0)) }.max() ?? 0
    }

    func readSegment(_ segment: String) throws(StoreError) -> JournalFile {
        guard let bytes = try read(segment) else { return JournalFile(entries: [], checksums: [], validLength: 0, hasTornTail: false) }
        do {
            return try JournalFile.parse(bytes)
        } catch {
            throw .damagedJournal(file: segment, damage: error)
        }
    }
}

/// A file as the store follows it: replaced (a new inode) or rewritten in place (size or time) is another.
struct FileIdentity: Hashable, Sendable {
    var inode: UInt64
    var size: Int64
    var seconds: Int64
    var nanoseconds: Int64

    init(_ status: FileStatus) {
        inode = status.inode
        size = status.size
        seconds = status.modificationSeconds
        nanoseconds = status.modificationNanoseconds
    }
}
