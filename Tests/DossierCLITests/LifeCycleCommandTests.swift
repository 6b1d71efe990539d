import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The Kader's life cycle on the command line: reviews, visits weighed first, who approved, nothing carried
/// out early; every refusal in Dutch, with nothing written.
@Suite("Life cycle on the command line")
struct LifeCycleCommandTests {
    let scratch: ScratchStore
    var directory: TemporaryDirectory { scratch.directory }

    init() throws {
        scratch = try ScratchStore()
    }

    func run(_ arguments: [String]) throws -> ProgramRunner.Result { try scratch.run(arguments) }

    func stored() throws -> Dossier { try scratch.load() }

    @Test("approving an activity the Kader makes negative by rule alone asks the reason to set it aside, also before any weighing")
    func negativeByRuleNeedsOverride() throws {
        let added = try run(["add-activity", "--title", "Missie Osaka", "--kind", "handelsmissie", "--country", "Japan", "--sector", "techniek",
                             "--status", "in-afweging"])
        #expect(added.status == 0 && added.standardOutput.contains("Negatief"), "\(added.standardOutput)\(added.standardError)")
        let refused = try run(["move", "missie-osaka", "goedgekeurd", "--decision", "mandaat wethouder"])
        #expect(refused.status == 65, "\(refused.standardError)")
        #expect(refused.standardError.contains("'Missie Osaka' is volgens het Kader negatief, ook zonder antwoorden (Buiten Europa"), "\(refused.standardError)")
        #expect(refused.standardError.contains("goedkeuren vraagt een expliciete reden om daarvan af te wijken"))
        #expect(try stored().activity("missie-osaka")?.status == .inAfweging)
        let approved = try run(["move", "missie-osaka", "goedgekeurd", "--decision", "mandaat wethouder", "--override-reason", "Kansrijk voor de maakindustrie"])
        #expect(approved.status == 0, "\(approved.standardError)")
        #expect(try stored().activity("missie-osaka")?.statusHistory.last?.overrideReason == "Kansrijk voor de maakindustrie")
    }

    @Test("an activity or visit that starts out approved is held to the same rule: against the Kader's rules only with a reason",
          arguments: ["add-activity", "log-visit"])
    func startsApprovedNeedsOverride(command: String) throws {
        let arguments = command == "add-activity"
            ? ["add-activity", "--title", "Missie Osaka", "--kind", "handelsmissie", "--country", "Japan", "--sector", "techniek",
               "--date", "2027-05-01", "--status", "goedgekeurd", "--decision", "mandaat wethouder"]
            : ["log-visit", "--relation", "taizhou", "--direction", "uitgaand", "--delegation", "Taizhou", "--date", "2027-05-01",
               "--decision", "mandaat wethouder"]
        try refused(arguments, status: 65, saying: "een activiteit die meteen goedgekeurd of gepland is, vraagt een expliciete reden om daarvan af te wijken")
        try refused(arguments, status: 65, saying: command == "add-activity" ? "(Buiten Europa" : "laag pitje")
        let added = try run(arguments + ["--override-reason", "Besloten in het college van 2 december"])
        #expect(added.status == 0, "\(added.standardError)")
        let activity = try #require(try stored().activities.last)
        #expect(activity.status == (command == "add-activity" ? .goedgekeurd : .gepland))
        #expect(activity.approvalOverrideReason == "Besloten in het college van 2 december")
        #expect(activity.approvalDecision == "mandaat wethouder")
        // The log says who decided and why against the Kader, as for a step to approved.
        let log = try run(["log", activity.id])
        #expect(log.standardOutput.contains("besluit: mandaat wethouder; reden om af te wijken: Besloten in het college van 2 december"),
                "\(log.standardOutput)")
        let alone = try run(Array(arguments.prefix { $0 != "--decision" }) + ["--override-reason", "waarom"])
        #expect(alone.status == 64 && alone.standardError.contains("--override-reason: de reden om af te wijken hoort bij een goedkeuring"), "\(alone.standardError)")
    }

    @Test("a rule an edit broke after a positive weighing (China added as destination) is weighed at approval, as if not weighed yet")
    func ruleBrokenAfterWeighing() throws {
        let added = try run(["add-activity", "--title", "Farmamissie Japan", "--kind", "handelsmissie", "--organiser", "bom", "--relation", "pivot-park",
                             "--country", "Japan", "--sector", "farma", "--date", "2028-05-01", "--cost", "3.000", "--status", "in-afweging"])
        #expect(added.status == 0, "\(added.standardError)")
        let answers = ["inhoudelijke-link", "behoefte-lokale-partners", "toegevoegde-waarde", "behapbaar", "geopolitiek", "afbreukrisico", "mensenrechten"]
            .flatMap { ["--answer", "\($0)=ja"] }
        let weighed = try run(["assess", "farmamissie-japan", "--save"] + answers)
        #expect(weighed.status == 0 && !weighed.standardOutput.contains("NEGATIEF"), "\(weighed.standardOutput)")
        #expect(try run(["edit", "farmamissie-japan", "--countries", "Japan, China"]).status == 0)
        let refused = try run(["move", "farmamissie-japan", "goedgekeurd", "--decision", "mandaat wethouder"])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("'Farmamissie Japan' is volgens het Kader nu negatief (China: het Kader zet de relaties met China en Vietnam op een laag pitje"),
                "\(refused.standardError)")
        #expect(refused.standardError.contains("al was de laatste afweging dat niet"), "\(refused.standardError)")
        let approved = try run(["move", "farmamissie-japan", "goedgekeurd", "--decision", "mandaat wethouder", "--override-reason", "Besluit B&W 1 december"])
        #expect(approved.status == 0, "\(approved.standardError)")
    }

    @Test("approving something both a rule of the Kader and the budget make negative names both reasons, which the one override answers")
    func everyReasonAtOnce() throws {
        let added = try run(["add-activity", "--title", "Beurs logistiek Chicago", "--kind", "beurs", "--country", "Verenigde Staten",
                             "--sector", "logistiek", "--date", "12-4-2027", "--cost", "150.000", "--status", "in-afweging"])
        #expect(added.status == 0, "\(added.standardError)")
        let refused = try run(["move", "beurs-logistiek-chicago", "goedgekeurd", "--decision", "mandaat wethouder"])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("'Beurs logistiek Chicago' is volgens het Kader negatief, ook zonder antwoorden (Buiten Europa"), "\(refused.standardError)")
        #expect(refused.standardError.contains(", en past niet in het budget (€ 150.000,00 past niet binnen"), "\(refused.standardError)")
    }

    @Test("putting a relation on laag pitje says which approved or planned activity of it still stands; a review says nothing")
    func laagPitjeWithActivityToCome() throws {
        // An older one still planned, its date past (no outcome recorded yet), does not hide the one to come.
        let old = try run(["add-activity", "--title", "Oude missie Lyon", "--kind", "handelsmissie", "--relation", "rhone-alpes", "--date", "1-3-2026",
                           "--status", "gepland", "--decision", "B&W"])
        #expect(old.status == 0, "\(old.standardError)")
        let put = try run(["set-status", "rhone-alpes", "laag-pitje", "--reason", "Kader", "--review-date", "1-1-2029"])
        #expect(put.status == 0, "\(put.standardError)")
        #expect(put.standardError.contains("dossier: let op: Rhône-Alpes heeft nog een geplande activiteit op 10-3-2027: 'Handelsmissie Lyon' (missie-lyon)"),
                "\(put.standardError)")
        let review = try run(["review", "rhone-alpes", "--reason", "blijft", "--review-date", "1-6-2029"])
        #expect(review.status == 0 && !review.standardError.contains("let op"), "\(review.standardError)")
    }

    @Test("approving costs without a date (which the budget counts in no year) asks a date or a reason; the year report counts them in no year and says so")
    func costsWithoutDate() throws {
        let refused = try run(["add-activity", "--title", "Groot programma", "--kind", "overig", "--cost", "50.000", "--status", "goedgekeurd", "--decision", "B&W"])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("'Groot programma' heeft kosten (€ 50.000,00) maar geen datum, dus telt het budget ze in geen enkel jaar"),
                "\(refused.standardError)")
        let dated = try run(["add-activity", "--title", "Groot programma", "--kind", "overig", "--cost", "500", "--status", "goedgekeurd",
                             "--decision", "B&W", "--date", "1-6-2027"])
        #expect(dated.status == 0, "\(dated.standardError)")
        let reasoned = try run(["add-activity", "--title", "Doorlopend programma", "--kind", "overig", "--cost", "700", "--status", "goedgekeurd",
                                "--decision", "B&W", "--override-reason", "structureel, elk jaar"])
        #expect(reasoned.status == 0, "\(reasoned.standardError)")
        let report = try run(["report", "--year", "2027"]).standardOutput
        #expect(report.contains("Zonder datum, en dus in geen jaar van het budget geteld: Doorlopend programma (samen € 700,00)"), "\(report)")
        #expect(!report.contains("€ 1.200,00"), "the undated cost is not added to the year's")
        #expect(report.contains("goedgekeurd met een reden om af te wijken van een regel van het Kader of van het budget: structureel, elk jaar"),
                "set aside for the budget, not a negative weighing: \(report)")
    }

    @Test("move to goedgekeurd weighs the cost against the budget: over it is refused naming the option for a reason, which approves it")
    func approvingOverBudget() throws {
        let added = try run(["add-activity", "--title", "Beurs Düsseldorf", "--kind", "beurs", "--date", "12-10-2027", "--cost", "14.000"])
        #expect(added.status == 0, "\(added.standardError)")
        let id = try #require(try stored().activities.last?.id)
        #expect(try run(["move", id, "in-afweging"]).status == 0)
        try refused(["move", id, "goedgekeurd", "--decision", "Besluit B&W 8-12-2026"], status: 65,
                    saying: "'Beurs Düsseldorf' past niet in het budget (€ 14.000,00 past niet binnen Budget internationalisering 2027: van € 16.000,00 is na "
                        + "goedgekeurde, geplande en uitgevoerde activiteiten nog € 13.500,00 over): goedkeuren vraagt een expliciete reden om daarvan af te wijken "
                        + "(geef die met --override-reason)")
        let approved = try run(["move", id, "goedgekeurd", "--decision", "Besluit B&W 8-12-2026", "--override-reason", "Eenmalige kans"])
        #expect(approved.status == 0, "\(approved.standardError)")
        #expect(approved.standardOutput.contains("Let op: goedgekeurd zonder afweging tegen het Kader; leg die alsnog vast (dossier --store ")
                && approved.standardOutput.contains(" assess \(id)).") && !approved.standardOutput.contains("(a, "),
                "never weighed, and the command to weigh it, not the screen's key: \(approved.standardOutput)")
        #expect(try stored().activity(id)?.approvalOverrideReason == "Eenmalige kans")
    }

    @Test("an edit of an approved activity says what its approval did not weigh; an empty budget line or a review date that would not be kept is refused")
    func editsOfApproved() throws {
        let dearer = try run(["edit", "missie-lyon", "--estimated-cost", "20.000"])
        #expect(dearer.standardOutput.contains("Let op: € 20.000,00 past niet binnen Budget internationalisering 2027 (van € 16.000,00 is nog € 16.000,00 over); "
                                               + "'Handelsmissie Lyon' is al gepland: het budget is daarmee overschreden."), "\(dearer.standardOutput)")
        let undated = try run(["edit", "missie-lyon", "--start-date", ""])
        #expect(undated.status == 0, "\(undated.standardError)")
        #expect(undated.standardOutput.contains("Let op: zonder datum telt € 20.000,00 van 'Handelsmissie Lyon' in geen budgetjaar meer mee"),
                "\(undated.standardOutput)")
        let costWithoutDate = try run(["edit", "missie-lyon", "--estimated-cost", "21.000"])
        #expect(costWithoutDate.standardOutput.contains("Let op: zonder datum telt € 21.000,00 van 'Handelsmissie Lyon' in geen budgetjaar mee; "
                                                        + "geef een datum om het mee te tellen"), "\(costWithoutDate.standardOutput)")
        let moved = try run(["edit", "missie-lyon", "--relations", "taizhou"])
        #expect(moved.status == 0, "\(moved.standardError)")
        #expect(moved.standardOutput.contains("laag pitje") && moved.standardOutput.contains("is al gepland zonder dat gewogen te hebben"),
                "\(moved.standardOutput)")
        // Back in a year, then to the next year, then its cost emptied: what the budget counted goes elsewhere or away, said.
        #expect(try run(["edit", "missie-lyon", "--start-date", "10-3-2027", "--estimated-cost", "3.000"]).status == 0)
        let later = try run(["edit", "missie-lyon", "--start-date", "10-3-2028"])
        #expect(later.standardOutput.contains("Let op: 'Handelsmissie Lyon' telt nu in het budget van 2028 in plaats van 2027 "
                                              + "(was € 3.000,00 op Budget internationalisering 2027)."), "\(later.standardOutput)")
        let free = try run(["edit", "missie-lyon", "--estimated-cost", ""])
        #expect(free.standardOutput.contains("Let op: zonder kosten telt 'Handelsmissie Lyon' niet meer mee in het budget "
                                             + "(was € 3.000,00 op Budget internationalisering 2028); is ze afgeblazen, zet haar dan op geannuleerd (m)."),
                "\(free.standardOutput)")
        #expect(try run(["edit", "missie-lyon", "--estimated-cost", "3.000"]).status == 0)
        let unpaid = try run(["edit", "missie-lyon", "--budget-line", "geen"])
        #expect(unpaid.standardOutput.contains("Let op: 'Handelsmissie Lyon' staat nu op geen budgetregel en telt niet meer mee in het budget "
                                               + "(was € 3.000,00 op Budget internationalisering 2028)."), "\(unpaid.standardOutput)")
        let unchanged = try run(["edit", "missie-lyon", "--notes", "alleen een notitie"])
        #expect(!unchanged.standardOutput.contains("Let op"), "nothing new to weigh: \(unchanged.standardOutput)")
        try refused(["edit", "missie-lyon", "--budget-line", ""], status: 64, saying: "--budget-line: leeg: geef de id of naam van een budgetregel, of 'geen'")
        try refused(["set-status", "rhone-alpes", "actief", "--reason", "overleg", "--review-date", "2028-01-01"], status: 65,
                    saying: "een herijkingsdatum hoort alleen bij laag pitje")
    }

    @Test("weighing again with --answer starts from the latest weighing's answers: what is not named again stays")
    func answersCarryOver() throws {
        #expect(try run(["assess", "missie-lyon", "--answer", "inhoudelijke-link=ja", "--answer", "mensenrechten=nee"]).status == 0)
        #expect(try run(["assess", "missie-lyon", "--answer", "behapbaar=deels"]).status == 0)
        let latest = try #require(try stored().activity("missie-lyon")?.assessments.last)
        #expect(latest.answers[.inhoudelijkeLink] == .ja && latest.answers[.mensenrechten] == .nee && latest.answers[.behapbaar] == .deels,
                "\(latest.answers)")
    }

    @Test("a note stays with its answer: weighing again with another answer and no note drops the note that explained the old one")
    func noteFollowsAnswer() throws {
        #expect(try run(["assess", "missie-lyon", "--answer", "mensenrechten=nee", "--note", "mensenrechten=zorgen arbeidsomstandigheden"]).status == 0)
        #expect(try run(["assess", "missie-lyon", "--answer", "behapbaar=deels"]).status == 0)
        #expect(try stored().activity("missie-lyon")?.assessments.last?.answers.note(.mensenrechten) == "zorgen arbeidsomstandigheden",
                "an answer not named again keeps its note")
        #expect(try run(["assess", "missie-lyon", "--answer", "mensenrechten=ja"]).status == 0)
        let latest = try #require(try stored().activity("missie-lyon")?.assessments.last)
        #expect(latest.answers[.mensenrechten] == .ja && latest.answers.note(.mensenrechten).isEmpty, "\(latest.answers)")
        #expect(latest.answers.note(.behapbaar).isEmpty && latest.answers[.behapbaar] == .deels)
        // A question named by part of its label is offered, not taken.
        try refused(["assess", "missie-lyon", "--answer", "link-met-oss=ja"], status: 64,
                    saying: "onbekende vraag 'link-met-oss'; bedoelde u 'inhoudelijke-link' (Inhoudelijke link met Oss)? Kies uit: ")
        // A text holding a value may mean its opposite: nothing offered.
        let opposite = try run(["relations", "--status", "inactief"])
        #expect(opposite.status == 64 && !opposite.standardError.contains("bedoelde u"), "\(opposite.standardError)")
    }

    @Test("a cost corrected after an activity was carried out says when it no longer fits the budget, as for an approved one")
    func carriedOutCostOverBudget() throws {
        let added = try run(["add-activity", "--title", "Beurs Keulen", "--kind", "beurs", "--date", "10-10-2026", "--cost", "500",
                             "--status", "uitgevoerd", "--decision", "Besluit B&W 1-9-2026"])
        #expect(added.status == 0, "\(added.standardError)")
        let id = try #require(try stored().activities.last?.id)
        let dearer = try run(["edit", id, "--estimated-cost", "40.000"])
        #expect(dearer.status == 0, "\(dearer.standardError)")
        #expect(dearer.standardOutput.contains("past niet binnen Budget internationalisering 2026")
                    && dearer.standardOutput.contains("'Beurs Keulen' is al uitgevoerd: het budget is daarmee overschreden."), "\(dearer.standardOutput)")
    }

    @Test("cancelled with costs paid all the same: said, with what it does to the budget; an actual cost given before is said to count")
    func cancelledWithCosts() throws {
        for (title, cost) in [("Beurs Gent", "3.000"), ("Beurs Keulen", "500")] {
            let added = try run(["add-activity", "--title", title, "--kind", "beurs", "--date", "10-12-2026", "--cost", cost,
                                 "--status", "goedgekeurd", "--decision", "Besluit B&W 1-11-2026"])
            #expect(added.status == 0, "\(added.standardError)")
        }
        let ids = try stored().activities.suffix(2).map(\.id)
        #expect(try run(["edit", ids[1], "--actual-cost", "250"]).status == 0)
        let kept = try run(["move", ids[1], "geannuleerd", "--reason", "afgelast"])
        #expect(kept.standardOutput.contains("Toch betaald: € 250,00; het budget telt dat als besteed (was niets betaald: --actual-cost 0)."),
                "\(kept.standardOutput)")
        // An actual cost given before, taken back with --actual-cost 0: said, as the screen says it.
        let third = try run(["add-activity", "--title", "Beurs Parijs", "--kind", "beurs", "--date", "11-12-2026", "--cost", "900",
                             "--status", "goedgekeurd", "--decision", "Besluit B&W 1-11-2026"])
        #expect(third.status == 0, "\(third.standardError)")
        let id = try #require(try stored().activities.last?.id)
        #expect(try run(["edit", id, "--actual-cost", "400"]).status == 0)
        let none = try run(["move", id, "geannuleerd", "--reason", "afgelast", "--actual-cost", "0"])
        #expect(none.standardOutput.contains("Niets betaald (was € 400,00): het budget telt er niets van."), "\(none.standardOutput)")
        let cancelled = try run(["move", ids[0], "geannuleerd", "--reason", "afgelast", "--actual-cost", "40.000"])
        #expect(cancelled.status == 0, "\(cancelled.standardError)")
        #expect(cancelled.standardOutput.contains("Toch betaald: € 40.000,00; het budget telt dat als besteed."), "\(cancelled.standardOutput)")
        #expect(cancelled.standardOutput.contains("past niet binnen Budget internationalisering 2026"), "\(cancelled.standardOutput)")
        let budget = try run(["budget", "--year", "2026"]).standardOutput
        #expect(budget.contains("OVERSCHREDEN"), "\(budget)")
    }

    /// Runs a command that must be refused: the exit code, the message, and not a byte written.
    func refused(_ arguments: [String], status: Int32, saying message: String) throws {
        let before = try directory.read("dossier.json"), journal = try? directory.read("dossier.json.journal")
        let result = try run(arguments)
        #expect(result.status == status, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
        #expect(try directory.read("dossier.json") == before)
        #expect((try? directory.read("dossier.json.journal")) == journal)
    }

    @Test("a review keeps laag pitje with a new date (review and set-status alike); a date in the past is refused")
    func review() throws {
        try refused(["review", "taizhou", "--reason", "Herijking", "--review-date", "1-1-2026"], status: 65,
                    saying: "de herijkingsdatum moet na vandaag (22-11-2026) liggen")
        // Added on laag pitje, a relation's first review date follows the same rule.
        try refused(["add-relation", "--name", "Eps", "--kind", "netwerk", "--status", "laag-pitje", "--review-date", "22-11-2026"], status: 65,
                    saying: "de herijkingsdatum moet na vandaag (22-11-2026) liggen")
        try refused(["review", "bom", "--reason", "Herijking", "--review-date", "1-1-2029"], status: 65,
                    saying: "alleen een relatie op een laag pitje heeft een herijking")
        let result = try run(["review", "taizhou", "--reason", "Herijking 2026: blijft", "--review-date", "1-1-2029"])
        #expect(result.standardOutput == "Taizhou: herijkt, blijft Laag pitje (volgende herijking 1-1-2029)\n", "\(result.standardError)")
        let again = try run(["set-status", "taizhou", "laag-pitje", "--reason", "Herijking 2027", "--review-date", "1-1-2030"])
        #expect(again.status == 0, "\(again.standardError)")
        let relation = try #require(try stored().relation("taizhou"))
        #expect(relation.reviewDate == Fixtures.date("2030-01-01"))
        #expect(relation.statusHistory.suffix(2).allSatisfy { $0.isReview })
        let log = try run(["log", "taizhou"]).standardOutput
        #expect(log.contains("Herijking van Taizhou: blijft Laag pitje (volgende herijking 1-1-2029)"), "\(log)")
        let shown = try run(["show", "taizhou"]).standardOutput
        #expect(shown.contains("Herijking: blijft Laag pitje  herijking 1-1-2030"), "\(shown)")
        let due = try run(["due", "--within", "30", "--json"]).standardOutput
        #expect(!due.contains("taizhou"))
        let added = try run(["add-relation", "--name", "Eps", "--kind", "netwerk", "--status", "laag-pitje", "--review-date", "23-11-2026"])
        #expect(added.status == 0, "\(added.standardError)")
    }

    @Test("a visit a partner organises: log-visit --organiser records it, and the weighing takes the Kader's rule on partners' missions")
    func visitOrganisedByAPartner() throws {
        let result = try run(["log-visit", "--relation", "rhone-alpes", "--date", "15-6-2027", "--direction", "uitgaand", "--delegation", "Lyon",
                              "--organiser", "BOM"])
        #expect(result.status == 0, "\(result.standardError)")
        let visit = try #require(try stored().activities.first { $0.isVisit && $0.startDate == Fixtures.date("2027-06-15") })
        #expect(visit.organiser.relationID == "bom")
        let weighed = try run(["assess", visit.id, "--explain"]).standardOutput
        #expect(weighed.contains("partnermissie"), "\(weighed)")
        let unknown = try run(["log-visit", "--relation", "rhone-alpes", "--date", "16-6-2027", "--direction", "uitgaand", "--delegation", "Lyon",
                               "--organiser", "Onbekend"])
        #expect(unknown.status != 0)
    }

    @Test("a visit in the future to a relation on laag pitje is weighed first, with the verdict and a plain warning")
    func plannedVisit() throws {
        let result = try run(["log-visit", "--relation", "taizhou", "--date", "15-6-2027", "--direction", "inkomend", "--delegation", "Taizhou",
                              "--country", "China", "--cost", "800"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("[In afweging]"))
        #expect(result.standardOutput.contains("Afweging zonder antwoorden: Negatief"))
        #expect(result.standardOutput.contains("Let op: Taizhou staat op een laag pitje"))
        #expect(result.standardOutput.contains("Let op: Buiten Europa (China, Taizhou)"))
        let visit = try #require(try stored().activities.first { $0.startDate == Fixtures.date("2027-06-15") })
        #expect(visit.status == .inAfweging)
        let dossier = try stored()
        #expect(BudgetOverview(year: 2027, line: "internationalisering", in: dossier).committed == Money(euros: 2_500),
                "weighed, not yet committed: only the planned mission to Lyon counts")
        let approved = try run(["log-visit", "--relation", "rhone-alpes", "--date", "20-6-2027", "--direction", "uitgaand", "--delegation", "Lyon",
                                "--country", "FR", "--decision", "Besluit B&W 17 november 2026"])
        #expect(approved.standardOutput.contains("[Gepland]"), "\(approved.standardError)")
        let planned = try #require(try stored().activities.first { $0.startDate == Fixtures.date("2027-06-20") })
        #expect(planned.statusHistory.first?.decision == "Besluit B&W 17 november 2026")
    }

    @Test("approving records who decided; carried out only from the start date, with the actual cost")
    func approveAndCarryOut() throws {
        _ = try run(["add-activity", "--title", "Beurs Milaan", "--kind", "beurs", "--date", "2026-11-20", "--cost", "1.000"])
        _ = try run(["move", "beurs-milaan", "in-afweging"])
        try refused(["move", "beurs-milaan", "goedgekeurd"], status: 65, saying: "goedkeuren legt vast wie besloot: een besluit van B&W of een mandaat")
        try refused(["add-activity", "--title", "Al goedgekeurd", "--kind", "beurs", "--status", "goedgekeurd"], status: 65,
                    saying: "een activiteit die al is goedgekeurd, legt vast wie besloot")
        // A date alone says when, not who (most often typed one field too far).
        try refused(["move", "beurs-milaan", "goedgekeurd", "--decision", "22-1-2027"], status: 65,
                    saying: "'22-1-2027' is alleen een datum: vul in wie besloot, zoals 'Besluit B&W 22-1-2027'")
        try refused(["add-activity", "--title", "Al goedgekeurd", "--kind", "beurs", "--status", "gepland", "--decision", " 2027-01-22"], status: 65,
                    saying: "'2027-01-22' is alleen een datum")
        let approved = try run(["move", "beurs-milaan", "goedgekeurd", "--decision", "mandaat wethouder economie"])
        #expect(approved.standardOutput.contains("Besluit: mandaat wethouder economie"), "\(approved.standardError)")
        _ = try run(["move", "beurs-milaan", "gepland"])
        try refused(["move", "missie-lyon", "uitgevoerd", "--actual-cost", "2.400"], status: 65,
                    saying: "'Handelsmissie Lyon' begint pas op 10-3-2027; een activiteit is op zijn vroegst op haar begindatum uitgevoerd")
        let withoutCost = try run(["move", "beurs-milaan", "uitgevoerd"])
        #expect(withoutCost.standardOutput.contains("het budget telt de raming (€ 1.000,00)"), "\(withoutCost.standardError)")
        _ = try run(["add-activity", "--title", "Beurs Lyon", "--kind", "beurs", "--date", "2026-11-21", "--cost", "500",
                     "--status", "gepland", "--decision", "Besluit B&W 3 november 2026"])
        let withCost = try run(["move", "beurs-lyon", "uitgevoerd", "--actual-cost", "612,50"])
        #expect(withCost.standardOutput.contains("Werkelijke kosten: € 612,50"), "\(withCost.standardError)")
        #expect(!withCost.standardOutput.contains("Let op"), "it fits: \(withCost.standardOutput)")
        // Carried out at a cost the year's budget cannot hold: said, as an edit of the cost says it.
        _ = try run(["add-activity", "--title", "Beurs Gent", "--kind", "beurs", "--date", "2026-11-20", "--cost", "500",
                     "--status", "gepland", "--decision", "Besluit B&W 3 november 2026"])
        let over = try run(["move", "beurs-gent", "uitgevoerd", "--actual-cost", "40.000"])
        #expect(over.status == 0)
        #expect(over.standardOutput.contains("Let op: € 40.000,00 past niet binnen Budget internationalisering 2026")
                && over.standardOutput.contains("is al uitgevoerd: het budget is daarmee overschreden."), "\(over.standardOutput)")
        let dossier = try stored()
        #expect(dossier.activity("beurs-lyon")?.actualCost == Money(cents: 61_250))
        #expect(dossier.activity("beurs-milaan")?.statusHistory.first { $0.to == .goedgekeurd }?.decision == "mandaat wethouder economie")
    }
}
