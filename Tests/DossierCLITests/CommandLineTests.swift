import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The `dossier` binary end to end, on a temporary store holding the small test dossier.
@Suite("Command line")
struct CommandLineTests {
    let directory = TemporaryDirectory()
    let runner = ProgramRunner()
    var storePath: String { directory.file("dossier.json") }
    /// Fixed clock: 2026-11-22, as in the fixtures.
    let environment = ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "adviseur"]

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
    }

    func run(_ arguments: [String]) throws -> ProgramRunner.Result {
        try runner.run(arguments + ["--store", storePath], environment: environment)
    }

    /// The dossier as any reader sees it: the snapshot and the journal beside it.
    func stored() throws -> Dossier {
        try DossierStore(path: storePath).load()
    }

    @Test("an argument or DOSSIER_USER that is no UTF-8 (a Latin-1 terminal) is refused with exit 64, not saved with its bytes replaced")
    func notUTF8Arguments() throws {
        let shell = ProgramRunner(executable: "/bin/sh")
        let binary = ProgramRunner.builtBinary("dossier")
        let argument = try shell.run(["-c", #"exec "$0" add-relation --name "$(printf 'Caf\351 Latin')" --kind regio --store "$1""#, binary, storePath],
                                     environment: environment)
        #expect(argument.status == 64 && argument.standardError.contains("argument 3 ('Caf\u{FFFD} Latin') is geen UTF-8"), "\(argument.standardError)")
        let user = try shell.run(["-c", #"DOSSIER_USER="$(printf 'Jos\351')" exec "$0" add-relation --name Leuven --kind regio --store "$1""#, binary, storePath],
                                 environment: environment)
        #expect(user.status != 0 && user.standardError.contains("DOSSIER_USER is geen UTF-8"), "\(user.standardError)")
        #expect(try stored() == Fixtures.smallDossier())
    }

    @Test("an argument with a control character is refused with 64; line breaks and tabs are read as a form reads them (a space in a line, an item in a list)")
    func controlCharactersAndLineBreaks() throws {
        let escaped = try run(["add-relation", "--name", "a\u{1B}[31mb\u{07}c", "--kind", "regio"])
        #expect(escaped.status == 64 && escaped.standardError.contains("argument 3 ('a␛[31mb␇c') bevat een stuurteken (zoals ESC of een bel)"),
                "\(escaped.standardError)")
        #expect(try stored() == Fixtures.smallDossier())
        #expect(try run(["add-relation", "--name", "X\tY\n\nZ ", "--kind", "regio", "--places", "Londen\nLeeds\n", "--companies", "A\tB\r\nC"]).status == 0)
        let relation = try #require(try stored().relation("x-y-z"), "the id made from the name as read")
        #expect(relation.name == "X Y Z")
        #expect(relation.places == ["Londen", "Leeds"])
        #expect(relation.companies == ["A B", "C"])
        #expect(try run(["edit", "x-y-z", "--notes", "een\r\ntwee\tdrie", "--region", "Noord\nBrabant"]).status == 0)
        #expect(try stored().relation("x-y-z")?.notes == "een\ntwee drie")
        #expect(try stored().relation("x-y-z")?.region == "Noord Brabant")
        #expect(try run(["add-activity", "--title", "Beurs\nLyon", "--kind", "beurs", "--entrepreneurs", "Jan\nPiet"]).status == 0)
        #expect(try stored().activity("beurs-lyon")?.entrepreneurs.map(\.name) == ["Jan", "Piet"])
        #expect(try run(["log-visit", "--relation", "bom", "--date", "1-3-2027", "--direction", "inkomend", "--delegation", "Keulen\nBonn",
                         "--hosts", "Anna\nBert", "--entrepreneurs", "Jan\nPiet"]).status == 0)
        let visit = try #require(try stored().activities.first { $0.visit?.delegationFrom == "Keulen Bonn" })
        #expect(visit.entrepreneurs.map(\.name) == ["Jan", "Piet"])
        #expect(visit.visit?.hosts == ["Anna", "Bert"])
        // Reasons, decisions, labels and follow-ups are lines too; a list of sectors a list.
        #expect(try run(["set-status", "x-y-z", "actief", "--reason", "na\tgesprek\nmet RVO"]).status == 0)
        #expect(try stored().relation("x-y-z")?.statusHistory.last?.reason == "na gesprek met RVO")
        #expect(try run(["add-link", "x-y-z", "--url", "https://oss.nl", "--label", "Web\tsite\nOss"]).status == 0)
        #expect(try stored().links(of: .relation("x-y-z")).map(\.label) == ["Web site Oss"])
        #expect(try run(["add-activity", "--title", "Congres", "--kind", "conferentie", "--sector", "onderwijs\nlogistiek",
                         "--status", "goedgekeurd", "--decision", "Besluit\tB&W\n3 maart", "--date", "1-3-2027"]).status == 0)
        let congress = try #require(try stored().activity("congres"))
        #expect(congress.sectors == [.onderwijs, .logistiek])
        #expect(congress.approvalDecision == "Besluit B&W 3 maart")
        #expect(try run(["log-visit", "--relation", "bom", "--date", "2-3-2027", "--direction", "inkomend", "--delegation", "Gent",
                         "--follow-up", "Bel\tterug\nmorgen @ 10-3-2027"]).status == 0)
        #expect(try stored().activities.first { $0.visit?.delegationFrom == "Gent" }?.followUps.map(\.text) == ["Bel terug morgen"])
    }

    @Test("edit --direction of a visit whose title was made from it: the title follows, and the edit says so")
    func visitTitleFollowsDirection() throws {
        #expect(try run(["log-visit", "--relation", "bom", "--date", "2-3-2027", "--direction", "uitgaand", "--delegation", "Leuven"]).status == 0)
        let id = try #require(try stored().activities.first { $0.visit?.delegationFrom == "Leuven" }?.id)
        #expect(try stored().activity(id)?.title == "Missie naar Leuven")
        let edited = try run(["edit", id, "--direction", "inkomend"])
        #expect(edited.status == 0, "\(edited.standardError)")
        #expect(edited.standardOutput.contains("Delegatie uit Leuven"), "\(edited.standardOutput)")
        #expect(try stored().activity(id)?.title == "Delegatie uit Leuven")
        #expect(try stored().activity(id)?.id == id, "the id stays")
        // The entrepreneurs under the name edit gives them, as well as their own.
        #expect(try run(["log-visit", "--relation", "bom", "--date", "3-3-2027", "--direction", "inkomend", "--delegation", "Gent",
                         "--ondernemers", "Jan (Farma BV)"]).status == 0)
        #expect(try stored().activities.first { $0.visit?.delegationFrom == "Gent" }?.entrepreneurs.map(\.organisation) == ["Farma BV"])
        #expect(try run(["add-activity", "--title", "Beurs Gent", "--kind", "beurs", "--ondernemers", "Piet (Pharma BV)"]).status == 0)
        #expect(try stored().activity("beurs-gent")?.entrepreneurs.map(\.name) == ["Piet"])
    }

    @Test("hostile names in tables: bidi overrides and escapes shown inert; to a pipe a long name is written whole")
    func hostileNamesInTables() throws {
        let dossier = try Fixtures.smallDossier { $0.name = "Evil\u{202E}gpj.exe\u{1B}[2J\u{7}" + String(repeating: "Lange naam ", count: 30) }
        try directory.write("dossier.json", dossier.encoded())
        for command in [["relations"], ["activities"], ["show", "bom"]] {
            let result = try run(command)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(!result.standardOutput.unicodeScalars.contains { [0x202E, 0x1B, 0x07].contains($0.value) }, "\(command)")
        }
        let table = try run(["relations"]).standardOutput
        let line = try #require(table.split(separator: "\n").first { $0.contains("Evil") })
        #expect(line.contains(String(repeating: "Lange naam ", count: 29) + "Lange naam"), "a pipe gets the whole name")
        #expect(!line.contains("…"))
    }

    @Test("a JSON export leaves out contacts' e-mail and phone unless --contact-details; the contacts CSV, asked for, has them")
    func exportsWithoutContactDetails() throws {
        var dossier = Fixtures.smallDossier()
        var relation = try #require(dossier.relation("pivot-park"))
        relation.contacts[0].email = "b.driessen@pivotpark.example"
        relation.contacts[0].phone = "+31 412 000 000"
        try dossier.apply(.updateRelation(relation), context: Fixtures.context)
        try directory.write("dossier.json", dossier.encoded())
        let plain = try run(["export", "--format", "json"])
        #expect(plain.status == 0, "\(plain.standardError)")
        #expect(plain.standardOutput.contains("Britta Driessen"))
        #expect(!plain.standardOutput.contains("pivotpark.example") && !plain.standardOutput.contains("+31 412"))
        let exported = try Dossier(decoding: Array(plain.standardOutput.utf8))
        #expect(exported.relations.count == dossier.relations.count && exported.activities == dossier.activities)
        let full = try run(["export", "--format", "json", "--contact-details"])
        #expect(try Dossier(decoding: Array(full.standardOutput.utf8)) == dossier)
        let contacts = try run(["export", "--format", "csv", "--what", "contacts"])
        #expect(contacts.standardOutput.contains("b.driessen@pivotpark.example"))
        #expect(try run(["export", "--format", "csv", "--what", "relations"]).standardOutput.contains("pivotpark.example") == false)
        #expect(try run(["export", "--format", "csv", "--what", "relations", "--contact-details"]).status == 64)
    }

    @Test("export without --format writes what the other options or the file name can only mean: --what is a CSV, -o agenda.ics a calendar")
    func exportFormatFromTheOtherOptions() throws {
        let table = try run(["export", "--what", "relations"])
        let asked = try run(["export", "--format", "csv", "--what", "relations"])
        #expect(table.status == 0 && table.standardOutput == asked.standardOutput, "\(table.standardError)")
        #expect(try run(["export", "-o", directory.file("agenda.ics")]).status == 0)
        #expect(String(decoding: try directory.read("agenda.ics"), as: UTF8.self).hasPrefix("BEGIN:VCALENDAR"))
        #expect(try run(["export", "--what", "activities", "--excel", "-o", directory.file("acts.txt")]).status == 0)
        #expect(try directory.read("acts.txt").starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try run(["export", "-o", directory.file("lijst.csv")]).standardError.contains("--what: kies relations, activities"))
        #expect(try run(["export"]).standardOutput.hasPrefix("{"))
        #expect(try run(["export", "--format", "json", "--what", "relations"]).standardError.contains("--what hoort bij --format csv"))
        #expect(try run(["export", "--what", "activities", "-o", directory.file("b.ics")]).standardError
            .contains("b.ics is een naam voor iCalendar, maar --what hoort bij CSV; geef --format csv, of een naam op .csv"))
        // A name no format of export has, with nothing else to say which: refused, not filled with JSON.
        let sheet = try run(["export", "-o", directory.file("act.xlsx")])
        #expect(sheet.status == 64 && sheet.standardError.contains("export schrijft geen .xlsx; geef een naam op .csv, .ics of .json"), "\(sheet.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("act.xlsx")))
        #expect(try run(["export", "--format", "json", "-o", directory.file("x.csv")]).standardError
            .contains("de naam zegt CSV, maar --format json"))
        // "-o -" is the standard output, not a file called "-".
        let calendar = try run(["export", "--format", "ics", "-o", "-"])
        #expect(calendar.status == 0 && calendar.standardOutput.hasPrefix("BEGIN:VCALENDAR"))
        #expect(!FileManager.default.fileExists(atPath: "-"))
    }

    @Test("report takes its format from the name after -o, refuses a name it cannot write, and --excel means CSV")
    func reportFormatFromTheName() throws {
        #expect(try run(["report", "--year", "2026", "-o", directory.file("verslag.HTML")]).status == 0)
        #expect(String(decoding: try directory.read("verslag.HTML"), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        let pdf = try run(["report", "--year", "2026", "-o", directory.file("verslag.pdf")])
        #expect(pdf.status == 64 && pdf.standardError.contains("report schrijft geen .pdf; geef een naam op .csv, .html of .md"), "\(pdf.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("verslag.pdf")))
        let excel = try run(["report", "--year", "2026", "--excel"])
        #expect(excel.status == 0 && excel.standardOutput.hasPrefix("\u{FEFF}id;titel"), "\(excel.standardOutput.prefix(40))")
        #expect(try run(["report", "--year", "2026", "--format", "md", "--excel"]).standardError.contains("--excel hoort bij --format csv"))
        #expect(try run(["report", "--year", "2026", "-o", "-"]).standardOutput.hasPrefix("# Jaarverslag"))
    }

    @Test("relations: a table aligned by display width, accents included")
    func relationsTable() throws {
        let result = try run(["relations"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        let header = try #require(lines.first)
        #expect(header.hasPrefix("ID"))
        // The STATUS column starts at the same display column on every line.
        let statusColumn = DisplayWidth.of(header[..<header.range(of: "STATUS")!.lowerBound])
        for line in lines.dropFirst() {
            let statusWord = ["Laag pitje", "Verkennen", "Focus", "Actief"].first { line.contains($0) }!
            let prefix = line[..<line.range(of: statusWord)!.lowerBound]
            #expect(DisplayWidth.of(prefix) == statusColumn, "\(line)")
        }
        let rhone = try #require(lines.first { $0.contains("Rhône-Alpes") })
        #expect(rhone.contains("Lyon, Grenoble (Frankrijk)"))
        let taizhou = try #require(lines.first { $0.hasPrefix("taizhou") })
        #expect(taizhou.contains("31-12-2030 herijking"))
    }

    @Test("relations --status filters and --json gives objects with id, name and status slugs")
    func relationsJSON() throws {
        let result = try run(["relations", "--status", "laag-pitje", "--json"])
        #expect(result.status == 0)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(objects[0]["id"] as? String == "taizhou")
        #expect(objects[0]["name"] as? String == "Taizhou")
        #expect(objects[0]["status"] as? String == "laag-pitje")
        let focus = try run(["relations", "--status", "Focus", "--sort", "date", "--json"])
        let focusObjects = try #require(try JSONSerialization.jsonObject(with: Data(focus.standardOutput.utf8)) as? [[String: Any]])
        #expect(Set(focusObjects.compactMap { $0["id"] as? String }) == ["pivot-park", "unesco-learning-cities"])
        // The order named with a capital, as the status is: the same order, not "geen sortering".
        for sort in ["Datum", "DATE"] {
            let capital = try run(["relations", "--status", "Focus", "--sort", sort, "--json"])
            #expect(capital.status == 0 && capital.standardOutput == focus.standardOutput, "\(sort): \(capital.standardError)")
        }
    }

    @Test("show: every field, contacts, history and linked activities; --json one object")
    func show() throws {
        let result = try run(["show", "taizhou"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Statusgeschiedenis"))
        #expect(result.standardOutput.contains("1-1-2025    Actief → Laag pitje  herijking 31-12-2030\n              door College van B&W"))
        let rhone = try run(["show", "rhone-alpes"])
        #expect(rhone.standardOutput.contains("Handelsmissie Lyon"))
        #expect(rhone.standardOutput.contains("Sanofi Pasteur"))
        let json = try run(["show", "delegatie-uit-lyon", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Delegatie uit Lyon")
        #expect(object["status"] as? String == "uitgevoerd")
        let unknown = try run(["show", "nergens"])
        #expect(unknown.status == 65)
        #expect(unknown.standardError.contains("onbekende relatie of activiteit 'nergens'"))
    }

    @Test("set-status: laag pitje with reason and review date is saved with its history entry")
    func setStatus() throws {
        let result = try run(["set-status", "bom", "laag-pitje", "--reason", "Geen activiteiten gepland", "--review-date", "1-6-2027"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "BOM: Actief → Laag pitje (herijking 1-6-2027)\n")
        let relation = try #require(try stored().relation("bom"))
        #expect(relation.status == .laagPitje)
        #expect(relation.statusHistory.last == StatusChange(date: Fixtures.date("2026-11-22"), from: .actief, to: .laagPitje,
                                                           reason: "Geen activiteiten gepland", by: "adviseur",
                                                           reviewDate: Fixtures.date("2027-06-01")))
    }

    @Test("set-status: a review date relative to today ('+6m') is the date it names today")
    func setStatusRelativeDate() throws {
        let result = try run(["set-status", "bom", "laag-pitje", "--reason", "Geen activiteiten gepland", "--review-date", "+6m"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "BOM: Actief → Laag pitje (herijking 22-5-2027)\n")
        #expect(try stored().relation("bom")?.reviewDate == Fixtures.date("2027-05-22"))
        // A review date without its year is the next such day, never last year's.
        let review = try run(["review", "bom", "--reason", "Na de beurs", "--review-date", "1-10"])
        #expect(review.standardOutput == "BOM: herijkt, blijft Laag pitje (volgende herijking 1-10-2027)\n", "\(review.standardOutput)\(review.standardError)")
        let edited = try run(["edit", "missie-lyon", "--end-date", "+4m"])
        #expect(edited.status == 0, "\(edited.standardError)")
        #expect(try stored().activity("missie-lyon")?.endDate == Fixtures.date("2027-03-22"))
        // An end date without its year is the first such day from the start on, not the one nearest to today.
        let summer = try run(["edit", "missie-lyon", "--end-date", "3-7", "--start-date", "28-6-2027"])
        #expect(summer.status == 0, "\(summer.standardError)")
        #expect(try stored().activity("missie-lyon")?.endDate == Fixtures.date("2027-07-03"))
        let later = try run(["edit", "missie-lyon", "--end-date", "5-7"])
        #expect(later.status == 0, "\(later.standardError)")
        #expect(try stored().activity("missie-lyon")?.endDate == Fixtures.date("2027-07-05"), "from the start date it has")
        let added = try run(["add-activity", "--title", "Zomerschool", "--kind", "kennisuitwisseling", "--date", "28-6-2027", "--end-date", "2-7"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(try stored().activity("zomerschool")?.endDate == Fixtures.date("2027-07-02"))
        // A slip (a day before the start) is not read as a period of a year: refused, as with the year typed.
        let slip = try run(["add-activity", "--title", "Beurs maart", "--kind", "beurs", "--date", "5-3-2027", "--end-date", "4-3"])
        #expect(slip.status == 65, "\(slip.standardOutput)")
        #expect(slip.standardError.contains("de einddatum (4-3-2027) ligt voor de begindatum (5-3-2027)"), "\(slip.standardError)")
        let visit = try run(["log-visit", "--relation", "bom", "--direction", "inkomend", "--delegation", "Lyon", "--date", "29-6-2027", "--end-date", "1-7"])
        #expect(visit.status == 0, "\(visit.standardError)")
        #expect(try stored().activities.contains { $0.startDate == Fixtures.date("2027-06-29") && $0.endDate == Fixtures.date("2027-07-01") })
        // A year typed wrong (2072 for 2027) is taken, and said.
        let far = try run(["edit", "missie-lyon", "--end-date", "12-3-2072"])
        #expect(far.status == 0)
        #expect(far.standardError == "dossier: let op: --end-date 12-3-2072 ligt 45 jaar in de toekomst\n")
        let wrong = try run(["set-status", "bom", "verkennen", "--reason", "x", "--review-date", "volgende week"])
        #expect(wrong.status == 64)
        #expect(wrong.standardError.contains("'volgende week' is geen datum; gebruik 12-3-2025, 12 maart 2025, vandaag, morgen, +14"))
    }

    @Test("set-status refusals: data errors exit 65, usage errors 64, and nothing is written")
    func setStatusRefusals() throws {
        let before = try directory.read("dossier.json")
        let noReviewDate = try run(["set-status", "bom", "laag-pitje", "--reason", "x"])
        #expect(noReviewDate.status == 65)
        #expect(noReviewDate.standardError == "dossier: Laag pitje vraagt een herijkingsdatum\n")
        let badDate = try run(["set-status", "bom", "laag-pitje", "--reason", "x", "--review-date", "31-2-2027"])
        #expect(badDate.status == 64)
        #expect(badDate.standardError.contains("'31-2-2027' bestaat niet"))
        let badStatus = try run(["set-status", "bom", "slapend", "--reason", "x"])
        #expect(badStatus.status == 64)
        #expect(badStatus.standardError.contains("focus, actief, verkennen, laag-pitje, beeindigd"))
        let noReason = try run(["set-status", "bom", "verkennen"])
        #expect(noReason.status == 64)
        let unknown = try run(["set-status", "nergens", "verkennen", "--reason", "x"])
        #expect(unknown.status == 65)
        #expect(try directory.read("dossier.json") == before)
    }

    @Test("log-visit: Dutch dates, lists and follow-ups become a delegation visit")
    func logVisit() throws {
        let result = try run([
            "log-visit", "--relation", "rhone-alpes", "--relation", "pivot-park", "--date", "12-3-2026", "--direction", "inkomend",
            "--delegation", "Lyon", "--led-by", "Marie Dupont", "--size", "8", "--hosts", "burgemeester Buijs, wethouder Den Brok",
            "--entrepreneurs", "Osse Farma BV", "--programme", "Rondleiding Pivot Park, lunch met Organon", "--programme", "Bezoek TIBO", "--cost", "1.250,50",
            "--notes", "Tweede bezoek", "--follow-up", "Verslag naar B&W @ 1-4-2026", "--follow-up", "Terugbezoek plannen",
            "--follow-up", "Programma mailen naar j.jansen@oss.nl @ 2-4-2026", "--follow-up", "Bedanken via info@lyon.fr",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let visit = try #require(try stored().activities.first { $0.startDate == Fixtures.date("2026-03-12") })
        #expect(visit.kind == .delegatiebezoek)
        #expect(visit.status == .uitgevoerd)
        #expect(visit.title == "Delegatie uit Lyon")
        #expect(visit.relations == ["rhone-alpes", "pivot-park"])
        #expect(visit.actualCost == Money(cents: 125_050))
        #expect(visit.visit == VisitDetails(direction: .inkomend, delegationFrom: "Lyon", ledBy: "Marie Dupont", size: 8,
                                            hosts: ["burgemeester Buijs", "wethouder Den Brok"], programme: "Rondleiding Pivot Park, lunch met Organon; Bezoek TIBO"),
                "the programme as typed, a second one after a semicolon")
        #expect(visit.entrepreneurs.map(\.name) == ["Osse Farma BV"])
        #expect(visit.followUps == [FollowUp(text: "Verslag naar B&W", due: Fixtures.date("2026-04-01")), FollowUp(text: "Terugbezoek plannen"),
                                    FollowUp(text: "Programma mailen naar j.jansen@oss.nl", due: Fixtures.date("2026-04-02")),
                                    FollowUp(text: "Bedanken via info@lyon.fr")], "an e-mail address stays in the text")
        #expect(visit.statusHistory.first?.by == "adviseur")
        #expect(visit.countries.map(\.code) == ["FR"], "no --country: the relations' own, Pivot Park's Netherlands aside")
        #expect(result.standardOutput.contains("Land overgenomen van de relaties: Frankrijk (--country geeft een ander, --country \"\" geen)."), "\(result.standardOutput)")
        let future = try run(["log-visit", "--relation", "unesco-learning-cities", "--date", "2027-05-01", "--direction", "uitgaand",
                              "--delegation", "Hamburg", "--cost", "900"])
        #expect(future.status == 0)
        let mission = try #require(try stored().activities.first { $0.startDate == Fixtures.date("2027-05-01") })
        #expect(mission.status == .inAfweging, "a visit in the future is weighed first")
        #expect(mission.title == "Missie naar Hamburg")
        #expect(mission.estimatedCost == Money(euros: 900))
        #expect(mission.countries.isEmpty && !future.standardOutput.contains("overgenomen"), "a network with no country says nothing")
    }

    @Test("log-visit refusals: an unknown relation or a bad amount writes nothing")
    func logVisitRefusals() throws {
        let before = try directory.read("dossier.json")
        let unknown = try run(["log-visit", "--relation", "lyon", "--date", "2026-03-12", "--direction", "inkomend", "--delegation", "Lyon"])
        #expect(unknown.status == 65)
        #expect(unknown.standardError.contains("onbekende relatie 'lyon'"))
        let badCost = try run(["log-visit", "--relation", "bom", "--date", "2026-03-12", "--direction", "inkomend", "--delegation", "X", "--cost", "veel"])
        #expect(badCost.status == 64)
        let badDirection = try run(["log-visit", "--relation", "bom", "--date", "2026-03-12", "--direction", "binnen", "--delegation", "X"])
        #expect(badDirection.status == 64)
        #expect(badDirection.standardError.contains("inkomend, uitgaand"))
        #expect(try directory.read("dossier.json") == before)
    }

    @Test("add-activity and move along the life cycle; an illegal move names the allowed steps")
    func addAndMove() throws {
        let added = try run(["add-activity", "--title", "Handelsmissie Medicon Valley", "--kind", "handelsmissie", "--relation", "rhone-alpes",
                             "--organiser", "bom", "--date", "2027-05-18", "--cost", "2.500", "--sector", "farma"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("(handelsmissie-medicon-valley)"))
        let activity = try #require(try stored().activity("handelsmissie-medicon-valley"))
        #expect(activity.organiser == .relation("bom"))
        #expect(activity.estimatedCost == Money(euros: 2500))
        #expect(activity.status == .idee)

        let moved = try run(["move", "handelsmissie-medicon-valley", "in-afweging", "--reason", "voorgelegd"])
        #expect(moved.status == 0)
        #expect(moved.standardOutput == "Handelsmissie Medicon Valley: Idee → In afweging\n")
        let before = try directory.read("dossier.json")
        let illegal = try run(["move", "handelsmissie-medicon-valley", "uitgevoerd"])
        #expect(illegal.status == 65)
        #expect(illegal.standardError.contains("toegestaan: goedgekeurd, afgewezen, geannuleerd"))
        #expect(try directory.read("dossier.json") == before)
        #expect(try stored().activity("handelsmissie-medicon-valley")?.statusHistory.map(\.to) == [.idee, .inAfweging])
    }

    @Test("activities: filters by status, kind, year, relation and direction")
    func activities() throws {
        let all = try run(["activities"])
        #expect(all.standardOutput.split(separator: "\n").count == 3)
        let visits = try run(["activities", "--kind", "delegatiebezoek", "--direction", "inkomend", "--year", "2026", "--json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(visits.standardOutput.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["id"] as? String } == ["delegatie-uit-lyon"])
        let byRelation = try run(["activities", "--relation", "bom", "--json"])
        let organised = try #require(try JSONSerialization.jsonObject(with: Data(byRelation.standardOutput.utf8)) as? [[String: Any]])
        #expect(organised.map { $0["id"] as? String } == ["missie-lyon"])
        #expect(try run(["activities", "--relation", "nergens"]).status == 65)
        #expect(try run(["activities", "--year", "dit-jaar"]).status == 64)
        // Nothing to list: a sentence, not a bare header (the JSON stays an empty list for scripts).
        let none = try run(["activities", "--year", "2030"])
        #expect(none.status == 0 && none.standardOutput == "Geen activiteiten met deze filters.\n", "\(none.standardOutput)")
        #expect(try run(["activities", "--year", "2030", "--json"]).standardOutput.filter { !$0.isWhitespace } == "[]")
        let noRelations = try run(["relations", "--status", "beeindigd"])
        #expect(noRelations.status == 0 && noRelations.standardOutput == "Geen relaties met deze filters.\n", "\(noRelations.standardOutput)")
    }

    @Test("activities --json lists what the table lists, in the same order: by date, undated last, then title")
    func activitiesJSONOrder() throws {
        try directory.write("dossier.json", BundledDossier.bytes)
        let json = try run(["activities", "--json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let ids = objects.compactMap { $0["id"] as? String }
        let stored = try stored()
        #expect(ids == ActivityQuery().apply(to: stored.activities).map(\.id))
        #expect(ids != stored.activities.map(\.id), "the bundled dossier's file order is not its list order, so this tells them apart")
        let table = try run(["activities"]).standardOutput.split(separator: "\n").dropFirst()
        #expect(table.compactMap { line in ids.first { line.contains(" \($0) ") } } == ids)
        let dates = objects.map { $0["startDate"] as? String }
        let dated = dates.prefix { $0 != nil }.compactMap { $0 }
        #expect(dated == dated.sorted() && dates.dropFirst(dated.count).allSatisfy { $0 == nil })
    }

    @Test("validate: a good file passes, a damaged one is reported with its place, exit 65, untouched")
    func validate() throws {
        let good = try run(["validate"])
        #expect(good.status == 0)
        #expect(good.standardOutput.contains("geldig — 5 relaties, 2 activiteiten"))
        let damaged = String(decoding: try directory.read("dossier.json"), as: UTF8.self).replacingOccurrences(of: "\"focus\"", with: "\"fokus\"")
        try directory.write("kapot.json", damaged)
        let result = try runner.run(["validate", directory.file("kapot.json")], environment: environment)
        #expect(result.status == 65)
        #expect(result.standardError.contains("kapot.json is beschadigd: regel "))
        #expect(result.standardError.contains("onbekende status 'fokus'"))
        #expect(try directory.read("kapot.json") == Array(damaged.utf8))
    }

    @Test("validate --json on a file that is no JSON at all still writes its JSON report")
    func validateJSONOfNoDossier() throws {
        try directory.write("lijst.csv", "titel;soort\r\nBeurs;beurs\r\n")
        let result = try runner.run(["validate", "--json", directory.file("lijst.csv")], environment: environment)
        #expect(result.status == 65)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any], "\(result.standardOutput)")
        #expect(report["valid"] as? Bool == false)
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect((problems.first?["message"] as? String)?.hasPrefix("geen dossier: een dossier is een JSON-bestand dat met '{' begint") == true)
    }

    @Test("'-' names no dossier: generate, new, copy, --store and DOSSIER_STORE refuse it instead of making a dossier called '-'",
          arguments: [(["generate", "--relations", "1", "--activities", "1", "-o", "-"], [:], "-o -:"),
                      (["new", "-"], [:], "dossier new -:"),
                      (["copy", "--from", "DOSSIER", "--to", "-"], [:], "--to -:"),
                      (["--store", "-", "relations"], [:], "--store -:"),
                      (["relations"], ["DOSSIER_STORE": "-"], "DOSSIER_STORE=-:")])
    func dashIsNoDossier(arguments: [String], extra: [String: String], said: String) throws {
        let result = try runner.run(arguments.map { $0 == "DOSSIER" ? storePath : $0 }, environment: environment.merging(extra) { $1 })
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("dossier: \(said) een dossier is een bestand met een journaal en een slot ernaast"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: "-") && !FileManager.default.fileExists(atPath: "-.journal"))
    }

    @Test("every example in a command's help stands on lines of its own that fit 80 columns: copied from the terminal, it runs as shown")
    func examplesFitTheTerminal() throws {
        let overview = try runner.run(["--help"], environment: environment.merging(["COLUMNS": "400"]) { $1 }).standardOutput
        let commands = overview.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let word = line.split(separator: " ").first, word.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
            return String(word)
        }
        #expect(commands.count > 30 && commands.contains("add-activity"), "\(commands)")
        for command in commands {
            let wide = try runner.run([command, "--help"], environment: environment.merging(["COLUMNS": "400"]) { $1 }).standardOutput
            let narrow = Set(try runner.run([command, "--help"], environment: environment.merging(["COLUMNS": "80"]) { $1 }).standardOutput
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            #expect(wide.firstMatch(of: /Voorbeelden?: dossier/) == nil, "\(command): an example inline in prose wraps where it falls")
            var continued = false
            for line in wide.split(separator: "\n").map(String.init) {
                let isExample = line.hasPrefix("  dossier ") || (continued && line.hasPrefix("      "))
                continued = isExample && line.hasSuffix(" \\")
                if isExample { #expect(narrow.contains(line), "\(command): '\(line)' is broken at 80 columns") }
            }
        }
    }

    @Test("a missing store file exits 66 and names it")
    func missingStore() throws {
        let result = try runner.run(["relations", "--store", directory.file("geen.json")], environment: environment)
        #expect(result.status == 66)
        #expect(result.standardError.contains("geen.json bestaat niet; een nieuw dossier begint u met: dossier new \(directory.file("geen.json"))"))
    }

    @Test("dossier new: an empty dossier with the Kader and the budget lines, owner only, that the commands take at once; never over a file")
    func newDossier() throws {
        let path = directory.file("nieuw/eigen.json")
        let made = try runner.run(["new", path], environment: environment)
        #expect(made.status == 0, "\(made.standardError)")
        #expect(made.standardOutput.hasPrefix("Nieuw dossier: \(path), met het Kader, 2 budgetregels en de relatie die een budgetregel betaalt (Global Goals Platform Oss); verder nog geen relaties en geen activiteiten."), "\(made.standardOutput)")
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o077 == 0, "owner only")
        let dossier = try DossierStore(path: path).load()
        let bundled = try Dossier(decoding: BundledDossier.bytes)
        #expect(dossier.relations.map(\.id) == ["global-goals-platform-oss"] && dossier.relations.allSatisfy(\.contacts.isEmpty))
        #expect(dossier.activities.isEmpty && dossier.internalContacts.isEmpty)
        #expect(dossier.framework == bundled.framework && dossier.budgetLines == bundled.budgetLines)
        let added = try runner.run(["--store", path, "add-relation", "--name", "Taizhou", "--kind", "vriendschapsrelatie", "--country", "China"], environment: environment)
        #expect(added.status == 0, "\(added.standardError)")
        #expect(try runner.run(["--store", path, "validate"], environment: environment).status == 0)
        let again = try runner.run(["new", path], environment: environment)
        #expect(again.status != 0 && again.standardError.contains("bestaat al"), "\(again.standardError)")
        #expect(try DossierStore(path: path).load().relations.map(\.name) == ["Global Goals Platform Oss", "Taizhou"])
    }

    @Test("DOSSIER_STORE is used when --store is not given")
    func storeFromEnvironment() throws {
        let result = try runner.run(["relations", "--json"], environment: environment.merging(["DOSSIER_STORE": storePath]) { $1 })
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("\"rhone-alpes\""))
    }
}
