import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `dossier log`, `backups`, `restore` and `--read-only` on the real binary: who changed what, when and
/// why, across compactions; backups listed and restored only after confirmation, the restore journaled.
@Suite("Audit trail and backups")
struct AuditTrailTests {
    let directory = TemporaryDirectory()
    let runner = ProgramRunner()
    var storePath: String { directory.file("dossier.json") }

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
    }

    /// Compacts after every second change, so the trail has to span archived journal segments.
    func run(_ arguments: [String], user: String = "adviseur", day: String = "2026-11-22") throws -> ProgramRunner.Result {
        try runner.run(arguments + ["--store", storePath],
                       environment: ["DOSSIER_NOW": "\(day)T09:00:00Z", "DOSSIER_USER": user, "DOSSIER_JOURNAL_LIMIT": "2"])
    }

    func makeHistory() throws {
        for (arguments, user, day) in [
            (["set-status", "bom", "verkennen", "--reason", "minder contact"], "adviseur", "2026-11-20"),
            (["move", "missie-lyon", "geannuleerd", "--reason", "missie gaat niet door"], "wethouder", "2026-11-21"),
            (["set-status", "taizhou", "actief", "--reason", "nieuw bezoek gepland"], "adviseur", "2026-11-22"),
        ] {
            let result = try run(arguments, user: user, day: day)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
    }

    @Test("log lists who changed what, when and why, for the dossier or one id, since a date, across compactions")
    func log() throws {
        try makeHistory()
        #expect(try PosixFileSystem().contentsOfDirectory(storePath + ".history").count >= 1, "a compaction archived the journal")
        let all = try run(["log"])
        #expect(all.status == 0)
        let lines = all.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(all.standardOutput)")
        #expect(lines[1].contains("20-11-2026 09:00") && lines[1].contains("adviseur") && lines[1].contains("Status van BOM: Actief → Verkennen")
                && lines[1].contains("minder contact"))
        #expect(lines[2].contains("wethouder") && lines[2].contains("missie gaat niet door"))

        let taizhou = try run(["log", "taizhou"]).standardOutput
        #expect(taizhou.contains("nieuw bezoek gepland") && !taizhou.contains("minder contact"))
        let since = try run(["log", "--since", "21-11-2026"]).standardOutput
        #expect(since.contains("missie gaat niet door") && !since.contains("minder contact"))
        // A day still to come: nothing yet, and not for want of a log.
        #expect(try run(["log", "--since", "1-1-2027"]).standardOutput == "Geen wijzigingen sinds 1-1-2027: die dag moet nog komen.\n")
        #expect(try run(["log", "rhone-alpes"]).standardOutput.contains("Geen wijzigingen van Rhône-Alpes in het logboek; het logboek begint bij de eerste wijziging met dit programma. De statusgeschiedenis van daarvoor staat in dossier show rhone-alpes."))

        let json = try run(["log", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["seq"] as? Int } == [1, 2, 3])
        #expect(entries[1]["by"] as? String == "wethouder")
        #expect(entries[1]["reason"] as? String == "missie gaat niet door")
        #expect(entries[0]["at"] as? String == "2026-11-20T09:00:00Z")
        #expect((entries[0]["subjects"] as? [String]) == ["bom"])
        #expect(entries[0]["change"] != nil)
    }

    @Test("a log whose earlier changes were removed with the history folder says which are gone, rather than seeming to begin later")
    func logWithoutHistory() throws {
        try makeHistory()
        try FileManager.default.removeItem(atPath: storePath + ".history")
        let log = try run(["log"])
        #expect(log.status == 0, "\(log.standardError)")
        #expect(log.standardOutput.contains("Wijzigingen 1 tot en met 2 staan niet (meer) in het logboek"), "\(log.standardOutput)")
        #expect(log.standardOutput.contains("Taizhou"), "what the journal still holds is listed")
    }

    @Test("a deletion keeps in the log what was deleted, as show gave it, for when no backup holds it any more")
    func deletionKept() throws {
        let deleted = try run(["delete", "missie-lyon", "--yes"])
        #expect(deleted.status == 0, "\(deleted.standardError)")
        let log = try run(["log", "missie-lyon"]).standardOutput
        for line in ["Activiteit verwijderd: Handelsmissie Lyon", "Geraamde kosten: € 2.500,00", "Datum:           10-3-2027", "Statusgeschiedenis"] {
            #expect(log.contains(line), "\(line): \(log)")
        }
        #expect(!log.contains("Nog geen"), "an empty section's placeholder is no part of the record: \(log)")
        let checked = try ExternalChecker.python([Repository.path("scripts/check-schema.py"), "--journal", Repository.path("docs/dossier.schema.json"),
                                                  storePath + ".journal"])
        #expect(checked.status == 0, "\(checked.standardOutput)\(checked.standardError)")
    }

    @Test("backups are listed; restore asks for confirmation, is journaled, and keeps the state before it")
    func restore() throws {
        try makeHistory()
        for arguments in [["set-budget", "internationalisering", "2027", "20000", "--decision", "Voorjaarsnota"],
                          ["set-policy", "europastrategie", "ja", "--decision", "Raadsbesluit"]] {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        let listing = try run(["backups"])
        #expect(listing.status == 0)
        let names = listing.standardOutput.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("dossier-") && $0.hasSuffix(".json") }.map(String.init)
        }
        let first = try #require(names.first { $0.hasSuffix("-000000000.json") }, "\(listing.standardOutput)")

        let unconfirmed = try run(["restore", first])
        #expect(unconfirmed.status == 64)
        #expect(unconfirmed.standardError.contains("bevestig met --yes"))
        #expect(try DossierStore(path: storePath).load().relation("bom")?.status == .verkennen, "nothing restored without confirmation")

        let restored = try run(["restore", first, "--yes"])
        #expect(restored.status == 0, "\(restored.standardError)")
        let dossier = try DossierStore(path: storePath).load()
        #expect(dossier.relations == Fixtures.smallDossier().relations)
        #expect(try run(["log"]).standardOutput.contains(first), "the restore is in the log")
        // And in the log of each record it changed back, not in that of one it left as it was.
        for id in ["bom", "missie-lyon", "taizhou", "budgetregel:internationalisering", "kader"] {
            #expect(try run(["log", id]).standardOutput.contains(first), "\(id)")
        }
        #expect(!(try run(["log", "pivot-park"]).standardOutput.contains(first)))
        #expect(try run(["backups"]).standardOutput.split(separator: "\n").count > names.count, "the state before the restore became a backup")
    }

    @Test("--read-only reads without locking and refuses every change, writing nothing")
    func readOnly() throws {
        let before = try directory.read("dossier.json")
        #expect(try run(["relations", "--read-only"]).status == 0)
        let refused = try run(["set-status", "bom", "verkennen", "--reason", "r", "--read-only"])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("--read-only"))
        #expect(try directory.read("dossier.json") == before)
        #expect(try PosixFileSystem().status(storePath + ".journal") == nil)
    }
}
