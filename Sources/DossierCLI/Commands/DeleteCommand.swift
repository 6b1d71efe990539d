import ArgumentParser
import DossierCore

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Verwijder een relatie of activiteit (vraagt op een terminal; anders --yes).",
        discussion: """
        Een relatie met activiteiten, een relatie waar een andere via loopt of een relatie met een budgetregel \
        wordt geweigerd, met de reden: ontkoppel eerst, of zet de relatie op Beëindigd (dossier set-status). \
        Het verwijderen komt in het logboek; dossier undo maakt het ongedaan (bij een dossier in een bestand).
        Voorbeeld:
          dossier delete "Campusbeurs TU Eindhoven" --yes
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van de relatie of activiteit.", valueName: "id of naam"))
    var id: String

    @Flag(help: "Niet om bevestiging vragen.")
    var yes = false

    func run() throws {
        let store = try storeOptions.store(forWriting: true)
        // An activity by its id or title: without reading the others where the storage can.
        if var read = try? store.loadForChangingActivity(id, withBudget: false), let activity = read.activityRead {
            let change = Change.deleteActivity(activity.id)
            guard try RemovalConfirmation.ask(Self.question(activity), confirmedByFlag: yes) else { return }
            let summary = change.summary(in: read.dossier)
            _ = try storeOptions.save(change, madeOn: &read, in: store, seen: SeenRecords(activities: [activity]))
            return Output.line(TerminalSafeText.line(summary))
        }

        // A relation is deleted on the whole dossier; a name that fits nothing is refused from the indexes first, where
        // the storage can (`load(_:refusingUnknown:)`), instead of reading the whole dossier for the message. (Which of
        // the two, the list index's relations say; they only choose the way, the lookups on the way decide. Only the
        // file store refuses from its indexes: a database is not asked for its list for this.)
        let mayBeRelation = (store as? DossierStore)?.listIndex().map { list in
            NameLookup.namesRelation(id, in: NameCatalog(relations: list.relations.map(\.relation), activities: []))
        } ?? true
        var dossier = try mayBeRelation ? storeOptions.load(store) : storeOptions.load(store, refusingUnknown: { _ = try Lookup.subject(id, in: $0) })
        let change: Change
        let question: String
        let seen: SeenRecords
        switch try Lookup.subject(id, in: dossier) {
        case .relation(let relation):
            change = .deleteRelation(relation.id)
            question = "Relatie '\(relation.name)' (\(relation.id))\(relation.goingWithIt) verwijderen?"
            seen = SeenRecords(relations: [relation])
        case .activity(let activity):
            change = .deleteActivity(activity.id)
            question = Self.question(activity)
            seen = SeenRecords(activities: [activity])
        }
        try refusal(of: change, on: dossier, context: Session.clock.context(actor: try Session.actor()))
        guard try RemovalConfirmation.ask(question, confirmedByFlag: yes) else { return }
        let summary = change.summary(in: dossier)
        try store.commitOrExit(change, to: &dossier, seen: seen)
        Output.line(TerminalSafeText.line(summary))
    }

    private static func question(_ activity: Activity) -> String {
        "Activiteit '\(activity.title)' (\(activity.id)) verwijderen?"
    }

    /// A refusal (linked activities …), said before asking.
    private func refusal(of change: Change, on dossier: Dossier, context: ChangeContext) throws {
        var trial = dossier
        do {
            try trial.apply(change, context: context)
        } catch {
            throw failure(error.message, code: ExitStatus.dataError)
        }
    }
}
