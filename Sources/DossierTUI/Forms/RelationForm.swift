import DossierCore

/// `+` on the relations and `e` on a relation: every field of the relation's table (name, kind, country
/// with type-ahead, places, sectors, source, notes …). A new relation also gets a first status; its id
/// follows from the name and is shown in the title as it is typed.
enum RelationForm {
    /// Statuses a new relation can start in (laag pitje asks a reason and review date: set it afterwards with s).
    static let startingStatuses: [RelationStatus] = [.verkennen, .actief, .focus]

    static func make(editing relation: Relation?, in state: AppState) -> Form {
        let existing = relation ?? Relation(id: "", name: "", kind: .regio, status: .verkennen)
        var fields = TableForm.fields(Relation.fields, of: existing, in: state.dossier)
        if relation == nil {
            TableForm.leaveKindUnchosen(&fields)
            let statuses = MenuOption.from(startingStatuses)
            fields.insert(FormField("status", "Status", .choice(statuses, selected: 0),
                                    help: "De beginstatus; daarna verandert hij met s (met reden)."), at: 2)
        }
        let title = relation.map { "Relatie bewerken — \($0.name)" } ?? "Nieuwe relatie"
        var form = Form(purpose: relation.map { .editRelation($0.id) } ?? .newRelation, title: title, fields: fields)
        refresh(&form, in: state)
        form.settle()
        return form
    }

    /// A new relation's title shows the id its name gives; a name another relation already has is said under it as it
    /// is typed (saving would refuse it), with no id in the title.
    static func refresh(_ form: inout Form, in state: AppState) {
        let id: RelationID
        switch form.purpose {
        case .newRelation: id = ""
        case .editRelation(let edited): id = edited
        default: return
        }
        let name = form.text("name").trimmingSpaces()
        // (Typing in the name clears what was said under it; a name still taken is said again.)
        let taken = state.dossier.nameTakenProblem(name, for: id)
        if let taken { form.errors["name"] = taken.capitalizedFirst }
        guard id.isEmpty else { return }
        form.title = name.isEmpty || taken != nil ? "Nieuwe relatie" : "Nieuwe relatie — id: \(state.dossier.newRelationID(for: name))"
    }

    static func submit(_ form: Form, editing id: RelationID?, in state: AppState) -> FormOutcome {
        var (values, problems) = TableForm.values(form, Relation.fields, in: state.dossier, today: state.today, untouched: id.flatMap(state.seenRelation))
        if id == nil, let unchosen = TableForm.unchosenKindProblem(in: form, examples: "Bedrijf, Overheid") {
            problems["kind"] = unchosen
            // Said together, as the store would say the name once a kind is chosen.
            if let taken = state.dossier.nameTakenProblem(form.text("name").trimmingSpaces(), for: "") { problems["name"] = taken.capitalizedFirst }
        }
        guard problems.isEmpty else { return .problems(problems) }
        if let id, let existing = state.seenRelation(id) {
            let edits = TableForm.edits(values, of: existing)
            guard !edits.isEmpty else { return .unchanged("Niets gewijzigd aan \(existing.name).") }
            return .change(.editRelation(id, edits), success: "Relatie bewerkt: \(form.text("name"))")
        }
        let name = form.text("name")
        let status = form["status"]?.selectedValue.flatMap(RelationStatus.init(rawValue:)) ?? .verkennen
        var relation = Relation(id: state.dossier.newRelationID(for: name), name: name, kind: .regio, status: status)
        let fillProblems = TableForm.fill(&relation, with: values)
        guard fillProblems.isEmpty else { return .problems(fillProblems) }
        let notice = AssessmentRule.laagPitjeCountryNotice(relation).map { " " + $0 } ?? ""
        return .change(.addRelation(relation), success: "Relatie toegevoegd: \(relation.name) (\(relation.id)).\(notice)")
    }
}
