/// The frame of the caches kept beside a snapshot (`SideIndex`, `ActivityIndex`): a header line (a compact JSON
/// object with the cache's own fields, then the body's length and CRC-32), the body, and a line break. Bytes
/// that are not exactly that (cut off, grown, damaged) are not believed.
struct CacheFileFrame: Sendable {
    /// Where the body lies in the bytes.
    var body: Range<Int>
    var checksum: String

    /// The cache's bytes: `fields` writes its own header fields.
    static func encode(body: [UInt8], header fields: (inout JSONWriter) -> Void) -> [UInt8] {
        header(body: body, fields: fields) + body + [0x0A]
    }

    /// The header line with its line break: what comes before `body` (and after it, one more line break), for
    /// a large cache written in pieces.
    static func header(body: [UInt8], fields: (inout JSONWriter) -> Void) -> [UInt8] {
        header(bodyLength: body.count, bodyChecksum: CRC32.checksum(body), fields: fields)
    }

    /// The same for a body of `bodyLength` bytes whose CRC-32 is `bodyChecksum`, made in pieces.
    static func header(bodyLength: Int, bodyChecksum: UInt32, fields: (inout JSONWriter) -> Void) -> [UInt8] {
        var header = JSONWriter(pretty: false)
        header.beginObject()
        fields(&header)
        header.field("bodyLength", bodyLength)
        header.field("bodyChecksum", CRC32.hex(bodyChecksum))
        header.endObject()
        return header.bytes + [0x0A]
    }

    /// Reads the header of `bytes`, handing each of the cache's own fields to `field` (which reads or skips
    /// it); nil when there is no header, or the bytes are not exactly the header, a body of its length and a
    /// line break. The body itself is not looked at (`checkedBody`).
    init?(_ bytes: UnsafeBufferPointer<UInt8>, field: (inout JSONReader, String) throws(JSONError) -> Void) {
        guard bytes.last == 0x0A else { return nil }
        self.init(start: bytes, fileSize: bytes.count, field: field)
    }

    /// The same from the start of the file (at least its header line) and the file's size: what a cache says it
    /// is for, without reading its body (nor its last byte).
    init?(start bytes: UnsafeBufferPointer<UInt8>, fileSize: Int, field: (inout JSONReader, String) throws(JSONError) -> Void) {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        var length: Int?, checksum: String?
        do {
            try JSONReader.read(Array(bytes[..<newline])) { (reader: inout JSONReader) throws(JSONError) in
                try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                    switch key {
                    case "bodyLength": length = try reader.readInt()
                    case "bodyChecksum": checksum = try reader.readString()
                    default: try field(&reader, key)
                    }
                }
            }
        } catch {
            return nil
        }
        // (A length near Int.max must not overflow the sum.)
        guard let length, let checksum, length >= 0, length <= fileSize, fileSize == newline + 1 + length + 1 else { return nil }
        body = (newline + 1)..<(newline + 1 + length)
        self.checksum = checksum
    }

    /// The body within `bytes` (the bytes the header was read from), when its checksum is right.
    func checkedBody(of bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        let content = UnsafeBufferPointer(rebasing: bytes[body])
        return CRC32.hex(CRC32.checksum(content)) == checksum ? content : nil
    }
}
