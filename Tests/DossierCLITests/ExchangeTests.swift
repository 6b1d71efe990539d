import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Reports, exports and imports, end to end with the built binary; CSV and iCalendar read back by
/// independent parsers (Python's csv module and the icalendar package).
@Suite("Reports, export and import")
struct ExchangeTests {
    let directory = TemporaryDirectory()
    let runner = ProgramRunner()
    var storePath: String { directory.file("dossier.json") }
    let environment = ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "adviseur"]

    init() throws {
        try directory.write("dossier.json", BundledDossier.bytes)
    }

    func run(_ arguments: [String]) throws -> ProgramRunner.Result {
        try runner.run(arguments + ["--store", storePath], environment: environment)
    }

    func check(_ arguments: [String]) throws -> ProgramRunner.Result {
        try ExternalChecker.python([Repository.path("scripts/check-exchange.py")] + arguments)
    }

    /// Adds a year of activity to the bundled dossier: visits in and out (one with a result and a follow-up), a
    /// mission, an assessment, an override.
    func addYear() throws {
        let commands: [[String]] = [
            ["log-visit", "--relation", "pivot-park", "--relation", "medicon-valley", "--date", "12-3-2026", "--direction", "inkomend",
             "--delegation", "Medicon Valley Alliance", "--led-by", "Anne Jensen", "--size", "8", "--programme", "Rondleiding Pivot Park, lunch met Organon",
             "--entrepreneurs", "Osse Farma BV", "--cost", "450,50", "--follow-up", "Verslag naar B&W @ 1-12-2026"],
            ["edit", "delegatie-uit-medicon-valley-alliance-2026-03-12", "--outcomes",
             "Twee Deense farmabedrijven oriënteren zich op Pivot Park. Vervolggesprek in mei."],
            ["log-visit", "--relation", "unesco-learning-cities", "--date", "2026-09-14", "--end-date", "2026-09-16", "--direction", "uitgaand",
             "--delegation", "Hamburg, UNESCO-conferentie", "--country", "DE", "--cost", "1.250"],
            ["add-activity", "--title", "Handelsmissie Rhône-Alpes", "--kind", "handelsmissie", "--relation", "rhone-alpes", "--organiser", "bom",
             "--date", "2026-12-08", "--cost", "2.500", "--sector", "farma", "--status", "in-afweging"],
            ["assess", "handelsmissie-rhone-alpes", "--answer", "mensenrechten=nee"],
            ["move", "handelsmissie-rhone-alpes", "goedgekeurd", "--decision", "Besluit B&W 17 november 2026", "--override-reason", "Besluit B&W 17 november 2026"],
        ]
        for command in commands {
            let result = try run(command)
            #expect(result.status == 0, "\(command.first!): \(result.standardError)")
            // A visit of several days is confirmed with its last day: an end date typed relative to today (+2) shows.
            if command.contains("--end-date") { #expect(result.standardOutput.contains(" op 14-9-2026 t/m 16-9-2026 "), "\(result.standardOutput)") }
        }
    }

    @Test("the yearly report of the bundled dossier matches its golden file (Markdown and HTML)", arguments: ["md", "html"])
    func goldenReport(format: String) throws {
        try addYear()
        let result = try run(["report", "--year", "2026", "--format", format])
        #expect(result.status == 0, "\(result.standardError)")
        let golden = Repository.path("Tests/DossierCLITests/Golden/report-2026.\(format)")
        if ProcessInfo.processInfo.environment["DOSSIER_RECORD_SNAPSHOTS"] == "1" {
            try result.standardOutput.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(result.standardOutput == expected, "the report differs from \(golden) (DOSSIER_RECORD_SNAPSHOTS=1 re-records)")
        #expect(result.standardOutput.contains("goedgekeurd ondanks een negatief oordeel: Besluit B&amp;W 17 november 2026")
                || result.standardOutput.contains("goedgekeurd ondanks een negatief oordeel: Besluit B&W 17 november 2026"))
    }

    @Test("what is exchanged may be said in Dutch too: export --what activiteiten, import contactpersonen")
    func dutchKinds() throws {
        for (dutch, english) in [("relaties", "relations"), ("activiteiten", "activities"), ("contactpersonen", "contacts")] {
            let said = try run(["export", "--what", dutch]), meant = try run(["export", "--what", english])
            #expect(said.status == 0 && said.standardOutput == meant.standardOutput, "\(dutch): \(said.standardError)")
        }
        let file = directory.file("contactpersonen.csv")
        #expect(try run(["export", "--what", "contacts", "-o", file]).status == 0)
        let imported = try run(["import", "contactpersonen", file, "--dry-run"])
        #expect(imported.status == 0 && imported.standardOutput.contains("Er is niets geïmporteerd (--dry-run)"), "\(imported.standardOutput)\(imported.standardError)")
    }

    @Test("the HTML report is one self-contained file for A4")
    func htmlSelfContained() throws {
        try addYear()
        let html = try run(["report", "--year", "2026", "--format", "html"]).standardOutput
        #expect(html.contains("@page { size: A4"))
        for external in ["<link", "<script", "src=", "http://", "https://"] { #expect(!html.contains(external), "\(external)") }
        let csv = try run(["report", "--year", "2026", "--format", "csv", "-o", directory.file("jaar.csv")])
        #expect(csv.status == 0)
        // The three dated activities and the five ongoing approved ones of the bundled dossier.
        let parsed = try check(["csv", directory.file("jaar.csv"), "8", "handelsmissie-rhone-alpes", "Besluit B&W 17 november 2026", "doorlopend",
                                "Farma en life sciences"])
        #expect(parsed.status == 0, "\(parsed.standardError)")
    }

    @Test("CSV exports read back with Python's csv module, standard and Dutch Excel", arguments: [false, true])
    func csvExports(excel: Bool) throws {
        try addYear()
        let flags = excel ? ["--excel"] : []
        let expectations: [(String, Int, [String])] = [
            ("relations", 37, ["Rhône-Alpes", "Lyon; Grenoble", "laag-pitje", "genoemd", "VNO-NCW"]),
            ("activities", 9, ["Delegatie uit Medicon Valley Alliance", "450,50", "Osse Farma BV"]),
            ("contacts", 20, ["Marian Wagemakers", "Britta Driessen"]),
            ("gesprekspartners", 20, ["Marian Wagemakers", "voorzitter", "Global Goals Platform Oss"]),
        ]
        for (what, rows, needles) in expectations {
            let file = directory.file("\(what)\(excel ? "-excel" : "").csv")
            let export = try run(["export", "--format", "csv", "--what", what, "-o", file] + flags)
            #expect(export.status == 0, "\(export.standardError)")
            let parsed = try check(["csv", file, String(rows)] + needles)
            #expect(parsed.status == 0, "\(what): \(parsed.standardError)")
            #expect(parsed.standardOutput.contains(excel ? "\"delimiter\": \";\", \"bom\": true" : "\"delimiter\": \",\", \"bom\": false"))
        }
        let consulted = try check(["csv", directory.file("gesprekspartners\(excel ? "-excel" : "").csv"), "20"])
        #expect(consulted.standardOutput.contains("\"header\": [\"naam\", \"organisatie\", \"rol\", \"e-mail\", \"versie\"]"))
    }

    @Test("an export onto another program's calendar (Outlook's) is refused and the file left as it was; onto its own earlier export it goes")
    func calendarOfAnotherProgram() throws {
        let outlook = "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
            + "UID:040000008200E00074C5B7101A82E008\r\nDTSTART;VALUE=DATE:20270104\r\nSUMMARY:Teamoverleg\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        try directory.write("mijnagenda.ics", Array(("\u{FEFF}" + outlook).utf8))
        let refused = try run(["export", "--format", "ics", "-o", directory.file("mijnagenda.ics")])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("is een agenda van een ander programma"), "\(refused.standardError)")
        #expect(try directory.read("mijnagenda.ics") == Array(("\u{FEFF}" + outlook).utf8))
        #expect(try run(["export", "--format", "ics", "-o", directory.file("dossier.ics")]).status == 0)
        #expect(try run(["export", "--format", "ics", "-o", directory.file("dossier.ics")]).status == 0, "its own export is replaced")
    }

    @Test("iCalendar of activities, visits, follow-up deadlines and review dates, all events (Outlook leaves tasks out), parses with icalendar and vobject; UIDs stay the same")
    func calendar() throws {
        try addYear()
        _ = try run(["export", "--format", "ics", "-o", directory.file("a.ics")])
        // Three activities and the review dates of Taizhou and An Giang; one follow-up with a due date.
        let parsed = try check(["ics", directory.file("a.ics"), "6", "0", "handelsmissie-rhone-alpes@dossier.gemeente-oss.nl",
                                "herijking-taizhou@dossier.gemeente-oss.nl",
                                "streefdatum.delegatie-uit-medicon-valley-alliance-2026-03-12.verslag-naar-b-w@dossier.gemeente-oss.nl"])
        #expect(parsed.status == 0, "\(parsed.standardError)")
        #expect(parsed.standardOutput.contains("\"start\": \"2026-09-14\", \"end\": \"2026-09-17\""), "multi-day visit, DTEND exclusive")
        #expect(parsed.standardOutput.contains("Missie naar Hamburg, UNESCO-conferentie"), "commas in text are escaped and read back")
        #expect(parsed.standardOutput.contains("\"summary\": \"Herijking Taizhou (laag pitje)\", \"start\": \"2030-12-31\", \"end\": \"2031-01-01\""), "review: all-day")
        #expect(parsed.standardOutput.contains("\"summary\": \"Vervolgactie: Verslag naar B&W\", \"start\": \"2026-12-01\", \"end\": \"2026-12-02\", \"status\": \"CONFIRMED\""),
                "a follow-up's due date is an all-day event")
        // The place where it happens is the location: an incoming visit in Oss, a mission where it goes; the
        // programme, as typed, is in the description.
        let events = try #require(try JSONSerialization.jsonObject(with: Data(parsed.standardOutput.utf8)) as? [String: Any])["events"] as? [[String: String]]
        let incoming = try #require(events?.first { $0["summary"] == "Delegatie uit Medicon Valley Alliance" })
        #expect(incoming["location"] == "Oss")
        #expect(incoming["description"]?.contains("Programma: Rondleiding Pivot Park, lunch met Organon") == true, "\(incoming)")
        let outgoing = try #require(events?.first { $0["summary"]?.hasPrefix("Missie naar Hamburg") == true })
        #expect(outgoing["location"] == "Hamburg, UNESCO-conferentie, Duitsland")
        // A later export after a change keeps the UID, so a calendar updates the event.
        _ = try run(["move", "handelsmissie-rhone-alpes", "geannuleerd", "--reason", "partner zegt af"])
        _ = try run(["done", "delegatie-uit-medicon-valley-alliance-2026-03-12", "1"])
        _ = try run(["export", "--format", "ics", "-o", directory.file("b.ics")])
        let again = try check(["ics", directory.file("b.ics"), "6", "0", "handelsmissie-rhone-alpes@dossier.gemeente-oss.nl",
                               "streefdatum.delegatie-uit-medicon-valley-alliance-2026-03-12.verslag-naar-b-w@dossier.gemeente-oss.nl"])
        #expect(again.standardOutput.contains("\"summary\": \"Vervolgactie afgerond: Verslag naar B&W\", \"start\": \"2026-12-01\", \"end\": \"2026-12-02\", \"status\": \"CONFIRMED\""))
        #expect(again.standardOutput.contains("\"summary\": \"Handelsmissie Rhône-Alpes\""))
        #expect(again.standardOutput.contains("\"status\": \"CANCELLED\""))
        // Removing a follow-up does not hand its UID to the next: each keeps its own.
        let visit = "delegatie-uit-medicon-valley-alliance-2026-03-12"
        _ = try run(["add-follow-up", visit, "--what", "Bedankbrief sturen", "--due", "1-2-2027"])
        _ = try run(["add-follow-up", visit, "--what", "Bedankbrief sturen", "--due", "1-3-2027"])
        _ = try run(["remove-follow-up", visit, "1", "--yes"])
        _ = try run(["export", "--format", "ics", "-o", directory.file("c.ics")])
        let items = String(decoding: try directory.read("c.ics"), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")   // unfolded
        #expect(!items.contains("streefdatum.\(visit).verslag-naar-b-w"), "the removed one is gone")
        #expect(items.contains("UID:streefdatum.\(visit).bedankbrief-sturen@dossier.gemeente-oss.nl\r\nDTSTAMP:"), "\(items)")
        #expect(items.contains("UID:streefdatum.\(visit).bedankbrief-sturen-2@dossier.gemeente-oss.nl\r\nDTSTAMP:"))
        // Exported over the earlier file, the removed one goes out as cancelled: a calendar that imports it calls it off.
        _ = try run(["export", "--format", "ics", "-o", directory.file("b.ics")])
        let over = try check(["ics", directory.file("b.ics"), "8", "0", "streefdatum.\(visit).verslag-naar-b-w@dossier.gemeente-oss.nl"])
        #expect(over.status == 0, "\(over.standardError)")
        #expect(over.standardOutput.contains("\"summary\": \"Vervolgactie afgerond: Verslag naar B&W\", \"start\": \"2026-12-01\", \"end\": \"2026-12-02\", \"status\": \"CANCELLED\""),
                "\(over.standardOutput)")
        // Removing the first of two alike, or correcting a text, leaves every other item its UID (they have ids now).
        _ = try run(["remove-follow-up", visit, "1", "--yes"])
        _ = try run(["edit-follow-up", visit, "1", "--what", "Bedankbrief versturen"])
        _ = try run(["export", "--format", "ics", "-o", directory.file("c2.ics")])
        let kept = String(decoding: try directory.read("c2.ics"), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(kept.contains("UID:streefdatum.\(visit).bedankbrief-sturen-2@dossier.gemeente-oss.nl\r\nDTSTAMP:"), "\(kept)")
        #expect(kept.contains("SUMMARY:Vervolgactie: Bedankbrief versturen"), "\(kept)")
        #expect(!kept.contains("streefdatum.\(visit).bedankbrief-sturen@"), "the removed one is gone")
        #expect(!kept.contains("bedankbrief-versturen"), "a corrected text is the same item")
        // A text that ends in a number is not the second of another.
        _ = try run(["add-follow-up", visit, "--what", "Bedankbrief sturen 2", "--due", "1-4-2027"])
        _ = try run(["export", "--format", "ics", "-o", directory.file("d.ics")])
        let uids = String(decoding: try directory.read("d.ics"), as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
            .split(separator: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count, "every UID once: \(uids)")
        let text = String(decoding: try directory.read("b.ics"), as: UTF8.self)
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 }, "lines folded at 75 octets")
    }

    @Test("export → edit → import round-trips: unchanged rows stay, edits update, new rows are added")
    func roundTrip() throws {
        try addYear()
        let file = directory.file("activiteiten.csv")
        _ = try run(["export", "--format", "csv", "--what", "activities", "--excel", "-o", file])
        let unchanged = try run(["import", "activities", file])
        #expect(unchanged.standardOutput == "Geïmporteerd: 0 nieuw, 0 bijgewerkt, 9 ongewijzigd.\n", "\(unchanged.standardError)")
        #expect(unchanged.standardError.isEmpty, "an untouched export says nothing about its read-only columns: \(unchanged.standardError)")
        var text = String(decoding: try directory.read("activiteiten.csv"), as: UTF8.self)
        text = text.replacingOccurrences(of: "Handelsmissie Rhône-Alpes;handelsmissie;goedgekeurd", with: "Handelsmissie Rhône-Alpes en Lyon;handelsmissie;gepland")
        text += ";Beurs BIO-Europe;beurs;idee;;;3-11-2027;5-11-2027;pivot-park;gemeente;;farma;;3.000;;;;;;;;Wethouder economie (Gemeente Oss);;;;;;\"Met Pivot Park\r\nen Organon\";;;;\r\n"
        try directory.write("activiteiten.csv", text)
        // --dry-run says what would change, field by field, and changes nothing.
        let before = try directory.read("dossier.json")
        let dryRun = try run(["import", "activities", file, "--dry-run"])
        #expect(dryRun.standardOutput.contains("Titel: Handelsmissie Rhône-Alpes → Handelsmissie Rhône-Alpes en Lyon\n"), "\(dryRun.standardOutput)")
        #expect(dryRun.standardOutput.hasPrefix("Wat de import zou doen, zoals het logboek het zou noemen:\n  "), "not said as done: \(dryRun.standardOutput)")
        #expect(dryRun.standardOutput.contains("Beurs BIO-Europe"), "\(dryRun.standardOutput)")
        #expect(dryRun.standardOutput.hasSuffix("Controle: 1 nieuw, 1 bijgewerkt, 8 ongewijzigd. Er is niets geïmporteerd (--dry-run).\n"))
        #expect(try directory.read("dossier.json") == before)
        let imported = try run(["import", "activities", file])
        #expect(imported.standardOutput.hasPrefix("Geïmporteerd: 1 nieuw, 1 bijgewerkt, 8 ongewijzigd.\nDe stand van vóór de import terugzetten: dossier --store "),
                "\(imported.standardOutput)\(imported.standardError)")
        let dossier = try DossierStore(path: storePath).load()
        let mission = try #require(dossier.activity("handelsmissie-rhone-alpes"))
        #expect(mission.title == "Handelsmissie Rhône-Alpes en Lyon")
        #expect(mission.status == .gepland)
        #expect(mission.statusHistory.last?.reason == "Import")
        let fair = try #require(dossier.activity("beurs-bio-europe"))
        #expect(fair.estimatedCost == Money(euros: 3000))
        #expect(fair.participants == [Participant(name: "Wethouder economie", role: .bestuurder, organisation: "Gemeente Oss")])
        #expect(fair.startDate == CalendarDate(year: 2027, month: 11, day: 3))
        #expect(fair.notes == "Met Pivot Park\nen Organon", "a Windows line end in a cell is one line break, as in a form: \(fair.notes.debugDescription)")

        // The restore the message names brings back the dossier as it was just before the import, with the year added before it.
        let restore = try #require(imported.standardOutput.split(separator: "\n").last?.components(separatedBy: "restore ").last)
        #expect(imported.standardOutput.contains("dossier --store '\(storePath)' restore \(restore)"), "\(imported.standardOutput)")
        #expect(try run(["restore", restore, "--yes"]).status == 0)
        let restored = try DossierStore(path: storePath).load()
        #expect(restored.activity("handelsmissie-rhone-alpes")?.title == "Handelsmissie Rhône-Alpes")
        #expect(restored.activity("handelsmissie-rhone-alpes")?.status == .goedgekeurd)
        #expect(restored.activity("beurs-bio-europe") == nil)
        #expect(restored.activity("delegatie-uit-medicon-valley-alliance-2026-03-12")?.outcomes.isEmpty == false)
    }

    @Test("in a dossier whose file name has a space, the restore the import names is a command the shell runs as it is")
    func restoreCommandWithSpace() throws {
        let path = directory.file("dossier oss.json")
        try directory.write("dossier oss.json", BundledDossier.bytes)
        let file = directory.file("a.csv")
        _ = try runner.run(["export", "--what", "activities", "--excel", "-o", file, "--store", path], environment: environment)
        let text = String(decoding: try directory.read("a.csv"), as: UTF8.self)
        try directory.write("a.csv", text.replacingOccurrences(of: ";Campusbeurs HAN;", with: ";Campusbeurs HAN Oss;"))
        let imported = try runner.run(["import", "activities", file, "--store", path], environment: environment)
        let line = try #require(imported.standardOutput.split(separator: "\n").last { $0.hasPrefix("De stand van vóór de import terugzetten: ") })
        let command = line.dropFirst("De stand van vóór de import terugzetten: dossier ".count)
        let restored = try ProgramRunner(executable: "/bin/sh").run(["-c", "exec \"$0\" \(command) --yes", runner.executable], environment: environment)
        #expect(restored.status == 0, "\(line)\n\(restored.standardError)")
        #expect(try DossierStore(path: path).load().activity("campusbeurs-han")?.title == "Campusbeurs HAN")
    }

    @Test("names with a comma (a host 'Buijs, W.', an organisation 'Farma, Oss') survive export → import and an edit unchanged")
    func commasInNames() throws {
        try addYear()
        let id = "delegatie-uit-medicon-valley-alliance-2026-03-12"
        let edit = try run(["edit", id, "--hosts", "\"Buijs, W. (burgemeester)\", De Vries", "--ondernemers", "\"Jansen, P.\" (Farma, Oss)"])
        #expect(edit.status == 0, "\(edit.standardError)")
        let edited = try #require(try DossierStore(path: storePath).load().activity(id))
        #expect(edited.visit?.hosts == ["Buijs, W. (burgemeester)", "De Vries"])
        #expect(edited.participants.filter { $0.role == .ondernemer } == [Participant(name: "Jansen, P.", role: .ondernemer, organisation: "Farma, Oss")])
        for excel in [false, true] {
            let file = directory.file("komma.csv")
            #expect(try run(["export", "--what", "activities", "-o", file] + (excel ? ["--excel"] : [])).status == 0)
            let imported = try run(["import", "activities", file])
            #expect(imported.standardOutput.hasPrefix("Geïmporteerd: 0 nieuw, 0 bijgewerkt"), "\(imported.standardOutput)\(imported.standardError)")
            #expect(try DossierStore(path: storePath).load().activity(id) == edited)
        }
        // Another field edited: the names stay one each.
        #expect(try run(["edit", id, "--notes", "Na de import"]).status == 0)
        let after = try #require(try DossierStore(path: storePath).load().activity(id))
        #expect(after.visit?.hosts == edited.visit?.hosts && after.participants == edited.participants)
    }

    @Test("a row exported before a colleague changed its activity is refused, not imported over that change; an empty 'versie' overwrites on purpose")
    func staleRowRefused() throws {
        try addYear()
        let file = directory.file("activiteiten.csv")
        _ = try run(["export", "--format", "csv", "--what", "activities", "--excel", "-o", file])
        // After the export, a colleague changes the mission's notes and deletes a fair; the spreadsheet still has both as they were.
        let edit = try run(["edit", "handelsmissie-rhone-alpes", "--notes", "Door een collega aangevuld."])
        #expect(edit.status == 0, "\(edit.standardError)")
        #expect(try run(["delete", "campusbeurs-tu-eindhoven", "--yes"]).status == 0)
        let exported = String(decoding: try directory.read("activiteiten.csv"), as: UTF8.self)

        // Another row edited, those two not: imported; the mission keeps the colleague's notes, the fair stays deleted.
        try directory.write("activiteiten.csv", exported.replacingOccurrences(of: "Campusbeurs HAN;", with: "Campusbeurs HAN Nijmegen;"))
        let other = try run(["import", "activities", file])
        #expect(other.status == 0, "\(other.standardError)")
        #expect(other.standardOutput.hasPrefix("Geïmporteerd: 0 nieuw, 1 bijgewerkt, "), "\(other.standardOutput)")
        #expect(other.standardOutput.contains(" ongewijzigd, 1 regel overgeslagen.\n"), "the deleted fair is not counted as unchanged: \(other.standardOutput)")
        #expect(other.standardError.contains("Handelsmissie Rhône-Alpes (handelsmissie-rhone-alpes) is gewijzigd na deze export en deze regel niet: "
                                             + "de activiteit blijft zoals ze nu is"), "\(other.standardError)")
        #expect(other.standardError.contains("er is geen activiteit campusbeurs-tu-eindhoven in dit dossier (verwijderd na deze export, of de export komt "
                                             + "uit een ander dossier) en deze regel is niet gewijzigd: ze is overgeslagen; maak de cel 'versie' leeg om haar "
                                             + "toe te voegen"), "\(other.standardError)")
        var dossier = try DossierStore(path: storePath).load()
        #expect(dossier.activity("campusbeurs-han")?.title == "Campusbeurs HAN Nijmegen")
        #expect(dossier.activity("handelsmissie-rhone-alpes")?.notes == "Door een collega aangevuld.")
        #expect(dossier.activity("campusbeurs-tu-eindhoven") == nil)

        // The changed mission's row edited too: refused, with what to do.
        var text = exported.replacingOccurrences(of: "Handelsmissie Rhône-Alpes;", with: "Handelsmissie Rhône-Alpes en Lyon;")
        try directory.write("activiteiten.csv", text)
        let line = try #require(text.split(separator: "\r\n").firstIndex { $0.contains("Handelsmissie Rhône-Alpes en Lyon") }) + 1
        let stale = try run(["import", "activities", file])
        #expect(stale.status == 65)
        #expect(stale.standardError.contains("\(file), regel \(line), kolom 'versie': Handelsmissie Rhône-Alpes (handelsmissie-rhone-alpes) is gewijzigd na "
                                             + "deze export; een import zou die wijziging terugdraaien."), "\(stale.standardError)")
        dossier = try DossierStore(path: storePath).load()
        #expect(dossier.activity("handelsmissie-rhone-alpes")?.notes == "Door een collega aangevuld.", "the colleague's change stays")
        #expect(dossier.activity("handelsmissie-rhone-alpes")?.title == "Handelsmissie Rhône-Alpes", "nothing imported")

        // The cell emptied: the row is imported as it stands, the old notes too.
        let lines = text.components(separatedBy: "\r\n").map { row in
            row.contains("Handelsmissie Rhône-Alpes en Lyon") ? row.replacing(/;v[0-9a-f]{8}$/, with: ";") : row
        }
        try directory.write("activiteiten.csv", lines.joined(separator: "\r\n"))
        let forced = try run(["import", "activities", file])
        #expect(forced.status == 0, "\(forced.standardError)")
        dossier = try DossierStore(path: storePath).load()
        #expect(dossier.activity("handelsmissie-rhone-alpes")?.title == "Handelsmissie Rhône-Alpes en Lyon")
        #expect(dossier.activity("handelsmissie-rhone-alpes")?.notes != "Door een collega aangevuld.")

        // The deleted fair's row edited: refused, not added again unasked.
        text = exported.replacingOccurrences(of: "Campusbeurs TU Eindhoven;", with: "Campusbeurs TU/e;")
        try directory.write("activiteiten.csv", text)
        let deleted = try run(["import", "activities", file, "--skip-invalid"])
        #expect(deleted.standardError.contains("kolom 'versie': er is geen activiteit campusbeurs-tu-eindhoven in dit dossier: verwijderd na deze export, "
                                               + "of komt de export uit een ander dossier?")
                && deleted.standardError.contains("(zonder vervolgacties, afwegingen en links, die niet in een CSV staan; dossier log toont wat een verwijderde had)"),
                "\(deleted.standardError)")
        #expect(try DossierStore(path: storePath).load().activity("campusbeurs-tu-eindhoven") == nil)

        // A cell that is no version is said to be that; a file without the column says the check could not be made.
        let rows = exported.components(separatedBy: "\r\n")
        try directory.write("activiteiten.csv", rows.map { $0.contains("Campusbeurs HAN;") ? $0.replacing(/;v[0-9a-f]{8}$/, with: ";onzin") : $0 }
            .joined(separator: "\r\n"))
        let garbage = try run(["import", "activities", file, "--dry-run"])
        #expect(garbage.standardError.contains("kolom 'versie': 'onzin' is geen versie zoals de export die schrijft"), "\(garbage.standardError)")
        try directory.write("activiteiten.csv", rows.map { $0.replacing(/;(v[0-9a-f]{8}|versie)$/, with: "") }.joined(separator: "\r\n"))
        let without = try run(["import", "activities", file, "--dry-run"])
        #expect(without.standardError.contains("het bestand heeft geen kolom 'versie' (een oudere export?)"), "\(without.standardError)")
    }

    @Test("import keeps who decided, also for an activity carried out since; a new row named like a relation gets an id of its own")
    func importKeepsDecision() throws {
        let file = directory.file("nieuw.csv")
        _ = try run(["export", "--format", "csv", "--what", "activities", "-o", file])
        let header = String(decoding: try directory.read("nieuw.csv"), as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
        let columns = header.split(separator: ",").map(String.init)
        func row(_ values: [String: String]) -> String { columns.map { values[$0] ?? "" }.joined(separator: ",") }
        let rows = [row(["titel": "Werkbezoek Lyon", "soort": "overig", "status": "uitgevoerd", "besluit": "Besluit B&W 1 maart 2026",
                         "begindatum": "10-3-2026", "werkelijke kosten": "100"]),
                    row(["titel": "Pivot Park", "soort": "beurs", "status": "idee"])]
        try directory.write("nieuw.csv", ([header] + rows).joined(separator: "\r\n") + "\r\n")
        let imported = try run(["import", "activities", file])
        #expect(imported.status == 0, "\(imported.standardError)")
        let dossier = try DossierStore(path: storePath).load()
        let visit = try #require(dossier.activity("werkbezoek-lyon"))
        #expect(visit.approvalDecision == "Besluit B&W 1 maart 2026")
        #expect(dossier.activity("pivot-park-2")?.title == "Pivot Park" && dossier.relation("pivot-park") != nil)
        // And out again: the besluit column holds it.
        let again = try run(["export", "--format", "csv", "--what", "activities"])
        #expect(again.standardOutput.contains("werkbezoek-lyon,Werkbezoek Lyon,overig,uitgevoerd,Besluit B&W 1 maart 2026,"), "\(again.standardOutput)")
    }

    @Test("a row whose cells do not stand under the header is refused by its row, and a header with a column twice or of another table is refused as such")
    func rowShapes() throws {
        try addYear()
        let headings = ActivityTable.columns.map(\.heading)
        func row(_ cells: [String: String]) -> [String] { headings.map { cells[$0] ?? "" } }
        let good = row(["titel": "Goede beurs", "soort": "beurs", "status": "idee", "begindatum": "2027-03-01", "relaties": "pivot-park"])
        // A row of an existing activity with a cell deleted; a new row may leave out cells at its end.
        var shorter = row(["id": "handelsmissie-rhone-alpes", "titel": "Handelsmissie Rhône-Alpes", "soort": "handelsmissie", "status": "goedgekeurd"])
        var longer = good
        shorter.remove(at: 2)
        longer.insert("idee", at: 3)
        let exported = [headings, good, shorter, longer].map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try directory.write("shapes.csv", exported)
        let before = try directory.read("dossier.json")
        let shifted = try run(["import", "activities", directory.file("shapes.csv")])
        #expect(shifted.status == 65)
        #expect(shifted.standardError.contains("regel 3: deze regel heeft 31 cellen en de kopregel 32: is er een cel weggevallen"), "\(shifted.standardError)")
        #expect(shifted.standardError.contains("regel 4: deze regel heeft een cel voorbij de laatste kolom (cel 33, "), "\(shifted.standardError)")
        // By hand, without the column versie: the empty cells at the end may be left out, but a semicolon in a text without quotes
        // gives a cell too many, and a cell under a column without a name would not be read.
        try directory.write("hand.csv", "titel;soort;begindatum;toelichting\nWerkbezoek Lund;overig;1-6-2027\n"
                            + "Werkbezoek Malmö;overig;1-6-2027;Afspraak met Lund University; daarna Medicon Village\n")
        let semicolon = try run(["import", "activities", directory.file("hand.csv")])
        #expect(!semicolon.standardError.contains("regel 2"), "\(semicolon.standardError)")
        #expect(semicolon.standardError.contains("regel 3: deze regel heeft een cel voorbij de laatste kolom (cel 5, 'daarna Medicon Village')"),
                "\(semicolon.standardError)")
        try directory.write("unnamed.csv", "titel;soort;;begindatum\nWerkbezoek Lund;overig;hotel geboekt;1-6-2027\n")
        #expect(try run(["import", "activities", directory.file("unnamed.csv")]).standardError
            .contains("regel 2: cel 3 ('hotel geboekt') staat onder een kolom zonder naam"))
        try directory.write("twice.csv", "titel,soort,titel\nA,beurs,B\n")
        #expect(try run(["import", "activities", directory.file("twice.csv")]).standardError
            .contains("regel 1, kolom 'titel': deze kolom staat twee keer in de kopregel"))
        _ = try run(["export", "--format", "csv", "--what", "relations", "-o", directory.file("relaties.csv")])
        let relations = try run(["import", "activities", directory.file("relaties.csv")])
        #expect(relations.status == 65)
        #expect(relations.standardError.contains("dit is geen tabel van activiteiten: "), "\(relations.standardError)")
        #expect(relations.standardError.components(separatedBy: "bekende kolommen").count <= 1, "said once, not per column: \(relations.standardError)")
        #expect(try directory.read("dossier.json") == before)
    }

    @Test("contacts: export → edit in a spreadsheet → import updates by name, adds new ones, and a second import changes nothing")
    func contactsRoundTrip() throws {
        let exported = try run(["export", "--format", "csv", "--what", "contacts", "--excel", "-o", directory.file("contacten.csv")])
        #expect(exported.status == 0, "\(exported.standardError)")
        var lines = String(decoding: try directory.read("contacten.csv"), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let simon = try #require(lines.firstIndex { $0.hasPrefix("Simon Maas;") })
        // In Excel: an e-mail address and a phone number that begins with + (the export guards it with an apostrophe); one person added.
        lines[simon] = lines[simon].replacingOccurrences(of: "samenwerking;;;", with: "samenwerking;s.maas@agrifoodcapital.nl;'+31 6 12345678;")
        lines.append("Anna de Vries;;beleidsmedewerker;anna@bom.nl;013 123 45 67;BOM;nee;")
        // After an election: a new wethouder of the municipality itself.
        lines.append("Anne Verhoeven;;wethouder economie;a.verhoeven@oss.nl;;gemeente;ja;")
        try directory.write("contacten.csv", lines.joined(separator: "\r\n") + "\r\n")
        let dryRun = try run(["import", "contacts", directory.file("contacten.csv"), "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(dryRun.standardOutput.contains("Contactpersoon toegevoegd bij BOM: Anna de Vries"), "\(dryRun.standardOutput)")
        #expect(dryRun.standardOutput.contains("Telefoon: – → +31 6 12345678"), "the apostrophe is the export's, not the number's")
        #expect(dryRun.standardOutput.contains("Contactpersoon toegevoegd bij Gemeente Oss: Anne Verhoeven"), "\(dryRun.standardOutput)")
        #expect(dryRun.standardOutput.contains("Controle: 2 nieuw, 1 bijgewerkt, 19 ongewijzigd. Er is niets geïmporteerd (--dry-run)."))
        let imported = try run(["import", "contacts", directory.file("contacten.csv")])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.hasPrefix("Geïmporteerd: 2 nieuw, 1 bijgewerkt, 19 ongewijzigd."))
        let stored = try DossierStore(path: storePath).load()
        #expect(stored.relation("agrifood-capital")?.contacts.first?.phone == "+31 6 12345678")
        #expect(stored.relation("bom")?.contacts.last == Contact(id: "anna-de-vries", name: "Anna de Vries", role: "beleidsmedewerker",
                                                                 email: "anna@bom.nl", phone: "013 123 45 67"))
        #expect(stored.ownContact("anne-verhoeven") == Contact(id: "anne-verhoeven", name: "Anne Verhoeven", role: "wethouder economie",
                                                                email: "a.verhoeven@oss.nl", consultedForFramework: true))
        let again = try run(["import", "contacts", directory.file("contacten.csv")])
        #expect(again.standardOutput == "Geïmporteerd: 0 nieuw, 0 bijgewerkt, 22 ongewijzigd.\n")
        let wrong = try run(["import", "relations", directory.file("contacten.csv")])
        #expect(wrong.status == 64)
        #expect(wrong.standardError.contains("kies activities of contacts"))
    }

    @Test("an import with one bad row writes nothing and names every bad row by line and column")
    func allOrNothing() throws {
        try addYear()
        let header = ActivityTable.columns.map(\.heading).joined(separator: ",")
        let rows = [
            ",Goede beurs,beurs,idee,,,2027-03-01,,pivot-park,gemeente,,,,1000" + String(repeating: ",", count: 18),
            ",Foute datum,beurs,idee,,,31-2-2027,,pivot-park,gemeente,,,,1000" + String(repeating: ",", count: 18),
            ",Onbekend,vergadering,idee,,,,,narnia,gemeente,,,,veel" + String(repeating: ",", count: 18),
            "handelsmissie-rhone-alpes,Handelsmissie Rhône-Alpes,handelsmissie,idee,,,2026-12-08,,rhone-alpes,bom,,farma,,2500" + String(repeating: ",", count: 18),
        ]
        try directory.write("import.csv", ([header] + rows).joined(separator: "\n") + "\n")
        let before = try DossierStore(path: storePath).load()
        let journalBefore = try? directory.read("dossier.json.journal")
        let result = try run(["import", "activities", directory.file("import.csv")])
        #expect(result.status == 65)
        for expected in ["regel 3, kolom 'begindatum': '31-2-2027' bestaat niet", "regel 4, kolom 'soort': onbekende soort activiteit 'vergadering'",
                         "regel 4, kolom 'relaties': onbekende relatie 'narnia'", "regel 4, kolom 'geraamde kosten': 'veel' is geen bedrag",
                         "regel 5, kolom 'status':", "er is niets geïmporteerd"] {
            #expect(result.standardError.contains(expected), "missing: \(expected)\n\(result.standardError)")
        }
        #expect(try DossierStore(path: storePath).load() == before)
        #expect((try? directory.read("dossier.json.journal")) == journalBefore)
        let skipped = try run(["import", "activities", directory.file("import.csv"), "--skip-invalid"])
        #expect(skipped.status == 0)
        #expect(skipped.standardOutput.hasPrefix("Geïmporteerd: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 3 regels overgeslagen.\n"))
        #expect(try DossierStore(path: storePath).load().activity("goede-beurs") != nil)
    }

    @Test("a CSV that is not UTF-8 (Excel's old ANSI format) is refused with advice")
    func notUTF8() throws {
        var bytes = Array((ActivityTable.columns.map(\.heading).joined(separator: ";") + "\n;Rh").utf8)
        bytes += [0xF4] + Array("ne;beurs;idee\n".utf8)
        try directory.write("ansi.csv", bytes)
        let result = try run(["import", "activities", directory.file("ansi.csv")])
        #expect(result.status == 65)
        #expect(result.standardError.contains("regel 2: tekst is geen UTF-8"))
        // Excel's "Unicode-tekst" (UTF-16, with quoted cells): said as such, not as a quote in the middle of a field.
        let utf16 = [UInt8]([0xFF, 0xFE]) + "naam;relatie\r\n\"Zoë\";bom\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try directory.write("unicode.csv", utf16)
        let unicode = try run(["import", "contacts", directory.file("unicode.csv")])
        #expect(unicode.status == 65 && unicode.standardError.contains("als Unicode-tekst (UTF-16) bewaard"), "\(unicode.standardError)")
        #expect(result.standardError.contains("CSV UTF-8"))
    }
}
