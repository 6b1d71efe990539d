import DossierCore
import DossierTestSupport
import Testing

/// The budget and the Kader's pieces still to come, kept by hand: an amount for one year, and a Europe strategy or
/// strategic agenda recorded as there. Each is a change like any other: journaled, undone, refused when stale.
@Suite("Budget amounts per year and the Kader's pieces of policy")
struct BudgetAndPolicyTests {
    static let line = "internationalisering"

    @Test("an amount for one year changes that year only, also in the budget and the weighing; the others keep the yearly amount")
    func amountForOneYear() throws {
        var dossier = try AssessmentTests.dossier()
        try dossier.apply(.setBudgetAmount(Self.line, year: 2028, amount: Money(euros: 12_000), decision: "Raadsbesluit"), context: Fixtures.context)
        let ledger = BudgetLedger(dossier)
        #expect(ledger.overviews(2028).first { $0.line == Self.line }?.budget == Money(euros: 12_000))
        #expect(ledger.overviews(2027).first { $0.line == Self.line }?.budget == Money(euros: 16_000))
        #expect(ledger.overviews(2026).first { $0.line == Self.line }?.budget == Money(euros: 16_000))
        // € 13.000 fits in 2027's € 16.000, not in 2028's € 12.000.
        let fits = Assessor.assess(AssessmentTests.activity("Beurs 2027", .beurs, relations: ["pivot-park"], year: 2027, cost: 1_000, sectors: [.farma]),
                                   answers: AssessmentTests.answers(), in: dossier)
        let tooMuch = Assessor.assess(AssessmentTests.activity("Beurs 2028", .beurs, relations: ["pivot-park"], year: 2028, cost: 13_000, sectors: [.farma]),
                                      answers: AssessmentTests.answers(), in: dossier)
        #expect(fits.reasons.contains { $0.rule == "budget" && $0.effect == .positief })
        #expect(tooMuch.reasons.contains { $0.rule == "budget" && $0.effect == .negatief && $0.text.contains("€ 12.000,00") },
                "\(tooMuch.reasons.map(\.text))")
    }

    @Test("a year after the line's last one gets an amount: it has a budget then, and the weighing counts the costs against it")
    func yearAfterTheKader() throws {
        var dossier = try AssessmentTests.dossier()
        let beurs = AssessmentTests.activity("Beurs 2031", .beurs, relations: ["pivot-park"], year: 2031, cost: 500, sectors: [.farma])
        #expect(Assessor.assess(beurs, answers: AssessmentTests.answers(), in: dossier).reasons.contains { $0.rule == "budget" && $0.effect == .naderBekijken })
        try dossier.apply(.setBudgetAmount(Self.line, year: 2031, amount: Money(euros: 16_000), decision: "Raadsbesluit"), context: Fixtures.context)
        #expect(dossier.budgetLine(Self.line)?.hasEnded(before: 2031) == false)
        #expect(dossier.budgetLine(Self.line)?.hasEnded(before: 2032) == true)
        #expect(BudgetYears.all(in: dossier).contains(2031))
        let overview = BudgetLedger(dossier).overviews(2031).first { $0.line == Self.line }
        #expect(overview?.budget == Money(euros: 16_000) && overview?.isOutsideLineYears == false)
        #expect(Assessor.assess(beurs, answers: AssessmentTests.answers(), in: dossier).reasons.contains { $0.rule == "budget" && $0.effect == .positief })
    }

    @Test("back to the yearly amount, an amount already there, a stale amount, an unknown line or year: each refused or undone as said")
    func refusalsAndClearing() throws {
        var dossier = Fixtures.smallDossier()
        let before = dossier
        // The yearly amount in one of the line's years is no exception: nothing to change.
        #expect(throws: ChangeError.self) { try dossier.apply(.setBudgetAmount(Self.line, year: 2027, amount: Money(euros: 16_000), decision: "Raadsbesluit"), context: Fixtures.context) }
        #expect(throws: ChangeError.self) { try dossier.apply(.setBudgetAmount(Self.line, year: 2027, amount: nil, decision: "Raadsbesluit"), context: Fixtures.context) }
        #expect(throws: ChangeError.self) { try dossier.apply(.setBudgetAmount("onbekend", year: 2027, amount: .zero, decision: "Raadsbesluit"), context: Fixtures.context) }
        #expect(throws: ChangeError.self) { try dossier.apply(.setBudgetAmount(Self.line, year: 2300, amount: .zero, decision: "Raadsbesluit"), context: Fixtures.context) }
        // A decision too long to keep, or with a NUL the database cannot store.
        for decision in [String(repeating: "x", count: Limits.shortText + 1), "Raad\u{0}"] {
            #expect(throws: ChangeError.self) { try dossier.apply(.setPolicy(.europastrategie, isThere: true, decision: decision), context: Fixtures.context) }
        }
        #expect(dossier == before)

        try dossier.apply(.setBudgetAmount(Self.line, year: 2027, amount: .zero, seen: Money(euros: 16_000), decision: "Raadsbesluit"), context: Fixtures.context)
        #expect(dossier.budgetLine(Self.line)?.amountsByYear == [2027: .zero])
        // Seen as it was before: someone changed it meanwhile.
        do {
            try dossier.apply(.setBudgetAmount(Self.line, year: 2027, amount: Money(euros: 9_000), seen: Money(euros: 16_000), decision: "Raadsbesluit"), context: Fixtures.context)
            Issue.record("a stale amount was overwritten")
        } catch {
            #expect(error.kind == .conflict && error.message.contains("intussen € 0,00"), "\(error.message)")
        }
        try dossier.apply(.setBudgetAmount(Self.line, year: 2027, amount: nil, decision: "Raadsbesluit"), context: Fixtures.context)
        #expect(dossier == before)
    }

    @Test("undone and redone as any change; an undo after a colleague changed the same year is refused")
    func undo() throws {
        var dossier = Fixtures.smallDossier()
        let before = dossier
        let undo = try dossier.apply(.setBudgetAmount(Self.line, year: 2029, amount: Money(euros: 10_000), decision: "Raadsbesluit"), context: Fixtures.context)
        let changed = dossier
        #expect(Change.restore(undo).summary(in: dossier) == "Teruggezet: bedrag Budget internationalisering 2029 € 10.000,00 → € 16.000,00")
        let redo = try dossier.apply(.restore(undo), context: Fixtures.context)
        #expect(dossier == before)
        try dossier.apply(.restore(redo), context: Fixtures.context)
        #expect(dossier == changed)

        // A colleague set the year again after this change: putting back would wipe theirs.
        try dossier.apply(.setBudgetAmount(Self.line, year: 2029, amount: Money(euros: 11_000), decision: "Raadsbesluit"), context: Fixtures.context)
        let colleagues = dossier
        do {
            try dossier.apply(.restore(undo), context: Fixtures.context)
            Issue.record("the colleague's amount was wiped")
        } catch {
            #expect(error.message.contains("in hetzelfde jaar; terugzetten zou die wijziging ook wissen"), "\(error.message)")
        }
        #expect(dossier == colleagues)
    }

    @Test("an undo keeps what a colleague set since in another year, or for the other piece of policy")
    func undoBesideAColleague() throws {
        var dossier = Fixtures.smallDossier()
        let undoYear = try dossier.apply(.setBudgetAmount(Self.line, year: 2028, amount: Money(euros: 8_000), decision: "Raadsbesluit"), context: Fixtures.context)
        let undoPiece = try dossier.apply(.setPolicy(.europastrategie, isThere: true, decision: "Raadsbesluit"), context: Fixtures.context)
        try dossier.apply(.setBudgetAmount(Self.line, year: 2029, amount: Money(euros: 9_000), decision: "Raadsbesluit"), context: Fixtures.context)
        try dossier.apply(.setPolicy(.strategischeAgenda, isThere: true, decision: "Raadsbesluit"), context: Fixtures.context)
        try dossier.apply(.restore(undoYear), context: Fixtures.context)
        try dossier.apply(.restore(undoPiece), context: Fixtures.context)
        #expect(dossier.budgetLine(Self.line)?.amountsByYear == [2029: Money(euros: 9_000)])
        #expect(!dossier.framework.hasEuropeStrategy && dossier.framework.hasStrategicAgenda)
    }

    @Test("a restoration written by hand puts back only amounts and pieces of policy: a line's name or years, the Kader's years, are refused")
    func restorationOnlyOfWhatChanges() throws {
        var dossier = Fixtures.smallDossier()
        let before = dossier
        var renamed = try #require(dossier.budgetLine(Self.line))
        renamed.lastYear = 2020
        #expect(throws: ChangeError.self) {
            try dossier.apply(.restore(Restoration(label: "x", budgetLines: [Snapshot(id: Self.line, value: renamed, position: 0)])), context: Fixtures.context)
        }
        var moved = dossier.framework
        moved.firstYear = 2040
        #expect(throws: ChangeError.self) {
            try dossier.apply(.restore(Restoration(label: "x", framework: Snapshot(id: Framework.snapshotID, value: moved, position: 0))), context: Fixtures.context)
        }
        #expect(dossier == before)
        var amounts = try #require(dossier.budgetLine(Self.line))
        amounts.amountsByYear = [2031: Money(euros: 1)]
        try dossier.apply(.restore(Restoration(label: "x", budgetLines: [Snapshot(id: Self.line, value: amounts, position: 0)])), context: Fixtures.context)
        #expect(dossier.budgetLine(Self.line) == amounts)
    }

    @Test("in a batch (an apply, the screen's Kader form): its undo puts back the amount and the framework as before the batch")
    func batchUndo() throws {
        var dossier = Fixtures.smallDossier()
        let before = dossier
        let undo = try dossier.apply(.batch([.setBudgetAmount(Self.line, year: 2028, amount: Money(euros: 8_000), decision: "Raadsbesluit"),
                                             .setPolicy(.europastrategie, isThere: true, decision: "Raadsbesluit"), .setPolicy(.strategischeAgenda, isThere: true, decision: "Raadsbesluit"),
                                             .setBudgetAmount(Self.line, year: 2028, amount: Money(euros: 9_000), decision: "Raadsbesluit")], label: "Reeks"),
                                     context: Fixtures.context)
        #expect(undo.budgetLines.map(\.id) == [Self.line] && undo.framework != nil)
        try dossier.apply(.restore(undo), context: Fixtures.context)
        #expect(dossier == before)
    }

    @Test("a Europe strategy recorded: an EU funding chance is asked whether it fits it from then on; the same again is refused; undone")
    func europeStrategy() throws {
        var dossier = try AssessmentTests.dossier()
        let chance = AssessmentTests.activity("EU-aanvraag arbeidsmarkt", .euSubsidieaanvraag, relations: ["brabantstad"], cost: 0)
        func euReason(_ fits: Answer = .onbekend) -> VerdictReason? {
            Assessor.assess(chance, answers: AssessmentTests.answers([.europastrategie: fits]), in: dossier).reasons.first { $0.rule == "eu-financiering" }
        }
        #expect(euReason()?.effect == .positief)
        #expect(!Assessor.questions(for: chance, in: dossier).contains(.europastrategie))
        let undo = try dossier.apply(.setPolicy(.europastrategie, isThere: true, decision: "Raadsbesluit"), context: Fixtures.context)
        #expect(dossier.framework.hasEuropeStrategy && !dossier.framework.hasStrategicAgenda)
        #expect(euReason()?.effect == .naderBekijken)
        #expect(Assessor.questions(for: chance, in: dossier).contains(.europastrategie))
        #expect(euReason(.ja)?.effect == .positief && euReason(.ja)?.reading == .europeStrategy)
        #expect(euReason(.deels)?.effect == .naderBekijken)
        #expect(euReason(.nee)?.effect == .negatief)
        #expect(throws: ChangeError.self) { try dossier.apply(.setPolicy(.europastrategie, isThere: true, decision: "Raadsbesluit"), context: Fixtures.context) }
        #expect(Change.restore(undo).summary(in: dossier) == "Teruggezet: stand Europastrategie vastgesteld → nog te maken")
        try dossier.apply(.restore(undo), context: Fixtures.context)
        #expect(!dossier.framework.hasEuropeStrategy)
        #expect(euReason()?.effect == .positief)
    }

    @Test("through the journal: both changes and their undo are written in the current format, replayed, and compacted into yearAmounts")
    func journaled() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("dossier.json")
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        let store = DossierStore(path: path)
        try store.openForWriting(actor: "tester")
        var dossier = try store.load()
        try store.commit(.setBudgetAmount(Self.line, year: 2031, amount: Money(euros: 16_000), decision: "Raadsbesluit"), to: &dossier, context: Fixtures.context)
        let undo = try store.commit(.setPolicy(.strategischeAgenda, isThere: true, decision: "Raadsbesluit"), to: &dossier, context: Fixtures.context)
        try store.commit(.restore(undo), to: &dossier, context: Fixtures.context)
        try store.commit(.setPolicy(.europastrategie, isThere: true, decision: "Raadsbesluit"), to: &dossier, context: Fixtures.context)
        let journal = String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self)
        #expect(journal.contains(#""type":"set-budget-amount","budgetLine":"internationalisering","year":2031,"amountCents":1600000"#), "\(journal)")
        #expect(journal.contains(#""change":{"type":"restore","label":"Strategische agenda","relations":[],"activities":[],"framework":{"id":"kader""#))
        #expect(!journal.contains(#""schemaVersion":2"#))
        let replayed = try DossierStore(path: path).load()
        #expect(replayed == dossier)
        #expect(replayed.framework.hasEuropeStrategy && !replayed.framework.hasStrategicAgenda)

        try store.compact(dossier, at: Fixtures.now)
        let snapshot = String(decoding: try directory.read("dossier.json"), as: UTF8.self)
        #expect(snapshot.contains("\"yearAmounts\": [\n"), "\(snapshot.prefix(1_500))")
        // The decision is kept with what it set: shown wherever the amount or the piece is.
        #expect(try DossierStore(path: path).load().budgetLine(Self.line)?.decisionsByYear == [2031: "Raadsbesluit"])
        #expect(snapshot.contains(#""decision": "Raadsbesluit""#), "\(snapshot.prefix(1_500))")
        #expect(snapshot.contains(#""europeStrategyDecision": "Raadsbesluit""#))
        #expect(dossier.budgetLine(Self.line)?.yearAmountsText == "2031: € 16.000,00 (Raadsbesluit)")
        #expect(try DossierStore(path: path).load() == dossier)
        #expect(DossierValidator.problems(in: dossier).isEmpty)
    }

    @Test("a line of format 2 cannot carry the new changes, nor a document of format 2 a year's amount: both are refused as unknown")
    func notInFormat2() throws {
        let line = #"{"type":"set-policy","policy":"europastrategie","there":true,"decision":"Raadsbesluit"}"#
        #expect(throws: JSONError.self) {
            try JSONReader.read(Array(line.utf8), formatVersion: 2) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
        }
        #expect(try JSONReader.read(Array(line.utf8)) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
                == .setPolicy(.europastrategie, isThere: true, decision: "Raadsbesluit"))
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.setBudgetAmount(Self.line, year: 2031, amount: .zero, decision: "Raadsbesluit"), context: Fixtures.context)
        #expect(throws: JSONError.self) { try Dossier(decoding: dossier.encoded(), formatVersion: 2) }
        #expect(try Dossier(decoding: dossier.encoded()) == dossier)
    }
}
