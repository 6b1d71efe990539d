import ArgumentParser
import DossierCore

struct AddRelationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-relation",
        abstract: "Voeg een relatie toe (een vriendschapsrelatie met een stad, een regio, netwerk, organisatie …).",
        discussion: """
        De naam is uniek (hoofdletters, accenten en leestekens tellen niet); de id wordt de naam in kleine letters, zonder accenten, met streepjes (Øresund Regio: oresund-regio). \
        Binnen of buiten Europa volgt uit het land.
        Voorbeeld:
          dossier add-relation --name "BioValley Basel" --kind regio \\
              --country Zwitserland --places Basel --sectors farma \\
              --source "Economic Board, 12-12-2024"
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Naam (verplicht, uniek).", valueName: "naam"))
    var name: String

    @Option(help: ArgumentHelp("Soort (\(RelationKind.allowedList)).", valueName: "soort"))
    var kind: String

    @Option(help: ArgumentHelp("Beginstatus (\(RelationStatus.allowedList)).", valueName: "status"))
    var status: String = RelationStatus.verkennen.rawValue

    @Option(name: .customLong("review-date"), help: ArgumentHelp("Herijkingsdatum, nodig bij status laag-pitje: 1-1-2027 of +1j.", valueName: "datum"))
    var reviewDate: String?

    @Option(name: [.customLong("country"), .customLong("countries")], help: ArgumentHelp("Land (Nederlandse naam of code); mag vaker of met komma's.", valueName: "land"))
    var countries: [String] = []

    @Option(help: ArgumentHelp("Regio.", valueName: "tekst"))
    var region: String?

    @Option(help: ArgumentHelp("Plaatsen, gescheiden door komma's.", valueName: "plaatsen"))
    var places: String?

    @Option(name: [.customLong("sectors"), .customLong("sector")], help: ArgumentHelp("Sectoren (\(Sector.allowedList)), gescheiden door komma's.", valueName: "sectoren"))
    var sectors: String?

    @Option(help: ArgumentHelp("Motieven (\(Motive.allowedList)), gescheiden door komma's.", valueName: "motieven"))
    var motives: String?

    @Option(help: ArgumentHelp("De relatie waarlangs Oss deelneemt (id of naam).", valueName: "relatie"))
    var via: String?

    @Option(help: ArgumentHelp("Instituten, gescheiden door komma's.", valueName: "namen"))
    var institutes: String?

    @Option(help: ArgumentHelp("Bedrijven, gescheiden door komma's.", valueName: "namen"))
    var companies: String?

    @Option(help: ArgumentHelp("Bron of aanleiding.", valueName: "tekst"))
    var source: String?

    @Option(help: ArgumentHelp("Toelichting.", valueName: "tekst"))
    var notes: String?

    @Option(help: ArgumentHelp("Eigen id; standaard de naam in kleine letters, zonder accenten, met streepjes.", valueName: "id"))
    var id: String?

    func run() throws {
        let status = try ArgumentValues.vocabulary(self.status, RelationStatus.self, option: "--status")
        let reviewDate = try self.reviewDate.map { try ArgumentValues.storedDate($0, option: "--review-date", yearless: .ahead) }
        let id = try self.id.map { try ArgumentValues.parse($0, option: "--id", Identifier.read) }
        let given: [(String, String?)] = [
            ("name", name), ("kind", kind), ("country", countries.isEmpty ? nil : countries.joined(separator: ", ")), ("region", region),
            ("places", places), ("sectors", sectors), ("motives", motives), ("via", via), ("institutes", institutes),
            ("companies", companies), ("source", source), ("notes", notes),
        ]
        var added: Relation?, double: String?
        _ = try storeOptions.addRelation { dossier, newID in
            let values = try FieldArguments.values(given.compactMap { option, text in text.map { (option, $0) } }, table: Relation.fields, in: dossier)
            // The name as the field reads it (trimmed, a line break a space), for the id and the likely double too.
            let name = FieldArguments.text("name", among: values) ?? self.name
            double = LikelyDouble.relation(named: name, among: dossier.relations)
            var relation = Relation(id: id ?? newID(name), name: name, kind: .netwerk, status: status, reviewDate: reviewDate)
            try FieldArguments.fill(&relation, with: values)
            added = relation
            return .addRelation(relation)
        }
        guard let added else { return }
        Output.line(TerminalSafeText.line("Relatie toegevoegd: \(added.name) [\(status.label)] (\(added.id))"))
        if let notice = AssessmentRule.laagPitjeCountryNotice(added) { Output.paragraph(TerminalSafeText.line(notice)) }
        if let double {
            Output.error(TerminalSafeText.line("dossier: let op: \(double); dezelfde? \(storeOptions.command) delete \(added.id) --yes"))
        }
    }
}
