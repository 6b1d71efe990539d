import DossierCore

/// `m`: the next step of an activity's life cycle, offering only the allowed states. Approving while the
/// latest assessment is negative asks for the reason to deviate, which is recorded.
enum MoveForm {
    static func make(for activity: Activity) -> Form {
        let options = MenuOption.from(activity.status.allowedNextStates)
        var form = Form(purpose: .moveActivity(activity.id), title: "\(activity.title) — nu \(activity.status.label)", fields: [
            FormField("status", "Naar", .menu(options, selected: 0), help: "Alleen de stappen die de levenscyclus toestaat."),
            FormField("reason", "Toelichting", .text(TextInput()), help: "Waarom deze stap (mag leeg)."),
            FormField("overrideReason", "Afwijking", .text(TextInput()),
                      help: "De laatste afweging is negatief: waarom wordt toch goedgekeurd? Verplicht; wordt vastgelegd."),
        ])
        refresh(&form, activity: activity)
        return form
    }

    static func refresh(_ form: inout Form, activity: Activity?) {
        let approving = form["status"]?.selectedValue == ActivityStatus.goedgekeurd.rawValue
        form.setVisible("overrideReason", approving && activity?.assessments.last?.verdict == .negatief)
    }

    static func submit(_ form: Form, activityID: ActivityID, in state: AppState) -> FormOutcome {
        var reader = FormReader(form)
        guard let status = reader.choice("status", ActivityStatus.self), let activity = state.dossier.activity(activityID) else {
            return .problems(["status": "Kies de volgende status"])
        }
        var overrideReason: String?
        if form["overrideReason"]?.isVisible == true {
            overrideReason = reader.requiredText("overrideReason", "Geef aan waarom wordt afgeweken van de negatieve afweging")
        }
        if !reader.problems.isEmpty { return .problems(reader.problems) }
        return .change(.moveActivity(activityID, status: status, reason: reader.text("reason"), overrideReason: overrideReason),
                       success: "\(activity.title): \(activity.status.label) → \(status.label)")
    }
}
