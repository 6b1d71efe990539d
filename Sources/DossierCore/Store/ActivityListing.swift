/// The activities of a dossier as `dossier activities --json` lists them, without building the dossier: of
/// every activity in the snapshot only what a query filters and orders on and where its bytes are, in list
/// order (`ActivityIndex`); the activities themselves are copied from the snapshot as it is written, one at a
/// time. Only the activities the journal touched since the snapshot are read whole and brought up to date,
/// with the relations (for `--relation` by name).
///
/// The same rows serve the commands that change one activity, `show`, `budget`, `assess` and the agenda
/// (`+OneActivity`, `+DossierParts`, `ActivityTally`), each reading only the fields it needs.
///
/// Made by `DossierStore.activityListing()` only when the side index vouches for the snapshot and journal
/// as they are and says this program wrote the snapshot, so that every activity in it is laid out exactly
/// as `Activity.write` lays it out: the listing gives the bytes a listing of the whole dossier gives.
public final class ActivityListing: Sendable {
    /// One activity as the snapshot holds it: where its bytes are, its place in the snapshot's list, and
    /// what a listing filters and orders on.
    struct Entry: Sendable {
        var bytes: Range<Int>
        var position: Int
        var key: ActivityQuery.SortKey
        var facets: ActivityQuery.Facets
        /// What a line of the table shows of it (`ActivityRow`): its title, linked relations and cost.
        var row: ActivityRow
        /// The organiser, when a relation (a listing by relation looks at it beside the linked ones).
        var organiser: RelationID?
        /// What it costs the budget (`Activity.budgetedCost`).
        var budgeted: Money
        /// The end date (`Activity.endDate`), for the agenda (kept once, in the row).
        var end: CalendarDate? { row.endDate }
        /// All its follow-ups, done or not, at their places (the agenda names one by its place).
        var followUps: [FollowUp]

        /// (Kept once, in the row: a hundred thousand rows are read at a time.)
        var id: ActivityID { row.id }

        /// Whether `relation` is linked to it or organises it (as `ActivityQuery.matches` looks).
        func involves(_ relation: RelationID) -> Bool {
            organiser == relation || row.relations.contains(relation)
        }
    }

    /// The relations as they are now, and the activities the journal changed or added since the snapshot.
    public let dossier: Dossier
    /// The snapshot's activities in list order (by `ActivityQuery.SortKey`, ties in snapshot order).
    let entries: [Entry]
    /// Those of `entries` whose bytes are no longer what the dossier holds (changed or removed since).
    let replaced: Set<Int>
    /// Where the activities of `dossier` that kept their place stood in the snapshot; the others (added, or
    /// removed and added again) come after all of the snapshot's, as in the whole dossier.
    let snapshotPositions: [ActivityID: Int]
    /// Which fields of the rows were read (`ActivityIndex.decode`); the others are empty.
    let fields: Entry.Fields
    /// The snapshot and journal it was read from.
    let stamps: ListingStamps
    let descriptor: Int32
    let fileSystem: any FileSystem
    let path: String

    init(dossier: Dossier, entries: [Entry], replaced: Set<Int>, snapshotPositions: [ActivityID: Int], fields: Entry.Fields,
         stamps: ListingStamps, descriptor: Int32, fileSystem: any FileSystem, path: String) {
        self.dossier = dossier
        self.entries = entries
        self.replaced = replaced
        self.snapshotPositions = snapshotPositions
        self.fields = fields
        self.stamps = stamps
        self.descriptor = descriptor
        self.fileSystem = fileSystem
        self.path = path
    }

    deinit {
        fileSystem.close(descriptor)
    }

    /// The lines of `dossier activities` for `query`, in list order: the same rows the whole dossier gives.
    public func rows(_ query: ActivityQuery) -> [ActivityRow] {
        selected(query).map { item in
            switch item {
            case .copied(let index): entries[index].row
            case .written(let index): ActivityRow(dossier.activities[index])
            }
        }
    }

    /// The activities `query` selects, in list order, as the JSON array a listing of the whole dossier writes
    /// (`Activity.write` in a pretty array), handed to `output` in pieces of about `piece` bytes.
    public func writeJSON(_ query: ActivityQuery, piece: Int, to output: ([UInt8]) -> Void) throws(StoreError) {
        let items = selected(query)
        // The opening bracket goes out with the first piece: a listing that fails at once writes nothing.
        var opening = JSONWriter()
        opening.beginArray()
        var pending = opening.takeBytes()
        // Copying is reading the snapshot an activity at a time: the pieces (about `piece` bytes each, an
        // activity is about a kilobyte) are made on all cores and handed out in order.
        try ParallelChunks.inRounds(items.count, piece: piece / 1_000) { range in
            Result { () throws(StoreError) -> [UInt8] in try self.write(items[range]) }
        } take: { (bytes: Result<[UInt8], StoreError>) throws(StoreError) in
            output(pending + (try bytes.get()))
            pending = []
        }
        var closing = JSONWriter(continuingArrayAt: 1, afterElements: !items.isEmpty)
        closing.endArray()
        closing.finishDocument()
        output(pending + closing.takeBytes())
    }

    /// The activities `query` selects, in list order. The snapshot's come in list order already; the dossier's
    /// own (touched by the journal) are ordered alike and each put in its place among them.
    private func selected(_ query: ActivityQuery) -> [Item] {
        var withoutRelation = query
        withoutRelation.relation = nil
        var stored: [Int] = []
        stored.reserveCapacity(entries.count)
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices where !replaced.contains(index) && withoutRelation.matches(entries[index].facets) {
                if let relation = query.relation, !entries[index].involves(relation) { continue }
                stored.append(index)
            }
        }
        var current: [(index: Int, key: ActivityQuery.SortKey, position: Int)] = []
        dossier.activities.withUnsafeBufferPointer { activities in
            for index in activities.indices where query.matches(activities[index]) {
                let position = snapshotPositions[activities[index].id] ?? entries.count + index
                current.append((index, ActivityQuery.SortKey(activities[index]), position))
            }
        }
        func precedes(_ key: ActivityQuery.SortKey, _ position: Int, _ otherKey: ActivityQuery.SortKey, _ otherPosition: Int) -> Bool {
            key != otherKey ? key.precedes(otherKey) : position < otherPosition
        }
        current.sort { precedes($0.key, $0.position, $1.key, $1.position) }
        // For each of the dossier's own: how many of the snapshot's selected come before it.
        let places = current.map { item in
            var low = 0, high = stored.count
            while low < high {
                let middle = (low + high) / 2
                let entry = entries[stored[middle]]
                if precedes(entry.key, entry.position, item.key, item.position) { low = middle + 1 } else { high = middle }
            }
            return low
        }
        var items: [Item] = []
        items.reserveCapacity(stored.count + current.count)
        var next = 0
        for place in 0...stored.count {
            while next < current.count && places[next] == place {
                items.append(.written(current[next].index))
                next += 1
            }
            if place < stored.count { items.append(.copied(stored[place])) }
        }
        return items
    }

    enum Item: Sendable {
        /// An activity of the snapshot, by its place in `entries`.
        case copied(Int)
        /// An activity of `dossier`, by its place there.
        case written(Int)
    }

    /// The activities of the dossier as it is now that `row` selects (of the snapshot's the journal left alone) or
    /// `activity` does (of the ones it touched), in the dossier's order.
    func inDossierOrder(rows row: (Entry) -> Bool, activities activity: (Activity) -> Bool) -> [Item] {
        var order: [(order: Int, item: Item)] = []
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices where !replaced.contains(index) && row(entries[index]) { order.append((entries[index].position, .copied(index))) }
        }
        for (index, touched) in dossier.activities.enumerated() where activity(touched) { order.append((self.order(ofTouched: index), .written(index))) }
        return order.sorted { $0.order < $1.order }.map(\.item)
    }

    /// The activities `items` stand for: the dossier's own as they are, the snapshot's rows made into what
    /// `row` makes of them.
    func activities(_ items: [Item], row: (Entry) -> Activity) -> [Activity] {
        var activities: [Activity] = []
        activities.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .copied(let index): activities.append(row(entries[index]))
            case .written(let index): activities.append(dossier.activities[index])
            }
        }
        return activities
    }

    /// Items of the list as the JSON one writer would write for them there.
    private func write(_ items: ArraySlice<Item>) throws(StoreError) -> [UInt8] {
        var writer = JSONWriter(continuingArrayAt: 1, afterElements: items.startIndex > 0, reservingCapacity: items.count * 1_100)
        var scratch: [UInt8] = []
        for item in items {
            writer.element()
            switch item {
            case .written(let index): dossier.activities[index].write(to: &writer)
            case .copied(let index): try copy(entries[index].bytes, into: &writer, scratch: &scratch)
            }
        }
        return writer.bytes
    }

    /// An activity's bytes in the snapshot, written as this list's element.
    private func copy(_ range: Range<Int>, into writer: inout JSONWriter, scratch: inout [UInt8]) throws(StoreError) {
        if scratch.count < range.count { scratch = [UInt8](repeating: 0, count: range.count) }
        let copied = scratch.withUnsafeMutableBytes { buffer in
            Result { () throws(FileSystemError) -> Bool in
                let slice = UnsafeMutableRawBufferPointer(rebasing: buffer[..<range.count])
                let count = try fileSystem.read(descriptor, from: Int64(range.lowerBound), into: slice, path: path)
                // An activity lies two levels deep in the snapshot (the document, its list), one in this list.
                return count == range.count && writer.copiedValue(UnsafeBufferPointer(slice.bindMemory(to: UInt8.self)), writtenDeeperBy: 1)
            }
        }
        guard try copied.mapError(StoreError.fileSystem).get() else { throw .changedOnDisk(file: path) }
    }
}
