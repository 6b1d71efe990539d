import Dispatch
import DossierCore

/// Work on another thread (a snapshot being written, the search keys being made, the whole dossier being
/// read behind the first screen). The loop polls it between events and waits for it only when it must.
final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once on the worker thread before `group.leave()`; read only after the group is done.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global(qos: .utility).async {
            self.result = work()
            self.group.leave()
        }
    }

    /// The result once the work is done; nil while it is still running.
    var outcome: Value? {
        group.wait(timeout: .now()) == .success ? result : nil
    }

    /// The result, waiting for it at most `seconds`; nil when the work is still running then.
    func wait(atMost seconds: Double) -> Value? {
        group.wait(timeout: .now() + seconds) == .success ? result : nil
    }

    /// Waits for the work to end and returns its result.
    func wait() -> Value {
        group.wait()
        return result!
    }
}
