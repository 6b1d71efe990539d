import ArgumentParser
import DossierCore

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Verwijder een relatie of activiteit (vraagt op een terminal; anders --yes).",
        discussion: """
        Een relatie met activiteiten, een relatie waar een andere via loopt of een relatie met een budgetregel \
        wordt geweigerd, met de reden: ontkoppel eerst, of zet de relatie op Beëindigd (dossier set-status). \
        Het verwijderen komt in het logboek. Voorbeeld: dossier delete "Beurs BIO-Europe" --yes
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van de relatie of activiteit.", valueName: "id of naam"))
    var id: String

    @Flag(help: "Niet om bevestiging vragen.")
    var yes = false

    func run() throws {
        var (store, dossier) = try storeOptions.openForWriting()
        let change: Change
        let question: String
        switch try Lookup.subject(id, in: dossier) {
        case .relation(let relation):
            change = .deleteRelation(relation.id)
            question = "Relatie '\(relation.name)' (\(relation.id)) verwijderen?"
        case .activity(let activity):
            change = .deleteActivity(activity.id)
            question = "Activiteit '\(activity.title)' (\(activity.id)) verwijderen?"
        }
        // A refusal (linked activities …) is said before asking.
        var trial = dossier
        let context = Session.clock.context(actor: try Session.actor())
        do {
            try trial.apply(change, context: context)
        } catch {
            throw failure(error.message, code: ExitStatus.dataError)
        }
        guard try RemovalConfirmation.ask(question, confirmedByFlag: yes) else { return }
        let summary = change.summary(in: dossier)
        try store.commitOrExit(change, to: &dossier)
        Output.line(TerminalSafeText.line(summary))
    }
}
