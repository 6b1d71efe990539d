import ArgumentParser
import DossierCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Zet een activiteit een stap verder in haar levenscyclus.",
        discussion: """
        idee → in-afweging → goedgekeurd | afgewezen; goedgekeurd → gepland → uitgevoerd → geevalueerd \
        (van goedgekeurd meteen naar uitgevoerd gaat via gepland, beide stappen in de geschiedenis); \
        geannuleerd kan tot en met gepland; annuleren en afwijzen vragen waarom (--reason). Goedkeuren legt vast wie besloot (--decision). Uitgevoerd kan pas \
        vanaf de begindatum en vraagt de werkelijke kosten (--actual-cost; op een terminal gevraagd, met de \
        raming als voorstel; anders geldt de raming); met --outcomes legt u meteen vast wat ze opleverde. Bij geannuleerd \
        geeft --actual-cost wat toch betaald is (tickets, inschrijfgeld); het budget telt dat als besteed (ook werkelijke \
        kosten die er al stonden; --actual-cost 0 als er niets betaald is).
        Voorbeelden:
          dossier move handelsmissie-medicon-valley in-afweging \\
              --reason "voorgelegd aan de wethouder"
          dossier move handelsmissie-medicon-valley goedgekeurd \\
              --decision "Besluit B&W 3 maart 2027"
          dossier move handelsmissie-medicon-valley gepland
          dossier move handelsmissie-medicon-valley uitgevoerd --actual-cost 2.340 \\
              --outcomes "Twee bedrijven in gesprek met Novo Nordisk"
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van de activiteit (hoofdletters en accenten tellen niet).", valueName: "id of naam"))
    var id: String

    @Argument(help: ArgumentHelp("De nieuwe status (\(ActivityStatus.allowedList)).", valueName: "status"))
    var status: String

    @Option(help: ArgumentHelp("Toelichting bij de stap; bij afgewezen en geannuleerd verplicht.", valueName: "tekst"), transform: ArgumentValues.line)
    var reason: String = ""

    @Option(help: ArgumentHelp("Bij goedkeuren: wie besloot (een besluit van B&W of een mandaat).", valueName: "besluit"), transform: ArgumentValues.line)
    var decision: String?

    @Option(name: .customLong("override-reason"), help: ArgumentHelp("Waarom goedgekeurd wordt ondanks een negatieve afweging, of kosten die niet in het budget passen.", valueName: "tekst"), transform: ArgumentValues.line)
    var overrideReason: String?

    @Option(name: .customLong("actual-cost"), help: ArgumentHelp("Bij uitgevoerd: de werkelijke kosten in euro; bij geannuleerd: wat toch betaald is.", valueName: "bedrag"))
    var actualCost: String?

    @Option(help: ArgumentHelp("Bij uitgevoerd of geevalueerd: wat de activiteit opleverde (de resultaten; vervangt wat er stond).", valueName: "tekst"), transform: ArgumentValues.longText)
    var outcomes: String?

    func run() throws {
        hintApprovalOptions(overrideReason: overrideReason, decision: decision)
        refusalOptions["reason"] = "geef die met --reason"
        let status = try ArgumentValues.vocabulary(self.status, ActivityStatus.self, option: "status")
        if outcomes != nil && status != .uitgevoerd && status != .geevalueerd {
            throw ValidationError("--outcomes: alleen bij uitgevoerd of geevalueerd; anders: dossier edit ID --outcomes …")
        }
        var actual = try self.actualCost.map { try ArgumentValues.money($0, option: "--actual-cost") }
        // The status seen, and the cost asked, once: also when the change is made on the whole dossier after all
        // (someone else wrote while the question waited), which then says the status changed meanwhile.
        var seen: ActivityStatus?
        // Approving weighs the cost against the budget of all activities; carrying out weighs an actual cost above the estimate,
        // cancelling what was paid all the same.
        var warnings: [String] = []
        let (before, activity, _) = try storeOptions.changeActivity(id, withBudget: status == .goedgekeurd || status.hasActualCost) { before, dossier, ledger in
            if seen == nil && status == .uitgevoerd && actual == nil && isatty(STDIN_FILENO) == 1 && before.status.steps(to: .uitgevoerd) != nil {
                actual = try askActualCost(proposing: before.actualCost ?? before.estimatedCost)
            }
            seen = seen ?? before.status
            var seenActivity = before
            seenActivity.status = seen ?? before.status
            if status.hasActualCost {
                var after = before
                after.status = status
                after.actualCost = actual ?? before.actualCost
                warnings = ApprovedEditWarnings.of(before, after, in: dossier, ledger: ledger).map { "Let op: \($0)." }
            }
            var edits: [FieldEdit] = []
            if let outcomes {
                // Read by the outcomes field's one parser; set first, then the step: one change, undone as one.
                let field = Activity.fields.field("outcomes")!
                let value: FieldValue
                do throws(ValueError) { value = try field.parse(outcomes, in: dossier, today: Session.clock.today()) } catch {
                    throw ValidationError("--outcomes: \(error.message)")
                }
                edits = Activity.fields.edit(field.key, to: value, in: before).map { [$0] } ?? []
            }
            // From goedgekeurd to uitgevoerd: planned and carried out at once (ActivityStep), the status seen as it was asked.
            return ActivityStep(seenActivity, to: status, reason: reason, overrideReason: overrideReason, decision: decision, actualCost: actual,
                                edits: edits).change
        }
        Output.line(TerminalSafeText.line(ActivityStep(before, to: activity.status, reason: reason).summary))
        if let decision = activity.statusHistory.last?.decision { Output.line(TerminalSafeText.line("Besluit: \(decision)")) }
        if let notice = UnweighedApproval.notice(activity, from: before.status, to: status, settingAside: overrideReason != nil,
                                                 weighWith: "\(storeOptions.command) assess \(activity.id)") { Output.paragraph(TerminalSafeText.line(notice)) }
        if let notice = OpenFollowUps.notice(activity, to: status, tickOff: { "\(storeOptions.command) done \(activity.id) \($0)" }) { Output.paragraph(TerminalSafeText.line(notice)) }
        if status == .uitgevoerd {
            if let cost = activity.actualCost {
                Output.line("Werkelijke kosten: \(cost.formatted)")
            } else if let estimate = activity.estimatedCost {
                Output.line("Werkelijke kosten niet opgegeven: het budget telt de raming (\(estimate.formatted)); geef ze met --actual-cost.")
            }
            for warning in warnings { Output.line(TerminalSafeText.line(warning)) }
        } else if status == .geannuleerd {
            // An actual cost given before (or now) is what was paid all the same: said, since the budget counts it as spent.
            if let said = ActivityStep.cancelledCost(before: before.actualCost, after: activity.actualCost) {
                let paid = activity.actualCost.map { $0.cents > 0 } ?? false
                Output.line(said + (paid && actual == nil ? " (was niets betaald: --actual-cost 0)." : "."))
            }
            for warning in warnings { Output.line(TerminalSafeText.line(warning)) }
        }
        if outcomes != nil && activity.outcomes != before.outcomes { Output.line("Resultaten vastgelegd.") }
    }

    /// On a terminal: the actual cost, with the estimate (or an earlier actual cost) as the proposal.
    private func askActualCost(proposing proposal: Money?) throws -> Money? {
        while true {
            Output.prompt("Werkelijke kosten in euro\(proposal.map { " [\($0.fieldText)]" } ?? ""): ")
            guard let line = readLine() else { return proposal }
            let typed = line.trimmingSpaces()
            if typed.isEmpty { return proposal }
            do {
                return try Money.read(typed)
            } catch {
                Output.line("  \(error.message)")
            }
        }
    }
}
