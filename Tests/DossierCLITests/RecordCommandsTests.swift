import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Keeping records on the command line: relations, activities, contacts, follow-ups and links added, edited
/// and removed; names instead of ids; every refusal says what is wrong, names the field and writes nothing.
@Suite("Keeping records on the command line")
struct RecordCommandsTests {
    let scratch: ScratchStore
    var directory: TemporaryDirectory { scratch.directory }

    init() throws {
        scratch = try ScratchStore()
    }

    func run(_ arguments: [String]) throws -> ProgramRunner.Result {
        try scratch.run(arguments)
    }

    func stored() throws -> Dossier {
        try scratch.load()
    }

    @Test("add-activity reads its title and notes as every text field reads them: trimmed, so an export and import leaves them as they are")
    func activityTextsTrimmed() throws {
        let added = try run(["add-activity", "--title", " Beurs Hannover ", "--kind", "beurs", "--notes", "  met BOM  "])
        #expect(added.status == 0, "\(added.standardError)")
        let activity = try #require(try stored().activity("beurs-hannover"))
        #expect(activity.title == "Beurs Hannover" && activity.notes == "met BOM")
        let blank = try run(["add-activity", "--title", "   ", "--kind", "beurs"])
        #expect(blank.status == 64 && blank.standardError.contains("--title: dit veld is verplicht"), "\(blank.standardError)")
    }

    @Test("add-activity takes the entrepreneurs, as log-visit does: the weighing then does not ask for them")
    func activityWithEntrepreneurs() throws {
        let added = try run(["add-activity", "--title", "Beurs CPHI Milaan", "--kind", "beurs", "--sector", "farma", "--date", "10-10-2028",
                             "--entrepreneurs", "Organon, Jan de Vries (Synthon)", "--entrepreneurs", "\"Smit, Piet\""])
        #expect(added.status == 0, "\(added.standardError)")
        let activity = try #require(try stored().activity("beurs-cphi-milaan"))
        #expect(activity.participants.map(\.name) == ["Organon", "Jan de Vries", "Smit, Piet"], "\(activity.participants)")
        #expect(activity.participants.allSatisfy { $0.role == .ondernemer } && activity.participants[1].organisation == "Synthon")
        let explained = try run(["assess", "beurs-cphi-milaan", "--explain"])
        #expect(!explained.standardOutput.contains("Ondernemers onder de deelnemers"), "\(explained.standardOutput)")
    }

    /// Runs the command a likely double's warning ends with, as a script would (no terminal to confirm on).
    func runHint(in warned: ProgramRunner.Result) throws {
        let line = try #require(warned.standardError.split(separator: "\n").last)
        let hint = try #require(line.range(of: "? dossier ").map { line[$0.upperBound...] })
        let ran = try ProgramRunner(executable: "/bin/sh").run(["-c", "exec \"$0\" " + hint, ProgramRunner.builtBinary("dossier")],
                                                               environment: scratch.environment)
        #expect(ran.status == 0, "\(hint): \(ran.standardError)")
    }

    /// The files as they are, to show that a refusal wrote nothing.
    func files() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in ["dossier.json", "dossier.json.journal"] { files[name] = try? directory.read(name) }
        return files
    }

    /// Runs a command that must be refused: its exit code, stderr contains every expected text, nothing written.
    func expectRefusal(_ arguments: [String], status: Int32, _ expected: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = files()
        let result = try run(arguments)
        #expect(result.status == status, "\(arguments): \(result.standardError)", sourceLocation: sourceLocation)
        for text in expected {
            #expect(result.standardError.contains(text), "missing '\(text)' in: \(result.standardError)", sourceLocation: sourceLocation)
        }
        let unchanged = files() == before
        #expect(unchanged, "\(arguments) wrote something", sourceLocation: sourceLocation)
    }

    @Test("add-relation: the id from the name, countries by Dutch name, Europe derived; the log says it")
    func addRelation() throws {
        let result = try run(["add-relation", "--name", "Medicon Valley", "--kind", "regio", "--country", "Denemarken", "--country", "zweden",
                              "--places", "Kopenhagen, Lund", "--sectors", "farma", "--via", "pivot park", "--source", "Economic Board"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "Relatie toegevoegd: Medicon Valley [Verkennen] (medicon-valley)\n")
        let relation = try #require(try stored().relation("medicon-valley"))
        #expect(relation.countries.map(\.code) == ["DK", "SE"] && !relation.isOutsideEurope)
        #expect(relation.places == ["Kopenhagen", "Lund"] && relation.sectors == [.farma] && relation.via == "pivot-park")
        #expect(try run(["log", "Medicon Valley"]).standardOutput.contains("Relatie toegevoegd: Medicon Valley"))
        // A new contact in China: the Kader's laag pitje for China and Vietnam is said at once, not first at an activity.
        let china = try run(["add-relation", "--name", "Taizhou Medical City", "--kind", "regio", "--country", "China"])
        #expect(china.standardOutput.contains("Let op: het Kader zet de relaties met China en Vietnam op een laag pitje, dus ook nieuwe "
                                              + "contacten in China: een activiteit met Taizhou Medical City weegt negatief"), "\(china.standardOutput)")
        let onLaagPitje = try run(["add-relation", "--name", "Hanoi", "--kind", "regio", "--country", "Vietnam", "--status", "laag-pitje",
                                   "--review-date", "1-1-2028"])
        #expect(onLaagPitje.status == 0 && !onLaagPitje.standardOutput.contains("Let op"), "\(onLaagPitje.standardOutput) \(onLaagPitje.standardError)")
    }

    /// The question and the message said only the relation; its people went with it unsaid.
    @Test("delete of a relation says the contacts and links that go with it, and the log keeps that; undo puts them back")
    func deleteSaysWhatGoesWithIt() throws {
        #expect(try run(["add-relation", "--name", "Câmara Municipal de São Paulo", "--kind", "overheid", "--country", "BR"]).status == 0)
        for name in ["Maria da Conceição Sá", "Bruno Ribeiro"] {
            #expect(try run(["add-contact", "camara-municipal-de-sao-paulo", "--name", name]).status == 0)
        }
        #expect(try run(["add-link", "camara-municipal-de-sao-paulo", "--url", "https://www.saopaulo.sp.leg.br", "--label", "Website"]).status == 0)
        let deleted = try run(["delete", "Câmara Municipal de São Paulo", "--yes"])
        #expect(deleted.standardOutput == "Relatie verwijderd: Câmara Municipal de São Paulo, met 2 contactpersonen en 1 link\n", "\(deleted.standardOutput)\(deleted.standardError)")
        #expect(try run(["log"]).standardOutput.contains("Relatie verwijderd: Câmara Municipal de São Paulo, met 2 contactpersonen en 1 link"))
        #expect(try run(["undo", "--yes"]).status == 0)
        #expect(try stored().relation("camara-municipal-de-sao-paulo")?.contacts.count == 2)
    }

    @Test("add-relation refusals: a duplicate name (case and accents blind), an unknown country, an unknown via; nothing written")
    func addRelationRefusals() throws {
        try expectRefusal(["add-relation", "--name", "RHONE alpes", "--kind", "regio"], status: 65,
                          "er is al een relatie met de naam Rhône-Alpes (rhone-alpes); kies een andere naam")
        try expectRefusal(["add-relation", "--name", "Kopenhagen", "--kind", "regio", "--country", "Denemarkn"], status: 64,
                          "--country: 'Denemarkn'", "Denemarken")
        try expectRefusal(["add-relation", "--name", "Kopenhagen", "--kind", "stadje"], status: 64, "--kind: onbekende soort relatie 'stadje'")
        try expectRefusal(["add-relation", "--name", "Kopenhagen", "--kind", "regio", "--via", "narnia"], status: 65, "--via: onbekende relatie 'narnia'")
    }

    @Test("edit: a relation by name, only the named fields change, the log and the output say old → new")
    func editRelation() throws {
        let result = try run(["edit", "rhone alpes", "--country", "Frankrijk, Zwitserland", "--notes", "Farmaregio", "--places", "Lyon"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            Relatie bewerkt: Rhône-Alpes
              Land: Frankrijk → Frankrijk, Zwitserland
              Plaatsen: Lyon, Grenoble → Lyon
              Toelichting: – → Farmaregio

            """)
        let relation = try #require(try stored().relation("rhone-alpes"))
        #expect(relation.countries.map(\.code) == ["FR", "CH"] && relation.places == ["Lyon"] && relation.institutes == ["INSERM", "CNRS"])
        let log = try run(["log", "Rhône-Alpes"]).standardOutput
        #expect(log.contains("Relatie bewerkt: Rhône-Alpes") && log.contains("Land: Frankrijk → Frankrijk, Zwitserland"), "\(log)")
        let json = try run(["log", "rhone-alpes", "--json"]).standardOutput
        #expect(json.contains(#""field": "countries""#) || json.contains(#""field":"countries""#), "\(json)")
        let again = try run(["edit", "rhone-alpes", "--places", "Lyon"])
        #expect(again.standardOutput == "Niets gewijzigd: Rhône-Alpes had die waarden al.\n")
    }

    @Test("edit: an activity's amounts, dates and relations by name; refusals name the field and write nothing")
    func editActivity() throws {
        let result = try run(["edit", "Handelsmissie Lyon", "--estimated-cost", "3.000", "--start-date", "12-4-2027", "--relations", "Rhône-Alpes, BOM"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Geraamde kosten: € 2.500,00 → € 3.000,00"))
        #expect(result.standardOutput.contains("Begindatum: 10-3-2027 → 12-4-2027"))
        let activity = try #require(try stored().activity("missie-lyon"))
        #expect(activity.estimatedCost == Money(euros: 3000) && activity.relations == ["rhone-alpes", "bom"])
        try expectRefusal(["edit", "missie-lyon", "--status", "uitgevoerd"], status: 64, "--status: de status van een activiteit verandert langs de levenscyclus: dossier move")
        try expectRefusal(["edit", "missie-lyon", "--colour", "rood"], status: 64, "onbekend veld --colour van een activiteit; bekend: --title")
        // A field the word is part of, or the nearest spelling: named first, before the whole list.
        try expectRefusal(["edit", "missie-lyon", "--cost", "5"], status: 64,
                          "onbekend veld --cost van een activiteit; bedoelde u --estimated-cost of --actual-cost? Bekend: --title")
        try expectRefusal(["edit", "missie-lyon", "--start", "1-5-2027"], status: 64, "bedoelde u --start-date?")
        try expectRefusal(["edit", "missie-lyon", "--titel", "X"], status: 64, "bedoelde u --title?")
        try expectRefusal(["edit", "missie-lyon", "--kosten", "5"], status: 64, "bedoelde u --estimated-cost of --actual-cost?")
        try expectRefusal(["edit", "missie-lyon", "--entrepreneurs", "Jan"], status: 64, "bedoelde u --ondernemers?")
        try expectRefusal(["edit", "missie-lyon", "--costs", "5"], status: 64, "bedoelde u --estimated-cost of --actual-cost?")
        try expectRefusal(["edit", "missie-lyon", "--end-date", "31-2-2027"], status: 64, "--end-date: '31-2-2027' bestaat niet")
        try expectRefusal(["edit", "missie-lyon", "--end-date", "1-1-2027"], status: 65, "de einddatum (1-1-2027) ligt voor de begindatum (12-4-2027)")
        try expectRefusal(["edit", "missie-lyon", "--relations", "narnia"], status: 65, "--relations: onbekende relatie 'narnia'")
        try expectRefusal(["edit", "missie-lyon"], status: 64, "noem minstens één veld")
    }

    @Test("delete: asks on a terminal, needs --yes otherwise; a relation with activities is refused with the reason")
    func delete() throws {
        try expectRefusal(["delete", "Rhône-Alpes", "--yes"], status: 65,
                          "Rhône-Alpes is gekoppeld aan 2 activiteiten: 'Handelsmissie Lyon', 'Delegatie uit Lyon'")
        try expectRefusal(["delete", "missie-lyon"], status: 64, "bevestig met --yes")
        let byTitle = try run(["delete", "handelsmissie lyon", "--yes"])
        #expect(byTitle.status == 0, "\(byTitle.standardError)")
        #expect(byTitle.standardOutput == "Activiteit verwijderd: Handelsmissie Lyon\n")
        #expect(try stored().activity("missie-lyon") == nil)
    }

    @Test("contacts: added with e-mail, phone and the gesprekspartner mark, edited and removed by name")
    func contacts() throws {
        let added = try run(["add-contact", "Pivot Park", "--name", "Eva de Wit", "--role", "communicatie", "--email", "e.dewit@pivotpark.nl",
                             "--phone", "0412 123 456", "--gesprekspartner"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput == "Contactpersoon toegevoegd bij Pivot Park: Eva de Wit (eva-de-wit)\n")
        let contact = try #require(try stored().relation("pivot-park")?.contacts.last)
        #expect(contact == Contact(id: "eva-de-wit", name: "Eva de Wit", role: "communicatie", email: "e.dewit@pivotpark.nl",
                                   phone: "0412 123 456", consultedForFramework: true))
        let edited = try run(["edit-contact", "pivot-park", "eva de wit", "--phone", "+31 412 654 321", "--gesprekspartner", "nee"])
        #expect(edited.standardOutput.contains("Telefoon: 0412 123 456 → +31 412 654 321"), "\(edited.standardOutput)\(edited.standardError)")
        #expect(edited.standardOutput.contains("Gesprekspartner: ja → nee"))
        #expect(try run(["export", "--format", "csv", "--what", "contacts"]).standardOutput.contains("+31 412 654 321"))
        let removed = try run(["remove-contact", "Pivot Park", "Eva de Wit", "--yes"])
        #expect(removed.standardOutput == "Contactpersoon verwijderd bij Pivot Park: Eva de Wit\n")
        #expect(try stored().relation("pivot-park")?.contacts.map(\.id) == ["britta-driessen"])
    }

    @Test("the municipality's own contacts: 'gemeente' (or 'Gemeente Oss') added to, edited, shown, undone and removed like a relation's")
    func ownContacts() throws {
        let added = try run(["add-contact", "gemeente", "--name", "Anne Verhoeven", "--role", "wethouder economie", "--email", "a.verhoeven@oss.nl",
                             "--gesprekspartner"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput == "Contactpersoon toegevoegd bij Gemeente Oss: Anne Verhoeven (anne-verhoeven)\n")
        #expect(try stored().ownContact("anne-verhoeven") == Contact(id: "anne-verhoeven", name: "Anne Verhoeven", role: "wethouder economie",
                                                                      email: "a.verhoeven@oss.nl", consultedForFramework: true))
        let edited = try run(["edit-contact", "Gemeente Oss", "anne verhoeven", "--phone", "0412 629 111"])
        #expect(edited.standardOutput == "Contactpersoon bewerkt bij Gemeente Oss: Anne Verhoeven — Telefoon: – → 0412 629 111\n",
                "\(edited.standardOutput)\(edited.standardError)")
        let shown = try run(["show", "gemeente"])
        #expect(shown.standardOutput.hasPrefix("Gemeente Oss  (gemeente)\n"), "\(shown.standardOutput)")
        #expect(shown.standardOutput.contains("Frank den Brok") && shown.standardOutput.contains("0412 629 111"))
        let json = try JSONSerialization.jsonObject(with: Data(try run(["show", "gemeente", "--json"]).standardOutput.utf8)) as? [String: Any]
        #expect((json?["contacts"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["frank-den-brok", "anne-verhoeven"])
        #expect(try run(["export", "--format", "csv", "--what", "gesprekspartners"]).standardOutput.contains("Anne Verhoeven"))

        let undone = try run(["undo", "--yes"])
        #expect(undone.standardOutput == "Ongedaan gemaakt: Gemeente Oss: contactpersoon Anne Verhoeven, telefoon 0412 629 111 → –\n",
                "\(undone.standardOutput)\(undone.standardError)")
        #expect(try stored().ownContact("anne-verhoeven")?.phone == "")
        let log = try run(["log", "Gemeente Oss"])
        #expect(log.standardOutput.contains("Contactpersoon toegevoegd bij Gemeente Oss: Anne Verhoeven"), "\(log.standardOutput)\(log.standardError)")

        let unknown = try run(["edit-contact", "gemeente", "Piet", "--role", "x"])
        #expect(unknown.status == 65)
        #expect(unknown.standardError.contains("Gemeente Oss heeft geen contactpersoon 'Piet'"), "\(unknown.standardError)")
        let removed = try run(["remove-contact", "gemeente", "anne-verhoeven", "--yes"])
        #expect(removed.standardOutput == "Contactpersoon verwijderd bij Gemeente Oss: Anne Verhoeven\n", "\(removed.standardError)")
        #expect(try stored().internalContacts.map(\.id) == ["frank-den-brok"])
    }

    @Test("a contact, an open follow-up or a visit that probably doubles one is saved with a warning that says which and how to undo it, as a command a script can run")
    func likelyDoubles() throws {
        let first = try run(["add-contact", "pivot-park", "--name", "Eva de Wit"])
        #expect(first.standardError.isEmpty, "\(first.standardError)")
        let second = try run(["add-contact", "pivot-park", "--name", "eva de wit"])
        #expect(second.status == 0)
        #expect(second.standardError == "dossier: let op: Pivot Park had al een contactpersoon Eva de Wit (eva-de-wit); dezelfde? "
                + "dossier --store '\(scratch.path)' remove-contact pivot-park eva-de-wit-2 --yes\n", "\(second.standardError)")
        try runHint(in: second)
        #expect(try stored().relation("pivot-park")?.contacts.filter { $0.id.hasPrefix("eva-de-wit") }.count == 1)

        for _ in 0..<2 { _ = try run(["add-follow-up", "missie-lyon", "--what", "Verslag naar B&W", "--due", "1-4-2027"]) }
        let third = try run(["add-follow-up", "missie-lyon", "--what", "Verslag naar B&W", "--due", "1-5-2027"])
        #expect(third.standardError.isEmpty, "another due date is another follow-up: \(third.standardError)")
        let count = try #require(try stored().activity("missie-lyon")?.followUps.count)
        let again = try run(["add-follow-up", "missie-lyon", "--what", "verslag naar b&w", "--due", "2027-04-01"])
        #expect(again.standardError == "dossier: let op: verslag naar b&w stond al open bij Handelsmissie Lyon (nummer \(count - 2)); dezelfde? "
                + "dossier --store '\(scratch.path)' remove-follow-up missie-lyon \(count + 1) --yes\n", "\(again.standardError)")
        try runHint(in: again)
        #expect(try stored().activity("missie-lyon")?.followUps.count == count)

        let visit = ["log-visit", "--relation", "taizhou", "--date", "15-6-2027", "--direction", "inkomend", "--delegation", "Taizhou"]
        #expect(try run(visit).standardError.isEmpty)
        let twice = try run(visit)
        #expect(twice.status == 0)
        #expect(twice.standardError.hasPrefix("dossier: let op: er was al een bezoek met deze titel op 15-6-2027 "
                                              + "(delegatie-uit-taizhou-2027-06-15); per ongeluk twee keer? dossier --store '\(scratch.path)' delete "
                                              + "delegatie-uit-taizhou-2027-06-15-2 --yes\n"),
                "\(twice.standardError)")
        try runHint(in: twice)
        #expect(try stored().activity("delegatie-uit-taizhou-2027-06-15-2") == nil)
    }

    @Test("a due date already past is saved with a warning (most often a mistyped year); on a done follow-up or a later date nothing is said")
    func pastDueDate() throws {
        // The scratch store's today is 22-11-2026.
        let late = try run(["add-follow-up", "missie-lyon", "--what", "Verslag", "--due", "1-11-2025"])
        #expect(late.status == 0)
        let number = try #require(try stored().activity("missie-lyon")?.followUps.count)
        #expect(late.standardError == "dossier: let op: de streefdatum 1-11-2025 ligt al in het verleden; anders bedoeld? "
                + "dossier --store '\(scratch.path)' edit-follow-up missie-lyon \(number) --due …\n", "\(late.standardError)")
        #expect(try stored().activity("missie-lyon")?.followUps.last?.due == Fixtures.date("2025-11-01"), "saved as typed")
        #expect(try run(["edit-follow-up", "missie-lyon", String(number), "--due", "1-11-2027"]).standardError.isEmpty)
        #expect(try run(["add-follow-up", "missie-lyon", "--what", "Bellen", "--due", "22-11-2026"]).standardError.isEmpty, "today is not past")
        let edited = try run(["edit-follow-up", "missie-lyon", String(number), "--due", "21-11-2026"])
        #expect(edited.standardError == "dossier: let op: de streefdatum 21-11-2026 ligt al in het verleden\n", "\(edited.standardError)")
        _ = try run(["done", "missie-lyon", String(number)])
        #expect(try run(["edit-follow-up", "missie-lyon", String(number), "--due", "1-1-2026"]).standardError.isEmpty, "done: its date is history")
        // The follow-ups a visit is logged with, too.
        let visit = try run(["log-visit", "--relation", "taizhou", "--date", "1-10-2026", "--direction", "inkomend", "--delegation", "Taizhou",
                             "--follow-up", "Verslag naar B&W @ 1-4-2025"])
        #expect(visit.status == 0, "\(visit.standardError)")
        #expect(visit.standardError.contains("dossier: let op: de streefdatum 1-4-2025 van 'Verslag naar B&W' ligt al in het verleden"), "\(visit.standardError)")
    }

    @Test("an activity still to come added with a start date already past is saved with a warning (a mistyped year, or one already held)")
    func pastStartDate() throws {
        let late = try run(["add-activity", "--title", "Beurs Gent", "--kind", "beurs", "--date", "20-11-2026"])
        #expect(late.status == 0)
        #expect(late.standardError.contains("dossier: let op: de begindatum 20-11-2026 ligt al in het verleden, en de activiteit is nog niet goedgekeurd (Idee): zet haar een stap verder"),
                "\(late.standardError)")
        let coming = try run(["add-activity", "--title", "Beurs Brugge", "--kind", "beurs", "--date", "20-11-2027"])
        #expect(coming.status == 0 && !coming.standardError.contains("verleden"), "\(coming.standardError)")
        // Of several days: past only once its last day is (today is 22-11-2026).
        let running = try run(["add-activity", "--title", "Week in Lyon", "--kind", "beurs", "--date", "20-11-2026", "--end-date", "24-11-2026"])
        #expect(running.status == 0 && !running.standardError.contains("verleden"), "under way: \(running.standardError)")
        let over = try run(["add-activity", "--title", "Week in Gent", "--kind", "beurs", "--date", "16-11-2026", "--end-date", "20-11-2026"])
        #expect(over.standardError.contains("dossier: let op: de einddatum 20-11-2026 ligt al in het verleden"), "\(over.standardError)")
    }

    @Test("the cost activities lists is the one the budget and the screen count: the estimate until carried out, then the actual cost")
    func listedCost() throws {
        let early = try run(["edit", "missie-lyon", "--actual-cost", "3.000"])
        #expect(early.status == 0)
        #expect(early.standardOutput.contains("Let op: werkelijke kosten (€ 3.000,00) tellen pas mee als 'Handelsmissie Lyon' is uitgevoerd; "
                                              + "tot dan telt de raming, € 2.500,00."), "\(early.standardOutput)")
        let lines = try run(["activities"]).standardOutput.split(separator: "\n")
        let planned = try #require(lines.first { $0.contains("missie-lyon") && !$0.contains("delegatie") })
        #expect(planned.hasSuffix("€ 2.500,00"), "planned: the estimate, as the budget counts it: \(planned)")
        let done = try #require(lines.first { $0.contains("delegatie-uit-lyon") })
        #expect(done.hasSuffix("€ 450,50"), "carried out: the actual cost: \(done)")
    }

    @Test("add-activity takes the names edit gives its fields, and edit takes a list field in the singular or the plural as the add commands do")
    func oneNamePerField() throws {
        let added = try run(["add-activity", "--title", "Beurs Hannover", "--kind", "beurs", "--start-date", "20-4-2027",
                             "--estimated-cost", "1.500", "--relations", "Rhône-Alpes", "--countries", "Duitsland", "--sectors", "farma"])
        #expect(added.status == 0, "\(added.standardError)")
        let activity = try #require(try stored().activity("beurs-hannover"))
        #expect(activity.startDate == CalendarDate(year: 2027, month: 4, day: 20) && activity.estimatedCost == Money(euros: 1500))
        #expect(activity.relations == ["rhone-alpes"] && activity.countries.map(\.code) == ["DE"] && activity.sectors == [.farma])
        let edited = try run(["edit", "beurs-hannover", "--sector", "agrifood", "--relation", "BOM", "--countries", "Frankrijk"])
        #expect(edited.status == 0, "\(edited.standardError)")
        let after = try #require(try stored().activity("beurs-hannover"))
        #expect(after.sectors == [.agrifood] && after.relations == ["bom"] && after.countries.map(\.code) == ["FR"])
        try expectRefusal(["edit", "beurs-hannover", "--sector", "farma", "--sectors", "agrifood"], status: 64, "--sectors staat er twee keer")
        let relation = try run(["edit", "Rhône-Alpes", "--place", "Lyon", "--company", "Sanofi"])
        #expect(relation.status == 0, "\(relation.standardError)")
        let rhoneAlpes = try #require(try stored().relation("rhone-alpes"))
        #expect(rhoneAlpes.places == ["Lyon"] && rhoneAlpes.companies == ["Sanofi"])
    }

    @Test("a relation whose name is another's but for accents, case and letters of another script is added, and said to be likely the same")
    func likelySameRelation() throws {
        let added = try run(["add-relation", "--name", "Tàizhōu 泰州", "--kind", "vriendschapsrelatie"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardError.contains("let op: er is al een relatie Taizhou (taizhou) met dezelfde naam in Latijnse letters"), "\(added.standardError)")
        let other = try run(["add-relation", "--name", "Taizhou Jiangsu", "--kind", "regio"])
        #expect(!other.standardError.contains("let op"), "another name: \(other.standardError)")
    }

    @Test("undo takes back the last change of the log (asking first, or with --yes), as u does on the screen; once more does it again")
    func undoOnTheCommandLine() throws {
        try expectRefusal(["undo", "--yes"], status: 65, "er is nog geen wijziging in het logboek om ongedaan te maken")
        let before = try #require(try stored().activity("missie-lyon"))
        #expect(try run(["delete", "missie-lyon", "--yes"]).status == 0)
        // Without a terminal to ask on, the refusal says which change it would take back.
        let unasked = try run(["undo"])
        #expect(unasked.status == 64 && unasked.standardError.hasPrefix("dossier: dit maakt wijziging ")
                && unasked.standardError.hasSuffix(" ongedaan ('Activiteit verwijderd: Handelsmissie Lyon'): bevestig met --yes\n"), "\(unasked.standardError)")
        let undone = try run(["undo", "--yes"])
        #expect(undone.standardOutput == "Ongedaan gemaakt: activiteit Handelsmissie Lyon teruggezet\n", "\(undone.standardOutput)\(undone.standardError)")
        #expect(try stored().activity("missie-lyon") == before, "put back whole")
        // An undo taken back makes the change it undid count again, as the refusal says.
        let again = try run(["undo"]).standardError
        #expect(again.hasPrefix("dossier: dit draait wijziging ") && again.hasSuffix(" terug ('Ongedaan gemaakt: activiteit Handelsmissie Lyon teruggezet'), "
                + "zodat de wijziging die het ongedaan maakte weer geldt: bevestig met --yes\n"), "\(again)")
        #expect(try run(["undo", "--yes"]).standardOutput == "Opnieuw gedaan: activiteit Handelsmissie Lyon verwijderd\n", "an undo taken back is done again")
        #expect(try stored().activity("missie-lyon") == nil)
        _ = try run(["undo", "--yes"])
        _ = try run(["set-status", "bom", "focus", "--reason", "Kader"])
        #expect(try run(["undo", "--yes"]).standardOutput.hasPrefix("Ongedaan gemaakt: status BOM Focus → "))
        let log = try run(["log"]).standardOutput
        #expect(log.contains("Ongedaan gemaakt: activiteit Handelsmissie Lyon teruggezet"), "\(log)")
        // An import of two undone: each activity said once, without an empty old value.
        try directory.write("nieuw.csv", "titel;soort;status\nStudiereis Kopenhagen;beurs;idee\nBeurs Milaan;beurs;idee\n")
        #expect(try run(["import", "activities", directory.file("nieuw.csv")]).status == 0)
        #expect(try run(["undo", "--yes"]).status == 0)
        let importLog = try run(["log"]).standardOutput
        #expect(importLog.contains("    activiteit Studiereis Kopenhagen verwijderd\n") && importLog.contains("    activiteit Beurs Milaan verwijderd\n"),
                "\(importLog)")
        #expect(!importLog.contains(":  →"))
        // A colleague's change last: --yes alone does not take it back; with --others it does, and says whose it was.
        #expect(try scratch.run(["edit", "missie-lyon", "--end-date", "2027-03-12"], environment: ["DOSSIER_USER": "bram"]).status == 0)
        try expectRefusal(["undo", "--yes"], status: 64, "is van bram, niet van u; ongedaan maken van andermans wijziging vraagt --others bij --yes")
        let others = try run(["undo", "--yes", "--others"])
        #expect(others.status == 0 && others.standardOutput.hasPrefix("Ongedaan gemaakt: einddatum Handelsmissie Lyon")
                    && others.standardOutput.contains("van bram)\n"), "\(others.standardOutput)\(others.standardError)")
    }

    @Test("near doubles count too (spaces and capitals); a follow-up's text is trimmed; a removal says the later numbers moved; an unknown field is called unknown, also without a value")
    func doublesAndNumbers() throws {
        _ = try run(["add-contact", "pivot-park", "--name", "Eva de Wit"])
        #expect(try run(["add-contact", "pivot-park", "--name", "eva  de wit "]).standardError.contains("Pivot Park had al een contactpersoon Eva de Wit"))
        for what in ["  Bellen ", "Mailen", "Verslag"] { _ = try run(["add-follow-up", "missie-lyon", "--what", what]) }
        let followUps = try #require(try stored().activity("missie-lyon")?.followUps)
        let first = try #require(followUps.firstIndex { $0.text == "Bellen" }, "trimmed: \(followUps.map(\.text))")
        let removed = try run(["remove-follow-up", "missie-lyon", String(first + 1), "--yes"])
        #expect(removed.standardOutput == "Vervolgactie verwijderd bij Handelsmissie Lyon: Bellen (de 2 erna hebben nu elk een nummer lager)\n",
                "\(removed.standardOutput)\(removed.standardError)")
        let unknown = try run(["edit-follow-up", "missie-lyon", "1", "--done"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.hasPrefix("dossier: --done: afvinken doet dossier --store '\(scratch.path)' done missie-lyon 1 (heropenen: met --reopen)"),
                "\(unknown.standardError)")
        // Said whatever the activity holds, the name as typed, quoted for the shell.
        let named = try run(["edit-follow-up", "Delegatie uit Lyon", "7", "--done"])
        #expect(named.status == 64)
        #expect(named.standardError.hasPrefix("dossier: --done: afvinken doet dossier --store '\(scratch.path)' done 'Delegatie uit Lyon' 7"), "\(named.standardError)")
        let other = try run(["edit-follow-up", "missie-lyon", "1", "--colour"])
        #expect(other.standardError.hasPrefix("dossier: onbekend veld --colour van een vervolgactie; bekend: --what, --due, --owner"), "\(other.standardError)")
        #expect(try run(["edit-follow-up", "missie-lyon", "1", "--due"]).standardError.hasPrefix("dossier: --due: geef een waarde (leeg maken: --due \"\")"))
        // A yes/no field has no empty value to offer: what it takes is said.
        #expect(try run(["edit-contact", "pivot-park", "britta-driessen", "--gesprekspartner"]).standardError
            .hasPrefix("dossier: --gesprekspartner: geef ja of nee (--gesprekspartner ja)"))
    }

    @Test("contact refusals: an e-mail without @, a bad phone, a relation or contact that does not exist; nothing written")
    func contactRefusals() throws {
        try expectRefusal(["add-contact", "pivot-park", "--name", "Eva", "--email", "eva.pivotpark.nl"], status: 64,
                          "--email: 'eva.pivotpark.nl' is geen e-mailadres: het @ ontbreekt (zoals naam@organisatie.nl)")
        try expectRefusal(["add-contact", "pivot-park", "--name", "Eva", "--phone", "bel maar"], status: 64,
                          "--phone: 'bel maar' is geen telefoonnummer")
        try expectRefusal(["add-contact", "Pivot Parc", "--name", "Eva"], status: 65, "onbekende relatie 'Pivot Parc'; bedoelde u Pivot Park (pivot-park)?")
        try expectRefusal(["add-contact", "narnia", "--name", "Eva"], status: 65, "onbekende relatie 'narnia'")
        try expectRefusal(["edit-contact", "pivot-park", "eva", "--role", "x"], status: 65,
                          "Pivot Park heeft geen contactpersoon 'eva'; bedoelde u Britta Driessen (britta-driessen)?")
    }

    @Test("follow-ups: added with a Dutch date, ticked off by number or by text, opened again")
    func followUps() throws {
        let added = try run(["add-follow-up", "Handelsmissie Lyon", "--what", "Deelnemers werven", "--due", "1-2-2027", "--owner", "adviseur"])
        #expect(added.standardOutput == "Vervolgactie bij Handelsmissie Lyon: Deelnemers werven (nummer 1)\n", "\(added.standardError)")
        let byText = try run(["done", "missie-lyon", "deelnemers"])
        #expect(byText.standardOutput == "Vervolgactie afgevinkt bij Handelsmissie Lyon: Deelnemers werven\n", "\(byText.standardError)")
        #expect(try stored().activity("missie-lyon")?.followUps.first?.isDone == true)
        // Twice: nothing to change, nothing logged.
        let changes = try DossierStore(path: scratch.path).history().count
        let again = try run(["done", "missie-lyon", "1"])
        #expect(again.status == 0 && again.standardOutput == "Niets gewijzigd: vervolgactie 1 bij Handelsmissie Lyon is al afgevinkt.\n",
                "\(again.standardOutput)\(again.standardError)")
        #expect(try DossierStore(path: scratch.path).history().count == changes)
        let reopened = try run(["done", "missie-lyon", "1", "--reopen"])
        #expect(reopened.standardOutput.hasPrefix("Vervolgactie heropend"))
        try expectRefusal(["done", "missie-lyon", "7"], status: 65, "'Handelsmissie Lyon' heeft geen vervolgactie 7; er zijn: 1. Deelnemers werven")
        try expectRefusal(["done", "delegatie-uit-lyon", "zzz"], status: 65, "heeft geen vervolgactie 'zzz'; bedoelde u 1. Verslag naar de wethouder of 2. Uitnodiging terugbezoek?")
        try expectRefusal(["add-follow-up", "missie-lyon", "--what", "x", "--due", "binnenkort"], status: 64, "--due: 'binnenkort' is geen datum")
    }

    @Test("follow-ups: changed field by field and removed by number or text; nothing changed logs nothing; refusals name the follow-ups")
    func changeAndRemoveFollowUps() throws {
        let edited = try run(["edit-follow-up", "Delegatie uit Lyon", "uitnodiging", "--due", "1-3-2027", "--owner", "Kees"])
        #expect(edited.standardOutput == """
            Vervolgactie bewerkt bij Delegatie uit Lyon: Uitnodiging terugbezoek
              Uiterlijk: – → 1-3-2027
              Wie: – → Kees

            """, "\(edited.standardError)")
        #expect(try stored().activity("delegatie-uit-lyon")?.followUps[1] == FollowUp(text: "Uitnodiging terugbezoek", due: Fixtures.date("2027-03-01"),
                                                                                   owner: "Kees", isDone: true))
        let changes = try DossierStore(path: scratch.path).history().count
        let same = try run(["edit-follow-up", "delegatie-uit-lyon", "2", "--owner", "Kees"])
        #expect(same.status == 0 && same.standardOutput == "Niets gewijzigd: vervolgactie 2 bij Delegatie uit Lyon had die waarden al.\n")
        #expect(try DossierStore(path: scratch.path).history().count == changes)
        let cleared = try run(["edit-follow-up", "delegatie-uit-lyon", "2", "--due", ""])
        #expect(cleared.standardOutput == "Vervolgactie bewerkt bij Delegatie uit Lyon: Uitnodiging terugbezoek — Uiterlijk: 1-3-2027 → –\n", "\(cleared.standardError)")
        try expectRefusal(["edit-follow-up", "delegatie-uit-lyon", "1", "--what", " "], status: 64, "--what")
        try expectRefusal(["edit-follow-up", "delegatie-uit-lyon", "1", "--due", "binnenkort"], status: 64, "'binnenkort' is geen datum")
        try expectRefusal(["edit-follow-up", "delegatie-uit-lyon", "1"], status: 64, "noem minstens één veld")
        try expectRefusal(["edit-follow-up", "delegatie-uit-lyon", "3", "--owner", "x"], status: 65,
                          "'Delegatie uit Lyon' heeft geen vervolgactie 3; er zijn: 1. Verslag naar de wethouder; 2. Uitnodiging terugbezoek")
        // Without a terminal, removing asks for --yes and writes nothing.
        try expectRefusal(["remove-follow-up", "delegatie-uit-lyon", "verslag"], status: 64, "--yes")
        let removed = try run(["remove-follow-up", "delegatie-uit-lyon", "verslag", "--yes"])
        #expect(removed.standardOutput == "Vervolgactie verwijderd bij Delegatie uit Lyon: Verslag naar de wethouder (de vervolgactie erna heeft nu een nummer lager)\n",
                "\(removed.standardError)")
        #expect(try stored().activity("delegatie-uit-lyon")?.followUps.map(\.text) == ["Uitnodiging terugbezoek"])
    }

    @Test("links: a web address or a path on a relation or an activity; a bad address refused")
    func links() throws {
        let url = try run(["add-link", "Handelsmissie Lyon", "--url", "https://www.bom.nl/missie", "--label", "Uitnodiging"])
        #expect(url.standardOutput == "Link toegevoegd bij Handelsmissie Lyon: Uitnodiging (uitnodiging)\n", "\(url.standardError)")
        #expect(url.standardError.isEmpty)
        let again = try run(["add-link", "missie-lyon", "--url", "https://WWW.BOM.NL/missie/", "--label", "Uitnodiging"])
        #expect(again.status == 0)
        #expect(again.standardError == "dossier: let op: Handelsmissie Lyon had al een link naar https://www.bom.nl/missie (Uitnodiging); dezelfde? "
                + "dossier --store '\(scratch.path)' remove-link missie-lyon uitnodiging-2 --yes\n", "\(again.standardError)")
        _ = try run(["remove-link", "missie-lyon", "uitnodiging-2", "--yes"])
        let plain = try run(["add-link", "missie-lyon", "--url", "http://www.bom.nl/missie", "--label", "Oud adres"])
        #expect(plain.standardError.hasPrefix("dossier: let op: Handelsmissie Lyon had al een link naar https://www.bom.nl/missie (Uitnodiging)"),
                "\(plain.standardError)")
        _ = try run(["remove-link", "missie-lyon", "oud-adres", "--yes"])
        let path = try run(["add-link", "taizhou", "--path", "/mnt/gedeeld/besluit B&W.pdf", "--label", "Besluit B&W"])
        #expect(path.status == 0)
        #expect(try stored().relation("taizhou")?.links == [Link(id: "besluit-b-w", label: "Besluit B&W", target: .path("/mnt/gedeeld/besluit B&W.pdf"))])
        #expect(path.standardError.contains("dossier: let op: /mnt/gedeeld/besluit B&W.pdf bestaat (hier) niet; de link is toch vastgelegd"))
        // A relative path is read from where the command runs (here: where the test runs), and stored whole.
        let here = FileManager.default.currentDirectoryPath
        let relative = try run(["add-link", "taizhou", "--path", "./Package.swift", "--label", "Pakket"])
        #expect(relative.status == 0 && relative.standardError.isEmpty, "\(relative.standardError)")
        #expect(try stored().relation("taizhou")?.links.last?.target == .path(FilePath.absolute("Package.swift", from: here)))
        #expect(try stored().relation("taizhou")?.links.last?.target.text.hasPrefix("/") == true)
        try expectRefusal(["add-link", "taizhou", "--url", "www.oss.nl", "--label", "x"], status: 64, "--url: 'www.oss.nl' is geen volledig webadres; bedoelde u https://www.oss.nl?")
        try expectRefusal(["add-link", "taizhou", "--label", "x"], status: 64, "geef óf --url óf --path")
        try expectRefusal(["add-link", "taizhou", "--path", "www.taizhou.gov.cn/en", "--label", "x"], status: 64,
                          "--path: 'www.taizhou.gov.cn/en' is geen bestand hier maar lijkt een webadres; bedoelde u --url https://www.taizhou.gov.cn/en?")
        let removed = try run(["remove-link", "taizhou", "Besluit B&W", "--yes"])
        #expect(removed.standardOutput == "Link verwijderd bij Taizhou: Besluit B&W\n")
        #expect(try stored().relation("taizhou")?.links.map(\.label) == ["Pakket"])
    }

    @Test("names instead of ids everywhere: case and accents blind; unknown and ambiguous names refused with the candidates, exit 65")
    func names() throws {
        #expect(try run(["show", "Taizhou"]).status == 0)
        #expect(try run(["show", "RHONE ALPES"]).standardOutput.contains("Rhône-Alpes"))
        #expect(try run(["activities", "--relation", "rhône-alpes"]).standardOutput.contains("Handelsmissie Lyon"))
        #expect(try run(["set-status", "Rhone-Alpes", "focus", "--reason", "Farma"]).status == 0)
        // Cancelling says why: without --reason it is refused, and the message names the option.
        let unexplained = try run(["move", "handelsmissie lyon", "geannuleerd", "--reason", " "])
        #expect(unexplained.status == 65)
        #expect(unexplained.standardError == "dossier: annuleren vraagt een reden: waarom gaat 'Handelsmissie Lyon' niet door? (geef die met --reason)\n")
        #expect(try stored().activity("missie-lyon")?.status != .geannuleerd)
        #expect(try run(["move", "handelsmissie lyon", "geannuleerd", "--reason", "gaat niet door"]).status == 0)
        #expect(try stored().activity("missie-lyon")?.statusHistory.last?.reason == "gaat niet door")
        let unknown = try run(["show", "Rhone"])
        #expect(unknown.status == 65)
        #expect(unknown.standardError == "dossier: onbekende relatie of activiteit 'Rhone'; bedoelde u relatie Rhône-Alpes (rhone-alpes)?\n")
        // Two activities with the same title: the name is ambiguous, the ids are not.
        #expect(try run(["add-activity", "--title", "Delegatie uit Lyon", "--kind", "beurs"]).status == 0)
        let ambiguous = try run(["show", "delegatie uit lyon"])
        #expect(ambiguous.status == 65)
        #expect(ambiguous.standardError.contains("'delegatie uit lyon' past bij meer dan één relatie of activiteit; bedoelde u"))
        #expect(ambiguous.standardError.contains("delegatie-uit-lyon-2"))
        #expect(try run(["show", "delegatie-uit-lyon-2"]).status == 0)
        try expectRefusal(["add-activity", "--title", "Beurs", "--kind", "beurs", "--relation", "Rhone"], status: 65, "onbekende relatie 'Rhone'")
    }

    @Test("--json on every listing: backups, validate, due and relations (with what the table shows)")
    func jsonEverywhere() throws {
        let relations = try run(["relations", "--json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(relations.standardOutput.utf8)) as? [[String: Any]])
        let rhone = try #require(objects.first { $0["id"] as? String == "rhone-alpes" })
        #expect(rhone["activityCount"] as? Int == 2)
        let next = try #require(rhone["nextDate"] as? [String: Any])
        #expect(next["date"] as? String == "2027-03-10" && next["overdue"] as? Bool == false)
        let due = try #require(try JSONSerialization.jsonObject(with: Data(try run(["due", "--json"]).standardOutput.utf8)) as? [[String: Any]])
        #expect(!due.isEmpty)
        let backups = try run(["backups", "--json"])
        let backupList = try JSONSerialization.jsonObject(with: Data(backups.standardOutput.utf8)) as? [Any]
        #expect(backups.status == 0 && backupList != nil)
        let valid = try #require(try JSONSerialization.jsonObject(with: Data(try run(["validate", "--json"]).standardOutput.utf8)) as? [String: Any])
        #expect(valid["valid"] as? Bool == true && valid["relations"] as? Int == 5)
        try directory.write("kapot.json", #"{"schemaVersion": 2, "title": 3}"#)
        let invalid = try run(["validate", directory.file("kapot.json"), "--json"])
        #expect(invalid.status == 65)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(invalid.standardOutput.utf8)) as? [String: Any])
        #expect(report["valid"] as? Bool == false && (report["problems"] as? [Any])?.count == 1)
    }

    @Test("output to a pipe is never cut: long names and ids whole in every table")
    func pipesAreNotCut() throws {
        let long = "Samenwerkingsverband voor farmaceutische innovatie in de grensregio Rhein-Neckar en omstreken"
        #expect(try run(["add-relation", "--name", long, "--kind", "samenwerkingsverband"]).status == 0)
        let id = Slug.identifier(from: long)
        #expect(try run(["relations"]).standardOutput.contains(long))
        #expect(try run(["relations"]).standardOutput.contains(id))
        #expect(try run(["log"]).standardOutput.contains("Relatie toegevoegd: \(long)"))
    }

    @Test("a CSV import is logged row by row, field by field: old → new")
    func importLoggedPerRow() throws {
        try directory.write("activiteiten.csv", """
            id,titel,soort,geraamde kosten,toelichting\r
            missie-lyon,Handelsmissie Lyon,handelsmissie,3000,\r
            delegatie-uit-lyon,Delegatie uit Lyon,delegatiebezoek,,Verslag volgt\r

            """)
        let imported = try run(["import", "activities", directory.file("activiteiten.csv")])
        #expect(imported.status == 0, "\(imported.standardError)")
        let log = try run(["log", "--json"]).standardOutput
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.utf8)) as? [[String: Any]])
        let details = try #require(entries.last?["details"] as? [String])
        #expect(details.contains("Activiteit bewerkt: Handelsmissie Lyon — Geraamde kosten: € 2.500,00 → € 3.000,00"), "\(details)")
        #expect(details.contains("Activiteit bewerkt: Delegatie uit Lyon — Toelichting: – → Verslag volgt"), "\(details)")
        let table = try run(["log"]).standardOutput
        #expect(table.contains("Geraamde kosten: € 2.500,00 → € 3.000,00"))
    }

    @Test("the shell completions swift-argument-parser generates know the new commands and their options")
    func completions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell): \(script.standardError)")
            for word in ["add-relation", "edit-contact", "add-link", "gesprekspartner"] {
                #expect(script.standardOutput.contains(word), "\(shell) completion lacks \(word)")
            }
        }
    }
}
