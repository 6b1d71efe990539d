import ArgumentParser
import DossierCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importeer activiteiten of contactpersonen uit een CSV-bestand zoals export --what activities of contacts het schrijft.",
        discussion: """
        Activiteiten (import activities): eerst wordt elke regel gecontroleerd. Is er één ongeldig, dan wordt niets geïmporteerd en staat elke \
        foute regel met regelnummer en kolom in de melding (--skip-invalid importeert dan de goede regels, met exitcode 0; \
        de overgeslagen regels staan op de standaardfout en in de samenvatting). Een \
        regel met een bekende id werkt die activiteit bij (een andere status gaat langs de levenscyclus), een regel \
        zonder id voegt een activiteit toe, behalve als er al een is met dezelfde titel en datum (nog eens \
        dezelfde regel wordt overgeslagen, een andere geweigerd); ongewijzigde regels blijven zoals ze zijn. Alles \
        in één wijziging, en \
        de stand van vóór de import blijft als back-up bewaard: de melding noemt de dossier restore die hem terugzet.
        Is een activiteit na de export gewijzigd of verwijderd (de kolom versie klopt niet meer), dan blijft een \
        regel die u niet bewerkte ongemoeid, en wordt een bewerkte geweigerd: importeren zou die wijziging \
        terugdraaien. --dry-run toont per activiteit wat er zou veranderen.
        Contactpersonen (import contacts): de kolom naam is nodig; relatie (id of naam) zegt bij welke relatie \
        iemand hoort, daarnaast organisatie, rol, e-mail, telefoon, gesprekspartner kader en toelichting, elk naar \
        keuze. Een regel met de naam van een contactpersoon van die relatie (hoofdletters en accenten tellen niet) \
        werkt die bij, een andere voegt er een toe; er wordt niets verwijderd. Zonder kolom relatie (de export \
        gesprekspartners) werkt een regel iemand bij die maar bij één relatie staat, of die de kolom organisatie \
        aanwijst. Contactpersonen van de gemeente zelf hebben als relatie gemeente (of Gemeente Oss): zo worden ze \
        bijgewerkt en toegevoegd. Een lege relatie (zoals oudere exports die schreven) werkt iemand van de gemeente \
        bij; een nieuwe naam met een lege relatie wordt geweigerd.
        Voorbeelden:
          dossier import activities activiteiten.csv --dry-run
          dossier import contacts contactpersonen.csv
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Wat: activities of contacts (ook activiteiten, contactpersonen).", valueName: "wat"), transform: ArgumentValues.exchangeKind)
    var what: String

    @Argument(help: ArgumentHelp("Het CSV-bestand (komma's, puntkomma's of tabs, UTF-8).", valueName: "bestand"))
    var file: String

    @Flag(name: .customLong("skip-invalid"), help: "Importeer de goede regels en meld de foute.")
    var skipInvalid = false

    @Flag(name: .customLong("dry-run"), help: "Alleen controleren; niets importeren.")
    var dryRun = false

    func validate() throws {
        guard ["activities", "contacts"].contains(what) else { throw ValidationError("kies activities of contacts: die kunnen worden geïmporteerd") }
    }

    func run() throws {
        var (store, dossier) = dryRun ? try storeOptions.openForReading() : try storeOptions.openForWriting()
        let bytes: [UInt8]
        do {
            bytes = try PosixFileSystem().readFile(file)
        } catch {
            // A folder named instead of a file is a mistake in what was asked (as a missing file), not a failing disk.
            if error.code == SystemErrorCode.isDirectory { throw failure("\(file) is een map; geef het CSV-bestand", code: ExitStatus.noInput) }
            throw failure(error.code == SystemErrorCode.noSuchFile ? .missing(file: file) : .fileSystem(error))
        }
        let records: [CSV.Record]
        do {
            records = try CSV.decode(bytes)
        } catch {
            throw failure("\(file), \(error)", code: ExitStatus.dataError)
        }
        let prepared = what == "contacts" ? ContactImport.prepare(records, into: dossier)
                                          : ActivityImport.prepare(records, into: dossier, today: Session.clock.today())
        for problem in prepared.problems { Output.error("dossier: \(file), \(problem)") }
        for notice in prepared.notices.prefix(20) { Output.error("dossier: let op: \(file), \(notice)") }
        if prepared.notices.count > 20 { Output.error("dossier: let op: en nog \(prepared.notices.count - 20) zulke opmerkingen") }
        if prepared.refusesWholeFile {
            throw failure("er is niets geïmporteerd: geen regel is te lezen zoals het bestand nu is", code: ExitStatus.dataError)
        }
        if !prepared.problems.isEmpty && !skipInvalid {
            throw failure("\(count(prepared.problems.count, "fout", "fouten")): er is niets geïmporteerd (--skip-invalid importeert de goede regels)",
                          code: ExitStatus.dataError)
        }
        let skipped = Set(prepared.problems.map(\.line)).count + prepared.skipped
        let summary = "\(prepared.added) nieuw, \(prepared.updated) bijgewerkt, \(prepared.unchanged) ongewijzigd"
            + (skipped == 0 ? "" : ", \(count(skipped, "regel", "regels")) overgeslagen")
        if dryRun {
            // What the import would do, change by change, as the log will say it (in its past tense, under a heading that
            // says it has not happened).
            if !prepared.changes.isEmpty { Output.line("Wat de import zou doen, zoals het logboek het zou noemen:") }
            for change in prepared.changes.prefix(50) {
                for line in change.described(in: dossier) { Output.line(TerminalSafeText.line("  " + line)) }
            }
            if prepared.changes.count > 50 { Output.line("… en nog \(prepared.changes.count - 50) wijzigingen") }
            // The Kader's warnings the import would give, on a copy with the changes made.
            var preview = dossier
            var context = Session.clock.context(actor: "import")
            context.isImport = true
            if (try? preview.apply(.batch(prepared.changes, label: "Import"), context: context)) != nil {
                sayWarnings(for: prepared.changes, in: preview)
            }
            Output.line("Controle: \(summary). Er is niets geïmporteerd (--dry-run).")
            return
        }
        guard !prepared.changes.isEmpty else { return Output.line("Geïmporteerd: \(summary).") }
        // The state before the import becomes a backup: the journal is folded into the snapshot first, so that the
        // snapshot after the import keeps exactly that state among the backups.
        let now = Session.clock.now()
        do {
            if store.hasJournal { try store.compact(dossier, at: now) }
        } catch {
            throw failure(error)
        }
        try store.commitOrExit(.batch(prepared.changes, label: "Import \(FilePath.name(of: file))"), to: &dossier, isImport: true)
        Output.line("Geïmporteerd: \(summary).")
        sayWarnings(for: prepared.changes, in: dossier)
        // The import is the last change; the backup to name holds every change before it, a colleague's too.
        let imported = store.sequence
        var notCompacted: StoreError?
        if store.hasJournal {
            do { try store.compact(dossier, at: now) } catch { notCompacted = error }
        }
        if let backup = (try? store.backups())?.first(where: { $0.sequence == imported - 1 }) {
            Output.line("De stand van vóór de import terugzetten: \(storeOptions.command) restore \(ShellWord.quoted(backup.name))")
        } else {
            let why = notCompacted.map { "samenvoegen lukte niet: \($0.description)" } ?? "een ander schreef of voegde intussen samen"
            Output.error("dossier: let op: er is geen back-up van precies de stand vóór de import (\(why)); dossier backups toont wat er is")
        }
    }

    /// What the first weighing of each added row already finds negative, as add-activity says it: a relation or country
    /// on laag pitje, outside Europe outside the focus, a cost its budget line has no room for that year (the rows
    /// that count against the budget counted in). A row the Kader says nothing against is not named. `dossier` holds the changes made.
    private func sayWarnings(for changes: [Change], in dossier: Dossier) {
        let ledger = BudgetLedger(dossier)
        var warned = 0
        for case .addActivity(let row) in changes {
            guard let activity = dossier.activity(row.id) else { continue }
            let look = FirstLook(activity, in: dossier, ledger: ledger)
            let warnings = look.warnings + (look.budgetShortfall.map { [$0] } ?? [])
            guard !warnings.isEmpty else { continue }
            warned += 1
            if warned <= 20 { for warning in warnings { Output.line(TerminalSafeText.line("Let op: \(activity.title) (\(activity.id)): \(warning)")) } }
        }
        if warned > 20 { Output.line("Let op: en nog \(warned - 20) nieuwe activiteiten waarbij het Kader waarschuwt (dossier assess weegt af)") }
    }
}

