import DossierCore

/// The folded search keys of one list, relations or activities (`SearchKeys`): per entity its fields folded and
/// joined by U+0001, and how many of those bytes are its title. The keys live in byte buffers of a thousand keys
/// each instead of a string each: a string costs a header and the allocator's share besides its text, 18 MB for the
/// keys of 100.000 activities where their bytes are 12 (docs/performance.md). Each buffer is folded into a scratch
/// buffer first and kept at its exact size, so making the keys never holds them twice. A key made again goes to a
/// buffer of its own at the end; the bytes it leaves behind are dropped once they are half of all.
public struct FoldedKeys: Sendable {
    private struct Span {
        var buffer: UInt32
        var start: UInt32
        var count: UInt32
        var titleCount: UInt32
    }

    private var buffers: [[UInt8]] = []
    private var spans: [Span] = []
    /// The buffer keys made again are written to, once there is one.
    private var updates: Int?
    /// Bytes no key points at any more.
    private var unused = 0

    /// The keys of `count` entities, made on all cores for a long list: `key(position, &folder, &bytes)` appends the
    /// folded key of the entity at `position` to `bytes` and says how many of the bytes it appended are its title.
    init(count: Int, _ key: @Sendable (Int, inout SearchText.Folder, inout [UInt8]) -> Int) {
        let pieces = ParallelChunks.map(count) { range in
            var folder = SearchText.Folder(), scratch: [UInt8] = []
            return stride(from: range.lowerBound, to: range.upperBound, by: FoldedKeys.piece).map { start in
                scratch.removeAll(keepingCapacity: true)
                let spans = (start..<min(start + FoldedKeys.piece, range.upperBound)).map { position in
                    FoldedKeys.span(in: 0, of: &scratch) { key(position, &folder, &$0) }
                }
                return (bytes: scratch.exactlySized(), spans: spans)
            }
        }
        buffers = pieces.map(\.bytes)
        spans.reserveCapacity(count)
        for (buffer, piece) in pieces.enumerated() {
            spans += piece.spans.lazy.map { Span(buffer: UInt32(buffer), start: $0.start, count: $0.count, titleCount: $0.titleCount) }
        }
    }

    /// How many keys a buffer holds.
    static let piece = 1_024

    public var count: Int { spans.count }

    /// Whether the key at `position` holds every word of the folded `query` (`SearchText.containsEveryWord`), in its title
    /// only if asked.
    public func contains(_ query: String, at position: Int, inTitleOnly: Bool = false) -> Bool {
        let span = spans[position]
        let end = Int(span.start) + Int(inTitleOnly ? span.titleCount : span.count)
        return buffers[Int(span.buffer)].withUnsafeBufferPointer { bytes in
            SearchText.containsEveryWord(UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<end]), query)
        }
    }

    /// The key at `position`, as text (U+0001 between its fields).
    public func key(at position: Int) -> String {
        String(decoding: bytes(at: position), as: UTF8.self)
    }

    /// The key of the entity at `position` made again, or that of an entity added at the end (`position == count`).
    mutating func set(_ position: Int, folder: inout SearchText.Folder, _ key: (inout SearchText.Folder, inout [UInt8]) -> Int) {
        precondition(position <= spans.count, "entities are added at the end")
        if updates == nil {
            buffers.append([])
            updates = buffers.count - 1
        }
        let buffer = updates!
        let span = FoldedKeys.span(in: buffer, of: &buffers[buffer]) { key(&folder, &$0) }
        if position == spans.count {
            spans.append(span)
        } else {
            unused += Int(spans[position].count)
            spans[position] = span
        }
        if unused * 2 > storedByteCount { compact() }
    }

    /// The keys moved along with the entities' places; an added entity's key is empty until `set` makes it.
    mutating func move(_ places: Renumbering) {
        guard !places.keepsPlaces else { return }
        if buffers.isEmpty { buffers.append([]) }
        places.move(&spans) { _ in Span(buffer: 0, start: 0, count: 0, titleCount: 0) }
        unused = storedByteCount - spans.reduce(0) { $0 + Int($1.count) }
    }

    /// The bytes of all buffers, those left behind included.
    var storedByteCount: Int { buffers.reduce(0) { $0 + $1.count } }

    /// The span of what `append` adds to `bytes`, the `buffer`-th buffer.
    private static func span(in buffer: Int, of bytes: inout [UInt8], _ append: (inout [UInt8]) -> Int) -> Span {
        let start = bytes.count
        let titleCount = append(&bytes)
        return Span(buffer: UInt32(buffer), start: UInt32(start), count: UInt32(bytes.count - start), titleCount: UInt32(titleCount))
    }

    private func bytes(at position: Int) -> ArraySlice<UInt8> {
        let span = spans[position]
        return buffers[Int(span.buffer)][Int(span.start)..<Int(span.start) + Int(span.count)]
    }

    /// All keys in one buffer, without the bytes left behind.
    private mutating func compact() {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(spans.reduce(0) { $0 + Int($1.count) })
        var compacted: [Span] = []
        compacted.reserveCapacity(spans.count)
        for position in spans.indices {
            let span = spans[position]
            compacted.append(Span(buffer: 0, start: UInt32(bytes.count), count: span.count, titleCount: span.titleCount))
            bytes += self.bytes(at: position)
        }
        (buffers, spans, updates, unused) = ([bytes], compacted, nil, 0)
    }
}

extension FoldedKeys: Equatable {
    /// Equal keys in the same places, however their buffers are laid out.
    public static func == (lhs: FoldedKeys, rhs: FoldedKeys) -> Bool {
        lhs.spans.count == rhs.spans.count && lhs.spans.indices.allSatisfy {
            lhs.spans[$0].titleCount == rhs.spans[$0].titleCount && lhs.bytes(at: $0) == rhs.bytes(at: $0)
        }
    }
}
