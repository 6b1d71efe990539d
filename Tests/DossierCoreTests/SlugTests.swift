import DossierCore
import DossierTestSupport
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test("names become lowercase ASCII slugs, diacritics dropped", arguments: [
        ("Taizhou", "taizhou"),
        ("An Giang", "an-giang"),
        ("Rhône-Alpes", "rhone-alpes"),
        ("Oxford-Cambridge-London Golden Triangle", "oxford-cambridge-london-golden-triangle"),
        ("BioRN Cluster (Rijn-Neckar)", "biorn-cluster-rijn-neckar"),
        ("Oekraïne", "oekraine"),
        ("  NL in Business  ", "nl-in-business"),
        ("Straße & Søn", "strasse-son"),
        ("Global Goals Platform Oss", "global-goals-platform-oss"),
        ("泰州", "tai-zhou"),
        ("Æsop-Œuvre Ørsted", "aesop-oeuvre-orsted"),
        ("Łódź 2026", "lodz-2026"),
        ("ÆØ", "aeo"),
        ("--Missie--", "missie"),
        ("\u{FB01}nland", "finland"),
        ("E\u{FB03}cient Oss", "efficient-oss"),
        // Another script is transliterated as before, also with a full-width digit in it.
        ("第２回会議", "di-hui-hui-yi"),
        // Beside Latin too: the other script is not left out, or two cities' names would read as one.
        ("泰州 Jiangsu", "tai-zhou-jiangsu"),
        ("Delegatie 深圳", "delegatie-shen-zhen"),
        ("Москва Oblast", "moskva-oblast"),
        ("Ærø ß 泰州", "aero-ss-tai-zhou"),
    ])
    func makesSlug(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
        #expect(Slug.isValid(slug))
        #expect(Slug.make(from: name, is: slug))
    }

    @Test("a name's slug is compared as far as it agrees: the same answer as making it, for what differs anywhere")
    func comparing() {
        let names = ["Taizhou", "Rhône-Alpes", "  NL in Business  ", "Straße & Søn", "泰州", "Æsop", "", "?!", "Ørsted", "Łódź 2026", "é", "e\u{301}x", "\u{FB01}nland", "泰州 Jiangsu", "北京 Jiangsu", "Oss泰州", "泰州Oss 7", "Hà Nội 深圳 12", "Москва-Oblast"]
        let slugs = ["taizhou", "taizhou-2", "taizho", "rhone-alpes", "rhone", "nl-in-business", "strasse-son", "strasse", "tai-zhou",
                     "aesop", "", "orsted", "lodz-2026", "lodz", "e", "ex", "-", "x", "finland", "nland", "f", "jiangsu", "tai-zhou-jiangsu"]
        for name in names {
            for slug in slugs + names.map(Slug.make) {
                #expect(Slug.make(from: name, is: slug) == (Slug.make(from: name) == slug), "\(name) / \(slug)")
            }
        }
    }

    @Test("only well-formed slugs are valid")
    func validity() {
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "é", "a_b"] {
            #expect(!Slug.isValid(bad), "\(bad)")
        }
    }

    @Test("unique adds -2, -3 … to a taken slug")
    func unique() {
        let taken: Set = ["bezoek", "bezoek-2"]
        #expect(Slug.unique("bezoek") { taken.contains($0) } == "bezoek-3")
        #expect(Slug.unique("missie") { taken.contains($0) } == "missie")
    }

    @Test("unique ids with counters (an import of many rows) are the ones unique gives one by one")
    func uniqueWithCounters() {
        var taken: Set<String> = ["missie", "missie-3", "bezoek-2"]
        var alone = taken
        var counters: [String: Int] = [:]
        for base in ["missie", "missie", "bezoek", "missie", "bezoek", "", "bezoek", "missie", ""] {
            let fast = Slug.unique(base, counters: &counters) { taken.contains($0) }
            let plain = Slug.unique(base) { alone.contains($0) }
            #expect(fast == plain)
            taken.insert(fast)
            alone.insert(plain)
        }
        #expect(taken.contains("missie-5") && taken.contains("bezoek-4") && taken.contains("item-2"))
    }
}

/// A journal line was accepted by the rules about names when it was written; replaying it never refuses it
/// because those rules changed since (the ligature ﬁ used to be dropped from a name's slug, now it is `fi`).
@Suite("Names in a replayed journal")
struct ReplayedNameTests {
    @Test("a relation added when its name still read differently from another is replayed, not a damaged journal")
    func replayKeepsAcceptedNames() throws {
        let older = Relation(id: "nland-cluster", name: "\u{FB01}nland Cluster", kind: .netwerk, status: .verkennen)
        let added = Relation(id: "finland-cluster", name: "Finland Cluster", kind: .netwerk, status: .verkennen)
        var withOlder = Fixtures.smallDossier()
        try withOlder.apply(.addRelation(older), context: Fixtures.context)
        // Today the two names read the same: adding it is refused ...
        var refused = withOlder
        #expect(throws: ChangeError.self) { try refused.apply(.addRelation(added), context: Fixtures.context) }
        // ... but a line that added it under the old rule (recorded where the older name was not in the way) is replayed.
        var without = Fixtures.smallDossier()
        let (_, entry) = try JournalEntry.recording(.addRelation(added), in: &without, after: 0, lineage: "l", previous: "", context: Fixtures.context,
                                                    recentOthers: [], dates: .standard, today: Fixtures.clock.today())
        guard case .change(let change) = entry.event else {
            Issue.record("the entry records no change")
            return
        }
        _ = try entry.replaying(change, into: &withOlder, journal: "dossier.json.journal", line: 1)
        #expect(withOlder.relation("finland-cluster")?.name == "Finland Cluster")
        #expect(withOlder.relation("nland-cluster") != nil)
    }

    @Test("a name that differs only in another script names another record, or none")
    func otherScriptBesideLatin() throws {
        var dossier = Fixtures.smallDossier()
        try dossier.apply(.addRelation(Relation(id: "tai-zhou-jiangsu", name: "泰州 Jiangsu", kind: .regio, status: .verkennen)), context: Fixtures.context)
        try dossier.apply(.addRelation(Relation(id: "shang-hai-jiangsu", name: "上海 Jiangsu", kind: .regio, status: .verkennen)), context: Fixtures.context)
        #expect(try NameLookup.relation("泰州 Jiangsu", in: dossier).id == "tai-zhou-jiangsu")
        #expect(throws: (any Error).self) { try NameLookup.relation("北京 Jiangsu", in: dossier) }
    }

    @Test("a new id of a long name keeps its beginning and its end, cut between words, and stays a slug")
    func longNames() throws {
        let cjk = Slug.identifier(from: String(repeating: "长", count: 999))
        #expect(cjk.count <= Slug.identifierLength && Slug.isValid(cjk), "\(cjk)")
        let visit = Slug.identifier(from: VisitDraft.idSource(title: String(repeating: "Delegatie uit een heel verre stad ", count: 4), date: Fixtures.date("2026-11-20")))
        #expect(visit.hasPrefix("delegatie-uit-een-heel-verre-stad-") && visit.hasSuffix("-2026-11-20") && Slug.isValid(visit), "\(visit)")
        #expect(Slug.identifier(from: "Taizhou") == "taizhou")
        var dossier = Fixtures.smallDossier()
        let name = String(repeating: "长", count: 999)
        try dossier.apply(.addRelation(Relation(id: dossier.newRelationID(for: name), name: name, kind: .bedrijf, status: .verkennen)), context: Fixtures.context)
        #expect(try NameLookup.relation(name, in: dossier).name == name)
    }

}
