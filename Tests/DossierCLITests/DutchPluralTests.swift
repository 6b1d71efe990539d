import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// One of a thing is singular: "1 regel overgeslagen", "1 fout", "binnen 1 dag".
@Suite("Dutch plurals in messages")
struct DutchPluralTests {
    let scratch: ScratchStore

    init() throws {
        scratch = try ScratchStore()
    }

    @Test("an import with one bad row: '1 fout', and with --skip-invalid '1 regel overgeslagen'")
    func importOneBadRow() throws {
        try scratch.directory.write("een.csv", "id;titel;soort\r\n;Nieuwe beurs;beurs\r\n;Zonder soort;\r\n")
        let refused = try scratch.run(["import", "activities", scratch.directory.file("een.csv")])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("dossier: 1 fout: er is niets geïmporteerd"), "\(refused.standardError)")
        let skipped = try scratch.run(["import", "activities", scratch.directory.file("een.csv"), "--skip-invalid"])
        #expect(skipped.status == 0, "\(skipped.standardError)")
        #expect(skipped.standardOutput.hasPrefix("Geïmporteerd: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 regel overgeslagen.\n"))
    }

    @Test("dossier due --within 1: 'binnen 1 dag'")
    func oneDay() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.setFollowUpDone("delegatie-uit-lyon", index: 0, isDone: true), context: Fixtures.context)
        let store = try ScratchStore(dossier)
        let result = try store.run(["due", "--within", "1"])
        #expect(result.standardOutput == "Niets dat binnen 1 dag aandacht vraagt.\n", "\(result.standardOutput)")
    }

    @Test("validate a dossier of one relation and one activity: '1 relatie, 1 activiteit'")
    func validateOne() throws {
        var dossier = Fixtures.smallDossier()
        for id in ["missie-lyon"] { try dossier.apply(.deleteActivity(id), context: Fixtures.context) }
        for id in ["taizhou", "bom", "unesco-learning-cities"] { try dossier.apply(.deleteRelation(id), context: Fixtures.context) }
        try dossier.apply(.editActivity("delegatie-uit-lyon", [FieldEdit(field: "relations", old: .list(["rhone-alpes", "pivot-park"]), new: .list(["pivot-park"]))]),
                          context: Fixtures.context)
        try dossier.apply(.deleteRelation("rhone-alpes"), context: Fixtures.context)
        try scratch.directory.write("een.json", dossier.encoded())
        let result = try scratch.run(["validate", scratch.directory.file("een.json")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("geldig — 1 relatie, 1 activiteit"), "\(result.standardOutput)")
    }
}
