import ArgumentParser
import CMallocTuning
import DossierCore
import DossierTerminal
import DossierTUI
#if canImport(Glibc)
import Glibc
#endif

/// `dossier`: without a subcommand the TUI, with one a non-interactive command.
public struct DossierCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Internationale relaties, activiteiten en afwegingen van de gemeente Oss (Kader Internationalisering 2025-2030).",
        discussion: """
        Zonder opdracht opent het dossier in het terminalscherm. Met een opdracht werkt het niet-interactief, \
        voor scripts en rapportages. Elke wijziging wordt direct en duurzaam opgeslagen.

        Exitcodes: 0 gelukt, 64 verkeerd gebruik, 65 fout in de gegevens of geweigerde wijziging, \
        66 bestand bestaat niet, 69 database niet bereikbaar, 70 fout in het programma zelf, 74 schijffout, \
        75 dossier in gebruik of elders gewijzigd, 77 niet toegestaan.
        """,
        version: "0.1.0",
        subcommands: [
            RelationsCommand.self, ShowCommand.self, ActivitiesCommand.self, AddRelationCommand.self, EditCommand.self, DeleteCommand.self,
            AddContactCommand.self, EditContactCommand.self, RemoveContactCommand.self, AddLinkCommand.self, RemoveLinkCommand.self,
            SetStatusCommand.self, ReviewCommand.self, LogVisitCommand.self, AddActivityCommand.self, AddFollowUpCommand.self, DoneCommand.self, EditFollowUpCommand.self,
            RemoveFollowUpCommand.self, MoveCommand.self, AssessCommand.self, LogCommand.self, BackupsCommand.self,
            RestoreCommand.self, UndoCommand.self, ApplyCommand.self, BudgetCommand.self, SetBudgetCommand.self, SetPolicyCommand.self, DueCommand.self, AgendaCommand.self, ReportCommand.self, ExportCommand.self,
            ImportCommand.self, ValidateCommand.self, PersonCommand.self, GenerateCommand.self, NewCommand.self, CopyCommand.self, DatabaseCommand.self,
        ]
    )

    @OptionGroup var storeOptions: StoreOptions

    public init() {}

    init(storeOptions: StoreOptions) {
        self.storeOptions = storeOptions
    }

    /// Parses and runs, like ArgumentParser's own `main`, but prints its help, version and error messages
    /// (which quote what was typed) in Dutch (`ParserMessages`) through `Output`, the one terminal-safe path.
    public static func main() {
        // A command reads a large dossier in phases (an index, then the activity it names; the rows without titles,
        // then with): large arrays freed between them go back to the system instead of staying resident. At
        // 100.000 activities a mistyped id peaked at 135 MB without this, 105 MB with it (docs/performance.md, point
        // 41). Above the 1 MB pieces `activities --json` copies in: with 256 KB it peaked 5 MB lower but took 0,1 s longer.
        dossier_fix_mmap_threshold(2 * 1_024 * 1_024)
        // An argument that is no UTF-8 (typed in a terminal or script in Latin-1) would reach the dossier with its bytes
        // replaced ("Caf� Latin"), as no file or import is let in: refused before anything is read.
        for number in stride(from: 1, to: Int(CommandLine.argc), by: 1) {
            guard let raw = CommandLine.unsafeArgv[number], String(validatingCString: raw) == nil else { continue }
            Output.error("dossier: argument \(number) ('\(String(cString: raw))') is geen UTF-8 (een terminal of script in een andere tekenset, "
                         + "zoals Latin-1?); er is niets gewijzigd")
            Glibc.exit(ExitStatus.usage)
        }
        // Nor control characters (an escape sequence, a bell, a NUL's neighbours): no text a person means, and the screen
        // leaves them out of what is pasted. Line breaks and tabs are read as every field reads them (`TypedText`).
        for (number, argument) in CommandLine.arguments.enumerated().dropFirst() where argument.unicodeScalars.contains(where: TypedText.isControl) {
            Output.error("dossier: argument \(number) ('\(argument)') bevat een stuurteken (zoals ESC of een bel) dat geen tekst is; "
                         + "laat het weg. Er is niets gewijzigd")
            Glibc.exit(ExitStatus.usage)
        }
        // The library answers `help` with a word that is no command with the general help and success; a typo
        // there is as wrong as anywhere else.
        if let word = helpTopic(Array(CommandLine.arguments.dropFirst())), word != "help", !subcommandNames.contains(word) {
            Output.error("dossier: \(ParserMessages.unknownCommand(word, subcommands: subcommandNames))\n"
                         + "Gebruik: dossier help <opdracht>\n  Zie 'dossier --help' voor meer uitleg.")
            Glibc.exit(ExitStatus.usage)
        }
        do {
            // The screen's start skips the parser (`ScreenArguments`); every other start goes through it.
            var command = try ScreenArguments.read(Array(CommandLine.arguments.dropFirst())).map(DossierCommand.init(storeOptions:)) ?? parseAsRoot()
            do {
                let given = RepeatedOptions.given(Array(CommandLine.arguments.dropFirst()))
                if RepeatedOptions.mayRepeat(given), let options = CommandOptions(of: type(of: command), root: DossierCommand.self) {
                    let twice = RepeatedOptions.refused(given, options: options)
                    if !twice.isEmpty { throw ValidationError(RepeatedOptions.refusal(twice)) }
                }
                try command.run()
                exitIfOutputFailed()
            } catch let error as ValidationError {
                // A value the command itself refused: the usage of the command typed, and where its help is.
                widenForHelp()
                let typed = type(of: command)
                let name = (CommandOptions.path(to: typed, from: DossierCommand.self) ?? typed.configuration.commandName.map { [$0] } ?? [])
                    .map { " " + $0 }.joined()
                let usage = ParserMessages.placeholders(usageString(for: typed))
                Output.error("dossier: \(error.message)\nGebruik: \(usage)\n  Zie 'dossier\(name) --help' voor meer uitleg.")
                Glibc.exit(ExitStatus.usage)
            }
        } catch let code as ExitCode {
            // A command that said why it stopped (`failure`), or the screen ended by a signal: the parser has nothing to
            // add, and would build the help of `dossier` twice to find that out (± 0,7 ms at every refusal).
            if code.isSuccess { exitIfOutputFailed() }
            Glibc.exit(code.rawValue)
        } catch {
            widenForHelp()
            let code = exitCode(for: error)
            let message = code.isSuccess ? ParserMessages.output(fullMessage(for: error))
                : ParserMessages.error(fullMessage(for: error), subcommands: subcommandNames,
                                       options: { CommandOptions(path: $0, root: DossierCommand.self)?.names },
                                       arguments: Array(CommandLine.arguments.dropFirst()))
            if !message.isEmpty {
                if code.isSuccess { Output.line(message) } else { Output.error(message) }
            }
            if code.isSuccess { exitIfOutputFailed() }
            Glibc.exit(code.rawValue)
        }
    }

    /// The argument parser lays out help and usage in the terminal's width, and traps when that is narrower than its
    /// indent (26 columns or less: a narrow pane, COLUMNS=0). Before it does, it is given at least 40 columns, through
    /// the variable it reads; only then, as the program ends: the screen must keep the terminal's own size.
    private static func widenForHelp() {
        let columns = getenv("COLUMNS").flatMap { Int(String(cString: $0)) } ?? TerminalWidth.columns(of: STDOUT_FILENO)
        if let columns, columns < 40 { setenv("COLUMNS", "40", 1) }
    }

    /// The word after `help` when `help` is the command (after the options of the store, which may come first).
    static func helpTopic(_ arguments: [String]) -> String? {
        guard let rest = ParserMessages.commandAndAfter(arguments), rest.first == "help", let word = rest.dropFirst().first,
              !word.hasPrefix("-") else { return nil }
        return word
    }

    /// A command that did its work but whose output did not all reach stdout (`dossier export > /dev/full`) ends
    /// with 74, not success: a script must not take a cut-off export for a whole one. A change it made is saved.
    private static func exitIfOutputFailed() {
        guard let failure = Output.outputFailure else { return }
        Output.error("dossier: \(failure.description); wat de opdracht toont, is niet (helemaal) aangekomen (een wijziging die ze maakte, is wel bewaard)")
        Glibc.exit(ExitStatus.ioError)
    }

    /// The names of the subcommands, for suggesting one when a word is no command.
    static var subcommandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// At the first start of the screen without a configured name: who is this, for the log? Asked on the
    /// terminal before the screen opens; nil without a terminal (then the account's name is used).
    private func askNameOnce(proposing proposal: String) -> String? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        Output.prompt("Welke naam komt bij uw wijzigingen in het logboek (wie deed wat)? Eenmalig; Enter neemt '\(proposal)': ")
        guard let answer = readLine() else { return nil }
        // A paste of more than one line answers with its first: the rest must not reach the screen as keys (an `e`
        // that opens a form, text typed into it, and Ctrl-S).
        tcflush(STDIN_FILENO, TCIFLUSH)
        // Escape or an arrow key typed at the question is no part of a name.
        let name = TypedLine.text(answer)
        return name.isEmpty ? proposal : name
    }

    public func run() throws {
        // A terminal the screen cannot be drawn on is refused first, before the name question or the store.
        // (Without a terminal at all the screen says so when it starts, after the dossier has loaded.)
        do {
            try CursesBackend.checkTerminalType()
        } catch {
            throw failure(error.description, code: ExitStatus.usage)
        }
        let location = try storeOptions.location
        try storeOptions.refuseMakingReadOnly(location)
        var store: any DossierStorage
        var readOnly = storeOptions.isReadOnly
        var notices: [String] = []
        let list: ListIndex?
        do {
            // An unknown setting is said on the first screen, where it is read.
            var configuration = try Session.configuration(needing: Session.settingsForWriting + ["lookAhead"]) { notices.append($0) }
            // A save waits at most a second for a colleague's append (milliseconds, normally); the screen never hangs.
            configuration.lockWait = min(configuration.lockWait, 1)
            let isFirst = location.isUnmade()
            store = try StorageOpener.open(location, configuration: configuration, preparing: !readOnly)
            if isFirst, (try? PosixFileSystem().status(location.path)) != nil {
                // The first start: where the dossier now is, to back it up or share it.
                notices.append("Nieuw dossier, gemaakt uit het meegeleverde Osse dossier: \(location.path).")
            }
            // The screen's loop compacts on another thread; a key never waits for the snapshot.
            store.compactsAfterCommit = false
            // Read first: on a database its copy here is read while the server answers the start-up question.
            list = store.listIndex()
            if readOnly {
                notices.append("Alleen-lezen geopend (--read-only).")
            } else {
                if !configuration.isNameConfigured, let name = askNameOnce(proposing: configuration.actor) {
                    do throws(StoreError) {
                        try StoreConfiguration.saveName(name, environment: Session.environment)
                        notices.append("Uw naam (\(name)) staat nu bij elke wijziging; aan te passen in \(StoreConfiguration.path(environment: Session.environment)).")
                    } catch {
                        // The settings file could not be written (a full home folder): the name holds for this session, as
                        // DOSSIER_USER would; the dossier itself is not the problem.
                        setenv("DOSSIER_USER", name, 1)
                        notices.append("Uw naam (\(name)) staat bij de wijzigingen van deze sessie, maar kon niet bewaard worden voor een volgende keer: "
                                       + "\(error.description)")
                    }
                }
                let actor = try Session.actor()
                do throws(StoreError) {
                    try store.openForWriting(actor: actor)
                } catch .notPermitted(let location, let reason) {
                    // A database role that may only read, a file or folder this user may not write: the screen opens
                    // read-only, saying why and of which, as a refused command does.
                    readOnly = true
                    // The screen keeps what it opened with: a right given meanwhile counts from the next start.
                    notices.append("Alleen-lezen geopend: \(location): \(reason); is dat verholpen, start dan opnieuw om te wijzigen.")
                }
            }
        } catch {
            throw failure(error)
        }
        // A large dossier's first screen comes from the storage's list index when that is current (the whole
        // dossier is then read behind it); otherwise, or for a dossier that reads in a few milliseconds, the
        // dossier first, and the list index written once the screen is up.
        let start: TUILauncher.Start
        if let preview = consume list, preview.isWorthPreviewing {
            // Once read behind the preview: the indexes a copied snapshot or an older version left out (`listIndexWrite`).
            start = .preview(preview, indexWrite: readOnly ? nil : { [store] dossier in store.listIndexWrite(of: dossier) })
        } else {
            let dossier = try store.loadOrExit()
            notices += store.notices
            start = .loaded(dossier, afterFirstFrame: readOnly ? nil : store.listIndexWrite(of: dossier))
        }
        // Text a screen stopped by a signal kept: said until the person takes the file away.
        let unsaved = UnsavedInput.kept(in: UnsavedInput.directory(environment: Session.environment))
        if let newest = unsaved.first {
            notices.append("Niet opgeslagen invoer van een gestopt scherm staat in \(newest)" + (unsaved.count > 1 ? " (en \(unsaved.count - 1) eerdere)" : "")
                           + "; haal het bestand weg als u het niet meer nodig hebt.")
        }
        let outcome: TUILauncher.Outcome
        let previewing = if case .preview = start { true } else { false }
        do {
            outcome = try TUILauncher.run(consume start, session: store, clock: Session.clock, actor: try Session.actor(),
                                          isReadOnly: readOnly, notice: notices.isEmpty ? nil : notices.joined(separator: " "),
                                          lookAheadDays: store.configuration.lookAheadDays,
                                          dateForm: store.configuration.dateForm, environment: Session.environment)
        } catch let error as TerminalError {
            // Without a terminal, a dossier that does not load is still reported as such.
            if previewing { _ = try store.loadOrExit() }
            throw failure(error.description, code: ExitStatus.usage)
        }
        if let loadFailure = outcome.loadFailure { throw store.loadFailure(loadFailure) }
        // The terminal is back: fold the session's journal into the snapshot and let go of the lock. After a
        // signal only the lock is let go, at once: every change is in the journal, the next start folds it in.
        do {
            // A large dossier takes a second or two to write anew: said, so that the terminal is not left blank meanwhile.
            // (A database makes a snapshot only when one is due, not at every close: nothing to say there.)
            if !readOnly, outcome.signal == 0, store is DossierStore, store.hasJournal, let dossier = outcome.dossier, dossier.activities.count >= 10_000 {
                Output.error("dossier: de wijzigingen worden in het dossierbestand samengevoegd …")
            }
            try store.close(readOnly || outcome.signal != 0 ? nil : outcome.dossier, at: Session.clock.now())
            // Not folded in, without an error: most often a colleague's change came just before (the next start folds it
            // in, nothing to say); but when the dossier no longer loads (damaged or replaced outside meanwhile), say so.
            if !readOnly, outcome.signal == 0, store.hasJournal, let file = store as? DossierStore {
                do {
                    _ = try DossierStore(path: file.path, configuration: file.configuration).load()
                } catch {
                    Output.error("dossier: let op: \(error) De wijzigingen van deze sessie staan veilig in het journaal (\(file.files.journal)).")
                }
            }
        } catch {
            Output.error("dossier: let op: de wijzigingen zijn bewaard in het journaal, maar samenvoegen lukte niet: \(error)")
        }
        // Text typed in a form the signal came in, kept for the person (the next screen says where).
        if let unsaved = outcome.unsavedText {
            do {
                let path = try UnsavedInput.keep(unsaved, at: Session.clock.now(), in: UnsavedInput.directory(environment: Session.environment))
                Output.error("dossier: wat u in het open formulier typte, is niet opgeslagen in het dossier; het staat in \(path)")
            } catch {
                Output.error("dossier: wat u in het open formulier typte, is niet opgeslagen en kon ook niet apart bewaard worden: \(error)")
            }
        }
        // Ended by SIGTERM, SIGHUP or SIGINT: the terminal is restored; exit as the shell expects (128 + signal).
        if outcome.signal != 0 { throw ExitCode(128 + outcome.signal) }
    }
}
