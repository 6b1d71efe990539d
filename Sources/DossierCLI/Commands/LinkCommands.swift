import ArgumentParser
import DossierCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct AddLinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-link",
        abstract: "Voeg een link toe aan een relatie of activiteit: een webadres of een bestand, met een omschrijving.",
        discussion: """
        Voorbeelden:
          dossier add-link taizhou --path /mnt/gedeeld/B-en-W/besluit-2025-01.pdf \\
              --label "Besluit B&W laag pitje"
          dossier add-link "Campusbeurs HAN" --url https://www.han.nl/campusbeurs \\
              --label Uitnodiging
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De relatie of activiteit (id of naam).", valueName: "id of naam"))
    var id: String

    @Option(help: ArgumentHelp("Webadres (https://…, mailto:…, file:…).", valueName: "adres"))
    var url: String?

    @Option(help: ArgumentHelp("Pad naar een bestand.", valueName: "pad"))
    var path: String?

    @Option(help: ArgumentHelp("Omschrijving (verplicht).", valueName: "tekst"), transform: ArgumentValues.line)
    var label: String

    func run() throws {
        let target: LinkTarget
        var missing: String?
        switch (url, path) {
        case let (url?, nil): target = try ArgumentValues.parse(url, option: "--url", LinkTarget.readURL)
        case let (nil, path?):
            // A relative path is read from where the command was typed, as any command does; stored whole, it opens from anywhere.
            let typed = try ArgumentValues.parse(path, option: "--path", LinkTarget.readPath).text
            let whole = FilePath.absolute(typed, from: FileManager.default.currentDirectoryPath)
            target = .path(whole)
            if !FileManager.default.fileExists(atPath: FilePath.expandingHome(whole, home: ProcessInfo.processInfo.environment["HOME"])) {
                // No such file, and it reads as a web address without https:// (www.…, host.nl/…): that is what was meant.
                if LinkTarget.isWebAddressWithoutScheme(typed) {
                    throw ValidationError("--path: '\(typed)' is geen bestand hier maar lijkt een webadres; bedoelde u --url https://\(typed)?")
                }
                missing = whole
            }
        default: throw ValidationError("geef óf --url óf --path")
        }
        var double: String?
        let said = try storeOptions.changeSubject(id) { subject, dossier, _ in
            let reference = EntityReference(subject)
            let links = dossier.links(of: reference)
            let link = Link(id: links.newLinkID(for: label), label: label, target: target)
            if let twin = LikelyDouble.link(link.id, among: links + [link], of: subject.name) {
                double = "\(twin); dezelfde? \(storeOptions.command) remove-link \(subject.id) \(link.id) --yes"
            }
            let change = Change.addLink(reference, link)
            return (change, TerminalSafeText.line("\(change.summary(in: dossier)) (\(link.id))"))
        }
        said.map(Output.line)
        if let double, said != nil { Output.error(TerminalSafeText.line("dossier: let op: \(double)")) }
        if let missing, said != nil {
            Output.error(TerminalSafeText.line("dossier: let op: \(missing) bestaat (hier) niet; de link is toch vastgelegd"))
        }
    }
}

struct RemoveLinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-link",
        abstract: "Verwijder een link van een relatie of activiteit (vraagt op een terminal; anders --yes).",
        discussion: "Voorbeeld:\n  dossier remove-link taizhou besluit-b-w-laag-pitje --yes"
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
        let said = try storeOptions.changeSubject(id) { subject, dossier, _ in
            let reference = EntityReference(subject)
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
        said.map(Output.line)
    }
}

private extension EntityReference {
    /// The reference to a record found by name.
    init(_ subject: NameLookup.Subject) {
        switch subject {
        case .relation(let relation): self = .relation(relation.id)
        case .activity(let activity): self = .activity(activity.id)
        }
    }
}
