import ArgumentParser
import DossierCore

struct LogVisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log-visit",
        abstract: "Leg een delegatiebezoek vast (inkomend of uitgaand).",
        discussion: """
        Lijsten (gastheren, ondernemers) mogen herhaald worden of met komma's gescheiden; een herhaald --programme \
        komt er met een puntkomma achter. \
        Een vervolgactie is "omschrijving" of "omschrijving @ datum".
        Voorbeeld:
          dossier log-visit --relation pivot-park --date 12-3-2025 \\
              --direction inkomend --delegation "Medicon Valley Alliance" \\
              --hosts "burgemeester Buijs" --programme "Pivot Park" --cost 450
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: [.customLong("relation"), .customLong("relations")], help: ArgumentHelp("Betrokken relatie (id of naam); verplicht, mag vaker.", valueName: "id"))
    var relations: [String]

    @Option(help: ArgumentHelp("Wie organiseert: gemeente, of de id of naam van een partner wiens delegatie of missie het is (zoals bom).", valueName: "id"))
    var organiser: String = Organiser.municipalitySlug

    @Option(name: [.customLong("date"), .customLong("start-date")], help: ArgumentHelp("Datum van het bezoek: 12-3-2025, gisteren of 'vorige vrijdag'.", valueName: "datum"))
    var date: String

    @Option(name: .customLong("end-date"), help: ArgumentHelp("Laatste dag, bij een meerdaags bezoek (ook morgen, of +2: twee dagen na vandaag).", valueName: "datum"))
    var endDate: String?

    @Option(help: ArgumentHelp("inkomend of uitgaand.", valueName: "richting"))
    var direction: String

    @Option(help: ArgumentHelp("Waar de delegatie vandaan komt (inkomend) of heen gaat (uitgaand).", valueName: "tekst"))
    var delegation: String

    @Option(name: [.customLong("country"), .customLong("countries")], help: ArgumentHelp("Land waar de delegatie vandaan komt of de missie heen gaat (Nederlandse naam of code); mag vaker. Zonder: de landen van de relaties buiten Nederland; \"\": geen.", valueName: "land"))
    var countries: [String] = []

    @Option(name: .customLong("budget-line"), help: ArgumentHelp("Budgetregel die betaalt: internationalisering (standaard), global-goals-platform-oss, of geen.", valueName: "id|geen"))
    var budgetLine: String?

    @Option(name: .customLong("led-by"), help: ArgumentHelp("Wie de delegatie leidt.", valueName: "naam"))
    var ledBy: String?

    @Option(help: ArgumentHelp("Aantal personen in de delegatie.", valueName: "aantal"))
    var size: String?

    @Option(help: ArgumentHelp("Gastheren en gastvrouwen.", valueName: "namen"))
    var hosts: [String] = []

    // Also --ondernemers, the name `dossier edit` gives the field.
    @Option(name: [.customLong("entrepreneurs"), .customLong("ondernemers")], help: ArgumentHelp("Aanwezige ondernemers.", valueName: "namen"))
    var entrepreneurs: [String] = []

    @Option(help: ArgumentHelp("Het programma, zoals getypt: \"Rondleiding Pivot Park, lunch met Organon\"; mag vaker.", valueName: "tekst"))
    var programme: [String] = []

    @Option(help: ArgumentHelp("Kosten in euro: 450, 1.250 of 1.250,50.", valueName: "bedrag"))
    var cost: String?

    @Option(help: ArgumentHelp("Toelichting.", valueName: "tekst"))
    var notes: String?

    @Option(name: .customLong("follow-up"), help: ArgumentHelp("Vervolgactie, \"omschrijving @ datum\"; mag vaker.", valueName: "actie"))
    var followUps: [String] = []

    @Option(help: ArgumentHelp("Titel; standaard \"Delegatie uit …\" of \"Missie naar …\".", valueName: "tekst"))
    var title: String?

    @Option(help: ArgumentHelp("Wie het bezoek goedkeurde (een besluit van B&W of een mandaat). Een bezoek in de toekomst is dan gepland, zonder in afweging; bij een bezoek dat al plaatsvond wordt het besluit bewaard.", valueName: "besluit"), transform: ArgumentValues.line)
    var decision: String?

    @Option(name: .customLong("override-reason"),
            help: ArgumentHelp("Al goedgekeurd terwijl het Kader het bezoek negatief maakt (laag pitje, buiten Europa buiten de focus, past niet in het budget): waarom toch.", valueName: "tekst"), transform: ArgumentValues.line)
    var overrideReason: String?

    func run() throws {
        hintApprovalOptions(overrideReason: overrideReason, decision: decision)
        let direction = try ArgumentValues.vocabulary(self.direction, VisitDirection.self, option: "--direction")
        let date = try ArgumentValues.storedDate(self.date, option: "--date")
        let endDate = try self.endDate.map { try ArgumentValues.storedDate($0, option: "--end-date", yearless: .nearStart(date)) }
        let cost = try self.cost.map { try ArgumentValues.money($0, option: "--cost") }
        let followUps = try self.followUps.map { try FollowUpArgument.read($0) }
        if overrideReason != nil && decision == nil {
            throw ValidationError("--override-reason: de reden om af te wijken hoort bij een goedkeuring; geef ook --decision")
        }
        let size = try self.size.map { text in
            try ArgumentValues.parse(text, option: "--size", DelegationSize.read)
        }
        // Given, even as "": what was given; not given at all: the relations' countries.
        let countries = self.countries.isEmpty ? nil : try ArgumentValues.countries(self.countries, option: "--country")
        var countriesNotice: String?
        let (activity, firstLook, isActivity) = try storeOptions.addActivity { dossier, newID in
            let budgetLine = try ArgumentValues.budgetLine(self.budgetLine, in: dossier, option: "--budget-line")
            let relationIDs = try Lookup.relationIDs(relations, in: dossier)
            let chosen: [Country]
            (chosen, countriesNotice) = ArgumentValues.countries(given: countries, relations: relationIDs.compactMap(dossier.relation))
            // Each text as the visit form holds it (a line break in a line a space, in a list a new item).
            func line(_ text: String?) -> String { ArgumentValues.line(text ?? "") }
            let draft = VisitDraft(title: line(title), relations: relationIDs, date: date, endDate: endDate,
                                   direction: direction, delegationFrom: line(delegation), ledBy: line(ledBy), size: size,
                                   hosts: ListText.split(ArgumentValues.list(hosts)),
                                   programme: programme.map(line).filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "; "),
                                   entrepreneurs: ListText.participants(ArgumentValues.list(entrepreneurs).joined(separator: ", "), role: .ondernemer),
                                   countries: chosen, budgetLine: budgetLine, cost: cost, notes: TypedText.fitted(notes ?? "", to: .longText),
                                   followUps: followUps)
            var activity = draft.newActivity(today: Session.clock.today(), approvedBy: decision, overrideReason: overrideReason, newID: newID)
            activity.organiser = try Lookup.organiser(organiser, in: dossier)
            return activity
        }
        Output.line(TerminalSafeText.line("Bezoek vastgelegd: \(activity.title) op \(Session.dates.period(date, activity.endDate)) [\(activity.status.label)] (\(activity.id))"))
        if let countriesNotice { Output.line(TerminalSafeText.line(countriesNotice)) }
        if let late = PastDueDate.notice(for: .addActivity(activity), today: Session.clock.today(), dates: Session.dates) {
            Output.error(TerminalSafeText.line("dossier: let op: \(late)"))
        }
        if let double = LikelyDouble.visit(activity, isActivity: isActivity, dates: Session.dates) {
            Output.error(TerminalSafeText.line("dossier: let op: \(double); per ongeluk twee keer? \(storeOptions.command) delete \(activity.id) --yes"))
        }
        for line in firstLook { Output.paragraph(TerminalSafeText.line(line)) }
    }
}

/// "omschrijving @ datum" → a follow-up. The date comes after the last @ that stands apart or before a digit: the
/// @ of an e-mail address in the description ("verslag naar j.jansen@oss.nl @ 1-4-2027") is part of the text.
enum FollowUpArgument {
    static func read(_ typed: String) throws -> FollowUp {
        let text = ArgumentValues.line(typed)
        var description = text.trimmingSpacesAndTabs(), due: CalendarDate?
        if let at = text.lastIndex(of: "@") {
            let before = text[..<at], after = String(text[text.index(after: at)...]).trimmingSpacesAndTabs()
            if before.last?.isWhitespace ?? true || after.first?.isNumber == true {
                description = String(before).trimmingSpacesAndTabs()
                due = try ArgumentValues.storedDate(after, option: "--follow-up")
            }
        }
        guard !description.isEmpty else {
            throw ValidationError("--follow-up: geef een omschrijving")
        }
        return FollowUp(text: description, due: due)
    }
}

extension String {
    func trimmingSpacesAndTabs() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
