import ArgumentParser
import DossierCore

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Leg een herijking vast: een relatie houdt haar status (laag pitje), met reden en een nieuwe herijkingsdatum.",
        discussion: """
        Hetzelfde als set-status met de status die de relatie al heeft. De herijking staat in de statusgeschiedenis \
        en het signaal van de verlopen herijking verdwijnt.
        Voorbeeld:
          dossier review taizhou --reason "Herijking 2027: blijft op een laag pitje" \\
              --review-date 1-1-2029
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De relatie: haar naam of id.", valueName: "relatie"))
    var id: String

    @Option(help: ArgumentHelp("De uitkomst van de herijking (verplicht).", valueName: "tekst"), transform: ArgumentValues.line)
    var reason: String

    @Option(name: .customLong("review-date"), help: ArgumentHelp("De volgende herijkingsdatum, na vandaag. 1-1-2029 of +1j.", valueName: "datum"))
    var reviewDate: String

    func run() throws {
        let reviewDate = try ArgumentValues.storedDate(self.reviewDate, option: "--review-date", yearless: .ahead)
        var before: Relation?
        let dossier = try storeOptions.changeRelations { dossier in
            let relation = try Lookup.relation(id, in: dossier)
            guard relation.status.requiresReviewDate else {
                throw failure("\(relation.name) staat op \(relation.status.label); alleen een relatie op een laag pitje heeft een herijking (gebruik set-status voor een andere status)",
                              code: ExitStatus.dataError)
            }
            before = relation
            return .setRelationStatus(relation.id, status: relation.status, reason: reason, reviewDate: reviewDate, seen: relation.status,
                                       seenReviewDate: relation.reviewDate)
        }
        guard let before, let after = dossier.relation(before.id) else { return }
        Output.line(TerminalSafeText.line(StatusChangeText.line(before: before, after: after)))
    }
}

/// "Taizhou: Actief → Laag pitje (herijking 2030-12-31)", or for a review "Taizhou: herijkt, blijft Laag pitje …".
enum StatusChangeText {
    static func line(before: Relation, after: Relation) -> String {
        let review = after.reviewDate.map { " (herijking \(Session.dates.date($0)))" } ?? ""
        if before.status == after.status {
            return "\(after.name): herijkt, blijft \(after.status.label)\(after.reviewDate.map { " (volgende herijking \(Session.dates.date($0)))" } ?? "")"
        }
        return "\(after.name): \(before.status.label) → \(after.status.label)\(review)"
    }
}
