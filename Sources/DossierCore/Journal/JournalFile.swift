/// Reading a journal: complete lines become entries; a last line that was cut off by a crash is left out
/// (with a notice); damage anywhere else is an error naming the line.
public struct JournalFile: Sendable {
    public var entries: [JournalEntry]
    /// The checksum of each entry's line, in the same order (what the next entry names as `previous`).
    public var checksums: [String]
    /// Bytes up to the end of the last complete line; a torn tail lies beyond.
    public var validLength: Int
    /// The last line was incomplete or did not match its checksum: a crash during an append.
    public var hasTornTail: Bool

    /// A damaged line that is not the last one.
    public struct Damage: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "regel \(line): \(message)" }
    }

    public static func parse(_ bytes: [UInt8]) throws(Damage) -> JournalFile {
        var entries: [JournalEntry] = []
        var checksums: [String] = []
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                // No line break: the append never finished.
                return JournalFile(entries: entries, checksums: checksums, validLength: start, hasTornTail: true)
            }
            let line = Array(bytes[start..<newline])
            switch decodeLine(line) {
            case .success(let (entry, checksum)):
                if let previous = entries.last, entry.sequence != previous.sequence + 1 {
                    throw Damage(line: lineNumber, message: "volgnummer \(entry.sequence) volgt niet op \(previous.sequence)")
                }
                if let previous = entry.previous, let before = checksums.last, previous != before {
                    throw Damage(line: lineNumber, message: "wijziging \(entry.sequence) volgt niet op de regel ervoor (controlegetal \(previous), verwacht \(before))")
                }
                entries.append(entry)
                checksums.append(checksum)
            case .failure(let problem):
                // Only the very last line may be damaged: that is a crash mid-append, not corruption.
                if newline + 1 == bytes.count {
                    return JournalFile(entries: entries, checksums: checksums, validLength: start, hasTornTail: true)
                }
                throw Damage(line: lineNumber, message: "\(problem.path == .root ? "" : "\(problem.path): ")\(problem.message)")
            }
            start = newline + 1
        }
        return JournalFile(entries: entries, checksums: checksums, validLength: start, hasTornTail: false)
    }

    private static func decodeLine(_ line: [UInt8]) -> Result<(JournalEntry, String), JSONError> {
        do {
            return .success(try JSONReader.read(line) { (reader: inout JSONReader) throws(JSONError) -> (JournalEntry, String) in
                var crc: String?, entry: JournalEntry?, body: ArraySlice<UInt8> = []
                try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                    switch key {
                    case "crc": crc = try reader.readString()
                    case "entry":
                        let begin = reader.valueOffset()
                        entry = try JournalEntry(reading: &reader)
                        body = line[begin..<reader.offset]
                    default: throw reader.unknownField(key)
                    }
                }
                guard let entry, let crc else { throw JSONError(offset: 0, message: "regel zonder crc of entry") }
                guard crc == CRC32.hex(CRC32.checksum(body)) else {
                    throw JSONError(offset: 0, message: "controlegetal klopt niet (de regel is beschadigd)")
                }
                return (entry, crc)
            })
        } catch {
            return .failure(error)
        }
    }
}
