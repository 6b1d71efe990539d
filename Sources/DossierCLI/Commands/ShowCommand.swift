import ArgumentParser
import DossierCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Toon één relatie of activiteit volledig: velden, contacten, links, statusgeschiedenis, activiteiten of vervolgacties.",
        discussion: "Voorbeeld:\n  dossier show taizhou"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van een relatie of activiteit (hoofdletters en accenten tellen niet).", valueName: "id of naam"))
    var id: String

    @Flag(help: "Uitvoer als JSON (één object) voor scripts.")
    var json = false

    func run() throws {
        let store = try storeOptions.store(forWriting: false)
        // Where the storage can: only the relations and what the record shows are read.
        let (subject, dossier) = try (try? store.loadForShowing(id)) ?? {
            let dossier = try storeOptions.load(store, refusingUnknown: { _ = try Lookup.subject(id, in: $0) })
            return (try Lookup.subject(id, in: dossier), dossier)
        }()
        switch subject {
        case .relation(let relation):
            if json {
                var writer = JSONWriter()
                relation.write(to: &writer)
                writer.finishDocument()
                Output.document(writer.bytes)
            } else {
                Output.line(RecordDocument(relation: relation, in: dossier, dates: Session.dates).plainText(width: Output.width))
            }
        case .activity(let activity):
            if json {
                var writer = JSONWriter()
                activity.write(to: &writer)
                writer.finishDocument()
                Output.document(writer.bytes)
            } else {
                Output.line(RecordDocument(activity: activity, in: dossier, today: Session.clock.today(), dates: Session.dates).plainText(width: Output.width))
            }
        }
    }
}
