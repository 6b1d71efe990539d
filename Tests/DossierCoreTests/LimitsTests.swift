import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Every number and date has a stated range; each parser and rule refuses what lies outside with a
/// message, and no sum of accepted amounts can overflow.
@Suite("Numbers, dates and lengths in range")
struct LimitsTests {
    @Test("the largest possible year sum (every activity at the largest amount) and the budget around it fit in Int64")
    func largestSumFits() {
        let (activities, overflow1) = Limits.amountCents.upperBound.multipliedReportingOverflow(by: Int64(Limits.maximumActivities))
        // committed + spent + budget, and remaining = budget - committed - spent, with room to spare.
        let (withBudget, overflow2) = activities.multipliedReportingOverflow(by: 2)
        let (total, overflow3) = withBudget.addingReportingOverflow(Limits.amountCents.upperBound)
        #expect(!overflow1 && !overflow2 && !overflow3)
        #expect(total < Int64.max / 10)
    }

    @Test("typed amounts: the largest is accepted, one cent more or a hundred digits is refused as too much, negatives named")
    func typedAmounts() throws {
        #expect(try Money.read("999.999.999,99") == Money(cents: 99_999_999_999))
        #expect(try Money.read("€ 16.000") == Money(euros: 16_000))
        #expect(throws: ValueError("€ 1.000.000.000,00 is te veel: een bedrag is hoogstens € 999.999.999,99")) { try Money.read("1000000000") }
        #expect(throws: ValueError("€ 9.999.999.999.999,00 is te veel: een bedrag is hoogstens € 999.999.999,99")) { try Money.read("9999999999999") }
        #expect(throws: ValueError("een bedrag kan niet negatief zijn ('-5')")) { try Money.read("-5") }
        // Longer than any amount shows as read, still named too much (not "no amount"), grouped or not, leading zeros aside.
        #expect(throws: ValueError("'99999999999999' is te veel: een bedrag is hoogstens € 999.999.999,99")) { try Money.read("99999999999999") }
        #expect(throws: ValueError("'99999999999999999999999' is te veel: een bedrag is hoogstens € 999.999.999,99")) {
            try Money.read("99999999999999999999999")
        }
        #expect(throws: ValueError("'99.999.999.999.999,50' is te veel: een bedrag is hoogstens € 999.999.999,99")) {
            try Money.read("99.999.999.999.999,50")
        }
        #expect(try Money.read("000000000000001") == Money(euros: 1))
        #expect(throws: ValueError("'9999999999999x' is geen bedrag; gebruik bijvoorbeeld 1250, 1.250 of 1.250,50 (euro)")) {
            try Money.read("9999999999999x")
        }
        #expect(Money(parsing: "1000000000") == nil)
    }

    @Test("typed and stored dates lie in 1900-01-01 … 2199-12-31")
    func dates() throws {
        #expect(try CalendarDate.read("31-12-2199") == CalendarDate(year: 2199, month: 12, day: 31))
        #expect(try CalendarDate.read("1900-01-01") == CalendarDate(year: 1900, month: 1, day: 1))
        #expect(throws: ValueError("1-1-2200 ligt buiten het bereik van datums: 1-1-1900 … 31-12-2199")) { try CalendarDate.read("1-1-2200") }
        #expect(throws: ValueError("31-12-1899 ligt buiten het bereik van datums: 1-1-1900 … 31-12-2199")) { try CalendarDate.read(iso: "1899-12-31") }
        #expect(throws: ValueError("'0000-01-01' is geen geldige datum; verwacht JJJJ-MM-DD")) { try CalendarDate.read(iso: "0000-01-01") }
        #expect(CalendarDate(iso: "9999-12-31") == nil && CalendarDate(parsing: "1-1-1066") == nil)
        #expect(Timestamp(iso: "2200-01-01T00:00:00Z") == nil)
    }

    @Test("whole numbers: in range, or refused naming the range")
    func wholeNumbers() throws {
        #expect(try WholeNumber.read(" 10000 ", in: Limits.delegationSize) == 10_000)
        #expect(throws: ValueError("10.001 ligt buiten het bereik 1 … 10.000")) { try WholeNumber.read("10001", in: Limits.delegationSize) }
        #expect(throws: ValueError("0 ligt buiten het bereik 1 … 10.000")) { try WholeNumber.read("0", in: Limits.delegationSize) }
        #expect(throws: ValueError("'99999999999999999999999' is geen heel getal")) { try WholeNumber.read("99999999999999999999999", in: 1...5) }
        #expect(throws: ValueError("'zes' is geen heel getal")) { try WholeNumber.read("zes", in: 1...5) }
    }

    /// The small dossier's JSON with one piece replaced, loaded as the store does.
    func load(replacing old: String, with new: String) -> String? {
        let text = String(decoding: Fixtures.smallDossier().encoded(), as: UTF8.self)
        #expect(text.contains(old), "fixture lacks \(old)")
        do {
            _ = try DossierFile.decode(Array(text.replacingOccurrences(of: old, with: new).utf8), file: "d.json")
            return nil
        } catch {
            return error.description
        }
    }

    @Test("a file with a number or date out of range is refused with its place and the range", arguments: [
        ("\"estimatedCostCents\": 250000", "\"estimatedCostCents\": 100000000000",
         "estimatedCostCents): € 1.000.000.000,00 is te veel: een bedrag is hoogstens € 999.999.999,99"),
        ("\"estimatedCostCents\": 250000", "\"estimatedCostCents\": 1000000000000000", "is te veel"),
        ("\"yearlyAmountCents\": 1600000", "\"yearlyAmountCents\": 9223372036854775807", "is te veel"),
        ("\"firstYear\": 2025", "\"firstYear\": -9223372036854775807", "ligt buiten het bereik 1900 … 2199"),
        ("\"lastYear\": 2030", "\"lastYear\": 9223372036854775807", "jaar 9223372036854775807 ligt buiten het bereik 1900 … 2199"),
        ("\"size\": 6", "\"size\": 1000000", "size): 1.000.000 ligt buiten het bereik 1 … 10.000"),
        ("\"startDate\": \"2027-03-10\"", "\"startDate\": \"1066-10-14\"", "startDate): 14-10-1066 ligt buiten het bereik van datums"),
        ("\"schemaVersion\": 3,", "\"schemaVersion\": 3,\n  \"journalSequence\": 1000000000001,", "journalSequence): 1.000.000.000.001 ligt buiten het bereik 0 … 1.000.000.000.000"),
    ])
    func fileOutOfRange(old: String, new: String, expected: String) {
        let message = load(replacing: old, with: new)
        #expect(message?.contains(expected) == true, "\(message ?? "loaded")")
    }

    @Test("the framework's years must lie in range and in order (a budget overview spans them)")
    func frameworkYears() {
        let message = load(replacing: "\"lastYear\": 2030,\n    \"europeStrategy\"", with: "\"lastYear\": 2024,\n    \"europeStrategy\"")
        #expect(message?.contains("$.framework.lastYear): het laatste jaar van het kader ligt voor het eerste") == true, "\(message ?? "loaded")")
    }

    @Test("journal changes with an index or position out of range are refused while reading, before anything is applied")
    func changePositions() throws {
        for (line, expected) in [
            (#"{"type":"set-follow-up-done","activity":"delegatie-uit-lyon","index":9223372036854775807,"done":true}"#, "index): 9.223.372.036.854.775.807 ligt buiten het bereik 0 … 9.999"),
            (#"{"type":"restore","label":"x","activities":[{"id":"missie-lyon","position":-1,"value":null}]}"#, "position): -1 ligt buiten het bereik 0 … 999.999"),
        ] {
            do {
                _ = try JSONReader.read(Array(line.utf8)) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
                Issue.record("accepted \(line)")
            } catch {
                #expect("\(error.path)): \(error.message)".contains(expected), "\(error.path): \(error.message)")
            }
        }
        // A change built in code with an absurd index is refused, not a trap.
        var dossier = Fixtures.smallDossier()
        #expect(throws: ChangeError.self) {
            try dossier.apply(.setFollowUpDone("delegatie-uit-lyon", index: Int.max, isDone: true), context: Fixtures.context)
        }
    }

    @Test("a change with an amount too large, a size out of range or a text too long is refused naming the field and the limit")
    func changesOutOfRange() throws {
        var dossier = Fixtures.smallDossier()
        var activity = try #require(dossier.activity("missie-lyon"))
        activity.estimatedCost = Money(cents: 1_000_000_000_000_000)
        #expect(throws: ChangeError(.invalid, "Geraamde kosten: € 10.000.000.000.000,00 is te veel, hoogstens € 999.999.999,99", field: "estimatedCostCents")) {
            try dossier.apply(.updateActivity(activity), context: Fixtures.context)
        }
        activity = try #require(dossier.activity("missie-lyon"))
        activity.notes = String(repeating: "x", count: Limits.longText + 1)
        #expect(throws: ChangeError(.invalid, "Toelichting is te lang: 1.000.001 tekens, hoogstens 1.000.000", field: "notes")) {
            try dossier.apply(.updateActivity(activity), context: Fixtures.context)
        }
        activity.notes = String(repeating: "x", count: Limits.longText)
        try dossier.apply(.updateActivity(activity), context: Fixtures.context)
        var visit = try #require(dossier.activity("delegatie-uit-lyon"))
        visit.visit?.size = 10_001
        #expect(throws: ChangeError(.invalid, "Omvang van de delegatie: 10.001 ligt buiten het bereik 1 … 10.000", field: "size")) {
            try dossier.apply(.updateActivity(visit), context: Fixtures.context)
        }
        var relation = try #require(dossier.relation("bom"))
        relation.name = String(repeating: "é", count: Limits.shortText + 1)
        #expect(throws: ChangeError(.invalid, "Naam is te lang: 1.001 tekens, hoogstens 1.000", field: "name")) {
            try dossier.apply(.updateRelation(relation), context: Fixtures.context)
        }
        relation = try #require(dossier.relation("bom"))
        relation.places = Array(repeating: "Oss", count: Limits.maximumListItems + 1)
        #expect(throws: ChangeError(.invalid, "Plaatsen: 10.001 is te veel, hoogstens 10.000", field: "places")) {
            try dossier.apply(.updateRelation(relation), context: Fixtures.context)
        }
        // A new activity whose title is too long: the title is named, not the id made from it.
        let long = String(repeating: "x", count: Limits.shortText + 1)
        #expect(throws: ChangeError(.invalid, "Titel is te lang: 1.001 tekens, hoogstens 1.000", field: "title")) {
            try dossier.apply(.addActivity(Activity(id: dossier.newActivityID(for: long), title: long, kind: .beurs)), context: Fixtures.context)
        }
        var answers = AssessmentAnswers()
        answers.set(.mensenrechten, .ja, note: String(repeating: "n", count: Limits.longText + 1))
        let assessment = Assessment(timestamp: Fixtures.now, by: "tester", answers: answers, verdict: .positief, reasons: [], missing: [])
        #expect(throws: ChangeError.self) { try dossier.apply(.recordAssessment("missie-lyon", assessment), context: Fixtures.context) }
    }

    @Test("sums at the largest accepted amounts are exact: budget, ledger, assessment, report")
    func largeSums() throws {
        var dossier = Fixtures.smallDossier()
        let count = 2_000
        for index in 0..<count {
            try dossier.apply(.addActivity(Activity(id: "groot-\(index)", title: "Groot \(index)", kind: .beurs, status: .gepland,
                                                    startDate: Fixtures.date("2027-05-01"), budgetLine: "internationalisering",
                                                    estimatedCost: Money.maximum, statusHistory: Fixtures.approved(.gepland, overrideReason: "Grensgeval"))),
                              context: Fixtures.context)
        }
        let expected = Money.maximum.cents * Int64(count) + 250_000  // plus the mission to Lyon
        let overview = BudgetOverview(year: 2027, line: "internationalisering", in: dossier)
        #expect(overview.committed.cents == expected)
        #expect(overview.remaining.cents == 1_600_000 - expected)
        #expect(BudgetLedger(dossier).overview(2027, line: "internationalisering") == overview)
        let report = YearReport(dossier: dossier, year: 2027, today: Fixtures.clock.today())
        #expect(MarkdownReport.render(report).contains(Money(cents: expected).formatted))
        let result = Assessor.assess(try #require(dossier.activity("missie-lyon")), answers: AssessmentAnswers(), in: dossier)
        #expect(result.reasons.contains { $0.text.contains("past niet binnen Budget internationalisering 2027") })
    }
}
