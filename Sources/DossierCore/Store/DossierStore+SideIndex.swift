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
        sideIndexWrite(of: dossier)?.run(isStopped: { false })
    }

    public func listIndexWrite(of dossier: Dossier) -> ListIndexWrite? {
        sideIndexWrite(of: dossier).map { job in ListIndexWrite(stoppable: { isStopped in job.run(isStopped: isStopped) }) }
    }

    /// The same as a job that may run on another thread; nil when this store does not write, or when
    /// the side index there already describes the files as this store read them.
    func sideIndexWrite(of dossier: Dossier) -> SideIndexWrite? {
        // A journal that ends in a torn line keeps being read in full, so that the notice about it is given.
        // A journal cut short outside the program: the index that shows it is kept, so that every load says so until a change is saved.
        guard isWritable, newerVersion == nil, !isReplacedOutside, !dossier.isPart, !journalCutShort, let snapshotFile,
              journalSeenSize == Int64(journalLength) else { return nil }
        let journal = journalFile.map { (inode: $0, size: journalSeenSize) }
        // The dossier is the snapshot as read (nothing in the journal after it): it may vouch for the snapshot.
        let isSnapshot = lastSequence == snapshotSequence && migratedFrom == nil
        if let bytes = sideIndexBytes(), let index = SideIndex.decodeHeader(bytes), describesFiles(index), index.journalSequence == lastSequence,
           !isSnapshot || index.snapshotCompared
            || index.snapshotWritten && ActivityIndex.isMade(for: index.snapshot, at: files.activityIndex, fileSystem: fileSystem) {
            return nil
        }
        return SideIndexWrite(fileSystem: fileSystem, files: files, dossier: dossier, snapshot: snapshotFile, snapshotSequence: snapshotSequence,
                              journal: journal, sequence: lastSequence, isSnapshot: isSnapshot)
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
        if let body { ActivityIndex.write(body, for: stamp, files: files, fileSystem: fileSystem, mode: status.mode) }
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
    /// Whether `dossier` is the snapshot as read, with nothing from the journal: then, when the snapshot is byte for
    /// byte what this program writes for it (`SnapshotComparison`), the activity index is written for it and the
    /// side index vouches for it, as after a compaction; a copied snapshot is then trusted again at once.
    let isSnapshot: Bool

    /// `isStopped`: asked while the snapshot is compared; once it says yes, the side index is written as it would be
    /// without the comparison.
    func run(isStopped: () -> Bool) {
        guard let (snapshotStatus, journalStatus) = filesAsRead() else { return }
        let stamp = SideIndex.FileStamp(snapshotStatus)
        // Still the snapshot a compaction wrote (or one compared already), when the index there says so for this very file.
        let before = (try? fileSystem.readFile(files.sideIndex)).flatMap(SideIndex.decodeHeader).flatMap { $0.snapshot == stamp ? $0 : nil }
        var written = before?.snapshotWritten ?? false, compared = before?.snapshotCompared ?? false
        if isSnapshot, !compared, !written || !ActivityIndex.isMade(for: stamp, at: files.activityIndex, fileSystem: fileSystem) {
            switch compareAndWriteActivityIndex(for: stamp, mode: snapshotStatus.mode, isStopped: isStopped) {
            case .same: written = true
            case .laidOutOtherwise: compared = true
            case .notCompared: break
            }
        }
        // Seconds may have passed: what someone else wrote meanwhile is not overwritten with older stamps.
        guard filesAsRead() != nil else { return }
        let index = SideIndex(snapshot: stamp, sequence: snapshotSequence, journal: journalStatus.map(SideIndex.FileStamp.init),
                              journalSequence: sequence, snapshotWritten: written, snapshotCompared: compared, list: ListIndex(dossier: dossier))
        SideIndexWrite.install(index, files: files, fileSystem: fileSystem, snapshotMode: snapshotStatus.mode)
    }

    /// The snapshot and the journal (nil: none) as they are now, when they are still the files the dossier was read from.
    private func filesAsRead() -> (snapshot: FileStatus, journal: FileStatus?)? {
        guard let snapshotStatus = try? fileSystem.status(files.snapshot), snapshotStatus.kind == .regular,
              FileIdentity(snapshotStatus) == snapshot,
              let journalStatus = SideIndexWrite.status(files.journal, fileSystem) else { return nil }
        switch (journal, journalStatus) {
        case (nil, nil): return (snapshotStatus, nil)
        case let (read?, now?) where read.inode == now.inode && read.size == now.size && now.kind == .regular: return (snapshotStatus, now)
        default: return nil
        }
    }

    private enum Comparison { case same, laidOutOtherwise, notCompared }

    /// Writes the activity index of the snapshot stamped `stamp` when it is byte for byte the encoding of `dossier`.
    private func compareAndWriteActivityIndex(for stamp: SideIndex.FileStamp, mode: UInt32, isStopped: () -> Bool) -> Comparison {
        guard let descriptor = try? fileSystem.openForReading(files.snapshot) else { return .notCompared }
        defer { fileSystem.close(descriptor) }
        guard let status = try? fileSystem.status(of: descriptor, path: files.snapshot), SideIndex.FileStamp(status) == stamp else { return .notCompared }
        let ranges = SnapshotComparison.activityRanges(of: dossier, in: descriptor, size: status.size, fileSystem: fileSystem,
                                                       path: files.snapshot, isStopped: isStopped)
        // Changed in place while it was compared (a new stamp), or stopped: nothing is said about it.
        guard (try? fileSystem.status(of: descriptor, path: files.snapshot)).map(SideIndex.FileStamp.init) == stamp, !isStopped() else {
            return .notCompared
        }
        guard let ranges else { return .laidOutOtherwise }
        guard filesAsRead() != nil else { return .notCompared }
        ActivityIndex.write(of: dossier.activities, at: ranges, for: stamp, files: files, fileSystem: fileSystem, mode: mode)
        return .same
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
        files.shareWithSnapshotGroup(files.sideIndex, fileSystem: fileSystem)
    }
}
