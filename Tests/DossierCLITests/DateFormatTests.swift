import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// One Dutch form for dates on every surface, moments in local time; ISO in JSON and CSV; the form a setting.
@Suite("Dates for people on the command line")
struct DateFormatTests {
    let scratch: ScratchStore
    var home: String { scratch.directory.file("home") }
    /// Half an hour before midnight UTC: already the next day in Amsterdam.
    let lateEvening = ["DOSSIER_NOW": "2026-11-22T23:30:00Z", "TZ": "Europe/Amsterdam", "DOSSIER_USER": "adviseur"]

    init() throws {
        scratch = try ScratchStore()
        try FileManager.default.createDirectory(atPath: scratch.directory.file("home/.config/dossier"), withIntermediateDirectories: true)
    }

    func run(_ arguments: [String], _ environment: [String: String] = [:]) throws -> ProgramRunner.Result {
        try scratch.runner.run(arguments + ["--store", scratch.path],
                               environment: ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "adviseur", "HOME": home].merging(environment) { $1 })
    }

    @Test("the standard d-m-jjjj in tables and documents; ISO in JSON and CSV")
    func standardAndMachines() throws {
        #expect(try run(["relations"]).standardOutput.contains("31-12-2030 herijking"))
        #expect(try run(["activities"]).standardOutput.contains("12-6-2026"))
        #expect(try run(["show", "taizhou"]).standardOutput.contains("1-1-2025    Actief → Laag pitje  herijking 31-12-2030"))
        let json = try run(["relations", "--json"]).standardOutput
        #expect(json.contains("\"2030-12-31\"") && !json.contains("31-12-2030"))
        let csv = try run(["export", "--format", "csv", "--what", "activities"]).standardOutput
        #expect(csv.contains("2026-06-12") && !csv.contains("12-6-2026"))
    }

    @Test("dateFormat in the settings: every surface in that form", arguments: [
        ("d mmmm jjjj", "31 december 2030", "1 januari 2025", "12 juni 2026"),
        ("dd-mm-jjjj", "31-12-2030", "01-01-2025", "12-06-2026"),
        ("jjjj-mm-dd", "2030-12-31", "2025-01-01", "2026-06-12"),
    ])
    func configured(form: String, review: String, history: String, visit: String) throws {
        try scratch.directory.write("home/.config/dossier/config.json", #"{ "dateFormat": "\#(form)" }"#)
        #expect(try run(["relations"]).standardOutput.contains("\(review) herijking"))
        #expect(try run(["show", "taizhou"]).standardOutput.contains("\(history)  "))
        #expect(try run(["activities"]).standardOutput.contains(visit))
        #expect(try run(["due", "--within", "3000"]).standardOutput.contains(review))
        #expect(try run(["relations", "--json"]).standardOutput.contains("\"2030-12-31\""), "JSON stays ISO")
    }

    @Test("an unknown date form is named with the forms that exist, and the standard form is used; DOSSIER_DATE_FORMAT wins")
    func unknownForm() throws {
        try scratch.directory.write("home/.config/dossier/config.json", #"{ "dateFormat": "mm/dd/yyyy" }"#)
        let result = try run(["relations"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("31-12-2030 herijking"))
        #expect(result.standardError.contains("'dateFormat': 'mm/dd/yyyy' is geen datumnotatie; kies uit 'd-m-jjjj', 'dd-mm-jjjj', 'jjjj-mm-dd', 'd mmmm jjjj'"),
                "\(result.standardError)")
        #expect(try run(["relations"], ["DOSSIER_DATE_FORMAT": "jjjj-mm-dd"]).standardOutput.contains("2030-12-31 herijking"))
    }

    @Test("moments in local time: the log, the backups and a busy dossier's holder")
    func localMoments() throws {
        let changed = try run(["set-status", "bom", "focus", "--reason", "laat op de avond"], lateEvening.merging(["DOSSIER_JOURNAL_LIMIT": "1"]) { $1 })
        #expect(changed.status == 0, "\(changed.standardError)")
        let log = try run(["log"], lateEvening).standardOutput
        #expect(log.contains("23-11-2026 00:30"), "\(log)")
        #expect(try run(["log", "--json"], lateEvening).standardOutput.contains("\"2026-11-22T23:30:00Z\""), "JSON stays UTC ISO")
        let backups = try run(["backups"], lateEvening).standardOutput
        #expect(backups.contains("23-11-2026 00:30"), "\(backups)")
        // Someone holds the dossier: the lock file says since when in UTC ISO, the message in local time.
        let lock = try FileLock.acquire(scratch.path + ".lock", waiting: 0, holder: "Ine, sinds 2026-11-22T23:00:00Z", mode: 0o600)
        defer { lock.release() }
        let busy = try run(["set-status", "bom", "actief", "--reason", "x"], lateEvening.merging(["DOSSIER_LOCK_WAIT": "0.2"]) { $1 })
        #expect(busy.status == 75)
        #expect(busy.standardError.contains("in gebruik door Ine, sinds 23-11-2026 00:00"), "\(busy.standardError)")
    }

    @Test("TZ in the forms the C library reads (a leading colon, a zone file, a POSIX rule): times and today in that zone, with or without DOSSIER_NOW")
    func timeZoneForms() throws {
        let changed = try run(["set-status", "bom", "verkennen", "--reason", "x"], ["DOSSIER_NOW": "2026-11-22T09:00:00Z"])
        #expect(changed.status == 0, "\(changed.standardError)")
        for zone in ["America/Adak", ":America/Adak", ":/usr/share/zoneinfo/America/Adak", "HST10", "<-10>10"] {
            // Without DOSSIER_NOW: the system clock, and the entry made at 09:00 UTC shown at 23:00 the day before.
            let log = try scratch.runner.run(["log", "--store", scratch.path], environment: ["TZ": zone, "HOME": home])
            #expect(log.standardOutput.contains("21-11-2026 23:00"), "\(zone): \(log.standardOutput)")
            let agenda = try run(["agenda", "--to", "+0"], ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "TZ": zone])
            #expect(agenda.standardOutput.contains("vanaf 21-11-2026"), "\(zone): \(agenda.standardOutput)")
        }
    }

    @Test("DOSSIER_NOW as a day is that day at noon, also in a zone 14 hours ahead; one that does not read is refused before anything is written")
    func fixedDayAndRefusals() throws {
        for zone in ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"] {
            let agenda = try run(["agenda", "--to", "+0"], ["DOSSIER_NOW": "2026-12-05", "TZ": zone])
            #expect(agenda.standardOutput.contains("vanaf 5-12-2026"), "\(zone): \(agenda.standardOutput)")
        }
        let before = try scratch.directory.read("dossier.json")
        for value in ["2026-11-22T09:00Z", "morgen", "22-11-2026", "2026-11-22T09:00:00+01:00", "2300-01-01T00:00:00Z"] {
            let refused = try run(["set-status", "bom", "actief", "--reason", "x"], ["DOSSIER_NOW": value])
            #expect(refused.status == 64, "\(value)")
            #expect(refused.standardError.contains("DOSSIER_NOW '\(value)' is geen tijdstip binnen 1-1-1900 … 31-12-2199; geef een tijdstip in UTC zoals 2026-11-22T09:00:00Z"),
                    "\(value): \(refused.standardError)")
        }
        #expect(try scratch.directory.read("dossier.json") == before)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + ".journal"))
        let empty = try run(["relations"], ["DOSSIER_NOW": ""])
        #expect(empty.status == 0, "empty is not set: \(empty.standardError)")
        // The first and last day are days like any, in any zone: the moment written stays within the dates read back.
        for (day, zone) in [("2199-12-31", "Etc/GMT+12"), ("1900-01-01", "Etc/GMT-14"), ("2199-12-31", "Pacific/Kiritimati")] {
            let listed = try run(["agenda", "--to", "+0"], ["DOSSIER_NOW": day, "TZ": zone])
            #expect(listed.status == 0, "\(day) \(zone): \(listed.standardError)")
        }
        let help = try run(["--help"], ["DOSSIER_NOW": "morgen"])
        #expect(help.status == 0, "the help needs no clock")
    }
}
