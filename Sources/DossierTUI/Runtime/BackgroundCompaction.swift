import Dispatch
import DossierCore

/// A snapshot being written on another thread. The loop polls it between events and never waits for it,
/// except when the session ends.
final class BackgroundCompaction: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once on the worker thread before `group.leave()`; read only after the group is done.
    private var result: Result<WrittenSnapshot, FileSystemError>?

    init(_ job: SnapshotWrite) {
        group.enter()
        DispatchQueue.global(qos: .utility).async {
            self.result = Result { () throws(FileSystemError) in try job.run() }
            self.group.leave()
        }
    }

    /// The result once the write is done; nil while it is still running.
    var outcome: Result<WrittenSnapshot, FileSystemError>? {
        group.wait(timeout: .now()) == .success ? result : nil
    }

    /// Waits for the write to end and returns its result.
    func wait() -> Result<WrittenSnapshot, FileSystemError>? {
        group.wait()
        return result
    }
}
