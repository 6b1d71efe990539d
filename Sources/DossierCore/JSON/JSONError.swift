/// A problem found while reading JSON: where it is (byte offset and path) and what is wrong, in Dutch.
public struct JSONError: Error, Sendable, Equatable {
    /// Byte offset into the document where the problem starts.
    public var offset: Int
    /// The path from the root to the value with the problem; filled in as the error travels outwards.
    public var path: JSONPath
    public var message: String
    /// Set when the document is of a newer schema than this program reads: not damage, an older program.
    public var newerVersion: Int?

    public init(offset: Int, path: JSONPath = .root, message: String, newerVersion: Int? = nil) {
        self.offset = offset
        self.path = path
        self.message = message
        self.newerVersion = newerVersion
    }

    func prefixed(by component: JSONPath.Component) -> JSONError {
        var copy = self
        copy.path.components.insert(component, at: 0)
        return copy
    }
}

/// A line and column in a text, both counted from 1; the column counts characters, not bytes.
public struct TextPosition: Hashable, Sendable {
    public var line: Int
    public var column: Int

    /// The position of a byte offset in UTF-8 text.
    public init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        self.line = line
        self.column = column
    }

    public init(offset: Int, in bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { TextPosition(offset: offset, in: $0) }
    }
}
