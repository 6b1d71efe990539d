import ArgumentParser
import DossierCore

struct AddActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-activity",
        abstract: "Voeg een activiteit toe (een handelsmissie, beurs, kennisuitwisseling …).",
        discussion: """
        Voorbeeld:
          dossier add-activity --title "Handelsmissie Medicon Valley" \\
              --kind handelsmissie --relation medicon-valley --organiser bom \\
              --date 2027-05-18 --cost 2.500 --sector farma
        Een delegatiebezoek legt u vast met log-visit.
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Titel.", valueName: "tekst"))
    var title: String

    @Option(help: ArgumentHelp("Soort (\(ActivityKind.allCases.filter { $0 != .delegatiebezoek }.map(\.rawValue).joined(separator: ", "))).", valueName: "soort"))
    var kind: String

    @Option(name: [.customLong("relation"), .customLong("relations")], help: ArgumentHelp("Betrokken relatie (id of naam); mag vaker.", valueName: "id"))
    var relations: [String] = []

    @Option(help: ArgumentHelp("Wie organiseert: gemeente, of de id of naam van een partner (zoals bom of NL in Business).", valueName: "id"))
    var organiser: String = Organiser.municipalitySlug

    @Option(name: [.customLong("date"), .customLong("start-date")], help: ArgumentHelp("Begindatum: 12-3-2027, 12 maart, +3w of vrijdag.", valueName: "datum"))
    var date: String?

    @Option(name: .customLong("end-date"), help: ArgumentHelp("Einddatum.", valueName: "datum"))
    var endDate: String?

    @Option(name: [.customLong("country"), .customLong("countries")], help: ArgumentHelp("Land waar de activiteit heen gaat (Nederlandse naam of code, zoals Duitsland of DE); mag vaker. Zonder: de landen van de relaties buiten Nederland; \"\": geen.", valueName: "land"))
    var countries: [String] = []

    @Option(name: .customLong("budget-line"), help: ArgumentHelp("Budgetregel die betaalt: internationalisering (standaard), global-goals-platform-oss, of geen (een partner betaalt).", valueName: "id|geen"))
    var budgetLine: String?

    @Option(help: ArgumentHelp("Beginstatus (goedgekeurd of gepland alleen met --decision; afgewezen en geannuleerd zijn een stap met reden: dossier move).", valueName: "status"))
    var status: String = ActivityStatus.idee.rawValue

    @Option(help: ArgumentHelp("Is ze al goedgekeurd (of uitgevoerd): wie besloot (een besluit van B&W of een mandaat).", valueName: "besluit"), transform: ArgumentValues.line)
    var decision: String?

    @Option(name: .customLong("override-reason"),
            help: ArgumentHelp("Al goedgekeurd terwijl het Kader haar negatief maakt (laag pitje, buiten Europa buiten de focus, past niet in het budget): waarom toch.", valueName: "tekst"), transform: ArgumentValues.line)
    var overrideReason: String?

    @Option(name: [.customLong("cost"), .customLong("estimated-cost")], help: ArgumentHelp("Geraamde kosten in euro.", valueName: "bedrag"))
    var cost: String?

    @Option(name: [.customLong("sector"), .customLong("sectors")], help: ArgumentHelp("Sector (\(Sector.allowedList)); mag vaker.", valueName: "sector"))
    var sectors: [String] = []

    // Also --ondernemers, the name `dossier edit` gives the field.
    @Option(name: [.customLong("entrepreneurs"), .customLong("ondernemers")], help: ArgumentHelp("Ondernemers die meegaan of meedoen (bij een economische activiteit steevast uitgenodigd): 'Naam (Organisatie)' "
                               + "mag; gescheiden door komma's, of mag vaker. Andere deelnemers: dossier edit ID --kennisinstellingen …", valueName: "namen"))
    var entrepreneurs: [String] = []

    @Option(help: ArgumentHelp("Toelichting.", valueName: "tekst"))
    var notes: String?

    @Option(help: ArgumentHelp("Eigen id; standaard afgeleid van de titel.", valueName: "id"))
    var id: String?

    func run() throws {
        hintApprovalOptions(overrideReason: overrideReason, decision: decision)
        let kind = try ArgumentValues.vocabulary(self.kind, ActivityKind.self, option: "--kind")
        guard kind != .delegatiebezoek else {
            throw ValidationError("--kind: een delegatiebezoek legt u vast met 'dossier log-visit'")
        }
        let status = try ArgumentValues.vocabulary(self.status, ActivityStatus.self, option: "--status")
        // Carried out already (recorded afterwards): who decided may be said too, and why it went ahead against the Kader.
        if decision != nil && status != .goedgekeurd && status != .gepland && status != .uitgevoerd {
            throw ValidationError("--decision: wie besloot hoort bij een activiteit die al is goedgekeurd; geef ook --status goedgekeurd, gepland of uitgevoerd")
        }
        if overrideReason != nil && decision == nil {
            throw ValidationError("--override-reason: de reden om af te wijken hoort bij een goedkeuring; geef ook --decision en --status goedgekeurd, gepland of uitgevoerd")
        }
        let date = try self.date.map { try ArgumentValues.storedDate($0, option: "--date") }
        let endDate = try self.endDate.map { try ArgumentValues.storedDate($0, option: "--end-date", yearless: date.map { .nearStart($0) } ?? .nearest) }
        let cost = try self.cost.map { try ArgumentValues.money($0, option: "--cost") }
        let sectors = try ListText.split(ArgumentValues.list(self.sectors)).map { try ArgumentValues.vocabulary($0, Sector.self, option: "--sector") }
        // Given, even as "": what was given; not given at all: the relations' countries.
        let countries = self.countries.isEmpty ? nil : try ArgumentValues.countries(self.countries, option: "--country")
        let id = try self.id.map { try ArgumentValues.parse($0, option: "--id", Identifier.read) }
        var countriesNotice: String?
        let (added, firstLook, _) = try storeOptions.addActivity { dossier, newID in
            let budgetLine = try ArgumentValues.budgetLine(self.budgetLine, in: dossier, option: "--budget-line")
            // Title and notes read as every text field reads them (trimmed, within their limits), as add-relation's do.
            let texts = try FieldArguments.values([("title", title)] + (notes.map { [("notes", $0)] } ?? []), table: Activity.fields, in: dossier)
            let title = FieldArguments.text("title", among: texts) ?? self.title
            let relationIDs = try Lookup.relationIDs(relations, in: dossier)
            let chosen: [Country]
            (chosen, countriesNotice) = ArgumentValues.countries(given: countries, relations: relationIDs.compactMap(dossier.relation))
            var activity = Activity(
                id: id ?? newID(title), title: title, kind: kind, status: status,
                relations: relationIDs, organiser: try Lookup.organiser(organiser, in: dossier), startDate: date,
                endDate: endDate, countries: chosen, sectors: sectors, budgetLine: budgetLine, estimatedCost: cost,
                participants: ListText.participants(ArgumentValues.list(entrepreneurs).joined(separator: ", "), role: .ondernemer))
            try FieldArguments.fill(&activity, with: texts)
            if let decision {
                // The first history entry carries who decided; the change path stamps its date and who recorded it.
                activity.statusHistory = [StatusChange(date: Session.clock.today(), from: nil, to: status, reason: "", by: "", decision: decision,
                                                       overrideReason: overrideReason)]
            }
            return activity
        }
        Output.line(TerminalSafeText.line("Activiteit toegevoegd: \(added.title) [\(added.status.label)] (\(added.id))"))
        if let countriesNotice { Output.line(TerminalSafeText.line(countriesNotice)) }
        for line in firstLook { Output.paragraph(TerminalSafeText.line(line)) }
        if let late = PastDueDate.notice(for: .addActivity(added), today: Session.clock.today(), dates: Session.dates) {
            Output.error(TerminalSafeText.line("dossier: let op: \(late) (\(storeOptions.command) move \(ShellWord.quoted(added.id)) …)"))
        }
    }
}
