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
        let descriptor = try openForReading(path)
        defer { Glibc.close(descriptor) }
        return try read(descriptor, from: 0, path: path)
    }

    public func openForReading(_ path: String) throws(FileSystemError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure("openen", path) }
        do {
            try requireRegularFile(descriptor, path)
        } catch {
            Glibc.close(descriptor)
            throw error
        }
        return descriptor
    }

    public func read(_ descriptor: Int32, from offset: Int64, path: String) throws(FileSystemError) -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("bekijken", path) }
        let expected = max(Int(info.st_size) - Int(offset), 0)
        var position = off_t(offset)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < expected {
                let result = pread(descriptor, buffer.baseAddress! + count, expected - count, position)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failed = true }
                if result <= 0 { return }
                count += result
                position += off_t(result)
            }
        }
        if failed { throw failure("lezen", path) }
        // The file may have grown since fstat; read whatever follows.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let result = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, position) }
            if result < 0 && errno == EINTR { continue }
            if result < 0 { throw failure("lezen", path) }
            if result == 0 { break }
            bytes.append(contentsOf: chunk[0..<result])
            position += off_t(result)
        }
        return bytes
    }

    public func read(_ descriptor: Int32, from offset: Int64, into buffer: UnsafeMutableRawBufferPointer,
                     path: String) throws(FileSystemError) -> Int {
        var count = 0
        while count < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + count, buffer.count - count, off_t(offset) + off_t(count))
            if result < 0 && errno == EINTR { continue }
            if result < 0 { throw failure("lezen", path) }
            if result == 0 { break }
            count += result
        }
        return count
    }

    public func status(of descriptor: Int32, path: String) throws(FileSystemError) -> FileStatus {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("bekijken", path) }
        return FileStatus(info)
    }

    public func status(_ path: String) throws(FileSystemError) -> FileStatus? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw failure("bekijken", path)
        }
        return FileStatus(info)
    }

    public func mayWrite(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    public func isOnReadOnlyVolume(_ path: String) -> Bool {
        var info = statvfs()
        return statvfs(path, &info) == 0 && info.f_flag & UInt(ST_RDONLY) != 0
    }

    public func linkTarget(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { readlink(path, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), $0.count - 1) }
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    public func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func createExclusive(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
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
        let created = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        if created >= 0 {
            fchmod(created, mode_t(mode))
            return created
        }
        guard errno == EEXIST else { throw failure("openen", path) }
        // O_NONBLOCK: a named pipe planted at the name must not hang the open; it is refused just below.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure("openen", path) }
        do {
            try requireRegularFile(descriptor, path)
        } catch {
            Glibc.close(descriptor)
            throw error
        }
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

    public func removeDirectory(_ path: String) throws(FileSystemError) {
        guard rmdir(path) == 0 else { throw failure("map verwijderen", path) }
    }

    public func synchronizeDirectory(_ path: String) throws(FileSystemError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("map openen", path) }
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("map naar schijf schrijven", path) }
    }

    public func createDirectory(_ path: String, mode: UInt32) throws(FileSystemError) {
        if let existing = try status(path) {
            if existing.kind == .symbolicLink {
                throw FileSystemError(operation: "als map gebruiken", path: path, code: SystemErrorCode.symbolicLink)
            }
            guard existing.isDirectory else { throw FileSystemError(operation: "als map aanmaken", path: path, code: SystemErrorCode.notDirectory) }
            return
        }
        let parent = FilePath.directory(of: path)
        if parent != path { try createDirectory(parent, mode: mode) }
        if mkdir(path, mode_t(mode)) != 0 {
            guard errno == EEXIST else { throw failure("als map aanmaken", path) }
            return
        }
        // The umask may have taken bits away (a group's, for a shared dossier); set exactly what was asked.
        _ = chmod(path, mode_t(mode))
    }

    public func changeGroup(_ path: String, to group: UInt32) {
        // Best effort: one who is not in the group keeps their own, as before. Changing the group may clear the
        // setgid bit, never the permission bits asked for.
        var info = stat()
        guard lstat(path, &info) == 0, info.st_gid != group, (info.st_mode & S_IFMT) != S_IFLNK else { return }
        _ = lchown(path, uid_t.max, group)
    }

    public func changeMode(_ path: String, to mode: UInt32) {
        // Through a descriptor opened without following a link: a link planted at the name is left alone.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { Glibc.close(descriptor) }
        // Only a file of its own name: not another file linked in at that name (which would widen that one's rights).
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR || ((info.st_mode & S_IFMT) == S_IFREG && info.st_nlink == 1)
        else { return }
        _ = fchmod(descriptor, mode_t(mode))
    }

    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("lezen", path) }
        guard let directory = fdopendir(descriptor) else {
            let error = failure("lezen", path)
            Glibc.close(descriptor)
            throw error
        }
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

    private func requireRegularFile(_ descriptor: Int32, _ path: String) throws(FileSystemError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("bekijken", path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            let code = (info.st_mode & S_IFMT) == S_IFDIR ? SystemErrorCode.isDirectory : SystemErrorCode.notRegularFile
            throw FileSystemError(operation: "openen", path: path, code: code)
        }
    }

    private func failure(_ operation: String, _ path: String) -> FileSystemError {
        FileSystemError(operation: operation, path: path, code: errno)
    }
}

extension FileStatus {
    init(_ info: stat) {
        let kind: Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .special
        }
        self.init(size: Int64(info.st_size), mode: UInt32(info.st_mode) & 0o7777, modificationSeconds: Int64(info.st_mtim.tv_sec),
                  modificationNanoseconds: Int64(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino), kind: kind,
                  statusChangeSeconds: Int64(info.st_ctim.tv_sec), statusChangeNanoseconds: Int64(info.st_ctim.tv_nsec), group: UInt32(info.st_gid), owner: UInt32(info.st_uid))
    }
}
