import DossierCore
import DossierTestSupport
import Testing
@testable import DossierTUI

/// A colleague's changes arriving in an open screen: the lists update in place, the selection, the scroll
/// position and an open form stay, a notice says whose; a form edits from the record as it opened, so a
/// colleague's change to another field stands and one to the same field is a conflict, not overwritten.
@Suite("Changes by others in an open screen")
struct OthersChangesTests {
    let ine = ChangeContext(actor: "Ine", timestamp: Fixtures.now, today: Fixtures.context.today)

    func select(_ id: String, in app: Harness, section: Section) throws {
        let row = try #require(app.state.rows(section).firstIndex { position in
            section == .relations ? app.state.dossier.relations[position].id == id : app.state.dossier.activities[position].id == id
        })
        app.press(.home)
        for _ in 0..<row { app.press(.character("j")) }
        #expect(app.state.selectedID(in: section) == id)
    }

    /// Two steps of this session to undo and redo: BOM's status, then Rhône-Alpes's, each with the next status the menu offers.
    func twoStatusSteps(in app: Harness) throws {
        try select("bom", in: app, section: .relations)
        app.press(.character("s"), .down, .tab).type("eerste").press(.control("s"))
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("s"), .down, .tab).type("tweede").press(.control("s"))
    }

    /// Edits a relation's region in the screen's form and saves it.
    func editRegion(of id: String, to region: String, in app: Harness) throws {
        try select(id, in: app, section: .relations)
        app.press(.character("e"))
        for _ in 0..<8 where app.state.form?.focusedField?.id != "region" { app.press(.tab) }
        #expect(app.state.form?.focusedField?.id == "region")
        app.type(region).press(.control("s"))
        #expect(app.state.dossier.relation(id)?.region == region)
    }

    @Test("a colleague's changes appear in place; the selection and an open form stay; a notice says whose")
    func arriveInPlace() throws {
        let app = Harness()
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("s")).press(.down, .tab).type("mijn reden")
        var newcomer = try #require(app.state.dossier.relation("bom"))
        newcomer.id = "aachen"
        newcomer.name = "Aachen"
        newcomer.statusHistory = []
        app.store.othersChanges = [(.addRelation(newcomer), ine),
                                   (.setRelationStatus("pivot-park", status: .actief, reason: "minder", reviewDate: nil), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.dossier.relation("aachen") != nil)
        #expect(app.text.contains("Aachen"), "the new relation is in the list")
        #expect(app.state.selectedID(in: .relations) == "rhone-alpes", "the selection stayed on the same relation")
        #expect(app.state.form?.text("reason") == "mijn reden", "the open form kept its input")
        #expect(app.state.message?.text == "Bijgewerkt: 2 wijzigingen van Ine")
        #expect(app.state.index == DossierIndex(dossier: app.state.dossier, today: app.state.today, searchKeys: app.state.index.searchKeys != nil), "the index equals a fresh one")
        app.press(.control("s"))
        #expect(app.state.dossier.relation("rhone-alpes")?.statusHistory.last?.reason == "mijn reden", "and it saves")
    }

    @Test("a colleague's activities that arrive with one's own save of a relation are in the activity lists afterwards",
          arguments: ["added", "removed"])
    func othersArriveWithOwnSave(what: String) throws {
        let app = Harness()
        app.press(.character("2")).press(.character("1"))
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("s")).press(.down, .tab).type("mijn reden")
        let visit = Activity(id: "bezoek-ine", title: "Bezoek van Ine", kind: .delegatiebezoek, status: .idee, relations: ["bom"],
                             startDate: Fixtures.date("2026-01-02"), visit: VisitDetails(direction: .inkomend, delegationFrom: "Eindhoven"))
        app.store.othersChanges = what == "added" ? [(.addActivity(visit), ine)] : [(.deleteActivity("missie-lyon"), ine)]
        app.press(.control("s"))
        #expect(app.state.dossier.relation("rhone-alpes")?.statusHistory.last?.reason == "mijn reden", "the own change is saved")
        let fresh = AppState(dossier: app.state.dossier, today: app.state.today, width: 120, height: 40)
        for section in Section.allCases {
            #expect(app.state.rows(section) == fresh.rows(section), "\(section)")
        }
        app.press(.character("2"))
        #expect(app.text.contains("Bezoek van Ine") == (what == "added"))
        #expect(app.text.contains("Handelsmissie Lyon") == (what == "added"))
    }

    @Test("a form on a record a colleague deleted and made anew with the same id is not saved onto the new one; its input stays")
    func recordMadeAnew() throws {
        let app = Harness()
        app.press(.character("2"))
        try select("missie-lyon", in: app, section: .activities)
        app.press(.character("e")).press(.control("u")).type("Missie naar Lyon")
        let old = try #require(app.state.dossier.activity("missie-lyon"))
        let anew = Activity(id: "missie-lyon", title: "Beurs in Lyon", kind: .beurs, status: .idee, relations: ["rhone-alpes"])
        app.store.othersChanges = [(.deleteActivity("missie-lyon"), ine), (.addActivity(anew), ine)]
        #expect(app.loop.refresh())
        app.press(.control("s"))
        #expect(app.state.form?.generalError?.hasPrefix("Dit formulier hoort bij een record dat Ine intussen verwijderde en opnieuw aanmaakte") == true,
                "\(String(describing: app.state.form?.generalError))")
        #expect(app.state.form?.text("title") == "Missie naar Lyon", "the input stays")
        #expect(app.state.dossier.activity("missie-lyon")?.title == "Beurs in Lyon" && old.title == "Handelsmissie Lyon", "the new record is not changed")
    }

    @Test("a form on a record a colleague deletes says so at once and does not save; made anew later, it is still not saved onto the new one")
    func recordDeletedThenMadeAnew() throws {
        let app = Harness()
        app.press(.character("2"))
        try select("missie-lyon", in: app, section: .activities)
        app.press(.character("e")).press(.control("u")).type("Missie naar Lyon")
        app.store.othersChanges = [(.deleteActivity("missie-lyon"), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.form?.generalError?.hasPrefix("Ine verwijderde dit record intussen") == true, "\(String(describing: app.state.form?.generalError))")
        app.press(.control("s"))
        #expect(app.state.form?.text("title") == "Missie naar Lyon", "refused, the input stays")
        let anew = Activity(id: "missie-lyon", title: "Beurs in Lyon", kind: .beurs, status: .idee, relations: ["rhone-alpes"])
        app.store.othersChanges = [(.addActivity(anew), ine)]
        #expect(app.loop.refresh())
        app.press(.control("s"))
        #expect(app.state.form?.text("title") == "Missie naar Lyon", "refused again, the input stays")
        #expect(app.state.dossier.activity("missie-lyon")?.title == "Beurs in Lyon", "the new record is not changed")
    }

    @Test("a relation's form, its relation deleted and then added again with the same name and status, does not save onto the new one")
    func relationDeletedThenAddedAgain() throws {
        let app = Harness()
        try select("unesco-learning-cities", in: app, section: .relations)
        app.press(.character("e")).press(.control("u")).type("UNESCO GNLC")
        let old = try #require(app.state.dossier.relation("unesco-learning-cities"))
        app.store.othersChanges = [(.deleteRelation("unesco-learning-cities"), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.form?.generalError?.hasPrefix("Ine verwijderde dit record intussen") == true)
        let anew = Relation(id: old.id, name: old.name, kind: .partnerorganisatie, status: old.status)
        app.store.othersChanges = [(.addRelation(anew), ine)]
        #expect(app.loop.refresh())
        app.press(.control("s"))
        #expect(app.state.form?.text("name") == "UNESCO GNLC", "refused, the input stays")
        #expect(app.state.dossier.relation(old.id)?.name == old.name && app.state.dossier.relation(old.id)?.kind == .partnerorganisatie)
    }

    @Test("a save whose outcome is not known (the connection broke as it was written) is not saved twice: Ctrl-S asks first, and when it comes in the form is done")
    func unknownOutcomeNotSavedTwice() throws {
        let app = Harness()
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("s"), .down, .tab).type("Kansen farma")
        app.store.failure = .outcomeUnknown(location: "postgresql://db/dossier", reason: "de verbinding viel weg")
        app.press(.control("s"))
        #expect(app.state.message?.text.hasPrefix("Misschien opgeslagen") == true && app.state.form != nil)
        app.store.failure = nil
        app.press(.control("s"))
        #expect(app.state.message?.text.hasPrefix("Misschien al opgeslagen: bij de vorige Ctrl-S brak de verbinding af") == true)
        #expect(app.store.committed.isEmpty, "not saved a second time unasked")
        // The connection back: the change was in after all.
        let change = try #require(app.state.unknownOutcome?.change)
        app.store.othersChanges = [(change, ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: Fixtures.context.today))]
        #expect(app.loop.refresh())
        #expect(app.state.form == nil, "the form is done")
        #expect(app.state.message?.text.hasPrefix("Toch opgeslagen (de verbinding brak af, maar de wijziging staat erin): Rhône-Alpes:") == true,
                "\(app.state.message?.text ?? "")")
        #expect(app.store.committed.isEmpty && app.state.dossier.relation("rhone-alpes")?.statusHistory.last?.reason == "Kansen farma")
    }

    @Test("a save of unknown outcome whose form was closed concerns no other form: its Ctrl-S saves, and the change coming in leaves it open")
    func unknownOutcomeOtherForm() throws {
        let app = Harness()
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("s"), .down, .tab).type("Kansen farma")
        app.store.failure = .outcomeUnknown(location: "postgresql://db/dossier", reason: "de verbinding viel weg")
        app.press(.control("s"))
        let change = try #require(app.state.unknownOutcome?.change)
        app.store.failure = nil
        app.press(.escape)
        if app.state.confirmation != nil { app.press(.character("J")) }
        #expect(app.state.form == nil)
        // Another form, opened after: the change of the first coming in does not close it.
        try select("bom", in: app, section: .relations)
        app.press(.character("e")).press(.control("u")).type("BOM Brabant")
        app.store.othersChanges = [(change, ChangeContext(actor: "adviseur", timestamp: Fixtures.now, today: Fixtures.context.today))]
        #expect(app.loop.refresh())
        #expect(app.state.form?.text("name") == "BOM Brabant", "the other form keeps its input")
        app.press(.control("s"))
        #expect(app.state.dossier.relation("bom")?.name == "BOM Brabant", "and its Ctrl-S saves at once")
    }

    @Test("undoing one's edit of a relation after a colleague set its status puts back the edited field and keeps the status")
    func undoEditAfterColleaguesStatus() throws {
        let app = Harness()
        try editRegion(of: "rhone-alpes", to: "Auvergne-Rhône-Alpes", in: app)
        let before = try #require(app.state.dossier.relation("rhone-alpes")?.status)
        app.store.othersChanges = [(.setRelationStatus("rhone-alpes", status: .focus, reason: "kansen", reviewDate: nil, seen: before), ine)]
        #expect(app.loop.refresh())
        app.press(.character("u"))
        #expect(app.state.message?.isError != true, "\(app.state.message?.text ?? "")")
        #expect(app.state.dossier.relation("rhone-alpes")?.region == "" && app.state.dossier.relation("rhone-alpes")?.status == .focus)
    }

    @Test("a form on a contact a colleague removes, and then adds again by the same name, is not saved onto the new contact")
    func contactRemovedThenAddedAgain() throws {
        let app = Harness()
        app.press(.character("i"), .character("e"), .tab, .tab, .tab, .tab).type("0412 629 111")
        #expect(app.state.form?.focusedField?.id == "phone")
        app.store.othersChanges = [(.removeContact(.municipality, "frank-den-brok"), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.form?.generalError?.hasPrefix("Ine verwijderde dit record intussen") == true, "\(String(describing: app.state.form?.generalError))")
        app.store.othersChanges = [(.addContact(.municipality, Contact(name: "Frank den Brok", role: "burgemeester")), ine)]
        #expect(app.loop.refresh())
        app.press(.control("s"))
        #expect(app.state.form != nil, "refused")
        #expect(app.state.dossier.ownContact("frank-den-brok")?.phone == "", "the new contact does not get the old one's phone")
    }

    @Test("a contact removed and one added by the same name in the same moment: the open form does not take the new person, nor save onto them")
    func contactReplacedAtOnce() throws {
        let app = Harness()
        app.press(.character("i"), .character("e"), .tab, .tab, .tab, .tab).type("0412 629 111")
        #expect(app.state.form?.focusedField?.id == "phone")
        app.store.othersChanges = [(.removeContact(.municipality, "frank-den-brok"), ine),
                                   (.addContact(.municipality, Contact(name: "Frank den Brok", role: "derde persoon")), ine)]
        #expect(app.loop.refresh())
        app.press(.control("s"))
        #expect(app.state.form?.generalError?.contains("Ine intussen verwijderde en opnieuw aanmaakte") == true, "\(String(describing: app.state.form?.generalError))")
        #expect(app.state.dossier.ownContact("frank-den-brok")?.phone == "", "the new contact does not get the old one's phone")
        #expect(app.state.dossier.ownContact("frank-den-brok")?.role == "derde persoon")
    }

    @Test("undo or redo of a step on a record a colleague removed since, and made anew by the same name, is refused: the new record is not touched")
    func undoOnRecordMadeAnew() throws {
        let app = Harness()
        app.press(.character("i"), .character("e"))
        for _ in 0..<6 where app.state.form?.focusedField?.id != "role" { app.press(.tab) }
        #expect(app.state.form?.focusedField?.id == "role")
        app.press(.control("u")).type("voorzitter").press(.control("s"))
        #expect(app.state.dossier.ownContact("frank-den-brok")?.role == "voorzitter", "\(String(describing: app.state.form?.errors))")
        app.store.othersChanges = [(.removeContact(.municipality, "frank-den-brok"), ine)]
        #expect(app.loop.refresh())
        app.store.othersChanges = [(.addContact(.municipality, Contact(name: "Frank den Brok", role: "voorzitter", phone: "06 99999999")), ine)]
        #expect(app.loop.refresh())
        app.press(.character("u"))
        #expect(app.state.message?.text.hasPrefix("Niet ongedaan gemaakt: Ine verwijderde intussen wat deze stap veranderde") == true,
                "\(app.state.message?.text ?? "")")
        #expect(app.state.dossier.ownContact("frank-den-brok")?.role == "voorzitter", "the new contact keeps its role")
        // A relation: its region edited, the relation deleted and added again by the same name.
        app.press(.character("1"))
        try editRegion(of: "rhone-alpes", to: "Auvergne", in: app)
        let edited = try #require(app.state.dossier.relation("rhone-alpes"))
        var anew = edited
        anew.notes = "Opnieuw aangemaakt"
        app.store.othersChanges = [(.deleteRelation("rhone-alpes"), ine), (.addRelation(anew), ine)]
        #expect(app.loop.refresh())
        app.press(.character("u"))
        #expect(app.state.message?.text.hasPrefix("Niet ongedaan gemaakt: Ine verwijderde intussen") == true, "\(app.state.message?.text ?? "")")
        #expect(app.state.dossier.relation("rhone-alpes")?.region == "Auvergne")
    }

    @Test("undo of a step on a record a colleague removed and put back as it was (her own undo) goes on: it is the same record")
    func undoAfterColleaguePutItBack() throws {
        let app = Harness()
        try editRegion(of: "rhone-alpes", to: "Auvergne", in: app)
        let edited = try #require(app.state.dossier.relation("rhone-alpes"))
        let position = try #require(app.state.dossier.relations.firstIndex { $0.id == "rhone-alpes" })
        app.store.othersChanges = [(.deleteRelation("rhone-alpes"), ine)]
        #expect(app.loop.refresh())
        let back = Restoration(label: "Rhône-Alpes", purpose: .undo, relations: [Snapshot(id: "rhone-alpes", value: edited, position: position, expected: .absent)])
        app.store.othersChanges = [(.restore(back), ine)]
        #expect(app.loop.refresh())
        app.press(.character("u"))
        #expect(app.state.message?.isError != true, "\(app.state.message?.text ?? "")")
        #expect(app.state.dossier.relation("rhone-alpes")?.region == "")
    }

    @Test("a relation chosen in an open form that a colleague deletes is said under its field with who; back again (her undo), that goes")
    func pickedRelationDeleted() throws {
        let app = Harness()
        app.press(.character("/")).type("taizhou").press(.enter, .character("v"))
        #expect(app.state.form?["relations"]?.relationIDs == ["taizhou"])
        let relation = try #require(app.state.dossier.relation("taizhou"))
        let position = try #require(app.state.dossier.relations.firstIndex { $0.id == "taizhou" })
        app.store.othersChanges = [(.deleteRelation("taizhou"), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.form?.errors["relations"] == "Taizhou is intussen verwijderd door Ine: kies een andere relatie, of haal haar weg",
                "\(app.state.form?.errors ?? [:])")
        let back = Restoration(label: "Taizhou", purpose: .undo, relations: [Snapshot(id: "taizhou", value: relation, position: position, expected: .absent)])
        app.store.othersChanges = [(.restore(back), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.dossier.relation("taizhou") != nil)
        #expect(app.state.form?.errors["relations"] == nil, "\(app.state.form?.errors ?? [:])")

        app.store.othersChanges = [(.deleteRelation("taizhou"), ine)]
        #expect(app.loop.refresh())
        // Another relation ticked beside it: the removed one is still chosen, so the word stays.
        app.tab(to: "relations").type("pivot").press(.tab, .enter)
        #expect(app.state.form?["relations"]?.relationIDs == ["taizhou", "pivot-park"])
        #expect(app.state.form?.errors["relations"]?.hasPrefix("Taizhou is intussen verwijderd door Ine") == true, "\(app.state.form?.errors ?? [:])")
        // Taken away (the chosen ones stand first in the list): the word goes.
        app.press(.backTab)
        #expect(app.state.form?.focusedField?.id == "relations")
        app.press(.enter, .tab, .enter)
        #expect(app.state.form?["relations"]?.relationIDs == ["pivot-park"])
        #expect(app.state.form?.errors["relations"] == nil, "\(app.state.form?.errors ?? [:])")
    }

    @Test("a form edits from the record as it opened: a colleague's other field stands, the same field is refused and the form kept")
    func formFromItsBasis() throws {
        let app = Harness()
        app.press(.character("2"))
        try select("missie-lyon", in: app, section: .activities)
        app.press(.character("e")).press(.control("u")).type("Missie naar Lyon")
        let seen = try #require(app.state.dossier.activity("missie-lyon"))
        app.store.othersChanges = [(.editActivity("missie-lyon", [FieldEdit(field: "notes", old: .text(seen.notes), new: .text("van Ine"))]), ine)]
        app.loop.refresh()
        app.press(.control("s"))
        #expect(app.state.form == nil, "saved")
        #expect(app.state.dossier.activity("missie-lyon")?.title == "Missie naar Lyon")
        #expect(app.state.dossier.activity("missie-lyon")?.notes == "van Ine", "the colleague's notes were not put back")

        app.press(.character("e")).press(.control("u")).type("Missie Lyon 2027")
        let now = try #require(app.state.dossier.activity("missie-lyon"))
        app.store.othersChanges = [(.editActivity("missie-lyon", [FieldEdit(field: "title", old: .text(now.title), new: .text("Lyon (Ine)"))]), ine)]
        app.loop.refresh()
        app.press(.control("s"))
        #expect(app.state.form != nil, "the form stays open")
        #expect(app.state.form?.text("title") == "Missie Lyon 2027", "with what was typed")
        #expect(app.text.contains("Niet opgeslagen"))
        #expect(app.state.dossier.activity("missie-lyon")?.title == "Lyon (Ine)", "the colleague's title stands")
    }

    @Test("a form on one of the municipality's own people edits from them as it opened: a colleague's mark stands, the same field is refused")
    func ownContactFormFromItsBasis() throws {
        let app = Harness()
        app.press(.character("i"), .character("e"), .tab, .tab, .tab, .tab).type("0412 629 111")
        #expect(app.state.form?.focusedField?.id == "phone")
        app.store.othersChanges = [(.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "consultedForFramework", old: .flag(false), new: .flag(true))]),
                                    ine)]
        app.loop.refresh()
        #expect(app.text.contains("Bijgewerkt: 1 wijziging van Ine"), "the screen stays open: \(app.state.message?.text ?? "")")
        app.press(.control("s"))
        #expect(app.state.form == nil, "saved")
        #expect(app.state.dossier.ownContact("frank-den-brok")?.phone == "0412 629 111")
        #expect(app.state.dossier.ownContact("frank-den-brok")?.consultedForFramework == true, "the colleague's mark was not put back")

        app.press(.character("e"), .tab).press(.control("u")).type("burgemeester")
        #expect(app.state.form?.focusedField?.id == "role")
        app.store.othersChanges = [(.editContact(.municipality, "frank-den-brok", [FieldEdit(field: "role", old: .text("wethouder economie"),
                                                                                                  new: .text("wethouder zorg"))]), ine)]
        app.loop.refresh()
        app.press(.control("s"))
        #expect(app.state.form != nil && app.text.contains("Niet opgeslagen"), "refused, the form kept")
        #expect(app.state.dossier.ownContact("frank-den-brok")?.role == "wethouder zorg", "the colleague's role stands")
    }

    @Test("after a refusal over a colleague's change the form shows the record as it is now with the input kept, and Ctrl-S saves the input",
          arguments: ["at once", "with the save"])
    func conflictThenSave(when: String) throws {
        let app = Harness()
        app.press(.character("2"))
        try select("missie-lyon", in: app, section: .activities)
        app.press(.character("e")).press(.control("u")).type("Missie Lyon 2027")
        let seen = try #require(app.state.dossier.activity("missie-lyon"))
        var theirs = seen
        theirs.title = "Lyon (Ine)"
        theirs.notes = "van Ine"
        theirs.kind = .beurs
        app.store.othersChanges = [(.editActivity("missie-lyon", Activity.fields.edits(from: seen, to: theirs)), ine)]
        if when == "at once" { app.loop.refresh() }
        app.press(.control("s"))
        #expect(app.state.form?.text("title") == "Missie Lyon 2027", "the typed title stays")
        #expect(app.state.form?.text("notes") == "van Ine", "the untouched field shows the colleague's value")
        #expect(app.state.form?.errors["title"]?.contains("intussen gewijzigd: nu Lyon (Ine)") == true, "\(String(describing: app.state.form?.errors))")
        #expect(app.state.form?.errors["title"]?.contains("Ctrl-S slaat die alsnog op") == true)
        #expect(app.state.form?.errors["title"]?.contains("wijzig opnieuw") == false, "the form says what to do in it, not what the command line says")
        #expect(app.state.dossier.activity("missie-lyon")?.title == "Lyon (Ine)")

        app.press(.control("s"))
        #expect(app.state.form == nil, "saved the second time: \(app.text)")
        #expect(app.state.dossier.activity("missie-lyon")?.title == "Missie Lyon 2027", "the input, chosen seeing the colleague's")
        #expect(app.state.dossier.activity("missie-lyon")?.notes == "van Ine", "the colleague's other field stands")
        #expect(app.state.dossier.activity("missie-lyon")?.kind == .beurs, "a choice left alone takes the colleague's value, not the one it opened with")
        #expect(app.store.saved?.activity("missie-lyon")?.title == "Missie Lyon 2027")
    }

    @Test("a form left untouched until a colleague's change arrived still edits from the record as it opened, however the text comes in",
          arguments: ["relation", "activity"], ["keys", "typed ahead", "pasted"])
    func untouchedFormFromItsBasis(kind: String, input: String) throws {
        let app = Harness()
        let id = kind == "relation" ? "rhone-alpes" : "missie-lyon"
        if kind == "activity" { app.press(.character("2")) }
        try select(id, in: app, section: kind == "relation" ? .relations : .activities)
        app.press(.character("e"))
        if kind == "relation" {
            let seen = try #require(app.state.dossier.relation(id))
            app.store.othersChanges = [(.editRelation(id, [FieldEdit(field: "notes", old: .text(seen.notes), new: .text("van Ine")),
                                                           FieldEdit(field: "places", old: .list(seen.places), new: .list(["Carlstad"]))]), ine)]
        } else {
            let seen = try #require(app.state.dossier.activity(id))
            app.store.othersChanges = [(.editActivity(id, [FieldEdit(field: "notes", old: .text(seen.notes), new: .text("van Ine"))]), ine)]
        }
        app.loop.refresh()
        let text = kind == "relation" ? "Mijn regio" : "Nieuwe naam"
        if kind == "relation" { app.press(.tab, .tab, .tab) } else { app.press(.control("u")) }
        switch input {
        case "keys": app.type(text)
        case "typed ahead": app.loop.dispatch(.typed(text))
        default: app.loop.dispatch(.pasted(text))
        }
        app.press(.control("s"))
        #expect(app.state.form == nil, "saved: \(app.text)")
        let notes = kind == "relation" ? app.state.dossier.relation(id)?.notes : app.state.dossier.activity(id)?.notes
        #expect(notes == "van Ine", "the colleague's notes were not put back")
        if kind == "relation" {
            #expect(app.state.dossier.relation(id)?.places == ["Carlstad"])
            #expect(app.state.dossier.relation(id)?.region == text)
        } else {
            #expect(app.state.dossier.activity(id)?.title == text)
        }
    }

    @Test("a deletion confirmed after a colleague changed the record is refused, whether the change arrived before J or with the save",
          arguments: ["before", "with the save"])
    func deleteAfterColleagueEdit(when: String) throws {
        let app = Harness()
        app.press(.character("2"))
        try select("missie-lyon", in: app, section: .activities)
        app.press(.character("d"))
        #expect(app.state.confirmation != nil)
        let seen = try #require(app.state.dossier.activity("missie-lyon"))
        app.store.othersChanges = [(.editActivity("missie-lyon", [FieldEdit(field: "notes", old: .text(seen.notes), new: .text("belangrijk, van Ine"))]), ine)]
        if when == "before" { app.loop.refresh() }
        app.press(.character("J"))
        #expect(app.state.dossier.activity("missie-lyon")?.notes == "belangrijk, van Ine", "not deleted: \(app.text)")
        #expect(app.state.message?.text.contains("is gewijzigd sinds u het zag") == true, "\(String(describing: app.state.message))")
        #expect(app.store.saved?.activity("missie-lyon") != nil)

        app.press(.character("d"), .character("J"))
        #expect(app.state.dossier.activity("missie-lyon") == nil, "asked again on what is there now, it goes")
    }

    @Test("a new activity whose name a colleague took in the same moment: the refusal says that Ctrl-S again saves it with an id of its own")
    func sameNameAddedAtOnce() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Dubbel").press(.tab).type("b")   // soort: Beurs
        app.store.othersChanges = [(.addActivity(Activity(id: "dubbel", title: "Dubbel", kind: .beurs)), ine)]
        app.press(.control("s"))
        #expect(app.state.form?.generalError?.hasSuffix("nogmaals Ctrl-S slaat deze op met een eigen id, Esc laat haar weg.") == true
                || app.state.form?.errors.values.contains { $0.hasSuffix("nogmaals Ctrl-S slaat deze op met een eigen id, Esc laat haar weg.") } == true,
                "\(String(describing: app.state.form?.generalError)) \(app.state.form?.errors ?? [:])")
        app.press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        #expect(app.state.dossier.activity("dubbel-2")?.title == "Dubbel")
    }

    @Test("a status menu opened before a colleague changed the status is refused instead of overwriting it")
    func statusFromItsBasis() throws {
        let app = Harness()
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("s")).press(.down, .tab).type("toch niet")
        let chosen = try #require(app.state.form?["status"]?.selectedValue)
        app.store.othersChanges = [(.setRelationStatus("rhone-alpes", status: .actief, reason: "akkoord", reviewDate: nil), ine)]
        app.loop.refresh()
        app.press(.control("s"))
        #expect(app.state.form != nil)
        #expect(app.state.dossier.relation("rhone-alpes")?.status == .actief)
        #expect(app.text.contains("Niet opgeslagen"))
        #expect(app.state.form?.title.hasSuffix("nu Actief") == true, "the form now says what the status is: \(app.state.form?.title ?? "")")
        #expect(app.state.form?.text("reason") == "toch niet")

        app.press(.control("s"))
        #expect(app.state.form == nil, "the second Ctrl-S, knowing the colleague's status, saves: \(app.text)")
        #expect(app.state.dossier.relation("rhone-alpes")?.statusHistory.last?.reason == "toch niet")
        #expect(app.state.dossier.relation("rhone-alpes")?.status.rawValue == chosen, "the status chosen in the menu, left as it was, is the one saved")
    }

    @Test("a step the colleague already took is not swapped for another in the move form: the form stays as it was, and nothing else is saved")
    func moveAfterColleagueMoved() throws {
        let app = Harness()
        app.press(.character("2"))
        try select("missie-lyon", in: app, section: .activities)
        let before = try #require(app.state.dossier.activity("missie-lyon"))
        app.press(.character("m"))
        let step = try #require(app.state.form?["status"]?.selectedValue)
        app.press(.tab).type("mijn toelichting")
        app.store.othersChanges = [(.moveActivity("missie-lyon", status: .geannuleerd, reason: "van Ine", overrideReason: nil, decision: nil,
                                                  seen: before.status), ine)]
        app.loop.refresh()
        app.press(.control("s"))
        #expect(app.state.form?["status"]?.selectedValue == step, "the step chosen stays chosen")
        #expect(app.state.form?.text("reason") == "mijn toelichting")
        let said = app.state.form?.errors["status"] ?? app.state.form?.generalError
        #expect(said?.hasSuffix("Dit formulier kan dat niet meer opslaan: Esc sluit het; open het opnieuw om van de stand van nu uit te gaan.") == true,
                "says the way out: \(String(describing: said))")
        app.press(.control("s"))
        let history = try #require(app.state.dossier.activity("missie-lyon")?.statusHistory)
        #expect(history.count == before.statusHistory.count + 1, "only the colleague's step is saved: \(history.map(\.to))")
    }

    @Test("an open change log takes in a colleague's changes: at its top, for the whole dossier or the record it is about")
    func changeLogFollows() throws {
        let app = Harness()
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("s"), .down, .tab).type("eigen reden").press(.control("s"))
        app.press(.enter, .character("L"))
        guard case .history(let before) = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        #expect(before.entries.count == 1)
        app.store.othersChanges = [(.setRelationStatus("rhone-alpes", status: .actief, reason: "van Ine", reviewDate: nil), ine),
                                   (.setRelationStatus("pivot-park", status: .actief, reason: "elders", reviewDate: nil), ine)]
        #expect(app.loop.refresh())
        guard case .history(let after) = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        #expect(after.entries.map(\.actor) == ["Ine", "adviseur"], "only Rhône-Alpes's, newest first: \(after.entries.map(\.summary))")
        #expect(after.list.selection == 0)
        #expect(app.text.contains("Ine"), "\(app.text)")
    }

    @Test("undo after a colleague changed another field of the same record: the step goes back, the colleague's field stays")
    func undoKeepsOtherFields() throws {
        let app = Harness()
        try select("rhone-alpes", in: app, section: .relations)
        let before = try #require(app.state.dossier.relation("rhone-alpes"))
        app.press(.character("s"), .down, .tab).type("eigen reden").press(.control("s"))
        let seen = try #require(app.state.dossier.relation("rhone-alpes"))
        app.store.othersChanges = [(.editRelation("rhone-alpes", [FieldEdit(field: "region", old: .text(seen.region), new: .text("Regio van Ine"))]), ine)]
        app.loop.refresh()
        app.press(.character("u"))
        let now = try #require(app.state.dossier.relation("rhone-alpes"))
        #expect(now.status == before.status && now.statusHistory == before.statusHistory, "\(String(describing: app.state.message))")
        #expect(now.region == "Regio van Ine")
        #expect(app.store.saved?.relation("rhone-alpes") == now)
        app.press(.control("r"))
        #expect(app.state.dossier.relation("rhone-alpes")?.statusHistory.last?.reason == "eigen reden", "redone")
        #expect(app.state.dossier.relation("rhone-alpes")?.region == "Regio van Ine")
    }

    @Test("an open edit form shows a colleague's change in the fields left alone and keeps what was typed; a field both changed is left for the save to refuse")
    func formFollowsColleague() throws {
        let app = Harness()
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("e"))
        while app.state.form?.focusedField?.id != "notes" { app.press(.tab) }
        app.press(.control("u")).type("eigen notitie")
        let seen = try #require(app.state.dossier.relation("rhone-alpes"))
        app.store.othersChanges = [(.editRelation("rhone-alpes", [FieldEdit(field: "region", old: .text(seen.region), new: .text("Regio van Ine"))]), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.form?.text("region") == "Regio van Ine", "the field left alone shows the record as it is now")
        #expect(app.state.form?.text("notes") == "eigen notitie" && app.state.form?.focusedField?.id == "notes")
        app.type(" erbij").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.generalError ?? "")")
        let saved = try #require(app.state.dossier.relation("rhone-alpes"))
        #expect(saved.region == "Regio van Ine" && saved.notes == "eigen notitie erbij")

        // Ine changes the field being typed in: the form is left as it is, and the save meets her change.
        app.press(.character("e"))
        while app.state.form?.focusedField?.id != "notes" { app.press(.tab) }
        app.press(.control("u")).type("tweede notitie")
        app.store.othersChanges = [(.editRelation("rhone-alpes", [FieldEdit(field: "notes", old: .text(saved.notes), new: .text("van Ine")),
                                                                 FieldEdit(field: "region", old: .text(saved.region), new: .text("Regio 2"))]), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.form?.text("region") == "Regio van Ine", "not made anew: the region as the form opened")
        app.press(.control("s"))
        #expect(app.state.form != nil && app.state.dossier.relation("rhone-alpes")?.notes == "van Ine", "refused, not saved over Ine's notes")
    }

    @Test("a visit's cost typed while a colleague carries the visit out: the form is not made anew, her actual cost stays")
    func costWhileCarriedOut() throws {
        var dossier = Fixtures.smallDossier()
        let visit = Activity(id: "bezoek-kobe", title: "Delegatie uit Kobe", kind: .delegatiebezoek, status: .gepland, relations: ["pivot-park"],
                             startDate: Fixtures.date("2026-11-01"), estimatedCost: Money(euros: 500),
                             visit: VisitDetails(direction: .inkomend, delegationFrom: "Kobe"),
                             statusHistory: [StatusChange(date: Fixtures.date("2026-10-01"), from: nil, to: .gepland, reason: "", by: "t", decision: "B&W")])
        try dossier.apply(.addActivity(visit), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("3")).type("/kobe").press(.enter, .enter, .character("e"))
        #expect(app.state.form?.purpose == .editVisit("bezoek-kobe"))
        while app.state.form?.focusedField?.id != "cost" { app.press(.tab) }
        app.press(.control("u")).type("800")
        app.store.othersChanges = [(.moveActivity("bezoek-kobe", status: .uitgevoerd, reason: "", overrideReason: nil, actualCost: Money(euros: 500),
                                                  seen: .gepland), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.form?["cost"]?.label == "Kosten (geraamd)", "the form as it was: the step was not followed")
        app.press(.control("s"))
        let now = try #require(app.state.dossier.activity("bezoek-kobe"))
        #expect(now.actualCost == Money(euros: 500), "Ine's actual cost stays: \(String(describing: now.actualCost))")
    }

    @Test("Space on a follow-up after a colleague removed one before it, not yet shown: refused, no other follow-up ticked off")
    func tickAfterColleagueRemoved() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addFollowUp("delegatie-uit-lyon", FollowUp(text: "Foto's delen")), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("2")).type("/delegatie").press(.enter, .enter, .tab, .character("j"))
        let visit = try #require(app.state.dossier.activity("delegatie-uit-lyon"))
        app.store.othersChanges = [(.removeFollowUp("delegatie-uit-lyon", FollowUpPlace(0, in: visit.followUps)!), ine)]
        app.press(.character(" "))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps == Array(visit.followUps.dropFirst()), "\(String(describing: app.state.message))")
        #expect(app.state.message?.isError == true)
    }

    @Test("Space on a follow-up after a colleague changed another field of the activity, not yet shown: ticked off, and her change stands")
    func tickAfterColleagueEditedCost() throws {
        let app = Harness(dossier: Fixtures.smallDossier())
        app.press(.character("2")).type("/delegatie").press(.enter, .enter, .tab, .character("j"))
        let visit = try #require(app.state.dossier.activity("delegatie-uit-lyon"))
        app.store.othersChanges = [(.editActivity("delegatie-uit-lyon", [FieldEdit(field: "estimatedCostCents", old: Activity.fields.field("estimatedCostCents")!.value(of: visit),
                                                                                   new: .number(60_000))]), ine)]
        app.press(.character(" "))
        let now = try #require(app.state.dossier.activity("delegatie-uit-lyon"))
        #expect(zip(now.followUps, visit.followUps).filter { $0.isDone != $1.isDone }.map(\.0.text) == ["Uitnodiging terugbezoek"],
                "\(String(describing: app.state.message))")
        #expect(now.estimatedCost == Money(euros: 600))
        #expect(app.state.message?.isError == false)
    }

    @Test("the selected follow-up or contact stays selected when a colleague adds or removes one before it, so Space ticks the one chosen")
    func detailSelectionFollowsItem() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addFollowUp("delegatie-uit-lyon", FollowUp(text: "Foto's delen", due: Fixtures.date("2026-08-01"))), context: Fixtures.context)
        try dossier.apply(.addContact(.relation("pivot-park"), Contact(name: "Cees Een", organisation: "Pivot Park")), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("2")).type("/delegatie").press(.enter, .enter, .tab, .character("j"))
        #expect(app.state.selectedItemID(of: .followUps) == "3", "Foto's delen, the second open one")
        // Ine adds one due earlier: it is shown first, and the rows below it move down.
        app.store.othersChanges = [(.addFollowUp("delegatie-uit-lyon", FollowUp(text: "Bedankbrief", due: Fixtures.date("2026-06-20"))), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.selectedItemID(of: .followUps) == "3", "still Foto's delen, now the third row")
        app.press(.character(" "))
        let followUps = try #require(app.state.dossier.activity("delegatie-uit-lyon")?.followUps)
        #expect(followUps.first { $0.text == "Foto's delen" }?.isDone == true)
        #expect(followUps.first { $0.text == "Verslag naar de wethouder" }?.isDone == false, "not the one now on its old row")
        // A contact: the second of two, the first removed by Ine.
        app.press(.escape, .escape, .character("1")).type("/pivot").press(.enter, .enter, .tab)
        while app.state.currentDetail?.focusedList != .contacts { app.press(.tab) }
        app.press(.character("j"))
        let chosen = try #require(app.state.selectedItemID(of: .contacts))
        let before = try #require(app.state.dossier.relation("pivot-park")?.contacts.first?.id)
        #expect(chosen != before)
        app.store.othersChanges = [(.removeContact(.relation("pivot-park"), before), ine)]
        #expect(app.loop.refresh())
        #expect(app.state.selectedItemID(of: .contacts) == chosen)
    }

    @Test("one's own save that takes in a colleague's change first keeps the chosen contact selected")
    func detailSelectionAcrossOwnSave() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addContact(.relation("pivot-park"), Contact(name: "Cees Een", organisation: "Pivot Park")), context: Fixtures.context)
        try dossier.apply(.addContact(.relation("pivot-park"), Contact(name: "Dirk Drie", organisation: "Pivot Park")), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("1")).type("/pivot").press(.enter, .enter, .tab)
        while app.state.currentDetail?.focusedList != .contacts { app.press(.tab) }
        app.press(.character("j"))
        let contacts = try #require(app.state.dossier.relation("pivot-park")?.contacts)
        #expect(contacts.count == 3)
        let chosen = try #require(app.state.selectedItemID(of: .contacts))
        #expect(chosen == contacts[1].id, "the second of three")
        // Ine removes the first; this screen hears of it only with its own save, a status change of the relation.
        app.store.othersChanges = [(.removeContact(.relation("pivot-park"), contacts[0].id), ine)]
        app.press(.character("s"), .down, .tab).type("Even geen capaciteit").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.generalError ?? "")")
        #expect(app.state.dossier.relation("pivot-park")?.contacts.count == 2)
        #expect(app.state.selectedItemID(of: .contacts) == chosen, "not the contact that moved onto its row")
    }

    @Test("an open weighing shows the verdict as the dossier stands once a colleague's change comes in, before any key")
    func weighingFollowsColleague() throws {
        let app = Harness()
        app.press(.character("2")).type("/missie").press(.enter, .character("a"))
        #expect(app.state.form?.purpose == .assessment("missie-lyon"))
        let before = try #require(app.state.form?.verdictPreview)
        #expect(!before.reasons.contains { $0.text.contains("past niet") }, "\(before.reasons.map(\.text))")
        let mission = try #require(app.state.dossier.activity("missie-lyon"))
        app.store.othersChanges = [(.editActivity("missie-lyon", [FieldEdit(field: "estimatedCostCents", old: .number(mission.estimatedCost?.cents ?? 0),
                                                                             new: .number(5_000_000))]), ine)]
        #expect(app.loop.refresh())
        let after = try #require(app.state.form?.verdictPreview)
        #expect(after.reasons.contains { $0.text.contains("past niet") }, "\(after.reasons.map(\.text))")
    }

    /// A colleague's weighing of the activity, as `dossier assess ACT --answer …` records it: from the latest answers.
    func colleagueWeighs(_ id: ActivityID, _ given: [(Question, Answer)], in app: Harness) throws {
        let activity = try #require(app.state.dossier.activity(id))
        var answers = activity.assessments.last?.answers ?? AssessmentAnswers()
        for (question, answer) in given { answers.set(question, answer, note: "") }
        let result = Assessor.assess(activity, answers: answers, in: app.state.dossier, ledger: nil)
        app.store.othersChanges = [(.recordAssessment(id, result.recorded(answers: answers, by: "", at: Fixtures.now),
                                                      seen: activity.assessments.last?.answers ?? AssessmentAnswers()), ine)]
    }

    @Test("a weighing form takes a colleague's weighing in the answers left alone; an answer both changed is refused saying what changed, and Ctrl-S then saves it seeing both",
          arguments: ["at once", "with the save"])
    func weighingFromItsBasis(when: String) throws {
        let app = Harness()
        app.press(.character("2")).type("/missie").press(.enter, .character("a"))
        #expect(app.state.form?.purpose == .assessment("missie-lyon"))
        #expect(app.state.form?.focusedField?.id == Question.inhoudelijkeLink.rawValue)
        func answer(_ question: Question) -> String? { app.state.form?[question.rawValue]?.selectedValue }
        func saved(_ question: Question) -> Answer? { app.state.dossier.activity("missie-lyon")?.assessments.last?.answers[question] }
        let before = try #require(app.state.dossier.activity("missie-lyon")).assessments.count

        // Another answer than the one given: the colleague's stands, in the form and in what is saved.
        app.press(.character("j"))
        try colleagueWeighs("missie-lyon", [(.mvo, .ja)], in: app)
        if when == "at once" {
            #expect(app.loop.refresh())
            #expect(answer(.mvo) == Answer.ja.rawValue, "the answer left alone shows the colleague's")
            #expect(answer(.inhoudelijkeLink) == Answer.ja.rawValue, "the answer given stays")
            app.press(.control("s"))
        } else {
            // Arriving only with the save: refused rather than saved over unseen, the form made anew from the colleague's weighing.
            app.press(.control("s"))
            #expect(app.state.form != nil && app.text.contains("Niet opgeslagen"), "\(app.text)")
            #expect(answer(.mvo) == Answer.ja.rawValue && answer(.inhoudelijkeLink) == Answer.ja.rawValue)
            app.press(.control("s"))
        }
        #expect(app.state.form == nil, "saved: \(app.text)")
        #expect(app.state.dossier.activity("missie-lyon")?.assessments.count == before + 2)
        #expect(saved(.inhoudelijkeLink) == .ja && saved(.mvo) == .ja, "both answers")

        // The same answer changed by both: refused naming the colleague, the form kept; the next Ctrl-S saves it.
        app.press(.character("a"))
        app.press(.character("d"))
        try colleagueWeighs("missie-lyon", [(.inhoudelijkeLink, .nee), (.mensenrechten, .nee)], in: app)
        if when == "at once" {
            #expect(app.loop.refresh())
            #expect(answer(.mensenrechten) != Answer.nee.rawValue, "not made anew while an answer given was changed too")
        }
        app.press(.control("s"))
        #expect(app.state.form != nil, "refused, the form kept")
        // The store names the colleague (ColleagueConflict); the form says what changed.
        #expect(app.text.contains("Niet opgeslagen") && app.text.contains("Link met Oss is intussen Nee"), "\(app.text)")
        #expect(saved(.inhoudelijkeLink) == .nee && saved(.mensenrechten) == .nee, "the colleague's weighing stands")
        #expect(answer(.inhoudelijkeLink) == Answer.deels.rawValue, "the answer given stays")
        #expect(answer(.mensenrechten) == Answer.nee.rawValue, "the answer left alone now shows the colleague's")
        app.press(.control("s"))
        #expect(app.state.form == nil, "saved the second time: \(app.text)")
        #expect(saved(.inhoudelijkeLink) == .deels && saved(.mensenrechten) == .nee && saved(.mvo) == .ja)
    }

    @Test("a colleague putting back a backup is said as that, not as one change, whole on the one line an open form leaves")
    func colleagueRestored() throws {
        let app = Harness()
        app.press(.character("e"))
        #expect(app.state.form != nil)
        let entry = JournalEntry(sequence: 9, timestamp: Fixtures.now, actor: "Ine", today: Fixtures.context.today,
                                 summary: "Teruggezet uit back-up dossier-20261120T090000Z-000000004.json", subjects: [],
                                 event: .restoreBackup("dossier-20261120T090000Z-000000004.json"))
        app.loop.dispatch(.othersChanged([OthersChange(entry: entry, restoration: nil)]))
        let said = "Ine zette een back-up terug: het hele dossier is vervangen."
        #expect(app.state.message?.text == said, "\(String(describing: app.state.message))")
        #expect(app.text.contains(said), "\(app.text)")
        // With a colleague's change besides, both are said.
        let later = JournalEntry(sequence: 10, timestamp: Fixtures.now, actor: "Kees", today: Fixtures.context.today,
                                 summary: "Status van Taizhou: focus", subjects: [], event: .restoreBackup("x"))
        app.loop.dispatch(.othersChanged([OthersChange(entry: entry, restoration: nil), OthersChange(entry: later, restoration: Restoration(label: ""))]))
        #expect(app.state.message?.text == "Ine zette een back-up terug: het hele dossier is vervangen. Bijgewerkt: 1 wijziging van Ine en 1 van Kees", "\(String(describing: app.state.message))")
    }

    @Test("the record on screen deleted by a colleague: its screen closes, and the message says what and by whom")
    func shownRecordDeleted() throws {
        let app = Harness()
        app.press(.character("2")).type("/delegatie").press(.enter, .enter)
        guard case .activityDetail = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        app.store.othersChanges = [(.deleteActivity("delegatie-uit-lyon"), ine)]
        #expect(app.loop.refresh())
        guard case .list(.activities) = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        #expect(app.state.message?.text == "Activiteit verwijderd: Delegatie uit Lyon (door Ine); dat scherm is gesloten. Bijgewerkt: 1 wijziging van Ine",
                "\(String(describing: app.state.message))")
    }

    @Test("a refusal longer than the message line is shown whole over the bottom of the screen, and the next key clears it")
    func longMessageWhole() throws {
        let app = Harness(width: 80, height: 24)
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("s"), .down, .tab).type("eigen reden").press(.control("s"))
        app.store.othersChanges = [(.setRelationStatus("rhone-alpes", status: .actief, reason: "status van Ine", reviewDate: nil), ine)]
        app.loop.refresh()
        app.press(.character("u"))
        let message = try #require(app.state.message?.text)
        #expect(message.count > 80 && message.contains("ongedaan"), "\(message)")
        let shown = app.screen.lines.suffix(6).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.contains(message), "\(app.text)")
        app.press(.character("j"))
        #expect(!app.text.contains("ongedaan wilt"))
    }

    @Test("undo and redo after a colleague put the record back as it was (a backup restored): nothing saved, said so, no empty log line")
    func undoAfterColleaguePutBack() throws {
        let app = Harness()
        try select("rhone-alpes", in: app, section: .relations)
        let original = try #require(app.state.dossier.relation("rhone-alpes"))
        let position = try #require(app.state.dossier.relationPosition("rhone-alpes"))
        app.press(.character("e"))
        while app.state.form?.focusedField?.id != "region" { app.press(.tab) }
        app.press(.control("u")).type("Regio A").press(.control("s"))
        app.press(.character("e"))
        while app.state.form?.focusedField?.id != "notes" { app.press(.tab) }
        app.press(.control("u")).type("Eigen notitie").press(.control("s"))
        #expect(app.state.dossier.relation("rhone-alpes")?.notes == "Eigen notitie")
        app.store.othersChanges = [(.restore(Restoration(label: "Teruggezet", relations: [Snapshot(id: original.id, value: original, position: position)])), ine)]
        #expect(app.loop.refresh())
        let committed = app.store.committed.count
        // The notes step, merged with what Ine put back (the region too), changes nothing: no line for it.
        app.press(.character("u"))
        #expect(app.state.message?.text.hasPrefix("Al zoals vóór die stap") == true, "\(String(describing: app.state.message))")
        #expect(app.store.committed.count == committed)
        app.press(.character("u"))
        #expect(app.state.message?.text.hasPrefix("Al zoals vóór die stap") == true, "\(String(describing: app.state.message))")
        #expect(app.store.committed.count == committed && app.state.dossier.relation("rhone-alpes") == original)
        // Redone by a step undone and a colleague who sets it again: a redo that changes nothing saves nothing.
        app.press(.character("e"))
        while app.state.form?.focusedField?.id != "notes" { app.press(.tab) }
        app.press(.control("u")).type("Tweede notitie").press(.control("s"), .character("u"))
        #expect(app.state.dossier.relation("rhone-alpes")?.notes == original.notes)
        app.store.othersChanges = [(.editRelation("rhone-alpes", [FieldEdit(field: "notes", old: .text(original.notes), new: .text("Tweede notitie"))]), ine)]
        #expect(app.loop.refresh())
        let beforeRedo = app.store.committed.count
        app.press(.control("r"))
        #expect(app.state.message?.text.hasPrefix("Al zoals na die stap") == true, "\(String(describing: app.state.message))")
        #expect(app.store.committed.count == beforeRedo)
    }

    @Test("a step a colleague's change makes impossible to undo stays, said so, and the next u undoes the step before it")
    func undoPastRefusedStep() throws {
        let app = Harness()
        try twoStatusSteps(in: app)
        let bom = try #require(app.state.dossier.relation("bom"))
        app.store.othersChanges = [(.setRelationStatus("rhone-alpes", status: .actief, reason: "status van Ine", reviewDate: nil), ine)]
        app.loop.refresh()
        app.press(.character("u"))
        #expect(app.state.message?.text.hasPrefix("Niet ongedaan gemaakt: ") == true, "\(String(describing: app.state.message))")
        #expect(app.state.message?.text.hasSuffix("Deze stap blijft staan; de toets u gaat nu verder met de stap ervoor.") == true)
        #expect(app.state.dossier.relation("rhone-alpes")?.statusHistory.last?.reason == "status van Ine", "the refused step and Ine's stay")
        app.press(.character("u"))
        #expect(app.state.dossier.relation("bom")?.statusHistory.count == bom.statusHistory.count - 1, "the step before it is undone: \(app.text)")
        #expect(app.state.dossier.relation("rhone-alpes")?.status == .actief)
    }

    @Test("a step a colleague's change makes impossible to redo stays undone, said so, and the next Ctrl-R redoes the step after it")
    func redoPastRefusedStep() throws {
        let app = Harness()
        try twoStatusSteps(in: app)
        let rhoneAfter = try #require(app.state.dossier.relation("rhone-alpes"))
        app.press(.character("u"), .character("u"))
        let bomBefore = try #require(app.state.dossier.relation("bom"))
        app.store.othersChanges = [(.setRelationStatus("bom", status: .verkennen, reason: "status van Ine", reviewDate: nil), ine)]
        app.loop.refresh()
        app.press(.control("r"))
        #expect(app.state.message?.text.hasPrefix("Niet opnieuw gedaan: ") == true, "\(String(describing: app.state.message))")
        #expect(app.state.message?.text.hasSuffix("Deze stap blijft ongedaan; Ctrl-R gaat nu verder met de stap erna.") == true)
        #expect(app.state.dossier.relation("bom")?.statusHistory.count == bomBefore.statusHistory.count + 1, "Ine's step stays, not the refused one")
        app.press(.control("r"))
        #expect(app.state.dossier.relation("rhone-alpes")?.status == rhoneAfter.status, "the step after it is redone: \(app.text)")
        #expect(app.state.dossier.relation("rhone-alpes")?.statusHistory.last?.reason == "tweede")
    }

    @Test("a file replaced by something else is shown, and R reloads it")
    func replacedOutside() {
        let app = Harness()
        app.store.outsideChange = true
        #expect(app.loop.refresh())
        #expect(app.state.hasOutsideChange)
        #expect(app.text.contains("R laadt opnieuw"))
        app.press(.character("R"))
        #expect(!app.state.hasOutsideChange)
    }

    @Test("in a form the file replaced elsewhere is reloaded with F5, which the messages name; R is a letter there, and the input stays")
    func replacedOutsideWithFormOpen() throws {
        let app = Harness()
        try select("rhone-alpes", in: app, section: .relations)
        app.press(.character("e"), .tab, .tab, .tab).type("Mijn")
        app.store.outsideChange = true
        app.press(.control("s"))
        #expect(app.text.contains("F5 laadt opnieuw"), "\(app.text)")
        app.store.outsideChange = false
        app.press(.character("R"))
        #expect(app.state.form?.text("region") == "MijnR", "R is typed into the field")
        #expect(app.state.hasOutsideChange)
        app.press(.function(5))
        #expect(!app.state.hasOutsideChange)
        #expect(app.state.form?.text("region") == "MijnR", "the input stays")
        app.press(.control("s"))
        #expect(app.state.form == nil && app.state.dossier.relation("rhone-alpes")?.region == "MijnR")
    }

    @Test("a dossier out of reach keeps the screen as it is and says so; once it is back, that is said too")
    func unreachable() {
        let app = Harness()
        app.press(.character("s")).press(.down, .tab).type("blijft staan")
        app.store.refreshFailure = .fileSystem(FileSystemError(operation: "bereiken", path: "/mnt/gedeeld/dossier.json", code: SystemErrorCode.ioError))
        #expect(app.loop.refresh())
        #expect(app.text.contains("niet te lezen"))
        #expect(app.state.form?.text("reason") == "blijft staan")
        #expect(!app.loop.refresh(), "said once, not on every look")
        // The message line moves on with the next key; the tab bar keeps saying that what is shown may be behind.
        app.press(.escape)
        if app.state.confirmation != nil { app.press(.character("J")) }
        #expect(app.text.contains("[niet te lezen: mogelijk verouderd]"), "\(app.text)")
        app.store.refreshFailure = nil
        #expect(app.loop.refresh())
        #expect(app.text.contains("weer te lezen"))
        #expect(!app.text.contains("[niet te lezen"))
    }
}
