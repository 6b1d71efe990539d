import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a large snapshot, read into memory of its own that the decoder hands back to the system
/// page by page as it goes (`JSONReader.releaseStep`): a large dossier is then never in memory twice,
/// as bytes and as values. Once decoding has started the bytes are no longer whole; anything that needs
/// them again (an error to place, an older format) reads the file anew.
///
/// `deferringLongArrays`: the file is read in steps, and of every long array that is a direct value of the document
/// (the relations, the activities) only the first megabytes stay; the rest goes back to the system as soon as it is
/// read, and is read again (`load`, `DeferredBytes`) when the parts read on all cores reach it. Without that, the
/// whole file was in memory before the first value was decoded: at 100.000 activities 109 MB, which made the peak of
/// the screen (docs/performance.md, point 58). A reader that looks at a deferred range without loading it finds
/// zeros, fails, and the caller reads the file anew.
final class SnapshotBuffer: DeferredBytes, @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    private let mappedLength: Int
    let bytes: UnsafeBufferPointer<UInt8>
    private let descriptor: Int32
    private let fileSystem: any FileSystem
    private let path: String
    private let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Per page: whether it was handed back unread (a deferred part of a long array). Guarded by `lock`.
    private var deferred: [Bool] = []
    /// How many pages were handed back unread when the file was read; none: `load` has nothing to do.
    let deferredPageCount: Int
    /// Where each array that is a direct value of the document starts and ends (`TopLevelArrays`), when deferring.
    private let arrayEnds: [Int: Int]
    /// The file as it was when reading began, when deferring: bytes read later must come from the same file.
    private let identity: FileIdentity?
    private let lock = Mutex(())

    /// Reads `size` bytes of the open file; nil when the memory cannot be had (then read it the usual way).
    init?(reading descriptor: Int32, size: Int, fileSystem: any FileSystem, path: String, deferringLongArrays: Bool = false) throws(FileSystemError) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        mappedLength = max(page, (size + page - 1) / page * page)
        guard let mapped = mmap(nil, mappedLength, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), mapped != MAP_FAILED else {
            return nil
        }
        base = mapped
        self.descriptor = descriptor
        self.fileSystem = fileSystem
        self.path = path
        let count: Int
        var pages: [Bool] = [], ends: [Int: Int] = [:], identity: FileIdentity?
        do {
            if deferringLongArrays {
                identity = FileIdentity(try fileSystem.status(of: descriptor, path: path))
                (count, pages, ends) = try SnapshotBuffer.readDeferring(into: mapped, size: size, pages: mappedLength / page,
                                                                        descriptor: descriptor, fileSystem: fileSystem, path: path)
            } else {
                count = try fileSystem.read(descriptor, from: 0, into: UnsafeMutableRawBufferPointer(start: mapped, count: size), path: path)
            }
        } catch {
            munmap(mapped, mappedLength)
            throw error
        }
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: count)
        deferred = pages
        deferredPageCount = pages.reduce(0) { $0 + ($1 ? 1 : 0) }
        arrayEnds = ends
        self.identity = identity
    }

    /// Whether the file is still as it was when reading began (size and modification time): deferred bytes read
    /// since then are of the same file. A file changed in place meanwhile gives a mix of two versions: read it anew.
    var unchangedSinceRead: Bool {
        guard let identity else { return true }
        return (try? fileSystem.status(of: descriptor, path: path)).map(FileIdentity.init) == identity
    }

    func arrayEnd(startingAt start: Int) -> Int? { arrayEnds[start] }

    deinit {
        munmap(base, mappedLength)
    }

    /// How much of a long array stays after its start, and how much the file is read at a time.
    static let keptHead = 4 << 20, step = 1 << 20

    /// Reads the file a step at a time into `base`, finding the long arrays as it goes (`TopLevelArrays`) and handing
    /// back the pages of each beyond its first `keptHead` bytes once read; returns the bytes read and, per page, whether
    /// it was handed back.
    private static func readDeferring(into base: UnsafeMutableRawPointer, size: Int, pages: Int, descriptor: Int32, fileSystem: any FileSystem,
                                      path: String) throws(FileSystemError) -> (Int, [Bool], [Int: Int]) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var deferred = Array(repeating: false, count: pages)
        var scanner = TopLevelArrays(), offset = 0
        // The page up to which the open array's pages went back already: each step hands back only what it read.
        var handedBackTo = 0
        while offset < size {
            let length = min(step, size - offset)
            let read = try fileSystem.read(descriptor, from: Int64(offset), into: UnsafeMutableRawBufferPointer(start: base + offset, count: length), path: path)
            scanner.scan(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + offset, count: read), at: offset)
            offset += read
            if let start = scanner.openArrayStart {
                let first = max((start + keptHead + page - 1) / page, handedBackTo), end = offset / page
                if end > first {
                    handedBackTo = end
                    UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: offset).release(first * page..<end * page)
                    for index in first..<end { deferred[index] = true }
                }
            }
            if read < length { break }
        }
        return (offset, deferred, scanner.arrayEnds)
    }

    func load(_ range: Range<Int>) {
        guard deferredPageCount > 0, !range.isEmpty else { return }
        lock.withLock { _ in
            var index = range.lowerBound / page
            let last = (min(range.upperBound, bytes.count) - 1) / page
            while index <= last {
                guard deferred[index] else { index += 1; continue }
                var end = index
                while end + 1 <= last && deferred[end + 1] { end += 1 }
                let start = index * page, length = min((end + 1) * page, bytes.count) - start
                if (try? fileSystem.read(descriptor, from: Int64(start), into: UnsafeMutableRawBufferPointer(start: base + start, count: length),
                                         path: path)) == length {
                    for page in index...end { deferred[page] = false }
                }
                index = end + 1
            }
        }
    }
}

/// Finds, in a document read a piece at a time, whether an array that is a direct value of the top object is open at
/// the end of what was scanned, and where it started. Counts brackets outside strings; strings are followed with
/// their escapes, so a bracket in a text does not count.
struct TopLevelArrays {
    private var depth = 0, inString = false, escaped = false
    /// Where the array open at depth 1 started, if one is.
    private(set) var openArrayStart: Int?
    /// Of each array at depth 1 that closed: where it started and where its `]` is.
    private(set) var arrayEnds: [Int: Int] = [:]

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
        for index in bytes.indices {
            let byte = bytes[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if depth == 1 && byte == UInt8(ascii: "[") { openArrayStart = offset + index }
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 1 {
                    if byte == UInt8(ascii: "]"), let start = openArrayStart { arrayEnds[start] = offset + index }
                    openArrayStart = nil
                }
            default: break
            }
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Gives the whole pages within `range` back to the system (on Linux they read as zeros afterwards).
    /// Only for bytes in memory of their own (`SnapshotBuffer`) that will not be read again: a reader calls
    /// it only when given a `releaseStep`, which only a `SnapshotBuffer`'s decoding gives.
    func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: baseAddress)
        let first = (address + range.lowerBound + page - 1) / page * page
        let end = (address + range.upperBound) / page * page
        guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        #if canImport(Darwin)
        // Darwin takes MADV_DONTNEED as a hint only; MADV_FREE lets it reclaim the pages.
        madvise(start, end - first, MADV_FREE)
        #else
        madvise(start, end - first, MADV_DONTNEED)
        #endif
    }
}
