/// A record a change takes out of the dossier: a relation, an activity or a contact. Another record added later with its
/// id is another record, which an undo of an earlier change to this one must not touch.
public enum RemovedRecord: Hashable, Sendable {
    case relation(RelationID)
    case activity(ActivityID)
    case contact(ContactOwner, ContactID)
}

extension Change {
    /// The records this change takes out (the steps of a batch together; an undo or redo, those it puts back as absent).
    public var removedRecords: [RemovedRecord] {
        switch self {
        case .deleteRelation(let id): [.relation(id)]
        case .deleteActivity(let id): [.activity(id)]
        case .removeContact(let owner, let id): [.contact(owner, id)]
        case .batch(let steps, _): steps.flatMap(\.removedRecords)
        case .restore(let restoration):
            restoration.relations.filter { $0.value == nil }.map { .relation($0.id) }
                + restoration.activities.filter { $0.value == nil }.map { .activity($0.id) }
                + restoration.ownContacts.filter { $0.value == nil }.map { .contact(.municipality, $0.id) }
                // A relation put back without a contact it has now (an undo of adding that contact).
                + restoration.relationContacts(takenOut: true)
        default: []
        }
    }

    /// The records an undo or redo puts back as they were after a change took them away: the same records again, not
    /// others by their names.
    public var restoredRecords: [RemovedRecord] {
        guard case .restore(let restoration) = self else { return [] }
        return Restoration.putBack(restoration.relations).map { .relation($0) } + Restoration.putBack(restoration.activities).map { .activity($0) }
            + Restoration.putBack(restoration.ownContacts).map { .contact(.municipality, $0) } + restoration.relationContacts(takenOut: false)
    }
}

extension Restoration {
    /// The ids of the records these snapshots put back where they expect none.
    fileprivate static func putBack<Entity>(_ snapshots: [Snapshot<Entity>]) -> [String] {
        snapshots.filter { snapshot in
            if case .absent = snapshot.expected { snapshot.value != nil } else { false }
        }.map(\.id)
    }

    /// The contacts of the relations this puts back that it takes out (`takenOut`) or puts back, against what it expects to
    /// find there (nothing for a restoration that expects nothing).
    fileprivate func relationContacts(takenOut: Bool) -> [RemovedRecord] {
        relations.flatMap { snapshot -> [RemovedRecord] in
            guard let value = snapshot.value, case .value(let now) = snapshot.expected else { return [] }
            let (these, against) = takenOut ? (now.contacts, value.contacts) : (value.contacts, now.contacts)
            return these.filter { contact in !against.contains { $0.id == contact.id } }.map { .contact(.relation(snapshot.id), $0.id) }
        }
    }

    /// Whether putting this back would change `record`: a relation or activity it holds, or a contact it gives another
    /// value than the one it expects to find.
    public func changes(_ record: RemovedRecord) -> Bool {
        switch record {
        case .relation(let id): return relations.contains { $0.id == id }
        case .activity(let id): return activities.contains { $0.id == id }
        case .contact(.municipality, let id): return ownContacts.contains { $0.id == id }
        case .contact(.relation(let owner), let id):
            return relations.contains { snapshot in
                guard snapshot.id == owner else { return false }
                let putBack = snapshot.value?.contacts.first { $0.id == id }
                switch snapshot.expected {
                case .value(let found): return putBack != found.contacts.first { $0.id == id }
                case .absent, .unchecked: return putBack != nil
                }
            }
        }
    }
}
