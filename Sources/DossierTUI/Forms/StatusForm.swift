import DossierCore

/// `s`: a new status for a relation from a menu, with a reason; for laag pitje also a review date,
/// proposed one year ahead.
enum StatusForm {
    static func make(for relation: Relation, today: CalendarDate) -> Form {
        let options = MenuOption.from(RelationStatus.allCases.filter { $0 != relation.status })
        var form = Form(purpose: .relationStatus(relation.id), title: "Status van \(relation.name) — nu \(relation.status.label)", fields: [
            FormField("status", "Nieuwe status", .menu(options, selected: 0), help: "↑↓ kiest de nieuwe status"),
            FormField("reason", "Reden", .text(TextInput()), help: "Waarom verandert de status? Verplicht; komt in de statusgeschiedenis."),
            FormField("reviewDate", "Herijkingsdatum", .text(TextInput(today.adding(years: 1).iso)),
                      help: "Wanneer kijken we opnieuw naar deze relatie? 2027-11-22 of 22-11-2027."),
        ])
        refresh(&form)
        return form
    }

    static func refresh(_ form: inout Form) {
        form.setVisible("reviewDate", form["status"]?.selectedValue == RelationStatus.laagPitje.rawValue)
    }

    static func submit(_ form: Form, relationID: RelationID, in state: AppState) -> FormOutcome {
        var reader = FormReader(form)
        guard let status = reader.choice("status", RelationStatus.self), let relation = state.dossier.relation(relationID) else {
            return .problems(["status": "Kies een status"])
        }
        let reason = reader.requiredText("reason", "Geef een reden voor de statuswijziging")
        let reviewDate = status.requiresReviewDate ? reader.date("reviewDate", required: true) : nil
        if !reader.problems.isEmpty { return .problems(reader.problems) }
        let review = reviewDate.map { " (herijking \($0.iso))" } ?? ""
        return .change(.setRelationStatus(relationID, status: status, reason: reason, reviewDate: reviewDate),
                       success: "\(relation.name): \(relation.status.label) → \(status.label)\(review)")
    }
}
