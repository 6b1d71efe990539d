import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values that recur across a dossier's activities (relation ids, the texts of status changes), each kept once for
/// the whole process and named by its place: a packed activity holds the place (one to three bytes) instead of
/// the value. The table only grows; a value stays for as long as the program runs, so only values known to recur go in:
/// relation ids (a few per relation) and status texts (most changes say one of a few reasons, by one of a few people).
/// Values are told apart by their bytes (`ExactText`): what is read back must be exactly what was written, and
/// `String`'s equality takes "é" and "e" with a combining accent for the same text.
final class InternTable<Value: Internable>: Sendable {
    private struct Entries {
        var places: [Value.InternKey: UInt32] = [:]
        var values: [Value] = []
    }

    private let entries = Mutex(Entries())

    func place(of value: Value) -> UInt32 {
        let key = value.internKey
        return entries.withLock { entries in
            if let place = entries.places[key] { return place }
            let place = UInt32(entries.values.count)
            entries.values.append(value)
            entries.places[key] = place
            return place
        }
    }

    /// The values at several places, under one lock.
    func values(at places: some Sequence<UInt32>) -> [Value] {
        entries.withLock { entries in places.map { entries.values[Int($0)] } }
    }
}

/// A value an `InternTable` can hold, with the key that tells it apart from others byte for byte.
protocol Internable: Sendable {
    associatedtype InternKey: Hashable & Sendable
    var internKey: InternKey { get }
}

/// The process's tables.
enum Interned {
    static let relationIDs = InternTable<String>()
    static let statusTexts = InternTable<Boxed<StatusTexts>>()
}

/// A text compared and hashed by its UTF-8 bytes.
struct ExactText: Hashable, Sendable {
    let text: String

    static func == (left: ExactText, right: ExactText) -> Bool {
        var left = left.text, right = right.text
        // memcmp: comparing the UTF-8 views element by element was ~2 % of loading a large dossier.
        return left.utf8.count == right.utf8.count && left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in leftBytes.isEmpty || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0 }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)
    }
}

extension String: Internable {
    var internKey: ExactText { ExactText(text: self) }
}

extension Boxed<StatusTexts>: Internable {
    struct ExactStatusTexts: Hashable, Sendable {
        let reason: ExactText, by: ExactText, decision: ExactText?, overrideReason: ExactText?
    }

    var internKey: ExactStatusTexts {
        ExactStatusTexts(reason: ExactText(text: value.reason), by: ExactText(text: value.by),
                         decision: value.decision.map(ExactText.init), overrideReason: value.overrideReason.map(ExactText.init))
    }
}
