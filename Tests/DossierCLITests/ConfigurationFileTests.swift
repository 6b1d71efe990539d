import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The configuration file (~/.config/dossier/config.json): a typo is an unknown setting, named with the ones
/// that exist; a command runs unless it uses a setting that cannot be read.
@Suite("The configuration file")
struct ConfigurationFileTests {
    let scratch: ScratchStore
    var home: String { scratch.directory.file("home") }

    init() throws {
        scratch = try ScratchStore()
        try FileManager.default.createDirectory(atPath: scratch.directory.file("home/.config/dossier"), withIntermediateDirectories: true)
    }

    func configure(_ text: String) throws {
        try scratch.directory.write("home/.config/dossier/config.json", text)
    }

    /// Runs with this HOME (and its configuration), as a user without DOSSIER_USER.
    func run(_ arguments: [String]) throws -> ProgramRunner.Result {
        try scratch.runner.run(arguments + ["--store", scratch.path], environment: ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "HOME": home])
    }

    @Test("a relative store in the settings is read from the settings' folder, ~/ from the home folder, wherever a command runs", arguments: [
        ("../../gedeeld/dossier.json", "/gedeeld/dossier.json"), ("~/gedeeld/dossier.json", "/gedeeld/dossier.json"), ("/srv/dossier.json", nil),
        ("postgresql://ine@db.oss.nl/dossier", nil), ("", nil), ("postgres-kopie.json", "/.config/dossier/postgres-kopie.json"),
    ])
    func relativeStore(written: String, fromHome: String?) throws {
        try configure(#"{ "store": "\#(written)" }"#)
        let loaded = try StoreConfiguration.load(environment: ["HOME": home])
        #expect(loaded.store == fromHome.map { home + $0 } ?? written)
    }

    @Test("a password in a database address is refused wherever an address is typed, naming PGPASSWORD and ~/.pgpass, never shown")
    func passwordInTypedAddress() throws {
        let environment = ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "HOME": home, "DOSSIER_USER": "adviseur"]
        // Port 1: nothing listens there, so an address that were taken would end in "niet bereikbaar" (69), not in a refusal.
        for address in ["postgresql://beheer:Geheim@127.0.0.1:1/dossier", "postgresql://beheer@127.0.0.1:1/dossier?password=Geheim"] {
            for (arguments, extra) in [(["--store", address, "relations"], [:]), (["relations"], ["DOSSIER_STORE": address]),
                                       (["copy", "--from", address, "--to", scratch.directory.file("kopie.json")], [:]),
                                       (["copy", "--from", scratch.path, "--to", address], [:]), (["db", "init", "--store", address], [:]),
                                       (["validate", address], [:])] {
                let result = try scratch.runner.run(arguments, environment: environment.merging(extra) { $1 })
                #expect(result.status == 64, "\(arguments) \(extra): \(result.standardError)")
                #expect(result.standardError.contains("PGPASSWORD") && result.standardError.contains("~/.pgpass"), "\(arguments): \(result.standardError)")
                #expect(!(result.standardError + result.standardOutput).contains("Geheim"), "\(arguments): \(result.standardError)")
            }
        }
    }

    @Test("~/ in --store=…, DOSSIER_STORE, copy and new is the home folder, as in the settings; never a folder named ~ where the command runs")
    func homeInTypedStore() throws {
        let environment = ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "HOME": home, "DOSSIER_USER": "adviseur"]
        // Run from the scratch folder (a shell only changes into it), so a wrong "~" folder would be made there.
        let shell = ProgramRunner(executable: "/bin/sh")
        let made = try shell.run(["-c", "cd \"$0\" && exec \"$1\" new '~/eigen.json'", scratch.directory.path, scratch.runner.executable],
                                 environment: environment)
        #expect(made.status == 0, "\(made.standardError)")
        #expect(FileManager.default.fileExists(atPath: home + "/eigen.json"))
        #expect(!FileManager.default.fileExists(atPath: scratch.directory.file("~")), "no folder named ~")
        let copied = try scratch.runner.run(["copy", "--from=" + scratch.path, "--to=~/kopie.json"], environment: environment)
        #expect(copied.status == 0 && FileManager.default.fileExists(atPath: home + "/kopie.json"), "\(copied.standardError)")
        let listed = try scratch.runner.run(["--store=~/kopie.json", "relations"], environment: environment)
        #expect(listed.status == 0 && listed.standardOutput.contains("Rhône-Alpes"), "\(listed.standardError)")
        let fromEnvironment = try scratch.runner.run(["relations"], environment: environment.merging(["DOSSIER_STORE": "~/eigen.json"]) { $1 })
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.standardError)")
    }

    @Test("a typo is an unknown setting: named, with a likely meaning and the settings that exist; every command runs")
    func unknownSetting() throws {
        try configure(#"{ "name": "Ine", "lookahaed": 90 }"#)
        for command in [["relations"], ["show", "bom"], ["due"], ["report", "--year", "2026"], ["set-status", "bom", "focus", "--reason", "typo"]] {
            let result = try run(command)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            let warning = result.standardError.split(separator: "\n").filter { $0.contains("onbekende instelling") }
            #expect(warning.count == 1, "said once: \(result.standardError)")
            #expect(result.standardError.contains("config.json, regel 1: onbekende instelling 'lookahaed' (overgeslagen); bedoelde u 'lookAhead'?"))
            #expect(result.standardError.contains("Wel bekend: name, organisation, lookAhead, backups, journalLimit, lockWait, dateFormat, store."))
            #expect(!result.standardError.contains("beschadigd"))
        }
        #expect(try scratch.load().relation("bom")?.statusHistory.last?.by == "Ine", "the settings it knows still count")
    }

    @Test("a setting whose value does not read stops only the commands that use it", arguments: [
        (#"{ "lookAhead": "zestig" }"#, "'lookAhead': geheel getal verwacht", ["due"]),
        (#"{ "name": 3 }"#, "'name': tekst verwacht", ["set-status", "bom", "focus", "--reason", "x"]),
        (#"{ "lookAhead": 1.5 }"#, "'lookAhead': geheel getal verwacht, gevonden: een getal met decimalen", ["due"]),
        // Twice: which is meant, the file does not say (the whole file was refused, and a command went on with the default dossier).
        ("{ \"name\": \"Ine\",\n  \"name\": \"Jan\" }", "regels 1 en 2, 'name': staat 2 keer in het bestand", ["set-status", "bom", "focus", "--reason", "x"]),
    ])
    func refusedSetting(configuration: String, problem: String, user: [String]) throws {
        try configure(configuration)
        let refused = try run(user)
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("dossier: ongeldige instelling: "), "\(refused.standardError)")
        #expect(refused.standardError.contains(problem), "\(refused.standardError)")
        #expect(!refused.standardError.contains("centen"), "a number of days is no amount")
        for command in [["relations"], ["show", "bom"], ["activities"]] {
            let result = try run(command)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            #expect(result.standardError.contains(problem) && result.standardError.contains("gaat door zonder"), "\(result.standardError)")
        }
    }

    @Test("a setting twice keeps its default, as the message says; the other settings are read")
    func settingTwice() throws {
        try configure("{ \"name\": \"Ine\", \"lookAhead\": 30,\n  \"name\": \"Jan\" }")
        let loaded = try StoreConfiguration.load(environment: ["HOME": home])
        #expect(loaded.name == nil && loaded.lookAheadDays == 30)
        #expect(loaded.refusedSettings["name"]?.contains("regels 1 en 2, 'name': staat 2 keer in het bestand") == true, "\(loaded.refusedSettings)")
        // The environment wins: then what the file says of it stops nothing.
        let named = try StoreConfiguration.load(environment: ["HOME": home, "DOSSIER_USER": "Ine"])
        #expect(named.name == "Ine" && named.refusedSettings["name"] == nil)
    }

    @Test("a damaged file (not JSON) stops commands that use settings, names the place, and lets readers run")
    func damagedFile() throws {
        try configure(#"{ "name": "Ine",, }"#)
        let writer = try run(["set-status", "bom", "focus", "--reason", "x"])
        #expect(writer.status == 65)
        #expect(writer.standardError.contains("config.json is beschadigd: regel 1, kolom 17"), "\(writer.standardError)")
        let reader = try run(["relations"])
        #expect(reader.status == 0)
        #expect(reader.standardError.contains("Deze opdracht heeft de instellingen niet nodig en gaat door."))
        #expect(try scratch.load() == Fixtures.smallDossier(), "nothing was changed")
    }

    @Test("the screen opens with a typo in the settings and says it on its message line")
    func screenSaysIt() throws {
        try configure(#"{ "name": "Ine", "lookahaed": 90 }"#)
        let tmux = try TmuxSession.shell(home: home, width: 200, height: 30)
        try tmux.type("\(ProgramRunner.builtBinary("dossier")) --store \(scratch.path); echo EXIT:$?")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("1 Relaties (5)")
        #expect(screen.contains("onbekende instelling 'lookahaed' (overgeslagen); bedoelde u 'lookAhead'?"), "\(screen)")
        try tmux.send("q")
        let after = try tmux.waitFor("EXIT:0")
        #expect(!after.contains("dossier: let op"), "said on the screen, not again on stderr")
    }
}
