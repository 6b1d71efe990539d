#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import DossierCore
import DossierPostgres

/// Writing a command's result to `-o FILE` or to stdout (no `-o`, or `-o -`).
///
/// A regular file (new, or existing: then through a link too) is replaced durably and whole: a new one is
/// readable by its owner only, an existing one keeps its mode. A pipe or a device (`/dev/stdout`, a named
/// pipe, a terminal) is written into as a stream, never replaced by a file. Anything else (a folder, a
/// socket, a link to nothing) is refused.
enum OutputFile {
    /// The format the name after `-o` says, by its extension (lowercased, through `aliases`: "htm" is "html"); nil
    /// for no `-o`, `-` or a name without one.
    static func suffix(of path: String?, aliases: [String: String] = [:]) -> String? {
        guard let path, path != "-", let name = path.split(separator: "/").last, let dot = name.lastIndex(of: "."),
              dot != name.startIndex, name.index(after: dot) != name.endIndex else { return nil }
        let suffix = name[name.index(after: dot)...].lowercased()
        return aliases[suffix] ?? suffix
    }

    /// The format to write: the one asked for, else the one the name after `-o` says, else `fallback`. Refused: a name
    /// whose extension is none of `formats` while only the default would choose (writing JSON into "acts.xlsx" makes a
    /// file nothing opens; `settled`: other options said which, as `--what` says CSV), and a format asked for that the
    /// name contradicts.
    static func format(asked: String?, output: String?, formats: [String: String], aliases: [String: String] = [:],
                       fallback: String, settled: Bool, command: String, sparing store: StoreLocation?) throws -> String {
        // Onto the dossier's own files is said as that first: it matters more than the name's format.
        if let output, let store { try refuse(output, ifPartOf: store) }
        let named = suffix(of: output, aliases: aliases)
        let choices = formats.keys.sorted().map { "." + $0 }
        if let asked {
            if let named, let name = formats[named], named != asked, formats[asked] != nil {
                throw ValidationError("-o \(output ?? ""): de naam zegt \(name), maar --format \(asked); geef een naam op .\(asked), of laat --format weg")
            }
            return asked
        }
        guard let named else { return fallback }
        guard formats[named] != nil || settled else {
            let names = choices.dropLast().joined(separator: ", ") + " of " + (choices.last ?? "")
            throw ValidationError("-o \(output ?? ""): \(command) schrijft geen .\(named); geef een naam op \(names) "
                                  + "(of --format om het toch zo te noemen)")
        }
        return formats[named] != nil ? named : fallback
    }
    /// What the regular file at `path` (through a link, as `write` replaces it) holds now, or nil when there is none or
    /// it cannot be read: the export about to be replaced.
    static func previousContents(of path: String) -> [UInt8]? {
        let fileSystem = PosixFileSystem()
        let target = fileSystem.realPath(path) ?? path
        // A file far larger than any export (a mistaken name) is not read at all.
        guard let status = try? fileSystem.status(target), status.size <= Int64(ICalendar.previousExportLimit) else { return nil }
        return try? fileSystem.readFile(target)
    }

    static func write(_ bytes: [UInt8], to path: String?, sparing store: StoreLocation) throws {
        guard let path, path != "-" else {
            Output.document(bytes)
            return
        }
        guard !path.isEmpty else { throw failure("-o: leeg; geef een bestandsnaam, of - voor de uitvoer", code: ExitStatus.usage) }
        try refuse(path, ifPartOf: store)
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else { throw refusal(path, code: errno) }
            var own = stat()
            if lstat(path, &own) == 0 {
                throw refusal(path, code: SystemErrorCode.symbolicLink, operation: "opslaan (een koppeling naar niets)")
            }
            try replace(path, with: bytes, mode: DurableWriter.ownerOnlyMode)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // Through a link: replace the file it names, not the link.
            let target = PosixFileSystem().realPath(path) ?? path
            try replace(target, with: bytes, mode: UInt32(info.st_mode) & 0o7777)
        case S_IFIFO, S_IFCHR:
            try stream(bytes, into: path)
        case S_IFDIR:
            throw refusal(path, code: SystemErrorCode.isDirectory)
        default:
            throw refusal(path, code: SystemErrorCode.notRegularFile)
        }
    }

    /// `-o` onto one of the open dossier's own files (a slip of the tab key: `-o dossier.json`) would replace the
    /// dossier or its journal with an export; onto another dossier (its journal, lock or backups beside it) it would
    /// leave that journal belonging to no snapshot, and its changes set aside. Both refused before anything is written.
    static func refuse(_ path: String, ifPartOf store: StoreLocation) throws {
        // The standard output, whatever a file of that name beside it is.
        guard path != "-" else { return }
        let fileSystem = PosixFileSystem()
        if !PostgresAddress.isAddress(store.path), let part = StoreFiles(store.path).part(named: path, fileSystem: fileSystem) {
            throw failure("-o \(path) is \(part); de uitvoer zou het overschrijven. Kies een ander bestand", code: ExitStatus.usage)
        }
        let target = StoreFiles.realPath(of: path, fileSystem: fileSystem)
        if StoreFiles(target).hasTraces(fileSystem: fileSystem, countingLock: true) {
            throw failure("-o \(path) is een ander dossier (met journaal, slot of back-ups ernaast); de uitvoer zou het vervangen en "
                          + "zijn wijzigingen los laten staan. Kies een ander bestand (een dossier kopiëren: dossier copy)", code: ExitStatus.usage)
        }
        // One of another dossier's own files: its journal, lock or indexes beside it, or a file in its backups or history.
        if let other = StoreFiles.owner(of: target, fileSystem: fileSystem),
           let part = other.part(named: target, fileSystem: fileSystem, dossier: "een ander dossier (\(other.snapshot))") {
            throw failure("-o \(path) is \(part); de uitvoer zou het overschrijven. Kies een ander bestand", code: ExitStatus.usage)
        }
    }

    private static func replace(_ path: String, with bytes: [UInt8], mode: UInt32) throws {
        do {
            try DurableWriter(fileSystem: PosixFileSystem()).replace(path, with: bytes, mode: mode)
        } catch {
            throw outputFailure(error)
        }
    }

    private static func stream(_ bytes: [UInt8], into path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw refusal(path, code: errno) }
        defer { close(descriptor) }
        do {
            // A terminal (-o /dev/tty, or /dev/stdout on one) gets what the output gets there: text made inert.
            try PosixFileSystem().write(descriptor, isatty(descriptor) == 1 ? TerminalSafeText.bytes(bytes) : bytes, path: path)
        } catch {
            throw outputFailure(error)
        }
    }

    private static func refusal(_ path: String, code: Int32, operation: String = "opslaan") -> Error {
        outputFailure(FileSystemError(operation: operation, path: path, code: code))
    }

    /// The output's own file failed, not the dossier's: said without the store's words about a half-written dossier.
    private static func outputFailure(_ error: FileSystemError) -> Error {
        let refused = error.code == EACCES || error.code == EPERM
        return failure("\(error.description); de uitvoer is niet geschreven (het dossier zelf is niet gewijzigd)",
                       code: refused ? ExitStatus.notPermitted : ExitStatus.ioError)
    }
}
