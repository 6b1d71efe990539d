import DossierTestSupport
import Foundation
import Testing

/// A relation's next date is an approved or planned activity that has begun: overdue only once its last day has passed
/// (while it runs the agenda shows it as this week's, not as overdue). The same from every path `relations` takes: the
/// whole dossier, the side index with the journal, and the side index a compaction wrote.
@Suite("An activity under way in the relations list")
struct ActivityUnderWayTests {
    /// `relations` on `day` at 09:00 UTC: the row of Lyon in the table, and its next date's overdue flag in the JSON.
    func lyon(in scratch: ScratchStore, on day: String) throws -> (row: String, overdue: Bool?) {
        let now = ["DOSSIER_NOW": "\(day)T09:00:00Z"]
        let table = try scratch.run(["relations"], environment: now)
        #expect(table.status == 0, "\(table.standardError)")
        let row = table.standardOutput.split(separator: "\n").first { $0.contains("lyon-test") }.map(String.init) ?? ""
        let json = try scratch.run(["relations", "--json"], environment: now)
        let relations = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let next = relations.first { $0["id"] as? String == "lyon-test" }?["nextDate"] as? [String: Any]
        return (row, next?["overdue"] as? Bool)
    }

    @Test("running from 20 to 25 November it is not overdue on the 22nd nor on the 25th, and is on the 26th")
    func notOverdueWhileItRuns() throws {
        let scratch = try ScratchStore()
        for arguments in [["add-relation", "--name", "Lyon test", "--kind", "regio", "--country", "Frankrijk", "--status", "actief"],
                          ["add-activity", "--title", "Week in Lyon", "--kind", "handelsmissie", "--relation", "lyon-test", "--date", "2026-11-20",
                           "--end-date", "2026-11-25", "--cost", "500", "--status", "gepland", "--decision", "B&W"]] {
            let result = try scratch.run(arguments)
            #expect(result.status == 0, "\(arguments[0]): \(result.standardError)")
        }
        func expectFlags(_ path: String) throws {
            for (day, overdue) in [("2026-11-22", false), ("2026-11-25", false), ("2026-11-26", true)] {
                let (row, flag) = try lyon(in: scratch, on: day)
                #expect(flag == overdue, "\(path), \(day)")
                #expect(row.contains("20-11-2026 activiteit") && row.contains("(verlopen)") == overdue, "\(path), \(day): \(row)")
            }
        }
        try expectFlags("the side index and the journal")
        let index = scratch.path + ".index"
        try FileManager.default.moveItem(atPath: index, toPath: index + ".aside")
        try expectFlags("the whole dossier")
        try FileManager.default.removeItem(atPath: index + ".aside")
        // A change past the journal's limit compacts: a new snapshot, and the side index written with it.
        let compacted = try scratch.run(["edit", "lyon-test", "--notes", "Zustervereniging"], environment: ["DOSSIER_JOURNAL_LIMIT": "1"])
        #expect(compacted.status == 0, "\(compacted.standardError)")
        let journal = FileManager.default.contents(atPath: scratch.path + ".journal")
        #expect(journal?.isEmpty ?? true, "the change compacted")
        try expectFlags("after a compaction")
    }

    @Test("one under way does not hide what is overdue behind it: a one-day activity already past, or a review date")
    func underWayHidesNothing() throws {
        let scratch = try ScratchStore()
        let earlier = ["DOSSIER_NOW": "2026-11-01T09:00:00Z"]
        for (arguments, environment) in [
            (["add-relation", "--name", "Lyon test", "--kind", "regio", "--country", "Frankrijk", "--status", "actief"], [:]),
            (["add-activity", "--title", "Maand in Lyon", "--kind", "handelsmissie", "--relation", "lyon-test", "--date", "2026-11-10",
              "--end-date", "2026-11-30", "--status", "gepland", "--decision", "B&W"], [:]),
            (["add-activity", "--title", "Dag in Lyon", "--kind", "beurs", "--relation", "lyon-test", "--date", "2026-11-21",
              "--status", "gepland", "--decision", "B&W"], [:]),
            (["add-relation", "--name", "Gent test", "--kind", "regio", "--country", "België", "--status", "actief"], [:]),
            (["add-activity", "--title", "Maand in Gent", "--kind", "handelsmissie", "--relation", "gent-test", "--date", "2026-11-10",
              "--end-date", "2026-11-30", "--status", "gepland", "--decision", "B&W"], [:]),
            (["set-status", "gent-test", "laag-pitje", "--reason", "minder", "--review-date", "2026-11-21"], earlier),
        ] as [([String], [String: String])] {
            let result = try scratch.run(arguments, environment: environment)
            #expect(result.status == 0, "\(arguments[0]): \(result.standardError)")
        }
        func overdue(_ id: String) throws -> Bool? {
            let json = try scratch.run(["relations", "--json"])
            let relations = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
            return (relations.first { $0["id"] as? String == id }?["nextDate"] as? [String: Any])?["overdue"] as? Bool
        }
        // Today (22 November) both are under way since the 10th, and each relation has something overdue behind it.
        for path in ["the side index and the journal", "the whole dossier"] {
            #expect(try overdue("lyon-test") == true, "\(path): the day in Lyon of the 21st")
            #expect(try overdue("gent-test") == true, "\(path): the review of the 21st")
            try? FileManager.default.removeItem(atPath: scratch.path + ".index")
        }
    }

    @Test("an overdue review behind an earlier activity that is over is said beside it, from the side index as from the whole dossier")
    func overdueReviewBehindAnActivity() throws {
        let scratch = try ScratchStore()
        let earlier = ["DOSSIER_NOW": "2026-11-01T09:00:00Z"]
        for (arguments, environment) in [
            (["add-relation", "--name", "Gent test", "--kind", "regio", "--country", "België", "--status", "actief"], [:]),
            (["add-activity", "--title", "Beurs in Gent", "--kind", "beurs", "--relation", "gent-test", "--date", "2026-11-10",
              "--status", "gepland", "--decision", "B&W"], earlier),
            (["set-status", "gent-test", "laag-pitje", "--reason", "minder", "--review-date", "2026-11-21"], earlier),
        ] as [([String], [String: String])] {
            let result = try scratch.run(arguments, environment: environment)
            #expect(result.status == 0, "\(arguments[0]): \(result.standardError)")
        }
        func nextDate(_ store: ScratchStore, environment: [String: String] = [:]) throws -> [String: Any] {
            let json = try store.run(["relations", "--json"], environment: environment)
            let relations = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
            return try #require(relations.first { $0["id"] as? String == "gent-test" }?["nextDate"] as? [String: Any])
        }
        for path in ["the side index and the journal", "the whole dossier"] {
            let table = try scratch.run(["relations", "--status", "laag-pitje"]).standardOutput
            let row = try #require(table.split(separator: "\n").first { $0.contains("gent-test") }, "\(path): \(table)")
            #expect(row.hasSuffix("10-11-2026 activiteit (verlopen); herijking 21-11-2026 (verlopen)"), "\(path): \(row)")
            try? FileManager.default.removeItem(atPath: scratch.path + ".index")
        }
        // The same in JSON: the next date, overdue, and the review overdue behind it.
        let json = try nextDate(scratch)
        #expect(json["date"] as? String == "2026-11-10" && json["overdue"] as? Bool == true && json["overdueReview"] as? String == "2026-11-21", "\(json)")
        // An activity still under way with the review overdue behind it: the review is what is overdue, not the activity.
        let scratch2 = try ScratchStore()
        for (arguments, environment) in [
            (["add-relation", "--name", "Gent test", "--kind", "regio", "--country", "België", "--status", "actief"], [:]),
            (["add-activity", "--title", "Maand in Gent", "--kind", "handelsmissie", "--relation", "gent-test", "--date", "2026-11-10",
              "--end-date", "2026-12-20", "--status", "gepland", "--decision", "B&W"], earlier),
            (["set-status", "gent-test", "laag-pitje", "--reason", "minder", "--review-date", "2026-11-21"], earlier),
        ] as [([String], [String: String])] {
            #expect(try scratch2.run(arguments, environment: environment).status == 0)
        }
        let running = try scratch2.run(["relations"]).standardOutput.split(separator: "\n").first { $0.contains("gent-test") } ?? ""
        #expect(running.hasSuffix("10-11-2026 activiteit; herijking 21-11-2026 (verlopen)"), "\(running)")
        #expect(try nextDate(scratch2)["overdueReview"] as? String == "2026-11-21")
        // Before the review date only the activity is overdue.
        let before = try scratch.run(["relations"], environment: ["DOSSIER_NOW": "2026-11-20T09:00:00Z"]).standardOutput
        #expect(before.split(separator: "\n").first { $0.contains("gent-test") }?.hasSuffix("10-11-2026 activiteit (verlopen)") == true, "\(before)")
        let beforeJSON = try nextDate(scratch, environment: ["DOSSIER_NOW": "2026-11-20T09:00:00Z"])
        #expect(beforeJSON["overdue"] as? Bool == true && beforeJSON["overdueReview"] == nil, "\(beforeJSON)")
    }
}
