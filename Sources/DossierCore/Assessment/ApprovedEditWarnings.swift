/// What an edit of an activity does that its approval did not weigh, said when the edit is saved (the edit itself
/// goes through: correcting a record is allowed, but not unseen): a relation or country the Kader's rules count
/// against, newly involved in an activity already approved or planned; a cost taken out of every budget year by
/// removing the date of an activity the budget counts.
public enum ApprovedEditWarnings {
    public static func of(_ before: Activity, _ after: Activity, in dossier: Dossier) -> [String] {
        var warnings: [String] = []
        if after.status == .goedgekeurd || after.status == .gepland {
            let earlier = Set(Assessor.ruleWarnings(before, in: dossier).map(\.text))
            for reason in Assessor.ruleWarnings(after, in: dossier) where !earlier.contains(reason.text) {
                var text = reason.text
                if text.hasSuffix(".") { text.removeLast() }
                warnings.append("\(text); '\(after.title)' is al \(after.status.label.lowercased()) zonder dat gewogen te hebben: weeg opnieuw af (a, dossier assess)")
            }
        }
        if before.year != nil, after.year == nil, after.chargedCost.cents > 0 {
            warnings.append("zonder datum telt \(after.chargedCost.formatted) van '\(after.title)' in geen budgetjaar meer mee (het jaarverslag noemt de activiteit doorlopend)")
        }
        return warnings
    }

    /// The warnings after an edit of `activity` with `edits`; none when the edits do not apply.
    public static func of(_ activity: Activity, editedWith edits: [FieldEdit], in dossier: Dossier) -> [String] {
        var edited = activity
        guard (try? Activity.fields.apply(edits, to: &edited, in: dossier)) != nil else { return [] }
        return of(activity, edited, in: dossier)
    }

    /// The same, each as a sentence "Let op: …".
    public static func lines(_ activity: Activity, _ edits: [FieldEdit], in dossier: Dossier) -> [String] {
        of(activity, editedWith: edits, in: dossier).map { "Let op: \($0)." }
    }
}
