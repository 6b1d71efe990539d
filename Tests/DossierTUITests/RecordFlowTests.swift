import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Testing

/// Keeping records in the TUI: the relation, contact and link forms (add, edit, cancel with input, an
/// invalid field keeping what was typed, undo), opening links, long texts in the editor, the text keys.
@Suite("TUI records: relations, contacts, links")
struct RecordFlowTests {
    /// `add-activity` asks its --kind; the form took Handelsmissie, and a network drink saved so was weighed by the economic rules.
    @Test("a new activity's kind is chosen, not taken as given: saved without one it is asked; from a list of one kind that kind")
    func activityKindAsked() throws {
        let app = Harness()
        app.press(.character("2"), .character("+")).type("Netwerkborrel Agrifood")
        #expect(app.state.form?["kind"]?.selectedValue == "")
        app.press(.control("s"))
        #expect(app.state.form?.errors["kind"] == "Kies een soort: ←→ of de beginletter (Beurs, Handelsmissie …)", "\(app.state.form?.errors ?? [:])")
        #expect(app.store.committed.isEmpty)
        app.tab(to: "kind").type("n").press(.control("s"))
        #expect(app.state.form == nil, "\(app.state.form?.errors ?? [:])")
        #expect(app.state.dossier.activities.first { $0.title == "Netwerkborrel Agrifood" }?.kind == .netwerkbijeenkomst)
    }

    /// A relation kept for its people (the abook use) showed "Nog geen activiteiten" under "Contactpersonen (2)".
    @Test("a relation without activities opens on its contacts; one with activities on its activities; a list chosen stays")
    func relationOpensOnItsContacts() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addRelation(Relation(id: "sao-paulo", name: "São Paulo", kind: .overheid, status: .verkennen)), context: Fixtures.context)
        for name in ["Maria da Conceição Sá", "Bruno Ribeiro"] {
            try dossier.apply(.addContact(.relation("sao-paulo"), Contact(name: name)), context: Fixtures.context)
        }
        let app = Harness(dossier: dossier)
        app.type("/são paulo").press(.enter, .enter)
        #expect(app.state.screen == .relationDetail(DetailState(id: "sao-paulo")), "\(app.state.screen)")
        #expect(app.text.contains("Maria da Conceição Sá") && !app.text.contains("Nog geen activiteiten"), "\(app.text)")
        app.press(.escape, .escape).type("/rhône").press(.enter, .enter)
        #expect(app.text.contains("Handelsmissie Lyon"), "its activities: \(app.text)")
    }

    @Test("+ on the relations adds a relation: country by type-ahead, the id from the name; u undoes it")
    func addRelation() throws {
        let app = Harness()
        app.press(.character("+"))
        #expect(app.state.form?.title == "Nieuwe relatie")
        app.type("Øresund Regio")
        #expect(app.state.form?.title == "Nieuwe relatie — id: oresund-regio")
        app.press(.control("s"))                                      // no kind chosen yet: asked, nothing saved
        #expect(app.state.form?.errors["kind"]?.hasPrefix("Kies een soort") == true, "\(app.state.form?.errors ?? [:])")
        #expect(app.store.committed.isEmpty)
        for _ in 0..<5 where app.state.form?.focusedField?.id != "name" { app.press(.backTab) }
        app.press(.tab).type("r").press(.tab, .tab).type("den")      // soort: Regio/cluster, status, land: the picker opens
        #expect(app.state.form?.picker?.source == .countries)
        #expect(app.state.form?.picker?.candidates.first == "DK")
        app.press(.enter)                                             // Denemarken; on to Regio
        app.press(.tab).type("Malmö, Kopenhagen").press(.control("s"))
        let relation = try #require(app.state.dossier.relation("oresund-regio"))
        #expect(relation.countries.map(\.code) == ["DK"] && !relation.isOutsideEurope)
        #expect(relation.places == ["Malmö", "Kopenhagen"] && relation.status == .verkennen && relation.kind == .regio)
        #expect(app.text.contains("Relatie toegevoegd: Øresund Regio (oresund-regio)"))
        app.press(.character("u"))
        #expect(app.state.dossier.relation("oresund-regio") == nil)
        #expect(app.text.contains("Ongedaan gemaakt: relatie Øresund Regio verwijderd"))
    }

    @Test("i on the relations opens the municipality's own people: + adds one, e edits, d removes after a question, u undoes, L shows their log")
    func ownContacts() throws {
        let app = Harness()
        app.press(.character("i"))
        guard case .municipality = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        #expect(app.text.contains("Gemeente Oss") && app.text.contains("Frank den Brok"))
        app.press(.character("+"))
        #expect(app.state.form?.purpose == .newContact(.municipality))
        #expect(app.state.form?.title == "Nieuwe contactpersoon bij Gemeente Oss")
        app.type("Anne Verhoeven").press(.tab).type("wethouder").press(.control("s"))
        #expect(app.state.dossier.internalContacts.map(\.name) == ["Frank den Brok", "Anne Verhoeven"])
        #expect(app.text.contains("Contactpersoon toegevoegd bij Gemeente Oss: Anne Verhoeven"))
        #expect(app.state.selectedContact?.contact.id == "anne-verhoeven", "the one just added is selected")
        app.press(.character("e"), .tab, .control("u")).type("wethouder economie").press(.control("s"))
        #expect(app.store.committed.last == .editContact(.municipality, "anne-verhoeven",
                                                         [FieldEdit(field: "role", old: .text("wethouder"), new: .text("wethouder economie"))]))
        app.press(.character("d"))
        #expect(app.state.confirmation?.question == "Contactpersoon Anne Verhoeven bij Gemeente Oss verwijderen? (ongedaan maken: u)")
        app.press(.character("J"))
        #expect(app.state.dossier.ownContact("anne-verhoeven") == nil)
        app.press(.character("u"))
        #expect(app.state.dossier.ownContact("anne-verhoeven")?.role == "wethouder economie")
        #expect(app.text.contains("Ongedaan gemaakt: contactpersoon Anne Verhoeven bij Gemeente Oss teruggezet"))
        app.press(.character("L"))
        #expect(app.text.contains("Wijzigingen van Gemeente Oss"))
        app.press(.enter)
        guard case .municipality = app.state.screen else { Issue.record("Enter on its change opens the municipality: \(app.state.screen)"); return }
    }

    @Test("e edits a relation: only the changed field goes to the journal, old → new; u puts it back")
    func editRelation() throws {
        let app = Harness()
        app.press(.character("/")).type("rhone").press(.enter, .character("e"))
        #expect(app.state.form?.title == "Relatie bewerken — Rhône-Alpes")
        app.press(.tab, .tab, .tab, .tab).press(.control("u")).type("Lyon").press(.control("s"))   // soort, land, regio, plaatsen
        #expect(app.state.dossier.relation("rhone-alpes")?.places == ["Lyon"])
        #expect(app.store.committed.last == .editRelation("rhone-alpes", [FieldEdit(field: "places", old: .list(["Lyon", "Grenoble"]), new: .list(["Lyon"]))]))
        #expect(app.store.journal.last?.summary == "Relatie bewerkt: Rhône-Alpes — Plaatsen: Lyon, Grenoble → Lyon")
        app.press(.character("u"))
        #expect(app.state.dossier == Fixtures.smallDossier())
        #expect(app.text.contains("Ongedaan gemaakt: plaatsen Rhône-Alpes Lyon → Lyon, Grenoble"))
        // Saving an unchanged form writes nothing.
        app.press(.character("e"), .control("s"))
        #expect(app.state.form == nil && app.store.committed.count == 2)
        #expect(app.text.contains("Niets gewijzigd aan Rhône-Alpes"))
    }

    @Test("on a relation's and an activity's screen, + and e act on the information or on the list that has the keys")
    func keysFollowThePane() throws {
        let app = Harness()
        app.press(.character("/")).type("rhone").press(.enter, .enter)
        app.press(.character("e"))
        #expect(app.state.form?.purpose == .editRelation("rhone-alpes"))
        app.press(.escape, .character("+"))
        #expect(app.state.form?.purpose == .newActivity && app.state.form?["relations"]?.relationIDs == ["rhone-alpes"])
        app.press(.escape, .tab, .character("+"))
        #expect(app.state.form?.purpose == .newContact(.relation("rhone-alpes")))
        app.press(.escape, .tab, .character("+"))
        #expect(app.state.form?.purpose == .newLink(.relation("rhone-alpes")))
        app.press(.escape, .tab, .character("e"))
        #expect(app.state.form?.purpose == .editActivity("missie-lyon") || app.state.form?.purpose == .editVisit("delegatie-uit-lyon"))
        app.press(.escape, .enter)
        guard case .activityDetail(let activity) = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        app.press(.character("+"))
        #expect(app.state.form?.purpose == .newFollowUp(activity.id))
        app.press(.escape, .tab, .tab, .character("+"))
        #expect(app.state.form?.purpose == .newLink(.activity(activity.id)))
        app.press(.escape, .tab, .character("e"))
        #expect(app.state.form?.purpose == .editActivity(activity.id) || app.state.form?.purpose == .editVisit(activity.id))
    }

    /// Keys that open each record form on the small dossier, and the form's purpose.
    static let forms: [(name: String, keys: [Key], purpose: FormPurpose)] = [
        ("new relation", [.character("+")], .newRelation),
        ("edit relation", [.character("/"), .character("b"), .character("o"), .character("m"), .enter, .character("e")], .editRelation("bom")),
        ("new contact", [.character("/"), .character("b"), .character("o"), .character("m"), .enter, .enter, .tab, .character("+")], .newContact(.relation("bom"))),
        ("new link", [.character("/"), .character("b"), .character("o"), .character("m"), .enter, .enter, .tab, .tab, .character("+")],
         .newLink(.relation("bom"))),
        ("new activity", [.character("2"), .character("+")], .newActivity),
        ("edit activity", [.character("2"), .character("G"), .character("e")], .editActivity("missie-lyon")),
    ]

    @Test("every record form: Esc with input asks first and keeps it on no; saved, then u takes it back", arguments: forms.indices)
    func cancelSaveUndo(index: Int) throws {
        let (name, keys, purpose) = Self.forms[index]
        let app = Harness()
        for key in keys { app.press(key) }
        #expect(app.state.form?.purpose == purpose, "\(name): \(String(describing: app.state.form?.purpose))")
        app.press(.control("u")).type("Nieuwe naam")
        app.press(.escape)
        #expect(app.state.confirmation != nil, "\(name): a filled form asks before it is thrown away")
        app.press(.character("n"))
        #expect(app.state.form?.fields.first?.text == "Nieuwe naam", "\(name): the input stays")
        if purpose == .newLink(.relation("bom")) { app.press(.tab).type("https://www.example.org") }
        if purpose == .newRelation || purpose == .newActivity { app.press(.tab).type("b") }   // a kind: Bedrijf, Beurs
        app.press(.control("s"))
        #expect(app.state.form == nil && app.store.committed.count == 1, "\(name): saved \(app.state.form?.errors ?? [:])")
        app.press(.character("u"))
        #expect(app.state.dossier == Fixtures.smallDossier(), "\(name): undone")
        #expect(app.store.journal.last?.summary.hasPrefix("Ongedaan gemaakt: ") == true)
    }

    @Test("a duplicate name is refused under the name field; everything typed stays; Esc with input asks first")
    func refusedAndCancelled() throws {
        let app = Harness()
        app.press(.character("+")).type("rhône ALPES").press(.tab, .tab, .tab, .tab).type("Chambéry").press(.control("s"))
        let form = try #require(app.state.form, "the form stays open")
        // Said as it is while typing, beside the kind still to be chosen.
        #expect(form.errors["name"] == "Er is al een relatie met de naam Rhône-Alpes (rhone-alpes); kies een andere naam")
        #expect(form.errors["kind"]?.hasPrefix("Kies een soort") == true)
        #expect(form.text("name") == "rhône ALPES" && form.text("region") == "Chambéry")
        #expect(form.focusedField?.id == "name")
        #expect(app.store.committed.isEmpty)
        app.press(.escape)
        #expect(app.state.confirmation != nil, "a filled form asks before it is thrown away")
        app.press(.character("n"))
        #expect(app.state.form?.text("region") == "Chambéry")
        app.press(.escape, .character("J"))
        #expect(app.state.form == nil && app.store.committed.isEmpty)
    }

    @Test("contacts: + adds with e-mail and phone checked (the form stays open on a mistake), e edits, d removes after asking; u undoes")
    func contacts() throws {
        let app = Harness()
        app.press(.character("/")).type("pivot").press(.enter, .enter, .tab)
        guard case .relationDetail(let detail) = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        #expect(detail.pane == .list(.contacts))
        app.press(.character("+")).type("Eva de Wit").press(.tab).type("communicatie").press(.tab, .tab).type("eva.pivotpark.example")
        app.press(.control("s"))
        let form = try #require(app.state.form)
        #expect(form.errors["email"] == "'eva.pivotpark.example' is geen e-mailadres: het @ ontbreekt (zoals naam@organisatie.nl)")
        #expect(form.text("name") == "Eva de Wit" && form.text("role") == "communicatie")
        // The field with the mistake is corrected, not retyped: what is typed goes after its text.
        app.type("x")
        #expect(app.state.form?.text("email") == "eva.pivotpark.examplex")
        app.press(.control("u")).type("eva@pivotpark.example").press(.tab).type("0412 123 456").press(.tab, .right).press(.control("s"))
        let eva = try #require(app.state.dossier.relation("pivot-park")?.contacts.last)
        #expect(eva == Contact(id: "eva-de-wit", name: "Eva de Wit", role: "communicatie", email: "eva@pivotpark.example", phone: "0412 123 456",
                               consultedForFramework: true))
        #expect(app.text.contains("eva@pivotpark.example") && app.text.contains("0412 123 456"), "the contacts pane shows e-mail and phone")
        app.press(.character("j"), .character("e"), .tab, .control("u")).type("woordvoerder").press(.control("s"))
        #expect(app.state.dossier.relation("pivot-park")?.contacts.last?.role == "woordvoerder")
        #expect(app.store.journal.last?.summary == "Contactpersoon bewerkt bij Pivot Park: Eva de Wit — Functie: communicatie → woordvoerder")
        app.press(.character("d"))
        #expect(app.state.confirmation?.question.contains("Eva de Wit") == true)
        app.press(.character("J"))
        #expect(app.state.dossier.relation("pivot-park")?.contacts.map(\.id) == ["britta-driessen"])
        app.press(.character("u"), .character("u"), .character("u"))
        #expect(app.state.dossier == Fixtures.smallDossier())
    }

    @Test("follow-ups: + adds one with a due date, e in the list changes it, d removes it after asking, d on the information still asks for the activity; u undoes")
    func followUps() throws {
        let app = Harness()
        app.press(.character("2")).type("/delegatie").press(.enter, .enter)
        guard case .activityDetail(let detail) = app.state.screen else { Issue.record("\(app.state.screen)"); return }
        #expect(detail.id == "delegatie-uit-lyon")
        app.press(.character("+")).type("Bellen met Lyon").press(.tab).type("31-2-2027").press(.control("s"))
        #expect(app.state.form?.errors["due"]?.isEmpty == false, "an impossible date stays in the form")
        app.press(.control("u")).type("1-3-2027").press(.tab).type("Kees").press(.control("s"))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.last == FollowUp(text: "Bellen met Lyon", due: Fixtures.date("2027-03-01"), owner: "Kees"))
        // The information has the keys: e edits the activity.
        app.press(.character("e"))
        #expect(app.state.form?.purpose == .editVisit("delegatie-uit-lyon"))
        // Shown by date, the done one last: Verslag (1-7-2026), Bellen (1-3-2027), Uitnodiging (done); Tab goes to the list
        // on the one just added.
        app.press(.escape, .tab, .character("e"))
        #expect(app.state.form?.purpose == .editFollowUp("delegatie-uit-lyon", index: 2, text: "Bellen met Lyon"))
        #expect(app.state.form?.text("due") == "2027-03-01" || app.state.form?.text("due") == "1-3-2027")
        app.press(.tab, .control("u")).type("15-3-2027").press(.control("s"))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.last?.due == Fixtures.date("2027-03-15"))
        #expect(app.store.journal.last?.summary == "Vervolgactie bewerkt bij Delegatie uit Lyon: Bellen met Lyon — Uiterlijk: 1-3-2027 → 15-3-2027")
        app.press(.character("j"), .character("d"))
        #expect(app.state.confirmation?.question == "Vervolgactie 'Uitnodiging terugbezoek' verwijderen? (ongedaan maken: u)")
        app.press(.character("J"))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.map(\.text) == ["Verslag naar de wethouder", "Bellen met Lyon"])
        app.press(.tab, .tab, .character("d"))
        #expect(app.state.confirmation?.question.hasPrefix("Activiteit 'Delegatie uit Lyon' verwijderen?") == true)
        app.press(.character("n"), .character("u"), .character("u"), .character("u"))
        #expect(app.state.dossier == Fixtures.smallDossier())
    }

    @Test("a link stored with half a path (older data) keeps it when only its label is changed")
    func oldRelativeLink() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addLink(.relation("pivot-park"), Link(label: "Oud", target: .path("docs/oud.pdf"))), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("/")).type("pivot").press(.enter, .enter, .tab, .tab, .character("e"), .control("u")).type("Ouder").press(.control("s"))
        #expect(app.state.form == nil, "\(String(describing: app.state.form?.errors))")
        #expect(app.state.dossier.relation("pivot-park")?.links.map(\.label) == ["Ouder"])
        #expect(app.state.dossier.relation("pivot-park")?.links.first?.target == .path("docs/oud.pdf"))
    }

    @Test("Ctrl-Z hands the terminal to the shell, in a list and in a form (which keeps its input); without a shell to come back to it says why")
    func suspendToShell() throws {
        let programs = ScriptedPrograms()
        let app = Harness(externals: programs)
        app.press(.control("z"))
        #expect(programs.suspensions == 1 && app.state.message == nil)
        app.press(.character("2"), .character("+")).type("Beurs").press(.control("z"))
        #expect(programs.suspensions == 2 && app.state.form?.text("title") == "Beurs")
        programs.suspendOutcome = .failed("Onderbreken kan niet: dossier is niet vanuit een shell met taakbeheer gestart (fg zou het niet terughalen). Stoppen: Ctrl-C.")
        app.press(.control("z"))
        #expect(app.text.contains("Onderbreken kan niet") && app.state.form?.text("title") == "Beurs")
        // A stop from outside (kill -TSTP) takes the same way, in a form and in the help, not as a key of either.
        programs.suspendOutcome = .done("")
        app.loop.dispatch(.suspendRequested)
        #expect(programs.suspensions == 4 && app.state.form?.text("title") == "Beurs")
        app.press(.escape, .character("J"))
        #expect(app.state.form == nil, "\(app.text)")
        app.press(.character("?"))
        #expect(app.state.helpScroll != nil)
        app.loop.dispatch(.suspendRequested)
        #expect(programs.suspensions == 5 && app.state.helpScroll != nil)
    }

    @Test("links: + adds a web address or a path, a bad address stays in the form, o opens with the desktop's opener, or says there is none")
    func links() throws {
        let programs = ScriptedPrograms()
        let app = Harness(externals: programs)
        app.press(.character("/")).type("pivot").press(.enter, .enter, .tab, .tab)
        app.press(.character("+")).type("Website").press(.tab).type("htps://pivotpark").press(.control("s"))
        #expect(app.state.form?.errors["target"] == "'htps://pivotpark' is geen webadres (zoals https://www.oss.nl/…; ook mailto: en file: mogen)")
        app.press(.control("u")).type("https://www.pivotpark.example").press(.control("s"))
        #expect(app.state.dossier.relation("pivot-park")?.links == [Link(id: "website", label: "Website", target: .url("https://www.pivotpark.example"))])
        app.press(.character("o"))
        #expect(programs.opened == [.url("https://www.pivotpark.example")])
        #expect(app.text.contains("Geopend"))
        programs.openOutcome = .failed("Geen programma om links te openen: installeer xdg-utils (xdg-open) of zet $BROWSER.")
        app.press(.enter)
        #expect(app.text.contains("Geen programma om links te openen"))
        // Half a path is refused here (where would it start?); a whole one is kept.
        app.press(.character("e"), .tab, .control("u")).type("docs/pivot.pdf").press(.control("s"))
        #expect(app.state.form?.errors["target"] == "'docs/pivot.pdf' is geen volledig pad: begin bij / of ~/ (zoals /mnt/gedeeld/besluit.pdf)")
        app.press(.control("u")).type("/mnt/gedeeld/pivot.pdf").press(.control("s"))
        #expect(app.state.dossier.relation("pivot-park")?.links.first?.target == .path("/mnt/gedeeld/pivot.pdf"))
        app.press(.character("d"), .character("J"))
        #expect(app.state.dossier.relation("pivot-park")?.links == [])
        app.press(.character("u"))
        #expect(app.state.dossier.relation("pivot-park")?.links.count == 1)
        // Without an opener at all, o says so.
        let bare = Harness()
        bare.press(.character("/")).type("pivot").press(.enter, .enter, .tab, .tab, .character("+")).type("x").press(.tab).type("/tmp/x").press(.control("s"))
        bare.press(.character("o"))
        #expect(bare.text.contains("Links openen kan hier niet"))
    }

    @Test("what + adds (a link, a contact, a follow-up) becomes the selected row of its list, so o, e and Space act on it")
    func addedIsSelected() throws {
        let programs = ScriptedPrograms()
        let app = Harness(externals: programs)
        app.press(.character("/")).type("pivot").press(.enter, .enter, .tab, .tab)
        for (label, address) in [("Website", "https://www.pivotpark.example"), ("Campus", "https://campus.example")] {
            app.press(.character("+")).type(label).press(.tab).type(address).press(.control("s"))
        }
        #expect(app.state.selectedLink?.link.label == "Campus")
        app.press(.character("o"))
        #expect(programs.opened == [.url("https://campus.example")])
        app.press(.backTab, .character("+")).type("Zora Alink").press(.control("s"))
        #expect(app.state.selectedContact?.contact.name == "Zora Alink")
        // Added from the information (which keeps the keys): Tab goes to the list, on the new one. A follow-up without a
        // date is shown after the dated ones; the selection is there.
        app.press(.escape, .character("3"), .enter)
        app.press(.character("+")).type("Bellen").press(.control("s"))
        #expect(app.state.selectedFollowUp == nil, "the information has the keys")
        app.press(.tab)
        #expect(app.state.selectedFollowUp?.followUp.text == "Bellen")
        app.press(.character(" "))
        #expect(app.state.dossier.activity("delegatie-uit-lyon")?.followUps.first { $0.text == "Bellen" }?.isDone == true)
    }

    @Test("an edit of one field leaves every other as it was, also lists an older version wrote otherwise")
    func untouchedFieldsStay() throws {
        var dossier = Fixtures.smallDossier()
        var mission = try #require(dossier.activity("missie-lyon"))
        mission.participants = [Participant(name: "Jan (Farma", role: .ondernemer, organisation: "NL)"),
                                Participant(name: "Piet", role: .ondernemer, organisation: "Stichting \"De Brug")]
        try dossier.apply(.updateActivity(mission), context: Fixtures.context)
        let app = Harness(dossier: dossier)
        app.press(.character("2")).type("/missie lyon").press(.enter, .character("e"))
        #expect(app.state.form?.focusedField?.id == "title")
        app.type("Missie Lyon 2027").press(.control("s"))
        let saved = try #require(app.state.dossier.activity("missie-lyon"))
        #expect(saved.title == "Missie Lyon 2027")
        #expect(saved.participants == mission.participants)
        #expect(app.store.journal.last?.summary.contains("Ondernemers") == false, "\(app.store.journal.last?.summary ?? "")")
    }

    @Test("Ctrl-O hands a long text to the editor and takes back its lines; a failing editor leaves the field as it was")
    func externalEditor() throws {
        let programs = ScriptedPrograms()
        let app = Harness(externals: programs)
        app.press(.character("/")).type("bom").press(.enter, .character("e"))
        let notesIndex = try #require(app.state.form?.fields.firstIndex { $0.id == "notes" })
        while app.state.form?.focus != notesIndex { app.press(.tab) }
        programs.editedText = .failed("De editor 'vi' stopte met exitcode 1; het veld is niet veranderd.")
        app.press(.control("o"))
        #expect(programs.edits.map(\.label) == ["Toelichting"])
        #expect(app.text.contains("stopte met exitcode 1") && app.state.form?.text("notes") == "")
        programs.editedText = .done("Brabantse Ontwikkelingsmaatschappij.\n\nPartner bij handelsmissies.")
        app.press(.control("o"), .control("s"))
        #expect(app.state.dossier.relation("bom")?.notes == "Brabantse Ontwikkelingsmaatschappij.\n\nPartner bij handelsmissies.")
        // A name given over two lines is one line, in the record and in the message that names it.
        app.press(.character("e"))
        programs.editedText = .done("BOM\nTweede regel")
        app.press(.control("o"))
        #expect(app.state.form?.text("name") == "BOM Tweede regel", "shown as it will be saved: one line")
        #expect(app.state.message?.text.contains("dit veld is één regel") == true)
        app.press(.control("s"))
        #expect(app.state.dossier.relation("bom")?.name == "BOM Tweede regel")
        #expect(app.state.message?.text.contains("BOM Tweede regel") == true && app.state.message?.text.contains("\n") == false,
                "\(app.state.message?.text ?? "")")
        // Ctrl-O on a field that is no text says so.
        app.press(.character("e"), .tab, .control("o"))
        #expect(app.text.contains("dit veld is geen tekst"))
    }

    @Test("Ctrl-O: escape sequences and control characters in the editor's file are left out, as from a paste")
    func externalEditorInert() throws {
        let programs = ScriptedPrograms()
        let app = Harness(externals: programs)
        app.press(.character("/")).type("bom").press(.enter, .character("e"))
        programs.editedText = .done("\u{1B}[31mBOM\u{1B}[0m\u{7}")
        app.press(.control("o"))
        #expect(app.state.form?.text("name") == "BOM")
    }

    @Test("the text keys come from the key map: word moves and deletes in a field")
    func textKeys() throws {
        let app = Harness()
        app.press(.character("+")).type("een twee drie")
        app.press(.alt("b"), .control("k"))
        #expect(app.state.form?.fields[0].text == "een twee ")
        app.press(.alt("b"), .alt("d"))
        #expect(app.state.form?.fields[0].text == "een  ")
        app.press(.control("a"), .alt("f"), .control("w"))
        #expect(app.state.form?.fields[0].text == "  ")
        let textBindings = KeyMap.standard.bindings(in: .textEditing)
        for key in [Key.control("a"), .control("e"), .control("k"), .control("w"), .control("u"), .alt("b"), .alt("f"), .alt("d")] {
            #expect(textBindings.contains { $0.keys.contains(key) }, "\(key) is in the key map")
        }
    }
}

/// The detail screens draw the core's document: the same fields, texts and list items as `dossier show`.
@Suite("TUI detail screens")
struct RecordScreenTests {
    /// Everything a detail screen shows, scrolling the information and visiting every list.
    func shownText(_ app: Harness) -> String {
        var seen = [app.text]
        for _ in 0..<60 {
            app.press(.character("j"))
            seen.append(app.text)
        }
        for _ in AppState.detailLists(of: app.state.screen) {
            app.press(.tab)
            seen.append(app.text)
        }
        return seen.joined(separator: "\n")
    }

    @Test("a relation's and an activity's screen show every field, text and item of their document", arguments: ["pivot-park", "missie-lyon"])
    func sameDocument(id: String) throws {
        let dossier = try Fixtures.keptDossier()
        let app = Harness(dossier: dossier, width: 120, height: 40)
        let document: RecordDocument
        if let relation = dossier.relation(id) {
            document = RecordDocument(relation: relation, in: dossier)
            app.press(.character("/")).type(relation.name).press(.enter, .enter)
        } else {
            let activity = try #require(dossier.activity(id))
            document = RecordDocument(activity: activity, in: dossier, today: Fixtures.clock.today())
            app.press(.character("2"), .character("/")).type(activity.title).press(.enter, .enter)
        }
        let shown = shownText(app)
        #expect(shown.contains(document.title))
        for block in document.blocks {
            switch block {
            case let .fields(heading, fields):
                if let heading { #expect(shown.contains(heading)) }
                for field in fields {
                    #expect(shown.contains(field.label), "\(id): label \(field.label)")
                    #expect(shown.contains(String(field.value.prefix(40))), "\(id): \(field.label) = \(field.value)")
                }
            case let .text(heading, text):
                #expect(shown.contains(heading) && shown.contains(String(text.prefix(30))), "\(id): \(heading)")
            case .list(let list):
                #expect(shown.contains(list.heading), "\(id): \(list.heading)")
                for item in list.items {
                    #expect(shown.contains(item.line[0].text.trimmingCharacters(in: .whitespaces)), "\(id): \(item.text)")
                }
                if list.items.isEmpty { #expect(shown.contains(list.emptyText), "\(id): \(list.emptyText)") }
            }
        }
    }
}
