/// What an edit of an activity does that its approval did not weigh, said when the edit is saved (the edit itself
/// goes through: correcting a record is allowed, but not unseen): a relation or country the Kader's rules count
/// against, newly involved in an activity already approved or planned; a higher cost, another year or another
/// budget line that no longer fits what the line has left; a cost taken out of every budget year by removing the date
/// of an activity the budget counts, or out of the budget by emptying it, or moved to another year; an actual cost given before the activity took place (the budget counts the estimate
/// until then). `ledger`: the budget of all activities (before the edit), for a dossier that
/// holds only some; without one, on such a dossier the budget is not weighed.
public enum ApprovedEditWarnings {
    public static func of(_ before: Activity, _ after: Activity, in dossier: Dossier, ledger: BudgetLedger? = nil) -> [String] {
        var warnings: [String] = []
        if after.status == .goedgekeurd || after.status == .gepland {
            // As approving weighs them: a college exception recorded with the last weighing lifts the laag pitje.
            let answers = after.assessments.last?.answers ?? AssessmentAnswers()
            let earlier = Set(Assessor.ruleWarnings(before, in: dossier, answers: answers).map(\.text))
            for reason in Assessor.ruleWarnings(after, in: dossier, answers: answers) where !earlier.contains(reason.text) {
                var text = reason.text
                if text.hasSuffix(".") { text.removeLast() }
                warnings.append("\(text); '\(after.title)' is al \(after.status.label.lowercased()) zonder dat gewogen te hebben: weeg opnieuw af (a, dossier assess)")
            }
        }
        // Also once carried out: a corrected cost of what took place is what the budget counts.
        if after.status.chargesBudget(after.budgetedCost), let shortfall = budgetShortfall(before, after, in: dossier, ledger: ledger) {
            warnings.append(shortfall)
        }
        // (Called off, what was paid counts on its line: said only when there is no line to count it on.)
        if let actual = after.actualCost, actual != before.actualCost, !after.status.isCarriedOut, after.status != .geannuleerd || after.budgetLine == nil {
            if after.status.countsAgainstBudget, after.budgetLine != nil {
                let estimate = after.estimatedCost.map { "de raming, \($0.formatted)" } ?? "niets: er is nog geen raming"
                warnings.append("werkelijke kosten (\(actual.formatted)) tellen pas mee als '\(after.title)' is uitgevoerd; tot dan telt \(estimate)")
            } else {
                let why = after.budgetLine == nil ? "staat op geen budgetregel" : "is \(after.status.label.lowercased())"
                warnings.append("werkelijke kosten (\(actual.formatted)) tellen niet mee in het budget: '\(after.title)' \(why)")
            }
        }
        if before.year != nil, after.year == nil, after.chargedCost.cents > 0 {
            warnings.append("zonder datum telt \(after.chargedCost.formatted) van '\(after.title)' in geen budgetjaar meer mee (het jaarverslag noemt de activiteit doorlopend)")
        } else if before.year == nil, after.year == nil, after.chargedCost.cents > 0, after.chargedCost != before.chargedCost {
            // A cost given to an approved activity without a date: the budget shows it nowhere until it has one.
            warnings.append("zonder datum telt \(after.chargedCost.formatted) van '\(after.title)' in geen budgetjaar mee; geef een datum om het mee te tellen")
        }
        // What the budget counted goes elsewhere or away without a step in the life cycle: said, as a raise is.
        if after.status.countsAgainstBudget || after.status.hasActualCost, before.chargedCost.cents > 0, let line = before.budgetLine, let year = before.year {
            let was = "\(before.chargedCost.formatted) op \(dossier.budgetLine(line)?.name ?? line) \(year)"
            if after.chargedCost.cents == 0, after.budgetLine != nil, after.listedCost == nil {
                let advice = after.status.isCarriedOut ? "vul de werkelijke kosten in als die er waren"
                    : "is ze afgeblazen, zet haar dan op geannuleerd (m)"
                warnings.append("zonder kosten telt '\(after.title)' niet meer mee in het budget (was \(was)); \(advice)")
            } else if after.budgetLine == nil {
                warnings.append("'\(after.title)' staat nu op geen budgetregel en telt niet meer mee in het budget (was \(was))")
            } else if after.chargedCost.cents > 0, let moved = after.year, moved != year {
                warnings.append("'\(after.title)' telt nu in het budget van \(moved) in plaats van \(year) (was \(was))")
            } else if after.chargedCost.cents > 0, let moved = after.budgetLine, moved != line {
                warnings.append("'\(after.title)' telt nu op \(dossier.budgetLine(moved)?.name ?? moved) (was \(was))")
            }
        }
        // Moved later: follow-ups that came after the old start (a thank-you letter after a visit) now fall before it.
        if let old = before.startDate, let new = after.startDate, new > old {
            let left = after.followUps.filter { followUp in !followUp.isDone && followUp.due.map { $0 >= old && $0 < new } == true }
            if !left.isEmpty {
                let named = left.map { "\($0.text) (vóór \(DateWriting.standard.date($0.due!)))" }
                warnings.append("\(left.count == 1 ? "de open vervolgactie" : "\(left.count) open vervolgacties") \(enumerated(named)) "
                                + "\(left.count == 1 ? "valt" : "vallen") nu vóór de nieuwe begindatum (\(DateWriting.standard.date(new))); schuif "
                                + "\(left.count == 1 ? "haar" : "ze") mee als dat zo hoort")
            }
        }
        return warnings
    }

    /// The warnings after an edit of `activity` with `edits`; none when the edits do not apply. `status`: the status it
    /// ends with when the same step moves it too (an import row that edits and moves).
    public static func of(_ activity: Activity, editedWith edits: [FieldEdit], in dossier: Dossier, ledger: BudgetLedger? = nil,
                          endingIn status: ActivityStatus? = nil) -> [String] {
        var edited = activity
        guard (try? Activity.fields.apply(edits, to: &edited, in: dossier)) != nil else { return [] }
        if let status { edited.status = status }
        return of(activity, edited, in: dossier, ledger: ledger)
    }

    /// The same, each as a sentence "Let op: …".
    public static func lines(_ activity: Activity, _ edits: [FieldEdit], in dossier: Dossier, ledger: BudgetLedger? = nil) -> [String] {
        of(activity, editedWith: edits, in: dossier, ledger: ledger).map { "Let op: \($0)." }
    }

    /// A cost raised, or moved to another year or line, that no longer fits what that line has left that year (the
    /// activity as stored taken out of the count). Nil when nothing the budget counts changed, or when it fits.
    private static func budgetShortfall(_ before: Activity, _ after: Activity, in dossier: Dossier, ledger: BudgetLedger?) -> String? {
        let cost = after.chargedCost
        guard cost.cents > 0, let year = after.year, let line = after.budgetLine, dossier.isPart == false || ledger != nil,
              cost > before.chargedCost || before.year != year || before.budgetLine != line else { return nil }
        let (budget, remaining) = BudgetOverview.left(year, line: line, excluding: before.id, in: dossier, ledger: ledger)
        guard cost > remaining else { return nil }
        let lineName = dossier.budgetLine(line)?.name ?? line
        // After the line's years no amount is set yet: not overspent, but without a budget, as the budget says it.
        if let budgetLine = dossier.budgetLine(line), budgetLine.hasEnded(before: year) {
            return "\(lineName) heeft nog geen bedrag voor \(year) (de regel loopt \(budgetLine.period)); '\(after.title)' is al "
                + "\(after.status.label.lowercased()) en zet er \(cost.formatted) op"
        }
        let left = remaining.cents < 0 ? "is al \((Money.zero - remaining).formatted) te veel vastgelegd" : "is nog \(remaining.formatted) over"
        return "\(cost.formatted) past niet binnen \(lineName) \(year) (van \(budget.formatted) \(left)); '\(after.title)' is al "
            + "\(after.status.label.lowercased()): het budget is daarmee overschreden"
    }
}
