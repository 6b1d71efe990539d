import Dispatch

/// Work on another thread (a snapshot being written, the search keys being made, the whole dossier being
/// read behind the first screen, a database's list kept here read while the server answers). The caller
/// polls it or waits for it only when it must.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once on the worker thread before `group.leave()`; read only after the group is done.
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global(qos: .utility).async {
            self.result = work()
            self.group.leave()
        }
    }

    /// The result once the work is done; nil while it is still running.
    public var outcome: Value? {
        group.wait(timeout: .now()) == .success ? result : nil
    }

    /// The result, waiting for it at most `seconds`; nil when the work is still running then.
    public func wait(atMost seconds: Double) -> Value? {
        group.wait(timeout: .now() + seconds) == .success ? result : nil
    }

    /// Waits for the work to end and returns its result.
    public func wait() -> Value {
        group.wait()
        return result!
    }
}
