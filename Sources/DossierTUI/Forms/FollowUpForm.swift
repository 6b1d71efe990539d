import DossierCore

/// `+` on an activity: a follow-up action with an optional due date and owner; `e` on a follow-up changes those.
/// The fields are the core's (`FollowUp.fields`), read with their one parser each.
enum FollowUpForm {
    static func make(activity: Activity, editing index: Int?, in state: AppState) -> Form {
        let existing = index.flatMap { activity.followUps.indices.contains($0) ? activity.followUps[$0] : nil }
        let fields = TableForm.fields(FollowUp.fields, of: existing ?? FollowUp(text: ""), in: state.dossier)
        if let index, let existing {
            return Form(purpose: .editFollowUp(activity.id, index: index, text: existing.text),
                        title: "Vervolgactie \(index + 1) bewerken — \(activity.title)", fields: fields)
        }
        return Form(purpose: .newFollowUp(activity.id), title: "Vervolgactie bij \(activity.title)", fields: fields)
    }

    static func submit(_ form: Form, activityID: ActivityID, editing: (index: Int, text: String)?, in state: AppState) -> FormOutcome {
        let (values, problems) = TableForm.values(form, FollowUp.fields, in: state.dossier, today: state.today)
        guard problems.isEmpty else { return .problems(problems) }
        guard let editing else {
            var followUp = FollowUp(text: "")
            let fillProblems = TableForm.fill(&followUp, with: values)
            guard fillProblems.isEmpty else { return .problems(fillProblems) }
            return .change(.addFollowUp(activityID, followUp), success: "Vervolgactie toegevoegd: \(followUp.text)")
        }
        // Edited from the follow-up as the form saw it, so a colleague's change to it is a conflict, not overwritten.
        guard let activity = state.seenActivity(activityID), let place = FollowUpPlace(editing.index, in: activity.followUps),
              place.seen.text == editing.text else {
            return .problems(["text": "Deze vervolgactie is er niet meer"])
        }
        let edits = TableForm.edits(values, of: place.seen)
        guard !edits.isEmpty else { return .unchanged("Niets gewijzigd aan vervolgactie \(editing.index + 1).") }
        return .change(.editFollowUp(activityID, place, edits),
                       success: "Vervolgactie bewerkt: \(form.text("text"))")
    }
}
