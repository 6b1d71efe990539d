import DossierTestSupport
import Testing
@testable import DossierCore

/// An edit names the value it expects to find: a different one is a colleague's change; an empty one is empty in any spelling.
@Suite("Field edits")
struct FieldEditTests {
    @Test("an edit that expects an empty field as null finds it empty as \"\" (a change written by hand); a value where there is none is a conflict")
    func emptyIsEmpty() throws {
        var dossier = Fixtures.smallDossier()
        let relation = try #require(dossier.relation("bom"))
        #expect(relation.region.isEmpty)
        try dossier.apply(.editRelation("bom", [FieldEdit(field: "region", old: .none, new: .text("Noord-Brabant"))]), context: Fixtures.context)
        #expect(dossier.relation("bom")?.region == "Noord-Brabant")
        #expect(throws: ChangeError.self) {
            try dossier.apply(.editRelation("bom", [FieldEdit(field: "region", old: .none, new: .text("Brabant"))]), context: Fixtures.context)
        }
    }

}
