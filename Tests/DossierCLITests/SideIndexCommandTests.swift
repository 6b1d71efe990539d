import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// The side index from the command line: `generate` and every edit leave it current, and `dossier
/// relations` prints from it exactly what it prints from the whole dossier.
@Suite("Side index on the command line")
struct SideIndexCommandTests {
    @Test("dossier relations prints from the side index what it prints from a full load, for every order and filter")
    func relationsFromTheIndex() throws {
        let scratch = try ScratchStore()
        let generated = scratch.directory.file("groot.json")
        let made = try scratch.runner.run(["generate", "--relations", "60", "--activities", "400", "--seed", "5", "--journal", "10",
                                           "-o", generated], environment: scratch.environment)
        #expect(made.status == 0, "\(made.standardError)")
        #expect(FileManager.default.fileExists(atPath: generated + ".index"), "generate leaves the side index")
        let someone = try #require(try DossierStore(path: generated).load().relations.first { $0.status != .actief })
        let edit = try scratch.run(["set-status", someone.id, "actief", "--reason", "nieuw contact"], store: generated)
        #expect(edit.status == 0, "\(edit.standardError)")
        #expect(DossierStore(path: generated).listIndex() != nil, "the edit brought the side index up to date")
        for arguments in [[], ["--sort", "status"], ["--sort", "date", "--status", "actief"], ["--kind", "regio"]] {
            let fromIndex = try scratch.run(["relations"] + arguments, store: generated)
            try FileManager.default.moveItem(atPath: generated + ".index", toPath: generated + ".aside")
            let fromDossier = try scratch.run(["relations"] + arguments, store: generated)
            try FileManager.default.moveItem(atPath: generated + ".aside", toPath: generated + ".index")
            #expect(fromIndex.status == 0 && fromDossier.status == 0)
            #expect(fromIndex.standardOutput == fromDossier.standardOutput, "\(arguments)")
            if arguments.isEmpty { #expect(fromIndex.standardOutput.contains(someone.id)) }
        }
    }
}
