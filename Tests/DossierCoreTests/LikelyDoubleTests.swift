import DossierTestSupport
import Testing
@testable import DossierCore

/// What an addition probably doubles, said after saving.
@Suite("Likely doubles")
struct LikelyDoubleTests {
    @Test("a relation added under another's name in other letters is said after saving, as on the screen")
    func likelySameRelation() throws {
        var dossier = Fixtures.smallDossier()
        let added = Change.addRelation(Relation(id: "tai-zhou", name: "泰州 TAIZHOU", kind: .regio, status: .verkennen))
        try dossier.apply(added, context: Fixtures.context)
        #expect(LikelyDouble.isAddition(added))
        #expect(LikelyDouble.notice(after: added, in: dossier) == "er is al een relatie Taizhou (taizhou) met dezelfde naam in Latijnse letters")
        // Both with letters of another script: those letters tell them apart.
        try dossier.apply(.addRelation(Relation(id: "fudan", name: "Universiteit 复旦", kind: .kennisinstelling, status: .verkennen)), context: Fixtures.context)
        #expect(LikelyDouble.relation(named: "Universiteit 清华", among: dossier.relations) == nil)
    }

    @Test("an activity added with the title and date of another (a colleague's a moment before) is said; the same fair a year on is not")
    func likelySameActivity() throws {
        var dossier = Fixtures.smallDossier()
        let lyon = try #require(dossier.activity("missie-lyon"))
        var again = Activity(id: "missie-lyon-2", title: "handelsmissie  lyon", kind: .handelsmissie, relations: ["rhone-alpes"], startDate: lyon.startDate)
        let added = Change.addActivity(again)
        try dossier.apply(added, context: Fixtures.context)
        #expect(LikelyDouble.isAddition(added))
        #expect(LikelyDouble.notice(after: added, in: dossier) == "er was al een activiteit Handelsmissie Lyon op 10-3-2027 (missie-lyon)")
        again.id = "missie-lyon-2028"
        again.startDate = lyon.startDate?.adding(years: 1)
        #expect(LikelyDouble.activity(again, among: dossier.activities) == nil)
    }

}
