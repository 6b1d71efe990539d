import ArgumentParser
import DossierCore

/// `dossier undo`: the last change of the log taken back, as `u` does on the screen, while it is still in the journal.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Maak de laatste wijziging in het logboek ongedaan (vraagt op een terminal; anders --yes).",
        discussion: """
        Zegt eerst welke wijziging het is (nummer, wanneer, wie, wat). Het ongedaan maken komt zelf in het logboek; \
        nog eens undo doet de wijziging weer. Ook na het samenvoegen (bij het sluiten van het scherm, of na veel \
        wijzigingen), zolang de back-up van ervoor en het logboek er zijn; anders zet u een back-up terug (dossier \
        backups, dossier restore). Heeft iemand het record intussen gewijzigd, dan wordt niets gewijzigd. Is de laatste \
        wijziging van een ander, dan vraagt dat op een terminal met diens naam, en met --yes ook --others. Zo ook bij een \
        dossier in een database, waar het logboek nooit wordt ingekort.
        Voorbeeld, een verwijdering terug:
          dossier delete "Campusbeurs TU Eindhoven" --yes
          dossier undo
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Niet om bevestiging vragen.")
    var yes = false

    @Flag(help: "Met --yes: ook als de laatste wijziging van een ander is.")
    var others = false

    func run() throws {
        let opened = try storeOptions.store(forWriting: true)
        guard let store = opened as? any LastChangeUndoing else {
            throw failure("\(opened.location) kan de laatste wijziging niet ongedaan maken; zet een back-up terug (\(storeOptions.command) backups, "
                          + "\(storeOptions.command) restore NAAM)", code: ExitStatus.usage)
        }
        (store as? DossierStore)?.keepsUndoOfLastChange = true
        var dossier = try storeOptions.load(store)
        let backups = "zet eventueel een back-up terug (\(storeOptions.command) backups, \(storeOptions.command) restore NAAM)"
        guard store.sequence > 0 else { throw failure("er is nog geen wijziging in het logboek om ongedaan te maken", code: ExitStatus.dataError) }
        let last: (entry: JournalEntry, undo: Restoration?)?
        do {
            last = try store.lastChangeWithUndo()
        } catch {
            throw failure(error)
        }
        guard let (entry, taken) = last else {
            throw failure("de laatste wijziging is al samengevoegd in het dossier en de stand ervoor is niet meer na te gaan; \(backups)",
                          code: ExitStatus.dataError)
        }
        let dates = Session.dates
        let named = "wijziging \(entry.sequence) (\(dates.moment(entry.timestamp)), \(entry.who))"
        let which = "\(named): \(entry.summary)"
        guard var undo = taken, !undo.isEmpty else {
            // A restore kept the state it replaced as a backup: that one is named, not "a backup".
            if case .restoreBackup = entry.event, let before = (try? store.backups())?.first(where: { $0.sequence == entry.sequence - 1 }) {
                throw failure("\(which) is niet ongedaan te maken op de opdrachtregel; de stand van vlak ervoor staat in de back-up \(before.name): "
                              + "\(storeOptions.command) restore \(ShellWord.quoted(before.name))", code: ExitStatus.dataError)
            }
            throw failure("\(which) is niet ongedaan te maken op de opdrachtregel; \(backups)", code: ExitStatus.dataError)
        }
        // Someone else's work, taken back unseen by a script or a habit of --yes, is what undo must not do unasked.
        let byOther = entry.actor != (try? Session.actor())
        if byOther && yes && !others {
            throw failure("\(which) is van \(entry.who), niet van u; ongedaan maken van andermans wijziging vraagt --others bij --yes "
                          + "(of zonder --yes, op een terminal)", code: ExitStatus.usage)
        }
        // Taking back an undo is doing it again, as Ctrl-R on the screen says.
        undo.purpose = undo.purpose ?? .undo
        let change = Change.restore(undo)
        // The last change an undo itself: answering yes makes the change it took back count again, which the question says
        // ("… ongedaan maken?" after "Ongedaan gemaakt: …" read as a riddle).
        let undoesAnUndo = if case .change(.restore(let restoration)) = entry.event, restoration.purpose == .undo { true } else { false }
        let question = TerminalSafeText.line(which) + (undoesAnUndo ? "\nDit weer terugdraaien, zodat de wijziging die het ongedaan maakte weer geldt?"
                                                                   : "\nDeze wijziging ongedaan maken?")
        let said = "'\(entry.summary)'"
        let what = undoesAnUndo ? "dit draait \(named) terug (\(said)), zodat de wijziging die het ongedaan maakte weer geldt"
            : "dit maakt \(named) ongedaan (\(said))"
        guard try RemovalConfirmation.ask(question, confirmedByFlag: yes, what: what) else {
            return
        }
        let summary = change.summary(in: dossier)
        // As they are now: changed since by someone else, nothing is put back over it.
        let seen = SeenRecords(relations: undo.relations.compactMap { dossier.relation($0.id) },
                               activities: undo.activities.compactMap { dossier.activity($0.id) },
                               contacts: undo.ownContacts.compactMap { snapshot in dossier.ownContact(snapshot.id).map { .init(owner: .municipality, contact: $0) } })
        try store.commitOrExit(change, to: &dossier, seen: seen)
        Output.line(TerminalSafeText.line(byOther ? "\(summary) (wijziging \(entry.sequence) van \(entry.who))" : summary))
    }
}
