/// One step of the file format: turns a document of `version` into one of `version + 1`, working on the
/// document's bytes before they are decoded (an old document need not fit the current types).
public struct SchemaMigration: Sendable {
    public let version: Int
    /// What changed, for the notice ("relaties kregen …").
    public let summary: String
    public let apply: @Sendable ([UInt8]) throws -> [UInt8]

    public init(version: Int, summary: String, apply: @escaping @Sendable ([UInt8]) throws -> [UInt8]) {
        self.version = version
        self.summary = summary
        self.apply = apply
    }
}

public enum SchemaMigrations {
    /// Every step so far. A change to the format raises `Dossier.currentSchemaVersion` and adds the step from
    /// the version before it here; the store then converts an older file on load, after keeping it as a backup.
    /// Journal lines keep the version they were written in and are brought up to date as they are replayed
    /// (`upgrade(_:from:in:)`).
    public static let all: [SchemaMigration] = [
        // 1 → 2: countries as ISO codes instead of text, Europe derived instead of stored; a budget line per
        // activity; a visit's programme as one text. The old document is read with the decoders' version-1
        // fields and written anew (the current version: with its contacts' phone and e-mail as below).
        SchemaMigration(version: 1, summary: "landen als ISO-codes (countries) in plaats van tekst, een budgetregel per activiteit, "
                            + "en het programma van een bezoek als één tekst") { bytes in
            FreeFormContacts.upgrade(Version1.upgrade(try Dossier(decoding: bytes, formatVersion: 1))).encoded()
        },
        // 2 → 3: budget lines may hold amounts for particular years (`yearAmounts`), and the journal knows changes of the
        // budget and of the Kader's pieces still to come (`set-budget-amount`, `set-policy`). A contact's phone or e-mail
        // that does not read as one (the first weeks of version 2 took any text) goes to its notes (`FreeFormContacts`);
        // the rest reads as it is.
        SchemaMigration(version: 2, summary: "budgetregels kunnen een bedrag per jaar hebben (yearAmounts); een telefoonnummer of "
                            + "e-mailadres van een contactpersoon dat er geen is, staat in de toelichting") { bytes in
            FreeFormContacts.upgrade(try Dossier(decoding: bytes, formatVersion: 2)).encoded()
        },
    ]

    /// A change from a journal line written in an older format, as the current format means it.
    public static func upgrade(_ change: Change, from version: Int, in dossier: Dossier) -> Change {
        let change = version < 2 ? Version1.upgrade(change, in: dossier) : change
        return version < 3 ? FreeFormContacts.upgrade(change, in: dossier) : change
    }

    /// Brings an older document up to the current version, step by step. Returns nil for a document that
    /// needs nothing (current, or newer: that one is refused when it is decoded). A step may bring it further than
    /// one version (one that decodes the old document and writes it anew writes the current version).
    static func migrate(_ bytes: [UInt8], file: String, steps: [SchemaMigration]) throws(StoreError) -> (bytes: [UInt8], from: Int)? {
        guard let from = Dossier.schemaVersion(in: bytes), from < Dossier.currentSchemaVersion else { return nil }
        var document = bytes, version = from
        while version < Dossier.currentSchemaVersion {
            guard let step = steps.first(where: { $0.version == version }) else {
                throw .damaged(file: file, problem: LocatedProblem(position: nil, path: JSONPath([.key("schemaVersion")]),
                    message: "dit bestand heeft schemaVersion \(from); deze versie van dossier kan schemaVersion \(version) niet omzetten"))
            }
            do {
                document = try step.apply(document)
            } catch let error as JSONError {
                // Damage the old document holds is told as any damage is: where it is, in its own words.
                throw .damaged(file: file, problem: LocatedProblem(position: TextPosition(offset: error.offset, in: document), path: error.path,
                    message: "omzetten van schemaVersion \(version) naar \(version + 1) mislukt: \(error.message)"))
            } catch {
                throw .damaged(file: file, problem: LocatedProblem(position: nil, path: JSONPath(),
                    message: "omzetten van schemaVersion \(version) naar \(version + 1) mislukt: \(error)"))
            }
            guard let reached = Dossier.schemaVersion(in: document), reached > version, reached <= Dossier.currentSchemaVersion else {
                throw .damaged(file: file, problem: LocatedProblem(position: nil, path: JSONPath([.key("schemaVersion")]),
                    message: "omzetten van schemaVersion \(version) gaf geen document van een latere versie (tot en met \(Dossier.currentSchemaVersion))"))
            }
            version = reached
        }
        return (document, from)
    }
}
