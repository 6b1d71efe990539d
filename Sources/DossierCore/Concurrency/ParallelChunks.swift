import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Work over many independent items (checking 100.000 activities, folding their search keys), spread
/// over the processor's cores in contiguous chunks. The result is in item order, as a plain loop gives.
public enum ParallelChunks {
    /// Below this many items one core is quicker than handing out chunks.
    static let minimumItems = 4_096

    /// Calls `body` with consecutive ranges of `0..<count` (on several threads when `count` is large) and
    /// joins what they return in order. `body` must only read shared state.
    public static func map<T>(_ count: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count >= minimumItems, cores > 1 else { return body(0..<count) }
        let chunks = min(cores, 8)
        let results = ResultSlots<[T]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = count * chunk / chunks, end = count * (chunk + 1) / chunks
            results.set(chunk, body(start..<end))
        }
        return results.values.flatMap { $0 }
    }
}

extension ParallelChunks {
    /// Work over many items whose results are used in order as they come (written out) and must not all be
    /// held: `body` runs on pieces of `piece` consecutive items, a round of one piece per core at a time, and
    /// each round's results go to `take` in item order before the next round starts.
    public static func inRounds<T, E: Error>(_ count: Int, piece: Int, _ body: @Sendable (Range<Int>) -> T,
                                             take: (T) throws(E) -> Void) throws(E) {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8), piece = max(1, piece)
        for round in stride(from: 0, to: count, by: piece * cores) {
            let pieces = min(cores, (count - round + piece - 1) / piece)
            let results = ResultSlots<T>(count: pieces)
            DispatchQueue.concurrentPerform(iterations: pieces) { index in
                let start = round + index * piece
                results.set(index, body(start..<min(count, start + piece)))
            }
            for result in results.values { try take(result) }
        }
    }
}

/// One slot per chunk, each written by exactly one thread before `concurrentPerform` returns.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    var values: [T] { slots.map { $0! } }
}
