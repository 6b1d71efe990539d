/// A change to relations alone without reading the activities (`RelationsDossier`): the snapshot up to where
/// its activities start, the journal entries that touch relations, and the side index brought along after
/// the change. Used only when the side index vouches for the files exactly as they are; in every other case
/// (a stale or missing index, a journal entry that needs the whole dossier, files that moved meanwhile) the
/// caller loads the whole dossier and commits there, which gives the same result, only slower.
extension DossierStore {
    /// The relations as the snapshot and journal hold them now, without the activities; nil when that cannot
    /// be vouched for here (then load the whole dossier). Only for a store that writes.
    public func loadRelations() throws(StoreError) -> RelationsDossier? {
        // Only a snapshot this program wrote is sure to hold all but its activities (and internal contacts)
        // before them: its lineage, its place in the log, the relations.
        guard isWritable, !checksEverything, let bytes = try? fileSystem.readFile(files.sideIndex),
              var index = SideIndex.decodeHeader(bytes), index.snapshotWritten, let list = index.decodeList(bytes) else { return nil }
        index.list = list
        notices = []
        guard let (descriptor, status, dossier) = try openSnapshot(describedBy: index) else { return nil }
        fileSystem.close(descriptor)
        var relations = RelationsDossier(dossier: dossier, sideIndex: index, snapshotPrefix: dossier)
        follow(snapshot: dossier, file: FileIdentity(status), migratedFrom: nil)
        guard let described = try journal(describedBy: index) else { return nil }
        relations.journal = described?.0
        if let (journal, identity, size) = described {
            guard let entries = try? JournalContinuity.newEntries(of: journal, after: dossier) else { return nil }
            if lineage == nil { lineage = entries.first?.lineage }
            for (index, entry) in zip(entries.indices, entries) {
                guard case .change(let written) = entry.event, entry.formatVersion == Dossier.currentSchemaVersion else { return nil }
                switch written.reach {
                case .relations: _ = try replay(entry, into: &relations.dossier, line: journal.entryLines[index])
                case .activities, .ownContacts: break
                case .whole: return nil
                }
                lastSequence = entry.sequence
                tail = journal.checksums[index]
            }
            journalFile = identity
            journalSeenSize = size
            absorb(journal)
        }
        // Past the threshold the whole dossier is loaded, so that the change that follows compacts it.
        guard lastSequence == index.journalSequence, !needsCompaction else { return nil }
        return relations
    }

    /// Saves a change to relations alone made on `relations` (from `loadRelations()`), the addition of an
    /// activity when `relations` holds the tally of the others (`loadForAddingActivity()`), or a change to (or the
    /// deletion of) the one activity it was read with (`loadForChangingActivity`), as `commit` saves one on the whole dossier, and brings the side index along so that the next start needs no full read
    /// either. Nil, with nothing written, when the change is of another kind, when the whole dossier would
    /// refuse an addition (its id taken, the limit reached: the whole path says so), or when the files moved
    /// since they were read (someone else wrote or compacted): then load the whole dossier and commit there,
    /// which takes in the others' changes first. The restoration's positions are those in `relations.dossier`.
    public func commit(_ change: Change, to relations: inout RelationsDossier, context: ChangeContext) throws(StoreError) -> Restoration? {
        // Read (or last saved to) at exactly this store's place in the journal: not behind a change this store
        // saved since through another copy, nor with a side index that could not be brought along.
        guard relations.sideIndex.journalSequence == lastSequence else { return nil }
        // An approval is weighed against the budget of all activities: the copy's, or the whole dossier's.
        var context = context
        context.budget = relations.budget ?? relations.tally?.ledger
        if change.approves && context.budget == nil { return nil }
        notices = []
        if case .addActivity(let activity) = change {
            guard let tally = relations.tally, !tally.contains(activity.id), tally.count < Limits.maximumActivities else { return nil }
        } else if let changing = relations.changing, change.changesOnly(changing.id) {
            // A change to the one activity read whole, or its deletion.
        } else {
            guard change.reach == .relations else { return nil }
            // A relation it adds or puts back must have an id no activity has, and only the tally knows those.
            let broughtIn = change.relationIDsBroughtIn
            if !broughtIn.isEmpty {
                guard let tally = relations.tally, !broughtIn.contains(where: tally.contains) else { return nil }
            }
        }
        let undo = try withChangeLock { () throws(StoreError) -> Restoration? in
            // Entries without a lineage (an older version's) are folded into a snapshot first: the whole path does that.
            guard try !filesMoved(), lineage != nil || !hasJournal else { return nil }
            try checkHistoryEnds(before: lastSequence + 1)
            let entryLineage = lineage ?? Lineage.make()
            let (undo, entry) = try JournalEntry.recording(change, in: &relations.dossier, after: lastSequence, lineage: entryLineage, previous: tail,
                                                           context: context, recentOthers: [], dates: configuration.dates(clock: clock),
                                                           today: clock.today())
            do throws(FileSystemError) {
                try append(entry)
            } catch {
                _ = try? relations.dossier.apply(.restore(undo), context: context)
                throw .fileSystem(error)
            }
            lineage = entryLineage
            if case .addActivity(let activity) = change, let added = relations.dossier.activity(activity.id) {
                relations.tally?.add(added)
            }
            updateSideIndex(of: &relations, after: undo)
            // What was read of the other activities no longer goes with this one.
            relations.changing = nil
            return undo
        }
        // As `commit` on the whole dossier: the change that brings the journal to its limit compacts, which
        // takes the whole dossier.
        if undo != nil && compactsAfterCommit && needsCompaction {
            do {
                try compact(try load(), at: context.timestamp)
            } catch {
                notices.append("De wijziging is bewaard, maar het dossier kon niet worden samengevoegd: \(error.description)")
            }
        }
        return undo
    }

    public func rememberOthers(since read: RelationsDossier) {
        guard let (journal, _, _) = try? readJournal(from: 0) else { return }
        for entry in journal.entries where entry.sequence > read.sideIndex.journalSequence && entry.sequence <= lastSequence {
            ColleagueConflict.remember(entry, in: &recentOthers)
        }
    }

    /// The journal, read, when it is exactly the one `index` was made from (every stamp, and the bytes it had
    /// then: no torn line, no newer program's line): `.some(nil)` when there is none and the index says so; nil
    /// when it is not the index's.
    func journal(describedBy index: SideIndex) throws(StoreError) -> (JournalFile, UInt64, Int64)?? {
        guard let (journal, identity, size) = try readJournal(from: 0) else { return index.journal == nil ? .some(nil) : nil }
        guard let stamp = index.journal, stamp.inode == identity, stamp.size == size,
              let now = try? fileSystem.status(files.journal), now.kind == .regular, SideIndex.FileStamp(now) == stamp,
              !journal.hasTornTail, journal.newerVersion == nil else { return nil }
        return .some((journal, identity, size))
    }

    /// The side index for the journal as this change left it, under the change's lock (so nothing was appended
    /// after it). When it cannot be made the old one stays: stale from now on, so the next start reads everything.
    private func updateSideIndex(of relations: inout RelationsDossier, after undo: Restoration) {
        let list: ListIndex?
        if let snapshot = undo.activities.first, let before = snapshot.value, let changing = relations.changing {
            // The one activity read, changed or deleted (then `now` is nil).
            let now = relations.dossier.activity(snapshot.id)
            list = relations.sideIndex.list.updated(changing: before, to: now) { relation in
                // The next activity of the relation among the others, or this one when it comes first.
                var next = changing.listing.upcoming(of: relation, excluding: snapshot.id)
                if let now, RelationOverview.linkedRelations(now).contains(relation), let upcoming = RelationOverview.NextDate.upcoming(now) {
                    next = ActivityListing.earlier(next, (upcoming, changing.order))
                }
                return next?.next
            }
        } else if let snapshot = undo.activities.first, let now = relations.dossier.activity(snapshot.id) {
            list = relations.sideIndex.list.updated(adding: now)
        } else {
            list = relations.sideIndex.list.updated(after: undo, relations: relations.dossier)
        }
        guard let list,
              let snapshot = try? fileSystem.status(path), SideIndex.FileStamp(snapshot) == relations.sideIndex.snapshot,
              let journal = try? fileSystem.status(files.journal), journal.kind == .regular else { return }
        let index = SideIndex(snapshot: relations.sideIndex.snapshot, sequence: snapshotSequence, journal: SideIndex.FileStamp(journal),
                              journalSequence: lastSequence, snapshotWritten: relations.sideIndex.snapshotWritten,
                              snapshotCompared: relations.sideIndex.snapshotCompared, list: list)
        SideIndexWrite.install(index, files: files, fileSystem: fileSystem, snapshotMode: snapshot.mode)
        relations.sideIndex = index
    }

    /// The snapshot `index` was made with, open, and what it holds before its activities (`readUpToActivities`,
    /// unless `known` already holds that, read from the same file); nil when the file there is not that one.
    /// The caller closes the descriptor.
    func openSnapshot(describedBy index: SideIndex, known: Dossier? = nil) throws(StoreError)
        -> (descriptor: Int32, status: FileStatus, prefix: Dossier)? {
        let descriptor = try readingSnapshot { () throws(FileSystemError) in try fileSystem.openForReading(path) }
        var handedOver = false
        defer { if !handedOver { fileSystem.close(descriptor) } }
        let status = try readingSnapshot { () throws(FileSystemError) in try fileSystem.status(of: descriptor, path: path) }
        guard SideIndex.FileStamp(status) == index.snapshot else { return nil }
        var prefix = known
        if prefix == nil {
            prefix = try readingSnapshot { () throws(FileSystemError) in try readUpToActivities(descriptor, size: Int(status.size)) }
        }
        guard let prefix, prefix.journalSequence == index.sequence else { return nil }
        handedOver = true
        return (descriptor, status, prefix)
    }

    /// The snapshot up to its activities, read a growing piece at a time until the line where they start
    /// (where this program writes them) is in; a file written otherwise is read whole.
    func readUpToActivities(_ descriptor: Int32, size: Int) throws(FileSystemError) -> Dossier? {
        let marker = Array("\n  \"activities\": [".utf8)
        var bytes: [UInt8] = []
        var piece = 1 << 20
        while bytes.count < size {
            let start = bytes.count, wanted = min(piece, size - start)
            bytes.append(contentsOf: repeatElement(0, count: wanted))
            let count = try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(FileSystemError) -> Int in
                    try fileSystem.read(descriptor, from: Int64(start), into: UnsafeMutableRawBufferPointer(rebasing: buffer[start...]), path: path)
                }
            }.get()
            bytes.removeLast(wanted - count)
            let searched = max(0, start - marker.count)
            let found = marker.withUnsafeBufferPointer { needle in
                bytes.withUnsafeBufferPointer { ByteSearch.contains(needle, in: UnsafeBufferPointer(rebasing: $0[searched...])) }
            }
            if count == 0 || found { break }
            piece *= 2
        }
        return bytes.withUnsafeBufferPointer { buffer in
            Dossier.schemaVersion(in: buffer) == Dossier.currentSchemaVersion ? Dossier.decodingUpToActivities(buffer) : nil
        }
    }
}
