import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The command line on files that are not what they seem: `-o` onto pipes, devices, links and folders, an
/// empty `--store`, a dossier that does not load (backups and restore must still work), and a default
/// dossier whose snapshot is gone while its journal remains.
@Suite("Hostile files on the command line")
struct HostileFilesCommandTests {
    let directory = TemporaryDirectory()
    let runner = ProgramRunner()
    var storePath: String { directory.file("dossier.json") }

    init() throws {
        try directory.write("dossier.json", Fixtures.smallDossier().encoded())
        chmod(storePath, 0o600)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProgramRunner.Result {
        try runner.run(arguments + ["--store", storePath], environment: ["DOSSIER_USER": "adviseur", "DOSSIER_JOURNAL_LIMIT": "1"].merging(environment) { $1 })
    }

    @Test("a CSV or a text file given as the dossier is called what it is, with the import for a CSV; nothing is written beside it")
    func notADossier() throws {
        try directory.write("activiteiten.csv", "\u{FEFF}titel;soort;status\r\nBeurs;beurs;idee\r\n")
        try directory.write("notities.txt", "\u{1B}[31mrood\n")
        try directory.write("relaties.csv", "id,naam,soort\r\nbom,BOM,partner\r\n")
        for (name, says) in [("relaties.csv", "begint met 'id,naam,soort'. Het bestand is niet aangeraakt."),
                             ("activiteiten.csv", "begint met 'titel;soort;status'. Zijn het activiteiten, lees ze dan in met: dossier import activities "),
                             ("notities.txt", "begint met '␛[31mrood'. Het bestand is niet aangeraakt.")] {
            let before = try directory.read(name)
            for arguments in [["--store", directory.file(name), "relations"], ["validate", directory.file(name)]] {
                let result = try runner.run(arguments, environment: ["DOSSIER_USER": "adviseur"])
                #expect(result.status == 65, "\(arguments): \(result.standardError)")
                #expect(result.standardError.contains("\(directory.file(name)) is geen dossier: een dossier is een JSON-bestand dat met '{' begint, dit bestand \(says)"),
                        "\(arguments): \(result.standardError)")
            }
            #expect(try directory.read(name) == before)
            #expect(!FileManager.default.fileExists(atPath: directory.file(name) + ".journal"))
        }
    }

    @Test("apply reads any stream (a pipe too); a folder or a missing file is refused with its exit code, not a crash")
    func applyFromWhatIsNoFile() throws {
        let before = try directory.read("dossier.json")
        let folder = try run(["apply", directory.path])
        #expect(folder.status == 74, "\(folder.status): \(folder.standardError)")
        #expect(folder.standardError == "dossier: kan \(directory.path) niet lezen: is een map, geen bestand\n")
        let missing = try run(["apply", directory.file("weg.jsonl")])
        #expect(missing.status == 66, "\(missing.standardError)")
        // Endless input without a line break is refused once past any change's length, not read until memory runs out.
        let endless = try run(["apply", "/dev/zero"])
        #expect(endless.status == 65, "\(endless.standardError)")
        #expect(endless.standardError == "dossier: /dev/zero, regel 1: geen wijziging (een wijziging begint met '{' en eindigt met een regeleinde)\n")
        #expect(try directory.read("dossier.json") == before)
        let fifo = directory.file("wijzigingen")
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let line = #"{"type":"set-relation-status","relation":"bom","status":"verkennen","reason":"herijking"}"# + "\n"
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data(line.utf8))
            try? handle?.close()
        }
        writer.start()
        let piped = try run(["apply", fifo])
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(piped.standardOutput.hasPrefix("bewaard "), "\(piped.standardOutput)")
    }

    @Test("apply whose output reader goes away (| head) applies the whole feed, and says the output was lost with 74")
    func applyIntoAClosedPipe() throws {
        let feed = (1...200).map { #"{"type":"add-contact","relation":"bom","contact":{"name":"Persoon \#($0)"}}"# }.joined(separator: "\n")
        try directory.write("feed.jsonl", feed + "\n")
        let shell = ProgramRunner(executable: "/bin/bash")
        let script = "\"$0\" apply \"$1\" --store \"$2\" | true; echo \"${PIPESTATUS[0]}\""
        let result = try shell.run(["-c", script, runner.executable, directory.file("feed.jsonl"), storePath],
                                   environment: ["DOSSIER_USER": "adviseur", "DOSSIER_JOURNAL_LIMIT": "1000"])
        #expect(result.standardOutput == "74\n", "\(result.standardOutput) \(result.standardError)")
        #expect(result.standardError.contains("wat de opdracht toont, is niet (helemaal) aangekomen"), "\(result.standardError)")
        let shown = try run(["show", "bom", "--json"]).standardOutput
        #expect(shown.contains("Persoon 200"), "the whole feed was applied")
    }

    @Test("apply says what the commands say after the same addition: a contact or follow-up it probably doubles (a feed run twice), a due date past")
    func applySaysLikelyDoubles() throws {
        try directory.write("feed.jsonl", #"{"type":"add-contact","relation":"bom","contact":{"name":"Dubbel Persoon"}}"# + "\n")
        let first = try run(["apply", directory.file("feed.jsonl")])
        #expect(first.status == 0 && first.standardError.isEmpty, "\(first.standardError)")
        let again = try run(["apply", directory.file("feed.jsonl")])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardError == "dossier: let op: regel 1: BOM had al een contactpersoon Dubbel Persoon (dubbel-persoon)\n", "\(again.standardError)")
    }

    @Test("a copy onto an existing dossier is refused with 64, says so plainly, and leaves it as it was")
    func copyOntoExisting() throws {
        try directory.write("ander.json", Fixtures.smallDossier().encoded())
        let before = try directory.read("ander.json")
        let result = try runner.run(["copy", "--from", storePath, "--to", directory.file("ander.json")], environment: ["DOSSIER_USER": "adviseur"])
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError == "dossier: \(directory.file("ander.json")) bestaat al (of zijn journaal, back-ups of geschiedenis); er is niets geschreven. "
                + "Kopieer naar een nieuw bestand: een bestaand dossier wordt nooit overschreven\n", "\(result.standardError)")
        #expect(try directory.read("ander.json") == before)
        // To a new file (a copy to keep): nothing to say about the old one, which a move into a database says.
        let copied = try runner.run(["copy", "--from", storePath, "--to", directory.file("nieuw.json")], environment: ["DOSSIER_USER": "adviseur"])
        #expect(copied.status == 0 && !copied.standardOutput.contains("Let op"), "\(copied.standardOutput)\(copied.standardError)")
    }

    @Test("-o into a named pipe streams into it and leaves the pipe a pipe")
    func outputToPipe() throws {
        let fifo = directory.file("uit.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reading end in a thread of its own (not a task: the test pool may be busy with blocking tests).
        let received = ReceivedBytes()
        let reader = Thread {
            let descriptor = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while descriptor >= 0 {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                received.append(buffer[0..<count])
            }
            close(descriptor)
            received.finish()
        }
        reader.start()
        let result = try run(["export", "--format", "csv", "--what", "relations", "-o", fifo])
        #expect(result.status == 0, "\(result.standardError)")
        let text = String(decoding: received.wait(), as: UTF8.self)
        #expect(text.contains("Rhône-Alpes"))
        #expect(try PosixFileSystem().status(fifo)?.kind == .special, "still a named pipe")
    }

    @Test("output that cannot be written to stdout (a full disk) ends with 74 and says so; a change whose message was lost is saved")
    func stdoutThatFails() throws {
        let scratch = TemporaryDirectory(prefix: "dossier-full")
        try scratch.write("in", "")
        let environment = ["PATH": "/usr/bin:/bin", "HOME": scratch.path, "LANG": "C.UTF-8", "DOSSIER_USER": "adviseur"]
        for arguments in [["export"], ["relations", "--json"], ["show", "taizhou"], ["add-follow-up", "missie-lyon", "--what", "Bellen"]] {
            let status = try ProgramRunner.spawn(runner.executable, arguments + ["--store", storePath], environment: environment,
                                                 stdin: scratch.file("in"), stdout: "/dev/full", stderr: scratch.file("err"))
            let error = String(decoding: try scratch.read("err"), as: UTF8.self)
            #expect(status == 74, "\(arguments): \(error)")
            #expect(error == "dossier: kan de uitvoer niet schrijven: de schijf is vol; wat de opdracht toont, is niet (helemaal) aangekomen (een wijziging die ze maakte, is wel bewaard)\n",
                    "\(arguments)")
        }
        #expect(try run(["show", "missie-lyon"]).standardOutput.contains("Bellen"), "the change was saved")
    }

    @Test("a dossier file its owner made read-only (chmod 444) is not changed: a change is refused with 77, reading works, nothing is written beside it")
    func writeProtectedDossier() throws {
        chmod(storePath, 0o444)
        let before = try PosixFileSystem().readFile(storePath)
        let refused = try run(["set-status", "bom", "verkennen", "--reason", "r"])
        #expect(refused.status == 77)
        #expect(refused.standardError == "dossier: \(storePath): het bestand is schrijfbeveiligd (chmod u+w maakt het weer schrijfbaar); er is niets gewijzigd\n")
        #expect(try run(["relations"]).status == 0)
        #expect(try PosixFileSystem().readFile(storePath) == before)
        #expect(try PosixFileSystem().status(storePath)?.mode == 0o444)
        #expect(try PosixFileSystem().status(storePath + ".journal") == nil, "no journal beside it")
        chmod(storePath, 0o600)
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "r"]).status == 0)
    }

    @Test("a user the system does not let write the file (a colleague's, the group may only read it) or its folder is refused with 77; nothing is written")
    func notThisUsersToWrite() throws {
        // As root every file is writable: the program then runs as nobody, as a colleague without the rights would.
        let asAnotherUser = geteuid() == 0
        let runner = asAnotherUser ? ProgramRunner(executable: "/usr/bin/setpriv") : self.runner
        func run(_ arguments: [String], store: String) throws -> ProgramRunner.Result {
            let command = arguments + ["--store", store]
            return try runner.run(asAnotherUser ? ["--reuid=65534", "--regid=65534", "--clear-groups", ProgramRunner.builtBinary("dossier")] + command : command,
                                  environment: ["DOSSIER_USER": "collega", "HOME": "/tmp"])
        }
        chmod(directory.path, 0o755)
        var cases: [(folder: String, fileMode: mode_t, folderMode: mode_t, says: String)] = [
            ("map", 0o666, 0o555, "u mag in deze map niet schrijven, en het journaal, het slot en de back-ups staan naast het dossier"),
        ]
        if asAnotherUser {
            let owner = try #require(SystemUser.name(of: geteuid()))
            cases.append(("bestand", 0o644, 0o777, "u hebt geen schrijfrechten op dit bestand (de eigenaar, \(owner), kan ze geven)"))
            // Made read-only by its owner: only the owner can undo that, so the colleague is told who, not to chmod u+w.
            cases.append(("beveiligd", 0o444, 0o777, "het bestand is schrijfbeveiligd; de eigenaar, \(owner), of de beheerder kan het weer "
                          + "schrijfbaar maken (chmod ug+w: ook voor de groep)"))
            cases.append(("journaal", 0o666, 0o777, "dossier.json.journal: u hebt geen schrijfrechten op dit bestand naast het dossier"))
        }
        for (folder, fileMode, folderMode, says) in cases {
            let store = directory.file(folder) + "/dossier.json"
            mkdir(directory.file(folder), 0o755)
            try directory.write(folder + "/dossier.json", Fixtures.smallDossier().encoded())
            chmod(store, fileMode)
            if folder == "journaal" {
                try directory.write(folder + "/dossier.json.journal", [])
                chmod(store + ".journal", 0o644)
            }
            chmod(directory.file(folder), folderMode)
            defer { chmod(directory.file(folder), 0o755) }
            let before = try directory.read(folder + "/dossier.json")
            let read = try run(["relations"], store: store)
            #expect(read.status == 0, "reading works: \(read.standardError)")
            let refused = try run(["set-status", "bom", "verkennen", "--reason", "r"], store: store)
            #expect(refused.status == 77, "\(folder): \(refused.standardError)")
            #expect(refused.standardError.contains(says) && refused.standardError.hasSuffix("; er is niets gewijzigd\n"), "\(refused.standardError)")
            #expect(try directory.read(folder + "/dossier.json") == before)
            #expect(try PosixFileSystem().contentsOfDirectory(directory.file(folder)).sorted() == (folder == "journaal" ? ["dossier.json", "dossier.json.journal"] : ["dossier.json"]),
                    "nothing beside it")
            if folder == "journaal" {
                #expect(try directory.read(folder + "/dossier.json.journal").isEmpty)
                // The screen opens read-only and names the file it may not write, as the refusal above does.
                let screen = try TmuxSession(command: "env LANG=C.UTF-8 TZ=UTC HOME=/tmp DOSSIER_USER=collega /usr/bin/setpriv --reuid=65534 "
                                             + "--regid=65534 --clear-groups \(ProgramRunner.builtBinary("dossier")) --store '\(store)'", width: 200, height: 30)
                let shown = try screen.waitFor("[alleen-lezen]")
                #expect(shown.contains("Alleen-lezen geopend: \(store).journal: u hebt geen schrijfrechten op dit bestand naast het dossier"), "\(shown)")
            }
        }
    }

    /// Reading, the program needs no more than read rights, and says which it lacks: not the write path's "niets is half
    /// geschreven" with 74, as a full disk would.
    @Test("a dossier, a history or a backups folder this user may not read is refused with 77, naming it and who can give the rights")
    func notThisUsersToRead() throws {
        // As root every file is readable: the program then runs as nobody, as a colleague without the rights would; as
        // anyone else, the owner takes the rights away from the files.
        let asAnotherUser = geteuid() == 0
        let runner = asAnotherUser ? ProgramRunner(executable: "/usr/bin/setpriv") : self.runner
        func runAsColleague(_ arguments: [String], environment: [String: String] = [:]) throws -> ProgramRunner.Result {
            try runner.run(asAnotherUser ? ["--reuid=65534", "--regid=65534", "--clear-groups", ProgramRunner.builtBinary("dossier")] + arguments : arguments,
                           environment: ["DOSSIER_USER": "collega", "HOME": "/tmp"].merging(environment) { $1 })
        }
        let owner = try #require(SystemUser.name(of: geteuid()))
        chmod(directory.path, 0o777)
        defer { chmod(directory.path, 0o755) }
        // Two merges: a backup and archived journals.
        for status in ["verkennen", "focus"] { #expect(try run(["set-status", "bom", status, "--reason", "r"]).status == 0) }
        let backup = try #require(try PosixFileSystem().contentsOfDirectory(storePath + ".backups").first)
        for file in [storePath, storePath + ".lock", storePath + ".compact.lock"] { chmod(file, 0o666) }

        chmod(storePath, asAnotherUser ? 0o600 : 0o000)
        let file = "\(storePath): u hebt geen leesrechten op dit bestand (de eigenaar, \(owner), kan ze geven); er is niets gewijzigd\n"
        for arguments in [["relations"], ["--read-only", "relations"], ["log"], ["show", "bom"]].map({ $0 + ["--store", storePath] }) + [["validate", storePath]] {
            let refused = try runAsColleague(arguments)
            #expect(refused.status == 77 && refused.standardError == "dossier: " + file, "\(arguments): \(refused.standardError)")
        }
        chmod(storePath, 0o666)

        let history = storePath + ".history"
        chmod(history, asAnotherUser ? 0o700 : 0o000)
        let log = try runAsColleague(["log", "--store", storePath])
        #expect(log.status == 77 && log.standardError == "dossier: \(history): u hebt geen leesrechten op deze map (de eigenaar, \(owner), kan ze geven); er is niets gewijzigd\n",
                "\(log.standardError)")
        // Reading the dossier itself does not need its history (whether the file stands before it is asked of a writer).
        for arguments in [["relations"], ["--read-only", "relations"], ["show", "bom"]].map({ $0 + ["--store", storePath] }) {
            let read = try runAsColleague(arguments)
            #expect(read.status == 0, "\(arguments): \(read.standardError)")
        }
        chmod(history, 0o777)

        let backups = storePath + ".backups"
        chmod(backups, asAnotherUser ? 0o700 : 0o000)
        defer { chmod(backups, 0o755) }
        let folder = "\(backups): u hebt geen leesrechten op deze map (de eigenaar, \(owner), kan ze geven); er is niets gewijzigd\n"
        for arguments in [["backups"], ["restore", backup, "--yes"]].map({ $0 + ["--store", storePath] }) {
            let refused = try runAsColleague(arguments)
            #expect(refused.status == 77 && refused.standardError == "dossier: " + folder, "\(arguments): \(refused.standardError)")
        }

        // A backups folder that may be read but not written: the change is saved, the merge is not, and the warning says
        // of which folder and who can change it, in words, not a system call's name.
        chmod(backups, 0o555)
        let changed = try runAsColleague(["set-status", "bom", "verkennen", "--reason", "r", "--store", storePath], environment: ["DOSSIER_JOURNAL_LIMIT": "1"])
        #expect(changed.status == 0, "\(changed.standardError)")
        #expect(changed.standardError == "dossier: let op: De wijziging is bewaard, maar het dossier kon niet worden samengevoegd: \(backups): u mag in deze map "
                + "naast het dossier niet schrijven, en samenvoegen bewaart daar de vorige stand; de eigenaar, \(owner), of de beheerder kan de map de "
                + "groep en de groepsrechten van het dossier geven.\n", "\(changed.standardError)")
        #expect(try run(["show", "bom"]).standardOutput.contains("Verkennen"), "the change itself was saved")
    }

    @Test("-o /dev/null writes into the device and leaves it a device")
    func outputToDevice() throws {
        let result = try run(["export", "--format", "csv", "--what", "relations", "-o", "/dev/null"])
        #expect(result.status == 0, "\(result.standardError)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test("-o through a link replaces the file it names and keeps the link and the file's mode; a folder or a dangling link is refused")
    func outputThroughLinks() throws {
        try directory.write("echt.csv", "oud\n")
        chmod(directory.file("echt.csv"), 0o640)
        #expect(symlink(directory.file("echt.csv"), directory.file("koppeling.csv")) == 0)
        let written = try run(["export", "--format", "csv", "--what", "relations", "-o", directory.file("koppeling.csv")])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(try PosixFileSystem().status(directory.file("koppeling.csv"))?.kind == .symbolicLink)
        #expect(String(decoding: try directory.read("echt.csv"), as: UTF8.self).contains("Rhône-Alpes"))
        #expect(try PosixFileSystem().status(directory.file("echt.csv"))?.mode == 0o640)

        let folder = try run(["export", "--format", "csv", "--what", "relations", "-o", directory.path])
        #expect(folder.status == 74)
        #expect(folder.standardError.contains("map"), "\(folder.standardError)")

        #expect(symlink(directory.file("bestaat-niet.csv"), directory.file("los.csv")) == 0)
        let dangling = try run(["export", "--format", "csv", "--what", "relations", "-o", directory.file("los.csv")])
        #expect(dangling.status == 74, "\(dangling.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("bestaat-niet.csv")))

        let fresh = try run(["export", "--format", "csv", "--what", "relations", "-o", directory.file("nieuw.csv")])
        #expect(fresh.status == 0)
        #expect(try PosixFileSystem().status(directory.file("nieuw.csv"))?.mode == 0o600, "a new file is the owner's only")
    }

    @Test("a journal cut short in place outside the program is said at every load, naming the changes missing, until a change is saved")
    func journalCutShort() throws {
        let keep = ["DOSSIER_JOURNAL_LIMIT": "50"]
        for status in ["verkennen", "focus", "actief"] { #expect(try run(["set-status", "bom", status, "--reason", "r"], environment: keep).status == 0) }
        // Its last line taken away in place (the same file): as a sync tool or an editor putting back an older version might.
        let journal = storePath + ".journal"
        let lines = try directory.read("dossier.json.journal").split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let shorter = Array(lines.dropLast(2).joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: shorter)
        try handle.close()
        // A screen opened and closed without a change (which would fold the journal into the snapshot) leaves it as it is.
        let screen = DossierStore(path: storePath)
        try screen.openForWriting(actor: "adviseur")
        try screen.close(try screen.load(), at: Fixtures.now)
        #expect(try PosixFileSystem().readFile(journal) == shorter, "not folded in: the missing changes can still be put back")
        for _ in 0..<2 {
            let shown = try run(["show", "bom"], environment: keep)
            #expect(shown.status == 0 && shown.standardOutput.contains("Focus"), "\(shown.standardError)")
            #expect(shown.standardError.contains("Het journaal \(journal) is korter dan toen dossier het het laatst las: wijziging 3 ontbreekt."),
                    "said at every load: \(shown.standardError)")
        }
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "verder"], environment: keep).status == 0)
        let after = try run(["show", "bom"], environment: keep)
        #expect(!after.standardError.contains("korter"), "once a change is saved, the journal as it is counts: \(after.standardError)")
    }

    @Test("a dossier path that is a link to a file that is not there (a network drive not mounted) is said to be that, with 66; nothing is made")
    func linkToNothing() throws {
        let link = directory.file("gedeeld.json"), target = directory.file("schijf/dossier.json")
        #expect(symlink(target, link) == 0)
        for command in [["relations"], ["set-status", "bom", "focus", "--reason", "r"]] {
            let refused = try runner.run(command + ["--store", link], environment: ["DOSSIER_USER": "adviseur"])
            #expect(refused.status == 66, "\(command): \(refused.standardError)")
            #expect(refused.standardError == "dossier: \(target), waar de koppeling \(link) naar wijst, bestaat niet\n", "\(refused.standardError)")
        }
        #expect(try PosixFileSystem().contentsOfDirectory(directory.path).sorted() == ["dossier.json", "gedeeld.json"], "nothing beside it")
    }

    @Test("-o onto the dossier itself, its journal, index or backups (also through another name) is refused with 64 before anything is written")
    func outputOntoTheDossier() throws {
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "een"], environment: ["DOSSIER_JOURNAL_LIMIT": "50"]).status == 0)
        let before = try [storePath, storePath + ".journal"].map { try PosixFileSystem().readFile($0) }
        try FileManager.default.createDirectory(atPath: directory.file("elders"), withIntermediateDirectories: true)
        #expect(symlink(storePath, directory.file("elders/link.json")) == 0)
        let targets = [(storePath, "het dossier zelf"), (directory.file("elders/../dossier.json"), "het dossier zelf"),
                       (directory.file("elders/link.json"), "het dossier zelf"), (storePath + ".journal", "het journaal"),
                       (storePath + ".index", "de index"), (storePath + ".backups/oud.json", "een bestand in de back-ups")]
        for (target, part) in targets {
            for command in [["export", "--format", "csv", "--what", "activities"], ["report", "--year", "2026"]] {
                let refused = try run(command + ["-o", target], environment: ["DOSSIER_JOURNAL_LIMIT": "50"])
                #expect(refused.status == 64, "\(command) -o \(target): \(refused.standardError)")
                #expect(refused.standardError.contains("is \(part)") && refused.standardError.contains("Kies een ander bestand"), "\(refused.standardError)")
            }
        }
        #expect(try [storePath, storePath + ".journal"].map { try PosixFileSystem().readFile($0) } == before)
        let shown = try run(["show", "bom"], environment: ["DOSSIER_JOURNAL_LIMIT": "50"])
        #expect(shown.status == 0 && shown.standardOutput.contains("Verkennen"))
        #expect(try run(["export", "-o", directory.file("dossier-kopie.json")]).status == 0, "a file beside it with another name is fine")
    }

    @Test("-o onto another dossier (its journal, lock or backups beside it) is refused with 64: its journal would belong to no snapshot")
    func outputOntoAnotherDossier() throws {
        let other = directory.file("ander.json")
        #expect(try runner.run(["copy", "--from", storePath, "--to", other], environment: ["DOSSIER_USER": "adviseur"]).status == 0)
        #expect(try ProgramRunner().run(["--store", other, "set-status", "bom", "verkennen", "--reason", "alleen in het journaal"],
                                        environment: ["DOSSIER_USER": "x", "DOSSIER_JOURNAL_LIMIT": "50"]).status == 0)
        let before = try [other, other + ".journal"].map { try PosixFileSystem().readFile($0) }
        for command in [["export"], ["export", "--format", "csv", "--what", "activities"], ["report", "--year", "2026"]] {
            let refused = try run(command + ["-o", other])
            #expect(refused.status == 64, "\(command): \(refused.standardError)")
            #expect(refused.standardError.contains("-o \(other) is een ander dossier") && refused.standardError.contains("dossier copy"),
                    "\(refused.standardError)")
        }
        // Nor onto its journal or a file in its backups.
        for (file, part) in [(other + ".journal", "het journaal van een ander dossier"), (other + ".backups/oud.json", "een bestand in de back-ups van een ander dossier")] {
            let refused = try run(["export", "--format", "csv", "--what", "activities", "-o", file])
            #expect(refused.status == 64 && refused.standardError.contains("-o \(file) is \(part) (\(other))"), "\(refused.standardError)")
        }
        #expect(try [other, other + ".journal"].map { try PosixFileSystem().readFile($0) } == before)
        // A plain export file may be written again; not while a program holds it open as a dossier (its lock beside it).
        let plain = directory.file("export.json")
        #expect(try run(["export", "-o", plain]).status == 0)
        #expect(try run(["export", "-o", plain]).status == 0)
        try directory.write("export.json.lock", "")
        #expect(try run(["export", "-o", plain]).status == 64)
    }

    @Test("--read-only writes nothing, also not the default dossier the first time: it says how to make it")
    func readOnlyMakesNothing() throws {
        let home = TemporaryDirectory()
        let result = try ProgramRunner().run(["--read-only", "show", "organon"], environment: ["HOME": home.path, "DOSSIER_USER": "x"])
        #expect(result.status == 66)
        #expect(result.standardError.contains("bestaat nog niet, en --read-only maakt niets aan"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: home.file(".local/share/dossier")))
        let made = try ProgramRunner().run(["show", "organon"], environment: ["HOME": home.path, "DOSSIER_USER": "x"])
        #expect(made.status == 0 && FileManager.default.fileExists(atPath: home.file(".local/share/dossier/dossier.json")))
        // Made with a lineage and a tail of its own, so that a journal is bound to this very file.
        let header = SnapshotHeader(head: try PosixFileSystem().readFile(home.file(".local/share/dossier/dossier.json")))
        #expect(header?.sequence == 0 && header?.tail.isEmpty == false, "\(String(describing: header))")
        #expect(try DossierStore(path: home.file(".local/share/dossier/dossier.json")).load().detachedFromItsLog()
                == DossierFile.decode(BundledDossier.bytes, file: "ingebouwd"), "otherwise the bundled dossier")
        // The snapshot gone but its journal there: not "made from the bundled one", but what the store says about it.
        try FileManager.default.removeItem(atPath: home.file(".local/share/dossier/dossier.json"))
        FileManager.default.createFile(atPath: home.file(".local/share/dossier/dossier.json.journal"), contents: Data("x\n".utf8))
        let traces = try ProgramRunner().run(["--read-only", "show", "organon"], environment: ["HOME": home.path, "DOSSIER_USER": "x"])
        #expect(traces.status != 0 && !traces.standardError.contains("meegeleverde"), "\(traces.standardError)")
    }

    @Test("an empty --store is refused instead of opening (and seeding) the default dossier")
    func emptyStore() throws {
        let home = TemporaryDirectory()
        let result = try ProgramRunner().run(["relations", "--store", ""], environment: ["HOME": home.path])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--store is leeg"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: home.file(".local/share/dossier/dossier.json")))
    }

    @Test("a damaged dossier without backups: the message says to mend the place it names, which loses nothing")
    func damagedWithoutBackups() throws {
        let text = String(decoding: try directory.read("dossier.json"), as: UTF8.self)
        try directory.write("dossier.json", text + "\nx")
        let failed = try run(["relations"])
        #expect(failed.status == 65)
        #expect(failed.standardError.contains("onverwachte tekst na het einde van het document"), "\(failed.standardError)")
        #expect(failed.standardError.contains("dossier: herstel het bestand op die plek (dan gaat er niets verloren); "
                                              + "er is nog geen back-up om terug te zetten"), "\(failed.standardError)")
    }

    @Test("a dossier that does not load: the message names the restore command, backups are listed, restore makes it again from the backup and the history, nothing lost")
    func unloadableDossier() throws {
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "r"]).status == 0)
        #expect(try run(["set-status", "bom", "focus", "--reason", "r"]).status == 0)
        try directory.write("dossier.json", "{ dit is geen dossier")
        let failed = try run(["relations"])
        #expect(failed.status == 65)
        // The backup and the history after it continue each other: the restore loses nothing, and is proposed as that.
        #expect(failed.standardError.contains("dossier: er gaat niets verloren: dossier --store '\(storePath)' restore dossier-"), "\(failed.standardError)")
        #expect(failed.standardError.hasSuffix(" bouwt het dossier opnieuw op uit die back-up en de wijzigingen erna, tot en met wijziging 2\n"),
                "\(failed.standardError)")
        // The whole log reads no dossier, but not of one that does not load.
        let logged = try run(["log"])
        #expect(logged.status == 65 && logged.standardError == failed.standardError, "\(logged.standardError)")
        let listed = try run(["backups"])
        #expect(listed.status == 0, "\(listed.standardError)")
        let newest = try #require(try DossierStore(path: storePath).backups().first)
        #expect(listed.standardOutput.contains(newest.name))
        #expect(newest.sequence == 1, "the backup is from before the second change, which the history holds")
        let restored = try run(["restore", newest.name, "--yes"])
        #expect(restored.status == 0, "\(restored.standardError)")
        #expect(restored.standardOutput.contains("Opnieuw opgebouwd: ") && restored.standardOutput.contains("t/m wijziging 2"), "\(restored.standardOutput)")
        #expect(try run(["validate"]).status == 0)
        #expect(try DossierStore(path: storePath).load().relation("bom")?.status == .focus, "the last change too")
        let kept = try DossierStore(path: storePath).files.setAsideFiles(fileSystem: PosixFileSystem())
            .map { String(decoding: try PosixFileSystem().readFile($0), as: UTF8.self) }
        #expect(kept == ["{ dit is geen dossier"], "the damaged file is kept beside the backups")
        #expect(try !run(["backups"]).standardOutput.contains("onleesbaar"), "but not offered as one")
        let log = try run(["log"])
        #expect(!log.standardOutput.contains("Teruggezet") && log.standardOutput.contains(" 2 "), "the log as it was: \(log.standardOutput)")
        // It goes on as before: the next change is number 3.
        #expect(try run(["set-status", "bom", "actief", "--reason", "r"]).status == 0)
        #expect(try DossierStore(path: storePath).history().map(\.sequence) == [1, 2, 3])
    }

    @Test("a dossier a newer version wrote is said to be that, with no restore proposed; going back to a backup is still possible")
    func newerVersionsDossier() throws {
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "r"]).status == 0)
        #expect(try run(["set-status", "bom", "focus", "--reason", "r"]).status == 0)
        var text = String(decoding: try directory.read("dossier.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"schemaVersion\": 3", with: "\"schemaVersion\": 9")
        try directory.write("dossier.json", text)
        let failed = try run(["relations"])
        #expect(failed.status == 65)
        #expect(failed.standardError == "dossier: \(storePath) is bewaard door een nieuwere versie van dossier (schemaVersion 9; deze versie kent "
                + "tot en met 3). Werk dossier bij om het te openen. Het bestand is niet aangeraakt.\n", "\(failed.standardError)")
        let newest = try #require(try DossierStore(path: storePath).backups().first)
        let restored = try run(["restore", newest.name, "--yes"])
        #expect(restored.status == 0, "\(restored.standardError)")
        #expect(try run(["validate"]).status == 0)
    }

    @Test("a damaged journal: the message says the dossier itself is whole up to its last change, and setting the journal aside keeps that")
    func damagedJournalAdvice() throws {
        // Changes 1–3 merged into the snapshot (change 1 also into a backup), then 4 and 5 in the journal.
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "een"]).status == 0)
        let keep = ["DOSSIER_JOURNAL_LIMIT": "2"]
        #expect(try run(["set-status", "bom", "focus", "--reason", "twee"], environment: keep).status == 0)
        #expect(try run(["set-status", "bom", "actief", "--reason", "drie"], environment: keep).status == 0)
        let more = ["DOSSIER_JOURNAL_LIMIT": "50"]
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "vier"], environment: more).status == 0)
        #expect(try run(["set-status", "bom", "focus", "--reason", "vijf"], environment: more).status == 0)
        let journal = storePath + ".journal"
        let holds = try #require(DossierStore(path: storePath).snapshotChangeNumber)
        #expect(holds == 3)
        let backup = try #require(try DossierStore(path: storePath).backups().first)
        #expect(backup.sequence < holds)
        var text = String(decoding: try PosixFileSystem().readFile(journal), as: UTF8.self)
        text = text.replacingOccurrences(of: "vier", with: "VIER")
        try directory.write("dossier.json.journal", text)

        let failed = try run(["relations"], environment: more)
        #expect(failed.status == 65)
        #expect(failed.standardError.contains("dossier: het dossier zelf (\(storePath)) is heel, tot en met wijziging 3; alleen de wijzigingen daarna, "
                                              + "in het journaal, zijn niet te lezen. Verder zonder die wijzigingen: zet het journaal opzij "
                                              + "(mv '\(journal)' '\(journal).beschadigd'); ze blijven daarin bewaard; een oudere stand: dossier --store '\(storePath)' restore "
                                              + "\(backup.name) (tot en met wijziging \(backup.sequence))"), "\(failed.standardError)")
        #expect(rename(journal, journal + ".beschadigd") == 0)
        let shown = try run(["show", "bom"], environment: more)
        #expect(shown.status == 0 && shown.standardOutput.contains("Actief"), "change 3 kept: \(shown.standardOutput)")
        // Damage on a later line: the lines before it are whole, and the advice keeps them.
        #expect(rename(journal + ".beschadigd", journal) == 0)
        try directory.write("dossier.json.journal", text.replacingOccurrences(of: "VIER", with: "vier").replacingOccurrences(of: "vijf", with: "VIJF"))
        let later = try run(["relations"], environment: more)
        #expect(later.status == 65)
        let advice = "het dossier zelf (\(storePath)) is heel, tot en met wijziging 3, en het journaal tot regel 2. Verder met alles wat heel is: "
            + "bewaar het journaal (cp '\(journal)' '\(journal).beschadigd') en houd alleen de regels ervoor (head -n 1 '\(journal).beschadigd' > "
            + "'\(journal)'); wat vanaf regel 2 staat, blijft in de bewaarde kopie; een oudere stand: "
        #expect(later.standardError.contains(advice), "\(later.standardError)")
        let recipe = Process()
        recipe.executableURL = URL(fileURLWithPath: "/bin/sh")
        recipe.arguments = ["-c", "cp '\(journal)' '\(journal).beschadigd' && head -n 1 '\(journal).beschadigd' > '\(journal)'"]
        try recipe.run()
        recipe.waitUntilExit()
        #expect(try DossierStore(path: storePath).load().relation("bom")?.status == .verkennen, "change 4 kept")
    }

    @Test("restored over a damaged dossier: what was set aside is no backup to go back to, and an access request searches it")
    func restoreOverDamage() throws {
        let merge = ["DOSSIER_JOURNAL_LIMIT": "1"]
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "een"], environment: merge).status == 0)
        #expect(try run(["set-status", "bom", "focus", "--reason", "twee"], environment: merge).status == 0)
        #expect(try run(["add-contact", "bom", "--name", "Jana Novakova", "--email", "jana@example.cz"], environment: ["DOSSIER_JOURNAL_LIMIT": "50"]).status == 0)
        var bytes = try PosixFileSystem().readFile(storePath)
        bytes[bytes.firstRange(of: Array("\"relations\"".utf8))!.lowerBound + 3] = 0
        try directory.write("dossier.json", bytes)
        // Without the history the file cannot be made again: the backup is put back, the journal set aside.
        try FileManager.default.removeItem(atPath: storePath + ".history")
        let newest = try #require(try DossierStore(path: storePath).backups().first)
        #expect(try run(["restore", newest.name, "--yes"]).status == 0)
        // The damaged file is kept, but not offered: the newest backup still loads.
        for backup in try DossierStore(path: storePath).backups() {
            #expect(throws: Never.self, "\(backup.name)") { try DossierFile.decode(try PosixFileSystem().readFile(backup.path), file: backup.name) }
        }
        let person = try run(["person", "jana@example.cz"])
        #expect(person.status == 0)
        #expect(person.standardOutput.contains("Apart gezet bij een terugzetting (niet in het logboek of de back-ups): 1 van de 2: "), "\(person.standardOutput)")
        #expect(person.standardOutput.contains("set-aside-journal-"), "\(person.standardOutput)")
        let json = try run(["person", "jana@example.cz", "--json"])
        #expect(json.standardOutput.contains("\"setAside\": [\"\(storePath).history/set-aside-journal-"), "\(json.standardOutput)")
        #expect(json.standardOutput.contains("\"notSearched\": []"), "\(json.standardOutput)")
        // A backup that cannot be read (here a folder in its place) is not searched: the text and the JSON name it, not "clean".
        let unreadable = try #require(try DossierStore(path: storePath).backups().first)
        try FileManager.default.removeItem(atPath: unreadable.path)
        try FileManager.default.createDirectory(atPath: unreadable.path, withIntermediateDirectories: false)
        let unsearched = try run(["person", "jana@example.cz"])
        #expect(unsearched.standardOutput.contains("Niet doorzocht, want niet te lezen: \(unreadable.path)"), "\(unsearched.standardOutput)")
        let unsearchedJSON = try run(["person", "jana@example.cz", "--json"])
        #expect(unsearchedJSON.standardOutput.contains("\"notSearched\": [\"\(unreadable.path)\"]"), "\(unsearchedJSON.standardOutput)")
    }

    @Test("the dossier file deleted: restore makes it again from the backup, the history and the journal, every change and the log kept")
    func rebuildAfterDeletion() throws {
        let own = directory.file("eigen.json")
        #expect(try runner.run(["new", own], environment: ["DOSSIER_USER": "adviseur"]).status == 0)
        func change(_ arguments: [String], _ user: String, limit: String) throws {
            let result = try runner.run(["--store", own] + arguments, environment: ["DOSSIER_USER": user, "DOSSIER_JOURNAL_LIMIT": limit])
            #expect(result.status == 0, "\(result.standardError)")
        }
        try change(["edit", "global-goals-platform-oss", "--places", "Berghem"], "anna", limit: "1")
        try change(["edit", "global-goals-platform-oss", "--places", "Oss, Berghem"], "bram", limit: "1")
        try change(["add-contact", "global-goals-platform-oss", "--name", "Jana Novakova"], "anna", limit: "50")
        let before = try DossierStore(path: own).load()
        try FileManager.default.removeItem(atPath: own)
        let backup = try #require(try DossierStore(path: own).backups().first)
        let restored = try runner.run(["--store", own, "restore", backup.name, "--yes"], environment: ["DOSSIER_USER": "carl"])
        #expect(restored.status == 0, "\(restored.standardError)")
        #expect(restored.standardOutput.contains("Opnieuw opgebouwd: ") && restored.standardOutput.contains("t/m wijziging 3"), "\(restored.standardOutput)")
        let after = try DossierStore(path: own).load()
        #expect(after.relations == before.relations && after.activities == before.activities)
        #expect(try DossierStore(path: own).history().map(\.actor) == ["anna", "bram", "anna"], "the log as it was, nothing set aside")
        try change(["edit", "global-goals-platform-oss", "--places", "Oss"], "carl", limit: "50")
        #expect(try DossierStore(path: own).history().map(\.sequence) == [1, 2, 3, 4])
    }

    @Test("an older copy of the dossier file put back after a merge (a sync tool) is refused before anything is written; restore makes the whole state again")
    func olderCopyPutBack() throws {
        let own = directory.file("eigen.json")
        #expect(try runner.run(["new", own], environment: ["DOSSIER_USER": "adviseur"]).status == 0)
        func change(_ arguments: [String], _ user: String) throws -> ProgramRunner.Result {
            try runner.run(["--store", own] + arguments, environment: ["DOSSIER_USER": user, "DOSSIER_JOURNAL_LIMIT": "1"])
        }
        #expect(try change(["edit", "global-goals-platform-oss", "--places", "Berghem"], "anna").status == 0)
        let older = try directory.read("eigen.json")
        #expect(try change(["set-status", "global-goals-platform-oss", "focus", "--reason", "besluit B&W"], "anna").status == 0)
        let segment = directory.file("eigen.json.history/journal-000000002-000000002.jsonl")
        let archived = try String(contentsOfFile: segment, encoding: .utf8)
        try directory.write("eigen.json", older)
        let historyBefore = try FileManager.default.contentsOfDirectory(atPath: directory.file("eigen.json.history")).sorted()
        // A change by the relations' own path, one that loads the whole dossier, and reading: each says what happened.
        for arguments in [["edit", "global-goals-platform-oss", "--region", "Brabant"], ["add-activity", "--title", "Beurs", "--kind", "beurs"],
                          ["relations"]] {
            let refused = try change(arguments, "bram")
            #expect(refused.status == 65, "\(arguments): \(refused.standardError)")
            #expect(refused.standardError.contains("is een oudere stand van het dossier: het bestand gaat tot en met wijziging 1, maar wijziging 2 staat al in de geschiedenis"),
                    "\(arguments): \(refused.standardError)")
        }
        #expect(try directory.read("eigen.json") == older)
        #expect(!FileManager.default.fileExists(atPath: own + ".journal"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("eigen.json.history")).sorted() == historyBefore)
        #expect(try String(contentsOfFile: segment, encoding: .utf8) == archived, "the history file of change 2 is not written over")
        // The refusal names the restore that makes the state with every change again.
        let said = try change(["relations"], "bram").standardError
        let backup = try #require(try DossierStore(path: own).backups().first)
        #expect(said.contains("restore \(backup.name) bouwt het dossier opnieuw op uit die back-up en de wijzigingen erna, tot en met wijziging 2"), "\(said)")
        let restored = try runner.run(["--store", own, "restore", backup.name, "--yes"], environment: ["DOSSIER_USER": "bram"])
        #expect(restored.status == 0, "\(restored.standardError)")
        #expect(try DossierStore(path: own).load().relation("global-goals-platform-oss")?.status == .focus)
        #expect(try change(["edit", "global-goals-platform-oss", "--region", "Brabant"], "bram").status == 0)
        #expect(try DossierStore(path: own).history().map(\.sequence) == [1, 2, 3])

        // An export (no lineage, no change number) copied over the dossier is such a file too.
        #expect(try runner.run(["--store", own, "export", "--format", "json", "-o", directory.file("export.json")], environment: ["DOSSIER_USER": "bram"]).status == 0)
        try directory.write("eigen.json", try directory.read("export.json"))
        let overExport = try change(["edit", "global-goals-platform-oss", "--region", "Oss"], "bram")
        #expect(overExport.status == 65 && overExport.standardError.contains("het bestand gaat tot en met wijziging 0, maar de wijzigingen 1–3 staan al in de geschiedenis"),
                "\(overExport.standardError)")
        #expect(try String(contentsOfFile: directory.file("eigen.json.history/journal-000000001-000000001.jsonl"), encoding: .utf8).contains("Berghem"))
    }

    @Test("a dossier file deleted before its first compaction (no backup yet) is said as that, with the ways out that work, not 'restore NAAM'")
    func deletedBeforeAnyBackup() throws {
        let own = directory.file("eigen.json")
        let environment = ["DOSSIER_USER": "adviseur", "DOSSIER_JOURNAL_LIMIT": "50"]
        #expect(try runner.run(["new", own], environment: environment).status == 0)
        #expect(try runner.run(["--store", own, "add-relation", "--name", "Leuven", "--kind", "regio"], environment: environment).status == 0)
        try FileManager.default.removeItem(atPath: own)
        let refused = try runner.run(["--store", own, "relations"], environment: environment)
        #expect(refused.status == 66)
        #expect(refused.standardError.contains("er is nog geen back-up om terug te zetten") && !refused.standardError.contains("restore NAAM")
                && refused.standardError.contains("mv \(ShellWord.quoted(own + ".journal")) \(ShellWord.quoted(own + ".journal.opzij"))"),
                "\(refused.standardError)")
        // The way out it names works.
        try FileManager.default.moveItem(atPath: own + ".journal", toPath: own + ".journal.opzij")
        let begun = try runner.run(["new", own], environment: environment)
        #expect(begun.status == 0, "\(begun.standardError)")
    }

    @Test("undo right after a restore names the backup that holds the state before it, and restoring that one puts it back")
    func undoAfterRestore() throws {
        let keep = ["DOSSIER_JOURNAL_LIMIT": "1"]
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "een"], environment: keep).status == 0)
        #expect(try run(["set-status", "bom", "focus", "--reason", "twee"], environment: keep).status == 0)
        let before = try DossierStore(path: storePath).load()
        let oldest = try #require(try DossierStore(path: storePath).backups().last)
        #expect(try run(["restore", oldest.name, "--yes"], environment: keep).status == 0)
        let undone = try run(["undo", "--yes"], environment: keep)
        #expect(undone.status == 65)
        let said = try #require(undone.standardError.range(of: "de stand van vlak ervoor staat in de back-up "), "\(undone.standardError)")
        let name = String(undone.standardError[said.upperBound...].prefix { $0 != ":" })
        #expect(try run(["restore", name, "--yes"], environment: keep).status == 0)
        #expect(try DossierStore(path: storePath).load().relations == before.relations)
    }

    @Test("validate checks the log too: a change in the history folder changed by hand is damage, with 65")
    func validateChecksTheLog() throws {
        for status in ["verkennen", "focus"] { #expect(try run(["set-status", "bom", status, "--reason", "r"]).status == 0) }
        #expect(try runner.run(["validate", storePath]).status == 0)
        let history = storePath + ".history"
        let segment = try #require(try PosixFileSystem().contentsOfDirectory(history).first { $0.hasSuffix(".jsonl") })
        let text = String(decoding: try PosixFileSystem().readFile(history + "/" + segment), as: UTF8.self)
        try directory.write("dossier.json.history/" + segment, text.replacingOccurrences(of: "Verkennen", with: "Verkennem"))
        let refused = try runner.run(["validate", storePath])
        #expect(refused.status == 65 && refused.standardError.contains("is beschadigd"), "\(refused.standardError)")
    }

    @Test("after a copy, whose backups are named after the copy, undo past a restore and a restore by the name the log gives still find the backup")
    func backupsFoundAfterCopy() throws {
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "een"]).status == 0)
        #expect(try run(["set-status", "bom", "focus", "--reason", "twee"]).status == 0)
        let keep = ["DOSSIER_JOURNAL_LIMIT": "50"]
        let oldest = try #require(try DossierStore(path: storePath).backups().last)
        #expect(try run(["restore", oldest.name, "--yes"], environment: keep).status == 0)
        let afterRestore = try DossierStore(path: storePath).load().relation("bom")?.status
        #expect(try run(["set-status", "bom", afterRestore == .focus ? "actief" : "focus", "--reason", "drie"], environment: keep).status == 0)
        let copy = directory.file("kopie.json")
        let copied = try runner.run(["copy", "--from", storePath, "--to", copy], environment: ["DOSSIER_USER": "adviseur"])
        #expect(copied.status == 0, "\(copied.standardError)")
        #expect(try DossierStore(path: copy).backups().allSatisfy { $0.name.hasPrefix("kopie-") }, "named after the copy")
        let undone = try runner.run(["undo", "--yes", "--store", copy], environment: ["DOSSIER_USER": "adviseur"].merging(keep) { $1 })
        #expect(undone.status == 0, "\(undone.standardError)")
        #expect(try DossierStore(path: copy).load().relation("bom")?.status == afterRestore, "the change after the restore undone")
        let restored = try runner.run(["restore", oldest.name, "--yes", "--store", copy], environment: ["DOSSIER_USER": "adviseur"].merging(keep) { $1 })
        #expect(restored.status == 0, "by the name it had before the copy: \(restored.standardError)")
    }

    @Test("restored after the dossier file was deleted: the changes after the backup are named, by whom and where they are, and no number is used twice")
    func restoreAfterDeletion() throws {
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "een"], environment: ["DOSSIER_USER": "anna"]).status == 0)
        let keep = ["DOSSIER_JOURNAL_LIMIT": "50"]
        #expect(try run(["set-status", "bom", "focus", "--reason", "twee"], environment: keep.merging(["DOSSIER_USER": "bram"]) { $1 }).status == 0)
        #expect(try run(["set-status", "bom", "actief", "--reason", "drie"], environment: keep.merging(["DOSSIER_USER": "anna"]) { $1 }).status == 0)
        try FileManager.default.removeItem(atPath: storePath)
        let backup = try #require(try DossierStore(path: storePath).backups().first)
        #expect(backup.sequence == 0)
        let restored = try run(["restore", backup.name, "--yes"], environment: keep)
        #expect(restored.status == 0, "\(restored.standardError)")
        #expect(restored.standardError.contains("de 3 wijzigingen na deze back-up (nrs. 1–3, van anna en bram) zitten niet in de teruggezette stand"),
                "\(restored.standardError)")
        #expect(restored.standardError.contains("set-aside-journal-"), "\(restored.standardError)")
        let log = try run(["log", "--json"], environment: keep)
        #expect(log.standardOutput.contains("\"seq\": 4") || log.standardOutput.contains("\"seq\":4"), "after the highest the files knew: \(log.standardOutput)")
        #expect(!log.standardOutput.contains("\"seq\": 2") && !log.standardOutput.contains("\"seq\":2"), "\(log.standardOutput)")
    }

    @Test("a dossier begun by dossier new binds its journal to itself: another file copied over it, with or without a lineage, is refused with the way forward")
    func journalOfNewDossier() throws {
        let own = directory.file("eigen.json"), other = directory.file("ander.json")
        // No merge: the change stays in the journal.
        let environment = ["DOSSIER_USER": "adviseur", "DOSSIER_JOURNAL_LIMIT": "50"]
        for path in [own, other] { #expect(try runner.run(["new", path], environment: environment).status == 0) }
        let header = try #require(SnapshotHeader(head: try PosixFileSystem().readFile(own)))
        #expect(header.sequence == 0 && !header.tail.isEmpty, "a lineage and a tail of its own")
        let edited = try runner.run(["--store", own, "edit", "global-goals-platform-oss", "--places", "Oss, Berghem"], environment: environment)
        #expect(edited.status == 0, "\(edited.standardError)")
        for replacement in [BundledDossier.bytes, try PosixFileSystem().readFile(other)] {
            try directory.write("eigen.json", replacement)
            let refused = try runner.run(["--store", own, "relations"], environment: environment)
            #expect(refused.status == 65, "\(refused.standardOutput)")
            #expect(refused.standardError.contains("hoort niet bij het dossier") && refused.standardError.contains("mv '\(own).journal'"), "\(refused.standardError)")
        }
    }

    @Test("a damaged journal beside a dossier never merged (no header: a copy of the bundled one) gets the same advice")
    func damagedJournalOfUnmergedDossier() throws {
        let more = ["DOSSIER_JOURNAL_LIMIT": "50"]
        for reason in ["een", "twee", "drie"] {
            #expect(try run(["set-status", "bom", reason == "twee" ? "focus" : "verkennen", "--reason", reason], environment: more).status == 0)
        }
        #expect(SnapshotHeader(head: try PosixFileSystem().readFile(storePath)) == nil, "never merged")
        let journal = storePath + ".journal"
        let text = String(decoding: try PosixFileSystem().readFile(journal), as: UTF8.self)
        try directory.write("dossier.json.journal", text.replacingOccurrences(of: "drie", with: "DRIE"))
        let failed = try run(["relations"], environment: more)
        #expect(failed.status == 65)
        #expect(failed.standardError.contains("het dossier zelf (\(storePath)) is heel, zonder de wijzigingen in het journaal, en het journaal tot regel 3. "
                                              + "Verder met alles wat heel is: bewaar het journaal"), "\(failed.standardError)")
    }

    @Test("a journal that ends in a half-written line: validate says so beside 'geldig' (also in --json), a change says it once and cuts the line off")
    func tornJournalLine() throws {
        let keep = ["DOSSIER_JOURNAL_LIMIT": "50"]
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "een"], environment: keep).status == 0)
        let journal = storePath + ".journal"
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"crc":"00000000","entry":{"seq":2,"at":"2026-11"#.utf8))
        try handle.close()
        let warning = "dossier: let op: Het journaal eindigde met een half geschreven regel (een onderbroken opslag); die is genegeerd."

        let validated = try run(["validate"], environment: keep)
        #expect(validated.status == 0 && validated.standardOutput.contains("geldig"))
        #expect(validated.standardError == warning + "\n", "\(validated.standardError)")
        let json = try run(["validate", "--json"], environment: keep)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == true)
        #expect((object["notices"] as? [String])?.first?.contains("half geschreven regel") == true, "\(object)")

        let changed = try run(["set-status", "bom", "focus", "--reason", "twee"], environment: keep)
        #expect(changed.status == 0)
        #expect(changed.standardError.components(separatedBy: "half geschreven regel").count == 2, "said once: \(changed.standardError)")
        let after = try run(["validate"], environment: keep)
        #expect(after.status == 0 && after.standardError.isEmpty, "the line was cut off by the change: \(after.standardError)")
        let clean = try run(["validate", "--json"], environment: keep)
        #expect(!clean.standardOutput.contains("notices"))
    }

    @Test("log of a damaged journal or of a store that is not there says what every command says")
    func logOfWhatDoesNotLoad() throws {
        // A backup (the message then names the restore command), then changes kept in the journal.
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "r"]).status == 0)
        let keep = ["DOSSIER_JOURNAL_LIMIT": "50"]
        #expect(try run(["set-status", "bom", "focus", "--reason", "r"], environment: keep).status == 0)
        #expect(try run(["set-status", "bom", "verkennen", "--reason", "r"], environment: keep).status == 0)
        // A line whose checksum no longer fits.
        let journal = storePath + ".journal"
        var text = String(decoding: try PosixFileSystem().readFile(journal), as: UTF8.self)
        let crc = try #require(text.range(of: #""crc":""#))
        text.replaceSubrange(crc.upperBound..<text.index(crc.upperBound, offsetBy: 8), with: "00000000")
        try directory.write("dossier.json.journal", text)
        for arguments in [["log"], ["log", "bom"]] {
            let (logged, listed) = (try run(arguments, environment: keep), try run(["relations"], environment: keep))
            #expect(logged.status != 0 && logged.status == listed.status, "\(arguments): \(logged.standardError)")
            #expect(logged.standardError == listed.standardError && listed.standardError.contains("' restore "), "\(arguments): \(listed.standardError)")
        }
        let nowhere = try runner.run(["log", "--store", directory.file("nergens.json")], environment: ["DOSSIER_USER": "adviseur"])
        #expect(nowhere.status == 66 && nowhere.standardError.contains("bestaat niet"), "\(nowhere.standardError)")
    }

    @Test("the default dossier whose snapshot is gone while its journal remains is not replaced by the bundled one")
    func missingSnapshotAtDefault() throws {
        let home = TemporaryDirectory()
        let environment = ["HOME": home.path, "DOSSIER_USER": "adviseur"]
        let first = try ProgramRunner().run(["set-status", "taizhou", "actief", "--reason", "nieuw contact"], environment: environment)
        #expect(first.status == 0, "\(first.standardError)")
        let snapshot = home.file(".local/share/dossier/dossier.json")
        #expect(unlink(snapshot) == 0)
        let after = try ProgramRunner().run(["relations"], environment: environment)
        #expect(after.status == 66)
        #expect(after.standardError.contains("ontbreekt") && after.standardError.contains("nog geen back-up om terug te zetten"), "\(after.standardError)")
        #expect(!FileManager.default.fileExists(atPath: snapshot), "nothing was seeded over the traces")
    }
}

/// What a reading thread received, handed over when it is done.
private final class ReceivedBytes: @unchecked Sendable {
    private let condition = NSCondition()
    private var bytes: [UInt8] = []
    private var isDone = false

    func append(_ more: ArraySlice<UInt8>) { condition.withLock { bytes += more } }

    func finish() {
        condition.withLock {
            isDone = true
            condition.broadcast()
        }
    }

    func wait() -> [UInt8] {
        condition.withLock {
            while !isDone { condition.wait() }
            return bytes
        }
    }
}
