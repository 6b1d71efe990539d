import DossierTestSupport
import Testing
@testable import DossierCore

/// `JSONReader.readSharedString`: a long text that recurs is one string in memory, and every text reads back
/// exactly as its bytes were written.
@Suite("Texts shared while reading")
struct SharedTextsTests {
    /// Where a native string keeps its bytes (the same place for two copies of one string).
    func storage(_ text: String) -> UnsafePointer<UInt8>? {
        var text = text
        return text.withUTF8 { $0.baseAddress }
    }

    func readAll(_ json: String) throws -> [String] {
        try JSONReader.read(Array(json.utf8)) { (reader: inout JSONReader) throws(JSONError) in try reader.readSharedStrings() }
    }

    @Test("the same long bytes give one string; other bytes, even of the same text to Swift, stay their own")
    func sharesByBytes() throws {
        let precomposed = "Herijking Café de Paris", decomposed = "Herijking Cafe\u{301} de Paris"
        #expect(precomposed == decomposed, "String's equality takes them for the same text")
        let texts = try readAll(#"["\#(precomposed)", "\#(decomposed)", "\#(precomposed)", "\#(decomposed)", "kort", "kort", "een\ttab met escape van lengte", "een\ttab met escape van lengte"]"#)
        #expect(texts.map { Array($0.utf8) } == [precomposed, decomposed, precomposed, decomposed, "kort", "kort", "een\ttab met escape van lengte",
                                                "een\ttab met escape van lengte"].map { Array($0.utf8) }, "every text exactly as written")
        #expect(storage(texts[0]) == storage(texts[2]) && storage(texts[1]) == storage(texts[3]), "a recurring long text is kept once")
        #expect(storage(texts[0]) != storage(texts[1]), "canonically equal but other bytes: not shared")
        let plain = try JSONReader.read(Array(#"["\#(precomposed)", "\#(precomposed)"]"#.utf8)) { (reader: inout JSONReader) throws(JSONError) in
            try reader.readStrings()
        }
        #expect(storage(plain[0]) != storage(plain[1]), "readString makes its own")
    }

    @Test("past the reader's capacity texts are still read exactly, only no longer shared")
    func beyondCapacity() throws {
        let distinct = (0..<(SharedTexts.capacity + 10)).map { "tekst nummer \($0) van de lijst" }
        let json = "[" + (distinct + distinct).map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let texts = try readAll(json)
        #expect(texts == distinct + distinct)
        #expect(storage(texts[0]) == storage(texts[distinct.count]), "the first ones shared")
        #expect(storage(texts[distinct.count - 1]) != storage(texts[2 * distinct.count - 1]), "the last ones not")
    }

    /// A generated dossier of 2.000 activities, read back; it must encode byte for byte as before.
    func generatedAndDecoded() throws -> Dossier {
        let generated = try DossierGenerator(relations: 30, activities: 2_000, seed: 3)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: Fixtures.clock.today())
        let bytes = generated.encoded()
        let decoded = try DossierFile.decode(bytes, file: "gegenereerd")
        #expect(decoded.encoded() == bytes)
        return decoded
    }

    @Test("a decoded dossier keeps each linked relation's id once per part of the reading, and encodes byte for byte as before")
    func dossier() throws {
        let decoded = try generatedAndDecoded()
        let linked = decoded.activities.flatMap(\.relations).filter { $0.utf8.count >= SharedTexts.minimumLength }
        let places = Set(linked.compactMap(storage))
        // At most one copy per part the activities are read in (`readArrayInParallel`: up to 32), not one per link.
        #expect(linked.count > 200 && places.count <= Set(linked).count * 32 && places.count * 2 < linked.count,
                "\(linked.count) ids (\(Set(linked).count) different) in \(places.count) places")
    }

    /// Which box a status change keeps its texts in.
    func box<Status>(_ change: StatusChange<Status>) -> UInt { unsafeBitCast(change.texts, to: UInt.self) }

    @Test("status changes with the same texts share one box of texts; texts equal to Swift but not in bytes do not, and each reads back as written")
    func sharedStatusTexts() throws {
        let decoded = try generatedAndDecoded()
        let changes = decoded.activities.flatMap(\.statusHistory)
        let boxes = Set(changes.map(box))
        #expect(changes.count > 4_000 && boxes.count * 4 < changes.count, "\(changes.count) entries in \(boxes.count) boxes")
        let precomposed = "Herijking Café de Paris", decomposed = "Herijking Cafe\u{301} de Paris"
        let json = "[" + [precomposed, decomposed, precomposed].map { #"{"date": "2026-03-12", "to": "idee", "reason": "\#($0)", "by": "adviseur"}"# }
            .joined(separator: ", ") + "]"
        let read = try JSONReader.read(Array(json.utf8)) { (reader: inout JSONReader) throws(JSONError) in
            try reader.readArray(of: { (reader: inout JSONReader) throws(JSONError) in try StatusChange<ActivityStatus>(reading: &reader) })
        }
        #expect(read.map { Array($0.reason.utf8) } == [precomposed, decomposed, precomposed].map { Array($0.utf8) })
        #expect(box(read[0]) == box(read[2]) && box(read[0]) != box(read[1]))
        var changed = read[2]
        changed.reason = "Anders"
        #expect(read[0].reason == precomposed && changed.reason == "Anders" && changed.by == "adviseur", "a change makes a box of its own")
    }

    /// Where an array keeps its elements.
    func storage<T>(_ list: [T]) -> UnsafeRawPointer? {
        list.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }

    @Test("relation ids, participants and follow-ups that are the same text to Swift but other bytes are not shared: each list reads back exactly")
    func relationsByBytes() throws {
        let template = try #require(Fixtures.smallDossier().activities.first)
        var writer = JSONWriter()
        let texts = ["cafe\u{301}", "caf\u{E9}", "cafe\u{301}", "caf\u{E9}"]
        writer.array(texts) { text, writer in
            var activity = template
            activity.relations = [text]
            activity.participants = [Participant(name: "Ondernemer " + text, role: .ondernemer, organisation: text)]
            activity.followUps = [FollowUp(text: "Verslag " + text, owner: text, id: "verslag")]
            activity.write(to: &writer)
        }
        let read = try JSONReader.read(writer.bytes) { (reader: inout JSONReader) throws(JSONError) in
            try reader.readArray { (reader: inout JSONReader) throws(JSONError) in try Activity(reading: &reader) }
        }
        let bytes = texts.map { Array($0.utf8) }
        #expect(read.map { $0.relations.map { Array($0.utf8) } } == bytes.map { [$0] })
        #expect(read.map { Array($0.participants[0].organisation.utf8) } == bytes && read.map { Array($0.followUps[0].owner.utf8) } == bytes)
        #expect(read.map { Array($0.followUps[0].text.utf8) } == texts.map { Array(("Verslag " + $0).utf8) })
    }
}
