/// The files of a dossier at `path`: the snapshot itself and, beside it, the journal, the lock, the
/// archived journal segments and the backups.
public struct StoreFiles: Hashable, Sendable {
    public let snapshot: String

    public init(_ snapshot: String) {
        self.snapshot = snapshot
    }

    public var directory: String { FilePath.directory(of: snapshot) }
    public var journal: String { snapshot + ".journal" }
    public var lock: String { snapshot + ".lock" }
    /// Held by the one program that compacts, for as long as it writes the new snapshot.
    public var compactionLock: String { snapshot + ".compact.lock" }
    /// Archived journal segments `journal-FIRST-LAST.jsonl`: the audit trail across compactions.
    public var history: String { snapshot + ".history" }
    /// Previous snapshots, kept at each compaction.
    public var backups: String { snapshot + ".backups" }
    /// What the start screen and `dossier relations` show, for exactly the snapshot and journal beside it
    /// (`SideIndex`); a cache, never the source.
    public var sideIndex: String { snapshot + ".index" }
    /// Where every activity of a snapshot this program wrote lies in it, for listing them without reading it
    /// (`ActivityIndex`); a cache, never the source.
    public var activityIndex: String { snapshot + ".activities" }

    /// Which of this dossier's own files `path` names (links resolved, also one not there yet), said as a user
    /// knows it, the dossier called `dossier` ("het journaal van het dossier"); nil for any other path. Output written
    /// there would destroy the dossier.
    public func part(named path: String, fileSystem: any FileSystem, dossier: String = "het dossier") -> String? {
        let own = StoreFiles(StoreFiles.realPath(of: snapshot, fileSystem: fileSystem))
        let target = StoreFiles.realPath(of: path, fileSystem: fileSystem)
        let (companions, folders) = own.companions(of: dossier)
        if let file = ([(own.snapshot, "\(dossier) zelf")] + companions).first(where: { $0.0 == target }) { return file.1 }
        if let folder = folders.first(where: { target == $0.0 }) { return folder.1 }
        return folders.first { target.hasPrefix($0.0 + "/") }.map { "een bestand in " + $0.1 }
    }

    /// The dossier whose own file `path` is (its journal, lock or indexes beside it, or a file in its backups or
    /// history), when that dossier's snapshot is there; nil otherwise. `path` with its links resolved.
    public static func owner(of path: String, fileSystem: any FileSystem) -> StoreFiles? {
        // The names beside a snapshot called "": what each adds to the snapshot's path.
        let (companions, folders) = StoreFiles("").companions(of: "")
        let bases = companions.map(\.0).filter(path.hasSuffix).map { String(path.dropLast($0.count)) }
            + folders.compactMap { folder in path.ranges(of: folder.0 + "/").last.map { String(path[..<$0.lowerBound]) } }
        return bases.first { (try? fileSystem.status($0))??.kind == .regular }.map(StoreFiles.init)
    }

    /// The files beside the snapshot and the folders that belong to it, each as a user knows it.
    private func companions(of dossier: String) -> (files: [(String, String)], folders: [(String, String)]) {
        ([(journal, "het journaal van \(dossier)"), (lock, "het slot van \(dossier)"), (compactionLock, "het slot van \(dossier)"),
          (sideIndex, "de index van \(dossier)"), (activityIndex, "de activiteitenindex van \(dossier)")],
         [(history, "de geschiedenis van \(dossier)"), (backups, "de back-ups van \(dossier)")])
    }

    /// Whether a dossier lives here beside the snapshot: its journal, backups or history are there (and, with
    /// `countingLock`, the lock that any program that opened it leaves behind).
    public func hasTraces(fileSystem: any FileSystem, countingLock: Bool = false) -> Bool {
        ([journal, backups, history] + (countingLock ? [lock] : [])).contains { (try? fileSystem.status($0)) ?? nil != nil }
    }

    public func historySegment(first: Int, last: Int) -> String {
        FilePath.join(history, "journal-\(pad(first))-\(pad(last)).jsonl")
    }

    /// The roles a database recorded for the changes of the segment `historySegment(first:last:)` that a copy brought
    /// into this file (`JournalRoles`); not a segment, so `lastSequence(ofSegment:)` passes it by, as older programs do.
    public func historyRoles(first: Int, last: Int) -> String {
        FilePath.join(history, "\(Self.rolesPrefix)\(pad(first))-\(pad(last)).jsonl")
    }

    static let rolesPrefix = "roles-"

    /// Where a journal goes that did not belong to its snapshot when that was restored: kept, never read by
    /// the log (`set-aside-journal-TIME.jsonl`).
    public func setAsideJournal(at moment: Timestamp) -> String {
        FilePath.join(history, "set-aside-journal-\(Backup.stamp(moment)).jsonl")
    }

    /// Where a snapshot goes that did not load when a backup was restored over it: kept among the backups, but under a
    /// name that is no backup's (`NAME-TIME-onleesbaar.json`), so that no list or advice offers it as a state to go
    /// back to.
    public func setAsideSnapshot(at moment: Timestamp) -> String {
        FilePath.join(backups, "\(Backup.stem(FilePath.name(of: snapshot)))-\(Backup.stamp(moment))-onleesbaar.json")
    }

    /// The files set aside when a dossier that did not load was restored (`setAsideJournal`, `setAsideSnapshot`): outside
    /// the log and the backups, but still holding what they held.
    public func setAsideFiles(fileSystem: any FileSystem) -> [String] {
        let journals = ((try? fileSystem.contentsOfDirectory(history)) ?? []).filter { $0.hasPrefix("set-aside-journal-") && $0.hasSuffix(".jsonl") }
            .map { FilePath.join(history, $0) }
        let snapshots = ((try? fileSystem.contentsOfDirectory(backups)) ?? []).filter { $0.hasSuffix("-onleesbaar.json") }.map { FilePath.join(backups, $0) }
        return (journals + snapshots).sorted()
    }

    /// The last entry number in an archived segment's name (`journal-FIRST-LAST.jsonl`).
    public static func lastSequence(ofSegment name: String) -> Int? {
        guard name.hasPrefix("journal-"), name.hasSuffix(".jsonl") else { return nil }
        let parts = name.dropFirst("journal-".count).dropLast(".jsonl".count).split(separator: "-")
        guard parts.count == 2 else { return nil }
        return Int(parts[1])
    }

    /// The real path of a store named `path`: links resolved, so every name of one dossier shares one set
    /// of files. A dossier that does not exist yet is resolved through its folder.
    public static func realPath(of path: String, fileSystem: any FileSystem) -> String {
        if let resolved = fileSystem.realPath(path) { return resolved }
        if (try? fileSystem.status(path)) != nil {
            return path  // a dangling link: leave it, so that opening it is refused as a link
        }
        let directory = FilePath.directory(of: path)
        guard let resolvedDirectory = fileSystem.realPath(directory) else { return path }
        return FilePath.join(resolvedDirectory, FilePath.name(of: path))
    }

    private func pad(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 9 - text.count)) + text
    }
}
