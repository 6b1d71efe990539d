import ArgumentParser
import DossierCore

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Wijzig velden van een relatie of activiteit: dossier edit ID --VELD WAARDE …",
        discussion: """
        Alleen de genoemde velden veranderen; het logboek legt elk vast met oud → nieuw. Een lege waarde (--notes "") \
        maakt een veld leeg. Lijsten (plaatsen, sectoren, relaties, landen) gescheiden door komma's; relaties en \
        landen mogen bij naam. De status verandert met set-status (relatie) of move (activiteit).
        Voorbeelden:
          dossier edit biovalley --country "Duitsland, Frankrijk, Zwitserland" \\
              --sectors farma
          dossier edit aanhaken-bij-handelsmissies-nl-in-business \\
              --estimated-cost 3.000 --start-date 12-4-2027

        Velden van een relatie:
        \(FieldArguments.help(Relation.fields))

        Velden van een activiteit:
        \(FieldArguments.help(Activity.fields))
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van de relatie of activiteit.", valueName: "id of naam"))
    var id: String

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("De velden: --VELD WAARDE (zie hieronder).", valueName: "--veld waarde"))
    var fields: [String] = []

    func run() throws {
        let pairs = try FieldArguments.pairs(fields)
        guard !pairs.isEmpty else { throw ValidationError("noem minstens één veld, zoals --notes \"…\" (zie dossier edit --help)") }
        // An activity is read with the budget of all activities: what the edit does to an approval is weighed.
        // A date moved behind today of an activity not yet carried out: said after saving, as add-activity says it.
        var late: (notice: String, id: ActivityID)?
        let said = try storeOptions.changeSubject(id, withBudget: true) { subject, dossier, ledger in
            let change: Change?
            switch subject {
            case .relation(let relation): change = try edit(relation, pairs, in: dossier)
            case .activity(let activity): change = try edit(activity, pairs, in: dossier)
            }
            late = change.flatMap { PastDueDate.notice(for: $0, in: dossier, today: Session.clock.today(), dates: Session.dates) }.map { ($0, subject.id) }
            return (change, change.map { Self.report($0, in: dossier, ledger: ledger) } ?? Self.unchanged(subject.name))
        }
        said.map(Output.line)
        if let late {
            Output.error(TerminalSafeText.line("dossier: let op: \(late.notice) (\(storeOptions.command) move \(ShellWord.quoted(late.id)) …)"))
        }
    }

    /// The change the fields make to a relation; nil when it already has those values.
    private func edit(_ relation: Relation, _ pairs: [(String, String)], in dossier: Dossier) throws -> Change? {
        let values = try FieldArguments.values(pairs, table: Relation.fields, in: dossier, ownFlow: [
            "status": "de status van een relatie verandert met dossier set-status (met reden)",
            "review-date": "de herijkingsdatum hoort bij de status: dossier set-status … laag-pitje --review-date …",
            "id": "de id verandert niet (hij staat in verwijzingen en het logboek)",
        ])
        let edits = FieldArguments.edits(values, of: relation)
        return edits.isEmpty ? nil : .editRelation(relation.id, edits)
    }

    /// The change the fields make to an activity; nil when it already has those values.
    private func edit(_ activity: Activity, _ pairs: [(String, String)], in dossier: Dossier) throws -> Change? {
        let values = try FieldArguments.values(pairs, table: Activity.fields, in: dossier, ownFlow: [
            "status": "de status van een activiteit verandert langs de levenscyclus: dossier move",
            "id": "de id verandert niet (hij staat in verwijzingen en het logboek)",
        ], entity: activity)
        let edits = VisitTitle.following(FieldArguments.edits(values, of: activity), of: activity, in: dossier)
        return edits.isEmpty ? nil : .editActivity(activity.id, edits)
    }

    /// What was changed, field by field, as the dossier before the change names it; then what the edit does that an
    /// approval did not weigh (`ApprovedEditWarnings`).
    private static func report(_ change: Change, in dossier: Dossier, ledger: BudgetLedger?) -> String {
        var warnings: [String] = []
        if case let .editActivity(id, edits) = change, let activity = dossier.activity(id) {
            warnings = ApprovedEditWarnings.lines(activity, edits, in: dossier, ledger: ledger)
        }
        return (change.described(in: dossier) + warnings).joined(separator: "\n")
    }

    private static func unchanged(_ name: String) -> String {
        TerminalSafeText.line("Niets gewijzigd: \(name) had die waarden al.")
    }
}
