/// Parts of the dossier made from the rows of the activity index, for what only lists or counts: the agenda
/// (`DossierStore.loadForAgenda`), what is due (`.loadForReminders`), the budget of one year
/// (`.loadForBudget(year:)`) and, as a `NameCatalog`, what a typed name can mean (`.loadForNaming`). A row becomes an activity
/// with only the fields that list reads; the activities the journal touched are the dossier's own, read whole.
/// Such a part is marked (`Dossier.isPart`) and never saved.
extension ActivityListing {
    /// A dossier for the agenda of the days `from` … `to` (`Agenda.window`): the relations and, in the dossier's
    /// order, every activity with an entry that window shows, as far as the agenda reads it (`Entry
    /// .agendaActivity`). Its agenda lists what the whole dossier's lists, by the same ids, titles and words. Needs
    /// the rows' agenda fields (`Entry.Fields.agenda`).
    func agendaDossier(from: CalendarDate?, to: CalendarDate?, today: CalendarDate) -> Dossier {
        precondition(fields.isSuperset(of: .agenda), "a listing read without the agenda's fields")
        var scratch: [AgendaEntry] = []
        func shows(_ activity: Activity) -> Bool {
            scratch.removeAll(keepingCapacity: true)
            Agenda.append(activity, at: 0, to: &scratch)
            return scratch.contains { $0.isShown(from: from, to: to, today: today) }
        }
        // Only the kept rows are made into activities to keep, after they are found.
        let kept = inDossierOrder(rows: { ($0.row.startDate != nil || !$0.followUps.isEmpty) && shows($0.agendaActivity) }, activities: shows)
        return dossier.holding(activities(kept, row: \.agendaActivity))
    }

    /// A dossier for what needs attention up to `horizon` on `today` (`Reminder.all`, from `Agenda.deadlines`): the
    /// relations (their reviews) and, in the dossier's order, every activity with a deadline by then or whose outcome
    /// is due, as far as the agenda reads it. Needs the rows' agenda fields.
    func remindersDossier(until horizon: CalendarDate, today: CalendarDate) -> Dossier {
        precondition(fields.isSuperset(of: .agenda), "a listing read without the agenda's fields")
        var scratch: [AgendaEntry] = []
        func isDue(_ activity: Activity) -> Bool {
            scratch.removeAll(keepingCapacity: true)
            Agenda.appendFollowUps(of: activity, at: 0, to: &scratch)
            Agenda.appendOutcome(of: activity, at: 0, dueBefore: today, to: &scratch)
            return scratch.contains { $0.start <= horizon }
        }
        // Only a row with a follow-up or one over and not carried out is made into an activity to look at.
        func mayBeDue(_ entry: Entry) -> Bool {
            !entry.followUps.isEmpty || entry.row.isOverdue(on: today)
        }
        let kept = inDossierOrder(rows: { mayBeDue($0) && isDue($0.agendaActivity) }, activities: isDue)
        return dossier.holding(activities(kept, row: \.agendaActivity))
    }

    /// What a typed name is looked up in (`NameLookup`, with its refusals and suggestions): the relations and, in the
    /// dossier's order, every activity's id, title and start date. Needs the rows' names and dates
    /// (`Entry.Fields.naming`).
    func nameCatalog() -> NameCatalog {
        precondition(fields.isSuperset(of: .naming), "a listing read without the names' fields")
        let items = inDossierOrder(rows: { _ in true }, activities: { _ in true })
        var names: [ActivityName] = []
        names.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .copied(let index): names.append(ActivityName(id: entries[index].id, title: entries[index].row.title, startDate: entries[index].row.startDate))
            case .written(let index): names.append(ActivityName(id: dossier.activities[index].id, title: dossier.activities[index].title,
                                                                startDate: dossier.activities[index].startDate))
            }
        }
        return NameCatalog(relations: dossier.relations, activities: names)
    }

    /// A dossier for the budget of `year` (`BudgetLedger`, and the activities `dossier budget --year` lists): the
    /// relations, the budget lines and, in the dossier's order, every activity that starts in that year, as far as
    /// the budget reads it (`Entry.budgetActivity`). Needs the rows' tally and titles (`Entry.Fields.tally`,
    /// `.names`).
    func budgetDossier(year: Int) -> Dossier {
        precondition(fields.isSuperset(of: .tally.union(.names)), "a listing read without the budget's fields")
        return dossier.holding(activities(inDossierOrder(rows: { $0.facets.year == year }, activities: { $0.year == year }), row: \.budgetActivity))
    }
}

extension ActivityListing.Entry {
    /// The activity as far as the agenda reads it (`Agenda`, `AgendaEntry.title`, `.context`): its id, title,
    /// kind, status, dates, linked relations and follow-ups. Nothing else of it is filled in: never to be shown
    /// or changed.
    var agendaActivity: Activity {
        Activity(id: id, title: row.title, kind: facets.kind, status: facets.status, relations: row.relations, startDate: row.startDate,
                 endDate: end, followUps: followUps)
    }

    /// The activity as far as the budget reads it (`BudgetLedger`, `BudgetOverview`, the table of `dossier budget
    /// --year`): its id, title, kind, status, start date and budget line, and what it costs the budget as both its
    /// estimate and its actual cost (`budgetedCost` gives that whatever the status). Never to be shown whole or changed.
    var budgetActivity: Activity {
        Activity(id: id, title: row.title, kind: facets.kind, status: facets.status, startDate: row.startDate, budgetLine: facets.budgetLine,
                 estimatedCost: budgeted, actualCost: budgeted)
    }
}
