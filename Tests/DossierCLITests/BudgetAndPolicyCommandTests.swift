import DossierCore
import DossierTestSupport
import Testing

/// `set-budget` and `set-policy`: the budget and the Kader's pieces still to come, kept on the command line.
@Suite("set-budget and set-policy")
struct BudgetAndPolicyCommandTests {
    let scratch: ScratchStore

    init() throws {
        scratch = try ScratchStore()
    }

    func run(_ arguments: [String]) throws -> ProgramRunner.Result { try scratch.run(arguments) }

    @Test("set-budget sets one year's amount by line name or id; budget shows it; a cut below what is planned says so; --clear goes back")
    func setBudget() throws {
        let cut = try run(["set-budget", "Budget internationalisering", "2027", "2.000"])
        #expect(cut.status == 0, "\(cut.standardError)")
        #expect(cut.standardOutput == "Budget internationalisering 2027: € 16.000,00 → € 2.000,00\n")
        #expect(cut.standardError.contains("dossier: let op: in 2027 is op Budget internationalisering nu € 500,00 meer vastgelegd en besteed dan er is"),
                "\(cut.standardError)")
        #expect(try scratch.load().budgetLine("internationalisering")?.amountsByYear == [2027: Money(euros: 2_000)])

        let later = try run(["set-budget", "internationalisering", "2031", "16000"])
        #expect(later.standardOutput == "Budget internationalisering 2031: geen bedrag → € 16.000,00\n", "\(later.standardOutput)")
        let budget = try run(["budget"]).standardOutput
        #expect(budget.contains("Budget internationalisering (internationalisering): € 16.000,00 per jaar, 2025–2030; 2027: € 2.000,00, 2031: € 16.000,00"),
                "\(budget)")
        #expect(budget.contains("2031  € 16.000,00"), "\(budget)")
        #expect(budget.contains("OVERSCHREDEN"))
        let report = try run(["report", "--year", "2027"]).standardOutput
        #expect(report.contains("Budget internationalisering: € 2.500,00 vastgelegd of besteed van € 2.000,00"), "\(report)")
        #expect(report.contains("tegen de lijn van € 16.000 (2027: € 2.000). "), "\(report)")

        let back = try run(["set-budget", "internationalisering", "2027", "--clear"])
        #expect(back.standardOutput == "Budget internationalisering 2027: € 2.000,00 → € 16.000,00 (het jaarbedrag)\n", "\(back.standardOutput)")
        let log = try run(["log"]).standardOutput
        #expect(log.contains("Budget internationalisering 2031: geen bedrag → € 16.000,00"), "\(log)")
        let undone = try run(["undo", "--yes"])
        #expect(undone.standardOutput.contains("Ongedaan gemaakt: bedrag Budget internationalisering 2027 € 16.000,00 → € 2.000,00"), "\(undone.standardOutput)")
    }

    @Test("set-budget refusals: nothing to change exits 65, a bad line 65, a bad year or amount 64; nothing is written")
    func setBudgetRefusals() throws {
        let before = try scratch.directory.read("dossier.json")
        let same = try run(["set-budget", "internationalisering", "2027", "16000"])
        #expect(same.status == 65 && same.standardError == "dossier: Budget internationalisering heeft in 2027 al € 16.000,00\n", "\(same.standardError)")
        let cleared = try run(["set-budget", "internationalisering", "2027", "--clear"])
        #expect(cleared.status == 65 && cleared.standardError.contains("heeft voor 2027 geen eigen bedrag"), "\(cleared.standardError)")
        let unknown = try run(["set-budget", "reizen", "2027", "100"])
        #expect(unknown.status == 65 && unknown.standardError.contains("onbekende budgetregel 'reizen'; kies uit: internationalisering"), "\(unknown.standardError)")
        let none = try run(["set-budget", "geen", "2027", "100"])
        #expect(none.status == 65, "\(none.standardError)")
        let year = try run(["set-budget", "internationalisering", "2500", "100"])
        #expect(year.status == 64 && year.standardError.contains("jaar 2500 ligt buiten het bereik"), "\(year.standardError)")
        let amount = try run(["set-budget", "internationalisering", "2027", "veel"])
        #expect(amount.status == 64 && amount.standardError.hasPrefix("dossier: bedrag: "), "\(amount.standardError)")
        let both = try run(["set-budget", "internationalisering", "2027", "100", "--clear"])
        #expect(both.status == 64, "\(both.standardError)")
        #expect(try scratch.directory.read("dossier.json") == before)
        #expect(((try? scratch.directory.read("dossier.json.journal")) ?? []).isEmpty)
    }

    @Test("set-policy records a piece as there or not; the weighing of an EU funding chance follows; the same again exits 65")
    func setPolicy() throws {
        _ = try run(["add-activity", "--title", "EU-aanvraag", "--kind", "eu-subsidieaanvraag", "--relation", "bom", "--cost", "0"])
        let before = try run(["assess", "eu-aanvraag"]).standardOutput
        #expect(before.contains("Er is nog geen Europastrategie"), "\(before)")
        let set = try run(["set-policy", "Europastrategie", "ja"])
        #expect(set.status == 0 && set.standardOutput == "Europastrategie vastgesteld: de afweging houdt er voortaan rekening mee\n", "\(set.standardError)")
        let after = try run(["assess", "eu-aanvraag"]).standardOutput
        #expect(after.contains("Toets deze kans op EU-financiering aan de Europastrategie."), "\(after)")
        let again = try run(["set-policy", "europastrategie", "ja"])
        #expect(again.status == 65 && again.standardError == "dossier: Europastrategie staat al als vastgesteld\n", "\(again.standardError)")
        let unknown = try run(["set-policy", "klimaatstrategie", "ja"])
        #expect(unknown.status == 64 && unknown.standardError.contains("onbekend beleidsstuk 'klimaatstrategie'; kies uit: europastrategie, strategische-agenda"))
        let back = try run(["set-policy", "europastrategie", "nee"])
        #expect(back.standardOutput == "Europastrategie weer als nog te maken vastgelegd\n", "\(back.standardOutput)")
        #expect(try scratch.load().framework.hasEuropeStrategy == false)
    }
}
