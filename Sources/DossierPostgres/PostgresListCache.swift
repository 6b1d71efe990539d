#if PostgreSQL
import DossierCore
import Foundation

/// A copy, on this computer, of the server's list index (`dossier_list_index`): the lists of the start screen.
/// Read while the server answers the start-up question, and believed only when the server's list for its
/// last change has exactly these bytes (the digest the server keeps of them, `md5`); so the first screen need not wait for
/// the connection and then for megabytes over it. A cache: deleting it loses nothing, and a stale, damaged or
/// foreign one is ignored.
///
/// `$XDG_CACHE_HOME/dossier/` (default `~/.cache/dossier/`), one file per database address (without a
/// password), readable by its owner only. Three header lines — what it is, the address, and the list's format,
/// digest, length and checksum — then the list itself.
public struct PostgresListCache: Sendable {
    public let path: String
    let address: String

    static let kind = "dossier lijstindex van een database 1"

    /// Nil without a home folder to keep it in.
    public init?(address: PostgresAddress, environment: [String: String]) {
        let folder: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            folder = cache + "/dossier"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folder = home + "/.cache/dossier"
        } else {
            return nil
        }
        self.init(folder: folder, address: address)
    }

    public init(folder: String, address: PostgresAddress) {
        self.address = address.description
        path = folder + "/postgres-" + CRC32.hex(CRC32.checksum(Array(self.address.utf8))) + ".list"
    }

    /// The list and the server's digest of it, when the file is whole and names this address and this
    /// program's list format.
    public func read() -> (digest: String, list: ListIndex)? {
        guard let bytes = try? PosixFileSystem().readFile(path) else { return nil }
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        while lines.count < 3, let newline = bytes[start...].firstIndex(of: 0x0A) {
            lines.append(bytes[start..<newline])
            start = newline + 1
        }
        guard lines.count == 3, String(decoding: lines[0], as: UTF8.self) == Self.kind,
              String(decoding: lines[1], as: UTF8.self) == address else { return nil }
        let fields = String(decoding: lines[2], as: UTF8.self).split(separator: " ").map(String.init)
        guard fields.count == 4, Int(fields[0]) == ListIndex.encodingFormat, let length = Int(fields[2]),
              bytes.count - start == length else { return nil }
        let body = Array(bytes[start...])
        guard CRC32.hex(CRC32.checksum(body)) == fields[3], let list = ListIndex(encoded: body) else { return nil }
        return (fields[1], list)
    }

    /// Keeps `body` (the server's list, as the server holds it) with the server's digest of it. A cache:
    /// when it cannot be written, the next start asks the server.
    public func write(digest: String, body: [UInt8]) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return
        }
        let header = "\(Self.kind)\n\(address)\n\(ListIndex.encodingFormat) \(digest) \(body.count) \(CRC32.hex(CRC32.checksum(body)))\n"
        // Whole or not at all, but not flushed to the disk: a cache (a crash may lose it, the checksum catches
        // a torn one), and this may be on the way to the first screen.
        try? DurableWriter(fileSystem: PosixFileSystem()).replaceUnflushed(path, with: Array(header.utf8) + body, mode: DurableWriter.ownerOnlyMode)
    }
}
#endif
