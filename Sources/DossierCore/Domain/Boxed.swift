/// A value kept behind a reference, so that a struct which seldom has it pays 8 bytes for it instead of its
/// whole size: an activity's visit details (80 bytes; two activities in three have none), a status change's
/// approval texts (most changes are no approval). Immutable, so copies stay independent: a change makes a new box.
public indirect enum Boxed<Value: Hashable & Sendable>: Hashable, Sendable {
    case value(Value)

    public var value: Value {
        switch self { case .value(let value): value }
    }
}
