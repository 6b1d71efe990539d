import DossierCore

/// `+` and `e` on an activity that is not a visit: title, kind, relations, organiser, dates, sectors,
/// costs, participants by role, outcomes and notes. A new activity also gets its first status.
enum ActivityForm {
    static let participantRoles: [(role: ParticipantRole, id: String, label: String)] = [
        (.bestuurder, "bestuurders", "Bestuurders"), (.ambtenaar, "ambtenaren", "Ambtenaren"),
        (.ondernemer, "ondernemers", "Ondernemers"), (.kennisinstelling, "kennisinstellingen", "Kennisinstellingen"),
        (.overig, "overigen", "Overige deelnemers"),
    ]

    static func make(editing activity: Activity?, relations: [RelationID], in state: AppState) -> Form {
        let kinds = MenuOption.from(ActivityKind.allCases.filter { $0 != .delegatiebezoek })
        let statuses = MenuOption.from(ActivityStatus.allCases)
        let existing = activity ?? Activity(id: "", title: "", kind: .handelsmissie, relations: relations)
        var fields = [
            FormField("title", "Titel", .text(TextInput(existing.title)), help: "Verplicht."),
            FormField("kind", "Soort", .choice(kinds, selected: kinds.firstIndex { $0.value == existing.kind.rawValue } ?? 0),
                      help: "←→ of de beginletter kiest. Een delegatiebezoek leg je vast met v."),
        ]
        if activity == nil {
            fields.append(FormField("status", "Status", .choice(statuses, selected: 0),
                                    help: "De beginstatus; daarna verandert hij alleen langs de levenscyclus (m)."))
            fields.append(FormField("decision", "Goedgekeurd door", .text(TextInput()),
                                    help: "Al goedgekeurd of gepland: wie besloot (een besluit van B&W of een mandaat). Verplicht.", isVisible: false))
        }
        fields += [
            FormField("relations", "Relaties", .relations(existing.relations, allowsMultiple: true, emptyLabel: "(geen; Enter kiest)"),
                      help: "Enter of typen opent de lijst; Tab vinkt meerdere aan; Backspace haalt de laatste weg."),
            FormField("organiser", "Organisator", .relations(existing.organiser.relationID.map { [$0] } ?? [], allowsMultiple: false,
                                                              emptyLabel: "Gemeente Oss"),
                      help: "Een partner zoals de BOM of NL in Business (het Kader: liever aanhaken). Backspace: de gemeente zelf."),
            CountryField.make(existing.countries, label: "Bestemming"),
            FormField("startDate", "Begindatum", .text(TextInput(existing.startDate?.iso ?? "")), help: "Bepaalt het budgetjaar."),
            FormField("endDate", "Einddatum", .text(TextInput(existing.endDate?.iso ?? ""))),
            FormField("sectors", "Sectoren", .flags(MenuOption.from(Sector.allCases), on: Set(existing.sectors.map(\.rawValue)), cursor: 0),
                      help: "←→ kiest, Spatie vinkt aan of uit."),
            BudgetLineField.make(activity == nil ? state.dossier.activityBudget?.id : existing.budgetLine, in: state.dossier),
            FormField("estimatedCost", "Geraamde kosten", .text(TextInput(existing.estimatedCost?.editableText ?? "")), help: "In euro: 2500 of 2.500,00."),
            FormField("actualCost", "Werkelijke kosten", .text(TextInput(existing.actualCost?.editableText ?? "")), help: "Na afloop."),
        ]
        for (role, id, label) in participantRoles {
            fields.append(FormField(id, label, .text(TextInput(ListText.participantText(existing.participants.filter { $0.role == role }))),
                                    help: "Gescheiden door komma's; 'Naam (Organisatie)' mag. Ondernemers worden steeds uitgenodigd."))
        }
        fields += [
            FormField("outcomes", "Resultaten", .text(TextInput(existing.outcomes))),
            FormField("notes", "Toelichting", .text(TextInput(existing.notes))),
        ]
        let title = activity.map { "Activiteit bewerken — \($0.title)" } ?? "Nieuwe activiteit"
        var form = Form(purpose: activity.map { .editActivity($0.id) } ?? .newActivity, title: title, fields: fields)
        refresh(&form, in: state)
        form.settle()
        return form
    }

    /// Who decided, only for a new activity that starts out approved; the weighing as the form stands; the
    /// country type-ahead.
    static func refresh(_ form: inout Form, in state: AppState) {
        let status = form["status"]?.selectedValue.flatMap(ActivityStatus.init(rawValue:))
        form.setVisible("decision", status == .goedgekeurd || status == .gepland)
        CountryField.refresh(&form)
        DraftPreview.refresh(&form, outcome: submit(form, editing: form.purpose.editedActivity, in: state), in: state.dossier)
    }

    static func submit(_ form: Form, editing id: ActivityID?, in state: AppState) -> FormOutcome {
        var reader = FormReader(form)
        let title = reader.requiredText("title", "Geef de activiteit een titel")
        let start = reader.date("startDate", required: false)
        let end = reader.date("endDate", required: false)
        let estimated = reader.money("estimatedCost")
        let actual = reader.money("actualCost")
        let countries = reader.countries(CountryField.id)
        guard reader.problems.isEmpty, let kind = reader.choice("kind", ActivityKind.self) else { return .problems(reader.problems) }
        var activity: Activity
        if let id, let existing = state.dossier.activity(id) {
            activity = existing
        } else {
            activity = Activity(id: state.dossier.newActivityID(for: title), title: title, kind: kind,
                                status: reader.choice("status", ActivityStatus.self) ?? .idee)
            if form["decision"]?.isVisible == true {
                let decision = reader.requiredText("decision", "Vul in wie besloot: een besluit van B&W of een mandaat")
                // Stamped with the date and who by the change path.
                activity.statusHistory = [StatusChange(date: state.today, from: nil, to: activity.status, reason: "", by: "", decision: decision)]
                if !reader.problems.isEmpty { return .problems(reader.problems) }
            }
        }
        activity.title = title
        activity.kind = kind
        activity.relations = reader.relations("relations", required: false)
        activity.organiser = reader.relations("organiser", required: false).first.map(Organiser.relation) ?? .municipality
        activity.startDate = start
        activity.endDate = end
        activity.countries = countries
        activity.budgetLine = BudgetLineField.read(form)
        activity.sectors = (form["sectors"]?.flagValues ?? []).compactMap(Sector.init(rawValue:))
        activity.estimatedCost = estimated
        activity.actualCost = actual
        activity.participants = participantRoles.flatMap { ListText.participants(reader.text($0.id), role: $0.role) }
        activity.outcomes = reader.text("outcomes")
        activity.notes = reader.text("notes")
        if let id, let existing = state.dossier.activity(id) {
            let edits = Activity.fields.edits(from: existing, to: activity)
            guard !edits.isEmpty else { return .unchanged("Niets gewijzigd aan \(existing.title).") }
            return .change(.editActivity(id, edits), success: "Activiteit bijgewerkt: \(title)")
        }
        return .change(.addActivity(activity), success: DraftPreview.message("Activiteit toegevoegd: \(title) (\(activity.status.label))",
                                                                              activity: activity, in: state.dossier))
    }
}
