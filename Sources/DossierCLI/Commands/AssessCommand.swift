import ArgumentParser
import DossierCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Weeg een activiteit af tegen het Kader Internationalisering (en bewaar de afweging als er antwoorden zijn).",
        discussion: """
        Op een terminal, zonder antwoorden: de vragen worden één voor één gesteld. Anders komen de antwoorden uit \
        --answer/--note of uit een JSON-bestand (--answers). Antwoorden: ja, deels, nee, onbekend. Met --answer \
        begint een nieuwe afweging bij de antwoorden van de laatste (wat u niet noemt, blijft). De afweging wordt \
        bij de activiteit bewaard als er antwoorden zijn gegeven, of met --save; zonder terminal en zonder antwoorden \
        toont assess alleen het oordeel.
        De vragen, elk zo gesteld dat ja gunstig is (afbreukrisico=nee: het risico is niet beperkt):
        \(Question.allCases.map { question in
            // Wrapped here, with the lines after the first indented: the help's own wrapping starts them at the margin.
            DisplayWidth.wrap("\(question.rawValue): \(question.prompt)", to: 74).enumerated()
                .map { ($0.offset == 0 ? "  " : "      ") + $0.element }.joined(separator: "\n")
        }.joined(separator: "\n"))
        Voorbeelden:
          dossier assess handelsmissie-medicon-valley --answer inhoudelijke-link=ja \\
              --answer behapbaar=deels
          dossier assess --what-if voorstel.json --json
        Het formaat van de bestanden staat in docs/afweegkader.md.
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("De id of naam van de activiteit (niet bij --what-if).", valueName: "id of naam"))
    var id: String?

    @Option(name: .customLong("what-if"), help: ArgumentHelp("Weeg een voorstel uit dit bestand af, zonder iets op te slaan.", valueName: "bestand"))
    var whatIf: String?

    @Option(name: .customLong("answer"), help: ArgumentHelp("vraag=antwoord, bijvoorbeeld mensenrechten=ja; mag vaker.", valueName: "vraag=antwoord"))
    var answerOptions: [String] = []

    @Option(name: .customLong("note"), help: ArgumentHelp("vraag=toelichting; mag vaker.", valueName: "vraag=tekst"))
    var noteOptions: [String] = []

    @Option(help: ArgumentHelp("Besluit van het college om toch activiteiten te doen met een relatie op een laag pitje (wanneer; een mandaat telt niet).", valueName: "tekst"))
    var exception: String?

    @Option(name: .customLong("answers"), help: ArgumentHelp("Antwoorden uit een JSON-bestand.", valueName: "bestand"))
    var answersFile: String?

    @Flag(help: "Bewaar de afweging ook zonder antwoorden.")
    var save = false

    @Flag(help: "Uitvoer als JSON: verdict, reasons (rule, effect, text, passage, reading) en missing.")
    var json = false

    @Flag(help: "Toon bij elke reden de passage uit het Kader waarop ze rust.")
    var explain = false

    func validate() throws {
        if whatIf == nil && id == nil { throw ValidationError("noem een activiteit, of gebruik --what-if BESTAND") }
        if whatIf != nil && id != nil { throw ValidationError("--what-if weegt een voorstel uit een bestand af; noem dan geen activiteit") }
        if whatIf != nil && save { throw ValidationError("--save: een voorstel uit --what-if wordt nooit bewaard") }
    }

    func run() throws {
        let answersGiven = !answerOptions.isEmpty || !noteOptions.isEmpty || answersFile != nil || exception != nil
        let asksOnTerminal = whatIf == nil && !answersGiven && !json && isatty(STDIN_FILENO) == 1
        let saves = whatIf == nil && (answersGiven || asksOnTerminal || save)
        let store = try storeOptions.store(forWriting: saves)
        // Asked once, also when the assessment is saved on the whole dossier after all.
        var asked: (activity: ActivityID, answers: AssessmentAnswers)?
        func answers(for activity: Activity, in dossier: Dossier) throws -> AssessmentAnswers {
            if asksOnTerminal {
                // Not for another activity the name has come to mean meanwhile (a colleague renamed one): asked again.
                let given = asked.flatMap { $0.activity == activity.id ? $0.answers : nil }
                    ?? InteractiveAssessment.ask(activity: activity, dossier: dossier, startingFrom: activity.assessments.last?.answers)
                asked = (activity.id, given)
                return given
            }
            // Weighing again starts from the latest weighing's answers, as the questions and the screen do: an answer not
            // named stays, instead of falling back to unknown.
            var answers = try answersFile.map { try readProposal($0, dossier: dossier).answers } ?? activity.assessments.last?.answers ?? AssessmentAnswers()
            try apply(answerOptions, noteOptions, exception, to: &answers)
            return answers
        }
        // Nil when it would record what the latest weighing already says (the same answers, verdict and reasons): Enter
        // through every question is not a new weighing. --save records it anyway.
        func assessed(_ activity: Activity, in dossier: Dossier, ledger: BudgetLedger?) throws -> (AssessmentResult, Change?) {
            let given = try answers(for: activity, in: dossier)
            let result = Assessor.assess(activity, answers: given, in: dossier, ledger: ledger)
            if !save, let last = activity.assessments.last, last.answers == given, last.verdict == result.verdict, last.reasons == result.reasons {
                return (result, nil)
            }
            // Who and when are set by the change path from its context.
            // Weighed from the latest weighing as read: a colleague's weighing since is a conflict, not weighed over.
            return (result, .recordAssessment(activity.id, result.recorded(answers: given, by: "", at: Session.clock.now()),
                                              seen: activity.assessments.last?.answers ?? AssessmentAnswers()))
        }

        // An assessment saved of an activity named by its id or title: without reading the other activities where
        // the storage can, the budget weighed from the activity index.
        if saves, let id {
            var result: AssessmentResult?, repeated = false
            let alone = try storeOptions.changeActivityAlone(id, in: store, withBudget: true) { activity, dossier, ledger in
                let (assessment, change) = try assessed(activity, in: dossier, ledger: ledger)
                result = assessment
                repeated = change == nil
                return change
            }
            if let alone, let result { return show(alone.before, result, saved: !repeated, repeated: repeated) }
        }
        // Only shown: weighed on the relations and that activity, the budget from the activity index.
        if !saves, let id, let (activity, dossier, ledger) = try? store.loadForWeighing(id) {
            return show(activity, try assessed(activity, in: dossier, ledger: ledger).0, saved: false)
        }

        var dossier = try whatIf == nil
            ? storeOptions.load(store, refusingUnknown: { _ = try Lookup.activity(id ?? "", in: $0) })
            : storeOptions.load(store)
        let activity: Activity
        let result: AssessmentResult
        if let whatIf {
            let proposal = try readProposal(whatIf, dossier: dossier)
            guard let proposed = proposal.activity else {
                throw failure("\(whatIf): het voorstel mist \"activity\" (zie docs/afweegkader.md)", code: ExitStatus.dataError)
            }
            activity = proposed
            var answers = proposal.answers
            try apply(answerOptions, noteOptions, exception, to: &answers)
            result = Assessor.assess(activity, answers: answers, in: dossier)
        } else {
            activity = try Lookup.activity(id ?? "", in: dossier)
            let (assessment, change) = try assessed(activity, in: dossier, ledger: nil)
            result = assessment
            if saves, let change {
                try store.commitOrExit(change, to: &dossier)
            } else if saves {
                return show(activity, result, saved: false, repeated: true)
            }
        }
        show(activity, result, saved: saves)
    }

    private func show(_ activity: Activity, _ result: AssessmentResult, saved: Bool, repeated: Bool = false) {
        if json {
            Output.document(AssessmentOutput.json(activity: activity, result: result, isProposal: whatIf != nil, saved: saved))
        } else {
            Output.line(AssessmentOutput.text(activity: activity, result: result, explain: explain, saved: saved,
                                              earlier: whatIf == nil ? activity.assessments.count : 0))
            if repeated {
                Output.line("")
                Output.line("Niet opnieuw bewaard: dit zegt de laatste afweging al (dezelfde antwoorden en hetzelfde oordeel; --save bewaart toch).")
            } else if whatIf == nil && !saved {
                Output.line("")
                Output.line("Niet bewaard: er zijn geen antwoorden gegeven (gebruik --answer, --answers of, op een terminal, de vragen; --save bewaart toch).")
            }
        }
    }

    private func readProposal(_ path: String, dossier: Dossier) throws -> ProposalFile {
        do {
            return try ProposalFile.decode(try PosixFileSystem().readFile(path), file: path, dossier: dossier)
        } catch let error as FileSystemError {
            throw failure(error.code == SystemErrorCode.noSuchFile ? .missing(file: path) : .fileSystem(error))
        } catch let error as StoreError {
            throw failure(error)
        }
    }

    private func apply(_ answerOptions: [String], _ noteOptions: [String], _ exception: String?, to answers: inout AssessmentAnswers) throws {
        for option in answerOptions {
            let (question, value) = try split(option, option: "--answer")
            answers.set(question, try ArgumentValues.vocabulary(value, Answer.self, option: "--answer \(question.rawValue)"))
        }
        for option in noteOptions {
            let (question, note) = try split(option, option: "--note")
            answers.set(question, answers[question], note: note)
        }
        if let exception { answers.exceptionDecision = exception }
    }

    private func split(_ option: String, option name: String) throws -> (Question, String) {
        guard let equals = option.firstIndex(of: "=") else {
            throw ValidationError("\(name): verwacht vraag=waarde, bijvoorbeeld mensenrechten=ja")
        }
        let question = try ArgumentValues.vocabulary(String(option[..<equals]), Question.self, option: name)
        return (question, String(option[option.index(after: equals)...]))
    }
}

/// Asking the questions one by one on a terminal.
enum InteractiveAssessment {
    static func ask(activity: Activity, dossier: Dossier, startingFrom previous: AssessmentAnswers?) -> AssessmentAnswers {
        var answers = previous ?? AssessmentAnswers()
        let questions = Assessor.questions(for: activity, in: dossier)
        // Ctrl-C between the questions: nothing is saved until the last one; say so instead of ending without a word.
        signal(SIGINT) { _ in
            let text: StaticString = "\ndossier: afgebroken; de afweging is niet bewaard\n"
            _ = write(STDERR_FILENO, text.utf8Start, text.utf8CodeUnitCount)
            _exit(130)
        }
        defer { signal(SIGINT, SIG_DFL) }
        Output.paragraph(TerminalSafeText.line("Afweging van \(activity.title) — \(questions.count) vragen. Een toelichting mag achter het antwoord "
                                               + "(j past bij farma); Enter houdt het vorige antwoord (of onbekend). Ctrl-C breekt af zonder te bewaren."))
        for (index, question) in questions.enumerated() {
            Output.line()
            Output.paragraph("(\(index + 1)/\(questions.count)) \(question.label) — \(question.group.label)")
            Output.paragraph(question.prompt, indent: "  ")
            Output.paragraph(question.passage, indent: "  ")
            let current = answers[question], note = answers.note(question)
            while true {
                let now = current.label.lowercased() + (note.isEmpty ? "" : "; toelichting: \(note)")
                Output.prompt(TerminalSafeText.line("  Antwoord [j]a/[d]eels/[n]ee/[o]nbekend (nu: \(now)): "))
                guard let line = readLine() else { return answers }
                if let (chosen, note) = reading(line, current: current) {
                    answers.set(question, chosen, note: note)
                    break
                }
                Output.line("  Antwoord met j, ja, d, deels, n, nee, o of onbekend als eerste woord (een toelichting mag erachter: j past bij farma).")
            }
        }
        let onLaagPitje = Assessor.laagPitjeSubjects(of: activity, in: dossier)
        if !onLaagPitje.isEmpty {
            Output.line()
            Output.line(TerminalSafeText.line("\(onLaagPitje.joined(separator: ", ")) staat op een laag pitje."))
            Output.prompt("  Heeft het college anders besloten? Noem het besluit (Enter: nee): ")
            if let decision = readLine(), !decision.trimmingSpaces().isEmpty {
                answers.exceptionDecision = decision.trimmingSpaces()
            }
        }
        return answers
    }

    /// A typed answer: its first word (`j`, `ja`, `nee`, `?` …) and the rest as the note (`j past bij farma`); an empty
    /// line keeps `current`. Nil when the first word is no answer.
    static func reading(_ line: String, current: Answer) -> (Answer, note: String?)? {
        let trimmed = line.trimmingSpaces()
        guard !trimmed.isEmpty else { return (current, nil) }
        let word = trimmed.prefix { !$0.isWhitespace && $0 != "," && $0 != ":" }
        let rest = trimmed.dropFirst(word.count).drop { $0.isWhitespace || $0 == "," || $0 == ":" }
        let answer: Answer? = switch word.lowercased() {
        case "j", "ja", "y": .ja
        case "d", "deels": .deels
        case "n", "nee": .nee
        case "o", "onbekend", "?": .onbekend
        default: nil
        }
        return answer.map { ($0, rest.isEmpty ? nil : String(rest)) }
    }
}

/// The result of an assessment for people and for scripts.
enum AssessmentOutput {
    /// Reasons wrapped to `width` columns (at most 100; 100 to a pipe), an amount never split.
    static func text(activity: Activity, result: AssessmentResult, explain: Bool, saved: Bool, earlier: Int, width: Int? = Output.width) -> String {
        let columns = max(40, min(100, (width ?? 100) - 1))
        var lines = [TerminalSafeText.line("Afweging: \(activity.title)"), "Oordeel: \(result.verdict.label.uppercased())", "", "Redenen:"]
        for reason in result.reasons {
            let mark = switch reason.effect {
            case .positief: "+"
            case .naderBekijken: "?"
            case .negatief: "-"
            }
            lines += DisplayWidth.wrap(TerminalSafeText.line("\(mark) [\(reason.rule)] \(reason.text)"), to: columns - 6).enumerated()
                .map { $0.offset == 0 ? "  " + $0.element : "      " + $0.element }
            if explain {
                lines += DisplayWidth.wrap(reason.passage, to: columns - 6).map { "      " + $0 }
                if let reading = reason.reading { lines += DisplayWidth.wrap(reading.text, to: columns - 6).map { "      " + $0 } }
            }
        }
        if !result.missing.isEmpty {
            lines += ["", "Nog onbekend:"] + result.missing.map { TerminalSafeText.line("  - \($0)") }
        }
        if saved {
            let kept = earlier == 1 ? "de eerdere afweging blijft bewaard" : "de \(earlier) eerdere afwegingen blijven bewaard"
            lines += ["", "Opgeslagen bij de activiteit" + (earlier > 0 ? " (\(kept))." : ".")]
        }
        return lines.joined(separator: "\n")
    }

    static func json(activity: Activity, result: AssessmentResult, isProposal: Bool, saved: Bool) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        if isProposal { writer.key("activity"); writer.null() } else { writer.field("activity", activity.id) }
        writer.field("title", activity.title)
        writer.field("verdict", result.verdict.rawValue)
        writer.key("reasons")
        writer.beginArray()
        for reason in result.reasons {
            writer.element()
            writer.beginObject()
            writer.field("rule", reason.rule)
            writer.field("effect", reason.effect.rawValue)
            writer.field("text", reason.text)
            writer.field("passage", reason.passage)
            if let reading = reason.reading { writer.field("reading", reading.text) }
            writer.endObject()
        }
        writer.endArray()
        writer.key("missing")
        writer.inlineStrings(result.missing)
        writer.field("saved", saved)
        writer.endObject()
        writer.finishDocument()
        return writer.bytes
    }
}
