/// Beside a snapshot this program wrote (`NAME.activities`): for every activity in it, where its bytes are and
/// what a listing filters and orders on (`ActivityListing.Entry`), so that `dossier activities --json` need
/// not read the 100 MB of a large snapshot to list it. Written with the snapshot (a compaction, a new file);
/// like the side index a copy, believed only for exactly the snapshot it was made with and only when whole;
/// deleting it loses nothing.
///
/// Two lines and the rows: a header (the format, the snapshot's stamp, the body's length and checksum), then
/// the body, a JSON list in list order with one activity per line (so that it reads on all cores): `[start,
/// length, position in the snapshot, "id", day or null, "sort title", "title", "status", "kind", "direction" or
/// null, "budget line" or null, cost in cents or null (`Activity.listedCost`), ["linked relation", …], "organising relation" or null, what it
/// costs the budget in cents (`Activity.budgetedCost`), end day or null, [follow-up, …] (as `Activity.write`
/// writes them)]`.
struct ActivityIndex: Sendable {
    // 5: the cost is `Activity.listedCost` (before, the actual cost whatever the status).
    // 6: follow-ups have ids; a snapshot indexed before (written without them) is not listed from its bytes.
    // 7: what a cancelled activity costs the budget is its actual cost (what was paid all the same); before, nothing.
    // 8: the sort title is folded for accents too (`SearchText.fold`), not only lowercased.
    static let format = 8

    var snapshot: SideIndex.FileStamp
    var entries: [ActivityListing.Entry]

    // MARK: Writing

    /// The body of the index of `activities` as a snapshot holds them at `ranges` (`Dossier.encode(activityRanges:to:)`):
    /// the rows in list order (`ActivityQuery.listOrder`), each made and written in turn, so that no list of
    /// rows is held beside the bytes (at 100.000 activities a compaction would hold ± 27 MB more).
    static func body(of activities: [Activity], at ranges: [Range<Int>]) -> [UInt8] {
        var body: [UInt8] = []
        // Room for the longest rows: what is reserved and not written is never touched, so it costs no memory.
        body.reserveCapacity(16 + activities.count * 400)
        Rows(activities, at: ranges).emit(pieceSize: 1 << 20) { (piece: [UInt8]) throws(Never) in body += piece }
        return body
    }

    /// The rows of a body in list order, made as they are handed out, in pieces.
    struct Rows {
        let activities: [Activity]
        let ranges: [Range<Int>]
        let keys: [ActivityQuery.SortKey]
        let order: [Int]

        init(_ activities: [Activity], at ranges: [Range<Int>]) {
            self.activities = activities
            self.ranges = ranges
            keys = activities.map(ActivityQuery.SortKey.init)
            order = ActivityQuery.listOrder(keys)
        }

        /// The body's bytes to `output`, in pieces of about `pieceSize` bytes (cut between rows).
        func emit<Failure: Error>(pieceSize: Int, to output: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
            var piece = Array("[".utf8)
            for (index, position) in order.enumerated() {
                let activity = activities[position]
                let entry = ActivityListing.Entry(bytes: ranges[position], position: position, key: keys[position],
                                                  facets: ActivityQuery.Facets(activity), row: ActivityRow(activity), organiser: activity.organiser.relationID,
                                                  budgeted: activity.budgetedCost, followUps: activity.followUps)
                piece += Array((index == 0 ? "\n  " : ",\n  ").utf8)
                piece += row(of: entry)
                if piece.count >= pieceSize {
                    try output(piece)
                    piece.removeAll(keepingCapacity: true)
                }
            }
            piece += Array("\n]".utf8)
            try output(piece)
        }
    }

    /// The header line (with its line break) of the index whose body is `body`, for the snapshot stamped
    /// `snapshot`: the file is the header, the body and a line break (`CacheFileFrame`).
    static func header(snapshot: SideIndex.FileStamp, body: [UInt8]) -> [UInt8] {
        header(snapshot: snapshot, bodyLength: body.count, bodyChecksum: CRC32.checksum(body))
    }

    private static func header(snapshot: SideIndex.FileStamp, bodyLength: Int, bodyChecksum: UInt32) -> [UInt8] {
        CacheFileFrame.header(bodyLength: bodyLength, bodyChecksum: bodyChecksum) { header in
            header.field("format", ActivityIndex.format)
            header.key("snapshot")
            SideIndex.write(snapshot, to: &header)
        }
    }

    /// Puts the index of `activities` at `ranges` in place for the snapshot stamped `stamp`, its rows made twice
    /// (once for the header's length and checksum, once to write them) instead of held whole beside the dossier.
    static func write(of activities: [Activity], at ranges: [Range<Int>], for stamp: SideIndex.FileStamp, files: StoreFiles,
                      fileSystem: any FileSystem, mode: UInt32, pieceSize: Int = 1 << 20) {
        let rows = Rows(activities, at: ranges)
        var length = 0, checksum = CRC32.start
        rows.emit(pieceSize: pieceSize) { (piece: [UInt8]) throws(Never) in
            length += piece.count
            checksum = CRC32.continuing(checksum, piece)
        }
        let header = header(snapshot: stamp, bodyLength: length, bodyChecksum: CRC32.finish(checksum))
        try? DurableWriter(fileSystem: fileSystem).replaceUnflushed(files.activityIndex, mode: DurableWriter.sharedMode(following: mode)) {
            write throws(FileSystemError) in
            try write(header)
            try rows.emit(pieceSize: pieceSize, to: write)
            try write([0x0A])
        }
        files.shareWithSnapshotGroup(files.activityIndex, fileSystem: fileSystem)
    }

    /// Puts the index with `body` in place for the snapshot stamped `stamp` (whose permission bits are `mode`): in
    /// one go, unflushed (a cache: cut off by a crash it is not believed).
    static func write(_ body: [UInt8], for stamp: SideIndex.FileStamp, files: StoreFiles, fileSystem: any FileSystem, mode: UInt32) {
        // In pieces: the body (25 MB at 100.000 activities) is not copied behind its header.
        try? DurableWriter(fileSystem: fileSystem).replaceUnflushed(files.activityIndex, mode: DurableWriter.sharedMode(following: mode)) {
            write throws(FileSystemError) in
            try write(header(snapshot: stamp, body: body))
            try write(body)
            try write([0x0A])
        }
        files.shareWithSnapshotGroup(files.activityIndex, fileSystem: fileSystem)
    }

    private static func row(of entry: ActivityListing.Entry) -> [UInt8] {
        var row = JSONWriter(pretty: false)
        row.beginArray()
        row.element()
        row.integer(entry.bytes.lowerBound)
        row.element()
        row.integer(entry.bytes.count)
        row.element()
        row.integer(entry.position)
        row.element()
        row.string(entry.id)
        row.element()
        if entry.key.date == .distantFuture { row.null() } else { row.integer(entry.key.date.dayNumber) }
        row.element()
        row.string(entry.key.title)
        row.element()
        row.string(entry.row.title)
        row.element()
        row.string(entry.facets.status.rawValue)
        row.element()
        row.string(entry.facets.kind.rawValue)
        row.element()
        if let direction = entry.facets.direction { row.string(direction.rawValue) } else { row.null() }
        row.element()
        if let line = entry.facets.budgetLine { row.string(line) } else { row.null() }
        row.element()
        if let cost = entry.row.cost { row.integer(cost.cents) } else { row.null() }
        row.element()
        row.beginArray()
        for relation in entry.row.relations {
            row.element()
            row.string(relation)
        }
        row.endArray()
        row.element()
        if let organiser = entry.organiser { row.string(organiser) } else { row.null() }
        row.element()
        row.integer(entry.budgeted.cents)
        row.element()
        if let end = entry.end { row.integer(end.dayNumber) } else { row.null() }
        row.element()
        row.beginArray()
        for followUp in entry.followUps {
            row.element()
            followUp.write(to: &row)
        }
        row.endArray()
        row.endArray()
        return row.bytes
    }

    // MARK: Reading

    /// The index in `bytes` when it is whole and of this format, made for the snapshot stamped `snapshot`;
    /// nil otherwise. `releasing`: the bytes are in memory of their own (`SnapshotBuffer`), handed back page by
    /// page as the rows are read.
    /// `fields`: which of a row's fields to read (`.all`, or `.tally` where only an
    /// `ActivityTally` is made of it); the others stay empty.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, for snapshot: SideIndex.FileStamp, releasing: Bool = false,
                       fields: ActivityListing.Entry.Fields = .all) -> ActivityIndex? {
        var stamp: SideIndex.FileStamp?, format: Int?
        let frame = CacheFileFrame(bytes) { (reader: inout JSONReader, key: String) throws(JSONError) in
            try readHeaderField(key, &reader, format: &format, stamp: &stamp)
        }
        guard let frame, format == ActivityIndex.format, stamp == snapshot, let body = frame.checkedBody(of: bytes),
              let entries = try? JSONReader.read(body, releasingEvery: releasing ? JSONReader.defaultReleaseStep : nil, { (reader: inout JSONReader) throws(JSONError) in
                  try reader.readArrayInParallel { (reader: inout JSONReader) throws(JSONError) in try ActivityListing.Entry(row: &reader, fields: fields) }
              }) else { return nil }
        return ActivityIndex(snapshot: snapshot, entries: entries)
    }

    /// Whether the index at `path` says it is of this format and made for the snapshot stamped `snapshot`, and
    /// has the size its header gives: its first bytes only (the body's checksum is checked when it is read).
    static func isMade(for snapshot: SideIndex.FileStamp, at path: String, fileSystem: any FileSystem) -> Bool {
        guard let descriptor = try? fileSystem.openForReading(path) else { return false }
        defer { fileSystem.close(descriptor) }
        var start = [UInt8](repeating: 0, count: 4_096)
        guard let status = try? fileSystem.status(of: descriptor, path: path),
              let count = start.withUnsafeMutableBytes({ try? fileSystem.read(descriptor, from: 0, into: $0, path: path) }) else { return false }
        var stamp: SideIndex.FileStamp?, format: Int?
        let frame = start.withUnsafeBufferPointer { bytes in
            CacheFileFrame(start: UnsafeBufferPointer(rebasing: bytes[..<count]), fileSize: Int(status.size)) {
                (reader: inout JSONReader, key: String) throws(JSONError) in
                try readHeaderField(key, &reader, format: &format, stamp: &stamp)
            }
        }
        return frame != nil && format == ActivityIndex.format && stamp == snapshot
    }

    private static func readHeaderField(_ key: String, _ reader: inout JSONReader, format: inout Int?,
                                        stamp: inout SideIndex.FileStamp?) throws(JSONError) {
        switch key {
        case "format": format = try reader.readInt()
        case "snapshot": stamp = try SideIndex.readStamp(&reader)
        default: try reader.skipValue()
        }
    }
}

extension ActivityListing.Entry {
    /// Which fields of a row are read, one bit for each in the row's order.
    struct Fields: OptionSet, Sendable {
        let rawValue: UInt32

        static let all = Fields(rawValue: .max)
        /// What a listing needs to find the activities the journal touched (where, which), and a tally: the id,
        /// the date, the status and kind, the budget line and what it costs it.
        static let tally = Fields(rawValue: 1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 4 | 1 << 7 | 1 << 8 | 1 << 10 | 1 << 14)
        /// And what a relation's row counts of them: the linked relations, the organiser and the end date (an activity
        /// under way is not overdue).
        static let relationRows = tally.union(Fields(rawValue: 1 << 12 | 1 << 13 | 1 << 15))
        /// What an activity answers to by name (`NameLookup.answers`): the id and the title.
        static let names = Fields(rawValue: 1 << 3 | 1 << 6)
        /// What a name is looked up in (`NameCatalog`), and where it is: the bytes, position, id, start date and title
        /// (and the status, kind and cost to the budget, which every row has).
        static let naming = Fields(rawValue: 1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 14)
        /// What a listing filters, orders and shows (`dossier activities`, with the mark of one that is over): all but the
        /// follow-ups.
        static let listing = Fields(rawValue: (1 << 16) - 1)
        /// What the agenda reads of an activity (`Entry.agendaActivity`), and where it is: its bytes, position, id,
        /// start date, title, status, kind, linked relations, cost to the budget (a row needs it), end date and
        /// follow-ups.
        static let agenda = Fields(rawValue: 1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 12 | 1 << 14 | 1 << 15 | 1 << 16)
    }

    /// A row of `ActivityIndex`.
    init(row reader: inout JSONReader, fields: Fields = .all) throws(JSONError) {
        var start = 0, length = 0, position = 0, id = "", day: Int?, sortTitle = "", title = "", status: ActivityStatus?, kind: ActivityKind?
        var direction: VisitDirection?, budgetLine: String?, cost: Money?, relations: [RelationID] = [], organiser: RelationID?
        var budgeted: Money?, endDay: Int?, followUps: [FollowUp] = []
        try reader.readArray { (reader: inout JSONReader, index: Int) throws(JSONError) in
            // A field past the last is refused below whatever is read.
            guard index > 16 || fields.contains(Fields(rawValue: 1 << index)) else { return try reader.skipValue() }
            switch index {
            case 0: start = try reader.readInt()
            case 1: length = try reader.readInt()
            case 2: position = try reader.readInt()
            case 3: id = try reader.readString()
            case 4: day = reader.readNull() ? nil : try reader.readInt()
            case 5: sortTitle = try reader.readString()
            case 6: title = try reader.readString()
            case 7: status = try reader.readVocabulary(ActivityStatus.self)
            case 8: kind = try reader.readVocabulary(ActivityKind.self)
            case 9: direction = reader.readNull() ? nil : try reader.readVocabulary(VisitDirection.self)
            case 10: budgetLine = try reader.readOptionalSharedString()
            case 11: cost = try reader.readOptionalMoney()
            case 12: relations = try reader.readSharedStrings()
            case 13: organiser = try reader.readOptionalSharedString()
            case 14: budgeted = try reader.readMoney()
            case 15: endDay = reader.readNull() ? nil : try reader.readInt()
            case 16: followUps = try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try FollowUp(reading: &reader) }
            default: throw reader.error("te veel velden")
            }
        }
        guard let status, let kind, let budgeted, start >= 0, length > 0, start <= Int(Int32.max) * 1_024, length <= Int(Int32.max), position >= 0 else {
            throw reader.error("onvolledige rij")
        }
        // A damaged index is never believed, and never makes a date out of range.
        for day in [day, endDay] {
            if let day, !SideIndex.dayNumbers.contains(day) { throw reader.error("datum buiten bereik") }
        }
        let date = day.map { CalendarDate(dayNumber: $0) }
        bytes = start..<(start + length)
        self.position = position
        key = ActivityQuery.SortKey(date: date ?? .distantFuture, title: sortTitle)
        facets = ActivityQuery.Facets(status: status, kind: kind, year: date?.year, direction: direction, budgetLine: budgetLine)
        row = ActivityRow(startDate: date, id: id, title: title, kind: kind, status: status, relations: relations, cost: cost,
                          endDate: endDay.map { CalendarDate(dayNumber: $0) })
        self.organiser = organiser
        self.budgeted = budgeted
        self.followUps = followUps
    }
}
