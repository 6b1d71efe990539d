#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a snapshot this program did not write itself (a copy of one it wrote has another inode) is still byte
/// for byte what it writes for the dossier read from it. If so, every activity in it lies where an encoding
/// puts it, and the caches that only a snapshot this program wrote may have (the activity index, a side index
/// that vouches for it) can be made for it without a compaction.
enum SnapshotComparison {
    /// Where each activity lies in the file open at `descriptor` (in dossier order), when the file is exactly the
    /// encoding of `dossier` (`Dossier.encode(activityRanges:to:)`); nil at the first piece that differs, when
    /// the file is longer, when it cannot be read, or once `isStopped` says so (asked before each piece). Holds a piece
    /// of the encoding and one of the file at a time.
    static func activityRanges(of dossier: Dossier, in descriptor: Int32, size: Int64, fileSystem: any FileSystem,
                               path: String, pieceSize: Int = 1 << 20, isStopped: () -> Bool = { false }) -> [Range<Int>]? {
        struct Differs: Error {}
        var ranges: [Range<Int>] = []
        var offset: Int64 = 0
        var read: [UInt8] = []
        do {
            try dossier.encode(activityRanges: &ranges, pieceSize: pieceSize) { (piece: [UInt8]) throws(Differs) in
                guard !isStopped() else { throw Differs() }
                guard !piece.isEmpty else { return }
                guard offset + Int64(piece.count) <= size else { throw Differs() }
                if read.count < piece.count { read = [UInt8](repeating: 0, count: piece.count) }
                var filled = 0
                while filled < piece.count {
                    let count = read.withUnsafeMutableBytes { buffer in
                        try? fileSystem.read(descriptor, from: offset + Int64(filled),
                                             into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<piece.count]), path: path)
                    }
                    guard let count, count > 0 else { throw Differs() }
                    filled += count
                }
                let same = piece.withUnsafeBytes { encoded in read.withUnsafeBytes { file in
                    memcmp(encoded.baseAddress!, file.baseAddress!, piece.count) == 0
                } }
                guard same else { throw Differs() }
                offset += Int64(piece.count)
            }
        } catch {
            return nil
        }
        return offset == size ? ranges : nil
    }
}
