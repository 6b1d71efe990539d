/// What adding one activity needs to know of all the others, without them: their ids (a new one must differ),
/// how many there are (the limit), and the budget of every line and year (the first look at the Kader weighs
/// the cost against what is left). Made from an `ActivityListing` (the activity index and the activities the
/// journal touched) and kept up to date by the additions saved with it.
public struct ActivityTally: Sendable {
    private(set) var ids: Set<ActivityID>
    /// The budget of every line and year, the activities as they are now counted in.
    public private(set) var ledger: BudgetLedger

    init(ids: Set<ActivityID>, ledger: BudgetLedger) {
        self.ids = ids
        self.ledger = ledger
    }

    public var count: Int { ids.count }


    public func contains(_ id: ActivityID) -> Bool { ids.contains(id) }

    mutating func add(_ activity: Activity) {
        ids.insert(activity.id)
        ledger.count(activity)
    }
}

extension ActivityListing {
    /// Every activity as the dossier holds it now: the snapshot's rows the journal left alone, and the ones it touched.
    var tally: ActivityTally {
        var ids = Set<ActivityID>(minimumCapacity: entries.count + dossier.activities.count)
        for (index, entry) in entries.enumerated() where !replaced.contains(index) { ids.insert(entry.id) }
        for activity in dossier.activities { ids.insert(activity.id) }
        return ActivityTally(ids: ids, ledger: budget)
    }

    /// The budget of every line and year, every activity as the dossier holds it now counted in, in the dossier's
    /// order (the order an overview lists its activities in, as `BudgetLedger(dossier)` counts them).
    var budget: BudgetLedger {
        var ledger = BudgetLedger(lines: dossier.budgetLines)
        for item in inDossierOrder(rows: { _ in true }, activities: { _ in true }) {
            switch item {
            case .written(let index): ledger.count(dossier.activities[index])
            case .copied(let index):
                let entry = entries[index]
                ledger.count(entry.id, year: entry.facets.year, line: entry.facets.budgetLine, status: entry.facets.status, cost: entry.budgeted)
            }
        }
        return ledger
    }
}
