/// The side index (`NAME.index`, see `SideIndex`): read for the start screen and `dossier relations` when
/// it describes exactly the files as they are now, and written by a store that writes — at every
/// compaction, and after a load or a change when the one there is missing or stale.
extension DossierStore {
    /// What the start screen and `dossier relations` show, from the side index, when it was made from
    /// exactly the snapshot and journal there are now; nil otherwise (then load the dossier).
    public func listIndex() -> ListIndex? {
        guard let bytes = sideIndexBytes(), let index = SideIndex.decodeHeader(bytes), describesFiles(index) else { return nil }
        return index.decodeList(bytes)
    }

    /// Whether the side index says that this snapshot, as it is on disk (`status`, from the descriptor it
    /// is read through), was written or checked in full by this program: then loading it need not check
    /// its rules again. Only the stamps are compared, never the whole file.
    func sideIndexVouches(for status: FileStatus) -> SideIndex? {
        guard !checksEverything, let bytes = sideIndexBytes(), let index = SideIndex.decodeHeader(bytes),
              index.snapshot == SideIndex.FileStamp(status) else { return nil }
        return index
    }

    /// Writes the side index for `dossier`, the dossier as this store holds it now (just loaded, or just
    /// changed through it), when this store may write. Costs a pass over the dossier and a small durable
    /// write; a failure is ignored (the index is only a cache).
    public func writeSideIndex(of dossier: Dossier) {
        sideIndexWrite(of: dossier)?.run()
    }

    public func listIndexWrite(of dossier: Dossier) -> ListIndexWrite? {
        sideIndexWrite(of: dossier).map { job in ListIndexWrite { job.run() } }
    }

    /// The same as a job that may run on another thread; nil when this store does not write, or when
    /// the side index there already describes the files as this store read them.
    func sideIndexWrite(of dossier: Dossier) -> SideIndexWrite? {
        // A journal that ends in a torn line keeps being read in full, so that the notice about it is given.
        guard isWritable, newerVersion == nil, !isReplacedOutside, !dossier.isPart, let snapshotFile, journalSeenSize == Int64(journalLength) else { return nil }
        let journal = journalFile.map { (inode: $0, size: journalSeenSize) }
        if let bytes = sideIndexBytes(), let index = SideIndex.decodeHeader(bytes), describesFiles(index),
           index.journalSequence == lastSequence { return nil }
        return SideIndexWrite(fileSystem: fileSystem, files: files, dossier: dossier, snapshot: snapshotFile, snapshotSequence: snapshotSequence,
                              journal: journal, sequence: lastSequence)
    }

    /// Writes `dossier` as a new snapshot at this store's path, as a compaction writes one (durably, its bytes
    /// as `Dossier.encoded()` lays them out), with its side index: for a file made from nothing (`dossier
    /// generate`, benchmarks). Whatever was at the path is replaced without a backup. A dossier that breaks a
    /// rule is refused: the side index vouches that the snapshot need not be checked again.
    public func writeNewSnapshot(_ dossier: Dossier) throws(StoreError) {
        guard !dossier.isPart else { throw .partOfDossier(file: path) }
        let problems = DossierValidator.problems(in: dossier)
        guard problems.isEmpty else {
            throw .invalid(file: path, problems: problems.map { LocatedProblem(position: nil, path: $0.path, message: $0.message) })
        }
        var ranges: [Range<Int>] = []
        do {
            let writer = DurableWriter(fileSystem: fileSystem)
            try writer.install(try writer.prepare(path) { write throws(FileSystemError) in try dossier.encode(activityRanges: &ranges, to: write) })
        } catch {
            throw .fileSystem(error)
        }
        writeSideIndex(ListIndex(dossier: dossier), sequence: dossier.journalSequence,
                       activityIndexBody: ActivityIndex.body(of: dossier.activities, at: ranges))
    }

    /// After a compaction put a new snapshot in place and archived the journal (the lock is held, so no
    /// one appends meanwhile): the side index for it, and where its activities lie (`ActivityIndex`).
    func writeSideIndex(_ list: ListIndex, sequence: Int, activityIndexBody body: [UInt8]?) {
        guard let status = try? fileSystem.status(path), status.kind == .regular else { return }
        let stamp = SideIndex.FileStamp(status)
        if let body {
            // In pieces: the body (25 MB at 100.000 activities) is not copied behind its header.
            try? DurableWriter(fileSystem: fileSystem).replaceUnflushed(files.activityIndex, mode: DurableWriter.sharedMode(following: status.mode)) {
                write throws(FileSystemError) in
                try write(ActivityIndex.header(snapshot: stamp, body: body))
                try write(body)
                try write([0x0A])
            }
        }
        let index = SideIndex(snapshot: stamp, sequence: sequence, journal: nil, journalSequence: sequence, snapshotWritten: true, list: list)
        SideIndexWrite.install(index, files: files, fileSystem: fileSystem, snapshotMode: status.mode)
    }

    private func sideIndexBytes() -> [UInt8]? {
        try? fileSystem.readFile(files.sideIndex)
    }

    /// Whether every stamp of the index matches the snapshot and journal as they are now.
    private func describesFiles(_ index: SideIndex) -> Bool {
        filesAre(snapshot: index.snapshot, journal: index.journal)
    }

    /// Whether the snapshot and the journal (nil: none) are still the files these stamps were taken of.
    func filesAre(snapshot stamp: SideIndex.FileStamp, journal journalStamp: SideIndex.FileStamp?) -> Bool {
        guard let snapshot = try? fileSystem.status(path), snapshot.kind == .regular, SideIndex.FileStamp(snapshot) == stamp,
              let journal = SideIndexWrite.status(files.journal, fileSystem) else { return false }
        return journal.map(SideIndex.FileStamp.init) == journalStamp
    }
}

/// Writing the side index for a dossier as a store read it: the slow part (a pass over the dossier) may run
/// on another thread. It writes only when the snapshot and journal are still the files the dossier came
/// from, stamped as they are then; files that change afterwards make the index stale, never wrong.
struct SideIndexWrite: Sendable {
    let fileSystem: any FileSystem
    let files: StoreFiles
    let dossier: Dossier
    let snapshot: FileIdentity
    let snapshotSequence: Int
    /// The journal as the store read it (nil: there was none): its inode and how many bytes.
    let journal: (inode: UInt64, size: Int64)?
    let sequence: Int

    func run() {
        guard let snapshotStatus = try? fileSystem.status(files.snapshot), snapshotStatus.kind == .regular,
              FileIdentity(snapshotStatus) == snapshot,
              let journalStatus = SideIndexWrite.status(files.journal, fileSystem) else { return }
        switch (journal, journalStatus) {
        case (nil, nil): break
        case let (read?, now?) where read.inode == now.inode && read.size == now.size && now.kind == .regular: break
        default: return
        }
        let stamp = SideIndex.FileStamp(snapshotStatus)
        // Still the snapshot a compaction wrote, when the index there says so for this very file.
        let written = (try? fileSystem.readFile(files.sideIndex)).flatMap(SideIndex.decodeHeader).map { $0.snapshot == stamp && $0.snapshotWritten } ?? false
        let index = SideIndex(snapshot: stamp, sequence: snapshotSequence, journal: journalStatus.map(SideIndex.FileStamp.init),
                              journalSequence: sequence, snapshotWritten: written, list: ListIndex(dossier: dossier))
        SideIndexWrite.install(index, files: files, fileSystem: fileSystem, snapshotMode: snapshotStatus.mode)
    }

    /// What is at `path`: `.some(nil)` when nothing is, nil when it cannot be told.
    static func status(_ path: String, _ fileSystem: any FileSystem) -> FileStatus?? {
        do {
            return .some(try fileSystem.status(path))
        } catch {
            return nil
        }
    }

    /// Atomically, never through a link, owner-only with the group's bits following the snapshot's.
    static func install(_ index: SideIndex, files: StoreFiles, fileSystem: any FileSystem, snapshotMode: UInt32) {
        try? DurableWriter(fileSystem: fileSystem).replace(files.sideIndex, with: index.encoded(),
                                                           mode: DurableWriter.sharedMode(following: snapshotMode))
    }
}
