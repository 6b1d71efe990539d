import DossierCore
import DossierTestSupport
import Foundation
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
        let cut = try run(["set-budget", "Budget internationalisering", "2027", "2.000", "--decision", "Voorjaarsnota 2027"])
        #expect(cut.status == 0, "\(cut.standardError)")
        #expect(cut.standardOutput == "Budget internationalisering 2027: € 16.000,00 → € 2.000,00\n")
        #expect(cut.standardError.contains("dossier: let op: in 2027 is op Budget internationalisering nu € 500,00 meer vastgelegd en besteed dan er is"),
                "\(cut.standardError)")
        #expect(try scratch.load().budgetLine("internationalisering")?.amountsByYear == [2027: Money(euros: 2_000)])

        let later = try run(["set-budget", "internationalisering", "2031", "16000", "--decision", "Raadsbesluit"])
        #expect(later.standardOutput == "Budget internationalisering 2031: geen bedrag → € 16.000,00\n", "\(later.standardOutput)")
        let budget = try run(["budget"]).standardOutput
        #expect(budget.contains("Budget internationalisering (internationalisering): € 16.000,00 per jaar, 2025–2030; 2027: € 2.000,00 (Voorjaarsnota 2027), 2031: € 16.000,00 (Raadsbesluit)"),
                "\(budget)")
        #expect(budget.contains("2031  € 16.000,00"), "\(budget)")
        #expect(budget.contains("OVERSCHREDEN"))
        let report = try run(["report", "--year", "2027"]).standardOutput
        #expect(report.contains("Budget internationalisering: € 2.500,00 vastgelegd of besteed van € 2.000,00"), "\(report)")
        #expect(report.contains("tegen de lijn van € 16.000; eigen bedragen: 2027 € 2.000 (Voorjaarsnota 2027). "), "\(report)")

        let back = try run(["set-budget", "internationalisering", "2027", "--clear", "--decision", "Raadsbesluit"])
        #expect(back.standardOutput == "Budget internationalisering 2027: € 2.000,00 → € 16.000,00 (het jaarbedrag)\n", "\(back.standardOutput)")
        let log = try run(["log"]).standardOutput
        #expect(log.contains("Budget internationalisering 2031: geen bedrag → € 16.000,00"), "\(log)")
        // The line's own log, by its name (its id is the subject budgetregel:ID), with the decisions as reasons.
        let lineLog = try run(["log", "Budget internationalisering"])
        #expect(lineLog.status == 0 && lineLog.standardError.isEmpty, "\(lineLog.standardError)")
        #expect(lineLog.standardOutput.contains("besluit: Voorjaarsnota 2027") && !lineLog.standardOutput.contains("Relatie"), "\(lineLog.standardOutput)")
        let undone = try run(["undo", "--yes"])
        #expect(undone.standardOutput.contains("Ongedaan gemaakt: bedrag Budget internationalisering 2027 € 16.000,00 → € 2.000,00"), "\(undone.standardOutput)")
        // The same amount with another decision corrects why, and is logged as such.
        let corrected = try run(["set-budget", "internationalisering", "2031", "16.000", "--decision", "Begroting 2031"])
        #expect(corrected.standardOutput == "Budget internationalisering 2031: € 16.000,00, nu volgens het besluit Begroting 2031\n", "\(corrected.standardOutput)")
        #expect(try scratch.load().budgetLine("internationalisering")?.decisionsByYear[2031] == "Begroting 2031")
        // An activity named as the line: its name is the activity's, in the log as in show; the line stays reachable by its subject.
        _ = try run(["add-activity", "--title", "Budget internationalisering", "--kind", "overig", "--relation", "bom"])
        let named = try run(["log", "Budget internationalisering"]).standardOutput
        #expect(named.contains("Activiteit toegevoegd: Budget internationalisering") && !named.contains("besluit: Voorjaarsnota 2027"), "\(named)")
        #expect(try run(["log", "budgetregel:internationalisering"]).standardOutput.contains("besluit: Voorjaarsnota 2027"))
    }

    @Test("set-budget refusals: nothing to change exits 65, a bad line 65, a bad year or amount 64; nothing is written")
    func setBudgetRefusals() throws {
        let before = try scratch.directory.read("dossier.json")
        let same = try run(["set-budget", "internationalisering", "2027", "16000", "--decision", "Raadsbesluit"])
        #expect(same.status == 65 && same.standardError == "dossier: Budget internationalisering heeft in 2027 al € 16.000,00\n", "\(same.standardError)")
        let cleared = try run(["set-budget", "internationalisering", "2027", "--clear", "--decision", "Raadsbesluit"])
        #expect(cleared.status == 65 && cleared.standardError.contains("heeft voor 2027 geen eigen bedrag"), "\(cleared.standardError)")
        let unknown = try run(["set-budget", "reizen", "2027", "100", "--decision", "Raadsbesluit"])
        #expect(unknown.status == 65 && unknown.standardError.contains("onbekende budgetregel 'reizen'; kies uit: internationalisering"), "\(unknown.standardError)")
        let none = try run(["set-budget", "geen", "2027", "100", "--decision", "Raadsbesluit"])
        #expect(none.status == 65 && none.standardError.contains("onbekende budgetregel 'geen'; kies uit: internationalisering (Budget internationalisering), "
                                                                  + "global-goals-platform-oss (Bijdrage Global Goals Platform Oss)\n"), "\(none.standardError)")
        let year = try run(["set-budget", "internationalisering", "2500", "100", "--decision", "Raadsbesluit"])
        #expect(year.status == 64 && year.standardError.contains("jaar 2500 ligt buiten het bereik"), "\(year.standardError)")
        let amount = try run(["set-budget", "internationalisering", "2027", "veel", "--decision", "Raadsbesluit"])
        #expect(amount.status == 64 && amount.standardError.hasPrefix("dossier: bedrag: "), "\(amount.standardError)")
        let both = try run(["set-budget", "internationalisering", "2027", "100", "--clear", "--decision", "Raadsbesluit"])
        #expect(both.status == 64, "\(both.standardError)")
        let undecided = try run(["set-budget", "internationalisering", "2027", "100"])
        #expect(undecided.status == 64 && undecided.standardError.contains("--decision"), "\(undecided.standardError)")
        let blank = try run(["set-budget", "internationalisering", "2027", "100", "--decision", " "])
        #expect(blank.status == 65 && blank.standardError.contains("noem het besluit"), "\(blank.standardError)")
        #expect(try scratch.directory.read("dossier.json") == before)
        #expect(((try? scratch.directory.read("dossier.json.journal")) ?? []).isEmpty)
    }

    @Test("set-policy records a piece as there or not; the weighing of an EU funding chance follows; the same again exits 65")
    func setPolicy() throws {
        _ = try run(["add-activity", "--title", "EU-aanvraag", "--kind", "eu-subsidieaanvraag", "--relation", "bom", "--cost", "0"])
        let before = try run(["assess", "eu-aanvraag"]).standardOutput
        #expect(before.contains("Er is nog geen Europastrategie"), "\(before)")
        let set = try run(["set-policy", "Europastrategie", "ja", "--decision", "Raadsbesluit"])
        #expect(set.status == 0 && set.standardOutput == "Europastrategie vastgesteld: de afweging houdt er voortaan rekening mee\n", "\(set.standardError)")
        let after = try run(["assess", "eu-aanvraag"]).standardOutput
        let report = try run(["report", "--year", "2026"]).standardOutput
        #expect(report.contains("Vastgesteld sinds het Kader (stand op 22-11-2026): de Europastrategie (Raadsbesluit)."), "\(report)")
        #expect(try scratch.load().framework.policyDecisions == [.europastrategie: "Raadsbesluit"])
        #expect(after.contains("Toets deze kans op EU-financiering aan de Europastrategie."), "\(after)")
        let again = try run(["set-policy", "europastrategie", "ja", "--decision", "Raadsbesluit"])
        #expect(again.status == 65 && again.standardError == "dossier: Europastrategie staat al als vastgesteld\n", "\(again.standardError)")
        let unknown = try run(["set-policy", "klimaatstrategie", "ja", "--decision", "Raadsbesluit"])
        #expect(unknown.status == 64 && unknown.standardError.contains("onbekend beleidsstuk 'klimaatstrategie'; kies uit: europastrategie, strategische-agenda"))
        let kader = try run(["log", "kader"]).standardOutput
        #expect(kader.contains("Europastrategie vastgesteld") && !kader.contains("EU-aanvraag"), "\(kader)")
        let back = try run(["set-policy", "europastrategie", "nee", "--decision", "Raadsbesluit"])
        #expect(back.standardOutput == "Europastrategie weer op 'nog te maken' gezet\n", "\(back.standardOutput)")
        #expect(try scratch.load().framework.hasEuropeStrategy == false)
    }

    @Test("a year's amount of € 0 is a budget of nothing, not a year without one; the decision is the log's reason; slips are said")
    func zeroDecisionAndSlips() throws {
        let zero = try run(["set-budget", "internationalisering", "2030", "0", "--decision", "Bezuiniging 2030"])
        #expect(zero.status == 0, "\(zero.standardError)")
        let json = try run(["budget", "--json"]).standardOutput
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let own = entries.filter { $0["amountOfItsOwn"] as? Bool == true }
        #expect(own.count == 1 && own.first?["year"] as? Int == 2030 && own.first?["budgetLine"] as? String == "internationalisering"
                && own.first?["budgetCents"] as? Int == 0 && own.first?["withoutBudget"] as? Bool == false, "\(own)")
        let log = try run(["log"]).standardOutput
        #expect(log.contains("besluit: Bezuiniging 2030"), "\(log)")

        let far = try run(["set-budget", "internationalisering", "2045", "16000", "--decision", "Raad"])
        #expect(far.status == 0 && far.standardError.contains("dossier: let op: 2045 ligt 15 jaar na 2030, het laatste jaar van Budget internationalisering; klopt het jaar?"),
                "\(far.standardError)")
        let cleared = try run(["set-budget", "internationalisering", "2045", "--clear", "--decision", "Vergissing"])
        #expect(cleared.standardOutput == "Budget internationalisering 2045: € 16.000,00 → geen bedrag\n", "\(cleared.standardOutput)")
        let small = try run(["set-budget", "internationalisering", "2029", "12.5", "--decision", "Raad"])
        #expect(small.standardError.contains("€ 12,50 is minder dan een honderdste van het jaarbedrag (€ 16.000,00); klopt het bedrag?"), "\(small.standardError)")
    }

    @Test("apply says of a refused line that it is not saved and the lines before it are")
    func applyRefusedLine() throws {
        let lines = [#"{"type":"set-budget-amount","budgetLine":"internationalisering","year":2028,"amountCents":100,"decision":"Raad"}"#,
                     #"{"type":"set-budget-amount","budgetLine":"bestaat-niet","year":2028,"amountCents":100,"decision":"Raad"}"#]
        try scratch.directory.write("feed.jsonl", Array(lines.joined(separator: "\n").utf8))
        let refused = try run(["apply", scratch.directory.file("feed.jsonl")])
        #expect(refused.status != 0 && refused.standardError.contains("regel 2: ") && refused.standardError.hasSuffix("; deze regel is niet bewaard, de regels ervoor wel\n"),
                "\(refused.standardError)")
        #expect(!refused.standardError.contains(".;"), "\(refused.standardError)")
        #expect(try scratch.load().budgetLine("internationalisering")?.amountsByYear[2028] == Money(cents: 100), "the line before it is in")
    }

    @Test("apply changes the budget and the Kader only with set-budget-amount and set-policy: a restore of them by hand is refused")
    func applyRefusesHandMadeRestore() throws {
        let line = try #require(try scratch.load().budgetLine("internationalisering"))
        var changed = line
        changed.amountsByYear = [2028: Money(euros: 1)]
        var writer = JSONWriter(pretty: false)
        Change.restore(Restoration(label: "Bijstelling", budgetLines: [Snapshot(id: line.id, value: changed, position: 0)])).write(to: &writer)
        try scratch.directory.write("feed.jsonl", writer.bytes + Array("\n".utf8))
        let refused = try run(["apply", scratch.directory.file("feed.jsonl")])
        #expect(refused.status == 65 && refused.standardError.contains("regel 1: een restore zet geen budgetregels of kader terug"), "\(refused.standardError)")
        #expect(try scratch.load().budgetLine("internationalisering") == line)
        try scratch.directory.write("feed.jsonl", Array(#"{"type":"set-budget-amount","budgetLine":"internationalisering","year":2028,"amountCents":100,"decision":"Raad"}"#.utf8))
        #expect(try run(["apply", scratch.directory.file("feed.jsonl")]).status == 0)
        let log = try run(["log", "--json"]).standardOutput
        #expect(log.contains(#""subjects": ["budgetregel:internationalisering"]"#), "\(log)")
        // A line without changes yet, asked by its subject: its (empty) log, not an unknown record.
        let quiet = try run(["log", "budgetregel:global-goals-platform-oss"])
        #expect(quiet.status == 0 && quiet.standardOutput.hasPrefix("Geen wijzigingen van Bijdrage Global Goals Platform Oss in het logboek"), "\(quiet)")
    }
}
