import ArgumentParser
import DossierCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Maak een realistisch proefdossier van elke omvang (voor metingen en proeven), reproduceerbaar met --seed.",
        discussion: """
        Relaties met accenten en Chinese, Japanse en Koreaanse namen, activiteiten met meerdere relaties, bezoeken met \
        delegaties en vervolgacties, statussen en jaren gespreid, afwegingen, en een journaal met geschiedenis \
        (--journal wijzigingen na de momentopname, via het echte opslagpad). Het Kader en de budgetten komen uit het \
        meegeleverde Osse dossier.
        Voorbeeld:
          dossier generate --relations 10000 --activities 100000 -o /tmp/groot.json
        """
    )

    @Option(help: ArgumentHelp("Aantal relaties.", valueName: "n"))
    var relations = 100

    @Option(help: ArgumentHelp("Aantal activiteiten.", valueName: "n"))
    var activities = 1000

    @Option(help: ArgumentHelp("Startwaarde: dezelfde geeft hetzelfde dossier.", valueName: "getal"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Aantal wijzigingen in het journaal (na de momentopname).", valueName: "n"))
    var journal = 50

    @Option(name: .customShort("o"), help: ArgumentHelp("Het bestand (mag nog niet bestaan).", valueName: "pad"))
    var output: String

    func validate() throws {
        try ArgumentValues.number(relations, in: 1...Limits.maximumRelations, option: "--relations")
        try ArgumentValues.number(activities, in: 0...Limits.maximumActivities, option: "--activities")
        try ArgumentValues.number(journal, in: 0...Limits.journalEntryLimit.upperBound, option: "--journal")
    }

    func run() throws {
        try DossierPathArgument.check(output, option: "-o")
        let fileSystem = PosixFileSystem()
        if (try? fileSystem.status(output)) != nil {
            throw failure("\(output) bestaat al; kies een nieuw bestand", code: ExitStatus.usage)
        }
        let bundled = try DossierFile.decode(BundledDossier.bytes, file: "ingebouwd dossier")
        let clock = Session.clock
        var dossier: Dossier
        do {
            dossier = try DossierGenerator(relations: relations, activities: activities, seed: seed)
                .generate(framework: bundled.framework, budgetLines: bundled.budgetLines, today: clock.today())
        } catch {
            throw failure("genereren mislukt: \(error.message)", code: ExitStatus.dataError)
        }
        do {
            try DossierStore(path: output, fileSystem: fileSystem).writeNewSnapshot(dossier)
        } catch {
            throw failure(error)
        }
        // A journal with history: changes after the snapshot, made through the real store.
        var configuration = StoreConfiguration()
        configuration.journalEntryLimit = max(journal + 1, 1000)
        let store = DossierStore(path: output, configuration: configuration)
        var journaled = 0
        do {
            try store.openForWriting(actor: "generator")
            var loaded = try store.load()
            var random = SeededGenerator(seed: seed &+ 1)
            for step in 0..<min(journal, loaded.activities.count) {
                let activity = loaded.activities[Int.random(in: 0..<loaded.activities.count, using: &random)]
                try store.commit(.addFollowUp(activity.id, FollowUp(text: "Nabellen \(step + 1)", due: clock.today().adding(days: step % 60))),
                                 to: &loaded, context: clock.context(actor: "generator"))
                journaled += 1
            }
            store.listIndexWrite(of: loaded)?.run()
            try store.close(nil, at: clock.now())
        } catch {
            throw failure(error)
        }
        Output.line("Gemaakt: \(output) — \(count(dossier.relations.count, "relatie", "relaties")), \(count(dossier.activities.count, "activiteit", "activiteiten")), \(count(journaled, "wijziging", "wijzigingen")) in het journaal.")
    }
}
