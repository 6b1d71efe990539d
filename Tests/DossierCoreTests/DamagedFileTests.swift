import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite("Damaged and invalid files")
struct DamagedFileTests {
    /// The small dossier's file with one textual edit.
    static func edited(_ replace: String, with replacement: String) -> String {
        let text = String(decoding: Fixtures.smallDossier().encoded(), as: UTF8.self)
        precondition(text.contains(replace), "fixture does not contain \(replace)")
        return text.replacingOccurrences(of: replace, with: replacement)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var document: String
        /// Every fragment must appear in the message.
        var fragments: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "invalid JSON", document: edited("\"title\": \"Testdossier\",", with: "\"title\": \"Testdossier\""),
             fragments: ["regel 4, kolom 3", "',' of '}' verwacht"]),
        Case(name: "wrong type", document: edited("\"activityBudget\": true", with: "\"activityBudget\": \"ja\""),
             fragments: ["$.budgetLines[0].activityBudget", "true of false verwacht, gevonden: tekst", "regel "]),
        Case(name: "unknown country code", document: edited("\"countries\": [\"CN\"]", with: "\"countries\": [\"XX\"]"),
             fragments: ["$.relations[0].countries[0]", "onbekende landcode 'XX'", "regel "]),
        Case(name: "country code in lower case", document: edited("\"countries\": [\"CN\"]", with: "\"countries\": [\"cn\"]"),
             fragments: ["$.relations[0].countries[0]", "onbekende landcode 'cn'"]),
        Case(name: "a format-1 field in a format-2 file", document: edited("\"countries\": [\"CN\"]", with: "\"country\": \"China\""),
             fragments: ["$.relations[0]", "onbekend veld 'country'"]),
        Case(name: "unknown budget line", document: edited("\"budgetLine\": \"internationalisering\"", with: "\"budgetLine\": \"reiskosten\""),
             fragments: ["$.activities[0].budgetLine", "onbekende budgetregel 'reiskosten'"]),
        Case(name: "unknown status", document: edited("\"status\": \"verkennen\"", with: "\"status\": \"lag-pitje\""),
             fragments: ["$.relations[1].status", "onbekende status 'lag-pitje'", "focus, actief, verkennen, laag-pitje, beeindigd"]),
        Case(name: "an amount in euros with decimals", document: edited("\"yearlyAmountCents\": 1600000", with: "\"yearlyAmountCents\": 16000.50"),
             fragments: ["yearlyAmountCents", "geheel getal verwacht, gevonden: een getal met decimalen (een bedrag staat in hele centen"]),
        Case(name: "a key twice in one object (the last would win unseen)",
             document: edited("\"name\": \"BOM\",", with: "\"name\": \"BOM\", \"kind\": \"netwerk\", \"name\": \"Brabantse Ontwikkelings Maatschappij\","),
             fragments: ["$.relations[3]", "het veld 'name' staat twee keer in hetzelfde object", "regel "]),
        Case(name: "missing required field", document: edited("\"name\": \"BOM\",", with: ""),
             fragments: ["$.relations[3]", "verplicht veld 'name' ontbreekt"]),
        Case(name: "future schemaVersion", document: edited("\"schemaVersion\": 3", with: "\"schemaVersion\": 7"),
             fragments: ["schemaVersion 7", "tot en met 3", "Werk dossier bij"]),
        Case(name: "future schemaVersion with new fields", document: edited("\"schemaVersion\": 3,", with: "\"schemaVersion\": 4, \"newThing\": {},"),
             fragments: ["schemaVersion 4"]),
        Case(name: "laag pitje without reason", document: edited("\"reason\": \"Kader Internationalisering 2025-2030\"", with: "\"reason\": \"\""),
             fragments: ["$.relations[0].statusHistory", "reden", "regel "]),
        Case(name: "laag pitje without review date", document: edited("\"reviewDate\": \"2030-12-31\",\n      \"countries\"", with: "\"countries\""),
             fragments: ["$.relations[0].reviewDate", "herijkingsdatum"]),
        Case(name: "money with decimals", document: edited("\"estimatedCostCents\": 250000", with: "\"estimatedCostCents\": 2500.00"),
             fragments: ["$.activities[0].estimatedCostCents", "hele centen"]),
        Case(name: "unknown relation in an activity", document: edited("\"relations\": [\"rhone-alpes\"]", with: "\"relations\": [\"rhone\"]"),
             fragments: ["$.activities[0].relations[0]", "onbekende relatie 'rhone'"]),
        Case(name: "impossible date", document: edited("\"2027-03-10\"", with: "\"2027-02-30\""),
             fragments: ["$.activities[0].startDate", "'2027-02-30' is geen geldige datum"]),
        Case(name: "empty file", document: "", fragments: ["regel 1, kolom 1", "een object verwacht, gevonden: het einde van het document"]),
        Case(name: "saved with a byte-order mark", document: "\u{FEFF}" + String(decoding: Fixtures.smallDossier().encoded(), as: UTF8.self),
             fragments: ["regel 1, kolom 1", "byte-order mark (de bytes EF BB BF)", "UTF-8 zonder BOM"]),
    ]

    @Test("each bad file gives a clear message with its place and is left untouched", arguments: cases)
    func badFile(_ badCase: Case) throws {
        let directory = TemporaryDirectory()
        try directory.write("d.json", badCase.document)
        let before = try directory.read("d.json")
        let store = DossierStore(path: directory.file("d.json"))
        do {
            _ = try store.load()
            Issue.record("\(badCase.name): the file was accepted")
        } catch {
            let message = error.description
            #expect(message.contains(directory.file("d.json")), "names the file: \(message)")
            #expect(message.contains("niet aangeraakt"), "\(message)")
            for fragment in badCase.fragments {
                #expect(message.contains(fragment), "\(badCase.name): '\(fragment)' missing in: \(message)")
            }
            // A newer program's file is whole: not called damaged, and no restore is proposed for it.
            let isNewer = badCase.name.hasPrefix("future schemaVersion")
            #expect(error.isDataError == !isNewer, "\(badCase.name): \(message)")
            if isNewer { #expect(!message.contains("beschadigd"), "\(badCase.name): \(message)") }
        }
        #expect(try directory.read("d.json") == before, "\(badCase.name): file changed")
    }

    @Test("bytes that are not UTF-8 are reported, not repaired")
    func invalidUTF8() throws {
        var bytes = Fixtures.smallDossier().encoded()
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "T")))
        bytes[index] = 0xFF
        do {
            _ = try DossierFile.decode(bytes, file: "x.json")
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.description.contains("UTF-8"))
        }
    }

    @Test("an unknown field is named")
    func unknownField() {
        let document = Self.edited("\"name\": \"BOM\",", with: "\"name\": \"BOM\", \"colour\": \"rood\",")
        do {
            _ = try DossierFile.decode(Array(document.utf8), file: "x.json")
            Issue.record("accepted an unknown field")
        } catch {
            #expect(error.description.contains("onbekend veld 'colour'"))
            #expect(error.description.contains("$.relations[3].colour"))
        }
    }

    @Test("a directory or missing file gives a file-system message")
    func notAFile() throws {
        let directory = TemporaryDirectory()
        #expect(throws: StoreError.self) { try DossierStore(path: directory.path).load() }
        do {
            _ = try DossierStore(path: directory.file("nergens.json")).load()
        } catch {
            #expect(error.description.contains("bestaat niet"))
            #expect(!error.isDataError)
        }
    }
}
