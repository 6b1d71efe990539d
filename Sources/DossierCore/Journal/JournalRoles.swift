/// The roles a database recorded for the changes of a dossier that `dossier copy` brought into a file, kept in the
/// history folder beside the copied journal (`PAD.history/roles-FIRST-LAST.jsonl`): a journal line cannot hold them (its
/// checksum covers the entry's exact bytes, and an older program refuses a field it does not know), and a program that
/// does not know this file passes it by. One line per change with a role:
/// `{"seq":12,"crc":"2a103574","role":"kees"}` or `{"seq":3,"crc":"…","copiedBy":"beheer"}`; `crc` is the checksum of
/// the journal line the role belongs to, so it is never given to another line.
public enum JournalRoles {
    /// A role and the checksum of the line it belongs to.
    public typealias Mark = (checksum: String, role: RecordedRole)

    /// The lines for `roles`, by change number, of the entries in `journal`; empty when none has a role.
    public static func encode(_ roles: [Int: RecordedRole], of journal: JournalFile) -> [UInt8] {
        var bytes: [UInt8] = []
        for (entry, checksum) in zip(journal.entries, journal.checksums) {
            guard let role = roles[entry.sequence], !role.isEmpty else { continue }
            var writer = JSONWriter(pretty: false)
            writer.beginObject()
            writer.field("seq", entry.sequence)
            writer.field("crc", checksum)
            if let made = role.role { writer.field("role", made) }
            if let copiedBy = role.copiedBy { writer.field("copiedBy", copiedBy) }
            writer.endObject()
            bytes += writer.bytes
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// The roles in a file's bytes, by change number.
    public static func parse(_ bytes: [UInt8]) throws(JournalFile.Damage) -> [Int: Mark] {
        var marks: [Int: Mark] = [:]
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard let line = JournalFile.entryLine(line) else { continue }
            do {
                let (sequence, mark) = try JSONReader.read(Array(line)) { (reader: inout JSONReader) throws(JSONError) in try read(&reader) }
                marks[sequence] = mark
            } catch {
                throw JournalFile.Damage(line: index + 1, message: "\(error.path == .root ? "" : "\(error.path): ")\(error.message)")
            }
        }
        return marks
    }

    private static func read(_ reader: inout JSONReader) throws(JSONError) -> (Int, Mark) {
        let start = reader.valueOffset()
        var sequence: Int?, checksum: String?, role = RecordedRole()
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "seq": sequence = try reader.readInt(in: Limits.journalSequence)
            case "crc":
                let checksumStart = reader.valueOffset()
                let value = try reader.readString()
                guard CRC32.isValidHex(value) else { throw reader.error(at: checksumStart, "'\(value)' is geen controlegetal") }
                checksum = value
            case "role": role.role = try reader.readString()
            case "copiedBy": role.copiedBy = try reader.readString()
            default: throw reader.unknownField(key)
            }
        }
        guard !role.isEmpty else { throw reader.error(at: start, "role of copiedBy ontbreekt") }
        return (try required(sequence, "seq", at: start), (try required(checksum, "crc", at: start), role))
    }

    /// Gives each entry of `journal` the role marked for its number and line.
    public static func apply(_ marks: [Int: Mark], to journal: inout JournalFile) {
        guard !marks.isEmpty else { return }
        for index in journal.entries.indices {
            guard let mark = marks[journal.entries[index].sequence], mark.checksum == journal.checksums[index] else { continue }
            journal.entries[index].recordedRole = mark.role
        }
    }
}
