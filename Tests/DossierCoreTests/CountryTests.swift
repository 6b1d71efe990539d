import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The one table of countries and the one reader of a country.
@Suite("Countries")
struct CountryTests {
    @Test("the table has every ISO 3166-1 alpha-2 code once (249, and XK for Kosovo), with a Dutch name")
    func table() {
        let codes = Country.all.map(\.code)
        #expect(codes.count == 250)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.count == 2 && $0.allSatisfy { $0.isUppercase && $0.isASCII } })
        let folded = Country.all.map { SearchText.fold($0.name) }
        #expect(Set(folded).count == folded.count, "no two countries share a name")
        #expect(Country(code: "DE")?.name == "Duitsland")
        #expect(Country(code: "de")?.code == "DE")
        #expect(Country(code: "ZZ") == nil)
    }

    @Test("Dutch names, other names and codes, without regard to case or accents", arguments: [
        ("Duitsland", "DE"), ("duitsland", "DE"), ("DE", "DE"), ("de", "DE"), ("  België ", "BE"), ("Belgie", "BE"),
        ("Oekraïne", "UA"), ("oekraine", "UA"), ("China", "CN"), ("Vietnam", "VN"), ("Verenigd Koninkrijk", "GB"),
        ("Engeland", "GB"), ("Groot-Brittannië", "GB"), ("Schotland", "GB"), ("UK", "GB"), ("Holland", "NL"),
        ("Nederland", "NL"), ("VS", "US"), ("Amerika", "US"), ("Germany", "DE"), ("Zuid-Korea", "KR"),
        ("Wit-Rusland", "BY"), ("Tsjechische Republiek", "CZ"), ("Bosnië en Herzegovina", "BA"), ("Türkiye", "TR"),
        ("Kosovo", "XK"), ("Ivoorkust", "CI"), ("Côte d'Ivoire", "CI"),
    ])
    func parses(_ typed: String, _ code: String) throws {
        #expect(try Country.parse(typed).code == code)
    }

    @Test("an unknown country is refused with one wording that names the nearest countries")
    func refusals() {
        func message(_ typed: String) -> String {
            do {
                _ = try Country.parse(typed)
                return "accepted"
            } catch {
                return error.message
            }
        }
        #expect(message("Duitsand") == "'Duitsand' is geen land dat dossier kent; bedoelde u Duitsland (DE)?")
        #expect(message("Korea") == "'Korea' is geen land dat dossier kent; bedoelde u Noord-Korea (KP) of Zuid-Korea (KR)?")
        #expect(message("Oostenrijkk").contains("Oostenrijk (AT)"))
        #expect(message("Xqzw") == "'Xqzw' is geen land dat dossier kent; typ een Nederlandse landnaam (Duitsland) of een landcode (DE)")
        #expect(message("") == "geen land ingevuld; typ een Nederlandse landnaam (Duitsland) of een landcode (DE)")
    }

    @Test("a list: commas or semicolons, ' en ' only where the whole is no country, each country once")
    func lists() throws {
        #expect(try Country.parseList("Denemarken, Zweden").map(\.code) == ["DK", "SE"])
        #expect(try Country.parseList("Denemarken en Zweden").map(\.code) == ["DK", "SE"])
        #expect(try Country.parseList("Duitsland; FR; Zwitserland; de").map(\.code) == ["DE", "FR", "CH"])
        #expect(try Country.parseList("Trinidad en Tobago").map(\.code) == ["TT"])
        #expect(try Country.parseList("").isEmpty)
        #expect(throws: CountryError.self) { try Country.parseList("Denemarken, Zweeden") }
    }

    @Test("Europe as the Council of Europe and the EU draw it", arguments: [
        ("NL", true), ("TR", true), ("CY", true), ("GE", true), ("AM", true), ("AZ", true), ("RU", true), ("BY", true),
        ("VA", true), ("XK", true), ("GB", true), ("CH", true), ("NO", true), ("FO", true),
        ("KZ", false), ("IL", false), ("GL", false), ("CN", false), ("VN", false), ("US", false), ("CW", false), ("RE", false),
    ])
    func europe(_ code: String, _ inEurope: Bool) throws {
        #expect(try #require(Country(code: code)).isInEurope == inEurope)
    }

    @Test("type-ahead: names that start with the text first, then names that contain it")
    func typeAhead() {
        #expect(Country.matching("zw").map(\.code) == ["ZW", "SE", "CH"], "a code typed whole comes first")
        #expect(Country.matching("NL").first?.code == "NL")
        // The name closest to what was typed first: the shortest that begins with it, then one with a word that begins with it.
        #expect(Country.matching("verenigde").first?.code == "US", "\(Country.matching("verenigde").map(\.code))")
        #expect(Country.matching("staten").first?.code == "US", "\(Country.matching("staten").map(\.code))")
        #expect(Country.matching("arabische").first?.code == "AE")
        // Typed in part, the order of the Dutch names stays (a short English other name does not come first).
        #expect(Array(Country.matching("ch").map(\.code).prefix(3)) == ["CH", "CL", "CN"], "\(Country.matching("ch").map(\.code))")
        #expect(Array(Country.matching("tu").map(\.code).prefix(3)) == ["TN", "TR", "TM"], "\(Country.matching("tu").map(\.code))")
        #expect(Country.matching("korea").map(\.code).contains("KR"))
        #expect(Country.matching("").count == 10)
        #expect(Country.matching("Duitsand").map(\.code) == ["DE"], "a typing mistake: what it probably meant, as the command line says")
        #expect(Country.matching("xqzv").isEmpty)
    }

    @Test("type-ahead puts the countries a dossier uses first, most used first, within names that start with the text and within those that contain it")
    func typeAheadPrefersWhatTheDossierUses() throws {
        let china = try Country.parse("China"), chile = try Country.parse("Chili"), czechia = try Country.parse("Tsjechië")
        #expect(Country.matching("chi").prefix(2).map(\.code) == ["CL", "CN"], "without uses: the order of the names")
        #expect(Country.matching("chi", preferring: [china: 1]).prefix(2).map(\.code) == ["CN", "CL"])
        #expect(Country.matching("chi", preferring: [china: 1, chile: 3]).prefix(2).map(\.code) == ["CL", "CN"])
        let containing = Country.matching("chi", preferring: [czechia: 5]).map(\.code)
        #expect(containing.firstIndex(of: "CZ")! > containing.firstIndex(of: "CN")!, "a name that only contains the text stays behind those that start with it")
        #expect(Country.matching("", limit: 2, preferring: [czechia: 1]).map(\.code) == ["CZ", Country.all[0].code])
        #expect(Country.matching("zw", preferring: [china: 9]).first?.code == "ZW", "a code typed whole stays first")
        let uses = Country.uses(in: Fixtures.smallDossier())
        #expect(uses[try Country.parse("FR")] == 3, "Rhône-Alpes and the two activities in Lyon")
        #expect(uses[china] == 1 && uses[chile] == nil)
    }

    @Test("the JSON Schema lists exactly the codes of the table")
    func schemaEnum() throws {
        let bytes = try Repository.bytes("docs/dossier.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let code = try #require(definitions["countryCode"] as? [String: Any])
        let listed = try #require(code["enum"] as? [String])
        #expect(Set(listed) == Set(Country.all.map(\.code)))
    }
}
