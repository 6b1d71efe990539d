import DossierCore

/// A dossier in a temporary folder and the built `dossier` run on it as a user would, with the tests'
/// fixed clock and user: the usual start of a command-line test.
public struct ScratchStore {
    public let directory = TemporaryDirectory()
    public let runner = ProgramRunner()
    /// 2026-11-22, as in the fixtures.
    public let environment = ["DOSSIER_NOW": "2026-11-22T09:00:00Z", "DOSSIER_USER": "adviseur"]

    public var path: String { directory.file("dossier.json") }

    public init(_ dossier: Dossier = Fixtures.smallDossier()) throws {
        try directory.write("dossier.json", dossier.encoded())
    }

    /// Runs `dossier ARGUMENTS --store PATH` (this store unless another is named), with extra environment.
    public func run(_ arguments: [String], environment extra: [String: String] = [:], store: String? = nil) throws -> ProgramRunner.Result {
        try runner.run(arguments + ["--store", store ?? path], environment: environment.merging(extra) { _, new in new })
    }

    /// The dossier as any reader sees it: the snapshot and the journal beside it.
    public func load() throws -> Dossier {
        try DossierStore(path: path).load()
    }
}
