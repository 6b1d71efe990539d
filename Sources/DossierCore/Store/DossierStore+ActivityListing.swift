/// `dossier activities --json` from the snapshot's bytes (`ActivityListing`), when the side index vouches
/// for the files as they are and says this program wrote the snapshot, and the activity index beside it
/// (`ActivityIndex`) was made with that very snapshot. Anything else (no or a stale index of either kind, a
/// snapshot only read and checked, a journal entry that puts activities back at their places or needs the
/// whole dossier) gives nil: then list from the whole dossier.
extension DossierStore {
    public func activityListing() throws(StoreError) -> ActivityListing? {
        try activityListing(fields: .listing)
    }

    /// The budget of every line and year (`BudgetLedger`), counted from the activity index and the activities the
    /// journal touched, with the dossier's budget lines and framework; nil: load the whole dossier.
    public func loadForBudget() throws(StoreError) -> (dossier: Dossier, ledger: BudgetLedger)? {
        guard let listing = try activityListing(fields: .tally) else { return nil }
        return (listing.dossier, listing.budget)
    }

    /// The relations, the budget lines and the activities that start in `year`, as far as the budget reads them
    /// (`ActivityListing.budgetDossier`), from the activity index; nil: load the whole dossier.
    public func loadForBudget(year: Int) throws(StoreError) -> Dossier? {
        try activityListing(fields: .tally.union(.names))?.budgetDossier(year: year)
    }

    /// The activity named `typed` as `NameLookup.activity` finds it on the whole dossier, for weighing it without
    /// saving: with a dossier that holds the relations and it, and the budget of all activities (`ActivityListing
    /// .activity(named:)`, `.budget`); nil: load the whole dossier.
    public func loadForWeighing(_ typed: String) throws(StoreError) -> (activity: Activity, dossier: Dossier, ledger: BudgetLedger)? {
        guard let listing = try activityListing(fields: .tally.union(.names)) else { return nil }
        guard let activity = try listing.activity(named: typed) else { return remembering(listing) }
        return (activity, listing.dossier.holding([activity]), listing.budget)
    }

    /// The relation or activity named `typed` as the whole dossier finds it, with what its record shows
    /// (`ActivityListing.subjectToShow`), read from the indexes and only the activities shown; nil: load the whole
    /// dossier.
    public func loadForShowing(_ typed: String) throws(StoreError) -> (subject: NameLookup.Subject, dossier: Dossier)? {
        guard let listing = try activityListing(fields: .relationRows.union(.names)) else { return nil }
        return try listing.subjectToShow(typed) ?? remembering(listing)
    }

    /// The relations and the activities the agenda of the days `from` … `to` shows, as far as it reads them
    /// (`ActivityListing.agendaDossier`), from the activity index; nil: load the whole dossier.
    public func loadForAgenda(from: CalendarDate?, to: CalendarDate?, today: CalendarDate) throws(StoreError) -> Dossier? {
        try activityListing(fields: .agenda)?.agendaDossier(from: from, to: to, today: today)
    }

    /// The relations and the activities with an open follow-up due by `horizon`, as far as the agenda reads them
    /// (`ActivityListing.remindersDossier`), from the activity index; nil: load the whole dossier.
    public func loadForReminders(until horizon: CalendarDate, today: CalendarDate) throws(StoreError) -> Dossier? {
        try activityListing(fields: .agenda)?.remindersDossier(until: horizon, today: today)
    }

    /// The relations and every activity as far as a name reads it (`ActivityListing.nameCatalog`), from the activity
    /// index; nil: load the whole dossier.
    public func loadForNaming() throws(StoreError) -> NameCatalog? {
        // The listing a name just found nothing in, when the files are still the ones it was read from (a refusal of
        // a typo read the activity index twice, or three times after a mistyped id: ± a fifth of its time).
        if let (stamps, listing) = unansweredListing {
            unansweredListing = nil
            if filesAre(snapshot: stamps.snapshot, journal: stamps.journal) { return listing.nameCatalog() }
        }
        return try activityListing(fields: .naming)?.nameCatalog()
    }

    /// Keeps `listing`, read for a name that it found nothing for, for the refusal (`loadForNaming`); nil.
    func remembering<T>(_ listing: ActivityListing) -> T? {
        guard listing.fields.isSuperset(of: .naming) else { return nil }
        unansweredListing = (listing.stamps, listing)
        return nil
    }

    /// The listing of the files as the side index describes them now, with `fields` of each row.
    private func activityListing(fields: ActivityListing.Entry.Fields) throws(StoreError) -> ActivityListing? {
        guard let indexBytes = try? fileSystem.readFile(files.sideIndex), let index = SideIndex.decodeHeader(indexBytes) else { return nil }
        return try activityListing(describedBy: index, fields: fields)
    }

    /// The listing of the snapshot and journal `index` describes, when they are still exactly those.
    /// `fields`: what of each of the snapshot's activities is read; a listing read with `.tally` is only for
    /// its `tally`, never to be listed.
    /// `read`: the relations read from the same files (`RelationsDossier`), whose snapshot prefix and journal
    /// are taken as they are instead of being read again.
    func activityListing(describedBy index: SideIndex, fields: ActivityListing.Entry.Fields = .all,
                         read: RelationsDossier? = nil) throws(StoreError) -> ActivityListing? {
        // A listing kept for a refusal is not held beside another one (tens of megabytes at 100.000).
        unansweredListing = nil
        guard !checksEverything, index.snapshotWritten else { return nil }
        // The journal first: the activities it touches are the ones to read whole.
        let journal: JournalFile?
        if let read {
            journal = read.journal
        } else {
            guard let described = try self.journal(describedBy: index) else { return nil }
            journal = described?.0
        }
        var touched = Set<String>()
        for entry in journal?.entries ?? [] {
            guard case .change(let written) = entry.event, entry.formatVersion == Dossier.currentSchemaVersion, written.reach != .whole,
                  !written.putsActivitiesBack else { return nil }
            touched.formUnion(written.subjects)
        }

        guard let entries = readActivityIndex(for: index.snapshot, fields: fields), entries.allSatisfy({ $0.bytes.upperBound <= index.snapshot.size }) else {
            return nil
        }

        // The relations (and all else before the activities), and the activities the journal touched, read whole.
        guard let (descriptor, _, prefix) = try openSnapshot(describedBy: index, known: read?.snapshotPrefix) else { return nil }
        var handedOver = false
        defer { if !handedOver { fileSystem.close(descriptor) } }
        var touchedActivities: [Activity] = []
        // In snapshot order, as the whole dossier holds them.
        for entry in entries.filter({ touched.contains($0.id) }).sorted(by: { $0.position < $1.position }) {
            guard let activity = try readingSnapshot({ () throws(FileSystemError) in
                try entry.activity(in: descriptor, fileSystem: fileSystem, path: path)
            }) else { return nil }
            touchedActivities.append(activity)
        }
        var dossier = Dossier(title: prefix.title, framework: prefix.framework, budgetLines: prefix.budgetLines, relations: prefix.relations,
                              activities: touchedActivities)
        dossier.setJournalPosition(sequence: prefix.journalSequence, lineage: prefix.lineage, tail: prefix.journalTail)
        dossier.isPart = true

        var snapshotPositions: [ActivityID: Int] = [:], replaced = Set<Int>()
        for (index, entry) in entries.enumerated() where touched.contains(entry.id) {
            snapshotPositions[entry.id] = entry.position
            replaced.insert(index)
        }
        var sequence = dossier.journalSequence
        if let journal {
            guard let newEntries = try? JournalContinuity.newEntries(of: journal, after: dossier) else { return nil }
            for (line, entry) in zip(newEntries.indices, newEntries) {
                // The municipality's own contacts are not read here (they come after the activities): their changes pass.
                if case .change(let written) = entry.event, written.reach == .ownContacts {
                    sequence = entry.sequence
                    continue
                }
                _ = try replay(entry, into: &dossier, line: line + 1)
                // Removed (and perhaps added again, at the end, in the same batch or later): no longer where the
                // snapshot had it.
                if case .change(let written) = entry.event {
                    for id in written.removedActivities { snapshotPositions[id] = nil }
                }
                sequence = entry.sequence
            }
        }
        guard sequence == index.journalSequence else { return nil }
        handedOver = true
        return ActivityListing(dossier: dossier, entries: entries, replaced: replaced, snapshotPositions: snapshotPositions, fields: fields,
                               stamps: ListingStamps(index), descriptor: descriptor, fileSystem: fileSystem, path: path)
    }
}

extension DossierStore {
    /// The rows of the activity index made for the snapshot stamped `snapshot`; nil when there is none (whole).
    /// Its bytes, tens of megabytes for a large dossier, go back to the system as the rows are read.
    func readActivityIndex(for snapshot: SideIndex.FileStamp, fields: ActivityListing.Entry.Fields = .all) -> [ActivityListing.Entry]? {
        guard let descriptor = try? fileSystem.openForReading(files.activityIndex) else { return nil }
        defer { fileSystem.close(descriptor) }
        guard let status = try? fileSystem.status(of: descriptor, path: files.activityIndex),
              let buffer = try? SnapshotBuffer(reading: descriptor, size: Int(status.size), fileSystem: fileSystem, path: files.activityIndex)
        else { return nil }
        return ActivityIndex.decode(buffer.bytes, for: snapshot, releasing: true, fields: fields)?.entries
    }
}

extension Change {
    /// Whether the change puts activities back at given places in the list (a restore): a listing that keeps
    /// the snapshot's order cannot follow that.
    var putsActivitiesBack: Bool {
        switch self {
        case .restore(let restoration): !restoration.activities.isEmpty
        case .batch(let changes, _): changes.contains { $0.putsActivitiesBack }
        default: false
        }
    }

    /// The activities the change removes (an activity added again afterwards stands at the end of the list).
    var removedActivities: [ActivityID] {
        switch self {
        case .deleteActivity(let id): [id]
        case .batch(let changes, _): changes.flatMap(\.removedActivities)
        default: []
        }
    }
}

/// The files a listing was read from, as its side index stamped them.
struct ListingStamps: Sendable {
    let snapshot: SideIndex.FileStamp
    let journal: SideIndex.FileStamp?

    init(_ index: SideIndex) {
        snapshot = index.snapshot
        journal = index.journal
    }
}
