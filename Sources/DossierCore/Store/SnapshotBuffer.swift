#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a large snapshot, read into memory of its own that the decoder hands back to the system
/// page by page as it goes (`JSONReader.releaseStep`): a large dossier is then never in memory twice,
/// as bytes and as values. Once decoding has started the bytes are no longer whole; anything that needs
/// them again (an error to place, an older format) reads the file anew.
final class SnapshotBuffer {
    private let base: UnsafeMutableRawPointer
    private let mappedLength: Int
    let bytes: UnsafeBufferPointer<UInt8>

    /// Reads `size` bytes of the open file; nil when the memory cannot be had (then read it the usual way).
    init?(reading descriptor: Int32, size: Int, fileSystem: any FileSystem, path: String) throws(FileSystemError) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        mappedLength = max(page, (size + page - 1) / page * page)
        guard let mapped = mmap(nil, mappedLength, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), mapped != MAP_FAILED else {
            return nil
        }
        base = mapped
        let count: Int
        do {
            count = try fileSystem.read(descriptor, from: 0, into: UnsafeMutableRawBufferPointer(start: base, count: size), path: path)
        } catch {
            munmap(base, mappedLength)
            throw error
        }
        bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
    }

    deinit {
        munmap(base, mappedLength)
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
