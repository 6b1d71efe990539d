extension RecordDocument {
    /// An activity: its fields, the visit, participants per role, outcomes, notes, links, follow-ups,
    /// assessments and status history. `today` marks overdue follow-ups; dates are written as `dates` says.
    public init(activity: Activity, in dossier: Dossier, today: CalendarDate, dates: DateWriting = .standard) {
        let table = Activity.fields
        func shown(_ key: String) -> String? {
            guard let field = table.field(key) else { return nil }
            let value = field.value(of: activity)
            return value.isEmpty ? nil : field.show(value, in: dossier)
        }
        var fields = [RecordField("Soort", activity.kind.label),
                      RecordField("Status", activity.status.label, tone: .activityStatus(activity.status)),
                      RecordField("Datum", RecordDocument.dateRange(activity, dates: dates))]
        for key in ["relations", "organiser", "countries"] {
            if let value = shown(key), let field = table.field(key) { fields.append(RecordField(field.label, value)) }
        }
        if !activity.countries.isEmpty { fields.append(RecordField("Ligging", activity.countries.location)) }
        if let sectors = shown("sectors") { fields.append(RecordField("Sectoren", sectors)) }
        fields.append(RecordField("Budgetregel", dossier.budgetLineName(of: activity)))
        for key in ["estimatedCostCents", "actualCostCents"] {
            if let value = shown(key), let field = table.field(key) { fields.append(RecordField(field.label, value)) }
        }
        fields.append(RecordField("Id", activity.id, tone: .muted))
        var blocks: [RecordBlock] = [.fields(heading: nil, fields)]
        if let visit = activity.visit {
            var visitFields = [RecordField("Richting", visit.direction.label),
                               RecordField(visit.direction == .inkomend ? "Delegatie uit" : "Missie naar", visit.delegationFrom)]
            for key in ["visit.ledBy", "visit.size", "visit.hosts", "visit.programme"] {
                if let value = shown(key), let field = table.field(key) {
                    visitFields.append(RecordField(field.label, key == "visit.size" ? visit.size.map { count($0, "persoon", "personen") } ?? value : value))
                }
            }
            blocks.append(.fields(heading: "Bezoek", visitFields.filter { !$0.value.isEmpty }))
        }
        if !activity.participants.isEmpty {
            let people = ParticipantRole.allCases.compactMap { role -> RecordField? in
                let names = activity.participants.filter { $0.role == role }
                return names.isEmpty ? nil : RecordField(role.pluralLabel, ListText.participantText(names))
            }
            blocks.append(.fields(heading: activity.isVisit ? "Deelnemers (ondernemers: aanwezig)" : "Deelnemers", people))
        } else if activity.kind.isEconomic || activity.isVisit {
            blocks.append(.text(heading: "Deelnemers", "Nog geen deelnemers. Bij een economische activiteit worden steevast ondernemers uitgenodigd (reactie op de Economic Board): zet ze hier zodra ze bekend zijn."))
        }
        if !activity.outcomes.isEmpty { blocks.append(.text(heading: "Resultaten", activity.outcomes)) }
        if !activity.notes.isEmpty { blocks.append(.text(heading: "Toelichting", activity.notes)) }
        blocks.append(.list(RecordDocument.links(activity.links)))
        let open = activity.openFollowUps.count
        blocks.append(.list(RecordList(kind: .followUps, heading: "Vervolgacties (\(open) open van \(activity.followUps.count))",
                                       items: RecordDocument.followUpItems(activity.followUps, today: today, dates: dates),
                                       emptyText: "Nog geen vervolgacties.")))
        blocks.append(.list(RecordList(kind: .assessments, heading: "Afwegingen", items: activity.assessments.reversed().map { assessment in
            RecordItem(line: [RecordSpan(dates.moment(assessment.timestamp) + "  ", .label),
                              RecordSpan(assessment.verdict.label, .verdict(assessment.verdict)), RecordSpan("  (\(assessment.by))", .muted)],
                       details: RecordDocument.assessmentLines(assessment))
        }, emptyText: "Nog niet afgewogen tegen het Kader.")))
        blocks.append(.list(RecordList(kind: .history, heading: "Statusgeschiedenis",
                                       items: activity.statusHistory.reversed().map { RecordDocument.historyItem($0, tone: .activityStatus($0.to), dates: dates) },
                                       emptyText: "Nog geen statuswijzigingen vastgelegd.")))
        self.init(title: activity.title, id: activity.id,
                  subtitle: [RecordSpan(activity.status.label, .activityStatus(activity.status)), RecordSpan(activity.kind.label, .muted)],
                  blocks: blocks)
    }

    /// The reasons of a weighing that are not simply favourable, then what is still unknown that no reason names already
    /// ("Behapbaar voor de gemeente: nog onbekend" is said once, not again as "Nog onbekend: Behapbaar voor de gemeente").
    /// A favourable weighing with nothing of that says what made it so, as every verdict does: the rules that applied,
    /// and in one line the criteria answered favourably.
    static func assessmentLines(_ assessment: Assessment) -> [RecordLine] {
        let reasons = assessment.reasons.filter { $0.effect != .positief || quotesTheAdvisor($0, assessment.answers) }
        let unknown = assessment.missing.filter { label in !reasons.contains { $0.text.hasPrefix(label + ": nog onbekend") } }
        guard reasons.isEmpty, unknown.isEmpty, assessment.verdict == .positief else {
            return reasons.map { RecordLine("• \($0.text)", indent: 12) } + unknown.map { RecordLine("• Nog onbekend: \($0)", indent: 12) }
        }
        let rules = assessment.reasons.filter { Question(rawValue: $0.rule) == nil }
        let criteria = assessment.reasons.compactMap { Question(rawValue: $0.rule)?.shortLabel }
        return rules.map { RecordLine("• \($0.text)", indent: 12) }
            + (criteria.isEmpty ? [] : [RecordLine("• Gunstig: " + criteria.joined(separator: ", "), indent: 12)])
    }

    /// A favourable reason that quotes what the advisor wrote (a note with an answer, the college's decision to go ahead
    /// despite laag pitje): the why of a weighing, kept in view with the reasons against.
    static func quotesTheAdvisor(_ reason: VerdictReason, _ answers: AssessmentAnswers) -> Bool {
        // As the weighing puts them in its reasons: "… — note" after an answer, "… besloot anders: decision".
        let exception = answers.exceptionDecision.trimmingSpaces()
        let written = Question.allCases.map(answers.note).filter { !$0.isEmpty }.map { " — " + $0 } + (exception.isEmpty ? [] : ["besloot anders: " + exception])
        return written.contains { reason.text.contains($0) }
    }

    /// "2. [ ] 1-7-2026    Verslag naar de wethouder — adviseur": the number `done` takes, then the dates in one
    /// column ("—" without one); an open one past its date is a warning, and `[!]` says so without colour (a pipe,
    /// NO_COLOR). In the order they are shown (`shownOrder`: the open ones by date, then the ones done), each with its
    /// own number.
    static func followUpItems(_ followUps: [FollowUp], today: CalendarDate, dates: DateWriting) -> [RecordItem] {
        let shownDates = followUps.map { $0.due.map(dates.date) ?? "—" }
        let dateWidth = shownDates.map(\.count).max() ?? 0
        let numberWidth = String(followUps.count).count
        return followUps.shownOrder.map { offset in
            let followUp = followUps[offset], due = shownDates[offset]
            let overdue = !followUp.isDone && (followUp.due.map { $0 < today } ?? false)
            let base: RecordTone = followUp.isDone ? .muted : .plain
            let number = String(offset + 1)
            var line = [RecordSpan(String(repeating: " ", count: numberWidth - number.count) + number + ". ", .muted),
                        RecordSpan(followUp.isDone ? "[x] " : overdue ? "[!] " : "[ ] ", overdue ? .warning : base),
                        RecordSpan(due + String(repeating: " ", count: dateWidth - due.count) + "  ", overdue ? .warning : base),
                        RecordSpan(followUp.text, base)]
            if !followUp.owner.isEmpty { line.append(RecordSpan(" — " + followUp.owner, .muted)) }
            return RecordItem(id: number, line: line)
        }
    }

    public static func dateRange(_ activity: Activity, dates: DateWriting) -> String {
        activity.startDate.map { dates.period($0, activity.endDate) } ?? "geen datum"
    }
}
