/// A follow-up given a due date that has already passed. Saved, never refused: a follow-up that is late is still one to
/// do (it shows as overdue), and one may be written down after the fact. Said as a warning because it is most often a
/// mistyped year or month (1-12-2025 for 1-12-2026).
public enum PastDueDate {
    /// "de streefdatum 5-1-2024 ligt al in het verleden", for an open follow-up added (also with a new visit), or a due date
    /// edited, before `today`; for an activity added or edited (in `dossier`, before the change) to be over without a
    /// recorded outcome, that its date lies in the past.
    public static func notice(for change: Change, in dossier: Dossier? = nil, today: CalendarDate, dates: DateWriting = .standard) -> String? {
        let due: CalendarDate?
        switch change {
        case .addFollowUp(_, let followUp) where !followUp.isDone:
            due = followUp.due
        case .editFollowUp(_, let place, let edits) where !place.seen.isDone:
            due = edits.first { $0.field == "due" }.flatMap { try? FieldCast.date($0.new) }
        case .addActivity(let activity):
            // The follow-ups a visit is logged with.
            if let late = activity.followUps.first(where: { !$0.isDone && ($0.due.map { $0 < today } ?? false) }), let date = late.due {
                return "de streefdatum \(dates.date(date)) van '\(late.text)' ligt al in het verleden"
            }
            // An activity still to come whose last day is before today (a visit's date itself decides that it took place); one
            // of several days still under way is not past yet.
            return activity.isVisit ? nil : pastDates(of: activity, today: today, dates: dates)
        case .editActivity(let id, let edits):
            // Given a date that lies behind it, while nothing records that it took place: from now on a signal.
            guard let before = dossier?.activity(id), !before.isOverdue(on: today), let dossier else { return nil }
            var after = before
            guard (try? Activity.fields.apply(edits, to: &after, in: dossier)) != nil else { return nil }
            return pastDates(of: after, today: today, dates: dates)
        default:
            return nil
        }
        guard let due, due < today else { return nil }
        return "de streefdatum \(dates.date(due)) ligt al in het verleden"
    }

    /// For an activity over by `today` without a recorded outcome (`Activity.isOverdue`): which of its dates lies in the past.
    private static func pastDates(of activity: Activity, today: CalendarDate, dates: DateWriting) -> String? {
        guard activity.isOverdue(on: today), let start = activity.startDate else { return nil }
        let which = activity.endDate.flatMap { $0 > start ? "de einddatum \(dates.date($0))" : nil } ?? "de begindatum \(dates.date(start))"
        // Only an approved or planned one can be marked carried out in one move; for the others the signals' own advice.
        guard activity.status.reachableStates.contains(.uitgevoerd) else {
            return "\(which) ligt al in het verleden, en de activiteit is nog niet goedgekeurd (\(activity.status.label)): zet haar een stap verder, "
                + "annuleer haar, of geef een nieuwe datum"
        }
        return "\(which) ligt al in het verleden; is de activiteit gehouden, zet haar dan op uitgevoerd"
    }
}
