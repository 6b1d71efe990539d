/// The boxes of status-change texts a reader has made (`StatusChange.texts`), so that entries with the same reason,
/// author, decision and override reason share one box: most of a large dossier's ~300.000 entries say one of a few
/// reasons, by one of a few people. Lives as long as its reader; the boxes stay shared after.
///
/// Texts are matched by the bits of their `String` values, not by their bytes: a short text holds its bytes in those
/// bits, and a long one points at its storage, which `SharedTexts` makes once per text. Equal bits are therefore
/// always the same bytes (what is read stays exactly what was written), and the storage a key points at cannot be
/// reused while the box that holds it is in the table. Comparing and hashing the bytes instead made reading a large
/// dossier 10 % slower (docs/performance.md, point 51).
struct SharedStatusTexts {
    private var known: [Key: Boxed<StatusTexts>] = [:]

    /// Texts that hardly recur should not make the reader hold them all.
    static let capacity = 8_192

    mutating func shared(reason: String, by: String, decision: String?, overrideReason: String?) -> Boxed<StatusTexts> {
        let key = Key(reason, by, decision, overrideReason)
        if let box = known[key] { return box }
        let box = Boxed.value(StatusTexts(reason: reason, by: by, decision: decision, overrideReason: overrideReason))
        if known.count < SharedStatusTexts.capacity { known[key] = box }
        return box
    }

    private struct Key: Hashable {
        typealias Bits = (UInt64, UInt64)
        let reason: Bits, by: Bits, decision: Bits, overrideReason: Bits
        /// Which of decision and override reason are present (an absent one has the bits of "").
        let present: UInt8

        init(_ reason: String, _ by: String, _ decision: String?, _ overrideReason: String?) {
            self.reason = unsafeBitCast(reason, to: Bits.self)
            self.by = unsafeBitCast(by, to: Bits.self)
            self.decision = unsafeBitCast(decision ?? "", to: Bits.self)
            self.overrideReason = unsafeBitCast(overrideReason ?? "", to: Bits.self)
            present = (decision == nil ? 0 : 1) | (overrideReason == nil ? 0 : 2)
        }

        static func == (left: Key, right: Key) -> Bool {
            left.reason == right.reason && left.by == right.by && left.decision == right.decision
                && left.overrideReason == right.overrideReason && left.present == right.present
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(reason.0)
            hasher.combine(reason.1)
            hasher.combine(by.0)
            hasher.combine(by.1)
            hasher.combine(decision.0)
            hasher.combine(decision.1)
            hasher.combine(overrideReason.0)
            hasher.combine(overrideReason.1)
            hasher.combine(present)
        }
    }
}
