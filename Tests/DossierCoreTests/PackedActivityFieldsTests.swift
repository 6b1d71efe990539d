import DossierTestSupport
import Testing
@testable import DossierCore

/// `PackedActivityFields`: the fields an activity keeps as compact bytes read back as they were set, each on its own,
/// and equal activities are equal however their fields were set.
@Suite("An activity's packed fields")
struct PackedActivityFieldsTests {
    let review = CalendarDate(year: 2027, month: 3, day: 1)!

    func everyField() -> Activity {
        Activity(id: "missie-taizhou", title: "Missie Taizhou", kind: .delegatiebezoek, status: .gepland,
                 relations: ["taizhou", "lodz-metropolia", "cafe\u{301}"], startDate: CalendarDate(year: 2026, month: 5, day: 2),
                 countries: [Country(code: "CN")!, Country(code: "PL")!], sectors: [.farma, .agrifood],
                 participants: [Participant(name: "Ans Ĳzerman", role: .bestuurder), Participant(name: "Li Wei 李伟", role: .ondernemer, organisation: "Organon")],
                 outcomes: "Intentieverklaring getekend", followUps: [FollowUp(text: "Verslag naar B&W", due: review, owner: "adviseur"),
                                                                       FollowUp(text: "Bedankbrief", isDone: true)],
                 notes: "Tolk geregeld\nmet een tweede regel", links: [Link(label: "Programma", target: .url("https://oss.nl/p")),
                                                                     Link(label: "Besluit", target: .path("/mnt/gedeeld/besluit.pdf"))],
                 visit: VisitDetails(direction: .uitgaand, delegationFrom: "Taizhou", ledBy: "burgemeester", size: -3,
                                     hosts: ["Pivot Park", ""], programme: "Rondleiding, lunch"),
                 statusHistory: [StatusChange(date: CalendarDate(year: 1850, month: 1, day: 1)!, from: nil, to: .idee, reason: "", by: "adviseur"),
                                 StatusChange(date: CalendarDate(year: 2026, month: 4, day: 1)!, from: .idee, to: .goedgekeurd,
                                              reason: "Past in het Kader", by: "adviseur", reviewDate: review, decision: "B&W 2026-04-01",
                                              overrideReason: "Cafe\u{301}")])
    }

    @Test("every field reads back as it was given, texts byte for byte, dates far from today included")
    func readsBack() {
        let activity = everyField()
        #expect(activity.relations.map { Array($0.utf8) } == ["taizhou", "lodz-metropolia", "cafe\u{301}"].map { Array($0.utf8) })
        #expect(activity.countries.map(\.code) == ["CN", "PL"] && activity.sectors == [.farma, .agrifood])
        #expect(activity.participants.map(\.name) == ["Ans Ĳzerman", "Li Wei 李伟"] && activity.participants[1].organisation == "Organon")
        #expect(activity.participants.map(\.role) == [.bestuurder, .ondernemer])
        #expect(activity.outcomes == "Intentieverklaring getekend" && activity.notes == "Tolk geregeld\nmet een tweede regel")
        #expect(activity.followUps.map(\.text) == ["Verslag naar B&W", "Bedankbrief"] && activity.followUps.map(\.isDone) == [false, true])
        #expect(activity.followUps[0].due == review && activity.followUps[1].due == nil && activity.followUps[0].owner == "adviseur")
        #expect(activity.followUps.map(\.id) == ["verslag-naar-b-w", "bedankbrief"], "ids given once, kept")
        #expect(activity.links.map(\.target) == [.url("https://oss.nl/p"), .path("/mnt/gedeeld/besluit.pdf")])
        #expect(activity.links.map(\.id) == ["programma", "besluit"])
        #expect(activity.visit == VisitDetails(direction: .uitgaand, delegationFrom: "Taizhou", ledBy: "burgemeester", size: -3,
                                               hosts: ["Pivot Park", ""], programme: "Rondleiding, lunch"))
        #expect(activity.visitDirection == .uitgaand, "the direction alone, as the whole visit has it")
        let history = activity.statusHistory
        #expect(history.map(\.date.iso) == ["1850-01-01", "2026-04-01"] && history.map(\.from) == [nil, .idee] && history.map(\.to) == [.idee, .goedgekeurd])
        #expect(history[1].reviewDate == review && history[0].reviewDate == nil && history[1].decision == "B&W 2026-04-01" && history[0].decision == nil)
        #expect(history[1].reason == "Past in het Kader" && Array((history[1].overrideReason ?? "").utf8) == Array("Cafe\u{301}".utf8))
    }

    @Test("setting one field leaves the others as they were; emptying them all leaves no bytes")
    func fieldsApart() {
        var activity = everyField()
        let before = activity
        activity.notes = ""
        #expect(activity.notes.isEmpty && activity.outcomes == before.outcomes && activity.links == before.links && activity.visit == before.visit)
        activity.relations.append("an-giang")
        #expect(activity.relations.last == "an-giang" && activity.statusHistory == before.statusHistory && activity.countries == before.countries)
        activity.statusHistory[1].reason = "Anders"
        #expect(activity.statusHistory[1].reason == "Anders" && before.statusHistory[1].reason == "Past in het Kader", "a copy stays its own")
        activity.visit = nil
        #expect(activity.visit == nil && activity.followUps == before.followUps && activity.participants == before.participants)
        #expect(activity.visitDirection == nil)
        (activity.relations, activity.statusHistory, activity.countries, activity.sectors, activity.participants) = ([], [], [], [], [])
        (activity.followUps, activity.outcomes, activity.links) = ([], "", [])
        #expect(activity.packedByteCount == 0, "nothing held for an activity without these fields")
        #expect(activity == Activity(id: "missie-taizhou", title: "Missie Taizhou", kind: .delegatiebezoek, status: .gepland,
                                     startDate: CalendarDate(year: 2026, month: 5, day: 2)))
    }

    @Test("activities with the same fields are equal and hash alike, however the fields were set; other fields differ")
    func equality() {
        let whole = everyField()
        var built = Activity(id: "missie-taizhou", title: "Missie Taizhou", kind: .delegatiebezoek, status: .gepland,
                             startDate: CalendarDate(year: 2026, month: 5, day: 2))
        // Set in another order than the initialiser keeps them.
        built.links = whole.links
        built.statusHistory = whole.statusHistory
        built.notes = whole.notes
        built.visit = whole.visit
        built.outcomes = whole.outcomes
        built.followUps = whole.followUps
        built.participants = whole.participants
        built.sectors = whole.sectors
        built.countries = whole.countries
        built.relations = whole.relations
        #expect(built == whole && built.hashValue == whole.hashValue)
        var other = whole
        other.followUps[1].isDone = false
        #expect(other != whole)
        // Equal as the fields are equal, as before packing: a text the same to Swift in other bytes, a follow-up's id.
        other = whole
        other.relations[2] = "caf\u{E9}"
        #expect(other == whole && other.hashValue == whole.hashValue && Array(other.relations[2].utf8) == Array("caf\u{E9}".utf8),
                "the same text to Swift, kept in its own bytes")
        other = whole
        other.followUps[0].id = "verslag"
        #expect(other == whole && other.hashValue == whole.hashValue && other.followUps[0].id == "verslag")
        other.followUps[0].owner = "wethouder"
        #expect(other != whole)
    }

    @Test("a link keeps the id it was given, an empty one too; the reader leaves a repeated link id for validation to report")
    func linkIDsAsGiven() throws {
        var activity = everyField()
        activity.links[1].id = ""
        #expect(activity.links[1].id == "")
        activity.links[1].id = "programma"
        #expect(activity.links.map(\.id) == ["programma", "programma"])
        var plain = Activity(id: "beurs", title: "Beurs", kind: .beurs)
        plain.links = activity.links
        var writer = JSONWriter()
        plain.write(to: &writer)
        let read = try JSONReader.read(writer.bytes) { (reader: inout JSONReader) throws(JSONError) in try Activity(reading: &reader) }
        #expect(read.links.map(\.id) == ["programma", "programma"])
    }

    @Test("a generated dossier's activities encode to the same JSON after being read, field by field")
    func generatedDossier() throws {
        let generated = try DossierGenerator(relations: 30, activities: 2_000, seed: 11)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: Fixtures.clock.today())
        let bytes = generated.encoded()
        let decoded = try DossierFile.decode(bytes, file: "gegenereerd")
        #expect(decoded.encoded() == bytes)
        #expect(decoded.activities == generated.activities)
        let fields = decoded.activities.reduce(into: (0, 0, 0)) { counts, activity in
            counts.0 += activity.statusHistory.count
            counts.1 += activity.participants.count
            counts.2 += activity.visit == nil ? 0 : 1
        }
        #expect(fields.0 > 2_000 && fields.1 > 500 && fields.2 > 200, "the generated dossier has these fields: \(fields)")
    }
}
