import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

extension JSONReader {
    /// Reads a long array of values on all cores, for the same result as `readArray(of:)`: the array is
    /// cut into parts where an element starts on its own line (as in a file this program wrote: strings
    /// never hold a raw line break, so a line break is always between values), and each part is read by
    /// its own reader. A part counts only if the part before it ended exactly where it starts, which proves
    /// that every cut is between two elements. When the parts do not fit together — a file written some
    /// other way, or one with an error — it is read again in one piece, which also places any error exactly.
    public mutating func readArrayInParallel<T: Sendable>(of element: @escaping @Sendable (inout JSONReader) throws(JSONError) -> T)
        throws(JSONError) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, bytes.count - valueOffset() >= JSONReader.parallelMinimum else { return try readArray(of: element) }
        let start = offset
        if let values = readArrayInParts(min(cores, 8) * 4, of: element) { return values }
        // Pages already handed back cannot be read in one piece: the caller reads the file again.
        if releaseStep != nil { throw error(at: start, "de lijst paste niet in delen; opnieuw lezen") }
        return try readArray(of: element)
    }

    /// The array read in about `parts` parts at once; nil (and nothing read) when they do not fit together.
    mutating func readArrayInParts<T: Sendable>(_ parts: Int, of element: @escaping @Sendable (inout JSONReader) throws(JSONError) -> T) -> [T]? {
        let start = valueOffset()
        guard let starts = partStarts(from: start, parts: parts) else { return nil }
        return readParts(from: starts, element)
    }

    /// Below this many bytes one reader is quicker than several.
    static let parallelMinimum = 1 << 20
    /// How many bytes a part reads before it hands the pages behind it back, unless told otherwise.
    static let defaultReleaseStep = 1 << 20
    /// With deferred bytes: how much is loaded after a guessed boundary between parts, and how far a part loads
    /// ahead of what it reads (an element longer than that fails the part, and the caller reads the file anew).
    static let boundaryWindow = 64 << 10, loadAhead = 1 << 20

    /// Where each part starts: the first element, and for every later part the first element that starts
    /// on its own line, at the first element's indentation, from an even share of the rest of the bytes.
    private func partStarts(from arrayStart: Int, parts: Int) -> [Int]? {
        deferredBytes?.load(arrayStart..<min(arrayStart + JSONReader.boundaryWindow, bytes.count))
        guard bytes[arrayStart] == UInt8(ascii: "[") else { return nil }
        // "[" then "\n", the indentation, and "{" or "[" or "\"": the layout of a pretty-printed array.
        var index = arrayStart + 1
        guard index < bytes.count, bytes[index] == 0x0A else { return nil }
        index += 1
        var indentation = 0
        while index < bytes.count, bytes[index] == 0x20 { indentation += 1; index += 1 }
        guard indentation > 0, index < bytes.count, bytes[index] != UInt8(ascii: "]") else { return nil }
        var starts = [index]
        // Guessed within the array when its end is known, not in what follows it (the activities after the relations).
        let rest = (deferredBytes?.arrayEnd(startingAt: arrayStart) ?? bytes.count) - index
        for part in 1..<parts {
            let guess = index + rest * part / parts
            // With deferred bytes, a boundary is looked for only in the window loaded after the guess.
            let end = deferredBytes == nil ? bytes.count : min(guess + JSONReader.boundaryWindow, bytes.count)
            deferredBytes?.load(guess..<end)
            guard let next = elementLine(from: guess, before: end, indentation: indentation), next > starts.last! else { continue }
            starts.append(next)
        }
        return starts
    }

    /// The first line at or after `from` that is `indentation` spaces and then a value, right after a ","
    /// that ended the line before: the start of an element (or nil when there is none).
    private func elementLine(from: Int, before limit: Int, indentation: Int) -> Int? {
        var index = from
        while index < limit {
            guard let newline = memchr(bytes.baseAddress! + index, 0x0A, limit - index) else { return nil }
            let lineStart = bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            index = lineStart
            var spaces = 0
            while index < limit, bytes[index] == 0x20, spaces <= indentation { spaces += 1; index += 1 }
            guard spaces == indentation, index < limit, bytes[index] != 0x20, bytes[index] != UInt8(ascii: "]"),
                  bytes[index] != UInt8(ascii: "}") else { continue }
            var before = lineStart - 2
            while before > 0, bytes[before] == 0x20 || bytes[before] == 0x0D { before -= 1 }
            if before > 0, bytes[before] == UInt8(ascii: ",") { return index }
        }
        return nil
    }

    /// Reads the parts, each on its own reader; nil when they do not fit together.
    private mutating func readParts<T: Sendable>(from starts: [Int], _ element: @escaping @Sendable (inout JSONReader) throws(JSONError) -> T) -> [T]? {
        let slots = ResultSlots<PartOutcome<T>>(count: starts.count)
        let shared = SharedBytes(bytes: bytes), formatVersion = self.formatVersion, depth = self.depth + 1, releaseStep = self.releaseStep
        let deferred = deferredBytes
        DispatchQueue.concurrentPerform(iterations: starts.count) { part in
            let bytes = shared.bytes
            var reader = JSONReader(bytes: bytes, formatVersion: formatVersion)
            reader.offset = starts[part]
            reader.depth = depth
            // Deferred bytes are loaded a step ahead of the reader, so that only the steps being read are in memory.
            var loaded = starts[part]
            func loadAhead() {
                guard let deferred, reader.offset + JSONReader.loadAhead > loaded else { return }
                let end = min(reader.offset + 2 * JSONReader.loadAhead, bytes.count)
                deferred.load(loaded..<end)
                loaded = end
            }
            loadAhead()
            let end = part + 1 < starts.count ? starts[part + 1] : Int.max
            let values = PartValues<T>()
            // Only whole pages behind what this part has read go back. A part that reads past the next one's
            // start (or starts past the array's end) may hand back a neighbour's pages, but then the parts do not
            // fit together and the caller reads the file again.
            var released = starts[part]
            // After the first elements, room for as many as the part's bytes will hold at their size so far: one
            // move instead of a doubling chain, whose freed storage stays resident. (Where the last part ends is not
            // known before it is read: it is taken to be as long as the one before it; a lone part just doubles.)
            let partBytes = part + 1 < starts.count ? starts[part + 1] - starts[part] : part > 0 ? starts[part] - starts[part - 1] : 0
            do {
                while true {
                    loadAhead()
                    values.append(try element(&reader))
                    if values.count == PartValues<T>.sample && partBytes > 0 {
                        let estimate = values.count * partBytes / max(1, reader.offset - starts[part])
                        values.reserve(estimate + estimate / 8)
                    }
                    if let releaseStep, reader.offset - released >= releaseStep {
                        bytes.release(released..<reader.offset)
                        released = reader.offset
                    }
                    reader.skipWhitespace()
                    guard reader.offset < bytes.count else { break }
                    if bytes[reader.offset] == UInt8(ascii: "]") {
                        slots.set(part, .endedArray(values, after: reader.offset + 1))
                        return
                    }
                    guard bytes[reader.offset] == UInt8(ascii: ",") else { break }
                    reader.offset += 1
                    reader.skipWhitespace()
                    if reader.offset == end {
                        slots.set(part, .reachedNext(values))
                        return
                    }
                    if reader.offset > end { break }
                }
            } catch {}
            slots.set(part, .failed)
        }
        var parts: [PartValues<T>] = []
        for outcome in slots.values {
            switch outcome {
            case .reachedNext(let values):
                parts.append(values)
            case let .endedArray(values, after):
                parts.append(values)
                offset = after
                // Moved, not copied, into an array of exactly the right size.
                return Array(unsafeUninitializedCapacity: parts.reduce(0) { $0 + $1.count }) { buffer, count in
                    for part in parts { count += part.move(to: buffer.baseAddress! + count) }
                }
            case .failed:
                return nil
            }
        }
        return nil
    }
}

/// The values one part read, in storage of their own from which they are moved into the final array.
private final class PartValues<T> {
    /// How many values are read before room for the rest is estimated.
    static var sample: Int { 64 }
    private var storage = UnsafeMutablePointer<T>.allocate(capacity: sample)
    private var capacity = sample
    private(set) var count = 0

    /// Room for at least `wanted` values.
    func reserve(_ wanted: Int) {
        guard wanted > capacity else { return }
        let larger = UnsafeMutablePointer<T>.allocate(capacity: wanted)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = wanted
    }

    func append(_ value: consuming T) {
        if count == capacity { reserve(capacity * 2) }
        (storage + count).initialize(to: value)
        count += 1
    }

    /// Moves every value to `destination`, leaving none here, and frees the storage at once; returns how many.
    /// (The final array is touched only as parts move in: with each part's storage freed behind it, the two are
    /// not both resident whole: `activities --json` at 100.000 activities peaked at 107 MB before, 96 MB after.)
    func move(to destination: UnsafeMutablePointer<T>) -> Int {
        let moved = count
        destination.moveInitialize(from: storage, count: moved)
        count = 0
        storage.deallocate()
        storage = UnsafeMutablePointer<T>.allocate(capacity: 1)
        capacity = 1
        return moved
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
}

/// How one part of an array read on all cores ended: at the start of the next part, at the end of the
/// array, or not at all (it did not start on an element, or the bytes hold an error).
private enum PartOutcome<T> {
    case reachedNext(PartValues<T>)
    case endedArray(PartValues<T>, after: Int)
    case failed
}

/// The bytes being read, shared by the readers of the parts: only read, and alive until all of them are
/// done (`concurrentPerform` returns only then).
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}
