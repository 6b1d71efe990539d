import DossierCore
import DossierTestSupport
import Testing
@testable import DossierTUI

/// `e` and `K` on the budget tab: one year's amount of a budget line, and what the Kader still waits for.
@Suite("The budget tab's amount and Kader forms")
struct BudgetAndPolicyFormTests {
    /// The budget tab opens on this year (2026) of the first line, the budget internationalisering.
    func budgetOfThisYear(_ app: Harness) -> BudgetOverview? {
        app.state.index.budgets.first { $0.year == 2026 && $0.line == "internationalisering" }
    }

    @Test("e on a year of a line sets that year's amount; the tab, the index and the store follow; empty goes back; u undoes")
    func amountOfOneYear() throws {
        let app = Harness(width: 120, height: 36)
        app.press(.character("4"), .character("e"))
        let form = try #require(app.state.form)
        #expect(form.purpose == .budgetAmount(line: "internationalisering", year: 2026))
        #expect(form.title == "Budget internationalisering 2026 — nu € 16.000,00")
        #expect(form["amount"]?.text == "16000")
        app.type("12.000").press(.tab).type("Voorjaarsnota 2026").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        #expect(app.store.saved?.budgetLine("internationalisering")?.amountsByYear == [2026: Money(euros: 12_000)])
        #expect(budgetOfThisYear(app)?.budget == Money(euros: 12_000))
        #expect(budgetOfThisYear(app)?.remaining == Money(euros: 12_000) - Money(cents: 45_050), "the visit from Lyon spent € 450,50")
        #expect(app.text.contains("Budget internationalisering 2026: € 16.000,00 → € 12.000,00"))
        #expect(app.text.contains("€ 12.000,00"))
        #expect(app.text.contains("€ 12.000 + € 11.459 in 2026"), "the header says this year's amounts once one differs")

        // The same year again: the amount of its own is shown, and emptying the field goes back to the yearly amount.
        app.press(.character("e"))
        #expect(app.state.form?.title == "Budget internationalisering 2026 — nu € 12.000,00 (eigen bedrag: Voorjaarsnota 2026)")
        app.press(.control("u"), .tab).type("Najaarsnota 2026").press(.control("s"))
        #expect(app.store.saved?.budgetLine("internationalisering")?.amountsByYear == [:])
        #expect(budgetOfThisYear(app)?.budget == Money(euros: 16_000))
        app.press(.character("u"))
        #expect(app.store.saved?.budgetLine("internationalisering")?.amountsByYear == [2026: Money(euros: 12_000)])
        #expect(budgetOfThisYear(app)?.budget == Money(euros: 12_000))
    }

    @Test("after the Kader's years the current year has its row (e sets its amount there), and the header says '—' for a line without one")
    func yearAfterTheFramework() throws {
        let app = Harness(width: 120, height: 36, clock: .fixed(Timestamp(iso: "2031-03-01T09:00:00Z")!))
        app.press(.character("4"))
        #expect(app.state.index.budgets.contains { $0.year == 2031 }, "\(app.state.index.budgets.map(\.year))")
        #expect(app.text.contains("— + — in 2031"), "no line has an amount in 2031, never € 0: \(app.text)")
        app.press(.character("e"))
        #expect(app.state.form?.purpose == .budgetAmount(line: "internationalisering", year: 2031), "the cursor starts on the current year")
        app.type("10.000").press(.tab).type("Voorjaarsnota 2031").press(.control("s"))
        #expect(app.store.saved?.budgetLine("internationalisering")?.amountsByYear == [2031: Money(euros: 10_000)])
        #expect(app.text.contains("€ 10.000,00 + — in 2031"), "\(app.text)")
    }

    @Test("an amount that is no amount stays in the form with the parser's message; the same amount saves nothing")
    func refusals() throws {
        let app = Harness(width: 120, height: 36)
        app.press(.character("4"), .character("e")).type("veel").press(.control("s"))
        #expect(app.state.form?.errors["amount"] != nil)
        app.press(.control("u")).type("15.000").press(.control("s"))
        #expect(app.state.form?.errors["decision"] == "Noem het besluit dat het bedrag vaststelde")
        #expect(app.store.journal.isEmpty)
        app.press(.backTab, .control("u")).type("16.000").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.fields.map { "\($0.id)=\($0.text)" } ?? []) \(app.state.form?.errors ?? [:])")
        #expect(app.text.contains("Niets gewijzigd: Budget internationalisering heeft in 2026 € 16.000,00."))
        #expect(app.store.journal.isEmpty)
    }

    @Test("K records the Europe strategy as there, and the weighing follows; both pieces at once are one change, undone at once")
    func policy() throws {
        let app = Harness(width: 120, height: 36)
        app.press(.character("4"), .character("K"))
        #expect(app.state.form?.purpose == .policy)
        #expect(app.state.form?["europastrategie"]?.selectedValue == "nee")
        app.press(.right, .control("s"))
        #expect(app.state.form?.errors["decision"] == "Noem het besluit dat het stuk vaststelde of introk")
        app.tab(to: "decision").type("Raadsbesluit 3 maart 2027").press(.control("s"))
        #expect(app.store.saved?.framework.hasEuropeStrategy == true)
        #expect(app.state.dossier.framework.hasEuropeStrategy)
        #expect(app.text.contains("Europastrategie vastgesteld"))

        app.press(.character("K"), .left, .tab, .right, .tab).type("Raadsbesluit 4 april 2027").press(.control("s"))
        #expect(app.store.saved?.framework.hasEuropeStrategy == false)
        #expect(app.store.saved?.framework.hasStrategicAgenda == true)
        app.press(.character("u"))
        #expect(app.store.saved?.framework.hasEuropeStrategy == true && app.store.saved?.framework.hasStrategicAgenda == false,
                "\(String(describing: app.state.message)) \(app.store.journal.map(\.summary))")

        app.press(.character("K"), .control("s"))
        #expect(app.text.contains("Niets gewijzigd aan de beleidsstukken van het Kader."))
    }

    @Test("a cut below what is already spent says so, as set-budget does")
    func cutBelowSpent() {
        let app = Harness(width: 120, height: 36)
        app.press(.character("4"), .character("e")).type("400").press(.tab).type("Bezuiniging").press(.control("s"))
        #expect(app.state.message?.text == "Budget internationalisering 2026: € 16.000,00 → € 400,00. Let op: in 2026 is op Budget internationalisering nu € 50,50 meer vastgelegd en besteed dan er is",
                "\(String(describing: app.state.message))")
    }

    @Test("the Kader form open while a colleague sets the same piece: refused naming it, shown anew with the choices kept; the next save does the rest")
    func policyBesideAColleague() throws {
        let app = Harness(width: 120, height: 36)
        app.press(.character("4"), .character("K"), .right, .tab, .right, .tab).type("Raadsbesluit 4 april 2027")
        // A colleague records the Europe strategy meanwhile.
        app.store.othersChanges = [(.setPolicy(.europastrategie, isThere: true, decision: "Raadsbesluit 3 maart 2027"),
                                    ChangeContext(actor: "collega", timestamp: Fixtures.now, today: Fixtures.clock.today()))]
        app.press(.control("s"))
        #expect(app.store.saved?.framework.hasEuropeStrategy == true && app.store.saved?.framework.hasStrategicAgenda == false)
        #expect(app.state.message?.text == "Niet opgeslagen: intussen gewijzigd; zie het formulier, uw invoer staat er nog.")
        #expect(app.state.form?.errors["europastrategie"]?.hasPrefix("Beleidsstukken van het Kader, onderdeel 1: Europastrategie staat intussen als vastgesteld") == true,
                "\(app.state.form?.errors ?? [:])")
        #expect(app.state.form?["europastrategie"]?.selectedValue == "ja" && app.state.form?["strategische-agenda"]?.selectedValue == "ja")
        app.press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:]) \(app.state.form?.generalError ?? "")")
        #expect(app.store.saved?.framework.hasEuropeStrategy == true && app.store.saved?.framework.hasStrategicAgenda == true)
        let last = try #require(try app.store.history().last)
        guard case .change(let change) = last.event else { Issue.record("\(last.event)"); return }
        #expect(change.reason == "besluit: Raadsbesluit 4 april 2027")
    }

    @Test("a year set to € 0 shows no bar of money left, and a year without budget still says so")
    func zeroBar() {
        var overview = BudgetOverview(year: 2030, line: "internationalisering", in: Fixtures.smallDossier())
        overview.budget = .zero
        overview.hasAmountOfItsOwn = true
        #expect(BudgetBar.text(overview, width: 20) == "budget € 0")
        overview.hasAmountOfItsOwn = false
        #expect(BudgetBar.text(overview, width: 20) == "geen budget")
    }

    @Test("read-only, e and K on the budget tab open nothing")
    func readOnly() {
        let app = Harness(width: 120, height: 36, isReadOnly: true)
        app.press(.character("4"), .character("e"))
        #expect(app.state.form == nil)
        app.press(.character("K"))
        #expect(app.state.form == nil)
    }
}
