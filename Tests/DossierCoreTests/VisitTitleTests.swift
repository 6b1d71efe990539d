import DossierCore
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
}
