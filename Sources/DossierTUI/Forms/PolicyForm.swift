import DossierCore

/// `K` on the budget tab: whether the pieces of policy the Kader waits for are there (the Europe strategy, the strategic
/// agenda). The weighing follows them from then on; weighings already kept stay as they were.
enum PolicyForm {
    static func make(framework: Framework) -> Form {
        let options = [MenuOption("nee", PolicyPiece.stateLabel(false)), MenuOption("ja", PolicyPiece.stateLabel(true))]
        return Form(purpose: .policy, title: "\(framework.title): beleidsstukken", fields: PolicyPiece.allCases.map { piece in
            // "Strategische agenda" is wider than a form's labels: shortened there, said in full in the help below it.
            FormField(piece.rawValue, piece == .strategischeAgenda ? "Strat. agenda" : piece.title,
                      .choice(options, selected: framework[keyPath: piece.flag] ? 1 : 0),
                      help: help(piece) + (framework.policyDecisions[piece].map { " Nu \(PolicyPiece.stateLabel(framework[keyPath: piece.flag])): \($0)." } ?? ""))
        } + [FormField("decision", "Besluit", .text(TextInput()),
                       help: "Welk besluit stelde het stuk vast (of trok het in): datum en orgaan (verplicht; komt in het logboek).")])
    }

    private static func help(_ piece: PolicyPiece) -> String {
        switch piece {
        case .europastrategie:
            "Zonder Europastrategie wordt elke kans op EU-financiering op zichzelf beoordeeld; vastgesteld: de afweging vraagt of een kans erin past."
        case .strategischeAgenda:
            "Strategische agenda (met de public affairs agenda): zonder is een nieuw netwerk niet te toetsen; vastgesteld: de vraag of het erin past, weegt."
        }
    }

    static func submit(_ form: Form, in state: AppState) -> FormOutcome {
        // What the person changed in the form, from the framework as the form saw it: a colleague's change since is a conflict,
        // after which the form shows theirs (`rebaseForm`) and keeps what was chosen.
        let seen = state.seenFramework()
        let chosen = PolicyPiece.allCases.filter { piece in (form[piece.rawValue]?.selectedValue == "ja") != seen[keyPath: piece.flag] }
        guard !chosen.isEmpty else { return .unchanged("Niets gewijzigd aan de beleidsstukken van het Kader.") }
        var reader = FormReader(form, today: state.today)
        let decision = reader.requiredText("decision", "Noem het besluit dat het stuk vaststelde of introk")
        if !reader.problems.isEmpty { return .problems(reader.problems) }
        let changes = chosen.map { Change.setPolicy($0, isThere: !seen[keyPath: $0.flag], seen: seen[keyPath: $0.flag], decision: decision) }
        let first = changes[0]
        let change = changes.count == 1 ? first : .batch(changes, label: "Beleidsstukken van het Kader")
        return .change(change, success: changes.map { $0.summary(in: state.dossier) }.joined(separator: "; "))
    }
}
