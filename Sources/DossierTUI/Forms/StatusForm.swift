import DossierCore

/// `s`: a new status for a relation from a menu, with a reason; for laag pitje also a review date,
/// proposed one year ahead. A relation on laag pitje can also be reviewed (herijken): it keeps its status
/// with a reason and a new review date.
enum StatusForm {
    /// The menu value of a review: the status stays.
    static let review = "herijken"

    /// Nothing is chosen when the form opens (as `set-status` names its status): with the first option chosen, `s`, a reason
    /// and Ctrl-S moved a relation to Focus unasked. `reviewing`: opened for a review that is due, *Herijken* is chosen.
    static func make(for relation: Relation, today: CalendarDate, dates: DateWriting, reviewing: Bool = false) -> Form {
        var options = MenuOption.from(RelationStatus.allCases.filter { $0 != relation.status })
        if relation.status.requiresReviewDate {
            options.insert(MenuOption(review, "Herijken: blijft \(relation.status.label)"), at: 0)
        }
        let current = relation.status.label + (relation.reviewDate.map { ", herijking \(dates.date($0))" } ?? "")
        // A year ahead, unless the relation already has a later review date: accepting the proposal never brings it forward.
        let proposed = max(today.adding(years: 1), relation.reviewDate ?? today)
        var form = Form(purpose: .relationStatus(relation.id), title: "Status van \(relation.name) — nu \(current)", fields: [
            FormField("status", "Nieuwe status", .menu(options, selected: reviewing && relation.status.requiresReviewDate ? 0 : -1),
                      help: relation.status.requiresReviewDate ? "↑↓ of de eerste letters kiezen: herijken (de status blijft, met een nieuwe herijkingsdatum) of een nieuwe status"
                          : "↑↓ of de eerste letters kiezen de nieuwe status"),
            FormField("reason", "Reden", .text(TextInput()), help: "Waarom verandert de status, of wat gaf de herijking? Verplicht; komt in de statusgeschiedenis."),
            FormField("reviewDate", "Herijkingsdatum", .text(TextInput(dates.editable(proposed))),
                      help: "Wanneer kijken we opnieuw naar deze relatie? Na vandaag; 22-11-2027, +6m of +1j.", isDate: true, yearlessDay: .ahead),
        ])
        refresh(&form, relation: relation)
        return form
    }

    static func refresh(_ form: inout Form, relation: Relation?) {
        form.setVisible("reviewDate", status(in: form, relation: relation)?.requiresReviewDate ?? false)
    }

    /// The chosen status; a review is the relation's own status.
    private static func status(in form: Form, relation: Relation?) -> RelationStatus? {
        guard let value = form["status"]?.selectedValue else { return nil }
        return value == review ? relation?.status : RelationStatus(rawValue: value)
    }

    static func submit(_ form: Form, relationID: RelationID, in state: AppState) -> FormOutcome {
        var reader = FormReader(form, today: state.today)
        let relation = state.seenRelation(relationID)
        guard let relation, let status = status(in: form, relation: relation) else {
            return .problems(["status": "Kies een status"])
        }
        let isReview = status == relation.status
        let reason = reader.requiredText("reason", isReview ? "Geef de uitkomst van de herijking" : "Geef een reden voor de statuswijziging")
        let reviewDate = status.requiresReviewDate ? reader.date("reviewDate", required: true) : nil
        if !reader.problems.isEmpty { return .problems(reader.problems) }
        let review = reviewDate.map { " (herijking \(state.dates.date($0)))" } ?? ""
        var success = isReview ? "\(relation.name): herijkt, blijft \(status.label)\(review)"
            : "\(relation.name): \(relation.status.label) → \(status.label)\(review)"
        // Put on laag pitje now: an activity still to come is said (from the screen's overview, as the list shows it).
        if !isReview, status == .laagPitje, var overview = state.dossier.relationPosition(relationID).map({ state.index.overviews[$0] }) {
            overview.relation.status = status
            let linked = state.index.activitiesByRelation[relationID]?.map { state.dossier.activities[$0] }
            if let notice = overview.laagPitjeNotice(today: state.today, dates: state.dates, activity: { state.dossier.activity($0) }, among: linked ?? []) {
                success += ". Let op: \(notice)"
            }
        }
        return .change(.setRelationStatus(relationID, status: status, reason: reason, reviewDate: reviewDate, seen: relation.status,
                                           seenReviewDate: relation.reviewDate), success: success)
    }
}
