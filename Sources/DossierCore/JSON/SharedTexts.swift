import Glibc

/// Long texts a reader has made, by their bytes, so that a text that recurs in a document (a relation's id in
/// every activity linked to it, the one budget line, a reason every assessment gives) is one string in memory
/// instead of one per place (`JSONReader.readSharedString`). Compared byte for byte, never by `String`'s own
/// equality, which takes "é" and "e" with a combining accent for the same text: what is read stays exactly
/// what was written. Lives as long as its reader; the texts stay shared after.
///
/// A table of its own (open addressing on an FNV-1a hash of the bytes) rather than a `Dictionary`: a large
/// dossier asks it about a million times while it loads (docs/performance.md, point 30).
struct SharedTexts {
    /// Per slot the hash of its text (never 0), or 0 for an empty slot; a power of two long, at most half full.
    private var hashes: [UInt64] = []
    private var texts: [String] = []
    private var count = 0

    /// Shorter texts live inside the `String` value itself: there is nothing to share.
    static let minimumLength = 16
    /// A field whose texts hardly recur should not make the reader hold them all.
    static let capacity = 8_192

    /// The text made before from exactly `bytes`, if any, and the hash to remember a new one under.
    func known(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String?, hash: UInt64) {
        let hash = SharedTexts.hash(bytes)
        guard !hashes.isEmpty else { return (nil, hash) }
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash && SharedTexts.has(bytes, texts[slot]) { return (texts[slot], hash) }
            slot = (slot + 1) & mask
        }
        return (nil, hash)
    }

    /// `text`, just made from bytes that hash to `hash`, given again for the same bytes from now on.
    mutating func remember(_ text: String, hash: UInt64) {
        guard count < SharedTexts.capacity else { return }
        if (count + 1) * 2 > hashes.count { grow() }
        insert(text, hash: hash)
        count += 1
    }

    private mutating func insert(_ text: String, hash: UInt64) {
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        texts[slot] = text
    }

    private mutating func grow() {
        let (oldHashes, oldTexts) = (hashes, texts)
        hashes = Array(repeating: 0, count: max(64, oldHashes.count * 2))
        texts = Array(repeating: "", count: hashes.count)
        for slot in oldHashes.indices where oldHashes[slot] != 0 { insert(oldTexts[slot], hash: oldHashes[slot]) }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash == 0 ? 1 : hash
    }

    private static func has(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { own in own.count == bytes.count && memcmp(own.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }
}
