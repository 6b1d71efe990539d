import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The yearly account as the college reads it: per focus, nothing repeated, author from the configuration,
/// a concept until --final, and printed by a real browser on the expected number of pages.
extension ExchangeTests {
    @Test("the report groups the year's activities by focus, ongoing approved ones as doorlopend, with results and open follow-ups")
    func reportByFocus() throws {
        try addYear()
        let report = try run(["report", "--year", "2026"]).standardOutput
        let farma = try #require(report.range(of: "### Farma en life sciences (6)"), "\(report)")
        let learningCities = try #require(report.range(of: "### UNESCO Learning Cities (2)"))
        let farmaPart = report[farma.upperBound..<learningCities.lowerBound]
        for title in ["Delegatie uit Medicon Valley Alliance", "Handelsmissie Rhône-Alpes", "Campusbeurs HAN", "Internationaal talent aantrekken met Pharma Delta"] {
            #expect(farmaPart.contains("#### \(title)"), "\(title) under farma")
        }
        #expect(report[learningCities.upperBound...].contains("#### Deelname aan UNESCO Learning Cities via Talentencampus Oss"))
        #expect(report.contains("- **Datum:** doorlopend (goedgekeurd, zonder datum)"))
        #expect(report.contains("- **Resultaten:** Twee Deense farmabedrijven oriënteren zich op Pivot Park. Vervolggesprek in mei."))
        #expect(report.contains("- **Open vervolgacties:** Verslag naar B&W (vóór 1-12-2026)"))
        // Several: in the order the screen and show give them, by due date, those without one last.
        #expect(try run(["add-follow-up", "campusbeurs-han", "--what", "Terugkoppeling", "--due", "15-3-2027"]).status == 0)
        #expect(try run(["add-follow-up", "campusbeurs-han", "--what", "Stand opbouwen"]).status == 0)
        #expect(try run(["add-follow-up", "campusbeurs-han", "--what", "Uitnodiging", "--due", "1-2-2027"]).status == 0)
        #expect(try run(["report", "--year", "2026"]).standardOutput.contains(
            "- **Open vervolgacties:** Uitnodiging (vóór 1-2-2027); Terugkoppeling (vóór 15-3-2027); Stand opbouwen\n"))
        // The summary: per focus what the year brought, first sentence of each result.
        #expect(report.contains("| Farma en life sciences | 6 | 1 | 5 | € 2.950,50 | Twee Deense farmabedrijven oriënteren zich op Pivot Park. |"))
        #expect(report.contains("- Delegatiebezoeken: 1 inkomend, 1 uitgaand."))
        #expect(report.contains("- Budget internationalisering: € 4.200,50 vastgelegd of besteed van € 16.000,00 (26,3%); over: € 11.799,50."))
        #expect(report.contains("- Bijdrage Global Goals Platform Oss: € 11.459,00, apart van het budget internationalisering."))
        #expect(report.contains("- Wat komt: 1-12-2026: Verslag naar B&W (bij Delegatie uit Medicon Valley Alliance); 8-12-2026: Handelsmissie Rhône-Alpes.\n"),
                "a follow-up says whose it is")
    }

    @Test("the report to the council: an override stays after a new weighing, a called-off visit is no visit, the CSV's budget column is what the budget counts, a weighing counts in the year it was made")
    func reportFigures() throws {
        let yes = Question.allCases.map { "--answer=\($0.rawValue)=ja" }
        let commands: [[String]] = [
            ["add-activity", "--title", "Missie Taizhou", "--kind", "handelsmissie", "--country", "China", "--relation", "taizhou",
             "--date", "2027-03-10", "--cost", "1.000", "--sector", "farma", "--status", "in-afweging"],
            ["assess", "missie-taizhou"] + yes,
            ["move", "missie-taizhou", "goedgekeurd", "--decision", "Besluit B&W 1 december 2026", "--override-reason", "REDEN-XYZ"],
            ["assess", "missie-taizhou", "--exception", "Besluit B&W 1 december 2026"] + yes,
            ["log-visit", "--relation", "pivot-park", "--date", "2027-04-20", "--direction", "inkomend", "--country", "Japan",
             "--delegation", "Kobe", "--cost", "300"],
            ["move", "delegatie-uit-kobe-2027-04-20", "geannuleerd", "--reason", "Delegatie zegde af"],
            ["log-visit", "--relation", "taizhou", "--date", "2027-05-20", "--direction", "uitgaand", "--delegation", "Taizhou",
             "--decision", "Mandaat burgemeester", "--override-reason", "REDEN-BEZOEK"],
        ]
        for command in commands {
            let result = try run(command)
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        let shown = try run(["show", "missie-taizhou"]).standardOutput
        #expect(shown.contains("Nader bekijken"), "weighed again: \(shown)")

        let markdown = try run(["report", "--year", "2027"]).standardOutput
        #expect(markdown.contains("goedgekeurd ondanks een negatief oordeel: REDEN-XYZ"), "\(markdown)")
        #expect(markdown.contains("Delegatiebezoeken: 0 inkomend, 1 uitgaand."), "the called-off visit is not counted")
        #expect(markdown.contains("- **Reden:** Delegatie zegde af ("), "why it was called off, as it was asked: \(markdown)")
        // A visit still being weighed counts, and is said to be undecided.
        #expect(try run(["log-visit", "--relation", "pivot-park", "--date", "2027-06-10", "--direction", "inkomend", "--delegation", "Kobe"]).status == 0)
        #expect(try run(["report", "--year", "2027"]).standardOutput.contains("Delegatiebezoeken: 1 inkomend, 1 uitgaand; daarvan 1 nog niet goedgekeurd (1 in afweging)."))
        #expect(markdown.contains("REDEN-BEZOEK"), "a visit that started out planned against the Kader says why too: \(markdown)")
        #expect(!markdown.contains("in 2027 goedgekeurd met een reden om af te wijken"), "approved in 2026, not in 2027")
        #expect(markdown.contains("Er zijn in 2027 geen afwegingen gemaakt."), "both weighings were made in 2026")
        let html = try run(["report", "--year", "2027", "--format", "html"]).standardOutput
        #expect(html.contains("REDEN-XYZ"))

        let csv = try run(["report", "--year", "2027", "--format", "csv"]).standardOutput
        let rows = csv.components(separatedBy: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let (budgetColumn, overrideColumn) = (try #require(header.firstIndex(of: "kosten voor budget")), try #require(header.firstIndex(of: "afwijking")))
        let mission = try #require(rows.first { $0.first == "missie-taizhou" })
        #expect(mission[budgetColumn] == "1000" && mission[overrideColumn] == "REDEN-XYZ", "\(mission)")
        let decisionColumn = try #require(header.firstIndex(of: "besluit"))
        #expect(mission[decisionColumn] == "Besluit B&W 1 december 2026", "who approved it, for an auditor's spreadsheet: \(mission)")
        // Which line it is on: adding up one line's rows gives that line's figure, not the lines together.
        let lineColumn = try #require(header.firstIndex(of: "budgetregel"))
        #expect(lineColumn + 1 == budgetColumn && mission[lineColumn] == "Budget internationalisering", "\(mission)")
        let planned = try #require(rows.first { $0.first == "missie-naar-taizhou-2027-05-20" })
        #expect(planned[overrideColumn] == "REDEN-BEZOEK", "\(planned)")
        let visit = try #require(rows.first { $0.first == "delegatie-uit-kobe-2027-04-20" })
        #expect(visit[budgetColumn] == Money.zero.editableText, "called off: nothing on the budget, \(visit)")

        let earlier = try run(["report", "--year", "2026"]).standardOutput
        let appendixB = try #require(earlier.range(of: "Bijlage B. Afwegingen in detail"))
        let appendixC = try #require(earlier.range(of: "Bijlage C."))
        #expect(earlier[appendixB.upperBound..<appendixC.lowerBound].contains("Missie Taizhou"), "weighed in 2026: in that year's appendix")
        #expect(!earlier[appendixB.upperBound..<appendixC.lowerBound].contains("REDEN-XYZ"), "the weighing shown there is not the negative one overruled")
        #expect(earlier.contains("; in 2026 goedgekeurd met een reden om af te wijken van het Kader of het budget (ook voor een ander jaar): Missie Taizhou (2027), Missie naar Taizhou (2027)."),
                "named, with the year they are listed in: \(earlier)")

        // An activity recorded afterwards as carried out, over the budget: who decided and why are kept, and reported.
        let afterwards = try run(["add-activity", "--title", "Spoedmissie", "--kind", "handelsmissie", "--relation", "taizhou", "--country", "China",
                                  "--date", "2026-06-01", "--cost", "20.000", "--status", "uitgevoerd", "--decision", "B&W 2 juni",
                                  "--override-reason", "REDEN-SPOED"])
        #expect(afterwards.status == 0, "\(afterwards.standardError)")
        #expect(try run(["report", "--year", "2026"]).standardOutput.contains("REDEN-SPOED"))

        // The summary's cost per focus is what the budget lines carry: a journey a partner pays adds nothing.
        #expect(try run(["add-activity", "--title", "Partnerreis", "--kind", "beurs", "--relation", "taizhou", "--country", "China",
                         "--date", "2027-07-01", "--cost", "500", "--budget-line", "geen", "--status", "goedgekeurd",
                         "--decision", "B&W", "--override-reason", "partner betaalt"]).status == 0)
        let summary = try run(["report", "--year", "2027"]).standardOutput
        let focusRow = try #require(summary.split(separator: "\n").first { $0.hasPrefix("| Focus") == false && $0.contains("| € ") })
        #expect(focusRow.contains("€ 1.000,00") && !focusRow.contains("€ 1.500,00"), "\(focusRow)")
        #expect(summary.contains("€ 1.000,00 vastgelegd of besteed"), "\(summary)")
    }

    @Test("a past year's 'Wat komt' names what came after its 31 December and has not been carried out since")
    func comingAfterPastYear() throws {
        let commands: [[String]] = [
            ["add-activity", "--title", "Beurs december", "--kind", "beurs", "--relation", "bom", "--date", "2025-12-31", "--cost", "100",
             "--status", "goedgekeurd", "--decision", "B&W"],
            ["add-activity", "--title", "Beurs januari", "--kind", "beurs", "--relation", "bom", "--date", "2026-01-20"],
            ["log-visit", "--relation", "pivot-park", "--date", "2026-03-12", "--direction", "inkomend", "--delegation", "Medicon"],
        ]
        for command in commands {
            let result = try run(command)
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        let coming = try #require(try run(["report", "--year", "2025"]).standardOutput.split(separator: "\n").first { $0.contains("Wat komt") })
        #expect(coming.contains("Beurs januari"), "\(coming)")
        #expect(!coming.contains("Beurs december"), "in 2025 itself: \(coming)")
        #expect(!coming.contains("Medicon"), "carried out since: \(coming)")
    }

    @Test("what the college must read: work with a relation on laag pitje and no exception, the approved mission before its to-dos, every no given, one person")
    func whatTheCollegeReads() throws {
        let commands: [[String]] = [
            ["log-visit", "--relation", "taizhou", "--date", "15-9-2026", "--direction", "inkomend", "--delegation", "Taizhou", "--size", "1", "--cost", "0"],
            ["add-activity", "--title", "Handelsmissie Medicon Valley", "--kind", "handelsmissie", "--relation", "medicon-valley", "--date", "18-5-2027",
             "--cost", "100", "--status", "goedgekeurd", "--decision", "B&W"],
            ["add-activity", "--title", "Beurs Milaan", "--kind", "beurs", "--relation", "milaan-lombardije", "--date", "20-11-2026", "--cost", "1.000",
             "--sector", "farma"],
            ["assess", "beurs-milaan", "--answer", "vraag-bedrijfsleven=nee", "--answer", "behoefte-osse-partners=nee", "--answer", "versterking-economie=ja",
             "--answer", "meer-dan-een-bedrijf=ja", "--answer", "triple-helix=nee"],
        ] + (1...7).map { ["add-follow-up", "handelsmissie-medicon-valley", "--what", "Taak \($0)", "--due", "1-3-2027"] }
        for command in commands {
            let result = try run(command)
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        let report = try run(["report", "--year", "2026"]).standardOutput
        #expect(report.contains("- Goedgekeurd of doorgegaan met een relatie of land op een laag pitje, zonder vastgelegde uitzondering van het college "
                                + "of reden om af te wijken: Delegatie uit Taizhou (15-9-2026; Taizhou)."), "\(report)")
        // Approved with a reason to depart from the Kader and who decided: on record, and said so, not as done without. A visit
        // logged afterwards keeps who approved it.
        #expect(try run(["log-visit", "--relation", "an-giang", "--date", "20-10-2026", "--direction", "inkomend", "--delegation", "An Giang",
                         "--decision", "Collegebesluit 2026-412", "--override-reason", "Vijftig jaar band"]).status == 0)
        let withReason = try run(["report", "--year", "2026"]).standardOutput
        #expect(withReason.contains("- Goedgekeurd met een relatie of land op een laag pitje, met een reden om af te wijken bij de goedkeuring "
                                    + "(geen uitzondering in de afweging): Delegatie uit An Giang (20-10-2026; An Giang; besluit: Collegebesluit 2026-412)."),
                "\(withReason)")
        #expect(!withReason.contains("reden om af te wijken: Delegatie uit Taizhou (15-9-2026; Taizhou), Delegatie uit An Giang"), "\(withReason)")
        // A relation put on laag pitje after the work went ahead is no reason to name it.
        #expect(try run(["log-visit", "--relation", "pivot-park", "--date", "2-3-2026", "--direction", "inkomend", "--delegation", "Kopenhagen",
                         "--cost", "0"]).status == 0)
        #expect(try run(["set-status", "pivot-park", "laag-pitje", "--reason", "minder", "--review-date", "1-1-2028"]).status == 0)
        let afterwards = try run(["report", "--year", "2026"]).standardOutput
        #expect(!afterwards.split(separator: "\n").contains { $0.contains("laag pitje") && $0.contains("Delegatie uit Kopenhagen") }, "\(afterwards)")
        // Many such: three named and the rest counted, as every list of the summary (each is in its section below).
        for day in 1...4 {
            #expect(try run(["log-visit", "--relation", "taizhou", "--date", "\(day)-10-2026", "--direction", "inkomend", "--delegation", "Taizhou \(day)",
                             "--size", "1", "--cost", "0"]).status == 0)
        }
        let many = try #require(try run(["report", "--year", "2026"]).standardOutput.split(separator: "\n")
            .first { $0.hasPrefix("- Goedgekeurd of doorgegaan met een relatie of land op een laag pitje, zonder") })
        #expect(many.hasSuffix(" en nog 2.") && !many.contains("Taizhou 4"), "\(many)")
        let coming = try #require(report.split(separator: "\n").first { $0.contains("Wat komt") })
        #expect(coming.contains("18-5-2027: Handelsmissie Medicon Valley"), "not pushed out by its to-dos: \(coming)")
        #expect(coming.contains("1-3-2027: Taak 1 (bij Handelsmissie Medicon Valley)") && !coming.contains("Taak 7"), "\(coming)")
        // An overdue to-do is never pushed out.
        #expect(try run(["add-follow-up", "handelsmissie-medicon-valley", "--what", "Offerte opvragen", "--due", "15-11-2026"]).status == 0)
        let overdue = try #require(try run(["report", "--year", "2026"]).standardOutput.split(separator: "\n").first { $0.contains("Wat komt") })
        #expect(overdue.contains("15-11-2026 (verlopen): Offerte opvragen (bij Handelsmissie Medicon Valley)"), "\(overdue)")
        #expect(report.contains("- **Beantwoord met nee:** Vraag vanuit het bedrijfsleven; Behoefte van Osse partners"), "every answer given is in the detail")
        #expect(report.contains("- **Ook beantwoord:** Meer dan de vraag van één bedrijf: ja; Verzoek om Triple Helix-samenwerking: nee"), "\(report)")
        #expect(report.contains("Inkomend: Taizhou; 1 persoon\n") || report.contains("Inkomend: Taizhou; 1 persoon;"), "\(report)")
        let ahead = try run(["report", "--year", "2027"]).standardOutput
        #expect(ahead.contains("2027 is nog niet begonnen: dit verslag toont wat op 22-11-2026 voor 2027 gepland en afgewogen is, nog geen resultaten."))
        #expect(!report.contains("nog niet begonnen"))
    }

    @Test("'Wat komt' names at most six, and says up to which day the rest were counted: the agenda shows further too")
    func comingCounted() throws {
        for month in 1...8 {
            let added = try run(["add-activity", "--title", "Beurs \(month)", "--kind", "beurs", "--relation", "bom", "--date", "2027-0\(month)-10",
                                 "--cost", "100", "--status", "goedgekeurd", "--decision", "B&W"])
            #expect(added.status == 0, "\(added.standardError)")
        }
        let coming = try #require(try run(["report", "--year", "2026"]).standardOutput.split(separator: "\n").first { $0.contains("Wat komt") })
        #expect(coming.hasSuffix("; en nog 2 tot en met 22-11-2027."), "\(coming)")
    }

    @Test("a positive weighing's deciding reason is about the content, not the budget line's balance of that moment")
    func decidingReason() throws {
        try addYear()
        let answers = ["inhoudelijke-link", "behoefte-lokale-partners", "toegevoegde-waarde", "behapbaar", "geopolitiek", "mensenrechten",
                       "afbreukrisico", "aansluiting-strategie", "mvo", "global-goals", "aanvullend"].flatMap { ["--answer", "\($0)=ja"] }
        let assess = try run(["assess", "missie-naar-hamburg-unesco-conferentie-2026-09-14"] + answers)
        #expect(assess.status == 0, "\(assess.standardError)")
        let report = try run(["report", "--year", "2026"]).standardOutput
        let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("- **Afweging:** Positief") }, "\(report)")
        #expect(!line.contains("past binnen"), "\(line)")
        #expect(line.contains("Buiten Europa") || line.contains("Inhoudelijke link"), "\(line)")
    }

    @Test("each long quotation is printed once, in the appendix; the relations inventory and weighings' details are in the appendix")
    func nothingRepeated() throws {
        try addYear()
        let report = try run(["report", "--year", "2026"]).standardOutput
        let quotation = "Dit betekent onder andere dat we onze vriendschapsrelaties met Taizhou en An Giang op een laag pitje zetten"
        #expect(report.components(separatedBy: quotation).count == 2, "the laag-pitje quotation once")
        #expect(report.components(separatedBy: "zie citaat 1 in bijlage C").count == 3, "Taizhou and An Giang refer to it")
        let appendix = try #require(report.range(of: "## Bijlagen"))
        for heading in ["### Bijlage A. Relaties naar status op 22-11-2026 (", "### Bijlage B. Afwegingen in detail", "### Bijlage C. Citaten"] {
            #expect(report[appendix.upperBound...].contains(heading))
        }
        #expect(!report[..<appendix.lowerBound].contains("| Relatie | Soort | Plaats | Sectoren |"), "no inventory before the appendix")
        // Every quotation number that is referred to exists in the appendix, and each is used.
        let quotations = report[report.range(of: "### Bijlage C. Citaten")!.upperBound...].split(separator: "\n").filter { $0.first?.isNumber == true }
        #expect(quotations.count >= 2)
        for number in 1...quotations.count { #expect(report.contains("citaat \(number)"), "citaat \(number) is referred to") }
        #expect(Set(quotations.map { $0.drop { $0 != " " } }).count == quotations.count, "no quotation twice")
    }

    @Test("charts: inline SVG with a text alternative and a table each; the Markdown says the same in tables")
    func charts() throws {
        try addYear()
        let html = try run(["report", "--year", "2026", "--format", "html"]).standardOutput
        #expect(html.components(separatedBy: "<svg viewBox=").count == 4, "three charts")
        for number in 1...3 {
            #expect(html.contains("<figure class=\"chart\" id=\"figuur-\(number)\">"))
            #expect(html.contains("aria-labelledby=\"figuur-\(number)-titel figuur-\(number)-tekst\""))
        }
        #expect(html.contains("<desc id=\"figuur-3-tekst\">Inkomende en uitgaande delegatiebezoeken per kwartaal van 2026: kwartaal 1: 1 inkomend, 0 uitgaand"))
        #expect(html.contains(">€&#160;16.000 per jaar</text>"), "the budget's reference line, its amount on one line")
        let markdown = try run(["report", "--year", "2026"]).standardOutput
        #expect(markdown.contains("**Figuur 1. Budget internationalisering per jaar**"))
        #expect(markdown.contains("| Jaar | Budget | Vastgelegd | Besteed | Over |"), "in the order of every budget table")
        #expect(markdown.contains("| 2026 | € 16.000,00 | € 2.500,00 | € 1.700,50 | € 11.799,50 | € 11.459,00 |"))
        #expect(markdown.contains("| K3 | 0 | 1 |"))
        #expect(!markdown.contains("<svg"))
    }

    @Test("author and organisation come from the configuration, never the login name; a concept until --final; the state reported is named")
    func authorship() throws {
        try addYear()
        let home = directory.file("home")
        try FileManager.default.createDirectory(atPath: home + "/.config/dossier", withIntermediateDirectories: true)
        try #"{ "name": "Marieke de Vries", "organisation": "Gemeente Oss, Strategie en beleid" }"#
            .write(toFile: home + "/.config/dossier/config.json", atomically: true, encoding: .utf8)
        let configured = try runner.run(["report", "--year", "2026", "--store", storePath], environment: ["DOSSIER_NOW": environment["DOSSIER_NOW"]!, "HOME": home])
        #expect(configured.standardOutput.contains("Opgesteld door Marieke de Vries, Gemeente Oss, Strategie en beleid op 22-11-2026. Stand van het dossier: wijziging 6 van 22-11-2026."),
                "\(configured.standardOutput.prefix(600))")
        #expect(configured.standardOutput.contains("> **CONCEPT — nog niet vastgesteld."))
        let unconfigured = try runner.run(["report", "--year", "2026", "--store", storePath], environment: ["DOSSIER_NOW": environment["DOSSIER_NOW"]!])
        #expect(unconfigured.standardOutput.contains("\nOpgesteld op 22-11-2026."), "no author rather than the login name")
        let login = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        #expect(!unconfigured.standardOutput.contains("Opgesteld door \(login)"))
        let final = try runner.run(["report", "--year", "2026", "--final", "--format", "html", "--store", storePath],
                                   environment: ["DOSSIER_NOW": environment["DOSSIER_NOW"]!, "HOME": home])
        #expect(!final.standardOutput.contains("CONCEPT"))
        #expect(final.standardOutput.contains("@bottom-right { content: \"Pagina \" counter(page) \" van \" counter(pages)"))
        #expect(final.standardOutput.contains("@top-left { content: \"Jaarverslag internationalisering 2026 · Gemeente Oss, Strategie en beleid\""))
        // A dossier made from an export starts at change 0 with everything in it: not "as bundled".
        let exported = directory.file("export.json"), copy = directory.file("kopie.json")
        #expect(try run(["export", "--contact-details", "-o", exported]).status == 0)
        #expect(try run(["copy", "--from", exported, "--to", copy]).status == 0)
        let copied = try runner.run(["report", "--year", "2026", "--store", copy], environment: ["DOSSIER_NOW": environment["DOSSIER_NOW"]!])
        #expect(copied.standardOutput.contains("Stand van het dossier: het dossier zoals het werd aangemaakt of gekopieerd, zonder wijzigingen sindsdien."),
                "\(copied.standardOutput.prefix(600))")
    }

    @Test("a year without data gives a short report that says so (exit 0), in every format", arguments: ["md", "html", "csv"])
    func yearWithoutData(format: String) throws {
        let result = try run(["report", "--year", "2040", "--format", format])
        #expect(result.status == 0, "\(result.standardError)")
        if format == "csv" {
            #expect(result.standardOutput.split(separator: "\n").count == 1, "only the header")
        } else {
            #expect(result.standardOutput.contains("Geen gegevens over 2040"))
            #expect(result.standardOutput.contains("loopt van 2025 tot en met 2030"))
            #expect(!result.standardOutput.contains("Bijlage"))
        }
    }

    @Test("an unwritable -o is refused with a clear message and writes nothing; an existing file stays as it was")
    func unwritableOutput() throws {
        let missingFolder = try run(["report", "--year", "2026", "-o", directory.file("geen-map/jaar.html"), "--format", "html"])
        #expect(missingFolder.status == 74, "\(missingFolder.standardError)")
        #expect(missingFolder.standardError.contains("geen-map"), "\(missingFolder.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("geen-map")))
        // A path through a file (refused even for root) and a folder in the way: both refused, nothing changed.
        try directory.write("bestaand.md", "oud")
        let throughFile = try run(["report", "--year", "2026", "-o", directory.file("bestaand.md/jaar.md")])
        #expect(throughFile.status == 74 && throughFile.standardError.contains("bestaand.md"), "\(throughFile.standardError)")
        #expect(String(decoding: try directory.read("bestaand.md"), as: UTF8.self) == "oud")
        try FileManager.default.createDirectory(atPath: directory.file("map"), withIntermediateDirectories: false)
        let folder = try run(["report", "--year", "2026", "-o", directory.file("map")])
        #expect(folder.status != 0 && !folder.standardError.isEmpty, "\(folder.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("map")).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.contains(".tmp") && !$0.hasPrefix(".") },
                "no temporary file left behind")
    }

    @Test("printed by a real headless browser: one page of summary, page numbers and running header on every page, the expected pages",
          .enabled(if: HeadlessBrowser.unavailableReason == nil || ProcessInfo.processInfo.environment["CI"] == "true",
                   "needs a headless browser and poppler-utils; \(HeadlessBrowser.unavailableReason ?? "")"))
    func printedByBrowser() throws {
        #expect(HeadlessBrowser.unavailableReason == nil, "CI must install these: \(HeadlessBrowser.unavailableReason ?? "")")
        try addYear()
        // A year in which relations moved: the summary says them in one line, appendix A each with its reason.
        for (relation, status) in [("medicon-valley", "laag-pitje"), ("medicon-valley", "actief"), ("bom", "verkennen"), ("bom", "actief"),
                                   ("pivot-park", "verkennen"), ("rhone-alpes", "laag-pitje")] {
            let review = status == "laag-pitje" ? ["--review-date", "1-6-2027"] : []
            #expect(try run(["set-status", relation, status, "--reason", "Besluit van het college na een gesprek met de partners in de regio"] + review).status == 0)
        }
        let html = directory.file("jaarverslag.html"), pdf = directory.file("jaarverslag.pdf")
        #expect(try run(["report", "--year", "2026", "--format", "html", "-o", html]).status == 0)
        let printed = try HeadlessBrowser.printToPDF(html: html, pdf: pdf)
        #expect(printed.status == 0, "\(printed.standardError)")
        let size = (try FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
        #expect(size > 20_000, "a PDF with text and three charts, not an empty page (\(size) bytes)")
        let pages = try HeadlessBrowser.pageTexts(pdf)
        // Summary (1), activities per focus and the budget (2–3), the budget chart and the focus chart (4), the
        // visits chart (5), the appendix (6–9): nine pages with the bundled dossier and the year addYear() adds.
        let expected = 9
        #expect(try HeadlessBrowser.pageCount(pdf) == expected)
        #expect(pages.count == expected)
        guard pages.count == expected else { return }
        #expect(pages[0].contains("Samenvatting") && pages[0].contains("Wat komt:"), "the summary fits on page 1")
        #expect(pages[1].contains("Activiteiten per focus van het Kader"), "the activities start on a new page")
        #expect(pages.joined().contains("Bijlage C. Citaten"))
        #expect(pages[expected - 1].contains("De mogelijkheid er is om Oss te profileren"), "the last quotation ends the last page")
        for (index, page) in pages.enumerated() {
            #expect(page.contains("Pagina \(index + 1) van \(expected)"), "page number on page \(index + 1)")
            #expect(page.contains("Jaarverslag internationalisering 2026 · "), "running header on page \(index + 1)")
            #expect(page.contains("CONCEPT"), "concept mark on page \(index + 1)")
        }
    }
}

extension ExchangeTests {
    @Test("the summary names what was approved without being weighed first, and what was approved while its weighing said to look again, with the decision")
    func withoutWeighingAndLookingAgain() throws {
        let before = try run(["report", "--year", "2026"]).standardOutput
        let unweighed = "- 5 activiteiten goedgekeurd zonder eerst te zijn afgewogen tegen het Kader: Campusbeurs HAN; "
            + "Campusbeurs TU Eindhoven; Campusbeurs Wageningen Universiteit en nog 2."
        #expect(before.contains(unweighed), "\(before)")
        #expect(!before.contains("terwijl de laatste afweging"))
        // Weighed after its approval (of 2025), it stays in the list, and is no approval of 2026 while looking again.
        #expect(try run(["assess", "campusbeurs-han", "--save"]).status == 0)
        for arguments in [["add-activity", "--title", "EU-aanvraag Interreg", "--kind", "eu-subsidieaanvraag", "--date", "1-10-2026", "--cost", "1000"],
                          ["assess", "eu-aanvraag-interreg", "--save"], ["move", "eu-aanvraag-interreg", "in-afweging"],
                          ["move", "eu-aanvraag-interreg", "goedgekeurd", "--decision", "Mandaat adviseur"]] {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            if arguments.contains("goedgekeurd") {
                #expect(result.standardOutput.contains("Let op: de laatste afweging zegt nader bekijken; het jaarverslag noemt deze goedkeuring, met het besluit."),
                        "\(result.standardOutput)")
            }
        }
        let approved = try run(["move", "eu-aanvraag-interreg", "gepland"])
        #expect(!approved.standardOutput.contains("Let op"), "planning what was approved is no new approval: \(approved.standardOutput)")
        var after = try run(["report", "--year", "2026"]).standardOutput
        #expect(after.contains(unweighed), "weighed first, the application is not among them: \(after)")
        // A visit logged afterwards with the decision that approved it was approved without a weighing too; one without a
        // decision is among those charged without one.
        #expect(try run(["log-visit", "--relation", "pivot-park", "--date", "20-11-2026", "--direction", "uitgaand", "--country", "Duitsland",
                         "--delegation", "Aken", "--cost", "50"]).status == 0)
        #expect(try run(["report", "--year", "2026"]).standardOutput.contains(unweighed))
        #expect(try run(["log-visit", "--relation", "pivot-park", "--date", "21-11-2026", "--direction", "uitgaand", "--country", "Duitsland",
                         "--delegation", "Keulen", "--cost", "50", "--decision", "Mandaat wethouder"]).status == 0)
        after = try run(["report", "--year", "2026"]).standardOutput
        #expect(after.contains("- 6 activiteiten goedgekeurd zonder eerst te zijn afgewogen tegen het Kader: "), "\(after)")
        #expect(after.contains("- Goedgekeurd in 2026 terwijl de laatste afweging \"nader bekijken\" was: EU-aanvraag Interreg (besluit: Mandaat adviseur)."),
                "\(after)")
    }

    @Test("the summary names the year's activities over without a recorded outcome, which 'Wat komt' leaves out; it says how many of what it leaves out are overdue")
    func pastWithoutOutcome() throws {
        for arguments in [["add-activity", "--title", "Beurs in Lyon", "--kind", "beurs", "--relation", "bom", "--date", "2-11-2026", "--end-date", "4-11-2026",
                           "--status", "gepland", "--decision", "Besluit B&W"],
                          ["add-activity", "--title", "Idee Keulen", "--kind", "beurs", "--date", "10-11-2026"],
                          ["add-activity", "--title", "Later", "--kind", "beurs", "--date", "10-12-2026", "--status", "gepland", "--decision", "B&W"],
                          ["add-activity", "--title", "Oude missie", "--kind", "handelsmissie", "--date", "10-12-2025", "--status", "gepland", "--decision", "B&W"]]
            + (1...8).map({ ["add-follow-up", "campusbeurs-han", "--what", "Taak \($0)", "--due", "1-10-2026"] }) {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let report = try run(["report", "--year", "2026"]).standardOutput
        #expect(report.contains("- 3 activiteiten voorbij zonder vastgelegde afloop (1 uit een eerder jaar, die verderop niet terugkomt; dossier due noemt haar): Oude missie (10-12-2025, gepland); "
                                + "Beurs in Lyon (2-11-2026 t/m 4-11-2026, gepland); Idee Keulen (10-11-2026, idee)."), "this year's also names last year's: \(report)")
        #expect(try run(["report", "--year", "2025"]).standardOutput.contains("- 1 activiteit voorbij zonder vastgelegde afloop: Oude missie (10-12-2025, gepland)."))
        let coming = try #require(report.split(separator: "\n").first { $0.contains("Wat komt") })
        #expect(!coming.contains("Beurs in Lyon") && !coming.contains("Idee Keulen"), "over, so not coming; the line above names them: \(coming)")
        #expect(coming.contains(" (waarvan 2 verlopen) tot en met 22-11-2027."), "\(coming)")
        #expect(try run(["move", "beurs-in-lyon", "uitgevoerd"]).status == 0)
        #expect(try run(["report", "--year", "2026"]).standardOutput.contains("- 2 activiteiten voorbij zonder vastgelegde afloop (1 uit een eerder jaar, die verderop niet terugkomt; dossier due noemt haar): Oude missie (10-12-2025, gepland); Idee Keulen (10-11-2026, idee)."))
    }

    @Test("'Wat komt' names an overdue review of a relation before overdue to-dos, however many and however old")
    func overdueReviewBeforeToDos() throws {
        #expect(try run(["add-activity", "--title", "Beurs 2031", "--kind", "beurs", "--relation", "bom", "--date", "15-6-2031"]).status == 0)
        for number in 1...8 {
            let added = try run(["add-follow-up", "campusbeurs-han", "--what", "Taak \(number)", "--due", "1-3-2029"])
            #expect(added.status == 0, "\(added.standardError)")
        }
        let later = environment.merging(["DOSSIER_NOW": "2032-01-10T09:00:00Z"]) { $1 }
        let report = try runner.run(["report", "--year", "2031", "--store", storePath], environment: later).standardOutput
        let coming = try #require(report.split(separator: "\n").first { $0.contains("Wat komt") })
        #expect(coming.contains("31-12-2030 (verlopen): Herijking Taizhou (laag pitje)"), "\(coming)")
        #expect(coming.contains("1-3-2029 (verlopen): Taak 1"), "the oldest to-dos fill what is left: \(coming)")
    }
}
