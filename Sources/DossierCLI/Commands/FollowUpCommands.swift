import ArgumentParser
import DossierCore

struct AddFollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-follow-up",
        abstract: "Voeg een vervolgactie toe aan een activiteit.",
        discussion: "Voorbeeld:\n  dossier add-follow-up \"Campusbeurs HAN\" --what \"Verslag naar B&W\" \\\n      --due 1-4-2027 --owner adviseur"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De activiteit (id of naam).", valueName: "activiteit"))
    var activity: String

    @Option(help: ArgumentHelp("Wat er moet gebeuren (verplicht).", valueName: "tekst"))
    var what: String

    @Option(help: ArgumentHelp("Streefdatum: 1-4-2026, +14 of +2w.", valueName: "datum"))
    var due: String?

    @Option(help: ArgumentHelp("Wie het oppakt.", valueName: "naam"))
    var owner: String?

    func run() throws {
        let due = try self.due.map { try ArgumentValues.storedDate($0, option: "--due") }
        var summary = "", late: String?
        let (_, after, _) = try storeOptions.changeActivity(activity) { activity, dossier in
            // Read as every text field reads them (trimmed, within their limits), as edit-follow-up and the form read them.
            var followUp = FollowUp(text: what, due: due, owner: owner ?? "")
            try FieldArguments.fill(&followUp, with: try FieldArguments.values([("what", what)] + (owner.map { [("owner", $0)] } ?? []),
                                                                            table: FollowUp.fields, in: dossier))
            let change = Change.addFollowUp(activity.id, followUp)
            summary = change.summary(in: dossier)
            late = PastDueDate.notice(for: change, today: Session.clock.today(), dates: Session.dates)
            return change
        }
        Output.line(TerminalSafeText.line("\(summary) (nummer \(after.followUps.count))"))
        if let late {
            Output.error(TerminalSafeText.line("dossier: let op: \(late); anders bedoeld? \(storeOptions.command) edit-follow-up \(after.id) \(after.followUps.count) --due …"))
        }
        if let double = LikelyDouble.followUp(at: after.followUps.count - 1, of: after) {
            Output.error(TerminalSafeText.line("dossier: let op: \(double); dezelfde? \(storeOptions.command) remove-follow-up \(after.id) \(after.followUps.count) --yes"))
        }
    }
}

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Vink een vervolgactie af (of heropen haar met --reopen).",
        discussion: """
        De vervolgactie bij nummer (zoals dossier show haar toont) of bij (het begin van) haar omschrijving.
        Voorbeelden:
          dossier done "Campusbeurs HAN" 1
          dossier done campusbeurs-han "verslag naar"
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De activiteit (id of naam).", valueName: "activiteit"))
    var activity: String

    @Argument(help: ArgumentHelp("Nummer of omschrijving van de vervolgactie.", valueName: "vervolgactie"))
    var followUp: String

    @Flag(help: "Weer openzetten in plaats van afvinken.")
    var reopen = false

    func run() throws {
        var summary = ""
        _ = try storeOptions.changeActivity(activity) { activity, dossier in
            let index = try Self.position(of: followUp, in: activity)
            guard activity.followUps[index].isDone == reopen else {
                // Ticking off what is ticked off already would log it twice.
                summary = "Niets gewijzigd: vervolgactie \(index + 1) bij \(activity.title) is al \(reopen ? "open" : "afgevinkt")."
                return nil
            }
            let change = Change.setFollowUpDone(activity.id, index: index, isDone: !reopen, seen: FollowUpPlace(index, in: activity.followUps))
            summary = change.summary(in: dossier)
            return change
        }
        Output.line(TerminalSafeText.line(summary))
    }

    /// A follow-up by its number (from 1) or by its text, or the start of it, ignoring case and accents.
    static func position(of text: String, in activity: Activity) throws -> Int {
        let listed = activity.followUps.enumerated().map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "; ")
        if let number = Int(text) {
            // Compared before subtracting: a number typed as -9223372036854775808 must not overflow.
            guard number >= 1 && number <= activity.followUps.count else {
                throw failure("'\(activity.title)' heeft geen vervolgactie \(number)" + (listed.isEmpty ? " (nog geen vervolgacties)" : "; er zijn: \(listed)"),
                              code: ExitStatus.dataError)
            }
            return number - 1
        }
        let wanted = SearchText.fold(text)
        let exact = activity.followUps.indices.filter { SearchText.fold(activity.followUps[$0].text) == wanted }
        let matches = exact.isEmpty ? activity.followUps.indices.filter { SearchText.fold(activity.followUps[$0].text).hasPrefix(wanted) } : exact
        if matches.count == 1 { return matches[0] }
        let candidates = (matches.isEmpty ? Array(activity.followUps.indices) : matches).map { "\($0 + 1). \(activity.followUps[$0].text)" }
        let problem = matches.isEmpty ? "'\(activity.title)' heeft geen vervolgactie '\(text)'" : "'\(text)' past bij meer dan één vervolgactie"
        throw failure(candidates.isEmpty ? problem : "\(problem); bedoelde u \(NameLookup.alternatives(candidates))? Gebruik het nummer",
                      code: ExitStatus.dataError)
    }
}

struct EditFollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit-follow-up",
        abstract: "Wijzig een vervolgactie: dossier edit-follow-up ACTIVITEIT VERVOLGACTIE --VELD WAARDE …",
        discussion: """
        De vervolgactie bij nummer (zoals dossier show haar toont) of bij (het begin van) haar omschrijving.
        Voorbeeld:
          dossier edit-follow-up "Campusbeurs HAN" 1 --due 15-4-2027 --owner Kees

        Velden:
        \(FieldArguments.help(FollowUp.fields))
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De activiteit (id of naam).", valueName: "activiteit"))
    var activity: String

    @Argument(help: ArgumentHelp("Nummer of omschrijving van de vervolgactie.", valueName: "vervolgactie"))
    var followUp: String

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("De velden: --VELD WAARDE.", valueName: "--veld waarde"))
    var fields: [String] = []

    func run() throws {
        let pairs = try FieldArguments.pairs(fields)
        guard !pairs.isEmpty else { throw ValidationError("noem minstens één veld, zoals --due … (zie dossier edit-follow-up --help)") }
        // Said before the follow-up is looked up: it is the command that is wrong, whatever the activity holds.
        if pairs.contains(where: { $0.option == "done" }) {
            throw ValidationError("--done: afvinken doet \(storeOptions.command) done \(ShellWord.quoted(activity)) \(ShellWord.quoted(followUp)) "
                                  + "(heropenen: met --reopen)")
        }
        var report = "", late: String?
        _ = try storeOptions.changeActivity(activity) { activity, dossier in
            let index = try DoneCommand.position(of: followUp, in: activity)
            let current = activity.followUps[index]
            let values = try FieldArguments.values(pairs, table: FollowUp.fields, in: dossier)
            let edits = FieldArguments.edits(values, of: current)
            guard !edits.isEmpty else {
                report = TerminalSafeText.line("Niets gewijzigd: vervolgactie \(index + 1) bij \(activity.title) had die waarden al.")
                return nil
            }
            guard let place = FollowUpPlace(index, in: activity.followUps) else { return nil }
            let change = Change.editFollowUp(activity.id, place, edits)
            report = change.described(in: dossier).joined(separator: "\n")
            late = PastDueDate.notice(for: change, today: Session.clock.today(), dates: Session.dates)
            return change
        }
        Output.line(report)
        if let late { Output.error(TerminalSafeText.line("dossier: let op: \(late)")) }
    }
}

struct RemoveFollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-follow-up",
        abstract: "Verwijder een vervolgactie (vraagt op een terminal; anders --yes). Gedaan? Vink haar af met dossier done.",
        discussion: "Voorbeeld:\n  dossier add-follow-up \"Campusbeurs HAN\" --what \"Stand boeken\"\n  dossier remove-follow-up \"Campusbeurs HAN\" \"stand boeken\" --yes"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De activiteit (id of naam).", valueName: "activiteit"))
    var activity: String

    @Argument(help: ArgumentHelp("Nummer of omschrijving van de vervolgactie.", valueName: "vervolgactie"))
    var followUp: String

    @Flag(help: "Niet om bevestiging vragen.")
    var yes = false

    func run() throws {
        // Asked once, also when the change is made on the whole dossier after all.
        var confirmed: Bool?
        var summary = ""
        var later = 0
        _ = try storeOptions.changeActivity(activity) { activity, dossier in
            let index = try DoneCommand.position(of: followUp, in: activity)
            let seen = activity.followUps[index]
            if confirmed == nil {
                confirmed = try RemovalConfirmation.ask("Vervolgactie \(index + 1) bij \(activity.title) verwijderen: \(seen.text)?", confirmedByFlag: yes)
            }
            guard confirmed == true else { return nil }
            guard let place = FollowUpPlace(index, in: activity.followUps) else { return nil }
            let change = Change.removeFollowUp(activity.id, place)
            summary = change.summary(in: dossier)
            later = activity.followUps.count - index - 1
            return change
        }
        guard confirmed == true else { return }
        // The numbers are places in the list: a script that goes on with `done ACT N` must know they moved.
        let moved = later == 0 ? "" : later == 1 ? " (de vervolgactie erna heeft nu een nummer lager)" : " (de \(later) erna hebben nu elk een nummer lager)"
        Output.line(TerminalSafeText.line(summary + moved))
    }
}
