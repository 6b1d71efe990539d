extension FollowUp {
    /// The fields of a follow-up that can be changed after it was added; whether it is done is ticked off apart
    /// (`Change.setFollowUpDone`).
    public static let fields = FieldTable<FollowUp>("vervolgactie", [
        .text("text", "Actie", option: "what", help: "Wat er moet gebeuren. Verplicht.", isRequired: true, \.text),
        .date("due", "Uiterlijk", option: "due", help: "Streefdatum (leeg: geen).", \.due),
        .text("owner", "Wie", option: "owner", help: "Wie het oppakt (mag leeg).", \.owner),
    ])
}
