import DossierCore

/// `+` and `e` on an activity that is not a visit: the fields of the activity table but the visit's
/// (title, kind, relations, organiser, dates, destination countries, sectors, budget line, costs,
/// participants per role, outcomes, notes), read with the table's parsers. A new activity also gets its
/// first status, and who decided when it starts approved. The weighing as the form stands is shown on top.
enum ActivityForm {
    /// The table fields this form edits: all but the visit details (a visit has its own form, v).
    static let keys = Activity.fields.fields.map(\.key).filter { !$0.hasPrefix("visit.") }

    /// `list`: the query of the activity list it is added from (a budget line's year), whose budget line and kind a new
    /// activity takes, so that it lands where the user was looking.
    static func make(editing activity: Activity?, relations: [RelationID], from list: ActivityQuery? = nil, in state: AppState) -> Form {
        let kind = list?.kind.flatMap { $0 == .delegatiebezoek ? nil : $0 } ?? .handelsmissie
        let budgetLine = list?.budgetLine.flatMap { state.dossier.budgetLine($0)?.id } ?? state.dossier.activityBudget?.id
        let existing = activity ?? Activity(id: "", title: "", kind: kind, relations: relations,
                                            countries: relations.compactMap(state.dossier.relation).countriesAbroad,
                                            budgetLine: budgetLine)
        let kinds = MenuOption.from(ActivityKind.allCases.filter { $0 != .delegatiebezoek })
        var fields = TableForm.fields(Activity.fields, of: existing, keys: keys, in: state.dossier, emptyLabels: ["organiser": "Gemeente Oss"],
                                      options: ["kind": kinds])
        if let index = fields.firstIndex(where: { $0.id == "kind" }) {
            fields[index].help = "←→ of de beginletter kiest. Een delegatiebezoek legt u vast met v."
        }
        // A new one's kind is chosen, unless the list it is added from shows one kind.
        if activity == nil, list?.kind == nil { TableForm.leaveKindUnchosen(&fields) }
        if let index = fields.firstIndex(where: { $0.id == "countries" }) {
            fields[index].label = "Bestemming"
        }
        if activity == nil {
            fields.insert(contentsOf: [
                // Rejected or cancelled is a step with a reason (m), not where an activity starts.
                FormField("status", "Status", .choice(MenuOption.from(ActivityStatus.allCases.filter { !$0.endsWithoutGoingAhead }), selected: 0),
                          help: "De beginstatus; daarna verandert hij alleen langs de levenscyclus (m)."),
                FormField("decision", "Goedgekeurd door", .text(TextInput()),
                          help: "Al goedgekeurd of gepland: wie besloot (een besluit van B&W of een mandaat). Verplicht.", isVisible: false),
                DraftPreview.overrideField(),
                CountriesFromRelations.field(existing.countries),
            ], at: 2)
        }
        let title = activity.map { "Activiteit bewerken — \($0.title)" } ?? "Nieuwe activiteit"
        var form = Form(purpose: activity.map { .editActivity($0.id) } ?? .newActivity, title: title, fields: fields)
        refresh(&form, in: state)
        form.settle()
        return form
    }

    /// Who decided, only for a new activity that starts out approved, and why against the Kader's rules where
    /// they make it negative; the weighing as the form stands.
    static func refresh(_ form: inout Form, in state: AppState) {
        let status = form["status"]?.selectedValue.flatMap(ActivityStatus.init(rawValue:))
        let approved = status == .goedgekeurd || status == .gepland
        form.setVisible("decision", approved)
        // What it actually cost exists once it took place: a new activity asks for it only when it starts carried out,
        // as `move` asks for it on the way there (the budget counts the estimate until then).
        if form.purpose == .newActivity {
            form.setVisible("actualCostCents", status?.isCarriedOut == true)
            CountriesFromRelations.follow(&form, in: state.dossier)
        }
        DraftPreview.refresh(&form, in: state.dossier, ledger: state.index.ledger) { submit($0, editing: $0.purpose.editedActivity, in: state) }
        DraftPreview.showOverride(&form, approved: approved)
    }

    static func submit(_ form: Form, editing id: ActivityID?, in state: AppState) -> FormOutcome {
        var (values, problems) = TableForm.values(form, Activity.fields, keys: keys, in: state.dossier, today: state.today, untouched: id.flatMap(state.seenActivity))
        if let start = Activity.fields.date("startDate", among: values), let end = Activity.fields.date("endDate", among: values),
           let problem = ActivityRules.endBeforeStart(start: start, end: end) {
            problems["endDate"] = problem.capitalizedFirst
        }
        let decision = form.text("decision")
        if form["decision"]?.isVisible == true && decision.isEmpty { problems["decision"] = "Vul in wie besloot: een besluit van B&W of een mandaat" }
        let overrideReason = DraftPreview.overrideReason(form, problems: &problems)
        if id == nil, let unchosen = TableForm.unchosenKindProblem(in: form, examples: "Beurs, Handelsmissie") { problems["kind"] = unchosen }
        guard problems.isEmpty else { return .problems(problems) }
        let title = form.text("title")
        if let id, let existing = state.seenActivity(id) {
            let edits = TableForm.edits(values, of: existing)
            guard !edits.isEmpty else { return .unchanged("Niets gewijzigd aan \(existing.title).") }
            let warnings = ApprovedEditWarnings.lines(existing, edits, in: state.dossier, ledger: state.index.ledger)
            return .change(.editActivity(id, edits), success: (["Activiteit bewerkt: \(title)."] + warnings).joined(separator: " "))
        }
        let status = form["status"]?.selectedValue.flatMap(ActivityStatus.init(rawValue:)) ?? .idee
        var activity = Activity(id: state.dossier.newActivityID(for: title), title: title, kind: .overig, status: status)
        if form["decision"]?.isVisible == true {
            // Stamped with the date and who by the change path.
            activity.statusHistory = [StatusChange(date: state.today, from: nil, to: status, reason: "", by: "", decision: decision,
                                                   overrideReason: overrideReason)]
        }
        let fillProblems = TableForm.fill(&activity, with: values)
        guard fillProblems.isEmpty else { return .problems(fillProblems) }
        return .change(.addActivity(activity), success: DraftPreview.message("Activiteit toegevoegd: \(title) (\(activity.status.label))",
                                                                              activity: activity, in: state.dossier, ledger: state.index.ledger))
    }
}
