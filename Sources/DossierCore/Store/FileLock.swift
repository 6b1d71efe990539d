#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (flock) on `NAME.lock` beside the dossier: one writer at a time. The kernel drops
/// the lock when the process ends, however it ends, so a lock is never stale; the file only tells who
/// holds it.
public final class FileLock {
    public let path: String
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
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
            usleep(100_000)
            waited += 0.1
        }
        let text = Array((holder + "\n").utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return FileLock(path: path, descriptor: descriptor)
    }

    public func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
