import DossierCore
import DossierTestSupport
import Testing

/// `NameCatalog` holds only the relations and each activity's id, title and start date; a typed name looked up
/// there is found, or refused with the same candidates, as on the whole dossier.
@Suite("Looking up names in a catalog")
struct NameCatalogTests {
    /// The small dossier, with activities that share a title, resemble each other, share an id with a relation,
    /// and have an accent or a ligature in their title.
    func dossier() -> Dossier {
        let small = Fixtures.smallDossier()
        let more = [
            Activity(id: "beurs-lyon", title: "Beurs Lyon", kind: .beurs, startDate: Fixtures.date("2027-05-01")),
            Activity(id: "beurs-lyon-2", title: "Beurs Lyon", kind: .beurs, startDate: Fixtures.date("2028-05-01")),
            Activity(id: "bom", title: "Overleg met de BOM", kind: .overig),
            Activity(id: "reis-naar-rhone", title: "Reis naar Rhône", kind: .handelsmissie),
            Activity(id: "finland-cluster", title: "ﬁnland Cluster", kind: .netwerkbijeenkomst),
            Activity(id: "rhone-alpes-2", title: "Rhône-Alpes", kind: .overig),
        ] + (1...12).map { Activity(id: "werkbezoek-\($0)", title: "Werkbezoek \($0)", kind: .overig) }
        return Dossier(title: small.title, framework: small.framework, budgetLines: small.budgetLines, relations: small.relations,
                       activities: small.activities + more)
    }

    func catalog(of dossier: Dossier) -> NameCatalog {
        NameCatalog(relations: dossier.relations,
                    activities: dossier.activities.map { ActivityName(id: $0.id, title: $0.title, startDate: $0.startDate) })
    }

    func outcome<T>(_ lookUp: () throws(ValueError) -> T, _ said: (T) -> String) -> String {
        do {
            return said(try lookUp())
        } catch {
            return "refused: " + error.message
        }
    }

    static let typed = [
        "missie-lyon", "  Handelsmissie Lyon ", "handelsmissie lyon", "Beurs Lyon", "beurs-lyon-2", "bom", "BOM", "Rhône-Alpes",
        "rhone alpes", "reis naar rhone", "finland cluster", "ﬁnland-cluster", "Werkbezoek", "werkbezoek 1", "werkbezoek 13",
        "handelsmisie lyon", "lyon", "pivot", "taizou", "?!", "", "zzz", "delegatie-uit-lyon", "Delegatie uit Lyn",
        "Rhone-Alpes", "RHONE-ALPES-2", "relatie:bom", "activiteit:bom", " activiteit:overleg met de bom", "relatie:missie-lyon", "activiteit:", "relatie:rhone alpes",
    ]

    @Test("activity, relation and subject: found or refused word for word as on the whole dossier", arguments: typed)
    func sameAsTheWholeDossier(_ text: String) {
        let whole = dossier(), names = catalog(of: whole)
        #expect(outcome({ () throws(ValueError) in try NameLookup.activity(text, in: names) }, \.id)
            == outcome({ () throws(ValueError) in try NameLookup.activity(text, in: whole) }, \.id))
        #expect(outcome({ () throws(ValueError) in try NameLookup.relation(text, in: names) }, \.id)
            == outcome({ () throws(ValueError) in try NameLookup.relation(text, in: whole) }, \.id))
        #expect(outcome({ () throws(ValueError) in try NameLookup.subject(text, in: names) }, { "\($0.id) \($0.name)" })
            == outcome({ () throws(ValueError) in try NameLookup.subject(text, in: whole) }, { "\($0.id) \($0.name)" }))
    }

    /// A relation renamed keeps its id; another given its old name got an id of its own. The name typed in full was refused
    /// as fitting both ("past bij meer dan één relatie"), for the slug of the name is the first one's id.
    @Test("a name typed in full is the relation or activity of that name, before another whose id its slug is; an id typed is that id")
    func nameBeforeAnotherID() throws {
        let small = Fixtures.smallDossier()
        let renamed = Relation(id: "lodz-metropolia", name: "Metropolia Łódzka", kind: .regio, status: .verkennen)
        let named = Relation(id: "lodz-metropolia-2", name: "Łódź Metropolia", kind: .regio, status: .verkennen)
        let activities = [Activity(id: "beurs-gent", title: "Jaarbeurs Gent", kind: .beurs), Activity(id: "beurs-gent-2", title: "Beurs Gent", kind: .beurs)]
        let whole = Dossier(title: small.title, framework: small.framework, budgetLines: small.budgetLines, relations: small.relations + [renamed, named],
                            activities: small.activities + activities)
        check(whole)
        check(catalog(of: whole))
    }

    private func check<Records: NamedRecords>(_ records: Records) {
        func relation(_ text: String) -> String { outcome({ () throws(ValueError) in try NameLookup.relation(text, in: records) }, \.id) }
        func subject(_ text: String) -> String { outcome({ () throws(ValueError) in try NameLookup.subject(text, in: records) }, { $0.id }) }
        #expect(relation("Łódź Metropolia") == "lodz-metropolia-2" && relation("lodz metropolia") == "lodz-metropolia-2")
        #expect(subject("Łódź Metropolia") == "lodz-metropolia-2")
        #expect(relation("lodz-metropolia") == "lodz-metropolia" && relation("Metropolia Łódzka") == "lodz-metropolia")
        #expect(subject("Beurs Gent") == "beurs-gent-2" && subject("beurs-gent") == "beurs-gent")
        #expect(outcome({ () throws(ValueError) in try NameLookup.activity("Beurs Gent", in: records) }, { $0.id }) == "beurs-gent-2")
    }

    @Test("the refusals it gives: ambiguity with dates, at most five suggestions in the dossier's order")
    func refusals() {
        let names = catalog(of: dossier())
        #expect(outcome({ () throws(ValueError) in try NameLookup.activity("Beurs Lyon", in: names) }, \.id)
            == "refused: 'Beurs Lyon' past bij meer dan één activiteit; bedoelde u Beurs Lyon (beurs-lyon, 1-5-2027) of "
            + "Beurs Lyon (beurs-lyon-2, 1-5-2028)? Gebruik de id")
        #expect(outcome({ () throws(ValueError) in try NameLookup.activity("werkbezoek", in: names) }, \.id)
            == "refused: onbekende activiteit 'werkbezoek'; bedoelde u Werkbezoek 1 (werkbezoek-1), Werkbezoek 2 (werkbezoek-2), "
            + "Werkbezoek 3 (werkbezoek-3), Werkbezoek 4 (werkbezoek-4) of Werkbezoek 5 (werkbezoek-5)?")
        // An id a relation and an activity share (older versions let that happen): the kind written before it decides.
        #expect(outcome({ () throws(ValueError) in try NameLookup.subject("bom", in: names) }, \.id)
            == "refused: 'bom' is de id van relatie BOM en van activiteit 'Overleg met de BOM'; schrijf relatie:bom of activiteit:bom")
        #expect(outcome({ () throws(ValueError) in try NameLookup.subject("activiteit:bom", in: names) }, \.name) == "Overleg met de BOM")
        #expect(outcome({ () throws(ValueError) in try NameLookup.subject("relatie:bom", in: names) }, \.name) == "BOM")
        #expect(outcome({ () throws(ValueError) in try NameLookup.subject("relatie:missie-lyon", in: names) }, \.name)
            == "refused: onbekende relatie 'missie-lyon'")
        #expect(outcome({ () throws(ValueError) in try NameLookup.activity("finland cluster", in: names) }, \.title) == "ﬁnland Cluster")
        // An id typed with capitals is that id, before the names it also fits; a name both kinds have is refused.
        #expect(outcome({ () throws(ValueError) in try NameLookup.subject("Rhone-Alpes", in: names) }, \.id) == "rhone-alpes")
        #expect(outcome({ () throws(ValueError) in try NameLookup.subject("RHONE-ALPES-2", in: names) }, \.id) == "rhone-alpes-2")
        #expect(outcome({ () throws(ValueError) in try NameLookup.subject("Rhône-Alpes", in: names) }, \.id).hasPrefix("refused: 'Rhône-Alpes' past bij meer dan één"))
        #expect(outcome({ () throws(ValueError) in try NameLookup.relation("Rhone-Alpes", in: names) }, \.id) == "rhone-alpes")
        // A typo: one letter off in a short name, two in a longer one.
        #expect(outcome({ () throws(ValueError) in try NameLookup.activity("handelsmisie lion", in: names) }, \.id)
            == "refused: onbekende activiteit 'handelsmisie lion'; bedoelde u Handelsmissie Lyon (missie-lyon, 10-3-2027)?")
        #expect(outcome({ () throws(ValueError) in try NameLookup.relation("Rhone-Alpen", in: names) }, \.id)
            == "refused: onbekende relatie 'Rhone-Alpen'; bedoelde u Rhône-Alpes (rhone-alpes)?")
    }
}
