/// A value kept behind a reference, so that equal values can share one box: a status change's texts (most changes
/// say one of a few reasons, by one of a few people; `SharedStatusTexts`, `InternTable`). Immutable, so copies stay
/// independent: a change makes a new box.
public indirect enum Boxed<Value: Hashable & Sendable>: Hashable, Sendable {
    case value(Value)

    public var value: Value {
        switch self { case .value(let value): value }
    }
}
