extension JSONReader {
    /// The byte offset of the value at `path` in a document, or of the deepest part of the path that
    /// exists. Used to put a line and column on problems found after decoding.
    public static func offset(of path: JSONPath, in bytes: [UInt8]) -> Int? {
        try? read(bytes) { (reader: inout JSONReader) throws(JSONError) -> Int in
            var found = reader.valueOffset()
            try reader.locate(path.components[...], found: &found)
            return found
        }
    }

    private mutating func locate(_ components: ArraySlice<JSONPath.Component>, found: inout Int) throws(JSONError) {
        guard let first = components.first else {
            found = valueOffset()
            try skipValue()
            return
        }
        let rest = components.dropFirst()
        switch (first, try peekKind()) {
        case (.key(let wanted), .object):
            try readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                if key == wanted {
                    found = reader.valueOffset()
                    try reader.locate(rest, found: &found)
                } else {
                    try reader.skipValue()
                }
            }
        case (.index(let wanted), .array):
            try readArray { (reader: inout JSONReader, index: Int) throws(JSONError) in
                if index == wanted {
                    found = reader.valueOffset()
                    try reader.locate(rest, found: &found)
                } else {
                    try reader.skipValue()
                }
            }
        default:
            try skipValue()
        }
    }
}
