import ArgumentParser
import DossierCore

struct AddContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-contact",
        abstract: "Voeg een contactpersoon toe aan een relatie, of aan de gemeente zelf (gemeente).",
        discussion: """
        E-mail en telefoon worden op hun vorm gecontroleerd. Contactpersonen zijn persoonsgegevens.
        Voorbeelden:
          dossier add-contact BOM --name "Sanne de Wit" --role projectleider \\
              --email s.dewit@bom.nl --phone "013 123 45 67" --gesprekspartner
          dossier add-contact gemeente --name "Anne Verhoeven" --role wethouder
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De relatie (id of naam), of gemeente voor de eigen mensen van de gemeente.", valueName: "relatie"))
    var relation: String

    @Option(help: ArgumentHelp("Naam (verplicht).", valueName: "naam"))
    var name: String

    @Option(help: ArgumentHelp("Functie.", valueName: "tekst"))
    var role: String?

    @Option(help: ArgumentHelp("Organisatie.", valueName: "tekst"))
    var organisation: String?

    @Option(help: ArgumentHelp("E-mailadres, zoals naam@organisatie.nl.", valueName: "adres"))
    var email: String?

    @Option(help: ArgumentHelp("Telefoonnummer, zoals 0412 123 456.", valueName: "nummer"))
    var phone: String?

    @Flag(help: "Gesprekspartner bij het Kader (krijgt het vastgestelde Kader toegestuurd).")
    var gesprekspartner = false

    @Option(help: ArgumentHelp("Toelichting.", valueName: "tekst"))
    var notes: String?

    func run() throws {
        var added: (owner: ContactOwner, contact: Contact)?
        let after = try storeOptions.changeContacts(of: relation) { dossier in
            let owner = try Lookup.contactOwner(self.relation, in: dossier)
            let given: [(String, String?)] = [("name", name), ("role", role), ("organisation", organisation), ("email", email), ("phone", phone),
                                              ("gesprekspartner", gesprekspartner ? "ja" : nil), ("notes", notes)]
            let values = try FieldArguments.values(given.compactMap { option, text in text.map { (option, $0) } }, table: Contact.fields, in: dossier)
            var contact = Contact(id: (dossier.contacts(of: owner) ?? []).newContactID(for: name), name: name)
            try FieldArguments.fill(&contact, with: values)
            added = (owner, contact)
            return .addContact(owner, contact)
        }
        guard let (owner, contact) = added else { return }
        Output.line(TerminalSafeText.line("Contactpersoon toegevoegd bij \(after.name(of: owner)): \(contact.name) (\(contact.id))"))
        if let double = LikelyDouble.contact(contact.id, of: owner, in: after) {
            let ownerID = owner.relationID ?? Organiser.municipalitySlug
            Output.error(TerminalSafeText.line("dossier: let op: \(double); dezelfde? \(storeOptions.command) remove-contact \(ownerID) \(contact.id) --yes"))
        }
    }
}

struct EditContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit-contact",
        abstract: "Wijzig velden van een contactpersoon: dossier edit-contact RELATIE CONTACT --VELD WAARDE …",
        discussion: """
        Voorbeeld:
          dossier edit-contact "Pivot Park" "Britta Driessen" \\
              --email b.driessen@pivotpark.nl --gesprekspartner nee

        Velden:
        \(FieldArguments.help(Contact.fields))
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De relatie (id of naam), of gemeente voor de eigen mensen van de gemeente.", valueName: "relatie"))
    var relation: String

    @Argument(help: ArgumentHelp("De contactpersoon (id of naam).", valueName: "contact"))
    var contact: String

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("De velden: --VELD WAARDE.", valueName: "--veld waarde"))
    var fields: [String] = []

    func run() throws {
        let pairs = try FieldArguments.pairs(fields)
        guard !pairs.isEmpty else { throw ValidationError("noem minstens één veld, zoals --email … (zie dossier edit-contact --help)") }
        var report = ""
        _ = try storeOptions.changeContacts(of: relation) { dossier in
            let owner = try Lookup.contactOwner(self.relation, in: dossier)
            let contact = try Lookup.contact(self.contact, of: owner, in: dossier)
            let values = try FieldArguments.values(pairs, table: Contact.fields, in: dossier)
            let edits = FieldArguments.edits(values, of: contact)
            guard !edits.isEmpty else {
                report = TerminalSafeText.line("Niets gewijzigd: \(contact.name) had die waarden al.")
                return nil
            }
            let change = Change.editContact(owner, contact.id, edits)
            report = change.described(in: dossier).joined(separator: "\n")
            return change
        }
        Output.line(report)
    }
}

struct RemoveContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-contact",
        abstract: "Verwijder een contactpersoon van een relatie of van de gemeente zelf (vraagt op een terminal; anders --yes).",
        discussion: "Voorbeelden:\n  dossier remove-contact \"Pivot Park\" britta-driessen --yes\n  dossier remove-contact gemeente \"Anne Verhoeven\""
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De relatie (id of naam), of gemeente voor de eigen mensen van de gemeente.", valueName: "relatie"))
    var relation: String

    @Argument(help: ArgumentHelp("De contactpersoon (id of naam).", valueName: "contact"))
    var contact: String

    @Flag(help: "Niet om bevestiging vragen.")
    var yes = false

    func run() throws {
        // Asked once, also when the change is made on the whole dossier after all.
        var confirmed: Bool?
        var summary = ""
        var seen = SeenRecords()
        _ = try storeOptions.changeContacts(of: relation, seen: { seen }) { dossier in
            let owner = try Lookup.contactOwner(self.relation, in: dossier)
            let contact = try Lookup.contact(self.contact, of: owner, in: dossier)
            if confirmed == nil {
                seen = SeenRecords(contacts: [.init(owner: owner, contact: contact)])
                confirmed = try RemovalConfirmation.ask("Contactpersoon \(contact.name) bij \(dossier.name(of: owner)) verwijderen?", confirmedByFlag: yes)
            }
            guard confirmed == true else { return nil }
            let change = Change.removeContact(owner, contact.id)
            summary = change.summary(in: dossier)
            return change
        }
        guard confirmed == true else { return }
        Output.line(TerminalSafeText.line(summary))
    }
}
