/// The slow half of a compaction: encoding the dossier and writing it, flushed, to a temporary file
/// beside the snapshot. It touches nothing the store or the user works with, so it may run on another
/// thread while changes go on being journaled; `DossierStore.finishCompaction` puts the result in place.
public struct SnapshotWrite: Sendable {
    let path: String
    let snapshot: Dossier
    let writer: DurableWriter

    /// The number of the last journal entry the new snapshot contains.
    public var sequence: Int { snapshot.journalSequence }

    public func run() throws(FileSystemError) -> WrittenSnapshot {
        WrittenSnapshot(sequence: sequence, lineage: snapshot.lineage, replacement: try writer.prepare(path, with: snapshot.encoded()))
    }
}

/// A new snapshot on disk in a temporary file, waiting for `DossierStore.finishCompaction`.
public struct WrittenSnapshot: Sendable {
    public let sequence: Int
    let lineage: String?
    let replacement: PreparedReplacement
}
