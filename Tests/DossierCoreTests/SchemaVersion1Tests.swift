import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// A file and journal written by the program of format 1 (a relation's country as text, `outsideEurope`
/// stored, no budget line per activity, a visit's programme split on commas) still open, as format 2 means them.
@Suite("Files and journal lines of schemaVersion 1")
struct SchemaVersion1Tests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("dossier.json") }

    static let version1File = """
    {
      "schemaVersion": 1,
      "title": "Dossier uit 2026",
      "framework": {"title": "Kader Internationalisering 2025-2030", "firstYear": 2025, "lastYear": 2030, "europeStrategy": false, "strategicAgenda": false},
      "budgetLines": [
        {"id": "internationalisering", "name": "Budget internationalisering", "yearlyAmountCents": 1600000, "activityBudget": true},
        {"id": "global-goals-platform-oss", "name": "Bijdrage Global Goals Platform Oss", "yearlyAmountCents": 1145900, "activityBudget": false}
      ],
      "relations": [
        {"id": "taizhou", "name": "Taizhou", "kind": "vriendschapsrelatie", "status": "actief", "country": "China", "outsideEurope": true,
         "contacts": [{"name": "Li Wei", "role": "wethouder"}, {"name": "Li Wei", "role": "ambtenaar"}]},
        {"id": "biovalley", "name": "BioValley", "kind": "regio", "status": "verkennen", "country": "Duitsland, Frankrijk en Zwitserland", "outsideEurope": false},
        {"id": "unesco-learning-cities", "name": "UNESCO Learning Cities", "kind": "netwerk", "status": "focus", "country": "wereldwijd", "outsideEurope": true, "notes": "Netwerk."},
        {"id": "bom", "name": "BOM", "kind": "partnerorganisatie", "status": "actief", "outsideEurope": false}
      ],
      "activities": [
        {"id": "missie-taizhou", "title": "Missie Taizhou", "kind": "handelsmissie", "status": "idee", "relations": ["taizhou"], "organiser": "gemeente", "estimatedCostCents": 100000},
        {"id": "delegatie-uit-lyon", "title": "Delegatie uit Lyon", "kind": "delegatiebezoek", "status": "uitgevoerd", "relations": ["bom"], "organiser": "gemeente",
         "startDate": "2026-06-12", "visit": {"direction": "inkomend", "delegationFrom": "Lyon", "programme": ["Rondleiding Pivot Park", "lunch met Organon"]}}
      ]
    }
    """

    /// A journal line as the program of format 1 wrote it: no `schemaVersion` in the entry.
    static func version1Line(sequence: Int, change: String) -> String {
        Fixtures.olderJournalLine(sequence: sequence, schemaVersion: 1, change: change)
    }

    static let version1Journal = [
        version1Line(sequence: 1, change: #"{"type":"add-relation","relation":{"id":"medicon-valley","name":"Medicon Valley","kind":"regio","status":"verkennen","country":"Denemarken en Zweden","outsideEurope":false,"contacts":[{"name":"Søren Ørsted"}]}}"#),
        version1Line(sequence: 2, change: #"{"type":"add-activity","activity":{"id":"beurs-kopenhagen","title":"Beurs Kopenhagen","kind":"beurs","status":"idee","relations":["medicon-valley"],"organiser":"gemeente","estimatedCostCents":50000}}"#),
        version1Line(sequence: 3, change: #"{"type":"update-relation","relation":{"id":"bom","name":"BOM","kind":"partnerorganisatie","status":"actief","country":"Nederland","outsideEurope":false,"notes":"Brabantse Ontwikkelingsmaatschappij"}}"#),
        version1Line(sequence: 4, change: #"{"type":"add-activity","activity":{"id":"missie-hamburg","title":"Missie Hamburg","kind":"delegatiebezoek","status":"idee","relations":["bom"],"organiser":"gemeente","visit":{"direction":"uitgaand","delegationFrom":"Hamburg","programme":["Haven","bezoek aan Evotec, Hamburg"]}}}"#),
    ].joined()

    init() throws {
        try directory.write("dossier.json", Self.version1File)
        try directory.write("dossier.json.journal", Self.version1Journal)
    }

    func check(_ dossier: Dossier) throws {
        #expect(dossier.relation("taizhou")?.countries.map(\.code) == ["CN"])
        #expect(dossier.relation("taizhou")?.isOutsideEurope == true)
        #expect(dossier.relation("biovalley")?.countries.map(\.code) == ["DE", "FR", "CH"])
        let unesco = try #require(dossier.relation("unesco-learning-cities"))
        #expect(unesco.countries.isEmpty)
        #expect(unesco.notes.hasPrefix("Netwerk."), "the notes are kept")
        #expect(unesco.notes.contains("wereldwijd, buiten Europa"), "what was no country is kept in the notes: \(unesco.notes)")
        #expect(dossier.relation("medicon-valley")?.countries.map(\.code) == ["DK", "SE"], "a journal line of format 1")
        #expect(dossier.relation("bom")?.countries.map(\.code) == ["NL"])
        #expect(dossier.relation("bom")?.notes == "Brabantse Ontwikkelingsmaatschappij", "a country that reads leaves no remark")
        #expect(dossier.activity("missie-taizhou")?.budgetLine == "internationalisering", "format 1 charged every activity to the activity budget")
        #expect(dossier.activity("beurs-kopenhagen")?.budgetLine == "internationalisering", "also in a journal line of format 1")
        #expect(dossier.relation("taizhou")?.contacts.map(\.id) == ["li-wei", "li-wei-2"], "contacts get the slug of their name, made unique")
        #expect(dossier.relation("medicon-valley")?.contacts.map(\.id) == ["soren-orsted"], "also in a journal line of format 1")
        #expect(dossier.activity("delegatie-uit-lyon")?.visit?.programme == "Rondleiding Pivot Park, lunch met Organon",
                "the programme's items read as one text again, as typed")
        #expect(dossier.activity("missie-hamburg")?.visit?.programme == "Haven, bezoek aan Evotec, Hamburg", "also in a journal line of format 1")
    }

    @Test("read-only: the file and its journal are read as format 2 in memory, and left as they are")
    func readOnly() throws {
        let store = DossierStore(path: path)
        try check(try store.load())
        #expect(String(decoding: try directory.read("dossier.json"), as: UTF8.self) == Self.version1File)
        #expect(String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self) == Self.version1Journal)
    }

    @Test("a damaged file of format 1 is told with its line and column, as damage in the current format is")
    func damagedOldFile() throws {
        // Cut off in the quotes of "framework": a text that never ends, on line 4.
        try directory.write("dossier.json", String(Self.version1File.prefix(while: { $0 != "f" })) + "}")
        let error = try #require(throws: StoreError.self) { try DossierStore(path: path).load() }
        let message = "\(error)"
        #expect(message.contains("omzetten van schemaVersion 1 naar 2 mislukt"), "\(message)")
        #expect(message.contains("regel 4, kolom 3"), "\(message)")
        #expect(!message.contains("JSONError("), "\(message)")
    }

    @Test("writable: converted and saved in the current format after a backup; new journal lines say their format")
    func converted() throws {
        var configuration = StoreConfiguration()
        configuration.lockWait = 0
        let store = DossierStore(path: path, configuration: configuration)
        try store.openForWriting(actor: "tester")
        var dossier = try store.load()
        try check(dossier)
        let text = String(decoding: try directory.read("dossier.json"), as: UTF8.self)
        #expect(text.contains("\"schemaVersion\": 3"))
        #expect(text.contains("\"countries\": [\"DK\", \"SE\"]"))
        #expect(!text.contains("outsideEurope"))
        #expect(text.contains("\"programme\": \"Rondleiding Pivot Park, lunch met Organon\""))
        #expect(try store.backups().count == 1)
        // A line of the current format: an activity without a budget line is paid by none, and stays so.
        try store.commit(.addActivity(Activity(id: "partnermissie", title: "Partnermissie", kind: .handelsmissie, organiser: .relation("bom"))),
                         to: &dossier, context: Fixtures.context)
        let journal = String(decoding: try directory.read("dossier.json.journal"), as: UTF8.self)
        #expect(journal.contains("\"schemaVersion\":\(Dossier.currentSchemaVersion)"))
        let reloaded = try DossierStore(path: path).load()
        #expect(reloaded == dossier)
        #expect(reloaded.activity("partnermissie")?.budgetLine == nil)
        try check(reloaded)
    }
}
