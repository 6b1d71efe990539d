import DossierCore
import DossierTestSupport
@testable import DossierTUI
import Testing

/// Whole screens at 80×24 and 120×40, fixed clock (2026-11-22), compared with golden files.
@Suite("TUI screens")
struct SnapshotTests {
    static func bundled() throws -> Dossier {
        try DossierFile.decode(BundledDossier.bytes, file: "bundled")
    }

    @Test("the relations list of the bundled dossier", arguments: [(80, 24), (120, 40)])
    func relations(width: Int, height: Int) throws {
        let app = Harness(dossier: try Self.bundled(), width: width, height: height)
        SnapshotAssertion.assertMatches(app.screen, named: "relations-\(width)x\(height)")
    }

    @Test("Taizhou's screen", arguments: [(80, 24), (120, 40)])
    func taizhou(width: Int, height: Int) throws {
        let app = Harness(dossier: try Self.bundled(), width: width, height: height)
        app.press(.character("/")).type("taizhou").press(.enter, .enter)
        SnapshotAssertion.assertMatches(app.screen, named: "taizhou-\(width)x\(height)")
    }

    @Test("the activities list and a visit's screen", arguments: [(80, 24), (120, 40)])
    func activities(width: Int, height: Int) {
        let app = Harness(width: width, height: height)
        app.press(.character("2"))
        SnapshotAssertion.assertMatches(app.screen, named: "activities-\(width)x\(height)")
        app.press(.character("3"), .enter)
        SnapshotAssertion.assertMatches(app.screen, named: "visit-detail-\(width)x\(height)")
    }

    @Test("the visit form with an inline error", arguments: [(80, 24), (120, 40)])
    func visitForm(width: Int, height: Int) {
        let app = Harness(width: width, height: height)
        app.press(.character("3"), .character("v"), .enter).type("rhône").press(.enter).type("31-2-2026").press(.control("s"))
        SnapshotAssertion.assertMatches(app.screen, named: "visit-form-\(width)x\(height)")
    }

    @Test("the status menu with laag pitje chosen", arguments: [(80, 24), (120, 40)])
    func statusForm(width: Int, height: Int) {
        let app = Harness(width: width, height: height)
        app.press(.character("/")).type("bom").press(.enter, .character("s"), .down, .down, .down)
        SnapshotAssertion.assertMatches(app.screen, named: "status-form-\(width)x\(height)")
    }

    @Test("a new relation: the form, the country picker with type-ahead, the id from the name", arguments: [(80, 24), (120, 40)])
    func relationForm(width: Int, height: Int) {
        let app = Harness(width: width, height: height)
        app.press(.character("+")).type("Øresund Regio").press(.tab).type("r").press(.tab, .tab).type("den")
        SnapshotAssertion.assertMatches(app.screen, named: "country-picker-\(width)x\(height)")
        app.press(.enter)
        SnapshotAssertion.assertMatches(app.screen, named: "relation-form-\(width)x\(height)")
    }

    @Test("a relation's contacts and links as lists under its information", arguments: [(80, 24), (120, 40)])
    func contactsAndLinks(width: Int, height: Int) throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.editContact(.relation("pivot-park"), "britta-driessen", [FieldEdit(field: "email", old: .text(""), new: .text("b.driessen@pivotpark.example")),
                                                                         FieldEdit(field: "phone", old: .text(""), new: .text("0412 000 000"))]),
                          context: Fixtures.context)
        try dossier.apply(.addLink(.relation("pivot-park"), Link(label: "Campusrapport", target: .url("https://www.pivotpark.nl/rapport"))),
                          context: Fixtures.context)
        let app = Harness(dossier: dossier, width: width, height: height)
        app.press(.character("/")).type("pivot").press(.enter, .enter, .tab)
        SnapshotAssertion.assertMatches(app.screen, named: "contacts-\(width)x\(height)")
        app.press(.tab)
        SnapshotAssertion.assertMatches(app.screen, named: "links-\(width)x\(height)")
    }

    @Test("the change log: an edit field by field, old → new", arguments: [(80, 24), (120, 40)])
    func changeLog(width: Int, height: Int) {
        let app = Harness(width: width, height: height)
        app.press(.character("/")).type("rhone").press(.enter, .character("e"))
        app.press(.tab, .tab, .enter).type("zwitser").press(.tab, .enter)   // landen: + Zwitserland
        app.press(.tab).press(.control("u")).type("Lyon").press(.control("s"))
        app.press(.character("L"))
        SnapshotAssertion.assertMatches(app.screen, named: "change-log-\(width)x\(height)")
    }

    @Test("the agenda, its month at a glance and the budget bars", arguments: [(80, 24), (120, 40)])
    func agendaAndBudget(width: Int, height: Int) throws {
        let app = Harness(dossier: try AgendaFlowTests.dossier(), width: width, height: height)
        app.press(.character("6"))
        SnapshotAssertion.assertMatches(app.screen, named: "agenda-\(width)x\(height)")
        app.press(.character("t"), .character("m"))
        SnapshotAssertion.assertMatches(app.screen, named: "agenda-month-\(width)x\(height)")
        app.press(.character("4"))
        SnapshotAssertion.assertMatches(app.screen, named: "budget-\(width)x\(height)")
    }

    @Test("the picker, the help screen and the too-small notice")
    func overlays() {
        let app = Harness(width: 80, height: 24)
        app.press(.character("v")).type("o")
        SnapshotAssertion.assertMatches(app.screen, named: "picker-80x24")
        let help = Harness(width: 80, height: 24)
        help.press(.character("?"))
        SnapshotAssertion.assertMatches(help.screen, named: "help-80x24")
        let small = Harness(width: 50, height: 10)
        SnapshotAssertion.assertMatches(small.screen, named: "too-small-50x10")
    }
}

@Suite("TUI styles and layout")
struct StyleTests {
    @Test("each relation status has its own style; laag pitje rows are muted")
    func statusStyles() throws {
        let theme = Theme.colored
        let styles = RelationStatus.allCases.map(theme.relationStatus)
        #expect(Set(styles).count == styles.count)
        let app = Harness(width: 100, height: 30)
        let canvas = app.screen
        let row = try #require((0..<canvas.height).first { canvas.line($0).contains("Taizhou") })
        let nameStart = try #require((0..<canvas.width).first { canvas[$0, row].character == "T" })
        #expect(canvas[nameStart, row].style.isDim)
        let pivotRow = try #require((0..<canvas.height).first { canvas.line($0).contains("Pivot Park") })
        #expect(!canvas[nameStart, pivotRow].style.isDim)
    }

    @Test("NO_COLOR / a terminal without colours: no colours at all, status still written out")
    func monochrome() {
        let app = Harness(width: 100, height: 30, theme: .monochrome)
        let canvas = app.screen
        #expect(canvas.cells.allSatisfy { $0.style.foreground == .standard && $0.style.background == .standard })
        for status in ["Laag pitje", "Verkennen", "Focus", "Actief"] { #expect(canvas.contains(status)) }
        let selected = canvas.cells.filter(\.style.isReversed)
        #expect(!selected.isEmpty, "the selected row is still marked (reverse video)")
    }

    @Test("CJK names stay aligned: every column starts at the same display column")
    func wideCharacters() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addRelation(Relation(id: "tai-zhou-shi", name: "泰州市人民政府外事办公室", kind: .vriendschapsrelatie,
                                                countries: Fixtures.countries("CN"), places: ["泰州"], status: .verkennen)),
                          context: Fixtures.context)
        let app = Harness(dossier: dossier, width: 80, height: 24)
        let canvas = app.screen
        let header = canvas.line(1)
        let statusColumn = DisplayWidth.of(header[..<header.range(of: "Status")!.lowerBound])
        for y in 2..<8 {
            let line = canvas.line(y)
            guard let range = ["Verkennen", "Laag pitje", "Focus", "Actief"].lazy.compactMap({ line.range(of: $0) }).first else { continue }
            #expect(DisplayWidth.of(line[..<range.lowerBound]) == statusColumn, "\(line)")
        }
        #expect(canvas.contains("泰州市人民政府外事"))
    }

    @Test("the canvas never splits a wide character at the edge")
    func canvasEdges() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.draw("ab泰州", x: 0, y: 0)
        #expect(canvas.line(0) == "ab泰 ")
        canvas.draw("x", x: 3, y: 0)
        #expect(canvas.line(0) == "ab x ")
        var narrow = Canvas(width: 4, height: 1)
        narrow.draw("Rhône", x: 0, y: 0, width: 4)
        #expect(narrow.line(0) == "Rhô…")
        // A family emoji is drawn as its three faces: a column cut before the title's end still ends in "…".
        var row = Canvas(width: 20, height: 1)
        row.draw(DisplayWidth.fit("👩\u{200D}👩\u{200D}👧 Familiebeurs met een lange titel", to: 16), x: 0, y: 0)
        #expect(row.line(0) == "👩👩👧 Familieb…    ", "\(row.line(0).debugDescription)")
    }

    @Test("a list row too wide for the screen shortens its widest part with … so who does a follow-up stays in view")
    func rowFitted() {
        let spans = ["1. ", "[ ] ", "8-12-2026  ", "Verslag 中文 naar de wethouder, met een hele lange omschrijving die niet past", " — Zoë"]
            .map { StyledLine.Span(text: $0, style: .plain) }
        let fitted = RecordDocumentView.fitted(spans, to: 60)
        #expect(fitted.map { DisplayWidth.of($0.text) }.reduce(0, +) <= 60)
        #expect(fitted.last?.text == " — Zoë")
        #expect(fitted[3].text.hasSuffix("…"))
        let narrow = RecordDocumentView.fitted(spans, to: 24)
        #expect(narrow.map { DisplayWidth.of($0.text) }.reduce(0, +) <= 24)
        #expect(narrow.map(\.text).joined().hasSuffix("…"), "cut at the edge, and said: \(narrow.map(\.text).joined())")
        #expect(RecordDocumentView.fitted(spans, to: 200) == spans)
    }

    @Test("wide characters drawn one column off over other wide characters leave no half behind (a message over a list of CJK names)")
    func wideOverWide() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.draw("北京市朝阳", x: 0, y: 0)
        canvas.draw("a香港特别", x: 0, y: 0)
        #expect(canvas.line(0) == "a香港特别 ")
        #expect((0..<10).filter { canvas[$0, 0].isContinuation } == [2, 4, 6, 8])
        canvas.draw("王小明:", x: 1, y: 0)
        #expect(canvas.line(0) == "a王小明:  ")
    }
}
