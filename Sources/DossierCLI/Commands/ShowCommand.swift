import ArgumentParser
import DossierCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Toon één relatie of activiteit volledig: velden, contacten, links, statusgeschiedenis, activiteiten of vervolgacties (gemeente: de eigen mensen van de gemeente).",
        discussion: "Voorbeelden:\n  dossier show taizhou\n  dossier show gemeente      # de eigen mensen van de gemeente"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van een relatie of activiteit (hoofdletters en accenten tellen niet), of gemeente.", valueName: "id of naam"))
    var id: String

    @Flag(help: "Uitvoer als JSON (één object) voor scripts.")
    var json = false

    func run() throws {
        if NameLookup.namesMunicipality(id) { return try showMunicipality() }
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
                Output.line(RecordDocument(relation: relation, in: dossier, dates: Session.dates, today: Session.clock.today()).plainText(width: Output.width))
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

    /// The municipality's own contacts: kept after the activities, so the whole dossier is read.
    private func showMunicipality() throws {
        let dossier = try storeOptions.load(try storeOptions.store(forWriting: false))
        guard json else { return Output.line(RecordDocument(municipalityOf: dossier).plainText(width: Output.width)) }
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("id", Organiser.municipalitySlug)
        writer.field("name", dossier.name(of: ContactOwner.municipality))
        writer.key("contacts")
        writer.array(dossier.internalContacts) { $0.write(to: &$1) }
        writer.endObject()
        writer.finishDocument()
        Output.document(writer.bytes)
    }
}
