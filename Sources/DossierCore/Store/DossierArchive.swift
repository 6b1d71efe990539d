/// A whole dossier with everything it remembers, to move it from one storage to another (`dossier copy`): the
/// current state as a snapshot, every journal line ever written — byte for byte, so the checksums and the
/// chain of lines hold on the other side — and the backups.
public struct DossierArchive: Sendable {
    /// The current dossier, encoded, with its lineage, the number of its last change and that change's checksum.
    public var snapshot: [UInt8]
    public var sequence: Int
    /// Journal lines without their line break, oldest first, each as `{"crc":…,"entry":…}`.
    public var lines: [[UInt8]]
    public var backups: [ArchivedBackup]
    /// The roles a database recorded for the changes, by change number: kept beside the lines, which cannot hold them
    /// (a file keeps them in `JournalRoles`, a database in its own columns).
    public var roles: [Int: RecordedRole]

    public init(snapshot: [UInt8], sequence: Int, lines: [[UInt8]], backups: [ArchivedBackup], roles: [Int: RecordedRole] = [:]) {
        self.snapshot = snapshot
        self.sequence = sequence
        self.lines = lines
        self.backups = backups
        self.roles = roles
    }

    /// The entries the lines hold, checked (checksums, numbers in order, the chain).
    public func entries() throws(JournalFile.Damage) -> JournalFile {
        var bytes: [UInt8] = []
        for line in lines {
            bytes += line
            bytes.append(UInt8(ascii: "\n"))
        }
        return try JournalFile.parse(bytes)
    }
}

/// A previous snapshot, with when it was replaced and the last change it holds.
public struct ArchivedBackup: Sendable {
    public var name: String
    public var sequence: Int
    public var timestamp: Timestamp
    public var bytes: [UInt8]

    public init(name: String, sequence: Int, timestamp: Timestamp, bytes: [UInt8]) {
        self.name = name
        self.sequence = sequence
        self.timestamp = timestamp
        self.bytes = bytes
    }
}

/// A storage a whole dossier can be copied out of and into.
public protocol ArchiveStorage: DossierStorage {
    /// Whether the storage holds no dossier yet (a copy into it needs no `--replace`).
    func holdsNothing() throws(StoreError) -> Bool
    func exportArchive() throws(StoreError) -> DossierArchive
    /// Puts a whole dossier in; `replacing` allows it where one is already (otherwise refused).
    func importArchive(_ archive: DossierArchive, replacing: Bool) throws(StoreError)
}

extension JournalFile {
    /// The complete lines of a journal's bytes (as `parse` reads them), without their line breaks.
    public static func lines(of bytes: [UInt8], upTo length: Int) -> [[UInt8]] {
        bytes[..<min(length, bytes.count)].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).compactMap(entryLine).map(Array.init)
    }
}
