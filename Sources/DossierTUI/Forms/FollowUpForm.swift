import DossierCore

/// `+` on an activity: a follow-up action with an optional due date and owner.
enum FollowUpForm {
    static func make(activityID: ActivityID, title: String) -> Form {
        Form(purpose: .newFollowUp(activityID), title: "Vervolgactie bij \(title)", fields: [
            FormField("text", "Actie", .text(TextInput()), help: "Wat moet er gebeuren? Verplicht."),
            FormField("due", "Uiterlijk", .text(TextInput()), help: "Streefdatum, 2026-04-01 of 1-4-2026 (mag leeg)."),
            FormField("owner", "Wie", .text(TextInput()), help: "Wie pakt het op (mag leeg)."),
        ])
    }

    static func submit(_ form: Form, activityID: ActivityID) -> FormOutcome {
        var reader = FormReader(form)
        let text = reader.requiredText("text", "Omschrijf de vervolgactie")
        let due = reader.date("due", required: false)
        if !reader.problems.isEmpty { return .problems(reader.problems) }
        return .change(.addFollowUp(activityID, FollowUp(text: text, due: due, owner: reader.text("owner"))),
                       success: "Vervolgactie toegevoegd: \(text)")
    }
}
