/// One activity of a listing read whole, and what the relations' rows need of all the others, for changing that
/// one activity without building the dossier (`DossierStore.loadForChangingActivity`).
extension ActivityListing {
    /// The activity as the dossier holds it now (the journal's version where it touched it) and its place in the
    /// dossier's order; nil when there is none, or its bytes in the snapshot are not that activity.
    func current(_ id: ActivityID) throws(StoreError) -> (activity: Activity, order: Int)? {
        if let index = dossier.activityPosition(id) { return (dossier.activities[index], order(ofTouched: index)) }
        guard let index = entries.firstIndex(where: { $0.id == id }), !replaced.contains(index) else { return nil }
        let read = Result { () throws(FileSystemError) in try entries[index].activity(in: descriptor, fileSystem: fileSystem, path: path) }
        guard let activity = try read.mapError(StoreError.fileSystem).get() else { return nil }
        return (activity, entries[index].position)
    }

    /// What `NameLookup.activity` finds for `typed` on the whole dossier: the activity with that id, else the one a
    /// name answers to, read whole; nil when none or several answer, or its bytes do not read as it. Needs the
    /// rows' titles (`Entry.Fields.names`) unless `typed` is an id.
    func activity(named typed: String) throws(StoreError) -> Activity? {
        let id = NameLookup.typedID(typed)
        if let exact = try current(id) { return exact.activity }
        // (An activity whose bytes do not read as it still answers to its own id: never another in its place.)
        guard let key = NameLookup.nameKey(typed) else { return nil }
        return try current(named: key)?.activity
    }

    /// The next approved or planned activity of `relation` among all but `excluded`, as `RelationOverview.all`
    /// picks it: the earliest start, on the same day the first in the dossier's order, due by the first last day of
    /// them all (`NextDate.lastDay`). Needs the rows' linked relations, organisers and end dates (`Entry.Fields.relationRows`).
    func upcoming(of relation: RelationID, excluding excluded: ActivityID) -> PlacedNextDate? {
        var best: PlacedNextDate?
        func note(_ candidate: RelationOverview.NextDate, order: Int) { best = ActivityListing.earlier(best, (candidate, order)) }
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                // Most activities are neither approved nor planned: asked before whether it is the relation's at all.
                guard entries[index].facets.status.isUpcoming, let start = entries[index].row.startDate, entries[index].involves(relation),
                      entries[index].id != excluded, !replaced.contains(index) else { continue }
                note(RelationOverview.NextDate(date: start, reason: .activity(entries[index].id), lastDay: entries[index].end), order: entries[index].position)
            }
        }
        for (index, activity) in dossier.activities.enumerated() {
            guard let next = RelationOverview.NextDate.upcoming(activity), RelationOverview.linkedRelations(activity).contains(relation),
                  activity.id != excluded else { continue }
            note(next, order: order(ofTouched: index))
        }
        return best
    }

    /// A relation's next date with the place in the dossier's order of the activity it is of.
    typealias PlacedNextDate = (next: RelationOverview.NextDate, order: Int)

    /// As `NextDate.earlier`, on the same day the first in the dossier's order.
    static func earlier(_ one: PlacedNextDate?, _ other: PlacedNextDate?) -> PlacedNextDate? {
        guard let one else { return other }
        guard let other else { return one }
        var first = (other.next.date, other.order) < (one.next.date, one.order) ? other : one
        first.next.lastDay = min(one.next.lastDay, other.next.lastDay)
        return first
    }

    /// Where an activity the journal touched stands in the dossier's order: its place in the snapshot when it
    /// kept it, else after all of the snapshot's, in the order of the journal.
    func order(ofTouched index: Int) -> Int {
        snapshotPositions[dossier.activities[index].id] ?? entries.count + index
    }
}

extension ActivityListing.Entry {
    /// The activity whole, read from its bytes in the snapshot open at `descriptor`; nil when they are not this
    /// activity (the file is not what the activity index describes).
    func activity(in descriptor: Int32, fileSystem: any FileSystem, path: String) throws(FileSystemError) -> Activity? {
        var bytes = [UInt8](repeating: 0, count: self.bytes.count)
        let count = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(FileSystemError) -> Int in try fileSystem.read(descriptor, from: Int64(self.bytes.lowerBound), into: buffer, path: path) }
        }.get()
        guard count == bytes.count,
              let activity = try? JSONReader.read(bytes, { (reader: inout JSONReader) throws(JSONError) in try Activity(reading: &reader) }),
              activity.id == id else { return nil }
        return activity
    }
}

extension ActivityListing {
    /// The one activity of the dossier that answers to the name `key` (`NameLookup.answers`), read whole, with its
    /// place in the dossier's order; nil when none does or more than one (then the whole dossier says which, or
    /// suggests some). Needs the rows' titles (`Entry.Fields.names`).
    func current(named key: String) throws(StoreError) -> (activity: Activity, order: Int)? {
        let named = activityIDs(named: key)
        return named.count == 1 ? try current(named[0], answering: key) : nil
    }

    /// The activity `id`, read whole, when its own bytes say it answers to `key` too: a name is never taken from
    /// the index alone.
    private func current(_ id: ActivityID, answering key: String) throws(StoreError) -> (activity: Activity, order: Int)? {
        guard let found = try current(id), NameLookup.answers(key, id: found.activity.id, title: found.activity.title) else { return nil }
        return found
    }

    /// The ids of all the dossier's activities that answer to the name `key`.
    func activityIDs(named key: String) -> [ActivityID] {
        let stored = ParallelChunks.map(entries.count) { range in
            range.filter { !replaced.contains($0) && NameLookup.answers(key, id: entries[$0].id, title: entries[$0].row.title) }
        }
        return stored.map { entries[$0].id } + dossier.activities.filter { NameLookup.answers(key, id: $0.id, title: $0.title) }.map(\.id)
    }

    /// What `NameLookup.subject` finds for `typed` on the whole dossier, with a dossier that holds what its record
    /// (`RecordDocument`) shows: the relations, and that activity or the relation's activities, in the dossier's
    /// order. Nil when nothing or more than one answers (the whole dossier says so, or suggests some), or an
    /// activity's bytes are not what the index says. Needs the rows' titles and relations (`Entry.Fields.names`,
    /// `.relationRows`).
    func subjectToShow(_ typed: String) throws(StoreError) -> (subject: NameLookup.Subject, dossier: Dossier)? {
        let id = NameLookup.typedID(typed)
        let exact = (relation: dossier.relation(id), activity: try current(id)?.activity)
        let subject: NameLookup.Subject
        switch exact {
        case (let relation?, nil): subject = .relation(relation)
        case (nil, let activity?): subject = .activity(activity)
        case (nil, nil):
            guard let key = NameLookup.nameKey(typed) else { return nil }
            let relations = NameLookup.relationsNamed(typed, in: dossier), activities = activityIDs(named: key)
            if relations.count == 1 && activities.isEmpty {
                subject = .relation(relations[0])
            } else if relations.isEmpty && activities.count == 1, let (activity, _) = try current(activities[0], answering: key) {
                subject = .activity(activity)
            } else {
                return nil
            }
        case (_?, _?): return nil
        }
        switch subject {
        case .activity(let activity): return (subject, dossier.holding([activity]))
        case .relation(let relation):
            guard let activities = try activities(involving: relation.id) else { return nil }
            return (subject, dossier.holding(activities))
        }
    }

    /// The activities linked to or organised by `relation`, read whole, in the dossier's order; nil when the bytes
    /// of one are not that activity.
    private func activities(involving relation: RelationID) throws(StoreError) -> [Activity]? {
        var found: [Activity] = []
        for item in inDossierOrder(rows: { $0.involves(relation) }, activities: { $0.relations.contains(relation) || $0.organiser.relationID == relation }) {
            switch item {
            case .written(let index): found.append(dossier.activities[index])
            case .copied(let index):
                let read = Result { () throws(FileSystemError) in try entries[index].activity(in: descriptor, fileSystem: fileSystem, path: path) }
                guard let activity = try read.mapError(StoreError.fileSystem).get() else { return nil }
                found.append(activity)
            }
        }
        return found
    }
}

extension Dossier {
    /// This dossier with only `activities` (a part of it, read for showing a record, an agenda or a budget).
    func holding(_ activities: [Activity]) -> Dossier {
        var part = Dossier(title: title, framework: framework, budgetLines: budgetLines, relations: relations, activities: activities,
                           internalContacts: internalContacts)
        part.setJournalPosition(sequence: journalSequence, lineage: lineage, tail: journalTail)
        part.isPart = true
        return part
    }
}
