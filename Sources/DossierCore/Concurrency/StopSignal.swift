import Synchronization

/// A flag one thread raises and another reads, to end a long job early.
final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    var isSet: Bool { raised.load(ordering: .relaxed) }

    func set() { raised.store(true, ordering: .relaxed) }
}
