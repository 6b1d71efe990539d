#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding bytes in bytes: for folded search text (`SearchText.contains`) and for a marker in a file.
enum ByteSearch {
    /// Whether `needle` occurs in `haystack`. memchr finds each candidate first byte, memcmp checks the rest
    /// (memmem is not in Glibc's module). A haystack and needle made to match almost everywhere ("aaaa…" and
    /// "aa…ab") would make that haystack × needle; past a budget of compared bytes the rest is scanned in one
    /// linear pass.
    static func contains(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let needleStart = needle.baseAddress, !needle.isEmpty else { return true }
        guard let haystackStart = haystack.baseAddress, needle.count <= haystack.count else { return false }
        let lastStart = haystack.count - needle.count
        var from = 0
        var budget = 4 * haystack.count + 256
        while from <= lastStart {
            guard let hit = memchr(haystackStart + from, Int32(needleStart.pointee), lastStart - from + 1) else { return false }
            if memcmp(hit, needleStart, needle.count) == 0 { return true }
            from = haystackStart.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            budget -= needle.count
            if budget < 0 { return linearContains(haystack, needle, from: from) }
        }
        return false
    }

    /// Knuth–Morris–Pratt from `from`: each haystack byte is looked at a bounded number of times.
    private static func linearContains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var fallback = [Int](repeating: 0, count: needle.count)
        var matched = 0
        for index in 1..<max(1, needle.count) {
            while matched > 0 && needle[index] != needle[matched] { matched = fallback[matched - 1] }
            if needle[index] == needle[matched] { matched += 1 }
            fallback[index] = matched
        }
        matched = 0
        for index in from..<haystack.count {
            while matched > 0 && haystack[index] != needle[matched] { matched = fallback[matched - 1] }
            if haystack[index] == needle[matched] { matched += 1 }
            if matched == needle.count { return true }
        }
        return false
    }
}
