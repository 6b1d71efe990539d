/// Something that needs attention by a date: a relation on laag pitje due for review, or an open
/// follow-up that is due.
public struct Reminder: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        case review(RelationID)
        case followUp(ActivityID, index: Int)
    }

    public var subject: Subject
    public var date: CalendarDate
    public var title: String
    public var detail: String

    /// Whether the date has passed.
    public func isOverdue(on today: CalendarDate) -> Bool { date < today }

    /// The relation or activity to open for it.
    public var subjectID: String {
        switch subject {
        case .review(let id): id
        case .followUp(let id, _): id
        }
    }

    /// Review dates of relations on laag pitje and due dates of open follow-ups, up to `days` after today
    /// (and everything overdue), earliest first.
    public static func all(in dossier: Dossier, today: CalendarDate, within days: Int) -> [Reminder] {
        let horizon = today.adding(days: days)
        var reminders: [Reminder] = []
        for relation in dossier.relations where relation.status == .laagPitje {
            guard let review = relation.reviewDate, review <= horizon else { continue }
            let reason = relation.statusHistory.last(where: { $0.to == .laagPitje })?.reason ?? ""
            reminders.append(Reminder(subject: .review(relation.id), date: review, title: "Herijking \(relation.name) (laag pitje)",
                                      detail: reason))
        }
        // Read in place through the buffer (see BudgetLedger): most activities have nothing due.
        dossier.activities.withUnsafeBufferPointer { activities in
            for position in activities.indices where !activities[position].followUps.isEmpty {
                for (index, followUp) in activities[position].followUps.enumerated() where !followUp.isDone {
                    guard let due = followUp.due, due <= horizon else { continue }
                    let owner = followUp.owner.isEmpty ? "" : " — \(followUp.owner)"
                    reminders.append(Reminder(subject: .followUp(activities[position].id, index: index), date: due,
                                              title: followUp.text + owner, detail: activities[position].title))
                }
            }
        }
        return reminders.sorted { ($0.date, $0.title) < ($1.date, $1.title) }
    }
}
