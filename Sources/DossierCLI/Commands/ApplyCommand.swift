import ArgumentParser
import DossierCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Pas wijzigingen uit een bestand toe (JSON Lines, één wijziging per regel), elk direct en duurzaam bewaard.",
        // The example comes last and unindented: swift-argument-parser wraps at spaces, and a line longer than
        // the screen would otherwise pull the next sentence's first word onto it.
        discussion: """
        Elke regel is een wijziging in het formaat van het journaal (zie docs/data-format.md). Na elke bewaarde \
        wijziging volgt een regel "bewaard NR: OMSCHRIJVING" op de standaarduitvoer. Een geweigerde wijziging \
        stopt de reeks (exitcode 65); wat ervoor stond, blijft bewaard. '-' leest van de standaardinvoer. Wat \
        waarschijnlijk dubbel is (een contactpersoon of vervolgactie die er al was: dezelfde invoer twee keer) of \
        een streefdatum die al voorbij is, wordt bewaard en gemeld op de standaardfout ("let op: regel NR: …"; niet \
        binnen een batch). \
        Wat samen moet slagen of niet, staat op één regel als {"type":"batch","label":…,"changes":[…]}.

        Een regel ziet er zo uit:
        {"type":"set-relation-status","relation":"bom","status":"verkennen","reason":"herijking"}
        """
    )

    /// Far more than one change needs (an import of 10.000 activities as one batch is ± 10 MB; the largest the limits
    /// allow, a million, would be ± 1 GB). What does not begin as a change (`{`) is refused past a megabyte.
    static let longestLine = 2_048 * 1_048_576

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("Het bestand met wijzigingen, of - voor de standaardinvoer.", valueName: "bestand"))
    var file: String

    func run() throws {
        // A reader of the output that goes away (`| head`) must not stop the feed halfway without a word: the feed is done,
        // and the lost output is said at the end with exit 74 (`DossierCommand.exitIfOutputFailed`).
        signal(SIGPIPE, SIG_IGN)
        var (store, dossier) = try storeOptions.openForWriting()
        // Any file that reads as a stream: a pipe (`<(…)`) too; a folder or an unreadable file is refused when read.
        let input = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            let error = FileSystemError(operation: "openen", path: file, code: errno)
            throw failure(error.code == SystemErrorCode.noSuchFile ? .missing(file: file) : .fileSystem(error))
        }
        defer { if input != STDIN_FILENO { close(input) } }
        var lineNumber = 0
        func handle(_ line: ArraySlice<UInt8>) throws {
            lineNumber += 1
            var bytes = Array(line)
            // A file saved by Notepad begins with a byte order mark: no part of the first change.
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            guard bytes.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { return }
            let change: Change
            do {
                change = try JSONReader.read(bytes) { (reader: inout JSONReader) throws(JSONError) in try Change(reading: &reader) }
            } catch {
                throw failure("\(file), regel \(lineNumber) (\(error.path)): \(error.message); de regels ervoor zijn bewaard", code: ExitStatus.dataError)
            }
            if change.setsPolicyWithoutDecision {
                throw failure("\(file), regel \(lineNumber): een restore zet geen budgetregels of kader terug (behalve als undo of redo); gebruik "
                              + "set-budget-amount of set-policy, met het besluit (decision); de regels ervoor zijn bewaard", code: ExitStatus.dataError)
            }
            do {
                _ = try store.commit(change, to: &dossier, context: Session.clock.context(actor: try Session.actor()))
            } catch {
                // "Er is niets gewijzigd" holds for this line only: the lines before it are in.
                let said = StoreError.withoutNothingChanged(error.description)
                let outcome = if case .outcomeUnknown = error { lineNumber == 1 ? "kijk in het logboek" : "de regels ervoor zijn bewaard" }
                    else { lineNumber == 1 ? "deze regel is niet bewaard" : "deze regel is niet bewaard, de regels ervoor wel" }
                throw failure("regel \(lineNumber): \(said); \(outcome)", code: exitStatus(of: error))
            }
            Output.line(TerminalSafeText.line("bewaard \(store.sequence): \(store.lastSummary ?? "")"))
            // What the commands say after the same addition (probably a double, a due date already past), said here too: a feed
            // run twice doubles contacts and follow-ups without refusing.
            let notices = [LikelyDouble.notice(after: change, in: dossier, dates: Session.dates),
                           PastDueDate.notice(for: change, today: Session.clock.today(), dates: Session.dates)].compactMap { $0 }
            for notice in notices { Output.error(TerminalSafeText.line("dossier: let op: regel \(lineNumber): \(notice)")) }
        }
        // Each byte is looked at once, and what was handled is dropped once a read: a line of megabytes (a long note)
        // searched again from its start at every piece took minutes.
        var pending: [UInt8] = []
        var start = 0, searched = 0
        var chunk = [UInt8](repeating: 0, count: 65_536)
        // The unfinished line's first byte that is not blank, and how many blank ones come before it.
        var opening: UInt8?, blanks = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                let error = FileSystemError(operation: "lezen", path: file == "-" ? "de standaardinvoer" : file, code: errno)
                throw failure(lineNumber == 0 ? error.description : "\(error.description); de regels ervoor zijn bewaard", code: exitStatus(of: .fileSystem(error)))
            }
            if count == 0 { break }
            pending.append(contentsOf: chunk[0..<count])
            while let newline = pending[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                try handle(pending[start..<newline])
                start = newline + 1
                searched = start
                blanks = 0
                opening = nil
            }
            searched = pending.count
            if start > 0 {
                pending.removeFirst(start)
                searched -= start
                start = 0
            }
            // Input without line breaks (/dev/zero, a binary file) would be read until memory runs out, with the lock held:
            // past a megabyte, what does not begin as a change is refused, and a change past any size.
            // (The unfinished line's blank beginning is looked at once: a line of megabytes of spaces is no quadratic scan.)
            while opening == nil && blanks < pending.count {
                let byte = pending[blanks]
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") { blanks += 1 } else { opening = byte }
            }
            let opensAChange = opening.map { $0 == UInt8(ascii: "{") || (lineNumber == 0 && $0 == 0xEF) } ?? true
            if (pending.count > 1_048_576 && !opensAChange) || pending.count > ApplyCommand.longestLine {
                throw failure("\(file), regel \(lineNumber + 1): geen wijziging (een wijziging begint met '{' en eindigt met een regeleinde)"
                              + (lineNumber == 0 ? "" : "; de regels ervoor zijn bewaard"), code: ExitStatus.dataError)
            }
        }
        if start < pending.count { try handle(pending[start...]) }
    }
}
