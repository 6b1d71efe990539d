/// The side index beside a snapshot (`NAME.index`): the `ListIndex` of the dossier as exactly one snapshot
/// and journal held it, stamped with which files those were, so that the start screen and `dossier
/// relations` need not read the whole snapshot. A cache: the snapshot and journal stay the only source;
/// deleting the index loses nothing.
///
/// Two lines: a header (the format, the stamps, the body's length and checksum) and the body (the list
/// index, compact JSON). It is believed only when every stamp matches the files as they are now and the
/// body is whole; otherwise it is ignored and the dossier is read in full.
///
/// It also records that the snapshot was read and checked in full (or written) by this program: a start
/// that finds the stamps matching need not check the snapshot's rules again (`DossierStore.load`).
/// Raise `format` when the list index or the rules the loader checks change, so that an older index is
/// not taken for a current one.
struct SideIndex: Sendable {
    // 6: `outcomes` also of ideas and proposals; 5: the last days of approved and planned activities (`ListIndex.outcomes`),
    // counted as signals once passed.
    // 4: a next date has the first day by which something of the relation is due (an activity under way is not overdue,
    // one after it may be); 3 (for a day only) had its own activity's last day.
    static let format = 6
    /// The days a dossier's dates can fall on (`Limits.years`), as day numbers.
    static let dayNumbers = CalendarDate(unchecked: Limits.years.lowerBound, 1, 1).dayNumber...CalendarDate(unchecked: Limits.years.upperBound, 12, 31).dayNumber

    /// A file as the index saw it: replaced, rewritten, appended to, or touched in any way (the status
    /// change time, which no one sets by hand) and it is another.
    struct FileStamp: Hashable, Sendable {
        var inode: UInt64
        var size: Int64
        var modification: [Int64]
        var statusChange: [Int64]

        init(_ status: FileStatus) {
            inode = status.inode
            size = status.size
            modification = [status.modificationSeconds, status.modificationNanoseconds]
            statusChange = [status.statusChangeSeconds, status.statusChangeNanoseconds]
        }

        init(inode: UInt64, size: Int64, modification: [Int64], statusChange: [Int64]) {
            self.inode = inode
            self.size = size
            self.modification = modification
            self.statusChange = statusChange
        }
    }

    var snapshot: FileStamp
    /// The last journal entry the snapshot holds (its `journalSequence`).
    var sequence: Int
    /// Nil: there was no journal.
    var journal: FileStamp?
    /// The last journal entry the index includes (the snapshot's when there is no journal).
    var journalSequence: Int
    /// Whether this program wrote the snapshot's bytes (a compaction): then every activity in it is laid out
    /// exactly as `Activity.write` lays it out, and may be copied instead of read and written again
    /// (`ActivityListing`). A snapshot that was only read and checked may be laid out otherwise.
    var snapshotWritten: Bool
    /// Whether this program compared the snapshot byte for byte with its own encoding and found it laid out
    /// otherwise (`SnapshotComparison`): not compared again while it is the same file. Written only when true
    /// (`"compared": true`), which an older version skips.
    var snapshotCompared: Bool
    var list: ListIndex

    init(snapshot: FileStamp, sequence: Int, journal: FileStamp?, journalSequence: Int, snapshotWritten: Bool = false,
         snapshotCompared: Bool = false, list: ListIndex) {
        self.snapshot = snapshot
        self.sequence = sequence
        self.journal = journal
        self.journalSequence = journalSequence
        self.snapshotWritten = snapshotWritten
        self.snapshotCompared = snapshotCompared
        self.list = list
    }

    // MARK: Writing

    func encoded() -> [UInt8] {
        CacheFileFrame.encode(body: SideIndex.encodeList(list)) { header in
            header.field("format", SideIndex.format)
            header.key("snapshot")
            SideIndex.write(snapshot, to: &header)
            header.field("sequence", sequence)
            header.key("journal")
            if let journal { SideIndex.write(journal, to: &header) } else { header.null() }
            header.field("journalSequence", journalSequence)
            header.field("written", snapshotWritten)
            if snapshotCompared { header.field("compared", true) }
        }
    }

    /// The body: the list index as compact JSON.
    static func encodeList(_ list: ListIndex) -> [UInt8] {
        var body = JSONWriter(pretty: false, reservingCapacity: 64 + list.relations.count * 160 + (list.deadlines.count + list.outcomes.count) * 6)
        body.beginObject()
        body.field("activities", list.activityCount)
        body.field("visits", list.visitCount)
        // Dates as day numbers (`readDays`).
        for (key, dates): (StaticString, [CalendarDate]) in [("deadlines", list.deadlines), ("outcomes", list.outcomes)] {
            body.key(key)
            body.beginArray()
            for date in dates {
                body.element()
                body.integer(date.dayNumber)
            }
            body.endArray()
        }
        body.key("relations")
        body.beginArray()
        for overview in list.relations {
            body.element()
            SideIndex.write(overview, to: &body)
        }
        body.endArray()
        body.endObject()
        return body.bytes
    }

    static func write(_ stamp: FileStamp, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("inode", String(stamp.inode))
        writer.field("size", stamp.size)
        writer.key("modification")
        writer.beginArray()
        for part in stamp.modification {
            writer.element()
            writer.integer(part)
        }
        writer.endArray()
        writer.key("statusChange")
        writer.beginArray()
        for part in stamp.statusChange {
            writer.element()
            writer.integer(part)
        }
        writer.endArray()
        writer.endObject()
    }

    private static func write(_ overview: RelationOverview, to writer: inout JSONWriter) {
        let relation = overview.relation
        writer.beginObject()
        writer.field("id", relation.id)
        writer.field("name", relation.name)
        writer.field("kind", relation.kind.rawValue)
        writer.field("status", relation.status.rawValue)
        writer.optionalField("countries", relation.countries.map(\.code))
        writer.optionalField("places", relation.places)
        writer.optionalField("reviewDate", relation.reviewDate?.iso)
        writer.field("activityCount", overview.activityCount)
        if let next = overview.nextDate {
            writer.key("next")
            writer.beginObject()
            writer.field("date", next.date.iso)
            if case .activity(let id) = next.reason { writer.field("activity", id) }
            if next.lastDay != next.date { writer.field("lastDay", next.lastDay.iso) }
            writer.endObject()
        }
        // Hidden behind an earlier review date: kept for when the review goes (a change to the relation alone).
        if let upcoming = overview.upcomingActivity, upcoming != overview.nextDate, case .activity(let id) = upcoming.reason {
            writer.key("upcoming")
            writer.beginObject()
            writer.field("date", upcoming.date.iso)
            writer.field("activity", id)
            if upcoming.lastDay != upcoming.date { writer.field("lastDay", upcoming.lastDay.iso) }
            writer.endObject()
        }
        writer.endObject()
    }

    // MARK: Reading

    /// The index in `bytes`, or nil when they are not a whole index of this format (damaged, cut off,
    /// another version): the caller then reads the dossier itself.
    static func decode(_ bytes: [UInt8]) -> SideIndex? {
        guard var index = decodeHeader(bytes), let list = index.decodeList(bytes) else { return nil }
        index.list = list
        return index
    }

    /// Where the body lies and how it is checked; kept from the header until the body is read.
    private var frame: CacheFileFrame?

    /// The header alone, with an empty list: enough to know which files the index describes.
    static func decodeHeader(_ bytes: [UInt8]) -> SideIndex? {
        var snapshot: FileStamp?, journal: FileStamp?, sequence: Int?, journalSequence: Int?, format: Int?, written = false, compared = false
        let frame = bytes.withUnsafeBufferPointer { bytes in
            CacheFileFrame(bytes) { (reader: inout JSONReader, key: String) throws(JSONError) in
                switch key {
                case "format": format = try reader.readInt()
                case "snapshot": snapshot = try readStamp(&reader)
                case "sequence": sequence = try reader.readInt()
                case "journal": journal = reader.readNull() ? nil : try readStamp(&reader)
                case "journalSequence": journalSequence = try reader.readInt()
                case "written": written = try reader.readBool()
                case "compared": compared = try reader.readBool()
                default: try reader.skipValue()
                }
            }
        }
        guard let frame, format == SideIndex.format, let snapshot, let sequence, let journalSequence else { return nil }
        var index = SideIndex(snapshot: snapshot, sequence: sequence, journal: journal, journalSequence: journalSequence, snapshotWritten: written,
                              snapshotCompared: compared, list: ListIndex(relations: [], activityCount: 0, visitCount: 0, deadlines: []))
        index.frame = frame
        return index
    }

    /// The body of the index whose header this is, when it is whole.
    func decodeList(_ bytes: [UInt8]) -> ListIndex? {
        guard let frame, !frame.body.isEmpty,
              let content = bytes.withUnsafeBufferPointer({ frame.checkedBody(of: $0).map(Array.init) }) else { return nil }
        return try? SideIndex.readList(content)
    }

    static func readStamp(_ reader: inout JSONReader) throws(JSONError) -> FileStamp {
        var inode: UInt64?, size: Int64?, modification: [Int64] = [], statusChange: [Int64] = []
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "inode": inode = UInt64(try reader.readString())
            case "size": size = try reader.readInteger()
            case "modification": modification = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try reader.readInteger() }
            case "statusChange": statusChange = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try reader.readInteger() }
            default: try reader.skipValue()
            }
        }
        guard let inode, let size, modification.count == 2, statusChange.count == 2 else { throw reader.error("onvolledige stempel") }
        return FileStamp(inode: inode, size: size, modification: modification, statusChange: statusChange)
    }

    static func readList(_ body: [UInt8]) throws(JSONError) -> ListIndex {
        try JSONReader.read(body) { (reader: inout JSONReader) throws(JSONError) in
            var list = ListIndex(relations: [], activityCount: 0, visitCount: 0, deadlines: [])
            try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                switch key {
                case "activities": list.activityCount = try reader.readInt()
                case "visits": list.visitCount = try reader.readInt()
                case "deadlines": list.deadlines = try readDays(&reader)
                case "outcomes": list.outcomes = try readDays(&reader)
                case "relations":
                    list.relations = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try readRow(&reader) }
                default: try reader.skipValue()
                }
            }
            return list
        }
    }

    private static func readDays(_ reader: inout JSONReader) throws(JSONError) -> [CalendarDate] {
        try reader.readArray { (reader: inout JSONReader) throws(JSONError) in
            let day = try reader.readInt()
            // A damaged index is never believed, and never makes a date out of range.
            guard SideIndex.dayNumbers.contains(day) else { throw reader.error("datum buiten bereik") }
            return CalendarDate(dayNumber: day)
        }
    }

    private static func readRow(_ reader: inout JSONReader) throws(JSONError) -> RelationOverview {
        var id = "", name = "", kind: RelationKind?, status: RelationStatus?, countries: [Country] = [], places: [String] = []
        var reviewDate: CalendarDate?, activityCount = 0, next: RelationOverview.NextDate?, upcoming: RelationOverview.NextDate?
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "id": id = try reader.readString()
            case "name": name = try reader.readString()
            case "kind": kind = try reader.readVocabulary(RelationKind.self)
            case "status": status = try reader.readVocabulary(RelationStatus.self)
            case "countries": countries = try reader.readCountries()
            case "places": places = try reader.readStrings()
            case "reviewDate": reviewDate = try reader.readDate()
            case "activityCount": activityCount = try reader.readInt()
            case "next": next = try readNextDate(&reader)
            case "upcoming":
                upcoming = try readNextDate(&reader)
                guard case .activity = upcoming?.reason else { throw reader.error("activiteit ontbreekt") }
            default: try reader.skipValue()
            }
        }
        guard let kind, let status else { throw reader.error("soort of status ontbreekt") }
        let relation = Relation(id: id, name: name, kind: kind, countries: countries, places: places, status: status, reviewDate: reviewDate)
        if upcoming == nil, case .activity = next?.reason { upcoming = next }
        return RelationOverview(relation: relation, activityCount: activityCount, nextDate: next, upcomingActivity: upcoming)
    }

    private static func readNextDate(_ reader: inout JSONReader) throws(JSONError) -> RelationOverview.NextDate {
        var date: CalendarDate?, activity: String?, lastDay: CalendarDate?
        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
            switch key {
            case "date": date = try reader.readDate()
            case "activity": activity = try reader.readString()
            case "lastDay": lastDay = try reader.readDate()
            default: try reader.skipValue()
            }
        }
        guard let date else { throw reader.error("datum ontbreekt") }
        return RelationOverview.NextDate(date: date, reason: activity.map { .activity($0) } ?? .review, lastDay: lastDay)
    }
}

extension ListIndex {
    /// The form of `encoded()`, raised with the side index's: a store that keeps the list index elsewhere (a
    /// database) keeps this beside it and ignores a list of another form.
    public static var encodingFormat: Int { SideIndex.format }

    /// The list index as compact JSON, as the side index holds it.
    public func encoded() -> [UInt8] { SideIndex.encodeList(self) }

    /// A list index read back from `encoded()`; nil when the bytes are not one.
    public init?(encoded bytes: [UInt8]) {
        guard let list = try? SideIndex.readList(bytes) else { return nil }
        self = list
    }
}
