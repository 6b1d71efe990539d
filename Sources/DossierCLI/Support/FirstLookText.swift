import DossierCore

/// What `add-activity` and `log-visit` print after the activity is saved: the weighing so far, the warnings,
/// and how to weigh it properly.
enum FirstLookText {
    static func lines(for activity: Activity, in dossier: Dossier, ledger: BudgetLedger? = nil) -> [String] {
        let look = FirstLook(activity, in: dossier, ledger: ledger)
        var lines = [look.summary]
        lines += look.warnings.map { "Let op: \($0)" }
        if !activity.status.isCarriedOut {
            lines.append("Weeg af met: dossier assess \(activity.id)")
        }
        return lines
    }
}
