import ArgumentParser
import DossierCore

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Zet een activiteit een stap verder in haar levenscyclus.",
        discussion: """
        idee → in-afweging → goedgekeurd | afgewezen; goedgekeurd → gepland → uitgevoerd → geevalueerd; \
        geannuleerd kan tot en met gepland.
        Voorbeeld: dossier move handelsmissie-medicon-valley in-afweging --reason "voorgelegd aan de wethouder"
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van de activiteit (hoofdletters en accenten tellen niet).", valueName: "id of naam"))
    var id: String

    @Argument(help: ArgumentHelp("De nieuwe status (\(ActivityStatus.allowedList)).", valueName: "status"))
    var status: String

    @Option(help: ArgumentHelp("Toelichting bij de stap.", valueName: "tekst"))
    var reason: String = ""

    @Option(name: .customLong("override-reason"), help: ArgumentHelp("Waarom goedgekeurd wordt ondanks een negatieve afweging.", valueName: "tekst"))
    var overrideReason: String?

    func run() throws {
        let status = try ArgumentValues.vocabulary(self.status, ActivityStatus.self, option: "status")
        var (store, dossier) = try storeOptions.openForWriting()
        let id = try Lookup.activity(self.id, in: dossier).id
        let before = dossier.activity(id)?.status
        try store.commitOrExit(.moveActivity(id, status: status, reason: reason, overrideReason: overrideReason), to: &dossier)
        guard let activity = dossier.activity(id) else { return }
        Output.line(TerminalSafeText.line("\(activity.title): \(before?.label ?? "?") → \(activity.status.label)"))
    }
}
