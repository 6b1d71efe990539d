import ArgumentParser
import DossierCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporteer naar CSV (Excel), iCalendar (Outlook) of JSON.",
        discussion: """
        CSV (RFC 4180, UTF-8): --what relations, activities, contacts of gesprekspartners (de mensen met wie het \
        Kader is besproken: naam, organisatie, rol, e-mail). --excel schrijft puntkomma's en een byte-order mark (het teken waaraan Excel UTF-8 herkent), zoals \
        Nederlandse Excel het verwacht. De activiteiten-CSV kan na bewerken terug met dossier import activities.
        iCalendar (RFC 5545): geplande activiteiten en delegatiebezoeken, de streefdatums van vervolgacties en de \
        herijkingsdatums van relaties op een laag pitje, alles als gebeurtenis van een hele dag (Outlook laat taken bij \
        het importeren weg); alles houdt zijn UID, zodat opnieuw \
        importeren in Outlook bijwerkt in plaats van verdubbelt. Over een eerdere export heen (-o met dezelfde naam) gaat \
        wat die nog had en nu wegvalt (verwijderd, zonder datum, niet meer goedgekeurd) als geannuleerd mee, zodat de \
        agenda het als geannuleerd ziet.
        JSON: het hele dossier in het bestandsformaat, zonder e-mailadressen en telefoonnummers van contactpersonen \
        tenzij --contact-details. Die staan wel in --what contacts en gesprekspartners: daar vraagt u erom. Namen, \
        rollen en toelichtingen staan in elke export: ook dat zijn persoonsgegevens (docs/privacy.md).
        Voorbeelden:
          dossier export --format csv --what activities --excel -o activiteiten.csv
          dossier export --format ics -o agenda.ics
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("csv, ics of json; zonder --format: wat de naam na -o zegt (.csv, .ics), csv bij --what of --excel, anders json.", valueName: "formaat"))
    var format: String?

    @Option(help: ArgumentHelp("Bij csv: relations, activities, contacts of gesprekspartners (ook relaties, activiteiten, contactpersonen).", valueName: "wat"), transform: ArgumentValues.exchangeKind)
    var what: String?

    @Flag(help: "CSV zoals Nederlandse Excel die verwacht: puntkomma's en een byte-order mark (zodat Excel de accenten goed leest).")
    var excel = false

    @Flag(name: .customLong("contact-details"), help: "Bij json: met e-mailadressen en telefoonnummers van contactpersonen.")
    var contactDetails = false

    @Option(name: .customShort("o"), help: ArgumentHelp("Schrijf naar dit bestand in plaats van naar de standaarduitvoer.", valueName: "pad"))
    var output: String?

    /// The format asked for, or the one the other options and the file name can only mean: `--what activities -o
    /// acts.csv` is a CSV, `-o agenda.ics` a calendar; a name no format of export has (`-o acts.xlsx`) is refused.
    private func chosenFormat() throws -> String {
        try OutputFile.format(asked: format, output: output, formats: ["csv": "CSV", "ics": "iCalendar", "json": "JSON"],
                              fallback: what != nil || excel ? "csv" : "json", settled: what != nil || excel, command: "export",
                              sparing: try? storeOptions.location)
    }

    func validate() throws {
        let format = try chosenFormat()
        guard ["csv", "ics", "json"].contains(format) else { throw ValidationError("--format: kies csv, ics of json") }
        // The name after -o says one format, --what or --excel another: which was meant is not for this program to guess.
        if self.format == nil, format != "csv", what != nil || excel, let output {
            throw ValidationError("-o \(output) is een naam voor \(format == "ics" ? "iCalendar" : "JSON"), maar \(what != nil ? "--what" : "--excel") "
                                  + "hoort bij CSV; geef --format csv, of een naam op .csv")
        }
        if format == "csv" {
            let kinds = ["relations", "activities", "contacts", "gesprekspartners"]
            guard let what, kinds.contains(what) else {
                let guess = what.flatMap { Spelling.closest(to: $0, in: kinds) }.map { "bedoelde u '\($0)'? Kies uit " } ?? "kies "
                throw ValidationError("--what: \(guess)relations, activities, contacts of gesprekspartners")
            }
        } else if what != nil {
            throw ValidationError("--what hoort bij --format csv")
        }
        if excel && format != "csv" { throw ValidationError("--excel hoort bij --format csv") }
        if contactDetails && format != "json" { throw ValidationError("--contact-details hoort bij --format json") }
    }

    func run() throws {
        let (_, dossier) = try storeOptions.openForReading()
        let format = try chosenFormat()
        let csvFormat: CSVFormat = excel ? .dutchExcel : .standard
        let bytes: [UInt8]
        switch (format, what) {
        case ("csv", "relations"?): bytes = CSV.encode(RelationTable.rows(dossier, today: Session.clock.today()), format: csvFormat)
        case ("csv", "activities"?):
            bytes = CSV.encode(ActivityTable.rows(ActivityQuery.sortedChronologically(dossier.activities), in: dossier), format: csvFormat)
        case ("csv", "contacts"?): bytes = CSV.encode(ContactTable.rows(dossier, consultedOnly: false), format: csvFormat)
        case ("csv", _): bytes = CSV.encode(ContactTable.rows(dossier, consultedOnly: true), format: csvFormat)
        case ("ics", _):
            // The export this one replaces: what it held and this one lacks goes out as cancelled.
            let previous = output.flatMap { $0 == "-" ? nil : OutputFile.previousContents(of: $0) }
            if let output, let previous, ICalendar.isOtherProgramsCalendar(previous) {
                throw failure("-o \(output) is een agenda van een ander programma, geen eerdere export van dossier; de export zou die vervangen. "
                              + "Kies een ander bestand, en importeer dat in de agenda", code: ExitStatus.usage)
            }
            bytes = ICalendar.encode(dossier, now: Session.clock.now(), previous: previous)
        default: bytes = (contactDetails ? dossier : dossier.withoutContactDetails()).detachedFromItsLog().encoded()
        }
        try OutputFile.write(bytes, to: output, sparing: try storeOptions.location)
    }
}
