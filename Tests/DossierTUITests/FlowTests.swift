import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Testing

/// The TUI's flows as key sequences on the pure core: no terminal involved.
@Suite("TUI flows")
struct FlowTests {
    @Test("open Taizhou and read its status history")
    func readTaizhouHistory() {
        let app = Harness()
        app.press(.character("/")).type("taiz").press(.enter, .enter)
        guard case .relationDetail(let detail) = app.state.screen else {
            Issue.record("not on a relation: \(app.state.screen)")
            return
        }
        #expect(detail.id == "taizhou")
        #expect(app.text.contains("Statusgeschiedenis"))
        #expect(app.text.contains("1-1-2025    Actief → Laag pitje  herijking 31-12-2030"))
        #expect(app.text.contains("door College van B&W"))
        #expect(app.text.contains("Kader Internationalisering 2025-2030"))
        app.press(.character("q"))
        #expect(app.state.screen == .list(.relations))
    }

    @Test("set a relation to laag pitje: menu, required reason, review date proposed one year ahead")
    func setLaagPitje() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("s"))
        let form = try #require(app.state.form)
        #expect(form.purpose == .relationStatus("bom"))
        #expect(form["reviewDate"]?.isVisible == false, "review date only for laag pitje")
        // Nothing is chosen as the menu opens; ↓ goes to Focus, Verkennen, Laag pitje (Actief is the current status).
        #expect(app.state.form?["status"]?.selectedValue == nil)
        app.press(.down, .down, .down)
        #expect(app.state.form?["status"]?.selectedValue == "laag-pitje")
        #expect(app.state.form?["reviewDate"]?.isVisible == true)
        #expect(app.state.form?["reviewDate"]?.text == "22-11-2027")
        // Saving without a reason keeps the form open with a message at the field.
        app.press(.control("s"))
        #expect(app.state.form?.errors["reason"] == "Geef een reden voor de statuswijziging")
        #expect(app.store.committed.isEmpty)
        #expect(app.state.form?.focusedField?.id == "reason", "the field with the message gets the focus")
        app.type("Geen activiteiten gepland").press(.control("s"))
        #expect(app.state.form == nil)
        let relation = try #require(app.state.dossier.relation("bom"))
        #expect(relation.status == .laagPitje)
        #expect(relation.reviewDate == Fixtures.date("2027-11-22"))
        #expect(relation.statusHistory.last == StatusChange(date: Fixtures.date("2026-11-22"), from: .actief, to: .laagPitje,
                                                           reason: "Geen activiteiten gepland", by: "adviseur",
                                                           reviewDate: Fixtures.date("2027-11-22")))
        #expect(app.text.contains("BOM: Actief → Laag pitje (herijking 22-11-2027)"))
        // The list shows the new status at once.
        #expect(app.screen.lines.contains { $0.contains("BOM") && $0.contains("Laag pitje") })
    }

    @Test("on a window too short for the whole status menu the chosen status stays in view as the selection moves down")
    func statusMenuFollowsChoice() throws {
        let app = Harness(width: 80, height: 12)
        app.press(.character("/")).type("an giang").press(.enter, .character("s"))
        for _ in 0..<6 {
            app.press(.down)
            let chosen = try #require(app.state.form?["status"]?.selectedValue)
            let label = try #require(RelationStatus(rawValue: chosen)?.label ?? (chosen == "herijken" ? "Herijken" : nil))
            #expect(app.screen.lines.contains { $0.contains("(•) \(label)") }, "\(chosen) chosen, not shown:\n\(app.screen.lines.joined(separator: "\n"))")
        }
    }

    /// `set-status` names its status; the menu chose its first option, so `s`, a reason and Ctrl-S moved a relation to Focus.
    @Test("the status menu opens with nothing chosen: saved so, it asks for a status and changes nothing; a letter chooses")
    func statusNotChosenUnasked() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .tab).type("Kader besproken").press(.control("s"))
        #expect(app.state.form?.errors["status"] == "Kies een status", "\(app.state.form?.errors ?? [:])")
        #expect(app.state.dossier.relation("bom")?.status == .actief)
        #expect(app.store.committed.isEmpty)
        for _ in 0..<5 where app.state.form?.focusedField?.id != "status" { app.press(.backTab) }
        app.press(.character("v")).press(.control("s"))
        #expect(app.state.form == nil)
        #expect(app.state.dossier.relation("bom")?.status == .verkennen)
        #expect(app.state.dossier.relation("bom")?.statusHistory.last?.reason == "Kader besproken")
    }

    @Test("a date field takes a date relative to today: '+6m' for the review")
    func relativeDates() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .down, .down, .down)
        app.press(.tab).type("Geen activiteiten gepland")
        for _ in 0..<5 where app.state.form?.focusedField?.id != "reviewDate" { app.press(.tab) }
        #expect(app.state.form?.focusedField?.id == "reviewDate")
        #expect(app.text.contains("22-11-2027, +6m of +1j"), "the hint names the relative forms")
        app.press(.control("u")).type("+6m")
        #expect(app.state.form?.notes["reviewDate"] == "= zaterdag 22-5-2027", "the day it names, under the field, while typing")
        #expect(app.text.contains("= zaterdag 22-5-2027"))
        app.press(.control("u")).type("1-10")
        #expect(app.state.form?.notes["reviewDate"] == "= vrijdag 1-10-2027", "a review date without its year is the next such day, not the nearest")
        app.press(.control("u")).type("22-5-2027")
        #expect(app.state.form?.notes["reviewDate"] == "= zaterdag 22-5-2027", "a fixed date too says its day")
        app.press(.control("u")).type("+6m").press(.control("s"))
        #expect(app.state.form == nil)
        #expect(app.state.dossier.relation("bom")?.reviewDate == Fixtures.date("2027-05-22"))
        #expect(app.text.contains("BOM: Actief → Laag pitje (herijking 22-5-2027)"))
    }

    @Test("a new activity asks for what it actually cost only when it starts carried out")
    func actualCostOnlyWhenCarriedOut() throws {
        let app = Harness()
        app.press(.character("2"), .character("+"))
        #expect(app.state.form?["actualCostCents"]?.isVisible == false)
        app.press(.tab, .tab)
        #expect(app.state.form?.focusedField?.id == "status")
        while app.state.form?["status"]?.selectedValue != "uitgevoerd" { app.press(.right) }
        #expect(app.state.form?["actualCostCents"]?.isVisible == true)
        // Editing keeps the field: a correction of a record is allowed (and warned about when it is early).
        app.press(.escape, .character("J")).type("/missie").press(.enter, .enter, .character("e"))
        #expect(app.state.form?.purpose == .editActivity("missie-lyon"))
        #expect(app.state.form?["actualCostCents"]?.isVisible == true)
    }

    /// The small dossier with Beurs Gent planned on `date` at `euros` on the budget internationalisering.
    static func withBeursGent(on date: String, euros: Int64) throws -> Dossier {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "beurs-gent", title: "Beurs Gent", kind: .beurs, status: .gepland, relations: ["bom"],
                                                startDate: Fixtures.date(date), budgetLine: "internationalisering", estimatedCost: Money(euros: euros),
                                                statusHistory: [StatusChange(date: Fixtures.date("2026-11-01"), from: nil, to: .gepland, reason: "", by: "tester",
                                                                             decision: "Besluit B&W 1 november 2026")])),
                          context: Fixtures.context)
        return dossier
    }

    @Test("carrying out at a cost the year's budget cannot hold says so, as an edit of the cost does")
    func carriedOutOverBudget() throws {
        let dossier = try Self.withBeursGent(on: "2026-11-20", euros: 500)
        let app = Harness(dossier: dossier, width: 120, height: 36)
        app.press(.character("2")).type("/gent").press(.enter, .character("m"))
        #expect(app.state.form?["status"]?.selectedValue == "uitgevoerd")
        for _ in 0..<20 where app.state.form?.focusedField?.id != "actualCostCents" { app.press(.tab) }
        app.press(.control("u")).type("40.000").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        #expect(app.state.dossier.activity("beurs-gent")?.actualCost == Money(euros: 40_000))
        #expect(app.state.message?.text.contains("Let op: € 40.000,00 past niet binnen Budget internationalisering 2026") == true,
                "\(app.state.message?.text ?? "")")
    }

    @Test("cancelling asks what was paid all the same: the budget counts it as spent; left empty, nothing")
    func cancelledWithCostsPaid() throws {
        let dossier = try Self.withBeursGent(on: "2026-12-20", euros: 3_000)
        let app = Harness(dossier: dossier, width: 120, height: 36)
        app.press(.character("2")).type("/gent").press(.enter, .character("m"))
        #expect(app.state.form?["paidCostCents"]?.isVisible == false)
        for _ in 0..<5 where app.state.form?["status"]?.selectedValue != "geannuleerd" { app.press(.down) }
        #expect(app.state.form?["status"]?.selectedValue == "geannuleerd", "\(app.text)")
        #expect(app.state.form?["paidCostCents"]?.isVisible == true && app.state.form?["actualCostCents"]?.isVisible == false)
        #expect(app.state.form?.text("paidCostCents") == "", "not the estimate: most of what is called off costs nothing")
        for _ in 0..<20 where app.state.form?.focusedField?.id != "reason" { app.press(.tab) }
        app.type("Beurs afgelast")
        for _ in 0..<20 where app.state.form?.focusedField?.id != "paidCostCents" { app.press(.tab) }
        app.type("800").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        let cancelled = try #require(app.state.dossier.activity("beurs-gent"))
        #expect(cancelled.status == .geannuleerd && cancelled.actualCost == Money(euros: 800))
        #expect(app.state.message?.text.contains("Toch betaald: € 800,00; het budget telt dat als besteed") == true, "\(app.state.message?.text ?? "")")
        #expect(BudgetOverview(year: 2026, line: "internationalisering", in: app.state.dossier).activityIDs.contains("beurs-gent"))
        #expect(app.state.index.ledger == BudgetLedger(app.state.dossier), "the screen's budget counts it as well")

        // An actual cost given before, the field emptied: nothing was paid, and the budget counts nothing.
        var given = dossier
        var before = try #require(given.activity("beurs-gent"))
        before.actualCost = Money(euros: 2_500)
        try given.apply(.updateActivity(before), context: Fixtures.context)
        let again = Harness(dossier: given, width: 120, height: 36)
        again.press(.character("2")).type("/gent").press(.enter, .character("m"))
        for _ in 0..<5 where again.state.form?["status"]?.selectedValue != "geannuleerd" { again.press(.down) }
        #expect(again.state.form?.text("paidCostCents") == "2.500", "what was given is proposed")
        for _ in 0..<20 where again.state.form?.focusedField?.id != "reason" { again.press(.tab) }
        again.type("Beurs afgelast")
        for _ in 0..<20 where again.state.form?.focusedField?.id != "paidCostCents" { again.press(.tab) }
        again.press(.control("u"), .control("s"))
        #expect(again.state.form == nil, "\(again.state.form?.errors ?? [:])")
        #expect(again.state.dossier.activity("beurs-gent")?.chargedCost == .zero)
        #expect(again.state.message?.text.contains("Niets betaald (was € 2.500,00): het budget telt er niets van") == true, "the cost taken back is said: \(again.state.message?.text ?? "")")
        #expect(!BudgetOverview(year: 2026, line: "internationalisering", in: again.state.dossier).activityIDs.contains("beurs-gent"))
    }

    @Test("text typed into a choice (one field too far) chooses nothing and says the field is a choice; the arrows still choose")
    func textInChoice() throws {
        let app = Harness()
        app.press(.character("/")).type("pivot").press(.enter, .character("v"))
        app.press(.tab).type("12-3-2027")
        for _ in 0..<6 where app.state.form?.focusedField?.id != "direction" { app.press(.tab) }
        #expect(app.state.form?.focusedField?.id == "direction")
        let before = app.state.form?["direction"]?.selectedValue
        app.type("Regio Lyon")
        #expect(app.state.form?["direction"]?.selectedValue == before, "neither the i nor the space chose")
        #expect(app.state.form?.errors["direction"]?.hasPrefix("Dit veld is een keuze (Inkomend, Uitgaand)") == true, "\(app.state.form?.errors ?? [:])")
        app.press(.tab, .backTab)
        #expect(app.state.form?.errors["direction"] == nil, "the note is about that typing: gone once the field is left")
        app.type("Regio")
        app.press(.right)
        #expect(app.state.form?["direction"]?.selectedValue != before)
        #expect(app.state.form?.errors["direction"] == nil)
        app.type("i")
        #expect(app.state.form?["direction"]?.selectedValue == "inkomend", "a first letter chooses again")
        // A word typed in a row chooses the option it begins; one stray key before a first letter does not stop it.
        app.press(.tab, .backTab).type("uitgaand")
        #expect(app.state.form?["direction"]?.selectedValue == "uitgaand")
        app.press(.tab, .backTab).type("xi")
        #expect(app.state.form?["direction"]?.selectedValue == "inkomend")
        #expect(app.state.form?.errors["direction"] == nil)
        // Space after one first letter still goes to the next option.
        app.press(.character(" "))
        #expect(app.state.form?["direction"]?.selectedValue == "uitgaand")
    }

    @Test("text typed into the status or step menu chooses nothing: the choice goes back to what it was, and the menu says so")
    func textInMenu() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("s"))
        #expect(app.state.form?.focusedField?.id == "status")
        for _ in 0..<8 where app.state.form?["status"]?.selectedValue != "laag-pitje" { app.press(.down) }
        #expect(app.state.form?["status"]?.selectedValue == "laag-pitje")
        // The reason typed before Tab: its G went to Genoemd, one letter at a time; the second e begins no status.
        app.type("Geen capaciteit")
        #expect(app.state.form?["status"]?.selectedValue == "laag-pitje", "\(String(describing: app.state.form?["status"]?.value))")
        let hint = try #require(app.state.form?.errors["status"])
        #expect(hint.hasPrefix("Dit veld is een keuze (") && hint.contains("↑/↓") && hint.hasSuffix("andere tekst kan hier niet; de keuze blijft Laag pitje (Backspace begint opnieuw)"), "\(hint)")
        #expect(app.state.form?["reviewDate"]?.isVisible == true, "laag pitje still asks when to look again")
        // A word that begins a status still chooses it; the arrows start afresh; a second word chooses again.
        app.press(.down, .up).type("ver")
        #expect(app.state.form?["status"]?.selectedValue == "verkennen")
        #expect(app.state.form?.errors["status"] == nil)
        app.type("foc")
        #expect(app.state.form?["status"]?.selectedValue == "focus")
        #expect(app.state.form?.errors["status"] == nil)
        app.press(.escape)
        if app.state.confirmation != nil { app.press(.character("J")) }
        // The step menu: "Gisteren uitgevoerd" typed into it leaves the step as it was.
        app.press(.character("2")).type("/missie").press(.enter, .enter, .character("m"))
        #expect(app.state.form?.purpose == .moveActivity("missie-lyon"))
        let step = app.state.form?["status"]?.selectedValue
        app.type("Gisteren uitgevoerd")
        #expect(app.state.form?["status"]?.selectedValue == step)
        #expect(app.state.form?.errors["status"]?.hasPrefix("Dit veld is een keuze") == true)
    }

    @Test("a field with ticks (sectors) goes to the option typed, Space ticks it; other text is said, not silently lost")
    func typingInTicks() throws {
        let app = Harness()
        app.press(.character("2"), .character("+"))
        for _ in 0..<20 where app.state.form?.focusedField?.id != "sectors" { app.press(.tab) }
        #expect(app.state.form?.focusedField?.id == "sectors")
        app.type("zorg").press(.character(" "))
        #expect(app.state.form?["sectors"]?.flagValues == ["zorg"], "\(String(describing: app.state.form?["sectors"]?.value))")
        app.press(.tab, .backTab).type("farma").press(.character(" "))
        #expect(Set(app.state.form?["sectors"]?.flagValues ?? []) == ["zorg", "farma"])
        // One word after another, without leaving the field: each goes to its own option.
        app.type("farmaonderwijs").press(.character(" "))
        #expect(Set(app.state.form?["sectors"]?.flagValues ?? []) == ["zorg", "farma", "onderwijs"])
        app.press(.tab, .backTab).type("Regio")
        #expect(app.state.form?.errors["sectors"]?.hasPrefix("Dit veld is een keuze met vinkjes (de keuzes staan erin)") == true, "\(app.state.form?.errors ?? [:])")
        // Places typed here by mistake: the space in them ticks nothing (the O went to Onderwijs, and stays unticked).
        app.press(.tab, .backTab, .character(" "))
        let ticked = Set(app.state.form?["sectors"]?.flagValues ?? [])
        app.type("Oss, Uden")
        #expect(Set(app.state.form?["sectors"]?.flagValues ?? []) == ticked, "\(String(describing: app.state.form?["sectors"]?.value))")
        // Backspace forgets what was typed: the next letters choose again.
        app.press(.backspace).type("agri").press(.character(" "))
        #expect(app.state.form?["sectors"]?.flagValues.contains("agrifood") == true, "\(String(describing: app.state.form?["sectors"]?.value))")
        #expect(app.state.form?.errors["sectors"] == nil)
    }

    @Test("F1 in a form shows the help over it; closing the help returns to the form with its input; ? is typed as a character")
    func helpInForm() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Beurs?")
        #expect(app.state.form?.text("title") == "Beurs?")
        app.press(.function(1))
        #expect(app.state.helpScroll != nil)
        #expect(app.text.contains("Hulp"), "\(app.text)")
        app.press(.escape)
        #expect(app.state.helpScroll == nil && app.state.form?.text("title") == "Beurs?")
    }

    @Test("a status chosen by typing, then the reason typed a field too early: the field says so, and Backspace chooses the typed status again")
    func typedChoiceThenReason() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("s"))
        let first = app.state.form?["status"]?.selectedValue
        app.type("la")
        #expect(app.state.form?["status"]?.selectedValue == "laag-pitje")
        app.type("Geen")
        #expect(app.state.form?["status"]?.selectedValue == first, "text that begins no status chooses nothing")
        let hint = try #require(app.state.form?.errors["status"])
        #expect(hint.hasSuffix("(Backspace kiest weer Laag pitje)"), "\(hint)")
        app.press(.backspace)
        #expect(app.state.form?["status"]?.selectedValue == "laag-pitje")
        #expect(app.state.form?.errors["status"] == nil)
        app.press(.tab).type("Geen capaciteit")
        #expect(app.state.form?.text("reason") == "Geen capaciteit")
        #expect(app.state.form?["status"]?.selectedValue == "laag-pitje")
        // Also when the reason begins with a letter that begins no status, after a space or as a capital.
        for reason in ["la onvoldoende capaciteit", "laOnvoldoende capaciteit"] {
            app.press(.escape)
            if app.state.confirmation != nil { app.press(.character("J")) }
            app.press(.character("s")).type(reason)
            #expect(app.state.form?.errors["status"]?.hasSuffix("(Backspace kiest weer Laag pitje)") == true, "\(reason): \(app.state.form?.errors ?? [:])")
            app.press(.backspace)
            #expect(app.state.form?["status"]?.selectedValue == "laag-pitje", "\(reason)")
        }
    }

    @Test("a choice that got two letters beginning nothing chooses again after Backspace")
    func choiceAfterStrayLetters() throws {
        let app = Harness()
        app.press(.character("2"), .character("+"))
        for _ in 0..<20 where app.state.form?.focusedField?.id != "kind" { app.press(.tab) }
        let before = app.state.form?["kind"]?.selectedValue
        app.type("xy")
        #expect(app.state.form?["kind"]?.selectedValue == before)
        #expect(app.state.form?.errors["kind"]?.hasSuffix("(Backspace begint opnieuw)") == true, "\(app.state.form?.errors ?? [:])")
        app.press(.backspace).type("beu")
        #expect(app.state.form?["kind"]?.selectedValue == "beurs")
        #expect(app.state.form?.errors["kind"] == nil)
    }

    @Test("a visit a partner organises: the visit form has Organisator (last), and the weighing takes the Kader's rule on partners' missions")
    func visitOrganisedByAPartner() throws {
        let app = Harness()
        app.press(.character("/")).type("pivot").press(.enter, .character("v"))
        app.press(.tab).type("12-3-2026")
        app.press(.tab, .tab, .tab).type("Kopenhagen")
        app.tab(to: "organiser")
        #expect(app.state.form?.fields.last { $0.isVisible && $0.id != "buttons" }?.id == "organiser", "after the fields it had: their order is kept")
        app.press(.enter).type("BOM").press(.enter)
        #expect(app.state.form?["organiser"]?.relationIDs == ["bom"])
        #expect(app.state.form?.verdictPreview?.reasons.contains { $0.rule == AssessmentRule.partnermissie.rawValue } == true,
                "\(app.state.form?.verdictPreview?.reasons.map(\.rule) ?? [])")
        app.press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        let visit = try #require(app.state.dossier.activities.first { $0.isVisit && $0.startDate == Fixtures.date("2026-03-12") })
        #expect(visit.organiser.relationID == "bom")
        // Edited: the field is there too, with the partner.
        #expect(VisitForm.make(editing: visit, in: app.state)["organiser"]?.relationIDs == ["bom"])
    }

    @Test("log a visit with one invalid field, correct it, save")
    func logVisitWithCorrection() throws {
        let app = Harness()
        app.press(.character("/")).type("pivot").press(.enter, .character("v"))
        #expect(app.state.form?["relations"]?.relationIDs == ["pivot-park"], "the current relation is preselected")
        app.press(.tab).type("31-2-2026")                        // an impossible date
        app.press(.tab, .tab).press(.right)                       // richting: uitgaand
        app.press(.tab).type("Kopenhagen")
        app.press(.tab).type("Denem")
        #expect(app.state.form?.picker?.candidates.first == "DK", "type-ahead over the countries' Dutch names")
        app.press(.enter)                                          // Denemarken; on to the next field
        #expect(app.state.form?["countries"]?.relationIDs == ["DK"])
        app.type("Marie Dupont")
        app.press(.tab).type("6")
        app.press(.tab).type("burgemeester Buijs, wethouder Den Brok")
        app.press(.tab).type("Rondleiding Pivot Park, lunch met Organon")
        app.press(.tab).type("Jan de Vries (Osse Farma BV)")
        app.press(.tab).type("1.250,50")
        app.press(.tab, .tab, .tab).type("Tweede bezoek")      // budgetregel (internationalisering), titel, toelichting
        app.press(.tab).type("Verslag naar B&W")
        app.press(.tab).type("1-4-2026")
        app.press(.control("s"))
        let form = try #require(app.state.form, "the form stays open")
        #expect(form.errors["startDate"] == "'31-2-2026' bestaat niet: februari 2026 heeft 28 dagen")
        #expect(form.focusedField?.id == "startDate", "the invalid field gets the focus")
        #expect(form.text("delegationFrom") == "Kopenhagen", "everything typed is kept")
        #expect(form.text("followUp.0.text") == "Verslag naar B&W")
        #expect(form["followUp.1.text"] != nil, "typing a follow-up added an empty row after it")
        #expect(app.text.contains("'31-2-2026' bestaat niet"))
        #expect(app.store.committed.isEmpty)

        // The cursor is at the end of the mistake, to correct it: Ctrl-U empties the field to type it anew.
        app.press(.control("u")).type("12-3-2026").press(.control("s"))
        #expect(app.state.form == nil)
        let visit = try #require(app.state.dossier.activities.first { $0.isVisit && $0.startDate == Fixtures.date("2026-03-12") })
        #expect(visit.title == "Missie naar Kopenhagen")
        #expect(visit.status == .uitgevoerd)
        #expect(visit.relations == ["pivot-park"])
        #expect(visit.visit == VisitDetails(direction: .uitgaand, delegationFrom: "Kopenhagen", ledBy: "Marie Dupont", size: 6,
                                            hosts: ["burgemeester Buijs", "wethouder Den Brok"], programme: "Rondleiding Pivot Park, lunch met Organon"), "the programme as typed, commas and all")
        #expect(visit.participants == [Participant(name: "Jan de Vries", role: .ondernemer, organisation: "Osse Farma BV")])
        #expect(visit.actualCost == Money(cents: 125_050))
        #expect(visit.notes == "Tweede bezoek")
        #expect(visit.followUps == [FollowUp(text: "Verslag naar B&W", due: Fixtures.date("2026-04-01"))])
        #expect(visit.countries.map(\.code) == ["DK"])
        #expect(visit.budgetLine == "internationalisering")
        // Its screen shows the programme as it was typed.
        app.press(.character("3"), .enter)
        #expect(app.text.contains("Programma           Rondleiding Pivot Park, lunch met Organon"), "\(app.text)")
    }

    @Test("an end date typed without its year is the first such day from the start date typed above it")
    func endDateAfterStart() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Zomerschool").press(.tab).type("t")   // soort: Training of workshop
        for _ in 0..<40 where app.state.form?.focusedField?.id != "startDate" { app.press(.tab) }
        app.type("28-6-2027")
        for _ in 0..<40 where app.state.form?.focusedField?.id != "endDate" { app.press(.tab) }
        app.type("3-7")
        #expect(app.state.form?.notes["endDate"] == "= zaterdag 3-7-2027", "not 3-7-2026, the nearest to today")
        app.press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        #expect(app.state.dossier.activities.last?.endDate == Fixtures.date("2027-07-03"))
        // The visit form reads its last day the same way.
        app.visitForm(of: "pivot").tab(to: "startDate").press(.control("u")).type("29-6-2027")
        app.tab(to: "endDate").type("1-7")
        #expect(app.state.form?.notes["endDate"] == "= donderdag 1-7-2027")
        // Saved, the message names both days, as log-visit does.
        let visit = Harness()
        visit.visitForm(of: "pivot").tab(to: "startDate").type("29-6-2027").tab(to: "endDate").type("1-7")
        visit.tab(to: "delegationFrom").type("Aarhus").press(.control("s"))
        #expect(visit.state.form == nil, "\(visit.state.form?.errors ?? [:])")
        #expect(visit.state.message?.text.hasPrefix("Bezoek vastgelegd: Delegatie uit Aarhus op 29-6-2027 t/m 1-7-2027") == true, "\(visit.state.message?.text ?? "")")
    }

    @Test("a visit logged afterwards keeps who approved it, as log-visit --decision does")
    func pastVisitKeepsDecision() throws {
        let app = Harness()
        app.visitForm(of: "pivot").tab(to: "startDate").press(.control("u")).type("1-11-2026")
        app.tab(to: "delegationFrom").type("Kopenhagen")
        app.tab(to: "decision")
        #expect(app.state.form?.focusedField?.id == "decision")
        app.type("Mandaat wethouder").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        let visit = try #require(app.state.dossier.activities.last)
        #expect(visit.status == .uitgevoerd && visit.approvalDecision == "Mandaat wethouder", "\(visit.statusHistory)")
    }

    @Test("an end date before the start is said at once with the form's other problems, not after they are put right")
    func endBeforeStartWithTheRest() throws {
        let app = Harness()
        app.visitForm(of: "pivot").tab(to: "startDate").press(.control("u")).type("15-3-2027")
        app.tab(to: "endDate").type("10-3-2027")
        app.tab(to: "size").type("veertien")
        app.press(.control("s"))
        let errors = try #require(app.state.form?.errors)
        #expect(errors["size"] != nil, "\(errors)")
        #expect(errors["endDate"] == "De einddatum (10-3-2027) ligt voor de begindatum (15-3-2027)", "\(errors)")
    }

    @Test("the weighing at the top counts a cost typed while the date does not read yet")
    func previewWithHalfDate() throws {
        let app = Harness()
        app.press(.character("2"), .character("+"), .tab).type("h")     // a kind: Handelsmissie (the weighing reads it)
        #expect(app.state.form?.verdictPreview?.reasons.contains { $0.text.hasPrefix("Zonder geraamde kosten") } == true)
        for _ in 0..<40 where app.state.form?.focusedField?.id != "startDate" { app.press(.tab) }
        app.type("1-3-27x")
        for _ in 0..<40 where app.state.form?.focusedField?.id != "estimatedCostCents" { app.press(.tab) }
        #expect(app.state.form?.focusedField?.id == "estimatedCostCents")
        app.type("1.250,50")
        let reasons = try #require(app.state.form?.verdictPreview?.reasons.map(\.text))
        #expect(!reasons.contains { $0.hasPrefix("Zonder geraamde kosten") }, "\(reasons)")
    }

    @Test("a visit's programme too long for the store is said under the programme field, not above the form")
    func visitFieldTooLong() throws {
        let app = Harness()
        app.press(.character("/")).type("pivot").press(.enter, .character("v"))
        app.press(.tab).type("vandaag")
        for _ in 0..<30 where app.state.form?.focusedField?.id != "delegationFrom" { app.press(.tab) }
        app.type("Kopenhagen")
        for _ in 0..<30 where app.state.form?.focusedField?.id != "programme" { app.press(.tab) }
        #expect(app.state.form?.focusedField?.id == "programme")
        app.loop.dispatch(.pasted(String(repeating: "Rondleiding ", count: 100)))
        app.press(.control("s"))
        #expect(app.state.form?.errors["programme"]?.hasPrefix("Programma is te lang: 1.199 tekens, hoogstens 1.000") == true,
                "\(app.state.form?.errors ?? [:]) \(app.state.form?.generalError ?? "") \(app.state.message?.text ?? "") \(app.state.form == nil)")
        #expect(app.state.form?.generalError == nil)
    }

    /// `log-visit` asks its --date; the form asked nothing and took today, so a Tab past the date logged a mission still
    /// ahead as carried out today.
    @Test("a new visit's date starts empty and must be typed: saved without one, the form says so and nothing is logged; the weighing meanwhile reads today")
    func visitDateAsked() throws {
        let app = Harness()
        let visits = app.state.dossier.activities.filter(\.isVisit).count
        app.press(.character("/")).type("pivot").press(.enter, .character("v"))
        #expect(app.state.form?.text("startDate") == "")
        #expect(app.state.form?.verdictPreview != nil, "the weighing is there before the date is typed")
        for _ in 0..<30 where app.state.form?.focusedField?.id != "delegationFrom" { app.press(.tab) }
        app.type("Kopenhagen").press(.control("s"))
        #expect(app.state.form?.errors["startDate"]?.hasPrefix("Vul een datum in") == true, "\(app.state.form?.errors ?? [:])")
        #expect(app.state.dossier.activities.filter(\.isVisit).count == visits)
        for _ in 0..<30 where app.state.form?.focusedField?.id != "startDate" { app.press(.backTab) }
        app.type("vandaag").press(.control("s"))
        #expect(app.state.form == nil)
        #expect(app.state.dossier.activities.filter(\.isVisit).count == visits + 1)
        #expect(app.state.dossier.activities.last { $0.isVisit }?.startDate == app.state.today)
    }

    @Test("a planned visit to a relation on laag pitje: in afweging, the weighing and a plain warning at once")
    func plannedVisitToLaagPitje() throws {
        let app = Harness()
        app.press(.character("/")).type("taiz").press(.enter, .character("v"))
        #expect(app.state.form?["decision"]?.isVisible == true, "today: the visit has taken place; who approved it is kept when given")
        // The weighing is there as the form opens, before where the delegation comes from is typed.
        #expect(app.state.form?.verdictPreview?.verdict == .negatief)
        #expect(app.text.contains("Taizhou staat op een laag pitje"), "\(app.text)")
        app.press(.tab).press(.control("u")).type("15-6-2027")
        #expect(app.state.form?["decision"]?.isVisible == true, "a visit in the future may already be approved")
        // Tot en met comes right after Datum: who decided, asked for a date in the future, waits at the end of the form, so
        // that the end date typed after Tab does not become a decision.
        app.press(.tab).type("16-6-2027").press(.tab, .tab).type("Taizhou")   // tot en met, richting: inkomend, delegatie
        app.press(.tab).type("China").press(.enter)                 // the country picker: Enter takes China
        let preview = try #require(app.state.form?.verdictPreview)
        #expect(preview.verdict == .negatief)
        #expect(app.text.contains("Oordeel nu: NEGATIEF"))
        #expect(app.text.contains("Taizhou staat op een laag pitje"))
        // From Toelichting on, Tab goes to the follow-up as before the date was in the future: what is typed there stays a
        // follow-up, not an approval.
        for _ in 0..<40 where app.state.form?.focusedField?.id != "notes" { app.press(.tab) }
        app.press(.tab)
        #expect(app.state.form?.focusedField?.id == "followUp.0.text")
        app.type("Verslag naar B&W").press(.tab).type("1-7-2027").press(.tab)
        #expect(app.state.form?.focusedField?.id == "followUp.1.text", "a new row after the one typed in, before who decided")
        #expect(app.state.form?.text("decision").isEmpty == true)
        app.press(.control("s"))
        #expect(app.state.form == nil)
        let visit = try #require(app.state.dossier.activities.first { $0.isVisit && $0.startDate == Fixtures.date("2027-06-15") })
        #expect(visit.followUps.map(\.text) == ["Verslag naar B&W"])
        #expect(visit.status == .inAfweging, "not planned: it is weighed first")
        #expect(visit.endDate == Fixtures.date("2027-06-16") && visit.statusHistory.first?.decision == nil)
        #expect(visit.countries.map(\.code) == ["CN"])
        #expect(app.state.message?.text.contains("Let op: Taizhou staat op een") == true && app.text.contains("Let op: Taizhou"),
                "the warning on the message line (wrapped over two rows)")
        // The same visit, already approved by the college: planned, with who decided.
        app.press(.character("v")).press(.tab).press(.control("u")).type("16-6-2027")
        app.press(.tab, .tab, .tab).type("Taizhou")
        for _ in 0..<20 where app.state.form?.focusedField?.id != "decision" { app.press(.tab) }
        #expect(app.state.form?.focusedField?.id == "decision")
        app.type("Besluit B&W 1 december 2026")
        #expect(app.state.form?["overrideReason"]?.isVisible == true, "approved against laag pitje: why, as approving asks")
        app.press(.control("s"))
        #expect(app.state.form?.errors["overrideReason"] != nil, "not without the reason")
        app.type("Verzoek van de burgemeester").press(.control("s"))
        let approved = try #require(app.state.dossier.activities.first { $0.isVisit && $0.startDate == Fixtures.date("2027-06-16") })
        #expect(approved.status == .gepland)
        #expect(approved.statusHistory.first?.decision == "Besluit B&W 1 december 2026")
        #expect(approved.approvalOverrideReason == "Verzoek van de burgemeester")
        #expect(approved.statusHistory.first?.by == "adviseur")
    }

    @Test("the review of a relation on laag pitje: herijken keeps the status, journaled as a review, and clears the signal")
    func reviewLaagPitje() throws {
        let app = Harness(dossier: Fixtures.smallDossier(), width: 100, height: 30)
        app.press(.character("/")).type("taiz").press(.enter, .character("s"))
        #expect(app.state.form?["status"]?.selectedValue == nil, "nothing chosen as the menu opens")
        app.press(.down)
        let form = try #require(app.state.form)
        #expect(form["status"]?.selectedValue == "herijken", "a relation on laag pitje is offered a review first")
        #expect(form["reviewDate"]?.isVisible == true)
        #expect(form.text("reviewDate") == "31-12-2030", "its own review date, later than a year ahead, is proposed: accepting never brings it forward")
        app.press(.tab).type("Herijking 2026: blijft op een laag pitje").press(.tab).press(.control("u")).type("1-1-2026").press(.control("s"))
        #expect(app.state.form?.errors["reviewDate"]?.contains("na vandaag") == true, "a review date in the past is refused")
        #expect(app.store.committed.isEmpty)
        app.press(.control("u")).type("1-1-2029").press(.control("s"))
        #expect(app.state.form == nil)
        let relation = try #require(app.state.dossier.relation("taizhou"))
        #expect(relation.status == .laagPitje)
        #expect(relation.reviewDate == Fixtures.date("2029-01-01"))
        #expect(relation.statusHistory.last?.isReview == true)
        #expect(app.text.contains("Taizhou: herijkt, blijft Laag pitje (herijking 1-1-2029)"))
        #expect(app.store.journal.last?.summary == "Herijking van Taizhou: blijft Laag pitje (volgende herijking 1-1-2029)")
        app.press(.enter)
        #expect(app.text.contains("Herijking: blijft Laag pitje  herijking 1-1-2029"))
    }

    @Test("carried out not before the start date; moving there asks the actual cost, proposing the estimate")
    func carriedOutNotEarly() throws {
        let app = Harness()
        app.press(.character("2"))
        let row = try #require(app.state.rows(.activities).firstIndex { app.state.dossier.activities[$0].id == "missie-lyon" })
        app.press(.home)
        for _ in 0..<row { app.press(.character("j")) }
        app.press(.character("m"))
        #expect(app.state.form?["status"]?.selectedValue == "uitgevoerd")
        #expect(app.state.form?["actualCostCents"]?.isVisible == true)
        #expect(app.state.form?["actualCostCents"]?.text == "2.500", "the estimate is proposed")
        app.press(.control("s"))
        let form = try #require(app.state.form, "refused: the form stays open")
        #expect(app.text.contains("begint pas op 10-3-2027"), "\(form)")
        #expect(app.state.dossier.activity("missie-lyon")?.status == .gepland)
        #expect(app.store.committed.isEmpty)
    }

    @Test("the relation picker narrows as you type, ignoring accents, and ticks several with Tab")
    func picker() throws {
        let app = Harness()
        app.press(.character("3"), .character("v"))
        app.type("rho")
        let picker = try #require(app.state.form?.picker)
        #expect(picker.candidates == ["rhone-alpes"])
        app.press(.tab, .backspace, .backspace, .backspace).type("pivot").press(.tab, .enter)
        #expect(app.state.form?["relations"]?.relationIDs == ["rhone-alpes", "pivot-park"])
        #expect(app.state.form?.picker == nil)
        #expect(app.state.form?.focusedField?.id == "startDate")
    }

    @Test("a new visit takes its countries from the relations chosen (the Netherlands aside), until one is chosen by hand")
    func visitCountriesFromRelations() throws {
        let app = Harness()
        app.press(.character("/")).type("taiz").press(.enter, .character("v"))
        #expect(app.state.form?["countries"]?.relationIDs == ["CN"], "v on Taizhou: a delegation from China")
        app.press(.escape)
        if app.state.confirmation != nil { app.press(.character("J")) }
        app.press(.character("3"), .character("v"))
        #expect(app.state.form?["countries"]?.relationIDs == [])
        app.type("rho").press(.tab, .backspace, .backspace, .backspace).type("pivot").press(.tab, .enter)
        #expect(app.state.form?["relations"]?.relationIDs == ["rhone-alpes", "pivot-park"])
        #expect(app.state.form?["countries"]?.relationIDs == ["FR"], "Pivot Park lies in the Netherlands: it says nothing")
        // Taking Rhône-Alpes off takes France off with it: it was only filled in.
        for _ in 0..<5 where app.state.form?.focusedField?.id != "relations" { app.press(.backTab) }
        #expect(app.state.form?.focusedField?.id == "relations")
        app.press(.backspace)
        #expect(app.state.form?["relations"]?.relationIDs == ["rhone-alpes"])
        #expect(app.state.form?["countries"]?.relationIDs == ["FR"])
        // A country chosen by hand stays when the relations change.
        for _ in 0..<8 where app.state.form?.focusedField?.id != "countries" { app.press(.tab) }
        app.type("Duitsland").press(.enter)
        #expect(app.state.form?["countries"]?.relationIDs == ["FR", "DE"])
        for _ in 0..<8 where app.state.form?.focusedField?.id != "relations" { app.press(.backTab) }
        app.press(.backspace)
        #expect(app.state.form?["relations"]?.relationIDs == [])
        #expect(app.state.form?["countries"]?.relationIDs == ["FR", "DE"])
    }

    @Test("a visit's direction turned in its form: the title made from it follows, as the saved message says; the id stays")
    func visitTitleFollowsDirection() throws {
        let app = Harness()
        app.press(.character("3"), .enter, .character("e"))
        #expect(app.state.form?.text("title") == "Delegatie uit Lyon")
        for _ in 0..<30 where app.state.form?.focusedField?.id != "direction" { app.press(.tab) }
        app.press(.right).press(.control("s"))
        #expect(app.state.form == nil, "\(String(describing: app.state.form?.errors))")
        let visit = try #require(app.state.dossier.activity("delegatie-uit-lyon"))
        #expect(visit.visit?.direction == .uitgaand && visit.title == "Missie naar Lyon")
        #expect(app.text.contains("Bezoek bewerkt: Missie naar Lyon."), "\(app.text)")
    }

    @Test("editing a visit that took place records what it yielded and who else took part; its cost field says it is the actual cost")
    func visitOutcomes() throws {
        let app = Harness()
        app.press(.character("3"), .enter, .character("e"))
        #expect(app.state.form?.purpose == .editVisit("delegatie-uit-lyon"))
        #expect(app.state.form?["cost"]?.label == "Kosten (werkelijk)")
        for _ in 0..<30 where app.state.form?.focusedField?.id != "outcomes" { app.press(.tab) }
        app.type("Intentieverklaring farma getekend")
        for _ in 0..<30 where app.state.form?.focusedField?.id != "participants.bestuurder" { app.press(.tab) }
        app.type("wethouder Den Brok (Gemeente Oss)")
        app.press(.control("s"))
        #expect(app.state.form == nil, "\(String(describing: app.state.form?.errors))")
        let visit = try #require(app.state.dossier.activity("delegatie-uit-lyon"))
        #expect(visit.outcomes == "Intentieverklaring farma getekend")
        #expect(visit.participants.map(\.role) == [.ondernemer, .bestuurder], "the entrepreneur stays, the administrator is added")
        #expect(visit.participants.last?.name == "wethouder Den Brok" && visit.participants.last?.organisation == "Gemeente Oss")
        // A visit still to come: its cost is the estimate.
        app.press(.escape, .character("v"), .tab, .control("u")).type("12-5-2027")
        #expect(app.state.form?["cost"]?.label == "Kosten (geraamd)")
        #expect(app.state.form?["outcomes"] == nil, "logging keeps to what is known beforehand")
    }

    @Test("a save the store refuses keeps the form and every field; a disk error is shown and the program goes on")
    func storeFailureKeepsInput() throws {
        let app = Harness()
        app.store.failure = .fileSystem(FileSystemError(operation: "schrijven", path: "/data/dossier.json", code: SystemErrorCode.noSpace))
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .down, .tab).type("Reden blijft staan").press(.control("s"))
        let form = try #require(app.state.form)
        #expect(form.text("reason") == "Reden blijft staan")
        #expect(form.generalError?.contains("de schijf is vol") == true)
        #expect(app.state.message?.isError == true)
        #expect(app.state.dossier.relation("bom")?.status == .actief)
        app.store.failure = nil
        app.press(.control("s"))
        #expect(app.state.form == nil)
        #expect(app.state.dossier.relation("bom")?.status == .focus)
    }

    @Test("a refusal about one field lands under that field")
    func refusalAtField() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .down, .down, .down, .tab).type("Kader").press(.tab)
        app.type("1-1-2020").press(.control("s"))
        let form = try #require(app.state.form)
        #expect(form.errors["reviewDate"] == "de herijkingsdatum moet na vandaag (22-11-2026) liggen")
    }

    @Test("u undoes the last change of the session and Ctrl-R redoes it")
    func undoRedo() {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .down, .tab).type("r").press(.control("s"))
        #expect(app.state.dossier.relation("bom")?.status == .focus)
        app.press(.character("u"))
        #expect(app.state.dossier.relation("bom")?.status == .actief)
        #expect(app.state.dossier == Fixtures.smallDossier())
        #expect(app.text.contains("Ongedaan gemaakt: status BOM Focus → Actief"))
        #expect(app.store.journal.last?.summary == "Ongedaan gemaakt: status BOM Focus → Actief", "the log says the same as the screen")
        app.press(.control("r"))
        #expect(app.state.dossier.relation("bom")?.status == .focus)
        #expect(app.text.contains("Opnieuw gedaan: status BOM Actief → Focus"))
        app.press(.character("u"), .character("u"))
        #expect(app.text.contains("niets meer om ongedaan te maken"), "all undone, not 'nothing yet'")
    }

    @Test("R keeps the steps of the session when the files go on from what the screen had; files replaced, or of another line, start undo over")
    func reloadKeepsUndo() {
        let app = Harness()
        func changeBOM() {
            app.press(.escape, .escape, .character("1"), .character("/")).type("bom").press(.enter, .character("s"), .down, .tab).type("r").press(.control("s"))
        }
        changeBOM()
        #expect(app.state.dossier.relation("bom")?.status == .focus)
        app.press(.character("R"))
        #expect(app.text.contains("Opnieuw geladen.") && !app.text.contains("begint opnieuw"), "R for nothing, or after a colleague's change")
        app.press(.character("u"))
        #expect(app.state.dossier.relation("bom")?.status == .actief, "the step of before the reload is undone")

        // Replaced by something that does not go on from it, and R pressed before the screen's next look found it out.
        changeBOM()
        app.store.outsideChange = true
        app.press(.character("R"))
        #expect(app.state.message?.text == "Opnieuw geladen: het dossier is buiten dit programma vervangen; ongedaan maken begint opnieuw.")
        app.press(.character("u"))
        #expect(app.state.dossier.relation("bom")?.status == .focus)
        #expect(app.text.contains("nog niets om ongedaan te maken"))

        // Of another line of changes (another dossier put in its place).
        changeBOM()
        var mine = app.state.dossier
        mine.setJournalPosition(sequence: 3, lineage: "lijn", tail: "")
        app.loop.dispatch(.reloaded(mine, notices: []))
        var another = mine
        another.setJournalPosition(sequence: 9, lineage: "andere lijn", tail: "")
        app.loop.dispatch(.reloaded(another, notices: []))
        #expect(app.state.message?.text.hasSuffix("ongedaan maken begint opnieuw.") == true)
    }

    @Test("search ignores case and accents, n and N go to the next and previous match, Esc returns")
    func search() {
        let app = Harness()
        app.press(.character("/")).type("RHONE")
        #expect(app.state.selectedID(in: .relations) == "rhone-alpes")
        app.press(.escape)
        #expect(app.state.selectedID(in: .relations) == "bom", "Esc goes back to where the search started")
        #expect(app.state.search == nil)
        // Contacts and notes are searched too: Britta Driessen is Pivot Park's contact.
        app.press(.character("/")).type("driessen").press(.enter)
        #expect(app.state.selectedID(in: .relations) == "pivot-park")
        app.press(.character("/")).type("a").press(.enter)
        let first = app.state.selectedID(in: .relations)
        app.press(.character("n"))
        #expect(app.state.selectedID(in: .relations) != first)
        app.press(.character("N"))
        #expect(app.state.selectedID(in: .relations) == first)
    }

    @Test("filters by status and kind with single keys, sorting with o")
    func filters() {
        let app = Harness()
        app.press(.character("f"))
        #expect(app.state.relationQuery.statuses == [.focus])
        #expect(app.state.rows(.relations).count == 2)
        app.press(.character("f"), .character("f"), .character("f"))
        #expect(app.state.relationQuery.statuses == [.laagPitje])
        #expect(app.state.rows(.relations).map { app.state.dossier.relations[$0].id } == ["taizhou"])
        app.press(.character("c"), .character("t"), .character("t"))
        #expect(app.state.relationQuery.kind == .netwerk)
        app.press(.character("c"), .character("o"))
        #expect(app.state.relationQuery.order == .status)
        #expect(app.state.rows(.relations).map { app.state.dossier.relations[$0].id }.first == "pivot-park")
    }

    @Test("a filter on several statuses (as the command line makes one) lists each of them, says them all, and f goes on from the first status")
    func severalStatuses() {
        var state = AppState(dossier: Fixtures.smallDossier(), today: Fixtures.clock.today(), width: 120, height: 30)
        state.relationQuery.statuses = [.focus, .laagPitje, .actief]
        state.refreshRows()
        let listed = Set(state.rows(.relations).map { state.dossier.relations[$0].status })
        #expect(listed == [.focus, .laagPitje, .actief] && state.rows(.relations).count < state.dossier.relations.count)
        #expect(HeaderView.filterSummary(state).first == "status: Focus, Laag pitje of Actief")
        #expect(state.update(.key(.character("f"))) == [] && state.relationQuery.statuses == [RelationStatus.allCases[0]])
        #expect([ActivityStatus.idee].labelsAsAlternatives == "Idee" && [ActivityStatus]().labelsAsAlternatives == nil)
    }

    @Test("activities filter by status, kind and year; visits by direction")
    func activityFilters() {
        let app = Harness()
        app.press(.character("2"))
        #expect(app.state.rows(.activities).count == 2)
        app.press(.character("y"))
        #expect(app.state.activityQuery.year == 2026)
        #expect(app.state.rows(.activities).count == 1)
        app.press(.character("3"), .character("f"))
        #expect(app.state.visitQuery.direction == .inkomend)
        #expect(app.state.rows(.visits).count == 1)
        app.press(.character("f"))
        #expect(app.state.rows(.visits).isEmpty)
        #expect(app.text.contains("Geen bezoeken met deze filters"))
    }

    @Test("before its start date, the step to carried out says from when it can be taken")
    func carriedOutWaitsForDate() throws {
        let app = Harness()
        app.press(.character("2")).type("/missie lyon").press(.enter, .character("m"))
        let mission = try #require(app.state.dossier.activity("missie-lyon"))
        let start = try #require(mission.startDate)
        #expect(start > Fixtures.clock.today() && mission.status.allowedNextStates.contains(.uitgevoerd))
        guard case .menu(let options, _)? = app.state.form?["status"]?.value else {
            Issue.record("no menu")
            return
        }
        #expect(options.first { $0.value == "uitgevoerd" }?.label == "Uitgevoerd (kan vanaf \(DateWriting.standard.date(start)))", "\(options)")
    }

    @Test("moving an activity offers only the allowed next states")
    func moveOffersAllowedStates() throws {
        let app = Harness()
        app.press(.character("2"), .character("m"))
        let form = try #require(app.state.form)
        guard case .menu(let options, _)? = form["status"]?.value else {
            Issue.record("no menu")
            return
        }
        let activity = try #require(app.state.dossier.activity(app.state.selectedID(in: .activities) ?? ""))
        #expect(options.map(\.value) == activity.status.allowedNextStates.map(\.rawValue))
        app.press(.control("s"))
        #expect(app.state.dossier.activity(activity.id)?.status == activity.status.allowedNextStates.first)
    }

    @Test("an empty list with the keys offers only +: e, d and o say there is none, and the status bar does not offer them")
    func emptyListOffersOnlyAdding() throws {
        let app = Harness()
        app.press(.character("1")).type("/taizhou").press(.enter, .enter)
        while app.state.currentDetail?.focusedList != .activities { app.press(.tab) }
        #expect(app.state.focusedListIsEmpty)
        let hints = StatusBarView.hints(for: app.state).map { $0.hint }
        #expect(!hints.contains("bewerk") && !hints.contains("verwijder") && !hints.contains("openen"), "\(hints)")
        for key: Character in ["e", "d"] {
            app.press(.character(key))
            #expect(app.state.form == nil && app.state.confirmation == nil, "\(key)")
            #expect(app.state.message?.text == "Er is nog geen activiteit: + voegt er een toe.", "\(key)")
        }
        while app.state.currentDetail?.focusedList != .contacts { app.press(.tab) }
        #expect(app.state.focusedListIsEmpty)
        let contactHints = StatusBarView.hints(for: app.state).map { $0.hint }
        #expect(contactHints.contains("nieuw") && !contactHints.contains("bewerk") && !contactHints.contains("verwijder"), "\(contactHints)")
        while app.state.currentDetail?.focusedList != .links { app.press(.tab) }
        #expect(!StatusBarView.hints(for: app.state).map { $0.hint }.contains("openen"))
        app.press(.character("o"))
        #expect(app.state.message?.text == "Er is nog geen link: + voegt er een toe.", "not 'Tab to the list Links': it is there")
    }

    @Test("d in an empty list of contacts or links says there is none; it never offers to delete the relation or activity")
    func deleteInEmptyList() throws {
        let app = Harness()
        app.press(.character("1")).type("/bom").press(.enter, .enter)
        while app.state.currentDetail?.focusedList != .contacts { app.press(.tab) }
        app.press(.character("d"))
        #expect(app.state.confirmation == nil, "\(app.state.confirmation?.question ?? "")")
        #expect(app.state.message?.text == "Er is nog geen contactpersoon: + voegt er een toe.")
        while app.state.currentDetail?.focusedList != .links { app.press(.tab) }
        app.press(.character("d"))
        #expect(app.state.confirmation == nil, "\(app.state.confirmation?.question ?? "")")
        #expect(app.state.message?.text == "Er is nog geen link: + voegt er een toe.")
        app.press(.escape, .character("2")).type("/lyon").press(.enter, .enter)
        while app.state.currentDetail?.focusedList != .links { app.press(.tab) }
        app.press(.character("d"))
        #expect(app.state.confirmation == nil, "\(app.state.confirmation?.question ?? "")")
        #expect(app.state.dossier.relation("bom") != nil)
    }

    @Test("add a follow-up and tick it off in the activity's screen")
    func followUps() throws {
        let app = Harness()
        app.press(.character("3"), .enter)
        #expect(app.text.contains("Vervolgacties (1 open van 2)"))
        app.press(.character("+")).type("Offerte vragen").press(.tab).type("1-2-2027").press(.control("s"))
        let activity = try #require(app.state.dossier.activity("delegatie-uit-lyon"))
        #expect(activity.followUps.last == FollowUp(text: "Offerte vragen", due: Fixtures.date("2027-02-01")))
        // Tab goes to the list on the one just added: Space ticks it off.
        app.press(.tab, .character(" "))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.map(\.isDone) == [false, true, true])
        #expect(app.text.contains("Vervolgacties (1 open van 3)"))
        // The one ticked off went below the open one, and the selection with it: Space again opens it again.
        app.press(.character(" "))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.map(\.isDone) == [false, true, false])
        #expect(app.state.message?.text == "Vervolgactie heropend: Offerte vragen")
        app.press(.character("k"), .character(" "))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps[0].isDone == true, "k: the one above, Verslag")
    }

    @Test("Space on an activity with several follow-ups, the keys not on their list: the list is shown selected first, nothing ticked off")
    func tickNeedsVisibleSelection() throws {
        let app = Harness()
        app.press(.character("3"), .enter)
        let before = app.state.dossier.activity("delegatie-uit-lyon")?.followUps
        #expect(app.state.currentDetail?.focusedList != .followUps)
        app.press(.character("x"))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps == before)
        #expect(app.state.currentDetail?.focusedList == .followUps)
        #expect(app.state.message?.text == "Kies de vervolgactie met ↑↓ en druk dan nog eens spatie of x.")
        #expect(!StatusBarView.hints(for: app.state).contains { $0.hint == "openen" }, "Enter opens nothing on the follow-ups: not offered")
        app.press(.character("x"))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps != before, "now it is in view: ticked off")
    }

    @Test("ticking a follow-up off in a list longer than its pane keeps the selection on it, and in sight")
    func tickInLongList() throws {
        var dossier = Fixtures.smallDossier()
        for day in 1...20 {
            try dossier.apply(.addFollowUp("delegatie-uit-lyon", FollowUp(text: "Stap \(day)", due: Fixtures.date(String(format: "2027-01-%02d", day)))),
                              context: Fixtures.context)
        }
        let app = Harness(dossier: dossier, width: 100, height: 30)
        app.press(.character("3"), .enter, .tab, .character(" "))
        let followUps = try #require(app.state.dossier.activity("delegatie-uit-lyon")?.followUps)
        #expect(followUps[0].isDone, "the first shown, Verslag naar de wethouder (1-7-2026), ticked off")
        let selected = try #require(app.state.selectedFollowUp)
        #expect(selected.index == 0, "still selected after it moved below the open ones")
        let list = try #require(app.state.currentDetail?.items)
        let rows = DetailLayout(layout: app.state.layout, itemCount: followUps.count, on: app.state.screen).itemRows
        #expect(rows < followUps.count && list.selection >= rows, "the test needs the moved one below the first pane")
        #expect((list.offset..<list.offset + rows).contains(list.selection), "and in sight: \(list), \(rows) rows")
    }

    /// The list sorts open follow-ups by date: an edit that moves one left the selection on the row, now another follow-up,
    /// and the next Space ticked that one off.
    @Test("a follow-up edited to a later date keeps the selection as the list sorts it elsewhere: Space then ticks it, not its neighbour")
    func selectionFollowsEditedFollowUp() throws {
        var dossier = Fixtures.smallDossier()
        for (text, due) in [("Zaal boeken", "2027-05-01"), ("Uitnodigingen versturen", "2027-05-02"), ("Verslag", "2027-10-15")] {
            try dossier.apply(.addFollowUp("delegatie-uit-lyon", FollowUp(text: text, due: Fixtures.date(due))), context: Fixtures.context)
        }
        let app = Harness(dossier: dossier, width: 100, height: 30)
        app.press(.character("3"), .enter, .tab)
        for _ in 0..<10 where app.state.selectedFollowUp.map({ app.state.dossier.activity("delegatie-uit-lyon")?.followUps[$0.index].text }) != "Zaal boeken" {
            app.press(.character("j"))
        }
        let before = try #require(app.state.selectedFollowUp)
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps[before.index].text == "Zaal boeken")
        app.press(.character("e")).tab(to: "due").press(.control("u")).type("20-10-2027").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        app.press(.character(" "))
        let followUps = try #require(app.state.dossier.activity("delegatie-uit-lyon")?.followUps)
        let mine = followUps.filter { ["Zaal boeken", "Uitnodigingen versturen", "Verslag"].contains($0.text) }
        #expect(mine.filter(\.isDone).map(\.text) == ["Zaal boeken"], "\(followUps.map { "\($0.text) \($0.isDone)" })")
    }

    @Test("a follow-up or contact added twice is saved, and the message says which it probably doubles")
    func likelyDoubles() throws {
        let app = Harness()
        app.press(.character("3"), .enter)
        app.press(.character("+")).type("Verslag naar de wethouder").press(.tab).type("1-7-2026").press(.control("s"))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.count == 3)
        // The fixture's follow-up is due 1-7-2026, before the harness's today: both warnings.
        #expect(app.state.message?.text == "Vervolgactie toegevoegd: Verslag naar de wethouder. Let op: Verslag naar de wethouder stond al open bij "
                + "Delegatie uit Lyon (nummer 1); de streefdatum 1-7-2026 ligt al in het verleden. Ongedaan maken: u.", "\(app.state.message?.text ?? "")")
        app.press(.character("+")).type("Verslag naar de wethouder").press(.control("s"))
        #expect(app.state.message?.text == "Vervolgactie toegevoegd: Verslag naar de wethouder", "no due date: another follow-up")
        app.press(.escape, .character("1")).press(.character("/")).type("pivot").press(.enter, .enter, .tab)
        app.press(.character("+")).type("britta driessen").press(.control("s"))
        #expect(app.state.message?.text == "Contactpersoon toegevoegd bij Pivot Park: britta driessen. Let op: Pivot Park had al een contactpersoon "
                + "Britta Driessen (britta-driessen). Ongedaan maken: u.", "\(app.state.message?.text ?? "")")
        app.press(.character("u"))
        #expect(app.state.dossier.relation("pivot-park")?.contacts.filter { $0.name.lowercased() == "britta driessen" }.count == 1, "u took the new one back")
    }

    @Test("a follow-up due before today is saved, and the message says the date has passed")
    func pastDueDate() throws {
        let app = Harness()
        app.press(.character("3"), .enter)
        app.press(.character("+")).type("Bedankbrief").press(.tab).type("1-1-2020").press(.control("s"))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.last?.due == Fixtures.date("2020-01-01"))
        #expect(app.state.message?.text == "Vervolgactie toegevoegd: Bedankbrief. Let op: de streefdatum 1-1-2020 ligt al in het verleden.",
                "\(app.state.message?.text ?? "")")
    }

    @Test("add and edit an activity")
    func addAndEditActivity() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Handelsmissie Medicon Valley")
        app.press(.tab).type("h").press(.tab, .tab).type("rhone").press(.enter)      // soort: Handelsmissie; relaties
        app.press(.enter).type("bom").press(.enter)                  // organisator
        app.type("18-5-2027").press(.tab, .tab)                      // begindatum, einddatum
        app.type("denem").press(.tab, .control("u")).type("zwed").press(.tab, .enter)  // bestemming: two ticked in the picker
        app.press(.character(" "))                                   // sector: farma
        app.press(.tab, .tab).type("2.500").press(.control("s"))    // budgetregel, geraamde kosten
        let added = try #require(app.state.dossier.activity("handelsmissie-medicon-valley"))
        #expect(added.kind == .handelsmissie)
        #expect(added.status == .idee)
        #expect(added.relations == ["rhone-alpes"])
        #expect(added.organiser == .relation("bom"))
        #expect(added.startDate == Fixtures.date("2027-05-18"))
        #expect(added.sectors == [.farma])
        #expect(added.estimatedCost == Money(euros: 2500))
        #expect(added.countries.map(\.code) == ["FR", "DK", "SE"], "France came with Rhône-Alpes; the two ticked were added")
        #expect(added.budgetLine == "internationalisering")
        // Edit: open it and change the title.
        app.press(.character("g"))
        let row = try #require(app.state.rows(.activities).firstIndex { app.state.dossier.activities[$0].id == added.id })
        app.press(.home)
        for _ in 0..<row { app.press(.character("j")) }
        app.press(.character("e")).press(.control("u")).type("Missie Medicon Valley").press(.control("s"))
        #expect(app.state.dossier.activity(added.id)?.title == "Missie Medicon Valley")
    }

    @Test("delete only after confirmation, and undo brings it back")
    func deleteWithConfirmation() {
        let app = Harness()
        app.press(.character("2"), .character("d"))
        #expect(app.state.confirmation != nil)
        app.press(.character("n"))
        #expect(app.state.dossier.activities.count == 2)
        // j moves in lists and Enter gives the default answer: neither deletes.
        app.press(.character("d"), .character("j"), .enter)
        #expect(app.state.confirmation == nil)
        #expect(app.state.dossier.activities.count == 2)
        app.press(.character("d"), .tab, .enter)
        #expect(app.state.dossier.activities.count == 1, "Tab chooses Ja, Enter gives it")
        app.press(.character("u"))
        #expect(app.state.dossier == Fixtures.smallDossier())
        app.press(.character("d"), .character("J"))
        #expect(app.state.dossier.activities.count == 1, "J answers ja at once")
    }

    @Test("line breaks pasted into a field become one space, a blank line too")
    func pastedLineBreaks() {
        let app = Harness()
        app.press(.character("2"), .character("+"))
        app.loop.dispatch(.pasted("Beurs\r\n\r\nMilaan\n\tfarma"))
        #expect(app.state.form?.text("title") == "Beurs Milaan  farma", "a break and a tab are a space each; a blank line adds none")
    }

    @Test("a question shows Nee chosen, and text pasted into it answers nothing")
    func confirmationDefault() {
        let app = Harness()
        app.press(.character("2"), .character("d"))
        #expect(app.text.contains("[ Nee ]") && app.text.contains("[ Ja ]"))
        let canvas = app.screen
        let row = (0..<canvas.height).first { canvas.line($0).contains("[ Nee ]") } ?? 0
        let nee = canvas.line(row).range(of: "[ Nee ]").map { DisplayWidth.of(canvas.line(row)[..<$0.lowerBound]) } ?? 0
        #expect(canvas[nee + 2, row].style.isReversed, "Nee is the chosen answer")
        app.loop.dispatch(.typed("JJJ"))
        #expect(app.state.confirmation != nil)
        #expect(app.state.dossier.activities.count == 2)
        #expect(!app.text.contains("j = ja"))
        // `dJ` pasted without bracketed paste: the d is read as a key, the J that came with it is typed ahead of the question.
        app.press(.escape)
        #expect(app.state.confirmation == nil)
        app.press(.character("d"))
        app.loop.dispatch(.typed("J"))
        #expect(app.state.confirmation != nil && app.state.dossier.activities.count == 2, "a J typed ahead answers nothing")
        app.press(.character("J"))
        #expect(app.state.confirmation == nil && app.state.dossier.activities.count == 1, "a J pressed after the question answers it")
    }

    @Test("characters that arrive together on a window too small to show the form do not go into it unseen")
    func typedAheadOnTooSmallWindow() {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Beurs")
        app.resize(50, 10)
        app.loop.dispatch(.typed("klm"))
        app.loop.dispatch(.typed("aqJ"))
        app.resize(120, 36)
        #expect(app.state.form?.text("title") == "Beurs")
    }

    @Test("leaving a form with input asks first; Ctrl-C with a filled form does not lose it silently")
    func unsavedInput() {
        let app = Harness()
        app.press(.character("v"), .tab).type("1-1-2027").press(.escape)
        #expect(app.state.confirmation?.consequence == .discardForm)
        app.press(.character("n"))
        #expect(app.state.form?.text("startDate") == "1-1-2027")
        app.press(.control("c"))
        #expect(app.state.confirmation?.consequence == .quit)
        #expect(!app.state.hasQuit)
        app.press(.character("J"))
        #expect(app.state.hasQuit)
    }

    @Test("Ctrl-C stops from everywhere: over a question, the help and a picker too, asking first when a form holds input")
    func controlCEverywhere() {
        let help = Harness()
        help.press(.character("?"), .control("c"))
        #expect(help.state.hasQuit)
        let question = Harness()
        question.press(.character("2"), .character("d"))
        #expect(question.state.confirmation != nil, "\(question.state.message.map { "\($0)" } ?? "")")
        question.press(.control("c"))
        #expect(question.state.hasQuit && question.store.committed.isEmpty, "stopping answers no question")
        let picker = Harness()
        picker.press(.character("v"), .enter)
        #expect(picker.state.form?.picker != nil)
        picker.press(.control("c"))
        #expect(picker.state.hasQuit, "nothing typed yet: nothing to ask about")
        let ticked = Harness()
        ticked.press(.character("v"), .enter, .tab)
        ticked.press(.control("c"))
        #expect(!ticked.state.hasQuit && ticked.state.confirmation?.consequence == .quit, "a tick in the picker is input too")
        let filled = Harness()
        filled.press(.character("v"), .tab).type("1-1-2027").press(.backTab, .enter)
        #expect(filled.state.form?.picker != nil)
        filled.press(.control("c"))
        #expect(!filled.state.hasQuit && filled.state.confirmation?.consequence == .quit)
        filled.press(.control("c"))
        #expect(!filled.state.hasQuit && filled.state.confirmation?.consequence == .quit, "the question whether to stop stays up")
        filled.press(.character("J"))
        #expect(filled.state.hasQuit)
    }

    @Test("q goes back, and quits on the start screen; Esc on the start screen does not quit")
    func goingBack() {
        let app = Harness()
        app.press(.enter)
        app.press(.escape)
        #expect(app.state.screen == .list(.relations))
        app.press(.escape)
        #expect(!app.state.hasQuit)
        app.press(.character("q"))
        #expect(app.state.hasQuit)
    }

    @Test("q with a search held on the start screen clears the search first; the next q quits")
    func quitAfterSearch() {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("n"))
        #expect(app.state.search != nil)
        app.press(.character("q"))
        #expect(!app.state.hasQuit && app.state.search == nil)
        #expect(app.text.contains("Zoekopdracht gewist; nog eens q stopt het programma."))
        app.press(.character("q"))
        #expect(app.state.hasQuit)
    }

    @Test("a search that finds nothing says so on Enter, without offering n and N")
    func searchWithoutHits() {
        let app = Harness()
        app.press(.character("/")).type("zzqq").press(.enter)
        #expect(app.state.message?.text == "Geen treffers voor 'zzqq'; Esc wist de zoekopdracht")
        app.press(.character("/")).type("bom").press(.enter)
        #expect(app.state.message?.text.contains("n volgende, N vorige") == true, "\(app.state.message?.text ?? "")")
    }

    @Test("read-only: changing is refused at once with a message, no form opens, nothing is committed")
    func readOnly() {
        let app = Harness(isReadOnly: true)
        for key in ["s", "v", "+", "u"] {
            app.press(.character(Character(key)))
            #expect(app.state.form == nil, "\(key) opened a form")
            #expect(app.text.contains("Alleen-lezen geopend: wijzigen kan hier niet"), "\(key)")
        }
        app.press(.character("2"), .character("m"), .character("a"), .character("d"))
        #expect(app.state.form == nil && app.state.confirmation == nil)
        #expect(app.store.committed.isEmpty)
        #expect(app.text.contains("[alleen-lezen]"))
        // A colleague's change comes in and is said, over the read-only notice.
        app.store.othersChanges = [(.editActivity("missie-lyon", [FieldEdit(field: "title", old: .text("Handelsmissie Lyon"), new: .text("Missie Lyon"))]),
                                    ChangeContext(actor: "Ine", timestamp: Fixtures.now, today: Fixtures.context.today))]
        #expect(app.loop.refresh())
        #expect(app.state.message?.text.hasPrefix("Bijgewerkt:") == true, "\(app.state.message?.text ?? "")")
        #expect(app.state.dossier.activity("missie-lyon")?.title == "Missie Lyon")
    }

    @Test("putting a relation on laag pitje on the screen says which approved or planned activity of it still stands")
    func laagPitjeWithActivityToCome() throws {
        let app = Harness(dossier: Fixtures.smallDossier(), width: 120, height: 36)
        app.press(.character("/")).type("rhone").press(.enter, .character("s"))
        for _ in 0..<6 where app.state.form?["status"]?.selectedValue != "laag-pitje" { app.press(.down) }
        #expect(app.state.form?["status"]?.selectedValue == "laag-pitje")
        app.press(.tab).type("Kader").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        #expect(app.state.message?.text.contains("Let op: Rhône-Alpes heeft nog een geplande activiteit op 10-3-2027: 'Handelsmissie Lyon' (missie-lyon)") == true,
                "\(app.state.message?.text ?? "")")
    }

    @Test("u on a step already undone elsewhere (dossier undo on the command line) saves nothing and says so; the next u goes further back")
    func undoneElsewhere() throws {
        let app = Harness(dossier: Fixtures.smallDossier(), width: 100, height: 30)
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .down, .tab).type("Kader").press(.control("s"))
        let before = try #require(app.state.dossier.relation("bom"))
        #expect(before.status != Fixtures.smallDossier().relation("bom")?.status)
        var restoration = try #require(app.state.undoHistory.undoable.last?.restoration)
        restoration.purpose = .undo
        app.store.othersChanges = [(.restore(restoration), ChangeContext(actor: "anna", timestamp: Fixtures.now, today: Fixtures.context.today))]
        #expect(app.loop.refresh())
        let committed = app.store.committed.count
        app.press(.character("u"))
        #expect(app.store.committed.count == committed, "nothing saved")
        #expect(app.state.message?.text.hasPrefix("Al zoals vóór die stap (elders ongedaan gemaakt of teruggedraaid)") == true, "\(app.state.message?.text ?? "")")
        #expect(app.state.undoHistory.undoable.isEmpty)
    }

    @Test("a resize keeps the selection visible and the open form")
    func resize() {
        let app = Harness(width: 120, height: 40)
        app.press(.character("G"))
        app.press(.character("v"), .tab).type("2027-01-01")
        app.resize(70, 14)
        #expect(app.state.form?.text("startDate") == "2027-01-01")
        let list = app.state.listState(.relations)
        #expect(list.selection >= list.offset && list.selection < list.offset + app.state.layout.listRows)
        app.resize(40, 10)
        #expect(app.text.contains("Venster te klein"))
        app.resize(80, 24)
        #expect(app.text.contains("Delegatiebezoek vastleggen"))
    }

    @Test("on a very small window the notice leaves out the sizes, then its title, before how to go on is cut off")
    func tinyWindowSaysHowToStop() {
        let app = Harness(width: 120, height: 40)
        for (width, height, expected) in [(20, 5, ["Venster te klein", "maak het venster", "groter, of q om te", "stoppen"]), (20, 3, ["maak het venster", "groter, of q om te", "stoppen"]), (10, 2, ["q stopt"]),
                                          (40, 10, ["Venster te klein", "minimaal 60×12, nu 40×10", "maak het venster groter, of q om te", "stoppen"])] {
            app.resize(width, height)
            let lines = app.screen.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(lines == expected, "\(width)×\(height): \(lines)")
        }
    }

    @Test("on a screen too small, q with unsaved input asks there and takes its answer: n keeps the form, J quits")
    func questionOnTooSmall() {
        let app = Harness(width: 120, height: 40)
        app.press(.character("+")).type("Wegwerp")
        app.resize(40, 10)
        app.press(.character("q"))
        #expect(app.text.contains("Toch stoppen"), "\(app.text)")
        #expect(app.text.contains("J ja · n nee"))
        // Too small for it whole, the question is cut rather than left out: its answers alone would not say what J does.
        app.resize(20, 3)
        #expect(app.text.contains("Toch stoppen"), "\(app.text)")
        app.resize(40, 10)
        app.press(.character("n"))
        #expect(app.state.confirmation == nil && !app.state.hasQuit)
        #expect(app.text.contains("maak het venster groter"))
        app.resize(120, 40)
        #expect(app.state.form?.text("name") == "Wegwerp")
        app.resize(40, 10)
        app.press(.character("q"), .character("J"))
        #expect(app.state.hasQuit)
    }

    @Test("text from the file reaches the screen inert: no escape or control characters")
    func hostileText() throws {
        let dossier = try Fixtures.smallDossier { relation in
            relation.name = "BOM\u{1B}[2J\u{1B}]0;pwned\u{07}"
            relation.notes = "regel\u{1B}[31m rood\u{9B}0m\r\nnieuwe regel"
        }
        let app = Harness(dossier: dossier)
        app.press(.character("/")).type("bom").press(.enter, .enter)
        let canvas = app.screen
        for cell in canvas.cells {
            #expect(!cell.character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        #expect(app.text.contains("BOM␛[2J␛]0;pwned␇"))
    }
}

@Suite("TUI assessment")
struct AssessmentFlowTests {
    @Test("an unknown fact no question asks (the entrepreneurs among the participants) is shown whole in the weighing, with where to fill it in, and stays with the weighing saved")
    func assessmentUnknownFact() throws {
        let app = Harness(width: 120, height: 36)
        app.press(.character("2"), .character("G"), .enter, .character("a"))
        #expect(app.state.form?.purpose == .assessment("missie-lyon"))
        for _ in Assessor.questions(for: app.state.dossier.activity("missie-lyon")!, in: app.state.dossier) { app.type("j") }
        #expect(app.state.form?.verdictPreview?.missingFacts == ["Ondernemers onder de deelnemers (bij economische activiteiten steevast uitgenodigd)"])
        let text = app.text
        #expect(text.contains("? Nog onbekend: Ondernemers onder de deelnemers (bij economische activiteiten steevast"), "\(text)")
        #expect(text.contains("uitgenodigd) — vul in op de activiteit (e)"), "\(text)")
        app.press(.control("s"))
        #expect(app.state.form == nil)
        #expect(app.text.contains("• Nog onbekend: Ondernemers onder de deelnemers"), "the detail's weighing says it too: \(app.text)")
    }

    @Test("a sentence typed at a question answers it by its first letter only: the rest answers no later question")
    func sentenceAtQuestion() throws {
        let app = Harness()
        app.press(.character("2"), .character("g"), .enter, .character("a"))
        let first = try #require(app.state.form?.focusedField?.id)
        let before = try #require(app.state.form?.fields.map { ($0.id, $0.selectedValue) })
        app.type("ja dat klopt")
        let after = try #require(app.state.form?.fields.map { ($0.id, $0.selectedValue) })
        #expect(app.state.form?[first]?.selectedValue == "ja")
        let changed = zip(before, after).filter { $0.0.1 != $0.1.1 }.map(\.0.0)
        #expect(changed == [first], "only the first question was answered: \(changed)")
        let second = try #require(app.state.form?.focusedField)
        #expect(app.state.form?.errors[second.id]?.hasPrefix("Dit veld is een keuze") == true)
    }

    @Test("a j too many after the last question lands on Opslaan and types nothing into the last explanation")
    func answersPastTheLastQuestion() throws {
        let app = Harness()
        app.press(.character("2"), .character("g"), .enter, .character("a"))
        let questions = Assessor.questions(for: app.state.dossier.activity("delegatie-uit-lyon")!, in: app.state.dossier)
        for _ in 0..<(questions.count + 2) { app.type("j") }
        let form = try #require(app.state.form)
        #expect(form.focusedField?.id == "buttons")
        #expect(form.fields.filter { $0.isText }.allSatisfy { form.text($0.id).isEmpty }, "no explanation got the j's")
        #expect(app.text.contains("Op Opslaan doet typen niets"))
        // Enter in an explanation, then typing on Opslaan, still goes on in that explanation.
        app.press(.up).type("Sterk").press(.enter)
        #expect(app.state.form?.focusedField?.id == "buttons")
        app.type(" punt")
        #expect(app.state.form?.fields.contains { $0.isText && app.state.form?.text($0.id) == "Sterk punt" } == true)
        // A paste on Opslaan after an answer is text: it goes on in the explanation above, as after Enter.
        app.press(.up)
        app.type("j")
        #expect(app.state.form?.focusedField?.id == "buttons" && app.state.form?.answeredOntoButtons == true)
        app.loop.dispatch(.pasted("geplakt"))
        #expect(app.state.form?.fields.contains { $0.isText && app.state.form?.text($0.id) == "Sterk punt geplakt" } == true, "\(app.text)")
    }

    @Test("a opens the assessment: the verdict updates live, saving keeps it with the activity, earlier ones stay")
    func assessLive() throws {
        let app = Harness()
        app.press(.character("2"), .character("g"), .enter, .character("a"))
        var form = try #require(app.state.form)
        #expect(form.purpose == .assessment("delegatie-uit-lyon"))
        #expect(form.verdictPreview?.verdict == .naderBekijken)
        #expect(form.focusedField?.help.contains("Kader Internationalisering 2025-2030") == true, "the Kader's passage is the help")
        // j answers yes and moves to the next question; after all yes the verdict is positive.
        for _ in Assessor.questions(for: app.state.dossier.activity("delegatie-uit-lyon")!, in: app.state.dossier) { app.type("j") }
        form = try #require(app.state.form)
        #expect(form.verdictPreview?.verdict == .positief, "\(form.verdictPreview?.reasons.map(\.text) ?? [])")
        #expect(app.text.contains("Oordeel nu: POSITIEF"))
        // Change one answer back to no: live negative.
        for _ in 0..<60 where app.state.form?.focusedField?.id != "mensenrechten" { app.press(.up) }
        app.type("n")
        #expect(app.state.form?.verdictPreview?.verdict == .negatief)
        #expect(app.text.contains("Oordeel nu: NEGATIEF"))
        app.press(.control("s"))
        let stored = try #require(app.state.dossier.activity("delegatie-uit-lyon")?.assessments.last)
        #expect(stored.verdict == .negatief)
        #expect(stored.by == "adviseur")
        #expect(stored.timestamp == Fixtures.now)
        #expect(stored.answers[.mensenrechten] == .nee)
        #expect(stored.reasons.contains { $0.rule == "rode-vlag" })
        // Weighing again starts from the last answers and keeps the earlier weighing.
        app.press(.character("a"))
        #expect(app.state.form?["mensenrechten"]?.selectedValue == "nee")
        app.press(.control("s"))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.assessments.count == 2)
    }

    @Test("the weighing of a mission to China, whose relations are not on laag pitje, offers the college's exception as the rule asks")
    func exceptionForDestination() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "shanghai", title: "Farmamissie Shanghai", kind: .handelsmissie, status: .inAfweging,
                                                relations: ["pivot-park"], startDate: Fixtures.date("2027-04-10"), countries: [Country(code: "CN")!],
                                                sectors: [.farma], budgetLine: "internationalisering", estimatedCost: Money(euros: 1000))),
                          context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("2")).type("/shanghai").press(.enter, .character("a"))
        let field = try #require(app.state.form?["exceptionDecision"])
        #expect(field.isVisible && field.help.hasPrefix("China staat op een laag pitje"), "\(field.help)")
        #expect(app.state.form?.verdictPreview?.reasons.contains { $0.rule == "laag-pitje" && $0.effect == .negatief } == true)
        for _ in 0..<80 where app.state.form?.focusedField?.id != "exceptionDecision" { app.press(.tab) }
        app.type("Besluit B&W 1 december 2026")
        #expect(app.state.form?.verdictPreview?.reasons.contains { $0.rule == "laag-pitje" && $0.effect == .negatief } == false)
    }

    @Test("with every question answered, what is still unknown (the estimated cost) is named at the top, on its own line, not only counted")
    func unknownNamed() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "beurs", title: "Beurs Milaan", kind: .beurs, status: .inAfweging, relations: ["rhone-alpes"],
                                                startDate: Fixtures.date("2027-04-10"), sectors: [.farma], budgetLine: "internationalisering",
                                                participants: [Participant(name: "Jan", role: .ondernemer)])), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("2")).type("/milaan").press(.enter, .character("a"))
        for _ in Assessor.questions(for: try #require(app.state.dossier.activity("beurs")), in: app.state.dossier) { app.type("j") }
        let preview = try #require(app.state.form?.verdictPreview)
        #expect(preview.missing == ["Geraamde kosten"], "\(preview.missing)")
        #expect(app.text.contains("Oordeel nu: NADER BEKIJKEN  "), "\(app.text)")
        #expect(app.text.contains("? Nog onbekend: Geraamde kosten — vul in op de activiteit (e)"), "\(app.text)")
    }

    @Test("approving after a negative weighing asks for the reason to deviate")
    func approveAgainstNegative() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Beurs Milaan").press(.tab).type("b").press(.tab, .right, .control("s"))
        let id = try #require(app.state.dossier.activities.first { $0.title == "Beurs Milaan" }?.id)
        #expect(app.state.dossier.activity(id)?.status == .inAfweging)
        let row = try #require(app.state.rows(.activities).firstIndex { app.state.dossier.activities[$0].id == id })
        app.press(.home)
        for _ in 0..<row { app.press(.character("j")) }
        app.press(.character("a"), .character("n"), .control("s"))
        #expect(app.state.dossier.activity(id)?.assessments.last?.verdict == .negatief)
        app.press(.character("m"))
        #expect(app.state.form?["decision"]?.isVisible == true)
        #expect(app.state.form?["overrideReason"]?.isVisible == true)
        app.press(.control("s"))
        #expect(app.state.form?.errors["decision"] != nil, "approving records who decided")
        #expect(app.state.form?.errors["overrideReason"] != nil)
        #expect(app.state.form?.focusedField?.id == "decision")
        app.type("Besluit B&W 3-2-2027").press(.tab).type("De zorgen zijn weggenomen").press(.control("s"))
        #expect(app.state.message?.text.contains("zonder afweging") == false, "weighed first: \(String(describing: app.state.message))")
        #expect(app.state.dossier.activity(id)?.status == .goedgekeurd)
        #expect(app.state.dossier.activity(id)?.statusHistory.last?.decision == "Besluit B&W 3-2-2027")
        #expect(app.state.dossier.activity(id)?.statusHistory.last?.overrideReason == "De zorgen zijn weggenomen")
    }

    @Test("approving an activity not weighed yet that a rule makes negative asks the reason to deviate too")
    func approveAgainstRule() throws {
        var dossier = Fixtures.smallDossier()
        let mission = Activity(id: "missie-osaka", title: "Missie Osaka", kind: .handelsmissie, status: .inAfweging, countries: Fixtures.countries("JP"),
                               sectors: [.techniek])
        try dossier.apply(.addActivity(mission), context: Fixtures.context)
        #expect(dossier.whyApprovalNeedsOverride(mission)?.contains("Buiten Europa") == true)
        let app = Harness(dossier: dossier)
        app.press(.character("2"))
        let row = try #require(app.state.rows(.activities).firstIndex { app.state.dossier.activities[$0].id == "missie-osaka" })
        app.press(.home)
        for _ in 0..<row { app.press(.character("j")) }
        app.press(.character("m"))
        #expect(app.state.form?["overrideReason"]?.isVisible == true)
        app.press(.control("s"))
        #expect(app.state.form?.errors["overrideReason"] != nil)
        #expect(app.state.form?.focusedField?.id == "decision")
        app.type("Besluit B&W 3-2-2027").press(.tab).type("Kansrijk voor de maakindustrie").press(.control("s"))
        #expect(app.state.dossier.activity("missie-osaka")?.status == .goedgekeurd)
    }

    @Test("/ where there is nothing to search in says where searching works", arguments: ["4", "5", "6"])
    func searchWhereNone(tab: String) {
        let app = Harness()
        app.press(.character(Character(tab)), .character("/"))
        #expect(app.state.search == nil)
        #expect(app.state.message?.text == "Zoeken met / kan in de lijsten van relaties, activiteiten en bezoeken (1, 2, 3).")
    }

    @Test("carrying out an activity without a date asks the date in the step's form; date and step are saved, and undone, as one")
    func carriedOutAsksDate() throws {
        var dossier = Fixtures.smallDossier()
        var fair = Activity(id: "beurs-zonder-datum", title: "Beurs zonder datum", kind: .beurs, status: .gepland, relations: ["bom"])
        fair.statusHistory = [StatusChange(date: Fixtures.date("2026-10-01"), from: nil, to: .gepland, reason: "", by: "tester", decision: "mandaat")]
        try dossier.apply(.addActivity(fair), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("2"))
        let row = try #require(app.state.rows(.activities).firstIndex { app.state.dossier.activities[$0].id == fair.id })
        app.press(.home)
        for _ in 0..<row { app.press(.character("j")) }
        app.press(.character("m"))
        #expect(app.state.form?["status"]?.selectedValue == "uitgevoerd")
        #expect(app.state.form?["startDate"]?.isVisible == true, "no date yet: asked here")
        app.press(.control("s"))
        #expect(app.state.form?.errors["startDate"] != nil)
        app.type("20-12-2026").press(.control("s"))
        #expect(app.state.form?.errors["startDate"] == "20-12-2026 is nog niet aangebroken: een activiteit is op zijn vroegst op haar begindatum uitgevoerd",
                "a later date is said under the field: \(String(describing: app.state.form?.errors))")
        app.press(.control("u")).type("1-11-2026").press(.control("s"))
        #expect(app.state.form == nil, "saved: \(app.text)")
        #expect(app.state.dossier.activity(fair.id)?.status == .uitgevoerd)
        #expect(app.state.dossier.activity(fair.id)?.startDate == Fixtures.date("2026-11-01"))
        app.press(.character("u"))
        #expect(app.state.dossier.activity(fair.id)?.status == .gepland, "undone as one: \(app.text)")
        #expect(app.state.dossier.activity(fair.id)?.startDate == nil)
    }

    @Test("a new activity that starts out approved while a rule makes it negative asks the reason to deviate, and keeps it")
    func startApprovedAgainstRule() throws {
        let app = Harness()
        app.press(.character("/")).type("taizhou").press(.enter, .enter, .character("+"))
        #expect(app.state.form?.purpose == .newActivity)
        app.type("Missie Taizhou").press(.tab).type("h").press(.tab)
        #expect(app.state.form?["overrideReason"]?.isVisible == false, "not asked while the activity is only an idea")
        app.press(.character("g"))
        #expect(app.state.form?["status"]?.selectedValue == "goedgekeurd")
        #expect(app.state.form?["overrideReason"]?.isVisible == true, "Taizhou is on laag pitje: approving asks why")
        app.press(.control("s"))
        #expect(app.state.form?.errors["overrideReason"] != nil)
        #expect(app.state.form?.focusedField?.id == "decision")
        app.type("Besluit B&W 3-2-2027").press(.tab).type("Verzoek van de burgemeester").press(.control("s"))
        #expect(app.state.form == nil, "saved: \(app.text)")
        let added = try #require(app.state.dossier.activities.first { $0.title == "Missie Taizhou" })
        #expect(added.status == .goedgekeurd)
        #expect(added.approvalOverrideReason == "Verzoek van de burgemeester")
        #expect(app.store.saved?.activity(added.id)?.approvalOverrideReason == "Verzoek van de burgemeester")
    }

    @Test("m to goedgekeurd on an activity whose cost does not fit the budget asks the reason to deviate, saying what is left")
    func approvingOverBudget() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "beurs", title: "Beurs Düsseldorf", kind: .beurs, status: .inAfweging, startDate: Fixtures.date("2027-10-12"),
                                                budgetLine: "internationalisering", estimatedCost: Money(euros: 14_000))), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("2")).type("/düsseldorf").press(.enter, .enter, .character("m"))
        #expect(app.state.form?.purpose == .moveActivity("beurs"))
        #expect(app.state.form?["status"]?.selectedValue == "goedgekeurd")
        let field = try #require(app.state.form?["overrideReason"])
        #expect(field.isVisible, "over the budget: approving asks why")
        #expect(field.help.contains("nog € 13.500,00 over"), "\(field.help)")
        app.press(.tab, .tab).type("Besluit B&W 8-12-2026").press(.tab).type("Eenmalige kans").press(.control("s"))
        #expect(app.state.form == nil, "saved: \(app.text)")
        #expect(app.state.dossier.activity("beurs")?.approvalOverrideReason == "Eenmalige kans")
    }

    @Test("a relation picked into a new approved activity weighs at once: the reason to deviate is asked before the next key")
    func pickedRelationWeighsAtOnce() throws {
        let app = Harness()
        app.press(.character("2"), .character("+"))
        app.type("Missie Taizhou").press(.tab).type("h").press(.tab).press(.character("g"))
        #expect(app.state.form?["overrideReason"]?.isVisible == false, "no relation yet, no rule against it")
        app.press(.tab).type("Besluit B&W 3-2-2027").press(.tab)
        #expect(app.state.form?.focusedField?.id == "relations")
        app.type("taiz").press(.enter)
        #expect(app.state.form?.picker == nil)
        #expect(app.state.form?["overrideReason"]?.isVisible == true, "Taizhou is on laag pitje: asked as soon as it is picked")
        #expect(app.state.form?.verdictPreview?.verdict == .negatief)
    }
}

@Suite("TUI history, reload and undo levels")
struct HistoryFlowTests {
    @Test("L shows who changed what, when and why for a relation, and Enter opens what it was about")
    func changeLog() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .down, .tab).type("Kader").press(.control("s"))
        app.press(.character("2"), .character("m"), .control("s"))
        app.press(.character("1"), .character("/")).type("bom").press(.enter, .enter, .character("L"))
        guard case .history(let history) = app.state.screen else {
            Issue.record("no history screen: \(app.state.screen)")
            return
        }
        #expect(history.subject == "bom")
        #expect(history.entries.map(\.summary) == ["Status van BOM: Actief → Focus"])
        #expect(app.text.contains("Wijzigingen van BOM"))
        #expect(app.text.contains("22-11-2026 09:00"))
        #expect(app.text.contains("adviseur"))
        #expect(app.text.contains("Kader"))
        app.press(.escape, .escape, .character("L"))
        guard case .history(let all) = app.state.screen else { return }
        #expect(all.entries.count == 2, "the whole dossier's log, newest first")
        app.press(.character("G"), .enter)
        #expect(app.state.screen == .relationDetail(DetailState(id: "bom")))
    }

    @Test("a save refused because the file changed elsewhere keeps the form; R reloads and the form saves")
    func outsideChange() throws {
        let app = Harness()
        app.store.outsideChange = true
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .down, .tab).type("Bewaar mij").press(.control("s"))
        #expect(app.state.form?.text("reason") == "Bewaar mij")
        #expect(app.state.hasOutsideChange)
        #expect(app.text.contains("elders gewijzigd"))
        // Someone else changed Taizhou; reloading brings that in and leaves the form open.
        var elsewhere = try #require(app.store.saved)
        try elsewhere.apply(.setRelationStatus("taizhou", status: .beeindigd, reason: "elders", reviewDate: nil), context: Fixtures.context)
        app.store.saved = elsewhere
        app.press(.up, .character("R"))
        #expect(!app.state.hasOutsideChange)
        #expect(app.state.dossier.relation("taizhou")?.status == .beeindigd)
        #expect(app.state.form?.text("reason") == "Bewaar mij")
        app.press(.control("s"))
        #expect(app.state.form == nil)
        #expect(app.state.dossier.relation("bom")?.status == .focus)
        #expect(app.state.dossier.relation("taizhou")?.status == .beeindigd)
    }

    @Test("changes made elsewhere are noticed and shown, R reloads")
    func noticedOutsideChange() {
        let app = Harness()
        app.loop.dispatch(.outsideChangeDetected)
        #expect(app.text.contains("[elders gewijzigd: R laadt opnieuw]"))
        app.store.outsideChange = false
        app.press(.character("R"))
        #expect(!app.state.hasOutsideChange)
        #expect(app.text.contains("Opnieuw geladen"))
    }

    @Test("undo and redo go several levels back and forth, each as a new journal entry")
    func severalLevels() throws {
        let app = Harness()
        app.press(.character("/")).type("bom").press(.enter)
        for reason in ["een", "twee", "drie"] {
            app.press(.character("s"), .down, .tab).type(reason).press(.control("s"))
        }
        let afterThree = app.state.dossier
        #expect(afterThree.relation("bom")?.statusHistory.count == 3)
        app.press(.character("u"), .character("u"), .character("u"))
        #expect(app.state.dossier == Fixtures.smallDossier())
        app.press(.control("r"), .control("r"))
        #expect(app.state.dossier.relation("bom")?.statusHistory.map(\.reason) == ["een", "twee"])
        app.press(.control("r"))
        #expect(app.state.dossier == afterThree)
        #expect(app.store.journal.count == 9, "3 changes, 3 undos and 3 redos, each its own entry")
        #expect(app.store.journal.suffix(6).prefix(3).allSatisfy { $0.summary.hasPrefix("Ongedaan gemaakt: ") })
        #expect(app.store.journal.suffix(3).allSatisfy { $0.summary.hasPrefix("Opnieuw gedaan: ") })
    }
}

@Suite("TUI budget and reminders")
struct BudgetReminderFlowTests {
    @Test("the start screen counts what needs attention; 5 lists it and Enter opens the follow-up")
    func reminders() throws {
        let app = Harness()
        #expect(app.text.contains("5 Signalen (1)"))
        app.press(.character("5"))
        #expect(app.text.contains("Verslag naar de wethouder"))
        #expect(app.text.contains("verlopen"))
        app.press(.enter)
        guard case .activityDetail(let detail) = app.state.screen else {
            Issue.record("\(app.state.screen)")
            return
        }
        #expect(detail.id == "delegatie-uit-lyon")
        #expect(detail.pane == .list(.followUps))
        app.press(.character(" "))
        #expect(app.state.index.reminders.isEmpty, "ticking it off clears the reminder")
        // Back on the empty list, the footer offers nothing to open, step, weigh or tick.
        app.press(.escape, .character("5"))
        let hints = StatusBarView.hints(for: app.state).map(\.hint)
        for hint in ["openen", "stap", "afweging", "afvinken"] { #expect(!hints.contains(hint), "\(hints)") }
        #expect(hints.contains("ongedaan"), "undo still works: \(hints)")
    }

    @Test("a planned activity that is over is a signal; Enter opens it, and moved to carried out it is no signal any more")
    func outcomeSignal() throws {
        var dossier = Fixtures.smallDossier()
        _ = try dossier.apply(.addActivity(Activity(id: "beurs-lyon", title: "Beurs in Lyon", kind: .beurs, status: .gepland, relations: ["bom"],
                                                    startDate: Fixtures.date("2026-11-02"), endDate: Fixtures.date("2026-11-04"),
                                                    statusHistory: Fixtures.approved(.gepland))), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        #expect(app.text.contains("5 Signalen (2)"), "\(app.text)")
        app.press(.character("5"))
        let row = try #require(app.screen.lines.first { $0.contains("Afloop vastleggen (gepland)") }, "\(app.text)")
        #expect(row.contains("4-11-2026") && row.contains("verlopen") && row.contains("Beurs in Lyon"), "\(row)")
        app.press(.character("j"))
        #expect(app.state.index.reminders[app.state.listState(.reminders).selection].subject == .outcome("beurs-lyon"), "after the follow-up of July")
        app.press(.enter)
        guard case .activityDetail(let detail) = app.state.screen else {
            Issue.record("\(app.state.screen)")
            return
        }
        #expect(detail.id == "beurs-lyon")
        #expect(app.text.contains("m zet de activiteit op uitgevoerd of geannuleerd."))
        app.press(.character("m"))
        #expect(app.state.form != nil, "the next step of its life cycle")
        app.press(.tab, .tab, .tab)
        #expect(app.state.form?.focusedField?.id == "outcomes", "what it yielded, asked with the step: \(app.state.form?.focusedField?.id ?? "")")
        app.type("Twee leads").press(.control("s"))
        #expect(app.state.dossier.activity("beurs-lyon")?.status == .uitgevoerd, "\(app.state.form?.errors ?? [:])")
        #expect(app.state.dossier.activity("beurs-lyon")?.outcomes == "Twee leads")
        #expect(!app.state.index.reminders.contains { $0.subject == .outcome("beurs-lyon") })
        #expect(app.state.tabCount(.reminders) == 1)
        app.press(.character("u"))
        #expect(app.state.dossier.activity("beurs-lyon").map { ($0.status, $0.outcomes) } ?? (.idee, "?") == (.gepland, ""), "undone as one")
    }

    @Test("in the signals, m steps an activity that is over on without opening it; on a follow-up it says what m does; the agenda's overdue period fits")
    func stepFromTheSignals() throws {
        var dossier = Fixtures.smallDossier()
        _ = try dossier.apply(.addActivity(Activity(id: "beurs-lyon", title: "Beurs in Lyon", kind: .beurs, status: .gepland, startDate: Fixtures.date("2026-11-02"),
                                                    endDate: Fixtures.date("2026-11-04"), statusHistory: Fixtures.approved(.gepland))), context: Fixtures.context)
        let app = Harness(dossier: dossier, width: 80, height: 24)
        app.press(.character("5"), .character("m"))
        #expect(app.state.form == nil && app.text.contains("m zet een activiteit die voorbij is een stap verder"), "the follow-up of July first")
        app.press(.character("j"), .character("m"))
        #expect(app.state.form?.purpose == .moveActivity("beurs-lyon"))
        app.press(.control("s"))
        #expect(app.state.dossier.activity("beurs-lyon")?.status == .uitgevoerd && app.state.screen == .list(.reminders))
        _ = try dossier.apply(.addActivity(Activity(id: "beurs-keulen", title: "Beurs in Keulen", kind: .beurs, status: .gepland,
                                                    startDate: Fixtures.date("2026-11-10"), endDate: Fixtures.date("2026-11-12"),
                                                    statusHistory: Fixtures.approved(.gepland))), context: Fixtures.context)
        let agenda = Harness(dossier: dossier, width: 80, height: 24)
        agenda.press(.character("6"))
        let row = try #require(agenda.screen.lines.first { $0.contains("Beurs in Keulen") }, "\(agenda.text)")
        #expect(row.contains("t/m 12-11-2026") && !row.contains("…"), "the last day, since which it is overdue, whole at 80 columns: \(row)")
        #expect(Harness(dossier: dossier, width: 120, height: 36).press(.character("6")).screen.lines.contains { $0.contains("10-11 t/m 12-11-2026") })
        // In the list of activities, marked beside its date; one still to come is not.
        let list = Harness(dossier: dossier, width: 80, height: 24).press(.character("2"))
        #expect(list.screen.lines.contains { $0.contains("10-11-2026 !") && $0.contains("Beurs in Keulen") }, "\(list.text)")
        #expect(list.screen.lines.contains { !$0.contains("!") && $0.contains("Handelsmissie Lyon") }, "\(list.text)")
    }

    @Test("in the signals, space ticks a follow-up off (u undoes it) and a weighs an activity that is over")
    func tickAndWeighFromTheSignals() throws {
        var dossier = Fixtures.smallDossier()
        _ = try dossier.apply(.addActivity(Activity(id: "beurs-lyon", title: "Beurs in Lyon", kind: .beurs, status: .gepland, startDate: Fixtures.date("2026-11-02"),
                                                    statusHistory: Fixtures.approved(.gepland))), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("5"), .character("a"))
        #expect(app.state.form == nil && app.text.contains("a weegt een activiteit die voorbij is af"), "on the follow-up of July")
        app.press(.character(" "))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.first?.isDone == true && app.text.contains("Vervolgactie afgevinkt"))
        #expect(app.state.index.reminders.map(\.subject) == [.outcome("beurs-lyon")] && app.state.screen == .list(.reminders))
        app.press(.character("a"))
        #expect(app.state.form?.purpose == .assessment("beurs-lyon"))
        app.press(.escape)
        if app.state.confirmation != nil { app.press(.character("J")) }
        app.press(.character(" "))
        #expect(app.text.contains("Spatie vinkt een vervolgactie af"), "an activity is not ticked off")
        app.press(.character("u"))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.first?.isDone == false, "undone")
    }

    @Test("opening the signal of an approved activity that is over says it is planned first; of an idea, that e gives it another date")
    func outcomeSignalSaysTheNextStep() throws {
        var dossier = Fixtures.smallDossier()
        for (id, status) in [("goedgekeurd-voorbij", ActivityStatus.goedgekeurd), ("idee-voorbij", .idee)] {
            _ = try dossier.apply(.addActivity(Activity(id: id, title: id, kind: .beurs, status: status, startDate: Fixtures.date("2026-11-02"),
                                                        statusHistory: status.isUpcoming ? Fixtures.approved(status) : [])), context: Fixtures.context)
        }
        let app = Harness(dossier: dossier)
        app.press(.character("5"))
        let signals = app.state.index.reminders.map(\.subject)
        for (id, advice) in [("goedgekeurd-voorbij", "m zet de activiteit op uitgevoerd (via gepland), gepland of geannuleerd."),
                             ("idee-voorbij", "m brengt de activiteit een stap verder of annuleert haar; e geeft haar een nieuwe datum.")] {
            let row = try #require(signals.firstIndex(of: .outcome(id)))
            while app.state.listState(.reminders).selection < row { app.press(.character("j")) }
            app.press(.enter)
            #expect(app.text.contains(advice), "\(id): \(app.text)")
            app.press(.character("q"))
        }
        // The approved one carried out at once: through gepland, both steps in its history.
        let row = try #require(app.state.index.reminders.firstIndex { $0.subject == .outcome("goedgekeurd-voorbij") })
        while app.state.listState(.reminders).selection > row { app.press(.character("k")) }
        while app.state.listState(.reminders).selection < row { app.press(.character("j")) }
        app.press(.character("m"))
        #expect(app.text.contains("Uitgevoerd (via gepland)"), "\(app.text)")
        app.type("u").press(.control("s"))
        #expect(app.state.dossier.activity("goedgekeurd-voorbij")?.statusHistory.suffix(2).map(\.to) == [.gepland, .uitgevoerd],
                "\(app.state.form?.errors ?? [:])")
        #expect(app.text.contains("goedgekeurd-voorbij: Goedgekeurd → Gepland → Uitgevoerd"), "\(app.text)")
    }

    @Test("on a signal, e edits what it is about (an activity over: a new date; a follow-up) and s reviews a relation; where they do not apply, they say what does")
    func editFromSignals() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addActivity(Activity(id: "idee-voorbij", title: "Idee voorbij", kind: .beurs, startDate: Fixtures.date("2026-11-02"))),
                          context: Fixtures.context)
        try dossier.apply(.addFollowUp("idee-voorbij", FollowUp(text: "Stand afzeggen", due: Fixtures.date("2026-11-20"))), context: Fixtures.context)
        let status = try #require(dossier.relation("bom")?.status)
        try dossier.apply(.setRelationStatus("bom", status: .laagPitje, reason: "Even niet", reviewDate: Fixtures.date("2026-12-15"), seen: status),
                          context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("5"))
        func select(_ subject: Reminder.Subject) throws {
            if app.state.form != nil { app.press(.escape) }
            if app.state.screen != .list(.reminders) { app.press(.character("5")) }
            let row = try #require(app.state.index.reminders.firstIndex { $0.subject == subject }, "\(app.state.index.reminders.map(\.subject))")
            for _ in 0..<50 where app.state.listState(.reminders).selection > row { app.press(.character("k")) }
            for _ in 0..<50 where app.state.listState(.reminders).selection < row { app.press(.character("j")) }
            #expect(app.state.listState(.reminders).selection == row)
        }
        try select(.outcome("idee-voorbij"))
        app.press(.character("e"))
        #expect(app.state.form?.purpose == .editActivity("idee-voorbij"))
        try select(.followUp("idee-voorbij", index: 0))
        app.press(.character("e"))
        #expect(app.state.form?.purpose == .editFollowUp("idee-voorbij", index: 0, text: "Stand afzeggen"))
        try select(.followUp("idee-voorbij", index: 0))
        app.press(.character("s"))
        #expect(app.state.form == nil && app.text.contains("s herijkt een relatie op een laag pitje"), "\(app.text)")
        try select(.review("bom"))
        app.press(.character("s"))
        #expect(app.state.form?.purpose == .relationStatus("bom"))
        #expect(app.state.form?["status"]?.selectedValue == "herijken", "opened for a review that is due, Herijken is chosen")
        try select(.review("bom"))
        app.press(.character("e"))
        #expect(app.state.form == nil && app.text.contains("s herijkt de relatie"), "\(app.text)")
    }

    @Test("Enter, Enter through a list field goes on to the next field and chooses nothing; moved or typed, Enter takes the highlighted one")
    func enterThroughAPicker() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Beurs Barcelona")
        app.tab(to: "relations").press(.enter)
        #expect(app.state.form?.picker != nil, "Enter opens the list")
        app.press(.enter)
        #expect(app.state.form?.picker == nil && app.state.form?["relations"]?.relationIDs == [], "\(app.state.form?["relations"]?.relationIDs ?? [])")
        #expect(app.state.form?.focusedField?.id != "relations", "on to the next field")
        app.tab(to: "organiser").press(.enter, .enter)
        #expect(app.state.form?["organiser"]?.relationIDs == [], "still the municipality")
        app.tab(to: "countries").press(.enter, .enter)
        #expect(app.state.form?["countries"]?.relationIDs == [])
        // Keys that change nothing leave it untouched: Tab in a list of one choice, Backspace on an empty search, a letter
        // typed and erased again.
        for keys: [Key] in [[.tab], [.backspace], [.character("x"), .backspace], [.left, .right]] {
            for _ in 0..<20 where app.state.form?.focusedField?.id != "organiser" { app.press(.backTab) }
            app.press(.enter)
            for key in keys { app.press(key) }
            app.press(.enter)
            #expect(app.state.form?.picker == nil && app.state.form?["organiser"]?.relationIDs == [], "\(keys)")
        }
        // Moved down and back, or typed: Enter takes the highlighted one, as before.
        for _ in 0..<20 where app.state.form?.focusedField?.id != "organiser" { app.press(.backTab) }
        app.press(.enter, .down, .up, .enter)
        #expect(app.state.form?["organiser"]?.relationIDs.count == 1)
        for _ in 0..<20 where app.state.form?.focusedField?.id != "relations" { app.press(.backTab) }
        app.type("bom").press(.enter)
        #expect(app.state.form?["relations"]?.relationIDs == ["bom"])
    }

    @Test("the relations list says an overdue review behind an earlier date that is over: in words at 120 columns, as +h at 80")
    func overdueReviewBehindInTheList() throws {
        var dossier = Fixtures.smallDossier()
        var replay = Fixtures.context
        replay.isReplay = true
        _ = try dossier.apply(.addRelation(Relation(id: "gent-test", name: "Gent test", kind: .regio, countries: [try Country.read("BE")], status: .laagPitje,
                                                    reviewDate: Fixtures.date("2026-11-21"))), context: replay)
        _ = try dossier.apply(.addActivity(Activity(id: "beurs-gent", title: "Beurs in Gent", kind: .beurs, status: .gepland, relations: ["gent-test"],
                                                    startDate: Fixtures.date("2026-11-10"), statusHistory: Fixtures.approved(.gepland))), context: replay)
        // Between 110 and 120 columns the kind keeps its column: "+h" there too.
        for (width, said) in [(120, "10-11-2026 activiteit ! + herijking"), (112, "10-11-2026 activiteit ! +h"), (80, "10-11-2026 act. ! +h")] {
            let app = Harness(dossier: dossier, width: width, height: 30)
            let row = app.text.split(separator: "\n").first { $0.contains("Gent test") } ?? ""
            #expect(row.trimmingCharacters(in: .whitespaces).hasSuffix(said), "\(width): \(row)")
            if width >= 110 { #expect(row.contains("Regio"), "\(width): the kind stays: \(row)") }
        }
        // An activity still under way with the review overdue behind it: no "!" on the activity, but the cell says
        // something is overdue, so it takes the colour of overdue too.
        _ = try dossier.apply(.addRelation(Relation(id: "gent-twee", name: "Gent twee", kind: .regio, countries: [try Country.read("BE")], status: .laagPitje,
                                                    reviewDate: Fixtures.date("2026-11-21"))), context: replay)
        _ = try dossier.apply(.addActivity(Activity(id: "beurs-gent-twee", title: "Beurs in Gent twee", kind: .beurs, status: .gepland, relations: ["gent-twee"],
                                                    startDate: Fixtures.date("2026-11-20"), endDate: Fixtures.date("2026-11-30"),
                                                    statusHistory: Fixtures.approved(.gepland))), context: replay)
        let app = Harness(dossier: dossier, width: 120, height: 30)
        let lines = app.screen.lines
        for (name, said) in [("Gent twee", "20-11-2026 activiteit + herijking"), ("Gent test", "10-11-2026 activiteit ! + herijking"),
                             ("Taizhou", nil)] {
            let y = try #require(lines.firstIndex { $0.contains(name) })
            let x = try #require(lines[y].range(of: "-20")).lowerBound.utf16Offset(in: lines[y]) - 5
            if let said { #expect(lines[y].trimmingCharacters(in: .whitespaces).hasSuffix(said), "\(lines[y])") }
            #expect((app.screen[x + 3, y].style.foreground == Theme.colored.error.foreground) == (said != nil), "\(name): \(lines[y])")
        }
    }

    @Test("the relation list: a name holding what is typed comes before a relation found by one of its places")
    func pickerNamesBeforePlaces() throws {
        var dossier = Fixtures.smallDossier()
        _ = try dossier.apply(.addRelation(Relation(id: "universite-grenoble-alpes", name: "Université Grenoble Alpes", kind: .kennisinstelling,
                                                    countries: [try Country.read("FR")], status: .actief)), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("2"), .character("+")).type("Beurs").tab(to: "relations").type("grenoble")
        #expect(app.state.form?.picker?.candidates == ["universite-grenoble-alpes", "rhone-alpes"])
        app.press(.enter)
        #expect(app.state.form?["relations"]?.relationIDs == ["universite-grenoble-alpes"])
    }

    @Test("a country list offers the dossier's countries first and, opened again, what is ticked; a correction replaces the country")
    func correctingACountry() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Beurs Santiago").tab(to: "countries").type("chi")
        #expect(app.state.form?.picker?.candidates.prefix(2) == ["CN", "CL"], "Taizhou lies in China: China before Chili")
        app.press(.down, .enter)
        let backToCountries = { for _ in 0..<10 where app.state.form?.focusedField?.id != "countries" { app.press(.backTab) } }
        #expect(app.state.form?["countries"]?.relationIDs == ["CL"])
        // Opened again: Chili at the top, ticked; Tab unticks it, and the country typed next is taken instead.
        backToCountries()
        app.press(.enter)
        #expect(app.state.form?.picker?.candidates.first == "CL")
        app.press(.tab).type("peru").press(.enter)
        #expect(app.state.form?["countries"]?.relationIDs == ["PE"])
        // Unticked and confirmed straight away: the list is empty, not the row the tick moved on to.
        backToCountries()
        app.press(.enter, .tab, .enter)
        #expect(app.state.form?["countries"]?.relationIDs == [])
        // Ticked with Tab, then Enter on another row: only what is ticked, as before.
        backToCountries()
        app.type("peru").press(.tab, .backspace, .backspace, .backspace, .backspace).type("chili").press(.enter)
        #expect(app.state.form?["countries"]?.relationIDs == ["PE"])
    }

    @Test("a date or amount that does not read says why as soon as its field is left, with the words saving would use; typing in it again clears that")
    func unreadableSaidOnLeaving() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Beurs Gent").press(.tab).type("b").tab(to: "startDate").type("31-2-2027")
        #expect(app.state.form?.errors["startDate"] == nil, "not while it is being typed")
        app.press(.tab)
        #expect(app.state.form?.errors["startDate"] == "'31-2-2027' bestaat niet: februari 2027 heeft 28 dagen")
        app.tab(to: "estimatedCostCents").type("12,3,4").press(.tab)
        let amountError = try #require(app.state.form?.errors["estimatedCostCents"])
        #expect(amountError.hasPrefix("'12,3,4' is geen bedrag"))
        #expect(app.text.contains("februari 2027 heeft 28 dagen"), "\(app.text)")
        // Saving says the same.
        app.press(.control("s"))
        #expect(app.state.form?.errors["startDate"] == "'31-2-2027' bestaat niet: februari 2027 heeft 28 dagen")
        #expect(app.state.form?.errors["estimatedCostCents"] == amountError)
        #expect(app.state.form?.focusedField?.id == "startDate", "saving goes to the first field it refuses")
        app.press(.control("u")).type("28-2-2027")
        #expect(app.state.form?.errors["startDate"] == nil)
        app.press(.tab)
        #expect(app.state.form?.errors["startDate"] == nil, "a date that reads says nothing")
        #expect(app.state.form?.errors["estimatedCostCents"] == amountError, "the other stays until it is typed in")
    }

    @Test("an e-mail address or phone number that does not read says why as soon as its field is left, as saving would")
    func contactDetailsSaidOnLeaving() throws {
        let app = Harness()
        app.press(.character("i"), .character("e")).tab(to: "email").press(.control("u")).type("niet-een-adres")
        #expect(app.state.form?.errors["email"] == nil, "not while it is being typed")
        app.press(.tab)
        #expect(app.state.form?.errors["email"] == "'niet-een-adres' is geen e-mailadres: het @ ontbreekt (zoals naam@organisatie.nl)", "\(app.state.form?.errors ?? [:])")
        app.tab(to: "phone").press(.control("u")).type("bel me").press(.tab)
        #expect(app.state.form?.errors["phone"]?.hasPrefix("'bel me'") == true, "\(app.state.form?.errors ?? [:])")
    }

    @Test("an amount typed with a dot before one or two digits shows under it what it is read as, before saving")
    func amountReadWithADecimalDot() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Beurs Barcelona")
        app.tab(to: "estimatedCostCents").type("1.25")
        #expect(app.state.form?.notes["estimatedCostCents"] == "= € 1,25 (de punt als komma; duizend is 1.000)")
        #expect(app.text.contains("= € 1,25 (de punt als komma"), "\(app.text)")
        app.type("0")
        #expect(app.state.form?.notes["estimatedCostCents"] == nil, "1.250 is read as it looks")
    }

    @Test("a new activity does not start rejected or cancelled: that is a step with a reason (m)")
    func newActivityStartsGoingAhead() throws {
        let app = Harness()
        app.press(.character("2"), .character("+"))
        guard case .choice(let options, _)? = app.state.form?["status"]?.value else { Issue.record("no status choice"); return }
        #expect(options.map(\.value) == ["idee", "in-afweging", "goedgekeurd", "gepland", "uitgevoerd", "geevalueerd"])
    }

    @Test("an activity's date edited behind today, while it is still planned: said after saving, as on the command line; a future one says nothing")
    func editedIntoThePast() throws {
        let app = Harness()
        app.press(.character("2")).type("/handelsmissie lyon").press(.enter, .escape, .character("e"))
        #expect(app.state.form?.purpose == .editActivity("missie-lyon"))
        app.tab(to: "startDate").press(.control("u")).type("2-11-2026").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        #expect(app.state.message?.text.contains("de begindatum 2-11-2026 ligt al in het verleden; is de activiteit gehouden, zet haar dan op uitgevoerd") == true,
                "\(app.state.message?.text ?? "")")
        #expect(app.state.index.reminders.contains { $0.subject == .outcome("missie-lyon") }, "and it is a signal from now on")
        app.press(.character("e")).tab(to: "startDate").press(.control("u")).type("2-11-2027").press(.control("s"))
        #expect(app.state.form == nil && app.state.message?.text.contains("verleden") == false, "\(app.state.message?.text ?? "")")
    }

    @Test("the screen left open past midnight: the signals look ahead from the new day, as a screen opened that day does")
    func signalsOnANewDay() throws {
        var dossier = Fixtures.smallDossier()
        let today = Fixtures.clock.today()
        _ = try dossier.apply(.addActivity(Activity(id: "vandaag", title: "Beurs tot vandaag", kind: .beurs, status: .gepland, startDate: today,
                                                    followUps: [FollowUp(text: "Later", due: today.adding(days: 9))],
                                                    statusHistory: Fixtures.approved(.gepland))), context: Fixtures.context)
        var state = AppState(dossier: dossier, today: today, width: 100, height: 30)
        #expect(!state.index.reminders.contains { $0.subject == .outcome("vandaag") }, "under way today")
        // The follow-up due in nine days selected, after the one of July: the new signal comes between them.
        _ = state.update(.key(.character("5")))
        _ = state.update(.key(.character("j")))
        let selected = state.index.reminders[state.listState(.reminders).selection].subject
        let tomorrow = today.adding(days: 1)
        state.setToday(tomorrow)
        #expect(selected == .followUp("vandaag", index: 0))
        #expect(state.index.reminders[state.listState(.reminders).selection].subject == selected, "the signal shown stays selected")
        #expect(state.index.reminders.contains { $0.subject == .outcome("vandaag") })
        #expect(state.index.reminders == AppState(dossier: dossier, today: tomorrow, width: 100, height: 30).index.reminders)
        #expect(state.tabCount(.reminders) == state.index.reminders.count)
    }

    @Test("a new relation's name that another relation has is said under it as it is typed, with no id in the title; renamed to that name, too")
    func relationNameTakenAsTyped() throws {
        let app = Harness()
        app.press(.character("+")).type("rhone alpes")
        #expect(app.state.form?.errors["name"] == "Er is al een relatie met de naam Rhône-Alpes (rhone-alpes); kies een andere naam")
        #expect(app.state.form?.title == "Nieuwe relatie")
        app.type(" 2")
        #expect(app.state.form?.errors["name"] == nil)
        #expect(app.state.form?.title == "Nieuwe relatie — id: rhone-alpes-2")
        app.press(.escape)
        if app.state.confirmation != nil { app.press(.character("J")) }
        app.type("/unesco").press(.enter, .escape, .character("e"))
        app.press(.control("u")).type("BOM")
        #expect(app.state.form?.errors["name"]?.hasPrefix("Er is al een relatie met de naam BOM") == true, "\(app.state.form?.errors ?? [:])")
        app.press(.backspace)
        #expect(app.state.form?.errors["name"] == nil)
    }

    @Test("d on the relations list deletes the selected relation after the question, as on its own screen; one with activities is refused, saying why")
    func deleteFromRelationsList() throws {
        let app = Harness()
        app.type("/unesco").press(.enter, .escape)
        #expect(app.state.selectedID(in: .relations) == "unesco-learning-cities")
        app.press(.character("d"))
        #expect(app.state.confirmation?.question == "Relatie 'UNESCO Learning Cities' verwijderen? (ongedaan maken: u)")
        app.press(.character("J"))
        #expect(app.state.dossier.relation("unesco-learning-cities") == nil)
        #expect(app.state.message?.text == "Relatie verwijderd: UNESCO Learning Cities")
        app.type("/rhône").press(.enter, .escape)
        #expect(app.state.selectedID(in: .relations) == "rhone-alpes")
        app.press(.character("d"))
        #expect(app.state.confirmation == nil)
        #expect(app.state.message?.text.hasPrefix("Rhône-Alpes heeft 2 activiteiten en kan niet weg") == true, "\(app.state.message?.text ?? "")")
    }

    @Test("4 shows the budget per year; Enter lists that year's activities on that line")
    func budget() throws {
        let app = Harness()
        app.press(.character("4"))
        #expect(app.text.contains("€ 16.000,00"))
        let row = try #require(app.state.index.budgets.firstIndex { $0.year == 2027 })
        app.press(.home)
        for _ in 0..<row { app.press(.down) }
        app.press(.enter)
        guard case .activityList(let list) = app.state.screen else {
            Issue.record("\(app.state.screen)")
            return
        }
        #expect(list.query.year == 2027)
        #expect(list.rows.count == 1)
    }

    @Test("+ in a budget line's year adds on that line: with a date in the year it is selected there, without one the message says it is not in that list")
    func addFromBudgetLine() throws {
        let app = Harness(width: 120, height: 36)
        app.press(.character("4"))
        let row = try #require(app.state.index.budgets.firstIndex { $0.year == 2026 && $0.line == "global-goals-platform-oss" })
        app.press(.home)
        for _ in 0..<row { app.press(.down) }
        app.press(.enter)
        #expect(app.text.contains("Nog geen activiteiten; + voegt er een toe."), "\(app.text)")
        #expect(!app.text.contains("met deze filters"), "no filters were set: \(app.text)")
        app.press(.character("+"))
        #expect(app.state.form?["budgetLine"]?.selectedValue == "global-goals-platform-oss")
        app.type("Bijdrage zonder datum").press(.tab).type("o").press(.control("s"))   // soort: Overig
        #expect(app.state.form == nil)
        #expect(app.state.dossier.activity("bijdrage-zonder-datum")?.budgetLine == "global-goals-platform-oss")
        #expect(app.state.message?.text.hasSuffix("Let op: ze staat niet in deze lijst (geen datum), wel bij 2 Activiteiten.") == true,
                "\(app.state.message?.text ?? "")")
        app.press(.character("+"))
        app.type("Bijdrage juni").press(.tab).type("o")
        for _ in 0..<40 where app.state.form?.focusedField?.id != "startDate" { app.press(.tab) }
        app.type("1-6-2026").press(.control("s"))
        guard case .activityList(let list) = app.state.screen else {
            Issue.record("\(app.state.screen)")
            return
        }
        #expect(list.rows.count == 1)
        #expect(app.state.dossier.activities[list.rows[list.list.selection]].id == "bijdrage-juni")
        #expect(app.state.message?.text.contains("niet in deze lijst") == false, "\(app.state.message?.text ?? "")")
    }
}

@Suite("TUI detail scrolling")
struct DetailScrollTests {
    @Test("at 80×24 the last line of every relation's information can be scrolled into view")
    func lastLineReachable() throws {
        let dossier = try DossierFile.decode(BundledDossier.bytes, file: "bundled")
        for relation in dossier.relations {
            let app = Harness(dossier: dossier, width: 80, height: 24)
            let row = try #require(app.state.rows(.relations).firstIndex { dossier.relations[$0].id == relation.id })
            for _ in 0..<row { app.press(.down) }
            app.press(.enter, .character("G"))
            let document = RecordDocument(relation: relation, in: dossier)
            let lines = RecordDocumentView.detailInformation(document, leavingOut: Set(AppState.detailLists(of: app.state.screen)), theme: .colored, width: 78)
            let last = try #require(lines.last?.text.trimmingCharacters(in: " "))
            #expect(app.text.contains(last), "\(relation.id): '\(last)' never comes into view")
        }
    }
}
