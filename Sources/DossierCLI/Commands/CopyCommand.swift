import ArgumentParser
import DossierCore
import DossierPostgres

/// `dossier copy`: a whole dossier, with everything it remembers, from one storage to another.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Kopieer een heel dossier, met het hele logboek en de back-ups: naar een ander bestand (een nieuwe laptop, een archief), naar een database of terug.",
        discussion: """
        Voorbeelden:
          dossier copy --from ~/.local/share/dossier/dossier.json \\
              --to /media/usb/dossier.json
          dossier copy --from ~/.local/share/dossier/dossier.json \\
              --to postgresql://adviseur@db.oss.nl/dossier
          dossier copy --from postgresql://adviseur@db.oss.nl/dossier --to kopie.json
        Sluit eerst het scherm op de bron: wat daarna nog in de bron komt, gaat niet mee. Elke wijziging komt mee zoals ze geschreven is (met wie, wanneer en waarom), ook die van voor een \
        samenvoeging, en de statusgeschiedenis. Een database die al een dossier heeft, wordt alleen vervangen met \
        --replace; een bestand dat er al is, nooit.
        """
    )

    @Option(help: ArgumentHelp("Waar het dossier nu staat: een bestand of postgresql://…", valueName: "bron"))
    var from: String

    @Option(help: ArgumentHelp("Waar het heen moet: een nieuw bestand of postgresql://…", valueName: "doel"))
    var to: String

    @Flag(help: "Een database die al een dossier heeft, vervangen (het oude logboek gaat verloren).")
    var replace = false

    @Flag(help: "Bij --replace niet vragen, ook niet als de database wijzigingen heeft die niet in de bron staan (die gaan dan verloren).")
    var yes = false

    func run() throws {
        try DossierPathArgument.check(from, option: "--from")
        try DossierPathArgument.check(to, option: "--to")
        let source: any ArchiveStorage, target: any ArchiveStorage, archive: DossierArchive
        // A database being replaced: what it holds now (a file is never replaced).
        var replaced: DossierArchive?
        do throws(StoreError) {
            try refuseCopyOntoItself()
            let configuration = try Session.configuration(needing: Session.settingsForWriting)
            source = try StorageOpener.open(StoreLocation.typed(from, environment: Session.environment), configuration: configuration)
            target = try StorageOpener.open(StoreLocation.typed(to, environment: Session.environment), configuration: configuration)
            do throws(StoreError) {
                archive = try source.exportArchive()
            } catch .dossierMissing(let file) {
                // A source that is not there: nothing to begin anew.
                throw StoreError.missing(file: file)
            }
            if replace && PostgresAddress.isAddress(to) { replaced = try? target.exportArchive() }
        } catch {
            throw failure(error)
        }
        // Changes only the database being replaced holds (a colleague's, saved after the source was copied from it): said, and asked.
        if let replaced, let dropped = droppedChanges(replacing: replaced, at: target.location, with: archive, from: source.location) {
            guard try RemovalConfirmation.ask(dropped + " Toch vervangen?", confirmedByFlag: yes, what: dropped + " Vervangen gooit ze weg") else { return }
        }
        do throws(StoreError) {
            try target.importArchive(archive, replacing: replace)
            let copied = try target.load()
            let original = try source.load()
            guard copied == original else {
                throw StoreError.damaged(file: target.location, problem: LocatedProblem(position: nil, path: JSONPath(),
                    message: "de kopie laadt, maar is niet gelijk aan het origineel"))
            }
            Output.line(TerminalSafeText.line("Gekopieerd naar \(target.location): \(count(copied.relations.count, "relatie", "relaties")), "
                + "\(count(copied.activities.count, "activiteit", "activiteiten")), \(count(archive.lines.count, "wijziging", "wijzigingen")) in het logboek, "
                + "\(count(archive.backups.count, "back-up", "back-ups"))."))
            // The tables made anew: the roles' grants went with the old ones.
            if replaced != nil {
                Output.paragraph(TerminalSafeText.line("Let op: de tabellen zijn opnieuw gemaakt, dus de rollen van het team hebben hun rechten erop "
                    + "niet meer: geef ze opnieuw (de GRANT's onder 'Twee rollen' in docs/postgresql.md)."))
            }
            // Into a database (a team moving there): the source stays as it was, writable, and a screen still open on it saves
            // there, where the others no longer look. (The address as `location` gives it: without a password.) A copy to a
            // file is as often one to keep (an archive) as a move; the help and the README say to close the screen first.
            if PostgresAddress.isAddress(to) {
                Output.paragraph(TerminalSafeText.line("Let op: \(source.location) blijft bestaan zoals het was. Wat iemand daarin nog wijzigt (een scherm "
                    + "dat er nog op openstaat), komt niet in \(target.location): laat iedereen dat scherm sluiten en voortaan die database gebruiken."))
            }
        } catch {
            throw failure(error)
        }
    }

    /// What replacing `target` with `archive` throws away that the copy does not bring: the changes in its log that are not
    /// in the copy's, counted, with the last of them. Nil when there are none (or no dossier there).
    private func droppedChanges(replacing existing: DossierArchive, at target: String, with archive: DossierArchive, from source: String) -> String? {
        let copied = Set(archive.lines)
        let dropped = existing.lines.indices.filter { !copied.contains(existing.lines[$0]) }
        guard let lastIndex = dropped.last else { return nil }
        let entries = (try? existing.entries())?.entries ?? []
        let last = entries.indices.contains(lastIndex)
            ? " (\(dropped.count == 1 ? "" : "de laatste: ")\(entries[lastIndex].summary), door \(entries[lastIndex].actor) op "
                + "\(Session.dates.moment(entries[lastIndex].timestamp)))" : ""
        return TerminalSafeText.line("\(target) heeft \(count(dropped.count, "wijziging", "wijzigingen")) die niet in \(source) "
            + "\(dropped.count == 1 ? "staat" : "staan")\(last). Wilt u die bewaren, kopieer de database dan eerst naar een nieuw bestand "
            + "(dossier copy --from \(ShellWord.quoted(target)) --to bewaard.json).")
    }

    /// A copy from a database onto itself, however its address is spelled: `--replace` would make the tables anew (the roles
    /// losing their grants) and put the log back as copied by whoever ran it. (A file onto itself is refused as a file that
    /// is already there.)
    private func refuseCopyOntoItself() throws(StoreError) {
        guard PostgresAddress.isAddress(from), PostgresAddress.isAddress(to) else { return }
        let source = try PostgresAddress(parsing: from, environment: Session.environment)
        let target = try PostgresAddress(parsing: to, environment: Session.environment)
        guard source.isSameDatabase(as: target) else { return }
        throw .targetTaken("--from en --to noemen dezelfde database (\(target)); er is niets gewijzigd. Een dossier kopieert u naar een "
                           + "andere database (createdb, dan dossier db init --store ADRES) of naar een nieuw bestand (--to kopie.json)")
    }
}
