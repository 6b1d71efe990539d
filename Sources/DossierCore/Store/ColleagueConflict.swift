/// A change refused because of what a colleague changed meanwhile, said with who, when and what: the same
/// wording on every kind of storage ("botst met de wijziging van Ine om 10:42 (…): …").
public enum ColleagueConflict {
    /// How many of the others' changes a storage keeps in mind for naming them.
    static let remembered = 500

    /// Keeps an entry another program wrote, for naming it when it stands in the way.
    public static func remember(_ entry: JournalEntry, in recent: inout [JournalEntry]) {
        recent.append(entry)
        if recent.count > remembered { recent.removeFirst(recent.count - remembered) }
    }

    /// The refusal of `change`: naming the latest of the others' changes that touched the same records, when
    /// the refusal is one a colleague's change can cause (a conflict, something gone, a step no longer allowed).
    public static func refusal(_ error: ChangeError, of change: Change, recentOthers: [JournalEntry], dates: DateWriting,
                               today: CalendarDate) -> StoreError {
        guard [.conflict, .notFound, .illegalTransition].contains(error.kind) else { return .refused(error) }
        let subjects = Set(change.subjects)
        let sameRecords = { (entry: JournalEntry) in !subjects.isDisjoint(with: entry.subjects) }
        // The one that changed the field the refusal names, when one did: a later change to another field of the record
        // (which both stand) is not what stands in the way.
        let inTheWay = error.field.flatMap { field in recentOthers.last { sameRecords($0) && edited($0).contains(field) } }
        guard let colleague = inTheWay ?? recentOthers.last(where: sameRecords) else { return .refused(error) }
        let time = dates.time(colleague.timestamp)
        let day = dates.localDate(of: colleague.timestamp) == today ? "om \(time)" : "op \(dates.date(dates.localDate(of: colleague.timestamp))) om \(time)"
        return .refused(ChangeError(.conflict, "botst met de wijziging van \(colleague.actor) \(day) (\(colleague.summary)): \(error.message)",
                                    field: error.field))
    }

    /// The fields an entry edited, by key (for an edit of a record's fields).
    private static func edited(_ entry: JournalEntry) -> [String] {
        guard case .change(let change) = entry.event else { return [] }
        return edited(change)
    }

    private static func edited(_ change: Change) -> [String] {
        switch change {
        case let .editRelation(_, edits), let .editActivity(_, edits), let .editFollowUp(_, _, edits), let .editContact(_, _, edits),
             let .editLink(_, _, edits):
            edits.map(\.field)
        case .setRelationStatus: ["status", "reviewDate"]
        case .moveActivity: ["status"]
        case .recordAssessment: [Activity.weighingField]
        case .batch(let changes, _):
            changes.flatMap(edited)
        default:
            []
        }
    }
}
