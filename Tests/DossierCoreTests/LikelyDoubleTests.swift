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

}
