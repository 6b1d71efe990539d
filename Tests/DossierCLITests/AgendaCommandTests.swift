import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `dossier agenda` and the look-ahead that `dossier due` shares with the signals.
extension ExchangeTests {
    @Test("dossier agenda: from today by default, grouped by month and week, overdue first; --from looks back; --json")
    func agenda() throws {
        try addYear()
        _ = try run(["add-follow-up", "delegatie-uit-medicon-valley-alliance-2026-03-12", "--what", "Offerte opvragen", "--due", "1-11-2026"])
        let text = try run(["agenda"])
        #expect(text.status == 0, "\(text.standardError)")
        let lines = text.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headings = lines.filter { !$0.hasPrefix("    ") && !$0.isEmpty }
        #expect(headings == ["Agenda vanaf 22-11-2026", "Verlopen", "December 2026", "  week 49 · 30 nov – 6 dec", "  week 50 · 7 dec – 13 dec",
                             "December 2030", "  week 1 van 2031 · 30 dec – 5 jan"], "\(text.standardOutput)")
        let overdue = try #require(lines.firstIndex(of: "Verlopen"))
        #expect(lines[(overdue + 1)...].prefix { $0.hasPrefix("    ") }.contains { $0.contains("zo 1-11-2026") && $0.contains("Offerte opvragen") },
                "under Verlopen: \(text.standardOutput)")
        #expect(!text.standardOutput.contains("Missie naar Hamburg"), "the past is left out by default")
        let back = try run(["agenda", "--from", "1-9-2026", "--to", "30-9-2026"]).standardOutput
        // A period's end on the line under its start, in the date column, which stays as wide as one date.
        let backLines = back.split(separator: "\n").map(String.init)
        let hamburg = try #require(backLines.firstIndex { $0.hasPrefix("    ma 14-9-2026 ") && $0.contains("Missie naar Hamburg, UNESCO-conferentie") }, "\(back)")
        #expect(backLines[hamburg + 1] == "    t/m wo 16-9-2026", "\(back)")
        #expect(backLines[hamburg].dropFirst(4).hasPrefix("ma 14-9-2026      "), "DATUM as wide as 't/m wo 16-9-2026': \(backLines[hamburg])")
        #expect(!back.contains("Verlopen"), "a period in the past shows no overdue block")
        let json = try run(["agenda", "--json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(items.map { $0["type"] as? String } == ["vervolgactie", "vervolgactie", "activiteit", "herijking", "herijking"])
        #expect(items[0]["overdue"] as? Bool == true && items[0]["date"] as? String == "2026-11-01")
        #expect(items[0]["number"] as? Int == (items[0]["index"] as? Int).map { $0 + 1 }, "what done takes: \(items[0])")
        #expect(items[2]["week"] as? String == "2026-W50" && items[2]["status"] as? String == "goedgekeurd")
    }

    @Test("dossier agenda refuses --from after --to (and --to before today alone) with a clear message, exit 64", arguments: [
        (["--from", "1-1-2027", "--to", "1-1-2026"], "--from 1-1-2027 ligt na --to 1-1-2026"),
        (["--to", "1-1-2026"], "--to 1-1-2026 ligt vóór vandaag (22-11-2026); geef ook --from"),
        (["--from", "31-2-2026"], "--from: '31-2-2026' bestaat niet"),
    ])
    func agendaRefusals(arguments: [String], message: String) throws {
        let result = try run(["agenda"] + arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("dossier due looks ahead as far as the signals: 60 days unless the configuration or --within says otherwise")
    func dueLookAhead() throws {
        try addYear()
        _ = try run(["add-follow-up", "handelsmissie-rhone-alpes", "--what", "Evaluatie", "--due", "15-1-2027"])
        #expect(try run(["due"]).standardOutput.contains("Evaluatie"), "54 days ahead: within the default 60")
        #expect(!(try run(["due", "--within", "30"]).standardOutput.contains("Evaluatie")))
        let short = try runner.run(["due", "--store", storePath], environment: environment.merging(["DOSSIER_LOOK_AHEAD": "30"]) { $1 })
        #expect(!short.standardOutput.contains("Evaluatie"), "\(short.standardOutput)")
        let bad = try runner.run(["due", "--store", storePath], environment: environment.merging(["DOSSIER_LOOK_AHEAD": "veel"]) { $1 })
        #expect(bad.status != 0 && bad.standardError.contains("DOSSIER_LOOK_AHEAD"))
    }
}

extension ExchangeTests {
    @Test("a follow-up of a cancelled visit stays open, with the cancellation beside it in due, the agenda and the calendar; the step says it is open")
    func followUpOfCancelledVisit() throws {
        let added = try run(["log-visit", "--relation", "bom", "--date", "20-12-2026", "--direction", "inkomend", "--delegation", "Medicon",
                             "--follow-up", "Hotel afzeggen @ 1-12-2026", "--follow-up", "Bedankbrief @ 8-1-2027"])
        #expect(added.status == 0, "\(added.standardError)")
        let id = "delegatie-uit-medicon-2026-12-20"
        _ = try run(["done", id, "2"])
        let moved = try run(["move", id, "geannuleerd", "--reason", "Afgezegd"])
        #expect(moved.status == 0, "\(moved.standardError)")
        #expect(moved.standardOutput.contains("Nog open: 1 vervolgactie (Hotel afzeggen); vink af wat niet meer hoeft ("), "\(moved.standardOutput)")
        #expect(moved.standardOutput.contains(" done \(id) 1)."), "\(moved.standardOutput)")
        let due = try run(["due"]).standardOutput
        #expect(due.contains("Hotel afzeggen") && due.contains("Delegatie uit Medicon (geannuleerd)"), "\(due)")
        let agenda = try run(["agenda", "--json"]).standardOutput
        #expect(agenda.contains(#""context": "Delegatie uit Medicon (geannuleerd)""#), "\(agenda)")
        let calendar = try run(["export", "--format", "ics"]).standardOutput
        #expect(calendar.contains("DESCRIPTION:Vervolgactie bij Delegatie uit Medicon (geannuleerd)"), "\(calendar)")
        // A visit moved later: its follow-ups that came after it and now fall before it are named.
        let lyon = try run(["log-visit", "--relation", "bom", "--date", "15-3-2027", "--end-date", "19-3-2027", "--direction", "inkomend",
                            "--delegation", "Lyon", "--follow-up", "Bedankbrief @ 26-3-2027", "--follow-up", "Verslag @ 1-6-2027"])
        #expect(lyon.status == 0, "\(lyon.standardError)")
        let later = try run(["edit", "delegatie-uit-lyon-2027-03-15", "--start-date", "12-4-2027", "--end-date", "16-4-2027"])
        #expect(later.standardOutput.contains("Let op: de open vervolgactie Bedankbrief (vóór 26-3-2027) valt nu vóór de nieuwe begindatum (12-4-2027)"),
                "\(later.standardOutput)")
        // Carried out, it is not said.
        let other = try run(["move", "missie-lyon", "afgewezen", "--reason", "Geen budget"])
        #expect(!other.standardOutput.contains("Nog open"), "no follow-ups open: \(other.standardOutput)")
    }
}

extension ExchangeTests {
    @Test("person finds every field that names someone, accents and case aside, and the logged changes that do, for a request to see one's data")
    func personForAnAccessRequest() throws {
        #expect(try run(["add-contact", "bom", "--name", "Jana Novakova", "--email", "jana@ostrava.cz", "--notes", "Belt op dinsdag"]).status == 0)
        #expect(try run(["log-visit", "--relation", "bom", "--date", "20-12-2026", "--direction", "inkomend", "--delegation", "Ostrava",
                         "--led-by", "Jana Nováková", "--follow-up", "Bedankbrief aan Jana @ 8-1-2027"]).status == 0)
        let found = try run(["person", "jana novakova"])
        #expect(found.status == 0, "\(found.standardError)")
        #expect(found.standardOutput.contains("BOM (bom) — contactpersoon: Jana Novakova"), "\(found.standardOutput)")
        #expect(found.standardOutput.contains("— geleid door: Jana Nováková"), "accents aside: \(found.standardOutput)")
        #expect(found.standardOutput.contains("In het logboek: 2 wijzigingen ("), "\(found.standardOutput)")
        #expect(found.standardOutput.contains("In de back-ups: er zijn er (nog) geen."), "not 'geen van de 0': \(found.standardOutput)")
        let json = try run(["person", "jana@ostrava.cz", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let places = try #require(object["places"] as? [[String: Any]])
        #expect(places.map { $0["field"] as? String } == ["e-mail van Jana Novakova"], "\(json.standardOutput)")
        #expect((object["log"] as? [Int])?.count == 1)
        #expect(try run(["person", "ja"]).status == 64, "too little to search for")
        // Part of a name in a script whose vowel signs join the letter before them: found, as a part of a Latin name is.
        #expect(try run(["add-contact", "bom", "--name", "रामानंद शर्मा"]).status == 0)
        #expect(try run(["add-contact", "bom", "--name", "สมชาย กำแพงเพชร"]).status == 0)
        #expect(try run(["person", "शर्म"]).standardOutput.contains("contactpersoon: रामानंद शर्मा"))
        #expect(try run(["person", "สมชาย ก"]).standardOutput.contains("contactpersoon: สมชาย กำแพงเพชร"))
    }
}
