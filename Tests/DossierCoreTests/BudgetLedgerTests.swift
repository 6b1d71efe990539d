import DossierTestSupport
import Testing
@testable import DossierCore

/// The budget of every line and year at once: an activity without a date is counted in no year, but not forgotten.
@Suite("Budget ledger")
struct BudgetLedgerTests {
    @Test("an approved activity without a date is kept apart per line, and an update as it loses or gets its date gives what counting anew gives")
    func undatedCosts() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "webinarreeks", title: "Webinarreeks", kind: .overig, status: .goedgekeurd,
                                                startDate: Fixtures.date("2027-02-01"), budgetLine: "internationalisering",
                                                estimatedCost: Money(euros: 800), statusHistory: Fixtures.approved())),
                          context: Fixtures.context)
        var ledger = BudgetLedger(dossier)
        #expect(ledger.undated.isEmpty)
        let position = try #require(dossier.activityPosition("webinarreeks"))
        let dated = dossier.activities[position]

        try dossier.apply(.editActivity("webinarreeks", [FieldEdit(field: "startDate", old: .text("2027-02-01"), new: .none)]), context: Fixtures.context)
        let lostDate = ledger.update(was: [dated], now: [position], in: dossier)
        #expect(lostDate)
        #expect(ledger == BudgetLedger(dossier))
        #expect(ledger.undated["internationalisering"]?.total == Money(euros: 800))
        #expect(ledger.undated["internationalisering"]?.activityIDs == ["webinarreeks"])
        #expect(ledger.overview(2027, line: "internationalisering").activityIDs.contains("webinarreeks") == false)

        let undated = dossier.activities[position]
        try dossier.apply(.editActivity("webinarreeks", [FieldEdit(field: "startDate", old: .none, new: .text("2027-03-01"))]), context: Fixtures.context)
        let gotDate = ledger.update(was: [undated], now: [position], in: dossier)
        #expect(gotDate)
        #expect(ledger == BudgetLedger(dossier))
        #expect(ledger.undated.isEmpty)

        // An idea without a date costs the budget nothing yet.
        try dossier.apply(.addActivity(Activity(id: "idee", title: "Idee", kind: .overig, status: .idee, budgetLine: "internationalisering",
                                                estimatedCost: Money(euros: 500))), context: Fixtures.context)
        #expect(BudgetLedger(dossier).undated.isEmpty)
    }
}
