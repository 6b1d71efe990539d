/// One line of the journal: a change (or a restore from a backup), with who made it, when, and what it
/// did in words. Entries are numbered without gaps; the snapshot records the last number it includes.
///
/// Each entry also names the dossier's lineage and the checksum of the entry before it, so a journal
/// can be proven to continue its snapshot (see `JournalContinuity`). Entries written before lineages
/// existed (schemaVersion 1) have neither.
public struct JournalEntry: Hashable, Sendable {
    public var sequence: Int
    /// The identity of the dossier this entry belongs to (nil: an entry of schemaVersion 1).
    public var lineage: String?
    /// The checksum of the entry before this one ("" for the first of a dossier; nil for schemaVersion 1).
    public var previous: String?
    public var timestamp: Timestamp
    public var actor: String
    /// The local date the change was made on (status histories record it).
    public var today: CalendarDate
    public var summary: String
    /// What changed field by field, old → new, as it read when the change was made ("Land: – → Denemarken").
    public var details: [String]
    /// The relations and activities involved, kept so the log can be filtered even after a delete.
    public var subjects: [String]
    public var event: JournalEvent
    /// The database role that wrote the entry, as the server recorded it (a dossier in PostgreSQL); not part
    /// of the entry's bytes, so a configuration file cannot forge it. Nil for a file's journal.
    public var role: String?
    /// The database role that copied the entry from a file's journal into the database (`dossier copy`), where `role`
    /// would name the one who copied it as if they had made the change. Nil otherwise.
    public var copiedBy: String?

    /// Who, for people: the name, and the database role when the server recorded one ("Ine (rol dossier_schrijver)"), or
    /// who copied it there ("Ine (gekopieerd door rol beheerder)").
    public var who: String {
        if let copiedBy { return "\(actor) (gekopieerd door rol \(copiedBy))" }
        guard let role, role != actor else { return actor }
        return "\(actor) (rol \(role))"
    }
    /// The file format the change was written in (`schemaVersion`; lines without one are version 1). A
    /// change of an older format is brought up to date when it is replayed (`SchemaMigrations.upgrade`).
    public var formatVersion: Int

    public init(sequence: Int, lineage: String? = nil, previous: String? = nil, timestamp: Timestamp, actor: String, today: CalendarDate,
                summary: String, details: [String] = [], subjects: [String], event: JournalEvent,
                formatVersion: Int = Dossier.currentSchemaVersion) {
        self.formatVersion = formatVersion
        self.sequence = sequence
        self.lineage = lineage
        self.previous = previous
        self.timestamp = timestamp
        self.actor = actor
        self.today = today
        self.summary = summary
        self.details = details
        self.subjects = subjects
        self.event = event
    }

    public var context: ChangeContext { ChangeContext(actor: actor, timestamp: timestamp, today: today, formatVersion: formatVersion) }

    public var reason: String {
        if case .change(let change) = event { return change.reason }
        return ""
    }
}

/// What a journal entry records.
public enum JournalEvent: Hashable, Sendable {
    case change(Change)
    /// The dossier was replaced by a backup (by file name in the backups folder).
    case restoreBackup(String)
}

extension JournalEntry {
    /// `{"crc":"…","entry":{…}}` and a line break: the checksum covers the exact bytes of the entry.
    public func line() -> [UInt8] { encodedLine().bytes }

    /// The line and the checksum it carries (the next entry's `previous`).
    public func encodedLine() -> (bytes: [UInt8], checksum: String) {
        var writer = JSONWriter(pretty: false)
        write(to: &writer)
        let body = writer.bytes
        let checksum = CRC32.hex(CRC32.checksum(body))
        var line = Array(#"{"crc":""#.utf8) + Array(checksum.utf8) + Array(#"","entry":"#.utf8)
        line += body
        line += Array("}\n".utf8)
        return (line, checksum)
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("seq", sequence)
        writer.field("schemaVersion", formatVersion)
        if let lineage { writer.field("lineage", lineage) }
        if let previous { writer.field("prev", previous) }
        writer.field("at", timestamp.iso)
        writer.field("by", actor)
        writer.field("today", today.iso)
        writer.field("summary", summary)
        if !details.isEmpty {
            writer.key("details")
            writer.inlineStrings(details)
        }
        writer.optionalField("subjects", subjects)
        switch event {
        case .change(let change):
            writer.key("change")
            change.write(to: &writer)
        case .restoreBackup(let name):
            writer.field("restoreBackup", name)
        }
        writer.endObject()
    }

    init(reading reader: inout JSONReader) throws(JSONError) {
        let start = reader.valueOffset()
        var sequence: Int?, lineage: String?, previous: String?, timestamp: Timestamp?, actor: String?, today: CalendarDate?, summary = "", subjects: [String] = []
        var event: JournalEvent?, details: [String] = []
        // Written before `change`, so the change is read in its own format; a line without it is version 1.
        let outerVersion = reader.formatVersion
        reader.formatVersion = 1
        defer { reader.formatVersion = outerVersion }
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "seq": sequence = try reader.readInt(in: Limits.journalSequence)
            case "schemaVersion":
                let versionStart = reader.valueOffset()
                let version = try reader.readInt()
                guard (1...Dossier.currentSchemaVersion).contains(version) else {
                    throw reader.error(at: versionStart, "deze regel heeft schemaVersion \(version); deze versie van dossier kent tot en met \(Dossier.currentSchemaVersion). Werk dossier bij om het te openen")
                }
                reader.formatVersion = version
            case "lineage":
                let lineageStart = reader.valueOffset()
                let value = try reader.readString()
                guard Lineage.isValid(value) else { throw reader.error(at: lineageStart, "'\(value)' is geen geldige lineage (32 hexadecimale tekens)") }
                lineage = value
            case "prev":
                let previousStart = reader.valueOffset()
                let value = try reader.readString()
                guard value.isEmpty || CRC32.isValidHex(value) else { throw reader.error(at: previousStart, "'\(value)' is geen controlegetal") }
                previous = value
            case "at": timestamp = try reader.readTimestamp()
            case "by": actor = try reader.readString()
            case "today": today = try reader.readDate()
            case "summary": summary = try reader.readString()
            case "details": details = try reader.readStrings()
            case "subjects": subjects = try reader.readStrings()
            case "change": event = .change(try Change(reading: &reader))
            case "restoreBackup": event = .restoreBackup(try reader.readString())
            default: throw reader.unknownField(key)
            }
        }
        self.init(sequence: try required(sequence, "seq", at: start), lineage: lineage, previous: previous, timestamp: try required(timestamp, "at", at: start),
                  actor: try required(actor, "by", at: start), today: try required(today, "today", at: start), summary: summary,
                  details: details, subjects: subjects, event: try required(event, "change", at: start), formatVersion: reader.formatVersion)
    }
}
