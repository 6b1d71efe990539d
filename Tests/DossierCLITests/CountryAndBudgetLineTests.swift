import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `--country` and `--budget-line` on the commands that add activities and visits.
@Suite("Countries and budget lines on the command line")
struct CountryAndBudgetLineTests {
    let scratch: ScratchStore
    var directory: TemporaryDirectory { scratch.directory }

    init() throws {
        scratch = try ScratchStore()
    }

    func run(_ arguments: [String]) throws -> ProgramRunner.Result { try scratch.run(arguments) }

    func stored() throws -> Dossier { try scratch.load() }

    @Test("--country takes Dutch names and codes, repeated or with commas; the activity is charged to the budget internationalisering")
    func countries() throws {
        let result = try run(["add-activity", "--title", "Missie Scandinavië", "--kind", "handelsmissie", "--relation", "rhone-alpes",
                              "--country", "denemarken", "--country", "SE, Noorwegen"])
        #expect(result.status == 0, "\(result.standardError)")
        let activity = try #require(try stored().activity("missie-scandinavie"))
        #expect(activity.countries.map(\.code) == ["DK", "SE", "NO"])
        #expect(activity.budgetLine == "internationalisering", "the default for a new activity")
        let shown = try run(["show", "missie-scandinavie"]).standardOutput
        #expect(shown.contains("Denemarken, Zweden, Noorwegen"))
        #expect(shown.contains("binnen Europa"))
        #expect(shown.contains("Budget internationalisering"))
    }

    @Test("without --country a new activity gets its relations' countries, the Netherlands aside, and says so")
    func countriesFromRelations() throws {
        let result = try run(["add-activity", "--title", "Farmabeurs Lyon", "--kind", "beurs", "--relation", "rhone-alpes", "--relation", "pivot-park"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try stored().activity("farmabeurs-lyon")?.countries.map(\.code) == ["FR"])
        #expect(result.standardOutput.contains("Land overgenomen van de relaties: Frankrijk (--country geeft een ander, --country \"\" geen)."), "\(result.standardOutput)")
        let dutch = try run(["add-activity", "--title", "Campusdag", "--kind", "campusbeurs", "--relation", "pivot-park"])
        #expect(try stored().activity("campusdag")?.countries == [])
        #expect(!dutch.standardOutput.contains("overgenomen"))
        // --country "" says none, for an activity that goes nowhere abroad although its relation is there.
        let none = try run(["add-activity", "--title", "Webinar Lyon", "--kind", "beurs", "--relation", "rhone-alpes", "--country", ""])
        #expect(none.status == 0, "\(none.standardError)")
        #expect(try stored().activity("webinar-lyon")?.countries == [])
        #expect(!none.standardOutput.contains("overgenomen"), "\(none.standardOutput)")
        let visit = try run(["log-visit", "--relation", "rhone-alpes", "--date", "2026-10-01", "--direction", "inkomend",
                             "--delegation", "Lyon online", "--country", ""])
        #expect(visit.status == 0, "\(visit.standardError)")
        #expect(try stored().activities.last?.countries == [], "\(visit.standardOutput)")
    }

    @Test("an unknown country is refused with candidates, and nothing is written")
    func unknownCountry() throws {
        let before = try directory.read("dossier.json")
        let result = try run(["add-activity", "--title", "Missie", "--kind", "handelsmissie", "--country", "Duitsand"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--country: 'Duitsand' is geen land dat dossier kent; bedoelde u Duitsland (DE)?"), "\(result.standardError)")
        #expect(try directory.read("dossier.json") == before)
        #expect((try? directory.read("dossier.json.journal")) == nil)
        let visit = try run(["log-visit", "--relation", "rhone-alpes", "--date", "2026-10-01", "--direction", "inkomend",
                             "--delegation", "Lyon", "--country", "Frankrijkk"])
        #expect(visit.status == 64)
        #expect(visit.standardError.contains("bedoelde u Frankrijk (FR)?"), "\(visit.standardError)")
    }

    @Test("--budget-line chooses a line by id or name, or none; an unknown one names the lines")
    func budgetLines() throws {
        #expect(try run(["add-activity", "--title", "Global Goals-week", "--kind", "overig", "--budget-line", "global-goals-platform-oss"]).status == 0)
        #expect(try run(["add-activity", "--title", "Missie NL in Business", "--kind", "handelsmissie", "--budget-line", "geen"]).status == 0)
        #expect(try run(["log-visit", "--relation", "rhone-alpes", "--date", "2026-10-01", "--direction", "inkomend", "--delegation", "Lyon",
                         "--country", "FR", "--budget-line", "Budget internationalisering"]).status == 0)
        let dossier = try stored()
        #expect(dossier.activity("global-goals-week")?.budgetLine == "global-goals-platform-oss")
        #expect(dossier.activity("missie-nl-in-business")?.budgetLine == nil)
        let visit = try #require(dossier.activities.last)
        #expect(visit.isVisit && visit.budgetLine == "internationalisering" && visit.countries.map(\.code) == ["FR"])
        let refused = try run(["add-activity", "--title", "X", "--kind", "overig", "--budget-line", "reiskosten"])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("onbekende budgetregel 'reiskosten'; kies uit: internationalisering (Budget internationalisering), global-goals-platform-oss (Bijdrage Global Goals Platform Oss), geen"),
                "\(refused.standardError)")
    }
}
