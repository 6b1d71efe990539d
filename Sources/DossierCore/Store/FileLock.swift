#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (flock) on `NAME.lock` beside the dossier, held exclusively by a writer for as long as it
/// appends one change, and shared by readers while they read what was appended. The kernel drops the lock
/// when the process ends, however it ends, so a lock is never stale; the file only tells who holds it.
public final class FileLock {
    public let path: String
    private var descriptor: Int32
    private let isShared: Bool

    private init(path: String, descriptor: Int32, isShared: Bool = false) {
        self.path = path
        self.descriptor = descriptor
        self.isShared = isShared
    }

    /// Takes the lock, trying again for up to `seconds`. `holder` is written into the file for others'
    /// messages ("adviseur, proces 1234, sinds …"). A link or anything but a regular file at `path` is
    /// refused: the lock file is truncated and written, and must never redirect that to another file.
    public static func acquire(_ path: String, waiting seconds: Double, holder: String, mode: UInt32 = 0o600) throws(StoreError) -> FileLock {
        var descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, mode_t(mode))
        if descriptor >= 0 {
            fchmod(descriptor, mode_t(mode))  // exactly the mode asked for: the umask may have taken the group's bits
        } else if errno == EEXIST {
            descriptor = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        }
        guard descriptor >= 0 else { throw .fileSystem(FileSystemError(operation: "vergrendelen", path: path, code: errno)) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .fileSystem(FileSystemError(operation: "vergrendelen", path: path, code: SystemErrorCode.notRegularFile))
        }
        var waited = 0.0
        var pause = 0.001
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(descriptor)
                throw .fileSystem(FileSystemError(operation: "vergrendelen", path: path, code: code))
            }
            if waited >= seconds {
                let current = (try? PosixFileSystem().readFile(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
                close(descriptor)
                throw .busy(file: path, holder: current.trimmingSpaces())
            }
            // Writers hold the lock for milliseconds: look again soon, then less often.
            usleep(UInt32(pause * 1_000_000))
            waited += pause
            pause = min(pause * 2, 0.05)
        }
        let text = Array((holder + "\n").utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return FileLock(path: path, descriptor: descriptor)
    }

    /// A shared lock, for reading what writers confirmed: a writer holds the lock exclusively while it appends,
    /// so a reader holding it shared never sees a line that is still being written. Nil when there is no
    /// lock file (nothing was ever written through one); `.busy` when a writer holds it longer than `seconds`.
    public static func acquireShared(_ path: String, waiting seconds: Double) throws(StoreError) -> FileLock? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .fileSystem(FileSystemError(operation: "vergrendelen", path: path, code: errno))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .fileSystem(FileSystemError(operation: "vergrendelen", path: path, code: SystemErrorCode.notRegularFile))
        }
        var waited = 0.0
        while flock(descriptor, LOCK_SH | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(descriptor)
                throw .fileSystem(FileSystemError(operation: "vergrendelen", path: path, code: code))
            }
            if waited >= seconds {
                close(descriptor)
                throw .busy(file: path, holder: "")
            }
            usleep(10_000)
            waited += 0.01
        }
        return FileLock(path: path, descriptor: descriptor, isShared: true)
    }

    public func release() {
        guard descriptor >= 0 else { return }
        if !isShared { _ = ftruncate(descriptor, 0) }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
