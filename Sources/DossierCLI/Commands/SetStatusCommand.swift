import ArgumentParser
import DossierCore

struct SetStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Zet een relatie op een andere status, met reden (en voor laag pitje een herijkingsdatum).",
        discussion: """
        Dezelfde status opnieuw is een herijking (alleen bij laag pitje): de status blijft, met reden en een nieuwe \
        herijkingsdatum (zie ook dossier review).
        Voorbeeld:
          dossier set-status an-giang laag-pitje --reason "Kader 2025-2030" \\
              --review-date 2028-01-01
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van de relatie (hoofdletters en accenten tellen niet).", valueName: "id of naam"))
    var id: String

    @Argument(help: ArgumentHelp("De nieuwe status (\(RelationStatus.allowedList)).", valueName: "status"))
    var status: String

    @Option(help: ArgumentHelp("Waarom de status verandert (verplicht).", valueName: "tekst"), transform: ArgumentValues.line)
    var reason: String

    @Option(name: .customLong("review-date"), help: ArgumentHelp("Herijkingsdatum; verplicht bij laag-pitje. 1-1-2027 of +6m.", valueName: "datum"))
    var reviewDate: String?

    func run() throws {
        let status = try ArgumentValues.vocabulary(self.status, RelationStatus.self, option: "status")
        let reviewDate = try self.reviewDate.map { try ArgumentValues.storedDate($0, option: "--review-date", yearless: .ahead) }
        var before: Relation?
        let dossier = try storeOptions.changeRelations { dossier in
            let relation = try Lookup.relation(self.id, in: dossier)
            before = relation
            return .setRelationStatus(relation.id, status: status, reason: reason, reviewDate: reviewDate, seen: relation.status,
                                       seenReviewDate: relation.reviewDate)
        }
        guard let before, let after = dossier.relation(before.id) else { return }
        Output.line(TerminalSafeText.line(StatusChangeText.line(before: before, after: after)))
        // Put on laag pitje now: an approved or planned activity still to come is said. Its date comes from the whole
        // dossier when that was read, else from the list index (the relations alone were read).
        guard after.status == .laagPitje, before.status != .laagPitje else { return }
        let today = Session.clock.today()
        let overview = dossier.isPart
            ? ((try? storeOptions.store(forWriting: false)) as? DossierStore)?.listIndex()?.relations.first { $0.relation.id == after.id }
            : RelationOverview.all(in: dossier, today: today).first { $0.relation.id == after.id }
        if var overview {
            overview.relation = after
            let linked = dossier.isPart ? nil : dossier.activities.filter { RelationOverview.linkedRelations($0).contains(after.id) }
            if let notice = overview.laagPitjeNotice(today: today, dates: Session.dates, activity: { dossier.activity($0) }, among: linked) { Output.error(TerminalSafeText.line("dossier: let op: \(notice)")) }
        }
    }
}
