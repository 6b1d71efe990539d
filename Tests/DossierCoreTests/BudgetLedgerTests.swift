import DossierTestSupport
import Testing
@testable import DossierCore

/// The budget of every line and year at once: an activity without a date is counted in no year, but not forgotten.
@Suite("Budget ledger")
struct BudgetLedgerTests {
    /// The small dossier with one approved activity on the budget internationalisering.
    static func withApproved(_ id: ActivityID, _ title: String, on date: String, euros: Int64) throws -> Dossier {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: id, title: title, kind: .overig, status: .goedgekeurd, startDate: Fixtures.date(date),
                                                budgetLine: "internationalisering", estimatedCost: Money(euros: euros), statusHistory: Fixtures.approved())),
                          context: Fixtures.context)
        return dossier
    }

    @Test("an approved activity without a date is kept apart per line, and an update as it loses or gets its date gives what counting anew gives")
    func undatedCosts() throws {
        var dossier = try Self.withApproved("webinarreeks", "Webinarreeks", on: "2027-02-01", euros: 800)
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

    @Test("called off, an activity costs the budget what was paid all the same (spent), never its estimate; the ledger's update, the year's overview and the report agree")
    func calledOffWithCosts() throws {
        var dossier = try Self.withApproved("beurs-kopenhagen", "Beurs Kopenhagen", on: "2026-12-10", euros: 3_000)
        var ledger = BudgetLedger(dossier)
        let position = try #require(dossier.activityPosition("beurs-kopenhagen"))
        let before = BudgetOverview(year: 2026, line: "internationalisering", in: dossier)
        #expect(before.activityIDs.contains("beurs-kopenhagen"))

        // Without a cost paid: it no longer counts at all.
        var was = dossier.activities[position]
        var cancelled = dossier
        try cancelled.apply(.moveActivity("beurs-kopenhagen", status: .geannuleerd, reason: "afgelast", overrideReason: nil), context: Fixtures.context)
        let free = BudgetOverview(year: 2026, line: "internationalisering", in: cancelled)
        #expect(free.committed == before.committed - Money(euros: 3_000) && free.spent == before.spent && !free.activityIDs.contains("beurs-kopenhagen"))
        #expect(cancelled.activities[position].chargedCost == .zero && cancelled.activities[position].listedCost == Money(euros: 3_000))

        // With € 800 of tickets not refunded: spent, and nothing committed.
        try dossier.apply(.moveActivity("beurs-kopenhagen", status: .geannuleerd, reason: "afgelast", overrideReason: nil, actualCost: Money(euros: 800)),
                          context: Fixtures.context)
        let paid = BudgetOverview(year: 2026, line: "internationalisering", in: dossier)
        #expect(paid.committed == free.committed && paid.spent == before.spent + Money(euros: 800), "\(paid)")
        #expect(paid.activityIDs.contains("beurs-kopenhagen"))
        #expect(dossier.activities[position].chargedCost == Money(euros: 800) && dossier.activities[position].listedCost == Money(euros: 800))
        #expect(update(&ledger, was: was, at: position, in: dossier))
        #expect(ledger == BudgetLedger(dossier))
        #expect(ledger.overview(2026, line: "internationalisering") == paid)

        // An edit that moves what was paid to another year, or to no line, says so, as for one carried out.
        var later = dossier.activities[position]
        later.startDate = Fixtures.date("2027-01-10")
        #expect(ApprovedEditWarnings.of(dossier.activities[position], later, in: dossier).contains {
            $0.contains("telt nu in het budget van 2027 in plaats van 2026 (was € 800,00 op Budget internationalisering 2026)")
        }, "\(ApprovedEditWarnings.of(dossier.activities[position], later, in: dossier))")
        var unlined = dossier.activities[position]
        unlined.budgetLine = nil
        unlined.actualCost = Money(euros: 900)
        #expect(ApprovedEditWarnings.of(dossier.activities[position], unlined, in: dossier).contains {
            $0.contains("werkelijke kosten (€ 900,00) tellen niet mee in het budget: 'Beurs Kopenhagen' staat op geen budgetregel")
        }, "\(ApprovedEditWarnings.of(dossier.activities[position], unlined, in: dossier))")

        // Undated, it is kept apart as any cost the budget counts; taken back to nothing paid, the update lets it go.
        was = dossier.activities[position]
        try dossier.apply(.editActivity("beurs-kopenhagen", [FieldEdit(field: "startDate", old: .text("2026-12-10"), new: .none)]), context: Fixtures.context)
        #expect(update(&ledger, was: was, at: position, in: dossier))
        #expect(ledger == BudgetLedger(dossier) && ledger.undated["internationalisering"]?.total == Money(euros: 800))
        was = dossier.activities[position]
        try dossier.apply(.editActivity("beurs-kopenhagen", [FieldEdit(field: "actualCostCents", old: .number(80_000), new: .none)]),
                          context: Fixtures.context)
        #expect(update(&ledger, was: was, at: position, in: dossier))
        #expect(ledger == BudgetLedger(dossier) && ledger.undated.isEmpty)

        // The report says what was paid and that the budget counts it.
        var dated = dossier
        try dated.apply(.editActivity("beurs-kopenhagen", [FieldEdit(field: "startDate", old: .none, new: .text("2026-12-10")),
                                                           FieldEdit(field: "actualCostCents", old: .none, new: .number(80_000))]), context: Fixtures.context)
        let report = MarkdownReport.render(YearReport(dossier: dated, year: 2026, today: Fixtures.clock.today()))
        #expect(report.contains("€ 800,00 toch betaald na annulering (geraamd € 3.000,00), Budget internationalisering"), "\(report)")
    }
}

/// `BudgetLedger.update` for an expectation, which cannot change what it evaluates.
private func update(_ ledger: inout BudgetLedger, was: Activity, at position: Int, in dossier: Dossier) -> Bool {
    ledger.update(was: [was], now: [position], in: dossier)
}
