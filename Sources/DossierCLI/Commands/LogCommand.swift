import ArgumentParser
import DossierCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Wie veranderde wat, wanneer en waarom: het logboek van het hele dossier of van één relatie of activiteit.",
        discussion: """
        Het logboek is het journaal van alle wijzigingen, ook van vóór eerdere samenvoegingen (die staan in \
        NAAM.history/ naast het dossier). Ook van een budgetregel (de bedragen per jaar, met hun besluit: dossier \
        log budgetregel:internationalisering, of de naam van de regel) en van de beleidsstukken van het Kader (dossier log kader).
        Voorbeelden:
          dossier log taizhou
          dossier log kader
          dossier log --since 2026-01-01 --json
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Alleen wijzigingen van deze relatie, activiteit of budgetregel, of van het kader.", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("Alleen wijzigingen vanaf deze datum (ook gisteren, 'vorige maandag').", valueName: "datum"))
    var since: String?

    @Flag(help: "Uitvoer als JSON: een lijst van journaalregels.")
    var json = false

    func run() throws {
        let since = try self.since.map { try ArgumentValues.date($0, option: "--since") }
        let store = try storeOptions.store(forWriting: false)
        let history: [JournalEntry]
        do {
            history = try store.history()
        } catch {
            // Said as every command says it for a dossier that does not load (with the way back, or how to set up a
            // database); a log that cannot be read of a dossier that does load, as such.
            _ = try storeOptions.load(store)
            throw store.loadFailure(error)
        }
        let subject = try self.id.map { try self.subject($0, store: store, history: history) }
        // The whole log needs no dossier, but only of one that is there and reads: a current list index vouches
        // for that, else it is read.
        if subject == nil && store.listIndex() == nil { _ = try storeOptions.load(store) }
        let id = subject?.id
        let dates = Session.dates
        let entries = history.filter { entry in
            (id.map { entry.subjects.contains($0) } ?? true) && (since.map { dates.localDate(of: entry.timestamp) >= $0 } ?? true)
        }
        if json {
            var writer = JSONWriter()
            writer.beginArray()
            for entry in entries {
                writer.element()
                writer.beginObject()
                writer.field("seq", entry.sequence)
                writer.field("at", entry.timestamp.iso)
                writer.field("by", entry.actor)
                if let role = entry.role { writer.field("role", role) }
                if let copiedBy = entry.copiedBy { writer.field("copiedBy", copiedBy) }
                writer.field("summary", entry.summary)
                writer.key("details")
                writer.inlineStrings(entry.details)
                writer.field("reason", entry.reason)
                writer.key("subjects")
                writer.inlineStrings(entry.subjects)
                switch entry.event {
                case .change(let change):
                    writer.key("change")
                    change.write(to: &writer)
                case .restoreBackup(let name):
                    writer.field("restoreBackup", name)
                }
                writer.endObject()
            }
            writer.endArray()
            writer.finishDocument()
            Output.document(writer.bytes)
            return
        }
        // The whole log of a dossier whose earlier changes are gone from it (its .history folder removed or cleaned up):
        // said, rather than a log that seems to begin later.
        let lost: Int
        if subject == nil && since == nil {
            lost = entries.isEmpty ? ((try? storeOptions.load(store))?.journalSequence ?? 0) : (entries.first?.sequence ?? 1) - 1
        } else {
            lost = 0
        }
        let lostNote = lost > 0 ? (lost > 1 ? "Wijzigingen 1 tot en met \(lost) staan" : "Wijziging 1 staat") + " niet (meer) in het logboek: de eerdere "
            + "wijzigingen (bij een bestand de map NAAM.history naast het dossier) ontbreken of zijn opgeruimd." : nil
        if entries.isEmpty, let lostNote {
            Output.line(lostNote)
            return
        }
        if entries.isEmpty {
            let name = subject?.name
            // A relation or an activity has a status history from before the log; a budget line or the Kader has not.
            let hasHistory = id.map { $0 != Framework.subject && BudgetLine.id(ofSubject: $0) == nil } ?? false
            let earlier = hasHistory ? id.map { " De statusgeschiedenis van daarvoor staat in dossier show \($0)." } ?? "" : ""
            // A day still to come holds no changes yet; the log's beginning has nothing to do with it.
            if let since, since > Session.clock.today() {
                Output.line("Geen wijzigingen\(name.map { " van \($0)" } ?? "") sinds \(dates.date(since)): die dag moet nog komen.")
                return
            }
            Output.line("Geen wijzigingen\(name.map { " van \($0)" } ?? "")\(since.map { " sinds \(dates.date($0))" } ?? "") in het logboek; "
                        + "het logboek begint bij de eerste wijziging met dit programma.\(earlier)")
            return
        }
        var table = TextTable([.init(title: "NR", alignRight: true, keepsWhole: true), .init(title: "WANNEER", keepsWhole: true), .init(title: "WIE"),
                               .init(title: "WAT"), .init(title: "REDEN")])
        for entry in entries {
            table.append([String(entry.sequence), dates.moment(entry.timestamp), entry.who,
                          entry.summary, entry.reason])
            // What changed field by field, under the entry.
            for detail in entry.details { table.append(["", "", "", "  " + detail, ""]) }
        }
        Output.line(table.render(width: Output.width))
        if let lostNote { Output.line(lostNote) }
    }

    /// What `text` names: a relation or activity that exists, by id or name, or the id of something deleted
    /// since, found in the log itself (which goes first when no record has that id). Where the storage can, a record
    /// is found as `show` finds it, and anything else (a deleted id, a refusal) from the relations and the activities'
    /// ids and titles (`loadForNaming`).
    private func subject(_ text: String, store: any DossierStorage, history: [JournalEntry]) throws -> (id: String, name: String) {
        // The municipality's own contacts, as `show gemeente` names them.
        if NameLookup.namesMunicipality(text) { return (Organiser.municipalitySlug, Organiser.municipalityName) }
        let isLogged = history.contains { $0.subjects.contains(text) }
        if let (found, _) = try? store.loadForShowing(text) {
            // Found by name, so no record has the id `text`.
            return isLogged && found.id != text ? (text, text) : (found.id, found.name)
        }
        // What no relation or activity is, nor a deleted one's id: the Kader's pieces of policy, or a budget line (by its id, name
        // or subject), whose changes the log keeps under subjects no record's id can be.
        func other(in records: some NamedRecords, lines: () -> Dossier?) -> (id: String, name: String)? {
            guard !isLogged, (try? NameLookup.subject(text, in: records)) == nil else { return nil }
            if SearchText.fold(text).trimmingSpaces() == Framework.snapshotID { return (Framework.subject, "het Kader") }
            guard let lines = lines(), let id = try? lines.readExistingBudgetLine(BudgetLine.id(ofSubject: text) ?? text),
                  let name = lines.budgetLine(id)?.name else { return nil }
            return (BudgetLine.subject(id), name)
        }
        if let names = try? store.loadForNaming() {
            if let found = other(in: names, lines: { (try? store.loadForBudget())?.dossier }) { return found }
            return try subject(text, in: names, isLogged: isLogged)
        }
        let dossier = try storeOptions.load(store)
        if let found = other(in: dossier, lines: { dossier }) { return found }
        return try subject(text, in: dossier, isLogged: isLogged)
    }

    private func subject(_ text: String, in records: some NamedRecords, isLogged: Bool) throws -> (id: String, name: String) {
        if isLogged && records.relation(text) == nil && records.namedActivity(text) == nil { return (text, text) }
        let found = try Lookup.subject(text, in: records)
        return (found.id, found.name)
    }
}
