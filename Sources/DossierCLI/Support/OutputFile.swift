#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DossierCore
import DossierPostgres

/// Writing a command's result to `-o FILE` or to stdout.
///
/// A regular file (new, or existing: then through a link too) is replaced durably and whole: a new one is
/// readable by its owner only, an existing one keeps its mode. A pipe or a device (`/dev/stdout`, a named
/// pipe, a terminal) is written into as a stream, never replaced by a file. Anything else (a folder, a
/// socket, a link to nothing) is refused.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String?, sparing store: StoreLocation) throws {
        guard let path else {
            Output.document(bytes)
            return
        }
        try refuse(path, ifPartOf: store)
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else { throw refusal(path, code: errno) }
            var own = stat()
            if lstat(path, &own) == 0 {
                throw refusal(path, code: SystemErrorCode.symbolicLink, operation: "opslaan (een koppeling naar niets)")
            }
            try replace(path, with: bytes, mode: DurableWriter.ownerOnlyMode)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // Through a link: replace the file it names, not the link.
            let target = PosixFileSystem().realPath(path) ?? path
            try replace(target, with: bytes, mode: UInt32(info.st_mode) & 0o7777)
        case S_IFIFO, S_IFCHR:
            try stream(bytes, into: path)
        case S_IFDIR:
            throw refusal(path, code: SystemErrorCode.isDirectory)
        default:
            throw refusal(path, code: SystemErrorCode.notRegularFile)
        }
    }

    /// `-o` onto one of the open dossier's own files (a slip of the tab key: `-o dossier.json`) would replace the
    /// dossier or its journal with an export; refused before anything is written.
    private static func refuse(_ path: String, ifPartOf store: StoreLocation) throws {
        guard !PostgresAddress.isAddress(store.path) else { return }
        if let part = StoreFiles(store.path).part(named: path, fileSystem: PosixFileSystem()) {
            throw failure("-o \(path) is \(part); de uitvoer zou het overschrijven. Kies een ander bestand", code: ExitStatus.usage)
        }
    }

    private static func replace(_ path: String, with bytes: [UInt8], mode: UInt32) throws {
        do {
            try DurableWriter(fileSystem: PosixFileSystem()).replace(path, with: bytes, mode: mode)
        } catch {
            throw outputFailure(error)
        }
    }

    private static func stream(_ bytes: [UInt8], into path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw refusal(path, code: errno) }
        defer { close(descriptor) }
        do {
            try PosixFileSystem().write(descriptor, bytes, path: path)
        } catch {
            throw outputFailure(error)
        }
    }

    private static func refusal(_ path: String, code: Int32, operation: String = "opslaan") -> Error {
        outputFailure(FileSystemError(operation: operation, path: path, code: code))
    }

    /// The output's own file failed, not the dossier's: said without the store's words about a half-written dossier.
    private static func outputFailure(_ error: FileSystemError) -> Error {
        failure("\(error.description); de uitvoer is niet geschreven (het dossier zelf is niet gewijzigd)", code: ExitStatus.ioError)
    }
}
