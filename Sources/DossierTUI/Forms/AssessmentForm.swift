import DossierCore

/// `a` on an activity: every question of the Kader with its answer and a note; the focused question's
/// wording and the passage of the Kader as help; the verdict and reasons updated as answers change.
enum AssessmentForm {
    static let answerOptions = MenuOption.from(Answer.allCases)

    static func make(for activity: Activity, in dossier: Dossier, ledger: BudgetLedger) -> Form {
        let previous = activity.assessments.last?.answers ?? AssessmentAnswers()
        var fields: [FormField] = []
        for question in Assessor.questions(for: activity, in: dossier) {
            let selected = answerOptions.firstIndex { $0.value == previous[question].rawValue } ?? 3
            fields.append(FormField(question.rawValue, question.shortLabel, .choice(answerOptions, selected: selected),
                                    help: "\(question.group.label) — \(question.prompt) j/d/n/o kiest en gaat door; Tab naar de toelichting. \(question.passage)",
                                    isQuickAnswer: true))
            fields.append(FormField("note.\(question.rawValue)", "  toelichting", .text(TextInput(previous.note(question))),
                                    help: "Toelichting bij \"\(question.label)\" (mag leeg; komt in de reden)."))
        }
        // A relation on laag pitje, or China or Vietnam as the destination: what the rule sees is what an exception is about.
        let onLaagPitje = Assessor.laagPitjeSubjects(of: activity, in: dossier)
        fields.append(FormField("exceptionDecision", "Uitzondering", .text(TextInput(previous.exceptionDecision)),
                                help: "\(onLaagPitje.joined(separator: ", ")) staat op een laag pitje: een nieuwe activiteit alleen als het college daartoe besluit. Noem het besluit van het college (wanneer; een mandaat telt niet), of laat leeg.",
                                isVisible: !onLaagPitje.isEmpty))
        var form = Form(purpose: .assessment(activity.id), title: "Afweging — \(activity.title)", fields: fields)
        refresh(&form, activity: activity, in: dossier, ledger: ledger)
        return form
    }

    /// The answers as they stand in the form.
    static func answers(in form: Form) -> AssessmentAnswers {
        var answers = AssessmentAnswers(exceptionDecision: form.text("exceptionDecision"))
        for question in Question.allCases {
            guard let value = form[question.rawValue]?.selectedValue, let answer = Answer(rawValue: value) else { continue }
            answers.set(question, answer, note: form.text("note.\(question.rawValue)"))
        }
        return answers
    }

    /// Recomputes the verdict from the answers: the same assessor as the command line and the reports.
    /// `ledger`: the screen's budget of all activities, so that an answer does not sum the whole dossier's.
    static func refresh(_ form: inout Form, activity: Activity?, in dossier: Dossier, ledger: BudgetLedger) {
        guard let activity else { return }
        form.verdictPreview = Assessor.assess(activity, answers: answers(in: form), in: dossier, ledger: ledger)
    }

    static func submit(_ form: Form, activityID: ActivityID, in state: AppState) -> FormOutcome {
        guard let activity = state.dossier.activity(activityID) else { return .problems([:]) }
        let answers = answers(in: form)
        let result = Assessor.assess(activity, answers: answers, in: state.dossier, ledger: state.index.ledger)
        // Who and when are set by the change path from its context.
        let record = result.recorded(answers: answers, by: "", at: Timestamp(secondsSinceEpoch: 0))
        // Weighed from the latest weighing as the form opened (or took in a colleague's): one made since is a conflict.
        let seen = state.seenActivity(activityID)?.assessments.last?.answers ?? AssessmentAnswers()
        return .change(.recordAssessment(activityID, record, seen: seen), success: "Afweging opgeslagen: \(result.verdict.label) — \(activity.title)")
    }
}
