import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Files made to break the loader: mutated at random, nested absurdly deep, with huge strings, NUL bytes
/// and invalid UTF-8. Each must load (and then be valid) or give a clear, located message; none may crash.
@Suite("Hostile files")
struct HostileInputTests {
    let original = Fixtures.smallDossier().encoded()

    /// Loads like the store does; returns the message when refused.
    func load(_ bytes: [UInt8]) -> (Dossier?, String?) {
        do {
            return (try DossierFile.decode(bytes, file: "dossier.json"), nil)
        } catch {
            return (nil, error.description)
        }
    }

    @Test("1.800 mutated files (truncated, bytes changed, NUL inserted, pieces cut or doubled, invalid UTF-8): loaded and valid, or refused with a place")
    func mutatedFiles() {
        var random = SeededGenerator(seed: 2026)
        var refused = 0
        for round in 0..<1_800 {
            var bytes = original
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch round % 6 {
            case 0: bytes = Array(bytes[..<at])
            case 1: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.insert(0, at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
            case 4: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...60, using: &random))],
                                 at: Int.random(in: 0..<bytes.count, using: &random))
            default: bytes.insert(contentsOf: [[0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xE6, 0xB3]][round % 4], at: at)
            }
            let (dossier, message) = load(bytes)
            if let dossier {
                #expect(DossierValidator.problems(in: dossier).isEmpty, "round \(round) loaded an invalid dossier")
            } else {
                refused += 1
                let text = message ?? ""
                #expect(text.contains("dossier.json") && (text.contains("regel ") || text.contains("$.")),
                        "round \(round): \(text)")
            }
        }
        #expect(refused > 1_000, "most mutations break the file")
    }

    @Test("nesting 100.000 deep is refused with a message, not a stack overflow", arguments: ["relations", "notes-in-unknown-field"])
    func deepNesting(place: String) {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let text = String(decoding: original, as: UTF8.self)
        let document = place == "relations"
            ? text.replacingOccurrences(of: "\"relations\": [", with: "\"relations\": [\(deep), ")
            : text.replacingOccurrences(of: "\"schemaVersion\": 3,", with: "\"schemaVersion\": 3, \"x\": \(deep),")
        let (dossier, message) = load(Array(document.utf8))
        #expect(dossier == nil)
        #expect(message?.contains("regel ") == true, "\(message ?? "")")
        let skipped: Void? = try? JSONReader.read(Array(deep.utf8)) { (reader: inout JSONReader) throws(JSONError) in try reader.skipValue() }
        #expect(skipped == nil)
        do {
            try JSONReader.read(Array(deep.utf8)) { (reader: inout JSONReader) throws(JSONError) in try reader.skipValue() }
        } catch {
            #expect(error.message.contains("te diep genest"))
        }
    }

    @Test("a 20 MB name is refused at load with its place and the limit; a long name is cut with an ellipsis on display")
    func hugeString() throws {
        let huge = String(repeating: "Rhône-泰州 ", count: 1_600_000)
        let text = String(decoding: original, as: UTF8.self)
        let (refused, message) = load(Array(text.replacingOccurrences(of: "\"name\": \"BOM\"", with: "\"name\": \"\(huge)\"").utf8))
        #expect(refused == nil)
        #expect(message?.contains("name): tekst is te lang: 14.400.000 tekens, hoogstens 1.000.000") == true, "\(message ?? "")")
        // The longest name the rules accept loads; display cuts it.
        let longest = String(String(repeating: "Rhône-泰州 ", count: 100).prefix(Limits.shortText))
        let (loaded, refusal) = load(Array(text.replacingOccurrences(of: "\"name\": \"BOM\"", with: "\"name\": \"\(longest)\"").utf8))
        #expect(refusal == nil)
        #expect(loaded?.relation("bom")?.name == longest)
        let cell = DisplayWidth.fit(longest, to: 30)
        #expect(DisplayWidth.of(cell) == 30)
        #expect(cell.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "a wide character that does not fit leaves a space")
    }

    @Test("a raw NUL in a string is refused; an escaped one loads and is shown inert")
    func nulBytes() throws {
        let text = String(decoding: original, as: UTF8.self)
        let raw = Array(text.replacingOccurrences(of: "\"name\": \"BOM\"", with: "\"name\": \"B\u{0}OM\"").utf8)
        let (refused, message) = load(raw)
        #expect(refused == nil)
        #expect(message?.contains("stuurteken 0x00") == true, "\(message ?? "")")
        let escaped = Array(text.replacingOccurrences(of: "\"name\": \"BOM\"", with: "\"name\": \"B\\u0000OM\\u001b[2J\"").utf8)
        let (loaded, _) = load(escaped)
        let name = try #require(loaded?.relation("bom")?.name)
        #expect(name.unicodeScalars.contains("\u{0}"))
        let shown = TerminalSafeText.line(name)
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(shown.debugDescription)")

        // A change may not store a new one (PostgreSQL cannot): refused at the field, wherever it comes from.
        var dossier = try #require(loaded)
        #expect(throws: ChangeError(.invalid, "Titel bevat een nulteken (U+0000), dat een database niet kan bewaren; haal het weg", field: "title")) {
            try dossier.apply(.editActivity("missie-lyon", [FieldEdit(field: "title", old: .text("Handelsmissie Lyon"), new: .text("Missie\u{0}Lyon"))]),
                              context: Fixtures.context)
        }
        #expect(throws: ChangeError.self) {
            try dossier.apply(.addContact(.relation("bom"), Contact(name: "Anna", notes: "a\u{0}b")), context: Fixtures.context)
        }
        #expect(throws: ChangeError.self) {
            try dossier.apply(.addFollowUp("missie-lyon", FollowUp(text: "bellen\u{0}")), context: Fixtures.context)
        }
        // One a record held before does not stop a change of another field of it.
        _ = try dossier.apply(.editRelation("bom", [FieldEdit(field: "notes", old: .text(""), new: .text("Gesproken"))]), context: Fixtures.context)
        #expect(dossier.relation("bom")?.name == name)
        #expect(DossierValidator.problems(in: try #require(loaded)).isEmpty)
    }

    @Test("a log whose changes hold a NUL from an older version replays: the dossier still opens")
    func nulInAnOldLog() throws {
        let directory = TemporaryDirectory(prefix: "dossier-nul")
        let path = directory.file("dossier.json")
        try DossierStore(path: path).writeNewSnapshot(Fixtures.smallDossier())
        let store = DossierStore(path: path)
        try store.openForWriting(actor: "tester")
        var dossier = try store.load()
        var lyon = try #require(dossier.activity("missie-lyon"))
        lyon.notes = "a\u{0}b"
        // As an older version could write it: a restoration, and then a change of the same activity.
        try store.commit(.restore(Restoration(label: "Terug", activities: [Snapshot(id: lyon.id, value: lyon, position: try #require(dossier.activityPosition(lyon.id)))])),
                         to: &dossier, context: Fixtures.context)
        try store.commit(.addFollowUp("missie-lyon", FollowUp(text: "Bellen")), to: &dossier, context: Fixtures.context)
        let reopened = try DossierStore(path: path).load()
        #expect(reopened.activity("missie-lyon")?.notes == "a\u{0}b")
        #expect(reopened.activity("missie-lyon")?.followUps.map(\.text) == ["Bellen"])
    }
}
