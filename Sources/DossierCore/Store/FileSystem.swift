/// What a store needs from the file system, as one seam: the real implementation calls POSIX, tests
/// put a failing one in its place (disk full, read-only, file removed) to show nothing is lost.
///
/// The store's own files (snapshot, journal, lock, backups, history, temporaries) are never reached through a
/// symbolic link and are always regular files: opening one that is a link or a device is refused with
/// `SystemErrorCode.symbolicLink` or `.notRegularFile`, so a planted link cannot redirect a write.
public protocol FileSystem: Sendable {
    /// The whole content of a regular file, not following a link at `path`.
    func readFile(_ path: String) throws(FileSystemError) -> [UInt8]
    /// Opens a regular file for reading, not following a link at `path`.
    func openForReading(_ path: String) throws(FileSystemError) -> Int32
    /// Everything from `offset` to the end of an open file.
    func read(_ descriptor: Int32, from offset: Int64, path: String) throws(FileSystemError) -> [UInt8]
    /// From `offset` into `buffer`, as much as fits and the file has; returns how many bytes.
    func read(_ descriptor: Int32, from offset: Int64, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(FileSystemError) -> Int
    /// What an open file is now (it may have been renamed or replaced at its path since).
    func status(of descriptor: Int32, path: String) throws(FileSystemError) -> FileStatus
    /// What is at `path` itself (a link is reported as a link, not followed). Nil when nothing exists there.
    func status(_ path: String) throws(FileSystemError) -> FileStatus?
    /// The path with every symbolic link and `.`/`..` resolved; nil when it does not exist.
    func realPath(_ path: String) -> String?
    /// Creates a new file that must not exist yet, with exactly `mode`, open for writing.
    func createExclusive(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32
    /// Opens a file for appending, creating it with `mode` when missing.
    func openForAppending(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32
    /// Writes all bytes or fails.
    func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(FileSystemError)
    /// Flushes a file's data to the disk (fsync).
    func synchronize(_ descriptor: Int32, path: String) throws(FileSystemError)
    func truncate(_ descriptor: Int32, length: Int64, path: String) throws(FileSystemError)
    func close(_ descriptor: Int32)
    func rename(_ source: String, to destination: String) throws(FileSystemError)
    func removeFile(_ path: String) throws(FileSystemError)
    /// Removes an empty directory.
    func removeDirectory(_ path: String) throws(FileSystemError)
    /// Flushes a directory, so that a rename in it survives a power cut.
    func synchronizeDirectory(_ path: String) throws(FileSystemError)
    /// Creates a directory and its missing parents with `mode`.
    func createDirectory(_ path: String, mode: UInt32) throws(FileSystemError)
    func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String]
    /// A second name for an existing file (a hard link); a backup that costs no copying.
    func link(_ existing: String, to newPath: String) throws(FileSystemError)
    /// Whether this process may write the file or, for a directory, create and rename files in it (its owner,
    /// group and others' permissions, as the system judges them for this user).
    func mayWrite(_ path: String) -> Bool
    /// Whether `path` lies on a file system mounted read-only (a write-protected stick, a share mounted so): no one
    /// may write there, whatever the permissions say.
    func isOnReadOnlyVolume(_ path: String) -> Bool
    /// Gives what is at `path` (not followed when a link) the group `group`, where this user may; else leaves it.
    func changeGroup(_ path: String, to group: UInt32)
    /// Gives what is at `path` (never a link) the permission bits `mode`, where this user may; else leaves it.
    func changeMode(_ path: String, to mode: UInt32)
    /// Where the symbolic link at `path` points (as written in the link); nil when it is none.
    func linkTarget(_ path: String) -> String?
}

extension FileSystem {
    /// A file system for tests says yes; the real one asks the system.
    public func mayWrite(_ path: String) -> Bool { true }

    /// A file system for tests is writable; the real one asks the system.
    public func isOnReadOnlyVolume(_ path: String) -> Bool { false }

    /// A file system for tests has no groups; the real one sets it.
    public func changeGroup(_ path: String, to group: UInt32) {}

    /// A file system for tests keeps the modes it made; the real one sets them.
    public func changeMode(_ path: String, to mode: UInt32) {}

    /// A file system for tests has no links; the real one reads them.
    public func linkTarget(_ path: String) -> String? { nil }

    /// Reads an open file from `offset` into `buffer`, as much as fits and the file has; returns how many
    /// bytes. (A file system that only reads whole files gets it through `read(_:from:path:)`.)
    public func read(_ descriptor: Int32, from offset: Int64, into buffer: UnsafeMutableRawBufferPointer,
                     path: String) throws(FileSystemError) -> Int {
        let bytes = try read(descriptor, from: offset, path: path)
        let count = min(bytes.count, buffer.count)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: count) }
        return count
    }
}

/// What the store needs to know about a file: enough to see that someone else changed it.
public struct FileStatus: Hashable, Sendable {
    public var size: Int64
    /// Permission bits (`0o600`).
    public var mode: UInt32
    public var modificationSeconds: Int64
    public var modificationNanoseconds: Int64
    public var inode: UInt64
    public var kind: Kind
    /// When the file's status last changed (ctime): also set by a write or a rename, and never by hand
    /// (`touch` cannot set it). What tells the store's side index that a file is not the one it described.
    public var statusChangeSeconds: Int64
    public var statusChangeNanoseconds: Int64
    /// The file's group (0 where a file system for tests has none).
    public var group: UInt32
    /// The user who owns the file (0 where a file system for tests has none).
    public var owner: UInt32

    public enum Kind: Hashable, Sendable {
        case regular, directory, symbolicLink
        /// A device, a named pipe, a socket.
        case special
    }

    public init(size: Int64, mode: UInt32, modificationSeconds: Int64, modificationNanoseconds: Int64, inode: UInt64, kind: Kind,
                statusChangeSeconds: Int64 = 0, statusChangeNanoseconds: Int64 = 0, group: UInt32 = 0, owner: UInt32 = 0) {
        self.group = group
        self.owner = owner
        self.size = size
        self.mode = mode
        self.modificationSeconds = modificationSeconds
        self.modificationNanoseconds = modificationNanoseconds
        self.inode = inode
        self.kind = kind
        self.statusChangeSeconds = statusChangeSeconds
        self.statusChangeNanoseconds = statusChangeNanoseconds
    }

    public var isDirectory: Bool { kind == .directory }
}

/// A failed file operation: which, on what, and the system's error number.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// In Dutch, naming the file: "kan /data/dossier.json niet opslaan: de schijf is vol".
    public var description: String {
        "kan \(path) niet \(operation): \(reason)"
    }

    /// The cause in plain Dutch.
    public var reason: String {
        switch code {
        case SystemErrorCode.noSpace: "de schijf is vol"
        case SystemErrorCode.quotaExceeded: "het schijfquotum is bereikt"
        case SystemErrorCode.accessDenied, SystemErrorCode.notPermitted: "geen toestemming"
        case SystemErrorCode.readOnlyFileSystem: "het bestandssysteem is alleen-lezen"
        case SystemErrorCode.noSuchFile: "het bestand of de map bestaat niet (meer)"
        case SystemErrorCode.ioError: "lees- of schrijffout van de schijf"
        case SystemErrorCode.isDirectory: "is een map, geen bestand"
        case SystemErrorCode.notDirectory: "een deel van het pad is geen map"
        case SystemErrorCode.wouldBlock: "is in gebruik door een ander programma"
        case SystemErrorCode.symbolicLink:
            "is een symbolische koppeling; dossier volgt voor zijn eigen bestanden geen koppelingen (haal de koppeling weg als u die niet zelf hebt gemaakt)"
        case SystemErrorCode.notRegularFile: "is geen gewoon bestand (een apparaat, pijp of socket)"
        case SystemErrorCode.badDescriptor: "die is gesloten"
        case SystemErrorCode.brokenPipe: "wie de uitvoer las, is gestopt"
        default: "systeemfout \(code)"
        }
    }
}

/// The errno values the messages distinguish (Linux numbering; also right on macOS for these).
public enum SystemErrorCode {
    public static let notPermitted: Int32 = 1
    public static let noSuchFile: Int32 = 2
    public static let ioError: Int32 = 5
    public static let badDescriptor: Int32 = 9
    public static let wouldBlock: Int32 = 11
    public static let accessDenied: Int32 = 13
    public static let fileExists: Int32 = 17
    public static let notDirectory: Int32 = 20
    public static let isDirectory: Int32 = 21
    public static let noSpace: Int32 = 28
    public static let brokenPipe: Int32 = 32
    public static let readOnlyFileSystem: Int32 = 30
    public static let symbolicLink: Int32 = 40
    public static let quotaExceeded: Int32 = 122
    /// Not an errno: a device, pipe or socket where the store expects a regular file.
    public static let notRegularFile: Int32 = -1
}
