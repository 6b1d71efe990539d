import DossierCore

/// `v`: logging (or editing) a delegation visit. A new visit also takes follow-ups: there is always one
/// empty follow-up row at the end, and typing in it adds the next.
enum VisitForm {
    /// Fields of the activity table that editing a visit offers beside the visit's own: what it yielded and who else
    /// took part (the entrepreneurs have their own field, as logging a visit asks them). Logging one keeps to what is
    /// known beforehand; these come after it took place.
    static let tableKeys = ["outcomes"] + ParticipantRole.allCases.filter { $0 != .ondernemer }.map { "participants.\($0.rawValue)" }
    /// Who organises it, as for any activity (a partner's delegation weighs by the Kader's rule on partners' missions).
    static let organiserKeys = ["organiser"]
    static let organiserLabels = ["organiser": "Gemeente Oss"]

    static func make(relations: [RelationID], in state: AppState) -> Form {
        let draft = VisitDraft(relations: relations, date: state.today, direction: .inkomend, delegationFrom: "",
                               countries: relations.compactMap(state.dossier.relation).countriesAbroad,
                               budgetLine: state.dossier.activityBudget?.id)
        let blank = draft.newActivity(in: state.dossier, today: state.today, approvedBy: nil, overrideReason: nil)
        var form = Form(purpose: .newVisit, title: "Delegatiebezoek vastleggen",
                        fields: fields(draft: draft, in: state.dossier, dates: state.dates, isNew: true, carriedOut: draft.date <= state.today,
                                       others: [], organiser: TableForm.fields(Activity.fields, of: blank, keys: organiserKeys, in: state.dossier,
                                                                               emptyLabels: organiserLabels)))
        refreshFollowUpRows(&form)
        refresh(&form, in: state)
        form.settle()
        return form
    }

    static func make(editing activity: Activity, in state: AppState) -> Form {
        var draft = VisitDraft(editing: activity)
        draft.followUps = []
        var form = Form(purpose: .editVisit(activity.id), title: "Bezoek bewerken — \(activity.title)",
                        fields: fields(draft: draft, in: state.dossier, dates: state.dates, isNew: false, carriedOut: activity.status.isCarriedOut,
                                       others: TableForm.fields(Activity.fields, of: activity, keys: tableKeys, in: state.dossier),
                                       organiser: TableForm.fields(Activity.fields, of: activity, keys: organiserKeys, in: state.dossier,
                                                                   emptyLabels: organiserLabels)))
        refresh(&form, in: state)
        form.settle()
        return form
    }

    /// The decision field for a new visit (one in the future is then planned; one logged afterwards keeps who approved it),
    /// and with a decision the reason to set the Kader aside where its rules make the visit negative; the weighing as the
    /// form stands.
    static func refresh(_ form: inout Form, in state: AppState) {
        var approved = false
        if form.purpose == .newVisit {
            refreshFollowUpRows(&form)
            CountriesFromRelations.follow(&form, in: state.dossier)
            let date = try? CalendarDate.read(form.text("startDate"), today: state.today)
            // A visit on or before today took place: its cost is what it cost; a later one's is an estimate (without a date: not known).
            form["cost"]?.label = date.map { costLabel(carriedOut: $0 <= state.today) } ?? "Kosten"
            approved = !form.text("decision").isEmpty
        }
        DraftPreview.refresh(&form, in: state.dossier, ledger: state.index.ledger) { submit($0, editing: $0.purpose.editedActivity, in: state) }
        DraftPreview.showOverride(&form, approved: approved)
    }

    /// "Kosten (werkelijk)" once the visit took place, else "Kosten (geraamd)": the one field holds either.
    static func costLabel(carriedOut: Bool) -> String { carriedOut ? "Kosten (werkelijk)" : "Kosten (geraamd)" }

    /// `organiser` last: who organises a visit is seldom another than the municipality, and the fields before it keep their order.
    private static func fields(draft: VisitDraft, in dossier: Dossier, dates: DateWriting, isNew: Bool, carriedOut: Bool,
                               others: [FormField], organiser: [FormField]) -> [FormField] {
        let directions = MenuOption.from(VisitDirection.allCases)
        return [
            FormField("relations", "Relaties", .picked(draft.relations, source: .relations, allowsMultiple: true, emptyLabel: "(kies met Enter)"),
                      help: "Enter of typen opent de lijst met type-ahead; Tab vinkt meerdere aan; Backspace haalt de laatste weg."),
            // Empty for a new visit, as `log-visit` asks its --date: a date filled in beforehand (today) was saved unseen
            // when a Tab went past it, and a mission still ahead was then logged as carried out today.
            FormField("startDate", "Datum", .text(TextInput(isNew ? "" : dates.editable(draft.date))),
                      help: "vandaag, 12-3-2025, gisteren of vorige vrijdag. Vandaag of eerder: uitgevoerd; later: in afweging, tenzij al goedgekeurd.", isDate: true),
            FormField("endDate", "Tot en met", .text(TextInput(draft.endDate.map(dates.editable) ?? "")), help: "Alleen bij een meerdaags bezoek.", isDate: true,
                      after: "startDate"),
            FormField("direction", "Richting", .choice(directions, selected: directions.firstIndex { $0.value == draft.direction.rawValue } ?? 0),
                      help: "Inkomend: een delegatie bezoekt Oss. Uitgaand: Oss gaat op missie. ←→ wisselt."),
            FormField("delegationFrom", "Delegatie uit/naar", .text(TextInput(draft.delegationFrom)), help: "Waar de delegatie vandaan komt, of waar de missie heen gaat."),
            FormField("countries", "Land(en)", .picked(draft.countries.map(\.code), source: .countries, allowsMultiple: true, emptyLabel: "(geen; typ een land)"),
                      help: "Waar de delegatie vandaan komt of de missie heen gaat. Typ een landnaam: de lijst zoekt mee; Tab vinkt meerdere aan."),
            CountriesFromRelations.field(draft.countries),
            FormField("ledBy", "Geleid door", .text(TextInput(draft.ledBy))),
            FormField("size", "Omvang", .text(TextInput(draft.size.map(String.init) ?? "")), help: "Aantal personen in de delegatie."),
            FormField("hosts", "Gastheren", .text(TextInput(ListText.join(draft.hosts))), help: "Gescheiden door komma's."),
            FormField("programme", "Programma", .text(TextInput(draft.programme)), help: "Wat de delegatie doet en waar, zoals u het typt: 'Rondleiding Pivot Park, lunch met Organon'."),
            FormField("entrepreneurs", "Ondernemers", .text(TextInput(ListText.participantText(draft.entrepreneurs))),
                      help: "Aanwezige ondernemers, gescheiden door komma's; 'Naam (Bedrijf)' mag."),
            FormField("cost", costLabel(carriedOut: carriedOut), .text(TextInput(draft.cost?.fieldText ?? "")),
                      help: "In euro: 450, 1.250 of 1.250,50. Vóór het bezoek de raming, daarna wat het kostte.", isAmount: true),
            BudgetLineField.make(draft.budgetLine, in: dossier),
            FormField("title", "Titel", .text(TextInput(draft.title)), help: "Leeg: 'Delegatie uit …' of 'Missie naar …'."),
            FormField("notes", "Toelichting", .text(TextInput(draft.notes))),
        ] + others + [
            // Last, after the follow-ups too (`insertFollowUpRow` puts them before it): it appears once the date is later
            // than today, and a field that appears among those typed in a row takes what was meant for the next one (between
            // Datum and Tot en met the end date, between Toelichting and Vervolgactie 1 the follow-up, as an approval).
            FormField("decision", "Goedgekeurd door", .text(TextInput()), help: "Alleen als het bezoek al is goedgekeurd: het besluit van B&W of het mandaat. Nog niet geweest: dan gepland (leeg: in afweging).",
                      isVisible: isNew),
            DraftPreview.overrideField(),
        ] + organiser
    }

    /// Keeps exactly one empty follow-up row (text and due date) after the filled ones.
    static func refreshFollowUpRows(_ form: inout Form) {
        var rows = followUpRowCount(form)
        if rows == 0 || !form.text("followUp.\(rows - 1).text").isEmpty {
            insertFollowUpRow(rows, into: &form)
            rows += 1
        }
        while rows >= 2 && form.text("followUp.\(rows - 1).text").isEmpty && form.text("followUp.\(rows - 2).text").isEmpty
            && form.text("followUp.\(rows - 1).due").isEmpty && !isFocused(row: rows - 1, in: form) {
            form.fields.removeAll { $0.id.hasPrefix("followUp.\(rows - 1).") }
            rows -= 1
        }
    }

    private static func followUpRowCount(_ form: Form) -> Int {
        form.fields.filter { $0.id.hasPrefix("followUp.") && $0.id.hasSuffix(".text") }.count
    }

    private static func isFocused(row: Int, in form: Form) -> Bool {
        form.focusedField?.id.hasPrefix("followUp.\(row).") == true
    }

    private static func insertFollowUpRow(_ row: Int, into form: inout Form) {
        let at = form.fields.firstIndex { $0.id == "decision" || $0.id == "buttons" } ?? form.fields.count
        form.fields.insert(contentsOf: [
            FormField("followUp.\(row).text", "Vervolgactie \(row + 1)", .text(TextInput()), help: "Wat volgt uit het bezoek; typen voegt een volgende regel toe."),
            FormField("followUp.\(row).due", "  uiterlijk", .text(TextInput()), help: "Streefdatum van de vervolgactie (mag leeg).", isDate: true),
        ], at: at)
        if form.focus >= at { form.focus += 2 }
    }

    static func submit(_ form: Form, editing id: ActivityID?, in state: AppState) -> FormOutcome {
        var reader = FormReader(form, today: state.today)
        let relations = reader.relations("relations", required: true)
        let date = reader.date("startDate", required: true)
        let endDate = reader.date("endDate", required: false)
        let from = reader.requiredText("delegationFrom", "Vul in waar de delegatie vandaan komt of heen gaat")
        let size = reader.value("size", DelegationSize.read)
        let cost = reader.money("cost")
        var followUps: [FollowUp] = []
        for row in 0..<followUpRowCount(form) {
            let text = reader.text("followUp.\(row).text")
            let due = reader.date("followUp.\(row).due", required: false)
            if !text.isEmpty { followUps.append(FollowUp(text: text, due: due)) }
        }
        // (The reason to set the Kader aside is asked together with the rest, not after they are right.)
        let overrideReason = DraftPreview.overrideReason(form, problems: &reader.problems)
        let existing = id.flatMap(state.seenActivity)
        let (others, otherProblems) = TableForm.values(form, Activity.fields, keys: organiserKeys + tableKeys, in: state.dossier, today: state.today,
                                                       untouched: existing)
        reader.problems.merge(otherProblems) { first, _ in first }
        if let date, let endDate, let problem = ActivityRules.endBeforeStart(start: date, end: endDate) { reader.problems["endDate"] = problem.capitalizedFirst }
        guard reader.problems.isEmpty, let date, let direction = reader.choice("direction", VisitDirection.self) else {
            return .problems(reader.problems)
        }
        let countries = (form["countries"]?.relationIDs ?? []).compactMap { Country(code: $0) }
        // Lists left as they opened are the record's, not read again (see TableForm.values).
        let hosts = existing.flatMap { form.isUntouched("hosts") ? $0.visit?.hosts : nil } ?? ListText.split(reader.text("hosts"))
        let entrepreneurs = existing.flatMap { form.isUntouched("entrepreneurs") ? $0.entrepreneurs : nil }
            ?? ListText.participants(reader.text("entrepreneurs"), role: .ondernemer)
        let draft = VisitDraft(title: reader.text("title"), relations: relations, date: date, endDate: endDate, direction: direction,
                               delegationFrom: from, ledBy: reader.text("ledBy"), size: size, hosts: hosts,
                               programme: reader.text("programme"),
                               entrepreneurs: entrepreneurs,
                               countries: countries, budgetLine: BudgetLineField.read(form),
                               cost: cost, notes: reader.text("notes"), followUps: followUps)
        if let existing {
            var updated = draft.updating(existing)
            let fillProblems = TableForm.fill(&updated, with: others)
            guard fillProblems.isEmpty else { return .problems(fillProblems) }
            let edits = VisitTitle.following(Activity.fields.edits(from: existing, to: updated), of: existing, in: state.dossier)
            guard !edits.isEmpty else { return .unchanged("Niets gewijzigd aan \(existing.title).") }
            let warnings = ApprovedEditWarnings.lines(existing, edits, in: state.dossier, ledger: state.index.ledger)
            let title = if case .text(let new)? = edits.first(where: { $0.field == "title" })?.new { new } else { existing.title }
            return .change(.editActivity(existing.id, edits), success: (["Bezoek bewerkt: \(title)."] + warnings).joined(separator: " "))
        }
        let decision = form["decision"]?.isVisible == true ? reader.text("decision") : ""
        var activity = draft.newActivity(in: state.dossier, today: state.today, approvedBy: decision.isEmpty ? nil : decision,
                                         overrideReason: overrideReason)
        let fillProblems = TableForm.fill(&activity, with: others)
        guard fillProblems.isEmpty else { return .problems(fillProblems) }
        return .change(.addActivity(activity), success: DraftPreview.message("Bezoek vastgelegd: \(activity.title) op \(state.dates.period(date, activity.endDate)) (\(activity.status.label))",
                                                                              activity: activity, in: state.dossier, ledger: state.index.ledger))
    }
}
