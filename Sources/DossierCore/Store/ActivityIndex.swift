/// Beside a snapshot this program wrote (`NAME.activities`): for every activity in it, where its bytes are and
/// what a listing filters and orders on (`ActivityListing.Entry`), so that `dossier activities --json` need
/// not read the 100 MB of a large snapshot to list it. Written with the snapshot (a compaction, a new file);
/// like the side index a copy, believed only for exactly the snapshot it was made with and only when whole;
/// deleting it loses nothing.
///
/// Two lines and the rows: a header (the format, the snapshot's stamp, the body's length and checksum), then
/// the body, a JSON list in list order with one activity per line (so that it reads on all cores): `[start,
/// length, position in the snapshot, "id", day or null, "sort title", "title", "status", "kind", "direction" or
/// null, "budget line" or null, cost in cents or null, ["linked relation", …], "organising relation" or null, what it
/// costs the budget in cents (`Activity.budgetedCost`), end day or null, [follow-up, …] (as `Activity.write`
/// writes them)]`.
struct ActivityIndex: Sendable {
    static let format = 4

    var snapshot: SideIndex.FileStamp
    var entries: [ActivityListing.Entry]

    // MARK: Writing

    /// The body of the index of `activities` as a snapshot holds them at `ranges` (`Dossier.encode(activityRanges:to:)`):
    /// the rows in list order (`ActivityQuery.listOrder`), each made and written in turn, so that no list of
    /// rows is held beside the bytes (at 100.000 activities a compaction would hold ± 27 MB more).
    static func body(of activities: [Activity], at ranges: [Range<Int>]) -> [UInt8] {
        let keys = activities.map(ActivityQuery.SortKey.init)
        var body: [UInt8] = []
        // Room for the longest rows: what is reserved and not written is never touched, so it costs no memory.
        body.reserveCapacity(16 + activities.count * 400)
        body += Array("[".utf8)
        for (index, position) in ActivityQuery.listOrder(keys).enumerated() {
            let activity = activities[position]
            let entry = ActivityListing.Entry(bytes: ranges[position], position: position, key: keys[position],
                                              facets: ActivityQuery.Facets(activity), row: ActivityRow(activity), organiser: activity.organiser.relationID,
                                              budgeted: activity.budgetedCost, end: activity.endDate, followUps: activity.followUps)
            body += Array((index == 0 ? "\n  " : ",\n  ").utf8)
            body += row(of: entry)
        }
        body += Array("\n]".utf8)
        return body
    }

    /// The header line (with its line break) of the index whose body is `body`, for the snapshot stamped
    /// `snapshot`: the file is the header, the body and a line break (`CacheFileFrame`).
    static func header(snapshot: SideIndex.FileStamp, body: [UInt8]) -> [UInt8] {
        CacheFileFrame.header(body: body) { header in
            header.field("format", ActivityIndex.format)
            header.key("snapshot")
            SideIndex.write(snapshot, to: &header)
        }
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
            switch key {
            case "format": format = try reader.readInt()
            case "snapshot": stamp = try SideIndex.readStamp(&reader)
            default: try reader.skipValue()
            }
        }
        guard let frame, format == ActivityIndex.format, stamp == snapshot, let body = frame.checkedBody(of: bytes),
              let entries = try? JSONReader.read(body, releasingEvery: releasing ? JSONReader.defaultReleaseStep : nil, { (reader: inout JSONReader) throws(JSONError) in
                  try reader.readArrayInParallel { (reader: inout JSONReader) throws(JSONError) in try ActivityListing.Entry(row: &reader, fields: fields) }
              }) else { return nil }
        return ActivityIndex(snapshot: snapshot, entries: entries)
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
        /// And what a relation's row counts of them: the linked relations and the organiser.
        static let relationRows = tally.union(Fields(rawValue: 1 << 12 | 1 << 13))
        /// What an activity answers to by name (`NameLookup.answers`): the id and the title.
        static let names = Fields(rawValue: 1 << 3 | 1 << 6)
        /// What a name is looked up in (`NameCatalog`), and where it is: the bytes, position, id, start date and title
        /// (and the status, kind and cost to the budget, which every row has).
        static let naming = Fields(rawValue: 1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 14)
        /// What a listing filters, orders and shows (`dossier activities`): all but the end date and the follow-ups.
        static let listing = Fields(rawValue: (1 << 15) - 1)
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
        row = ActivityRow(startDate: date, id: id, title: title, kind: kind, status: status, relations: relations, cost: cost)
        self.organiser = organiser
        self.budgeted = budgeted
        end = endDay.map { CalendarDate(dayNumber: $0) }
        self.followUps = followUps
    }
}
