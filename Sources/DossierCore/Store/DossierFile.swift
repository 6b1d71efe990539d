/// Turning a dossier file's bytes into a checked dossier, with located errors.
public enum DossierFile {
    /// Decodes and validates. `file` is only used in messages. A document of an older schemaVersion is
    /// converted in memory first (see `SchemaMigrations`).
    public static func decode(_ bytes: [UInt8], file: String) throws(StoreError) -> Dossier {
        try decodeMigrating(bytes, file: file, migrations: SchemaMigrations.all).dossier
    }

    /// Which rules to check after decoding.
    public enum Checking: Sendable {
        case all
        /// None, when the document is a current one whose `journalSequence` is `sequence`: one this program
        /// wrote or checked in full and that has not changed since. Anything else is checked in full.
        case unless(sequence: Int)
    }

    /// As `decode`, saying from which older version the document was converted (nil when it was current).
    public static func decodeMigrating(_ bytes: [UInt8], file: String, migrations: [SchemaMigration],
                                       checking: Checking = .all) throws(StoreError) -> (dossier: Dossier, migratedFrom: Int?) {
        if let beginning = notJSONObject(bytes) { throw .notADossier(file: file, beginning: beginning) }
        // Saved by an editor that puts a byte-order mark first (Notepad): the program never writes one, and a snapshot's
        // bytes are counted from its start (the side index), so it is said, not skipped.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw .damaged(file: file, problem: LocatedProblem(position: TextPosition(offset: 0, in: bytes), path: .root,
                                                               message: "het bestand begint met een byte-order mark (de bytes EF BB BF), zoals Kladblok die "
                                                               + "bij opslaan toevoegt; sla het op als UTF-8 zonder BOM, of haal ze weg met: sed -i '1s/^\\xEF\\xBB\\xBF//' \(ShellWord.quoted(file))"))
        }
        guard let (migrated, from) = try SchemaMigrations.migrate(bytes, file: file, steps: migrations) else {
            return (try decodeCurrent(bytes, file: file, checking: checking), nil)
        }
        return (try decodeCurrent(migrated, file: file), from)
    }

    /// A large snapshot of the current version, decoded from a buffer whose pages go back to the system as
    /// they are read; nil when that did not give a whole, valid dossier (an older format, an error, rules it
    /// breaks): then decode it the usual way, from bytes read anew, which also places what is wrong.
    static func decodeReleasing(_ buffer: SnapshotBuffer, checking: Checking,
                                releaseStep: Int = JSONReader.defaultReleaseStep) -> Dossier? {
        guard let version = Dossier.schemaVersion(in: buffer.bytes), version == Dossier.currentSchemaVersion,
              let dossier = try? Dossier(decodingReleasing: buffer.bytes, every: releaseStep, deferred: buffer.deferredPageCount > 0 ? buffer : nil),
              buffer.unchangedSinceRead else { return nil }
        if case .unless(let sequence) = checking, dossier.journalSequence == sequence { return dossier }
        return DossierValidator.problems(in: dossier).isEmpty ? dossier : nil
    }

    /// The first line of a file that cannot be a dossier because it does not begin with `{` (a CSV given as the
    /// dossier, a text file); nil for anything that may be one (then decoding says what is wrong, and where), also
    /// for a dossier whose first byte was damaged: its `schemaVersion` near the start gives it away.
    static func notJSONObject(_ bytes: [UInt8]) -> String? {
        // (A byte order mark before the `{` is the decoder's to judge, as any other damage.)
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard let first = body.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), body[first] != UInt8(ascii: "{") else { return nil }
        let marker = Array("\"schemaVersion\"".utf8), start = body.prefix(512)
        if start.indices.contains(where: { start[$0...].starts(with: marker) }) { return nil }
        return String(decoding: body[first...].prefix { $0 != 0x0A && $0 != 0x0D }.prefix(60), as: UTF8.self)
    }

    private static func decodeCurrent(_ bytes: [UInt8], file: String, checking: Checking = .all) throws(StoreError) -> Dossier {
        let dossier: Dossier
        do {
            dossier = try Dossier(decoding: bytes)
        } catch {
            if let version = error.newerVersion { throw .newerSnapshot(file: file, version: version) }
            let position = error.path == JSONPath([.key("schemaVersion")]) && error.offset == 0
                ? JSONReader.offset(of: error.path, in: bytes).map { TextPosition(offset: $0, in: bytes) }
                : TextPosition(offset: error.offset, in: bytes)
            throw .damaged(file: file, problem: LocatedProblem(position: position, path: error.path, message: error.message))
        }
        if case .unless(let sequence) = checking, dossier.journalSequence == sequence { return dossier }
        let problems = DossierValidator.problems(in: dossier)
        if !problems.isEmpty {
            throw .invalid(file: file, problems: problems.map { problem in
                let position = JSONReader.offset(of: problem.path, in: bytes).map { TextPosition(offset: $0, in: bytes) }
                return LocatedProblem(position: position, path: problem.path, message: problem.message)
            })
        }
        return dossier
    }
}
