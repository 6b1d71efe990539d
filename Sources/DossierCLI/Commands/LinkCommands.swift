import ArgumentParser
import DossierCore

struct AddLinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-link",
        abstract: "Voeg een link toe aan een relatie of activiteit: een webadres of een bestand, met een omschrijving.",
        discussion: """
        Voorbeelden: dossier add-link taizhou --path /mnt/gedeeld/B-en-W/besluit-2025-01.pdf --label "Besluit B&W laag pitje"
                     dossier add-link "Handelsmissie Lyon" --url https://www.bom.nl/missie --label Uitnodiging
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De relatie of activiteit (id of naam).", valueName: "id of naam"))
    var id: String

    @Option(help: ArgumentHelp("Webadres (https://…, mailto:…, file:…).", valueName: "adres"))
    var url: String?

    @Option(help: ArgumentHelp("Pad naar een bestand.", valueName: "pad"))
    var path: String?

    @Option(help: ArgumentHelp("Omschrijving (verplicht).", valueName: "tekst"))
    var label: String

    func run() throws {
        let target: LinkTarget
        switch (url, path) {
        case let (url?, nil): target = try ArgumentValues.parse(url, option: "--url", LinkTarget.readURL)
        case let (nil, path?): target = try ArgumentValues.parse(path, option: "--path", LinkTarget.readPath)
        default: throw ValidationError("geef óf --url óf --path")
        }
        let outcome = try LinkChange.save(on: id, storeOptions) { reference, dossier in
            let link = Link(id: dossier.links(of: reference).newLinkID(for: label), label: label, target: target)
            let change = Change.addLink(reference, link)
            return (change, TerminalSafeText.line("\(change.summary(in: dossier)) (\(link.id))"))
        }
        outcome.map(Output.line)
    }
}

struct RemoveLinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-link",
        abstract: "Verwijder een link van een relatie of activiteit (vraagt op een terminal; anders --yes).",
        discussion: "Voorbeeld: dossier remove-link taizhou besluit-b-w-laag-pitje --yes"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De relatie of activiteit (id of naam).", valueName: "id of naam"))
    var id: String

    @Argument(help: ArgumentHelp("De link (id of omschrijving).", valueName: "link"))
    var link: String

    @Flag(help: "Niet om bevestiging vragen.")
    var yes = false

    func run() throws {
        // Asked once, also when the change is made on the whole dossier after all.
        var confirmed: Bool?
        let outcome = try LinkChange.save(on: id, storeOptions) { reference, dossier in
            let links = dossier.links(of: reference)
            let key = Slug.make(from: link)
            guard let found = links.first(where: { $0.id == link }) ?? links.first(where: { $0.id == key || Slug.make(from: $0.label) == key }) else {
                let known = links.map { "\($0.label) (\($0.id))" }
                throw failure("geen link '\(link)'" + (known.isEmpty ? "" : "; bedoelde u \(NameLookup.alternatives(known))?"), code: ExitStatus.dataError)
            }
            if confirmed == nil { confirmed = try RemovalConfirmation.ask("Link '\(found.label)' verwijderen?", confirmedByFlag: yes) }
            guard confirmed == true else { return nil }
            let change = Change.removeLink(reference, found.id)
            return (change, TerminalSafeText.line(change.summary(in: dossier)))
        }
        outcome.map(Output.line)
    }
}

/// A change to the links of a relation or activity, named by `typed`: made on the relations and that activity alone
/// where the storage can (an activity by its id or title, a relation by its id, as `edit` does), else on the whole
/// dossier.
enum LinkChange {
    /// `make` builds the change on the record's links and what to say once it is saved; nil: nothing to change.
    /// Returns what was said, or nil when nothing was saved.
    static func save(on typed: String, _ storeOptions: StoreOptions,
                     _ make: (EntityReference, Dossier) throws -> (change: Change, said: String)?) throws -> String? {
        let store = try storeOptions.store(forWriting: true)
        if var read = try? store.loadForChangingSubject(typed) {
            if read.activityRead != nil {
                var said: String?
                let alone = try storeOptions.changeActivity(read, in: store) { activity, dossier, _ in
                    let made = try make(.activity(activity.id), dossier)
                    said = made?.said
                    return made?.change
                }
                if alone != nil { return said }
            } else if let relation = read.dossier.relation(NameLookup.typedID(typed)) {
                guard let made = try make(.relation(relation.id), read.dossier) else { return nil }
                if try storeOptions.saveWithoutTheActivities(made.change, to: &read, in: store) { return made.said }
            }
        }
        var dossier = try storeOptions.load(store) { _ = try Lookup.subject(typed, in: $0) }
        let reference: EntityReference = switch try Lookup.subject(typed, in: dossier) {
        case .relation(let relation): .relation(relation.id)
        case .activity(let activity): .activity(activity.id)
        }
        guard let made = try make(reference, dossier) else { return nil }
        try store.commitOrExit(made.change, to: &dossier)
        return made.said
    }
}
