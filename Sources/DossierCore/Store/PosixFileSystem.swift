#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, through POSIX calls.
public struct PosixFileSystem: FileSystem {
    public init() {}

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("openen", path) }
        defer { Glibc.close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("stat", path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileSystemError(operation: "lezen", path: path, code: SystemErrorCode.isDirectory) }
        let expected = max(Int(info.st_size), 0)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < expected {
                let result = Glibc.read(descriptor, buffer.baseAddress! + count, expected - count)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failed = true }
                if result <= 0 { return }
                count += result
            }
        }
        if failed { throw failure("lezen", path) }
        // The file may have grown since fstat; read whatever follows.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let result = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if result < 0 && errno == EINTR { continue }
            if result < 0 { throw failure("lezen", path) }
            if result == 0 { break }
            bytes.append(contentsOf: chunk[0..<result])
        }
        return bytes
    }

    public func status(_ path: String) throws(FileSystemError) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw failure("stat", path)
        }
        return FileStatus(size: Int64(info.st_size), mode: UInt32(info.st_mode) & 0o7777,
                          modificationSeconds: Int64(info.st_mtim.tv_sec), modificationNanoseconds: Int64(info.st_mtim.tv_nsec),
                          inode: UInt64(info.st_ino), isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    public func createExclusive(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw failure("aanmaken", path) }
        // The umask may have taken bits away; set exactly what was asked.
        if fchmod(descriptor, mode_t(mode)) != 0 {
            let error = failure("rechten zetten", path)
            Glibc.close(descriptor)
            unlink(path)
            throw error
        }
        return descriptor
    }

    public func openForAppending(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32 {
        // Created now: set exactly the mode asked for (the umask would take bits away). Existing: leave it.
        let created = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        if created >= 0 {
            fchmod(created, mode_t(mode))
            return created
        }
        guard errno == EEXIST else { throw failure("openen", path) }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("openen", path) }
        return descriptor
    }

    public func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(FileSystemError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw failure("schrijven", path)
            }
            written += result
        }
    }

    public func synchronize(_ descriptor: Int32, path: String) throws(FileSystemError) {
        guard fsync(descriptor) == 0 else { throw failure("naar schijf schrijven", path) }
    }

    public func truncate(_ descriptor: Int32, length: Int64, path: String) throws(FileSystemError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw failure("inkorten", path) }
    }

    public func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    public func rename(_ source: String, to destination: String) throws(FileSystemError) {
        guard Glibc.rename(source, destination) == 0 else { throw failure("vervangen", destination) }
    }

    public func removeFile(_ path: String) throws(FileSystemError) {
        guard unlink(path) == 0 else { throw failure("verwijderen", path) }
    }

    public func synchronizeDirectory(_ path: String) throws(FileSystemError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("map openen", path) }
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("map naar schijf schrijven", path) }
    }

    public func createDirectory(_ path: String, mode: UInt32) throws(FileSystemError) {
        if let existing = try status(path) {
            guard existing.isDirectory else { throw FileSystemError(operation: "map aanmaken", path: path, code: SystemErrorCode.notDirectory) }
            return
        }
        let parent = FilePath.directory(of: path)
        if parent != path { try createDirectory(parent, mode: mode) }
        if mkdir(path, mode_t(mode)) != 0 && errno != EEXIST { throw failure("map aanmaken", path) }
    }

    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(path) else { throw failure("map lezen", path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public func link(_ existing: String, to newPath: String) throws(FileSystemError) {
        guard Glibc.link(existing, newPath) == 0 else { throw failure("koppelen", newPath) }
    }

    private func failure(_ operation: String, _ path: String) -> FileSystemError {
        FileSystemError(operation: operation, path: path, code: errno)
    }
}
