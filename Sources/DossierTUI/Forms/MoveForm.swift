import DossierCore

/// `m`: the next step of an activity's life cycle, offering only the allowed states. Approving records who
/// decided (a decision of B&W or a mandate), and while the latest assessment is negative also the reason to
/// deviate. Carried out asks the actual cost, proposing the estimate, and what it yielded (the outcomes, as the
/// activity form has them); before the start date it is refused. Cancelled asks what was paid all the same.
enum MoveForm {
    static func make(for activity: Activity, in state: AppState) -> Form {
        // Carried out waits for the start date: the menu says from when, rather than offering it as if it could be now.
        let options = MenuOption.from(activity.status.reachableStates).map { option in
            guard option.value == ActivityStatus.uitgevoerd.rawValue else { return option }
            if let start = activity.startDate, start > state.today { return MenuOption(option.value, "\(option.label) (kan vanaf \(state.dates.date(start)))") }
            // From goedgekeurd: planned and carried out at once, both steps kept.
            return activity.status == .goedgekeurd ? MenuOption(option.value, "\(option.label) (via gepland)") : option
        }
        var form = Form(purpose: .moveActivity(activity.id), title: "\(activity.title) — nu \(activity.status.label)", fields: [
            FormField("status", "Naar", .menu(options, selected: 0), help: "Alleen de stappen die de levenscyclus toestaat."),
            FormField("reason", "Toelichting", .text(TextInput()), help: "Waarom deze stap (mag leeg)."),
            FormField("decision", "Besloten door", .text(TextInput()),
                      help: "Wie besloot tot goedkeuren: een besluit van B&W of een mandaat (bijvoorbeeld 'Besluit B&W 3 maart 2027'). Verplicht."),
            FormField("overrideReason", "Afwijking", .text(TextInput()),
                      help: "De afweging is negatief, het Kader maakt haar negatief ook zonder antwoorden, of de kosten passen niet in het budget: waarom wordt toch goedgekeurd? Verplicht; wordt vastgelegd."),
            FormField("actualCostCents", "Werkelijke kosten", .text(TextInput((activity.actualCost ?? activity.estimatedCost)?.fieldText ?? "")),
                      help: "Wat de activiteit werkelijk kostte, in euro; voorgesteld: de raming. Het budget telt dit bedrag.", isAmount: true),
            FormField("paidCostCents", "Toch betaald", .text(TextInput(activity.actualCost?.fieldText ?? "")),
                      help: "Wat al betaald is en niet terugkomt (tickets, inschrijfgeld), in euro; leeg als er niets betaald is. Het budget telt dit als besteed.",
                      isAmount: true),
            FormField("startDate", "Datum", .text(TextInput()),
                      help: "De activiteit heeft nog geen begindatum: wanneer vond ze plaats? 12-3-2026, gisteren of vorige vrijdag; vandaag of eerder.", isDate: true),
        ] + TableForm.fields(Activity.fields, of: activity, keys: [outcomesKey], in: state.dossier))
        refresh(&form, activity: activity, in: state)
        form.settle()
        return form
    }

    static func refresh(_ form: inout Form, activity: Activity?, in state: AppState) {
        let next = form["status"]?.selectedValue.flatMap(ActivityStatus.init(rawValue:))
        form.setVisible("decision", next == .goedgekeurd)
        form["reason"]?.help = next?.endsWithoutGoingAhead == true ? "Waarom gaat de activiteit niet door? Verplicht; staat in de geschiedenis en het logboek."
            : "Waarom deze stap (mag leeg)."
        let why = next == .goedgekeurd ? activity.flatMap { state.dossier.whyApprovalNeedsOverride($0, weighingBudget: true, ledger: state.index.ledger) } : nil
        form.setVisible("overrideReason", why != nil)
        // Says which: a negative weighing, a rule, or what the budget has left.
        if let why { form["overrideReason"]?.help = "Waarom toch goedkeuren? Verplicht; wordt vastgelegd. \(why.capitalizedFirst)." }
        form.setVisible("actualCostCents", next == .uitgevoerd)
        form.setVisible("paidCostCents", next == .geannuleerd)
        form.setVisible(outcomesKey, next == .uitgevoerd || next == .geevalueerd)
        // Carried out asks when, for an activity without a date, here instead of after leaving the form.
        form.setVisible("startDate", next == .uitgevoerd && activity.map { $0.startDate == nil } == true)
    }

    static func submit(_ form: Form, activityID: ActivityID, in state: AppState) -> FormOutcome {
        var reader = FormReader(form, today: state.today)
        guard let status = reader.choice("status", ActivityStatus.self), let activity = state.seenActivity(activityID) else {
            return .problems(["status": "Kies de volgende status"])
        }
        if status.endsWithoutGoingAhead { _ = reader.requiredText("reason", Dossier.missingEndReason(status, of: activity.title).capitalizedFirst) }
        var decision: String?
        if form["decision"]?.isVisible == true {
            decision = reader.requiredText("decision", "Vul in wie besloot: een besluit van B&W of een mandaat")
        }
        var overrideReason: String?
        if form["overrideReason"]?.isVisible == true {
            overrideReason = reader.requiredText("overrideReason", DraftPreview.overrideMissing)
        }
        // Cancelled with "Toch betaald" left empty: nothing was paid, also when an actual cost was given before.
        let actualCost = form["actualCostCents"]?.isVisible == true ? reader.money("actualCostCents")
            : form["paidCostCents"]?.isVisible == true ? reader.money("paidCostCents") ?? activity.actualCost.map { _ in .zero } : nil
        let date = form["startDate"]?.isVisible == true ? reader.date("startDate", required: true) : nil
        // What it yielded, read by the outcomes field's one parser; left as it opened, it is no edit.
        let (outcomes, outcomeProblems) = TableForm.values(form, Activity.fields, keys: [outcomesKey], in: state.dossier, today: state.today,
                                                            untouched: activity)
        if !reader.problems.isEmpty || !outcomeProblems.isEmpty { return .problems(reader.problems.merging(outcomeProblems) { first, _ in first }) }
        // Said under the field, as the step itself would refuse it.
        if let date, date > state.today {
            return .problems(["startDate": "\(state.dates.date(date)) is nog niet aangebroken: een activiteit is op zijn vroegst op haar begindatum uitgevoerd"])
        }
        // Carried out at a cost above the estimate, or called off with costs paid: what that does to the budget is said, as an
        // edit of the cost says it.
        var carriedOut = activity
        carriedOut.status = status
        carriedOut.actualCost = actualCost ?? activity.actualCost
        if let date { carriedOut.startDate = date }
        let budget = status.hasActualCost ? ApprovedEditWarnings.of(activity, carriedOut, in: state.dossier, ledger: state.index.ledger) : []
        var dated = activity
        if let date { dated.startDate = date }
        let edits = Activity.fields.edits(from: activity, to: dated) + outcomes.compactMap { Activity.fields.edit($0.field.key, to: $0.value, in: activity) }
        // The date and the outcomes first, then the step (or steps): one change, undone as one.
        let step = ActivityStep(activity, to: status, reason: reader.text("reason"), overrideReason: overrideReason, decision: decision,
                                actualCost: actualCost, edits: edits)
        let success = step.summary
            + (UnweighedApproval.notice(activity, from: activity.status, to: status, settingAside: overrideReason != nil, weighWith: "a").map { ". " + $0 } ?? "")
            + (OpenFollowUps.notice(activity, to: status, tickOff: { _ in "spatie in de lijst Vervolgacties" }).map { ". " + $0 } ?? "")
        let warning = budget.map { ". Let op: " + $0 }.joined()
        let paid = status == .geannuleerd ? ActivityStep.cancelledCost(before: activity.actualCost, after: actualCost).map { ". " + $0 } ?? "" : ""
        return .change(step.change, success: success + (date.map { " (\(state.dates.date($0)))" } ?? "") + paid + warning)
    }

    /// The field of the activity table for what it yielded.
    private static let outcomesKey = "outcomes"
}
