@testable import DossierCLI
import Testing

/// The screen's start is read without the argument parser (`ScreenArguments`): what it reads must be what the parser
/// reads, and what it cannot read for certain it leaves to the parser.
@Suite("The screen's arguments, read by hand")
struct ScreenArgumentsTests {
    @Test("the store's options alone: read as the parser reads them", arguments: [
        ([], nil, false),
        (["--store", "dossier.json"], "dossier.json", false),
        (["--store=dossier.json"], "dossier.json", false),
        (["--read-only"], nil, true),
        (["--read-only", "--store", "/tmp/a b/Ölands dossier.json"], "/tmp/a b/Ölands dossier.json", true),
        (["--store", "postgresql://advies@localhost/dossier", "--read-only"], "postgresql://advies@localhost/dossier", true),
        (["--store", ""], "", false),
        (["--store=--read-only"], "--read-only", false),
        (["--store", "relations"], "relations", false),
    ] as [([String], String?, Bool)])
    func readLikeTheParser(arguments: [String], store: String?, isReadOnly: Bool) throws {
        let read = try #require(ScreenArguments.read(arguments))
        #expect(read.store == store)
        #expect(read.isReadOnly == isReadOnly)
        let parsed = try #require(try DossierCommand.parseAsRoot(arguments) as? DossierCommand)
        #expect(parsed.storeOptions.store == read.store)
        #expect(parsed.storeOptions.isReadOnly == read.isReadOnly)
    }

    @Test("anything else is left to the parser: a command, help, the version, a repeat, a missing value, a typo", arguments: [
        ["relations"], ["--store", "dossier.json", "relations"], ["help"], ["--help"], ["-h"], ["--version"],
        ["--store"], ["--store="], ["--store", "--read-only"], ["--store", "-"], ["--read-only", "--read-only"],
        ["--store", "a.json", "--store", "b.json"], ["--store=a.json", "--store", "b.json"], ["--stor", "x"], ["--readonly"],
        ["--", "dossier.json"], ["dossier.json"], ["-r"],
    ])
    func leftToTheParser(arguments: [String]) {
        #expect(ScreenArguments.read(arguments) == nil)
    }
}
