import ArgumentParser
import DossierCore

struct SetStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Zet een relatie op een andere status, met reden (en voor laag pitje een herijkingsdatum).",
        discussion: "Voorbeeld: dossier set-status an-giang laag-pitje --reason \"Kader 2025-2030\" --review-date 2027-01-01"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van de relatie (hoofdletters en accenten tellen niet).", valueName: "id of naam"))
    var id: String

    @Argument(help: ArgumentHelp("De nieuwe status (\(RelationStatus.allowedList)).", valueName: "status"))
    var status: String

    @Option(help: ArgumentHelp("Waarom de status verandert (verplicht).", valueName: "tekst"))
    var reason: String

    @Option(name: .customLong("review-date"), help: ArgumentHelp("Herijkingsdatum; verplicht bij laag-pitje. 2027-01-01 of 1-1-2027.", valueName: "datum"))
    var reviewDate: String?

    func run() throws {
        let status = try ArgumentValues.vocabulary(self.status, RelationStatus.self, option: "status")
        let reviewDate = try self.reviewDate.map { try ArgumentValues.date($0, option: "--review-date") }
        var (store, dossier) = try storeOptions.openForWriting()
        let id = try Lookup.relation(self.id, in: dossier).id
        let before = dossier.relation(id)?.status
        try store.commitOrExit(.setRelationStatus(id, status: status, reason: reason, reviewDate: reviewDate), to: &dossier)
        guard let relation = dossier.relation(id) else { return }
        let review = relation.reviewDate.map { " (herijking \($0.iso))" } ?? ""
        Output.line(TerminalSafeText.line("\(relation.name): \(before?.label ?? "?") → \(relation.status.label)\(review)"))
    }
}
