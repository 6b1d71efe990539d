import DossierCore
import Foundation

/// The real file system with failures injected at chosen operations: a disk that fills up halfway a
/// write, an fsync that fails, a rename refused by a read-only file system …
public final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    public enum Operation: String, Sendable {
        case read, create, openForAppending, write, synchronize, truncate, rename, remove, synchronizeDirectory, createDirectory, link
    }

    public struct Fault: Sendable {
        public var operation: Operation
        public var code: Int32
        /// Only for paths containing this text (nil: any path).
        public var pathContains: String?
        /// For writes: how many bytes get through before the failure (a disk filling up).
        public var bytesWritten: Int
        /// For writes: all bytes but this many get through before the failure (a line without its line break).
        public var bytesWithheld: Int = 0
        /// How many times the fault fires before it is used up.
        public var times: Int
        /// How many matching calls go through before it fires (the second piece of a file written in pieces).
        public var after: Int

        public init(_ operation: Operation, code: Int32, pathContains: String? = nil, bytesWritten: Int = 0, bytesWithheld: Int = 0, times: Int = 1,
                    after: Int = 0) {
            self.operation = operation
            self.code = code
            self.pathContains = pathContains
            self.bytesWritten = bytesWritten
            self.bytesWithheld = bytesWithheld
            self.times = times
            self.after = after
        }
    }

    private let real = PosixFileSystem()
    private let lock = NSLock()
    private var faults: [Fault] = []
    /// Descriptor → path, so faults on writes can be matched by path.
    private var paths: [Int32: String] = [:]

    /// Paths that lie on a volume mounted read-only (`isOnReadOnlyVolume`), by a text they contain.
    public var readOnlyVolume: String?

    public init() {}

    public func isOnReadOnlyVolume(_ path: String) -> Bool {
        readOnlyVolume.map(path.contains) ?? real.isOnReadOnlyVolume(path)
    }

    public func inject(_ fault: Fault) {
        lock.withLock { faults.append(fault) }
    }

    public func clearFaults() {
        lock.withLock { faults.removeAll() }
    }

    private func fault(_ operation: Operation, _ path: String) -> Fault? {
        lock.withLock {
            guard let index = faults.firstIndex(where: { $0.operation == operation && ($0.pathContains.map(path.contains) ?? true) }) else {
                return nil
            }
            if faults[index].after > 0 {
                faults[index].after -= 1
                return nil
            }
            let found = faults[index]
            faults[index].times -= 1
            if faults[index].times <= 0 { faults.remove(at: index) }
            return found
        }
    }

    private func check(_ operation: Operation, _ path: String) throws(FileSystemError) {
        if let fault = fault(operation, path) {
            throw FileSystemError(operation: "\(operation.rawValue) (gesimuleerd)", path: path, code: fault.code)
        }
    }

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        try check(.read, path)
        return try real.readFile(path)
    }

    public func openForReading(_ path: String) throws(FileSystemError) -> Int32 {
        try check(.read, path)
        return try real.openForReading(path)
    }

    public func read(_ descriptor: Int32, from offset: Int64, path: String) throws(FileSystemError) -> [UInt8] {
        try check(.read, path)
        return try real.read(descriptor, from: offset, path: path)
    }

    public func status(of descriptor: Int32, path: String) throws(FileSystemError) -> FileStatus {
        try real.status(of: descriptor, path: path)
    }

    public func status(_ path: String) throws(FileSystemError) -> FileStatus? { try real.status(path) }

    public func realPath(_ path: String) -> String? { real.realPath(path) }
    public func linkTarget(_ path: String) -> String? { real.linkTarget(path) }

    public func createExclusive(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32 {
        try check(.create, path)
        let descriptor = try real.createExclusive(path, mode: mode)
        lock.withLock { paths[descriptor] = path }
        return descriptor
    }

    public func openForAppending(_ path: String, mode: UInt32) throws(FileSystemError) -> Int32 {
        try check(.openForAppending, path)
        let descriptor = try real.openForAppending(path, mode: mode)
        lock.withLock { paths[descriptor] = path }
        return descriptor
    }

    public func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(FileSystemError) {
        if let fault = fault(.write, path) {
            if fault.bytesWritten > 0 { try real.write(descriptor, Array(bytes.prefix(fault.bytesWritten)), path: path) }
            if fault.bytesWithheld > 0 { try real.write(descriptor, Array(bytes.dropLast(fault.bytesWithheld)), path: path) }
            throw FileSystemError(operation: "schrijven (gesimuleerd)", path: path, code: fault.code)
        }
        try real.write(descriptor, bytes, path: path)
    }

    public func synchronize(_ descriptor: Int32, path: String) throws(FileSystemError) {
        try check(.synchronize, path)
        try real.synchronize(descriptor, path: path)
    }

    public func truncate(_ descriptor: Int32, length: Int64, path: String) throws(FileSystemError) {
        try check(.truncate, path)
        try real.truncate(descriptor, length: length, path: path)
    }

    public func close(_ descriptor: Int32) {
        lock.withLock { _ = paths.removeValue(forKey: descriptor) }
        real.close(descriptor)
    }

    public func rename(_ source: String, to destination: String) throws(FileSystemError) {
        try check(.rename, destination)
        try real.rename(source, to: destination)
    }

    public func removeFile(_ path: String) throws(FileSystemError) {
        try check(.remove, path)
        try real.removeFile(path)
    }

    public func removeDirectory(_ path: String) throws(FileSystemError) {
        try check(.remove, path)
        try real.removeDirectory(path)
    }

    public func synchronizeDirectory(_ path: String) throws(FileSystemError) {
        try check(.synchronizeDirectory, path)
        try real.synchronizeDirectory(path)
    }

    public func createDirectory(_ path: String, mode: UInt32) throws(FileSystemError) {
        try check(.createDirectory, path)
        try real.createDirectory(path, mode: mode)
    }

    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] { try real.contentsOfDirectory(path) }

    public func link(_ existing: String, to newPath: String) throws(FileSystemError) {
        try check(.link, newPath)
        try real.link(existing, to: newPath)
    }
}
