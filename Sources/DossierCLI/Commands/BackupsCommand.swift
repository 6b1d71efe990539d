import ArgumentParser
import DossierCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

struct BackupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backups",
        abstract: "Toon de bewaarde eerdere versies van het dossier (bij elke samenvoeging één, de laatste 10).",
        discussion: """
        Hoeveel er blijven, zet u met "backups" in config.json of DOSSIER_BACKUPS (minstens 1); van de afgelopen \
        week blijven er ook bij een lagere instelling 10. De geschiedenismap (PAD.history) houdt het hele logboek, \
        zonder bewaartermijn (docs/privacy.md).
        Zet er een terug met: dossier restore NAAM
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Uitvoer als JSON: per back-up name, replacedAt, sequence (t/m welke wijziging) en sizeBytes.")
    var json = false

    func run() throws {
        // Not loaded: the backups are there to be found also when the dossier itself does not load.
        let store = try storeOptions.store(forWriting: false)
        let backups: [Backup]
        do {
            backups = try store.backups()
        } catch {
            throw failure(error)
        }
        if json {
            var writer = JSONWriter()
            writer.beginArray()
            for backup in backups {
                writer.element()
                writer.beginInlineObject()
                writer.field("name", backup.name)
                writer.field("replacedAt", backup.timestamp.iso)
                writer.field("sequence", backup.sequence)
                writer.field("sizeBytes", backup.size)
                writer.endObject()
            }
            writer.endArray()
            writer.finishDocument()
            Output.document(writer.bytes)
            return
        }
        if backups.isEmpty {
            let changes = count(store.configuration.journalEntryLimit, "wijziging", "wijzigingen")
            // A database makes a snapshot only after so many changes (never at the screen's close), and cuts nothing from its log.
            Output.line(store is DossierStore
                ? "Nog geen back-ups: die ontstaan bij het samenvoegen van het journaal (na \(changes), bij het sluiten van het scherm, bij een import en bij een restore)."
                : "Nog geen back-ups: die ontstaan als er een nieuwe momentopname komt (na \(changes)); elke wijziging staat hoe dan ook in het logboek (dossier log).")
            return
        }
        var table = TextTable([.init(title: "NAAM", keepsWhole: true), .init(title: "VERVANGEN OP", keepsWhole: true), .init(title: "T/M WIJZIGING", alignRight: true, keepsWhole: true),
                               .init(title: "GROOTTE", alignRight: true, keepsWhole: true)])
        let dates = Session.dates
        for backup in backups {
            table.append([backup.name, dates.moment(backup.timestamp), String(backup.sequence), "\(max(1, backup.size / 1024)) kB"])
        }
        Output.line(table.render(width: Output.width))
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Zet een back-up terug. De huidige stand wordt eerst zelf als back-up bewaard; het terugzetten komt in het logboek.",
        discussion: "Vraagt om bevestiging; --yes slaat die over. Is het dossierbestand weg of beschadigd, dan bouwt restore het "
            + "opnieuw op uit de back-up en de wijzigingen erna (geschiedenis en journaal) als die aansluiten: er gaat dan niets verloren.\n"
            + "Voorbeeld:\n  dossier restore dossier-20261122T090000Z-000000012.json"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De naam van de back-up (zie dossier backups).", valueName: "naam"))
    var name: String

    @Flag(help: "Niet om bevestiging vragen.")
    var yes = false

    func run() throws {
        let store = try storeOptions.store(forWriting: true)
        // A dossier that does not load can still be restored: its files are kept aside, not deleted.
        var current: Dossier?
        var loadProblem: StoreError?
        do {
            current = try store.load()
        } catch {
            switch error {
            // A newer version's file is set aside as a damaged one is: going back to an older version restores a backup it can read.
            case .snapshotMissing, .newerSnapshot: loadProblem = error
            default:
                guard error.isDataError else { throw failure(error) }
                loadProblem = error
            }
        }
        let backups: [Backup]
        do {
            backups = try store.backups()
        } catch {
            // A backups folder this user may not read is not "no such backup".
            throw failure(error)
        }
        // Also by the name it had before the dossier was copied (the log and older messages name it so).
        guard let backup = Backup.named(name, among: backups) else {
            throw failure("geen back-up '\(name)' (zie dossier backups)", code: ExitStatus.dataError)
        }
        // A file that went (deleted, damaged) is made again from the backup and the history when they continue it: nothing lost.
        if let loadProblem, let file = store as? DossierStore, let rebuilt = (try? file.rebuiltState(from: backup.name)) ?? nil {
            return try rebuild(rebuilt, in: file, because: loadProblem)
        }
        if !yes {
            if let loadProblem, isatty(STDIN_FILENO) == 1 { Output.error("dossier: het huidige dossier laadt niet: \(loadProblem.description)") }
            // The changes that go out with it, said with their numbers: those of colleagues too.
            let count = store.sequence - backup.sequence
            let later = loadProblem != nil || count <= 0 ? ""
                : count == 1 ? " Wijziging \(store.sequence), ook als die van een collega is, gaat eruit; ze blijft in het logboek."
                : " De \(count) wijzigingen daarna (nrs. \(backup.sequence + 1)–\(store.sequence)), ook die van collega's, gaan eruit; ze blijven in het logboek."
            let kept = loadProblem == nil ? "De huidige stand blijft als back-up bewaard (zo terug te zetten).\(later)"
                : "Het huidige dossierbestand blijft bij de back-ups en het journaal in de geschiedenismap bewaard."
            // Without a terminal to ask on, the refusal says what would go too: a script's log shows it.
            let goes = loadProblem != nil || count <= 0 ? ""
                : count == 1 ? " (wijziging \(store.sequence) gaat eruit, ook als die van een collega is)"
                : " (de \(count) wijzigingen daarna, nrs. \(backup.sequence + 1)–\(store.sequence), gaan eruit, ook die van collega's)"
            guard try RemovalConfirmation.ask("Het dossier terugzetten naar \(backup.name) (stand t/m wijziging \(backup.sequence))? \(kept)",
                                              confirmedByFlag: yes, what: "terugzetten vervangt het hele dossier" + goes) else { return }
        }
        let dossier: Dossier
        do {
            dossier = try store.restore(backup: backup.name, current: current, context: Session.clock.context(actor: try Session.actor()))
        } catch {
            throw failure(error)
        }
        Output.line("Teruggezet: \(backup.name) — \(count(dossier.relations.count, "relatie", "relaties")), \(count(dossier.activities.count, "activiteit", "activiteiten")).")
        for notice in store.notices { Output.error("dossier: let op: \(notice)") }
    }

    /// Makes the lost file again (`DossierStore.rebuiltState`), after the question, and says what it holds now.
    private func rebuild(_ rebuilt: RebuiltDossier, in store: DossierStore, because problem: StoreError) throws {
        let history = rebuilt.replayed.map { range in
            " en " + (range.count == 1 ? "wijziging \(range.lowerBound)" : "de wijzigingen \(range.lowerBound)–\(range.upperBound)") + " uit de geschiedenis"
        } ?? ""
        let journal = rebuilt.journalCount == 0 ? "" : "; het journaal (\(count(rebuilt.journalCount, "wijziging", "wijzigingen"))) gaat daarop verder"
        let what = "het dossierbestand opnieuw opbouwen uit \(rebuilt.backup)\(history)\(journal), zodat er niets verloren gaat"
        if !yes && isatty(STDIN_FILENO) == 1 { Output.error("dossier: het huidige dossier laadt niet: \(problem.description)") }
        guard try RemovalConfirmation.ask("Het dossier laadt niet; \(what)?", confirmedByFlag: yes, what: what) else { return }
        do {
            _ = try store.installRebuilt(from: rebuilt.backup, at: Session.clock.now())
        } catch {
            throw failure(error)
        }
        // Read again as every program will read it: the new file and the journal after it.
        let reread = try storeOptions.store(forWriting: false)
        let dossier = try storeOptions.load(reread)
        let through = reread.sequence
        Output.line("Opnieuw opgebouwd: \(count(dossier.relations.count, "relatie", "relaties")), \(count(dossier.activities.count, "activiteit", "activiteiten")), "
                    + "t/m wijziging \(through). (De stand van \(rebuilt.backup) zelf zet u daarna terug met \(storeOptions.command) restore \(ShellWord.quoted(rebuilt.backup)).)")
    }
}
