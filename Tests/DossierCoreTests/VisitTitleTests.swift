import DossierCore
import DossierTestSupport
import Testing

@Suite("The title a visit gets when none is typed")
struct VisitTitleTests {
    @Test("'Delegatie uit' or 'Missie naar' before where it is from or goes, unless that is typed as a title already")
    func proposed() {
        #expect(VisitTitle.proposed(direction: .inkomend, from: "Łódź") == "Delegatie uit Łódź")
        #expect(VisitTitle.proposed(direction: .uitgaand, from: "Medicon Valley") == "Missie naar Medicon Valley")
        #expect(VisitTitle.proposed(direction: .inkomend, from: "Delegatie uit Łódź") == "Delegatie uit Łódź")
        #expect(VisitTitle.proposed(direction: .uitgaand, from: "missie naar Hamburg") == "missie naar Hamburg")
        #expect(VisitTitle.proposed(direction: .uitgaand, from: "Handelsmissie Vlaanderen") == "Handelsmissie Vlaanderen")
        #expect(VisitTitle.proposed(direction: .inkomend, from: "Missiehuis Oss") == "Delegatie uit Missiehuis Oss", "a word, not a start of one")
    }

    /// "Missie naar Leuven" turned incoming stayed "Missie naar Leuven" beside "Richting: Inkomend".
    @Test("an edit of the direction or the place follows in a title made from them; a title typed, or edited in the same change, stays")
    func titleFollowsTheVisit() throws {
        let dossier = Fixtures.smallDossier()
        let visit = Activity(id: "missie-naar-leuven", title: "Missie naar Leuven", kind: .delegatiebezoek, status: .inAfweging,
                             startDate: Fixtures.date("2027-03-01"), visit: VisitDetails(direction: .uitgaand, delegationFrom: "Leuven"))
        let turned = [FieldEdit(field: "visit.direction", old: .text("uitgaand"), new: .text("inkomend"))]
        let following = VisitTitle.following(turned, of: visit, in: dossier)
        #expect(following == turned + [FieldEdit(field: "title", old: .text("Missie naar Leuven"), new: .text("Delegatie uit Leuven"))], "\(following)")
        let moved = [FieldEdit(field: "visit.delegationFrom", old: .text("Leuven"), new: .text("Gent"))]
        #expect(VisitTitle.following(moved, of: visit, in: dossier).last == FieldEdit(field: "title", old: .text("Missie naar Leuven"), new: .text("Missie naar Gent")))
        var typed = visit
        typed.title = "Handelsmissie Vlaanderen"
        #expect(VisitTitle.following(turned, of: typed, in: dossier) == turned, "a title of its own stays")
        let retitled = turned + [FieldEdit(field: "title", old: .text("Missie naar Leuven"), new: .text("Bezoek KU Leuven"))]
        #expect(VisitTitle.following(retitled, of: visit, in: dossier) == retitled)
        let notes = [FieldEdit(field: "notes", old: .text(""), new: .text("x"))]
        #expect(VisitTitle.following(notes, of: visit, in: dossier) == notes)
        let emptied = [FieldEdit(field: "visit.delegationFrom", old: .text("Leuven"), new: .text(""))]
        #expect(VisitTitle.following(emptied, of: visit, in: dossier) == emptied, "no 'Missie naar ' of nothing")
    }

    @Test("a table of activities imported with a visit's direction turned: its title made from it follows, as an edit does")
    func titleFollowsInAnImport() throws {
        var dossier = Fixtures.smallDossier()
        let visit = Activity(id: "missie-naar-leuven", title: "Missie naar Leuven", kind: .delegatiebezoek, status: .inAfweging,
                             startDate: Fixtures.date("2027-03-01"), visit: VisitDetails(direction: .uitgaand, delegationFrom: "Leuven"))
        try dossier.apply(.addActivity(visit), context: Fixtures.context)
        var rows = ActivityTable.rows([try #require(dossier.activity("missie-naar-leuven"))], in: dossier)
        let column = try #require(rows[0].firstIndex(of: "richting"))
        rows[1][column] = "inkomend"
        let plan = ActivityImport.prepare(try CSV.decode(CSV.encode(rows)), into: dossier, today: Fixtures.date("2026-11-22"))
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        guard case .editActivity(_, let edits)? = plan.changes.first else {
            Issue.record("no edit: \(plan.changes)")
            return
        }
        #expect(edits.contains(FieldEdit(field: "title", old: .text("Missie naar Leuven"), new: .text("Delegatie uit Leuven"))), "\(edits)")
    }
}
