import Foundation

/// A fresh directory under the system's temporary folder, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "dossier-test") {
        var template = Array((URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("\(prefix)-XXXXXX").path).utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
    }

    /// The path of a file in this directory.
    public func file(_ name: String) -> String { path + "/" + name }

    public func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }

    public func write(_ name: String, _ text: String) throws {
        try write(name, Array(text.utf8))
    }

    public func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: file(name))))
    }

    /// Flips one bit of the byte `fromEnd` bytes before the end of a file here: damage a checksum must catch.
    public func damage(_ name: String, fromEnd: Int) throws {
        var bytes = try read(name)
        bytes[bytes.count - fromEnd] ^= 0x01
        try write(name, bytes)
    }

    deinit {
        // Make everything writable again first: tests make folders read-only on purpose.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        if let enumerator = FileManager.default.enumerator(atPath: path) {
            for case let name as String in enumerator {
                _ = try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path + "/" + name)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}
