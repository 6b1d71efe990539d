/// The slow half of a compaction: encoding the dossier and, for a file, writing it flushed to a temporary
/// file beside the snapshot. It touches nothing the store or the user works with, so it may run on another
/// thread while changes go on being journaled; the store's `finishCompaction` puts the result in place.
public struct SnapshotWrite: Sendable {
    let snapshot: Dossier
    let destination: Destination

    enum Destination: Sendable {
        case file(path: String, writer: DurableWriter)
        /// Encoded only: a store that keeps snapshots elsewhere (a database) takes the bytes.
        case memory
    }

    init(path: String, snapshot: Dossier, writer: DurableWriter) {
        self.snapshot = snapshot
        destination = .file(path: path, writer: writer)
    }

    /// A snapshot encoded in memory, for a store that keeps it elsewhere.
    public init(encoding snapshot: Dossier) {
        self.snapshot = snapshot
        destination = .memory
    }

    /// The number of the last journal entry the new snapshot contains.
    public var sequence: Int { snapshot.journalSequence }

    public func run() throws(FileSystemError) -> WrittenSnapshot {
        var ranges: [Range<Int>] = []
        switch destination {
        case let .file(path, writer):
            // Written piece by piece: the whole encoded file is never in memory beside the dossier.
            let prepared = try writer.prepare(path) { write throws(FileSystemError) in try snapshot.encode(activityRanges: &ranges, to: write) }
            var written = WrittenSnapshot(sequence: sequence, lineage: snapshot.lineage, content: .file(prepared))
            // What the side index and the activity index will hold once the snapshot is in place (see
            // `DossierStore.installLocked`).
            written.list = ListIndex(dossier: snapshot)
            written.activityIndexBody = ActivityIndex.body(of: snapshot.activities, at: ranges)
            return written
        case .memory:
            var written = WrittenSnapshot(sequence: sequence, lineage: snapshot.lineage, content: .bytes(snapshot.encoded(activityRanges: &ranges)))
            written.list = ListIndex(dossier: snapshot)
            return written
        }
    }
}

/// A new snapshot, written and waiting for the store's `finishCompaction`: in a temporary file, or as bytes.
public struct WrittenSnapshot: Sendable {
    public let sequence: Int
    public let lineage: String?
    public let content: Content
    /// The list index of the new snapshot: a file store's side index (`SideIndex`), a database's row beside it.
    public internal(set) var list: ListIndex?
    /// Where each activity lies in a file store's new snapshot: the body of its `ActivityIndex`, whose header
    /// names the snapshot's stamp once it is in place.
    var activityIndexBody: [UInt8]?

    init(sequence: Int, lineage: String?, content: Content) {
        self.sequence = sequence
        self.lineage = lineage
        self.content = content
    }

    public enum Content: Sendable {
        case file(PreparedReplacement)
        case bytes([UInt8])
    }

    /// The temporary file of a snapshot written for a file store.
    var replacement: PreparedReplacement? {
        if case .file(let prepared) = content { return prepared }
        return nil
    }
}
