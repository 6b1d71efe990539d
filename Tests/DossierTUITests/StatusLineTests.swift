import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Testing

/// The two bottom lines: the footer offers only keys that work, and a search hit outside the name says where it is.
@Suite("TUI footer and message line")
struct StatusLineTests {
    /// Every hinted key's action in the current context.
    static func hintedActions(_ app: Harness) -> [Action] {
        StatusBarView.hints(for: app.state).compactMap { hint in
            let key: Key? = switch hint.keys {
            case "Enter": .enter
            case "Esc": .escape
            case "Tab": .tab
            case "j/k", "↑/↓": nil
            default: hint.keys.count == 1 ? .character(hint.keys.first!) : nil
            }
            return key.flatMap { app.state.keyMap.action(for: $0, in: app.state.keyGroups) }
        }
    }

    @Test("read-only: on every screen the footer offers no key that would change the dossier")
    func readOnlyFooter() {
        let app = Harness(width: 120, height: 40, isReadOnly: true)
        let journeys: [[Key]] = [[], [.enter], [.escape, .character("2")], [.enter], [.escape, .character("3")], [.enter],
                                 [.escape, .character("4")], [.character("5")], [.character("L")]]
        var seen: [String] = []
        for keys in journeys {
            for key in keys { app.press(key) }
            let actions = Self.hintedActions(app)
            #expect(!actions.isEmpty)
            for action in actions { #expect(!action.changesDossier, "\(action) offered read-only on \(app.state.screen)") }
            let footer = app.screen.line(39)
            for word in ["status", "bezoek", "nieuw", "bewerk", "stap", "afweging", "ongedaan", "vervolg", "afvinken"] {
                #expect(!footer.contains(" \(word) "), "'\(word)' in the read-only footer: \(footer)")
            }
            seen.append(footer)
        }
        #expect(seen.first?.contains("Enter openen") == true && seen.first?.contains("/ zoek") == true, "what works is still offered")
        let writable = Harness(width: 120, height: 40)
        #expect(writable.screen.line(39).contains("s status") && writable.screen.line(39).contains("v bezoek"))
    }

    @Test("on an activity's follow-ups the footer says what Space does to the selected one: tick it off, or open it again")
    func followUpHint() throws {
        let app = Harness(width: 120, height: 40)
        app.press(.character("2"))
        let row = try #require(app.state.rows(.activities).firstIndex { app.state.dossier.activities[$0].id == "delegatie-uit-lyon" })
        for _ in 0..<row { app.press(.character("j")) }
        app.press(.enter, .character(" "))
        #expect(app.state.message?.text.hasPrefix("Kies de vervolgactie") == true, "\(app.state.message?.text ?? "")")
        #expect(app.screen.line(39).contains("Spatie afvinken"), "the open one first: \(app.screen.line(39))")
        app.press(.character("j"))
        #expect(app.screen.line(39).contains("Spatie heropenen"), "the done one below it: \(app.screen.line(39))")
    }

    @Test("a picker of one choice offers Enter to choose and no Tab to tick; one of several offers both")
    func pickerHints() throws {
        let app = Harness(width: 120, height: 40)
        app.press(.character("2"), .character("+")).type("Beurs")
        for _ in 0..<30 where app.state.form?.focusedField?.id != "organiser" { app.press(.tab) }
        app.type("p")
        #expect(app.state.form?.picker?.allowsMultiple == false)
        #expect(app.screen.line(39).contains("Enter kiest") && !app.screen.line(39).contains("Tab vink"), "\(app.screen.line(39))")
        for _ in 0..<3 where app.state.form?.picker != nil { app.press(.escape) }
        #expect(app.state.form != nil && app.state.form?.picker == nil)
        for _ in 0..<30 where app.state.form?.focusedField?.id != "relations" { app.press(.backTab) }
        app.type("p")
        #expect(app.state.form?.picker?.allowsMultiple == true)
        #expect(app.screen.line(39).contains("Enter klaar") && app.screen.line(39).contains("Tab vink"), "\(app.screen.line(39))")
    }

    @Test("at 80 columns a status filter stays named in the header when sorted by status too: the order is left out first")
    func filterNamedWhenNarrow() throws {
        let app = Harness(width: 80, height: 24)
        for _ in 0..<6 where app.state.relationQuery.order != .status { app.press(.character("o")) }
        for _ in 0..<8 where app.state.relationQuery.statuses != [.actief] { app.press(.character("f")) }
        #expect(app.state.relationQuery.order == .status && app.state.relationQuery.statuses == [.actief])
        #expect(app.screen.line(0).hasSuffix("Actief"), "\(app.screen.line(0))")
        app.press(.escape)
        #expect(app.screen.line(0).hasSuffix("Actief"), "after the message: \(app.screen.line(0))")
    }

    @Test("in the narrowest window a filter is still said in the header: the other tabs by their numbers then")
    func filterSaidAtSixtyColumns() throws {
        for width in [60, 62] {
            let app = Harness(width: width, height: 20)
            #expect(app.screen.line(0).contains("2 Act."), "no filter: the short titles \(app.screen.line(0))")
            for _ in 0..<8 where app.state.relationQuery.statuses != [.laagPitje] { app.press(.character("f")) }
            app.press(.escape)
            let header = app.screen.line(0)
            #expect(header.hasSuffix("Laag pitje") || header.hasSuffix("gefilterd"), "\(width): \(header)")
            #expect(header.hasPrefix(" 1 Rel. (\(app.state.rows(.relations).count)) ") && header.contains(" 2 ") && header.contains(" 5 ("), "\(width): \(header)")
            // A tab's amounts or period are no filter: there the tabs keep their names, and the summary is left out.
            for tab in ["4", "5", "6"] {
                app.press(.character(Character(tab)))
                #expect(app.screen.line(0).contains("1 Rel.") && app.screen.line(0).contains("2 Act."), "\(width), tab \(tab): \(app.screen.line(0))")
            }
        }
    }

    @Test("a tab's count says that its filter hides rows, also seen from another tab")
    func filteredTabCountFromElsewhere() throws {
        let app = Harness(width: 120, height: 40)
        let activities = app.state.dossier.activities.count, relations = app.state.dossier.relations.count
        #expect(app.screen.line(0).contains("Activiteiten (\(activities))"), "\(app.screen.line(0))")
        app.press(.character("2")).press(.character("f"))
        let shown = app.state.rows(.activities).count
        #expect(shown < activities)
        app.press(.character("1"))
        #expect(app.screen.line(0).contains("Activiteiten (\(shown)/\(activities))"), "\(app.screen.line(0))")
        #expect(app.screen.line(0).contains("Relaties (\(relations))"), "\(app.screen.line(0))")
        app.press(.character("f"))
        let relationsShown = app.state.rows(.relations).count
        // The tab shown names its filter beside the tabs, and counts its rows.
        #expect(app.screen.line(0).contains("Relaties (\(relationsShown))") && app.screen.line(0).hasSuffix("status: Focus"), "\(app.screen.line(0))")
        app.press(.character("2"))
        #expect(app.screen.line(0).contains("Relaties (\(relationsShown)/\(relations))"), "\(app.screen.line(0))")
        app.press(.character("c"))
        #expect(app.screen.line(0).contains("Activiteiten (\(activities))"), "\(app.screen.line(0))")
        #expect(app.screen.line(0).contains("Relaties (\(relationsShown)/\(relations))"), "\(app.screen.line(0))")
    }

    @Test("a picker whose query hides what is ticked (the relation v started from) names it, and says Enter adds the highlighted one")
    func pickerNamesHiddenTicks() throws {
        let app = Harness(width: 120, height: 40)
        let first = try #require(app.state.selectedID(in: .relations))
        let name = try #require(app.state.dossier.relation(first)?.name)
        app.press(.character("v"))
        for _ in 0..<30 where app.state.form?.focusedField?.id != "relations" { app.press(.tab) }
        app.type("pivot")
        #expect(app.state.form?.picker?.chosen == [first])
        #expect(app.text.contains("al aangevinkt: \(name) · Enter voegt de gemarkeerde toe"), "\(app.text)")
    }

    @Test("a hit in a contact: the message line names the field and its text, while typing and after n")
    func hitInContact() throws {
        let app = Harness(width: 120, height: 40)
        app.press(.character("/")).type("britta")
        #expect(app.state.selectedID(in: .relations) == "pivot-park")
        let typing = app.screen.line(38)
        #expect(typing.hasPrefix("Zoek: britta") && typing.contains("treffer in contactpersoon: Britta Driessen"), "\(typing)")
        app.press(.enter)
        #expect(app.state.message?.text == "Treffer in contactpersoon: Britta Driessen · 1 treffer; n volgende, N vorige, Esc wist de zoekopdracht")
        app.press(.character("n"))
        #expect(app.state.message?.text == "Treffer in contactpersoon: Britta Driessen · n volgende, N vorige")
    }

    @Test("a hit in a long note shows the words around it; a hit in the name says nothing extra")
    func hitInNote() throws {
        let dossier = try Fixtures.smallDossier { $0.notes = "Een lange toelichting over de samenwerking met de provincie, met onder meer de innovatieagenda en de afspraken over farma en agrifood in de regio Noordoost-Brabant." }
        let app = Harness(dossier: dossier, width: 120, height: 40)
        app.press(.character("/")).type("innovatieagenda")
        #expect(app.state.selectedID(in: .relations) == "bom")
        #expect(app.screen.line(38).contains("treffer in toelichting: … meer de innovatieagenda en de afspraken …"), "\(app.screen.line(38))")
        // Also where a match ends inside a letter with its vowel sign (शर्म in शर्मा): the list finds it, and so does the message.
        let hindi = try Fixtures.smallDossier { $0.notes = "Een lange toelichting over het bezoek uit Delhi, met onder meer रामानंद शर्मा en de afspraken over farma." }
        let delhi = Harness(dossier: hindi, width: 120, height: 40)
        delhi.press(.character("/")).type("शर्म")
        #expect(delhi.state.selectedID(in: .relations) == "bom")
        #expect(delhi.screen.line(38).contains("treffer in toelichting: … meer रामानंद शर्मा en de afspraken …"), "\(delhi.screen.line(38))")
        app.press(.escape, .character("/")).type("taiz")
        #expect(!app.screen.line(38).contains("treffer in"), "the name is on screen already")
        app.press(.escape, .character("2"), .character("/")).type("wethouder")
        #expect(app.screen.line(38).contains("treffer in vervolgactie: Verslag naar de wethouder"), "\(app.screen.line(38))")
    }
}
