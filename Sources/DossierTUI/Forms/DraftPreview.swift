import DossierCore

/// The weighing of an activity or visit as its form stands, shown at the top of the form while it is being
/// filled in, and the plain warnings that go with the message after saving.
enum DraftPreview {
    /// Weighs what the form would save (`submit` makes that of a form). A name still to be typed (a title, where a
    /// delegation comes from) weighs nothing, so a new form shows its weighing from the start: empty text fields it
    /// cannot do without are filled in, on a copy, and a field that does not read (a date that is no date) is left
    /// out of it. When even that does not read, the last preview stays.
    /// `ledger`: the screen's budget of all activities, so that a keystroke does not sum the whole dossier's.
    static func refresh(_ form: inout Form, in dossier: Dossier, ledger: BudgetLedger, submit: (Form) -> FormOutcome) {
        var outcome = submit(form)
        // On a copy: a name still to be typed stands in as "…", a required date still to be typed (a new visit's) as today;
        // a field that does not read yet (a date half typed) weighs as left empty, so that the rest (a cost just typed)
        // counts instead of the weighing from before it.
        var draft = form
        for _ in 0..<2 {
            guard case .problems(let problems) = outcome else { break }
            for id in problems.keys {
                guard case .text(var input)? = draft[id]?.value else { continue }
                if !draft.text(id).isEmpty {
                    input.set("")
                } else {
                    input.set(draft[id]?.isDate == true ? "vandaag" : "…")
                }
                draft[id]?.value = .text(input)
            }
            outcome = submit(draft)
        }
        let activity: Activity
        switch outcome {
        case .change(.addActivity(let added), _):
            activity = added
        case .change(.editActivity(let id, let edits), _):
            guard var edited = dossier.activity(id), (try? Activity.fields.apply(edits, to: &edited, in: dossier)) != nil else { return }
            activity = edited
        case .unchanged:
            guard let id = form.purpose.editedActivity, let existing = dossier.activity(id) else { return }
            activity = existing
        default:
            return
        }
        form.verdictPreview = Assessor.assess(activity, answers: activity.assessments.last?.answers ?? AssessmentAnswers(), in: dossier, ledger: ledger)
    }

    /// The reason to set the Kader aside, for a new activity or visit that starts out approved while the Kader's
    /// rules make it negative (as moving to goedgekeurd asks it, `Dossier.whyApprovalNeedsOverride`).
    static func overrideField() -> FormField {
        FormField("overrideReason", "Afwijking", .text(TextInput()),
                  help: "Het Kader of het budget maakt deze activiteit negatief, ook zonder antwoorden (zie boven): waarom toch goedkeuren? Verplicht; wordt vastgelegd.",
                  isVisible: false)
    }

    /// Shows the reason field while the form starts out approved and the weighing shown has a rule that makes it negative,
    /// or its cost does not fit the budget.
    static func showOverride(_ form: inout Form, approved: Bool) {
        form.setVisible("overrideReason", approved && form.verdictPreview?.reasons.contains(where: \.asksReasonToApprove) == true)
    }

    /// What a shown, empty reason field says (here and in the move form).
    static let overrideMissing = "Geef aan waarom er wordt afgeweken van het Kader of het budget"

    /// The reason typed, or a problem when the field is shown and empty; nil when not asked.
    static func overrideReason(_ form: Form, problems: inout [String: String]) -> String? {
        guard form["overrideReason"]?.isVisible == true else { return nil }
        let text = form.text("overrideReason")
        if text.isEmpty { problems["overrideReason"] = overrideMissing }
        return text.isEmpty ? nil : text
    }

    /// "Bezoek vastgelegd: … Let op: Taizhou staat op een laag pitje …", or with the verdict so far.
    static func message(_ text: String, activity: Activity, in dossier: Dossier, ledger: BudgetLedger) -> String {
        let look = FirstLook(activity, in: dossier, ledger: ledger)
        if let warning = look.warnings.first { return "\(text). Let op: \(warning)" }
        return activity.status.isCarriedOut ? text : "\(text). \(look.summary) (a weegt af)"
    }
}

extension FormPurpose {
    /// The activity a form edits, if it edits one.
    var editedActivity: ActivityID? {
        switch self {
        case .editVisit(let id), .editActivity(let id): id
        default: nil
        }
    }
}
