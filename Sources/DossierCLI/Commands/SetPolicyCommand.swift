import ArgumentParser
import DossierCore

struct SetPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-policy",
        abstract: "Leg vast dat een beleidsstuk waar het Kader op wacht er is: de Europastrategie of de strategische agenda.",
        discussion: """
        Het Kader noemt twee stukken die nog komen. Zolang er geen Europastrategie is, wordt elke kans op EU-financiering \
        op zichzelf beoordeeld; daarna vraagt de afweging of zo'n kans erin past (de vraag europastrategie). Zolang er geen \
        strategische agenda (met public affairs agenda) is, is een nieuw netwerk niet te toetsen (nader bekijken), \
        tenzij het antwoord al nee is; daarna weegt het antwoord op de vraag of het netwerk erin past. Afwegingen die al zijn vastgelegd blijven zoals ze waren; het \
        jaarverslag noemt wat nog ontbreekt. --decision noemt het besluit (verplicht). De wijziging komt in het \
        logboek, met het besluit; dossier undo maakt haar ongedaan.
        Voorbeelden:
          dossier set-policy europastrategie ja \\
              --decision "Raadsbesluit 3 maart 2027"
          dossier set-policy strategische-agenda ja \\
              --decision "Collegebesluit 1 juni 2027"
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Welk stuk: europastrategie of strategische-agenda.", valueName: "stuk"))
    var piece: String

    @Argument(help: ArgumentHelp("ja: het is vastgesteld; nee: het is (weer) nog te maken.", valueName: "ja of nee"))
    var isThere: String

    @Option(help: ArgumentHelp("Het besluit dat het stuk vaststelde of introk (verplicht): datum en orgaan.", valueName: "besluit"), transform: ArgumentValues.line)
    var decision: String

    func run() throws {
        let piece = try ArgumentValues.parse(self.piece, option: "stuk", PolicyPiece.read)
        let isThere = try ArgumentValues.parse(self.isThere, option: "ja of nee", YesNo.read)
        let store = try storeOptions.store(forWriting: true)
        var dossier = try storeOptions.load(store)
        let change = Change.setPolicy(piece, isThere: isThere, seen: dossier.framework[keyPath: piece.flag], decision: decision)
        let summary = change.summary(in: dossier)
        try store.commitOrExit(change, to: &dossier)
        Output.line(TerminalSafeText.line(summary))
    }
}
