#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DossierCore

/// Writing a command's result to `-o FILE` or to stdout.
///
/// A regular file (new, or existing: then through a link too) is replaced durably and whole: a new one is
/// readable by its owner only, an existing one keeps its mode. A pipe or a device (`/dev/stdout`, a named
/// pipe, a terminal) is written into as a stream, never replaced by a file. Anything else (a folder, a
/// socket, a link to nothing) is refused.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            Output.document(bytes)
            return
        }
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else { throw refusal(path, code: errno) }
            var own = stat()
            if lstat(path, &own) == 0 {
                throw refusal(path, code: SystemErrorCode.symbolicLink, operation: "schrijven naar (een koppeling naar niets)")
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

    private static func replace(_ path: String, with bytes: [UInt8], mode: UInt32) throws {
        do {
            try DurableWriter(fileSystem: PosixFileSystem()).replace(path, with: bytes, mode: mode)
        } catch {
            throw failure(.fileSystem(error))
        }
    }

    private static func stream(_ bytes: [UInt8], into path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw refusal(path, code: errno) }
        defer { close(descriptor) }
        do {
            try PosixFileSystem().write(descriptor, bytes, path: path)
        } catch {
            throw failure(.fileSystem(error))
        }
    }

    private static func refusal(_ path: String, code: Int32, operation: String = "schrijven naar") -> Error {
        failure(.fileSystem(FileSystemError(operation: operation, path: path, code: code)))
    }
}
