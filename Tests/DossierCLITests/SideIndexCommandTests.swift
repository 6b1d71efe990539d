@testable import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The side index from the command line: `generate` and every edit leave it current, and `dossier
/// relations` prints from it exactly what it prints from the whole dossier.
@Suite("Side index on the command line")
struct SideIndexCommandTests {
    /// A dossier made by `dossier generate` (which leaves its side index and activity index).
    func generated(in scratch: ScratchStore, seed: Int, journal: Int, name: String = "groot.json", activities: Int = 400) throws -> String {
        let path = scratch.directory.file(name)
        let made = try scratch.runner.run(["generate", "--relations", "60", "--activities", "\(activities)", "--seed", "\(seed)", "--journal", "\(journal)",
                                           "-o", path], environment: scratch.environment)
        #expect(made.status == 0, "\(made.standardError)")
        return path
    }

    /// Whether the dossier at `path` can take an activity without reading the others (`loadForAddingActivity`).
    func canAddWithoutTheOthers(_ path: String) throws -> Bool {
        try writingStore(path).loadForAddingActivity() != nil
    }

    func writingStore(_ path: String) throws -> DossierStore {
        let store = DossierStore(path: path)
        try store.openForWriting(actor: "tester")
        return store
    }

    /// The command prints, says and exits alike on the dossier with its activity index (`fast`) and on the same one
    /// without (`whole`).
    func expectSame(_ arguments: [String], in scratch: ScratchStore, fast: String, whole: String) throws {
        let (withIndex, withoutIndex) = (try scratch.run(arguments, store: fast), try scratch.run(arguments, store: whole))
        #expect(withIndex.status == 0 && withIndex.status == withoutIndex.status, "\(arguments): \(withIndex.standardError)")
        #expect(withIndex.standardOutput == withoutIndex.standardOutput, "\(arguments)")
        #expect(withIndex.standardError == withoutIndex.standardError, "\(arguments)")
    }

    /// The command's output with the cache at `cache` beside the dossier, and with it put aside (the whole dossier read).
    func withAndWithout(_ cache: String, _ arguments: [String], in scratch: ScratchStore, store: String) throws
        -> (with: ProgramRunner.Result, without: ProgramRunner.Result) {
        let with = try scratch.run(arguments, store: store)
        try FileManager.default.moveItem(atPath: cache, toPath: cache + ".aside")
        defer { try? FileManager.default.moveItem(atPath: cache + ".aside", toPath: cache) }
        return (with, try scratch.run(arguments, store: store))
    }

    @Test("dossier relations prints from the side index what it prints from a full load, for every order and filter")
    func relationsFromTheIndex() throws {
        let scratch = try ScratchStore()
        let generated = try generated(in: scratch, seed: 5, journal: 10)
        #expect(FileManager.default.fileExists(atPath: generated + ".index"), "generate leaves the side index")
        let someone = try #require(try DossierStore(path: generated).load().relations.first { $0.status != .actief })
        let edit = try scratch.run(["set-status", someone.id, "actief", "--reason", "nieuw contact"], store: generated)
        #expect(edit.status == 0, "\(edit.standardError)")
        #expect(DossierStore(path: generated).listIndex() != nil, "the edit brought the side index up to date")
        for arguments in [[], ["--sort", "status"], ["--sort", "date", "--status", "actief"], ["--kind", "regio"]] {
            let (fromIndex, fromDossier) = try withAndWithout(generated + ".index", ["relations"] + arguments, in: scratch, store: generated)
            #expect(fromIndex.status == 0 && fromDossier.status == 0)
            #expect(fromIndex.standardOutput == fromDossier.standardOutput, "\(arguments)")
            if arguments.isEmpty { #expect(fromIndex.standardOutput.contains(someone.id)) }
        }
    }

    @Test("activities and activities --json from the snapshot's bytes print what they print from the whole dossier, after changes of both kinds")
    func activitiesFromTheSnapshot() throws {
        let scratch = try ScratchStore()
        let generated = try generated(in: scratch, seed: 9, journal: 5)
        #expect(FileManager.default.fileExists(atPath: generated + ".activities"), "generate leaves the activity index")
        let dossier = try DossierStore(path: generated).load()
        let relation = try #require(dossier.relations.first { $0.status != .laagPitje })
        let activity = try #require(dossier.activities.first { $0.kind != .delegatiebezoek })
        // A change of a relation (without the activities) and one of an activity (the whole dossier).
        let status = try scratch.run(["set-status", relation.id, "laag-pitje", "--reason", "Kader", "--review-date", "2030-01-01"], store: generated)
        #expect(status.status == 0, "\(status.standardError)")
        let renamed = try scratch.run(["edit", activity.id, "--title", "Aaa hernoemd"], store: generated)
        #expect(renamed.status == 0, "\(renamed.standardError)")
        #expect(try scratch.run(["validate"], store: generated).status == 0, "the files the fast change left load and check")
        #expect(try DossierStore(path: generated).activityListing() != nil, "the listing can be made from the snapshot's bytes")
        for arguments in [[], ["--relation", relation.name], ["--kind", activity.kind.rawValue], ["--year", "2026"], ["--year", "2025-2026"], ["--status", "gepland"]]
            .flatMap({ [$0, ["--json"] + $0] }) {
            let (fromSnapshot, fromDossier) = try withAndWithout(generated + ".activities", ["activities"] + arguments, in: scratch, store: generated)
            #expect(fromSnapshot.status == 0 && fromDossier.status == 0, "\(fromSnapshot.standardError)")
            #expect(fromSnapshot.standardOutput == fromDossier.standardOutput, "\(arguments)")
            if arguments.isEmpty { #expect(fromSnapshot.standardOutput.contains("Aaa hernoemd") && fromSnapshot.standardOutput.contains(" (verlopen)")) }
            if arguments == ["--year", "2025-2026"] {
                let years = Set(fromSnapshot.standardOutput.split(separator: "\n").dropFirst().map { $0.prefix(10).split(separator: "-").last.map { String($0.prefix(4)) } })
                #expect(years == ["2025", "2026"], "both years, and only those: \(years)")
            }
        }
        // On a day inside an activity of several days that is not carried out: under way, not over, read from the snapshot's
        // bytes (the end date in the index) as from the whole dossier.
        // (Not the one renamed above, which the journal holds.)
        let running = try #require(dossier.activities.first { candidate in
            candidate.id != activity.id && Agenda.awaitsOutcome(candidate)
                && (candidate.endDate.flatMap { end in candidate.startDate.map { end > $0 } } ?? false)
        })
        let inside = try #require(running.startDate?.adding(days: 1))
        let onThatDay = ["DOSSIER_NOW": "\(inside.iso)T09:00:00Z"]
        let fromSnapshot = try scratch.run(["activities"], environment: onThatDay, store: generated)
        try FileManager.default.moveItem(atPath: generated + ".activities", toPath: generated + ".activities.aside")
        let fromDossier = try scratch.run(["activities"], environment: onThatDay, store: generated)
        try FileManager.default.moveItem(atPath: generated + ".activities.aside", toPath: generated + ".activities")
        #expect(fromSnapshot.standardOutput == fromDossier.standardOutput)
        let row = try #require(fromSnapshot.standardOutput.split(separator: "\n").first { $0.contains(" \(running.id) ") })
        #expect(!row.contains("(verlopen)"), "\(row)")
    }

    @Test("activities --country lists, in list order, exactly the activities that go to one of the countries, also where the activity index could list the rest")
    func activitiesByCountry() throws {
        let scratch = try ScratchStore()
        let generated = try generated(in: scratch, seed: 4, journal: 5)
        #expect(try DossierStore(path: generated).activityListing() != nil, "the activity index is there to list from")
        func ids(_ arguments: [String]) throws -> [(id: String, countries: [String])] {
            let result = try scratch.run(["activities", "--json"] + arguments, store: generated)
            #expect(result.status == 0, "\(result.standardError)")
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
            return objects.map { ($0["id"] as? String ?? "", $0["countries"] as? [String] ?? []) }
        }
        let all = try ids([])
        let codes = Array(Set(all.flatMap(\.countries))).sorted()
        #expect(codes.count >= 2, "\(codes)")
        for (arguments, chosen) in [(["--country", codes[0]], [codes[0]]), (["--country", "\(codes[0]), \(codes[1])"], [codes[0], codes[1]]),
                                    (["--country", codes[0], "--country", codes[1], "--year", "2026"], [codes[0], codes[1]])] {
            var expected = all.filter { $0.countries.contains(where: chosen.contains) }.map(\.id)
            if arguments.contains("--year") {
                let inYear = Set(try ids(["--year", "2026"]).map(\.id))
                expected = expected.filter(inYear.contains)
            }
            #expect(!expected.isEmpty && expected.count < all.count)
            #expect(try ids(arguments).map(\.id) == expected, "\(arguments)")
        }
        let china = try scratch.run(["activities", "--country", "China"], store: generated)
        #expect(china.status == 0 && (china.standardOutput.contains("Geen activiteiten met deze filters.") || china.standardOutput.contains("TITEL")))
        let unknown = try scratch.run(["activities", "--country", "Atlantis"], store: generated)
        #expect(unknown.status == 64 && unknown.standardError.contains("--country"), "\(unknown.standardError)")
    }

    @Test("activities --status takes several statuses, repeated or comma-separated: exactly the activities with one of them, in list order, from the index and from the whole dossier")
    func activitiesBySeveralStatuses() throws {
        let scratch = try ScratchStore()
        let generated = try generated(in: scratch, seed: 5, journal: 5)
        func rows(_ arguments: [String]) throws -> [(id: String, status: String)] {
            let result = try scratch.run(["activities", "--json"] + arguments, store: generated)
            #expect(result.status == 0, "\(result.standardError)")
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
            return objects.map { ($0["id"] as? String ?? "", $0["status"] as? String ?? "") }
        }
        for withIndex in [true, false] {
            if !withIndex { try FileManager.default.removeItem(atPath: generated + ".activities") }
            #expect((try DossierStore(path: generated).activityListing() != nil) == withIndex, "\(withIndex)")
            let all = try rows([])
            let chosen = ["idee", "gepland"]
            let expected = all.filter { chosen.contains($0.status) }.map(\.id)
            #expect(!expected.isEmpty && expected.count < all.count && Set(expected.map { id in all.first { $0.id == id }!.status }).count == 2)
            #expect(try rows(["--status", "idee", "--status", "gepland"]).map(\.id) == expected, "\(withIndex)")
            #expect(try rows(["--status", "Gepland, idee"]).map(\.id) == expected, "by label, either order: \(withIndex)")
            #expect(try rows(["--status", "idee"]).map(\.id) == all.filter { $0.status == "idee" }.map(\.id))
            let table = try scratch.run(["activities", "--status", "idee,gepland", "--year", "2026"], store: generated)
            #expect(table.status == 0 && table.standardOutput.contains("TITEL"), "\(table.standardError)")
            let unknown = try scratch.run(["activities", "--status", "idee,bezig"], store: generated)
            #expect(unknown.status == 64 && unknown.standardError.contains("--status") && unknown.standardError.contains("bezig"), "\(unknown.standardError)")
        }
    }

    @Test("relations --status takes several statuses too: the table from the side index and the JSON from the whole dossier list the same relations")
    func relationsBySeveralStatuses() throws {
        let scratch = try ScratchStore()
        let generated = try generated(in: scratch, seed: 6, journal: 5)
        let json = try scratch.run(["relations", "--json"], store: generated)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let expected = Set(all.filter { ["laag-pitje", "focus"].contains($0["status"] as? String) }.compactMap { $0["id"] as? String })
        #expect(!expected.isEmpty && expected.count < all.count)
        for arguments in [["--status", "laag-pitje", "--status", "focus"], ["--status", "Focus,laag pitje"]] {
            let listed = try scratch.run(["relations", "--json"] + arguments, store: generated)
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
            #expect(Set(objects.compactMap { $0["id"] as? String }) == expected && objects.count == expected.count, "\(arguments)")
            let table = try scratch.run(["relations"] + arguments, store: generated)
            #expect(try DossierStore(path: generated).listIndex() != nil, "the table comes from the side index")
            let rows = table.standardOutput.split(separator: "\n").dropFirst()
            #expect(rows.count == expected.count && rows.allSatisfy { row in expected.contains { row.hasPrefix($0 + " ") } }, "\(table.standardOutput)")
        }
        let unknown = try scratch.run(["relations", "--status", "focus,slapend"], store: generated)
        #expect(unknown.status == 64 && unknown.standardError.contains("slapend"), "\(unknown.standardError)")
    }

    @Test("an agenda longer than one piece of output comes out whole, as text and as JSON, from the index and from the whole dossier")
    func longAgenda() throws {
        let scratch = try ScratchStore()
        let path = scratch.directory.file("lang.json")
        let made = try scratch.runner.run(["generate", "--relations", "40", "--activities", "1500", "--seed", "8", "--journal", "10", "-o", path],
                                          environment: scratch.environment)
        #expect(made.status == 0, "\(made.standardError)")
        let dossier = try DossierStore(path: path).load(), today = Fixtures.clock.today(), from = Fixtures.date("2000-01-01")
        let expected = Agenda(dossier).window(from: from, to: nil, today: today)
        for withIndex in [true, false] {
            if !withIndex { try FileManager.default.removeItem(atPath: path + ".activities") }
            let text = try scratch.run(["agenda", "--from", "1-1-2000"], store: path), json = try scratch.run(["agenda", "--from", "1-1-2000", "--json"], store: path)
            #expect(text.status == 0 && json.status == 0 && text.standardError.isEmpty && json.standardError.isEmpty)
            #expect(text.standardOutput.utf8.count > 2 * 65_536 && json.standardOutput.utf8.count > 2 * 65_536, "several pieces")
            // Every entry a line of its own (the header is the first line indented alike; a period's end is a line under it),
            // each ending where it should.
            let rows = text.standardOutput.split(separator: "\n").filter { $0.hasPrefix("    ") && !$0.hasPrefix("    t/m ") }.dropFirst()
            #expect(rows.count == expected.count && text.standardOutput.hasSuffix("\n") && !text.standardOutput.hasSuffix("\n\n"), "\(withIndex)")
            #expect(zip(rows, expected).allSatisfy { $0.contains(TerminalSafeText.line($1.title(in: dossier))) }, "in order: \(withIndex)")
            let items = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
            #expect(items.map { $0["title"] as? String } == expected.map { $0.title(in: dossier) }, "\(withIndex)")
        }
    }

    @Test("log-visit and add-activity without the other activities print and save what they do on the whole dossier")
    func addingWithoutTheActivities() throws {
        let scratch = try ScratchStore()
        // Two dossiers generated alike; beside the second the activity index is taken away, so each addition there
        // reads the whole dossier.
        let fast = try generated(in: scratch, seed: 4, journal: 5)
        let whole = try generated(in: scratch, seed: 4, journal: 5, name: "heel.json")
        try FileManager.default.removeItem(atPath: whole + ".activities")
        #expect(try canAddWithoutTheOthers(fast) && !canAddWithoutTheOthers(whole))
        let dossier = try DossierStore(path: fast).load()
        let relation = try #require(dossier.relations.first { $0.status != .laagPitje })
        let taken = try #require(dossier.activities.first { $0.kind != .delegatiebezoek })
        let commands = [
            ["log-visit", "--relation", relation.name, "--date", "12-3-2027", "--direction", "inkomend", "--delegation", "Medicon Valley",
             "--cost", "450", "--follow-up", "Verslag @ 1-4-2027", "--country", "DK"],
            ["log-visit", "--relation", relation.id, "--date", "2026-10-02", "--direction", "uitgaand", "--delegation", "Gent", "--cost", "1.250,50"],
            ["log-visit", "--relation", relation.id, "--date", "2027-01-15", "--direction", "inkomend", "--delegation", "Lyon", "--decision", "Besluit B&W"],
            ["add-activity", "--title", taken.title, "--kind", "beurs", "--relation", relation.id, "--date", "2028-02-01", "--cost", "50"],
            ["add-activity", "--title", "Met eigen id", "--kind", "overig", "--relation", relation.id, "--id", taken.id],
            // Approved at once over the budget: refused on both, the draft weighed against what the others left.
            ["add-activity", "--title", "Duur", "--kind", "beurs", "--relation", relation.id, "--date", "2027-02-01", "--cost", "20.000",
             "--status", "goedgekeurd", "--decision", "Besluit B&W"],
            ["log-visit", "--relation", "onbekend", "--date", "2027-03-12", "--direction", "inkomend", "--delegation", "X"],
        ]
        for arguments in commands {
            let (withoutOthers, withAll) = (try scratch.run(arguments, store: fast), try scratch.run(arguments, store: whole))
            #expect(withoutOthers.status == withAll.status, "\(arguments): \(withoutOthers.standardError)")
            if arguments.contains("Duur") { #expect(withAll.status == 65, "over budget without a reason: \(withAll.standardError)") }
            // A hint names the store it was given (to copy and run): the same but for that path.
            #expect(withoutOthers.standardOutput.replacingOccurrences(of: fast, with: "STORE")
                    == withAll.standardOutput.replacingOccurrences(of: whole, with: "STORE"), "\(arguments)")
            #expect(withoutOthers.standardError == withAll.standardError, "\(arguments)")
            #expect(DossierStore(path: fast).listIndex() == ListIndex(dossier: try DossierStore(path: fast).load()), "the side index after \(arguments)")
        }
        #expect(try scratch.run(["validate"], store: fast).status == 0, "the files the additions left load and check")
        for arguments in [["activities", "--json"], ["relations"], ["agenda"], ["budget", "--year", "2027"]] {
            try expectSame(arguments, in: scratch, fast: fast, whole: whole)
        }
        #expect(try canAddWithoutTheOthers(fast), "the side index still vouches for the files")
    }

    @Test("add-relation, add-contact, edit-contact and remove-contact on the relations alone print, refuse and save what they do on the whole dossier")
    func relationChangesWithoutTheActivities() throws {
        let scratch = try ScratchStore()
        let fast = try generated(in: scratch, seed: 8, journal: 5)
        let whole = try generated(in: scratch, seed: 8, journal: 5, name: "heel.json")
        let relation = try #require(try DossierStore(path: fast).load().relations.first)
        let commands = [
            ["add-relation", "--name", "Nieuwstad", "--kind", "regio", "--country", "Nederland", "--places", "Oss, Berghem", "--via", relation.name],
            ["add-relation", "--name", "Nieuwstad", "--kind", "regio"],
            ["add-relation", "--name", "Fout", "--kind", "stad"],
            ["add-relation", "--name", "Fout", "--kind", "regio", "--via", "niemand bekend"],
            ["add-contact", relation.name, "--name", "Piet Jansen", "--role", "Wethouder"],
            ["edit-contact", relation.name, "Piet Jansen", "--role", "Burgemeester", "--email", "p.jansen@example.org"],
            ["edit-contact", relation.id, "piet-jansen", "--role", "Burgemeester"],
            ["edit-contact", relation.id, "niemand", "--role", "Wethouder"],
            ["remove-contact", relation.id, "Piet Jansen", "--yes"],
            ["remove-contact", relation.id, "Piet Jansen", "--yes"],
        ]
        for (number, arguments) in commands.enumerated() {
            #expect(try writingStore(fast).loadRelations() != nil, "\(arguments): the relations alone")
            // Without the side index the relations cannot be read alone: the whole dossier is.
            try? FileManager.default.removeItem(atPath: whole + ".index")
            #expect(try writingStore(whole).loadRelations() == nil)
            let journalBefore = try FileManager.default.attributesOfItem(atPath: fast + ".journal")[.size] as? Int
            let (alone, withAll) = (try scratch.run(arguments, store: fast), try scratch.run(arguments, store: whole))
            if alone.standardOutput.hasPrefix("Niets gewijzigd") {
                #expect(try FileManager.default.attributesOfItem(atPath: fast + ".journal")[.size] as? Int == journalBefore, "nothing saved")
            }
            #expect(alone.status == withAll.status, "\(arguments): \(alone.standardError)")
            #expect(alone.standardOutput == withAll.standardOutput, "\(arguments)")
            #expect(alone.standardError == withAll.standardError, "\(arguments)")
            // Refused: a name taken, a kind that does not exist, an unknown relation, an unknown contact, one removed already.
            #expect((alone.status == 0) == ![1, 2, 3, 7, 9].contains(number), "\(arguments): \(alone.standardError)")
        }
        let (after, afterWhole) = (try DossierStore(path: fast).load(), try DossierStore(path: whole).load())
        #expect(after.relations == afterWhole.relations)
        #expect(after.relations.contains { $0.name == "Nieuwstad" } && after.relation(relation.id)?.contacts == afterWhole.relation(relation.id)?.contacts)
    }

    @Test("a refusal takes its suggestions from the listing just read only while the files are still the ones it was read from")
    func refusalFromTheListingJustRead() throws {
        let scratch = try ScratchStore()
        let path = try generated(in: scratch, seed: 12, journal: 3)
        let reader = DossierStore(path: path)
        #expect(try reader.loadForShowing("Later toegevoegd") == nil)
        #expect(reader.unansweredListing != nil, "kept for the refusal")
        // Meanwhile someone adds the activity that name was looking for, and the side index is not written (yet): the
        // kept listing is not used, nor is a new one read (the whole dossier is, where the name is found).
        let colleague = try writingStore(path)
        var theirs = try colleague.load()
        try colleague.commit(.addActivity(Activity(id: "eerder-toegevoegd", title: "Eerder toegevoegd", kind: .beurs)), to: &theirs,
                             context: Fixtures.context)
        #expect(try reader.loadForNaming() == nil)
        #expect(try reader.loadForShowing("Later toegevoegd") == nil && reader.unansweredListing == nil, "no side index for these files")
        colleague.listIndexWrite(of: theirs)?.run()
        #expect(try reader.loadForShowing("Later toegevoegd") == nil && reader.unansweredListing != nil)
        // Meanwhile someone adds the activity that name was looking for.
        let writer = try writingStore(path)
        var dossier = try writer.load()
        try writer.commit(.addActivity(Activity(id: "later-toegevoegd", title: "Later toegevoegd", kind: .beurs)), to: &dossier, context: Fixtures.context)
        // As a command does after its change: the side index follows the journal.
        writer.listIndexWrite(of: dossier)?.run()
        let catalog = try #require(try reader.loadForNaming())
        #expect(catalog.namedActivities.contains { $0.id == "later-toegevoegd" }, "read again: the journal grew")
        // Unchanged files: the listing is used, once.
        #expect(try reader.loadForShowing("Nog een tikfout") == nil)
        #expect(reader.unansweredListing != nil)
        #expect(try reader.loadForNaming()?.namedActivities.contains { $0.id == "later-toegevoegd" } == true)
        #expect(reader.unansweredListing == nil)
    }

    @Test("due, log and the changes of relations and links read less than half the snapshot, where reading it whole reads all of it")
    func partsAreWhatIsRead() throws {
        let scratch = try ScratchStore()
        // Large enough that the relations, read in pieces from 1 MB on, are less than half of it.
        let path = try generated(in: scratch, seed: 9, journal: 5, activities: 6_000)
        let dossier = try DossierStore(path: path).load()
        let relation = try #require(dossier.relations.first), activity = try #require(dossier.activities.last)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let tracer = try SystemCallKiller()
        let read = { (arguments: [String], status: Int32) throws -> Int in
            try tracer.bytesRead(scratch.runner.executable, arguments + ["--store", path], environment: scratch.environment, status: status)[path] ?? 0
        }
        // What the tracer sees of a command that reads the whole dossier.
        #expect(try read(["validate"], 0) >= size)
        for arguments in [["due"], ["due", "--within", "400"], ["log"], ["log", relation.id], ["log", activity.title],
                          ["add-relation", "--name", "Nieuwstad", "--kind", "regio"], ["add-contact", relation.id, "--name", "Piet Jansen"],
                          ["edit-contact", relation.id, "Piet Jansen", "--role", "Wethouder"], ["remove-contact", relation.id, "piet-jansen", "--yes"],
                          ["add-link", activity.id, "--url", "https://example.org", "--label", "Site"], ["remove-link", activity.id, "site", "--yes"],
                          ["add-link", relation.name.uppercased(), "--url", "https://example.org", "--label", "Site"],
                          ["edit", relation.name, "--notes", "Bij naam"],
                          // A relation named as an activity: that activity's id is still that activity, read alone.
                          ["edit", relation.id, "--name", activity.title], ["edit", activity.id, "--notes", "Bij id, een relatie heet zo"]] {
            let bytes = try read(arguments, 0)
            #expect(bytes < size / 2, "\(arguments) read \(bytes) of the snapshot's \(size) bytes")
        }
        // A typo in a relation's name, refused (exit 65) from the indexes.
        for arguments in [["edit", relation.name + "q", "--notes", "Tikfout"], ["add-link", relation.name + "q", "--url", "https://example.org", "--label", "x"],
                          ["delete", activity.title + "q", "--yes"]] {
            let bytes = try read(arguments, 65)
            #expect(bytes < size / 2, "\(arguments) read \(bytes) of the snapshot's \(size) bytes")
        }
        // A refusal takes its suggestions from the listing the name was just looked for in: the activity index is read
        // once (a mistyped id twice: first without the titles), not once more for the refusal.
        let index = path + ".activities"
        let indexSize = try #require(try FileManager.default.attributesOfItem(atPath: index)[.size] as? Int)
        for (arguments, times) in [(["show", activity.title + "q"], 1), (["edit", activity.title + "q", "--notes", "Tikfout"], 1),
                                   (["assess", activity.title + "q"], 1), (["move", activity.id + "x", "uitgevoerd", "--reason", "tikfout"], 2)] {
            let read = try tracer.bytesRead(scratch.runner.executable, arguments + ["--store", path], environment: scratch.environment, status: 65)
            let bytes = read[index] ?? 0
            #expect(bytes > 0 && bytes <= times * indexSize, "\(arguments) read \(bytes) bytes of the activity index's \(indexSize)")
            #expect((read[path] ?? 0) < size / 2, "\(arguments) read \(read[path] ?? 0) of the snapshot's \(size) bytes")
        }
    }

    @Test("move, done, add-follow-up, edit, assess and delete without the other activities print and save what they do on the whole dossier")
    func changingWithoutTheOthers() throws {
        let scratch = try ScratchStore()
        let fast = try generated(in: scratch, seed: 6, journal: 5)
        let whole = try generated(in: scratch, seed: 6, journal: 5, name: "heel.json")
        try FileManager.default.removeItem(atPath: whole + ".activities")
        let dossier = try DossierStore(path: fast).load()
        let today = Fixtures.clock.today()
        let due = try #require(dossier.activities.first { $0.status == .gepland && ($0.startDate ?? .distantFuture) <= today })
        let weighed = try #require(dossier.activities.first { $0.status == .inAfweging && $0.assessments.isEmpty })
        let visit = try #require(dossier.activities.first { activity in activity.followUps.contains { !$0.isDone } })
        let relation = try #require(dossier.relations.last { !weighed.relations.contains($0.id) })
        let namesake = try #require(dossier.relations.first { $0.id != relation.id })
        // One whose budget line is overspent in its year: approving it asks a reason, weighed on the budget of all activities.
        let overBudget = try #require(dossier.activities.first { activity in
            guard activity.status == .inAfweging, activity.id != weighed.id, activity.assessments.last?.verdict != .negatief, let year = activity.year,
                  let line = activity.budgetLine, (activity.estimatedCost ?? .zero) > .zero else { return false }
            return BudgetOverview(year: year, line: line, in: dossier).isOverspent
        })
        // Called off with tickets paid all the same: the budget counts those, from the index as from the whole dossier.
        let calledOff = try #require(dossier.activities.first { activity in
            activity.status == .goedgekeurd && activity.budgetLine != nil && activity.year != nil && ![due.id, weighed.id, visit.id].contains(activity.id)
        })
        #expect(try writingStore(fast).loadForChangingActivity(due.id) != nil && writingStore(whole).loadForChangingActivity(due.id) == nil)
        #expect(try writingStore(fast).loadForChangingActivity(due.title) != nil, "by title too")
        let commands = [
            ["move", due.id, "uitgevoerd", "--reason", "gedaan", "--actual-cost", "1.250,50", "--outcomes", "Twee leads"],
            ["move", weighed.id, "goedgekeurd", "--decision", "Besluit B&W 1-12-2026", "--override-reason", "Besluit B&W 1-12-2026"],
            ["move", weighed.id, "gepland"],
            ["move", calledOff.id, "geannuleerd", "--reason", "afgelast", "--actual-cost", "800"],
            ["add-follow-up", weighed.id, "--what", "Verslag naar B&W", "--due", "15-1-2027"],
            ["done", visit.id, "1"],
            ["done", weighed.id, "Verslag naar B&W"],
            ["edit", weighed.id, "--notes", "Nieuwe toelichting", "--start-date", "1-2-2027", "--relations", relation.name],
            ["edit", weighed.id, "--notes", "Nieuwe toelichting"],
            ["edit", relation.id, "--notes", "Een relatie, zonder de activiteiten"],
            ["edit", relation.id, "--name", "Aaa eerst in de lijst"],
            ["edit", relation.id, "--name", "Aaa eerst in de lijst"],
            // Links of an activity (by id and by title) and of a relation (by id, then by name), and the relation by name.
            ["add-link", visit.id, "--url", "https://example.org/verslag", "--label", "Verslag"],
            ["add-link", visit.title.lowercased(), "--path", "/gedeeld/programma.pdf", "--label", "Programma"],
            ["remove-link", visit.id, "verslag", "--yes"],
            ["add-link", relation.id, "--url", "https://example.org", "--label", "Website"],
            ["add-link", "aaa eerst in de lijst", "--url", "https://example.org/pers", "--label", "Pers"],
            ["remove-link", relation.id, "Website", "--yes"],
            ["edit", "AAA eerst in de lijst", "--notes", "Bij naam, zonder de activiteiten"],
            ["remove-link", " aaa eerst in de lijst", "pers", "--yes"],
            ["assess", weighed.id, "--answer", "inhoudelijke-link=ja", "--answer", "behapbaar=deels", "--explain"],
            ["assess", due.id, "--save", "--json"],
            // By title: of one the journal did not touch, and of one it did (its index row is out of date).
            ["move", due.title, "geevalueerd", "--reason", "op titel", "--outcomes", "Twee leads; één contract"],
            ["done", visit.title.uppercased(), "1"],
            ["edit", weighed.title, "--notes", "Op titel"],
            ["assess", weighed.title, "--answer", "behapbaar=ja", "--save"],
            // A second activity with a title another has, and one with a relation's name.
            ["add-activity", "--title", visit.title, "--kind", "beurs"],
            ["add-activity", "--title", namesake.name, "--kind", "beurs"],
            ["move", namesake.name, "in-afweging"],
            ["delete", due.title, "--yes"],
            ["delete", weighed.id, "--yes"],
            // A relation by its id, which no activity can have.
            ["edit", relation.id, "--notes", "Bij id"],
        ]
        // Refused alike: an ambiguous id or name, a step the life cycle does not have, an unknown activity.
        let refused = [
            // An activity with a relation's id: every command that takes either could not tell them apart.
            ["add-activity", "--title", "Zelfde id", "--kind", "beurs", "--relation", relation.id, "--id", relation.id],
            ["done", visit.title, "1"],
            ["edit", namesake.name, "--notes", "dubbelzinnig"],
            // A typo in a relation's name: refused from the indexes with the whole dossier's suggestions.
            ["edit", "aaa eerst in de lijts", "--notes", "tikfout"],
            ["add-link", "aaa eerst in de lijts", "--url", "https://example.org", "--label", "x"],
            ["move", weighed.id, "idee"],
            ["move", overBudget.id, "goedgekeurd", "--decision", "Besluit B&W 1-12-2026"],
            ["move", "bestaat-niet", "gepland"],
            // Deleted already (the space makes it another command line).
            ["delete", " " + weighed.id, "--yes"],
            // A relation that activities name, then a name with a typo.
            ["delete", relation.id, "--yes"],
            ["delete", "aaa eerst in de lijts", "--yes"],
            // A link that is not there (any more).
            ["remove-link", visit.id, "Verslag", "--yes"],
        ]
        for arguments in commands + refused {
            let (withoutOthers, withAll) = (try scratch.run(arguments, store: fast), try scratch.run(arguments, store: whole))
            #expect((withoutOthers.status == 0) == commands.contains(arguments), "\(arguments): \(withoutOthers.standardError)")
            #expect(withoutOthers.status == withAll.status, "\(arguments): \(withoutOthers.standardError)")
            if arguments.contains("Duur") { #expect(withAll.status == 65, "over budget without a reason: \(withAll.standardError)") }
            // A hint names the store it was given (to copy and run): the same but for that path.
            #expect(withoutOthers.standardOutput.replacingOccurrences(of: fast, with: "STORE")
                    == withAll.standardOutput.replacingOccurrences(of: whole, with: "STORE"), "\(arguments)")
            #expect(withoutOthers.standardError == withAll.standardError, "\(arguments)")
            #expect(DossierStore(path: fast).listIndex() == ListIndex(dossier: try DossierStore(path: fast).load()), "the side index after \(arguments)")
        }
        #expect(try scratch.run(["validate"], store: fast).status == 0, "the files the changes left load and check")
        #expect(try writingStore(fast).loadForChangingSubject("aaa eerst in de lijst") != nil, "a relation by its name, without the activities")
        #expect(try writingStore(fast).loadForChangingSubject(namesake.name) == nil, "a name an activity answers to as well")
        // budget from the activity index, in the dossier's order (the JSON lists each overview's activities).
        #expect(try DossierStore(path: fast).loadForBudget() != nil && DossierStore(path: whole).loadForBudget() == nil)
        #expect(try DossierStore(path: fast).loadForBudget(year: 2027) != nil && DossierStore(path: whole).loadForBudget(year: 2027) == nil)
        // agenda from the activity index, with the follow-ups the changes added and ticked off, for several windows.
        #expect(try DossierStore(path: fast).loadForAgenda(from: today, to: nil, today: today) != nil
            && DossierStore(path: whole).loadForAgenda(from: today, to: nil, today: today) == nil)
        let agendas = [["agenda"], ["agenda", "--json"], ["agenda", "--from", "1-1-2020"], ["agenda", "--from", "1-1-2026", "--to", "31-3-2027", "--json"],
                       ["agenda", "--to", "15-1-2027"]]
        let budgets = [["budget"], ["budget", "--json"], ["budget", "--year", "2027"], ["budget", "--year", "2026", "--json"], ["budget", "--year", "2026"],
                       ["budget", "--year", "2019"]]
        for arguments in [["activities", "--json"], ["relations"]] + budgets + agendas {
            try expectSame(arguments, in: scratch, fast: fast, whole: whole)
        }
        // due from the activity index: follow-ups of rows and of activities the journal touched, overdue, due soon,
        // later, ticked off.
        for arguments in [["add-follow-up", visit.id, "--what", "Verlopen na wijziging", "--due", "1-11-2026"],
                          ["add-follow-up", visit.id, "--what", "Binnenkort", "--due", "1-12-2026"],
                          ["add-follow-up", visit.id, "--what", "Later", "--due", "1-6-2027"],
                          ["add-follow-up", visit.id, "--what", "Afgevinkt", "--due", "2-12-2026"], ["done", visit.id, "Afgevinkt"]] {
            #expect(try scratch.run(arguments, store: fast).status == 0 && scratch.run(arguments, store: whole).status == 0, "\(arguments)")
        }
        // An activity over and still planned, and one that was so until the journal moved it on.
        let passed = try #require(try DossierStore(path: fast).load().activities.first { $0.status == .gepland && ($0.endDate ?? $0.startDate).map { $0 < today } == true })
        for arguments in [["add-activity", "--title", "Net voorbij", "--kind", "beurs", "--date", "1-11-2026", "--end-date", "3-11-2026"],
                          ["move", "net-voorbij", "in-afweging"], ["move", "net-voorbij", "goedgekeurd", "--decision", "mandaat", "--reason", "past"],
                          ["move", passed.id, "uitgevoerd"]] {
            #expect(try scratch.run(arguments, store: fast).status == 0 && scratch.run(arguments, store: whole).status == 0, "\(arguments)")
        }
        #expect(try DossierStore(path: fast).loadForReminders(until: today, today: today) != nil
            && DossierStore(path: whole).loadForReminders(until: today, today: today) == nil)
        for arguments in [["due"], ["due", "--json"], ["due", "--within", "0"], ["due", "--within", "400", "--json"], ["due", "--within", "3650"]] {
            try expectSame(arguments, in: scratch, fast: fast, whole: whole)
        }

        // show, from the indexes and only the activities shown: the same record, or the same refusal.
        let after = try DossierStore(path: fast).load()
        let shown = try #require(after.relations.first { candidate in
            ![relation.id, namesake.id].contains(candidate.id) && after.activities.filter { $0.relations.contains(candidate.id) }.count > 1
        })
        // Two of its activities alike in date and title: the record keeps them in the dossier's order.
        for _ in 0..<2 {
            let arguments = ["add-activity", "--title", "Zelfde dag", "--kind", "beurs", "--relation", shown.id, "--date", "1-3-2027"]
            #expect(try scratch.run(arguments, store: fast).status == 0 && scratch.run(arguments, store: whole).status == 0)
        }
        var shows = [
            ["show", visit.id], ["show", visit.title.lowercased()], ["show", visit.id, "--json"], ["show", shown.id], ["show", shown.name],
            ["show", shown.id, "--json"],
            // Refused alike: deleted (by id and by title), an id both have, a name both answer to, a title two have, nothing.
            ["show", weighed.id], ["show", due.title], ["show", relation.id], ["show", namesake.name], ["show", visit.title], ["show", "?!"],
        ]
        // assess without saving, weighed on the relations and that activity, the budget from the index.
        let weighedBefore = try #require(after.activities.first { !$0.assessments.isEmpty })
        let titled = try #require(after.activities.last { activity in
            after.activities.filter { NameLookup.answers(Slug.make(from: activity.title), id: $0.id, title: $0.title) }.count == 1
        })
        shows += [["assess", titled.title.uppercased(), "--json"], ["assess", weighedBefore.id, "--explain"], ["assess", visit.id],
                  ["assess", weighed.id], ["assess", visit.title]]
        // log of the whole dossier and of one record, found from the indexes: by id, by name, deleted (its id is in the
        // log), refused alike (a title two have, an id both have, a deleted title, nothing), and none since a date.
        shows += [["log"], ["log", "--json"], ["log", visit.id], ["log", shown.name.uppercased()], ["log", weighed.id, "--json"], ["log", visit.title],
                  ["log", relation.id], ["log", due.title], ["log", "?!"], ["log", shown.id, "--since", "1-1-2030"], ["log", titled.title]]
        // A relation named as the deleted activity's id: `log` of that id is still the deleted one's.
        let renamed = try #require(after.relations.last { ![relation.id, namesake.id, shown.id].contains($0.id) })
        for store in [fast, whole] { #expect(try scratch.run(["edit", renamed.id, "--name", weighed.id], store: store).status == 0) }
        shows += [["log", weighed.id.uppercased()]]
        #expect(try DossierStore(path: fast).loadForWeighing(titled.title) != nil && DossierStore(path: whole).loadForWeighing(titled.title) == nil)
        #expect(try DossierStore(path: fast).loadForShowing(shown.name) != nil && DossierStore(path: whole).loadForShowing(shown.name) == nil)
        // A name that fits nothing, refused from the indexes with the whole dossier's suggestions: a typo in a title.
        #expect(try DossierStore(path: fast).loadForNaming() != nil && DossierStore(path: whole).loadForNaming() == nil)
        let typo = { (title: String) in String(title.prefix(3)) + "q" + String(title.dropFirst(4)) }
        shows += [["show", typo(titled.title)], ["move", typo(titled.title), "gepland"], ["log", typo(titled.title)],
                  ["edit", typo(titled.title), "--notes", "x"], ["delete", typo(titled.title), "--yes"],
                  ["add-link", typo(titled.title), "--url", "https://example.org", "--label", "x"], ["assess", typo(titled.title), "--answer", "behapbaar=ja"]]
        shows += stride(from: 1, to: after.activities.count, by: after.activities.count / 7).map { ["show", typo(after.activities[$0].title)] }
        for arguments in shows {
            let (fromIndexes, fromAll) = (try scratch.run(arguments, store: fast), try scratch.run(arguments, store: whole))
            #expect(fromIndexes.status == fromAll.status && fromIndexes.standardError == fromAll.standardError, "\(arguments): \(fromIndexes.standardError)")
            #expect(fromIndexes.standardOutput == fromAll.standardOutput, "\(arguments)")
        }
    }
}
