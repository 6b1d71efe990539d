/// A dossier named on the command line. `-` is the standard output or input wherever a command writes or reads one
/// file (`-o -`, `apply -`), but a dossier is a file with others beside it (its journal, lock and indexes): `-` is
/// refused there, instead of making a dossier called "-" that every later `-o -` in that folder would take for one.
enum DossierPathArgument {
    static func check(_ path: String, option: String) throws {
        guard path == "-" else { return }
        throw failure("\(option)\(option.hasSuffix("=") ? "" : " ")-: een dossier is een bestand met een journaal en een slot ernaast, geen uitvoer of invoer; "
                      + "geef een bestandsnaam (./- als het echt zo moet heten)", code: ExitStatus.usage)
    }
}
