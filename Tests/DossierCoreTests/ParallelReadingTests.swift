import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// A long array is read on all cores, in parts cut where an element starts on its own line; the result,
/// and any error, must be what reading it in one piece gives.
@Suite("Reading long arrays on all cores")
struct ParallelReadingTests {
    static let dossier = try! DossierGenerator(relations: 300, activities: 4_000, seed: 11)
        .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: Fixtures.clock.today())

    @Test("a file this program wrote reads back the same, in parts")
    func sameResult() throws {
        let bytes = Self.dossier.encoded()
        #expect(bytes.count > JSONReader.parallelMinimum * 2, "long enough to be read in parts")
        #expect(try Dossier(decoding: bytes) == Self.dossier)
        let parts = try JSONReader.read(bytes) { (reader: inout JSONReader) throws(JSONError) in
            var activities: [Activity] = []
            try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                if key == "activities" {
                    // In parts, on as many threads as there are: the parts must fit together.
                    guard let read = reader.readArrayInParts(16, of: { (reader: inout JSONReader) throws(JSONError) in try Activity(reading: &reader) }) else {
                        throw JSONError(offset: reader.offset, message: "the parts did not fit")
                    }
                    activities = read
                } else {
                    try reader.skipValue()
                }
            }
            return activities
        }
        #expect(parts == Self.dossier.activities)
    }

    @Test("an error far into the array is placed exactly, as reading in one piece places it")
    func errorsPlacedExactly() throws {
        var text = String(decoding: Self.dossier.encoded(), as: UTF8.self)
        let target = Self.dossier.activities[3_210]
        let marker = "\"id\": \"\(target.id)\",\n      \"title\": \(jsonString(target.title)),\n      \"kind\": \"\(target.kind.rawValue)\""
        let range = try #require(text.range(of: marker))
        text.replaceSubrange(range, with: marker.replacingOccurrences(of: "\"kind\": \"\(target.kind.rawValue)\"", with: "\"kind\": \"onzin\""))
        let bytes = Array(text.utf8)
        var thrown: JSONError?
        do {
            _ = try Dossier(decoding: bytes)
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.path == JSONPath([.key("activities"), .index(3_210), .key("kind")]), "\(error.path)")
        #expect(String(decoding: bytes[error.offset..<(error.offset + 7)], as: UTF8.self) == "\"onzin\"", "offset \(error.offset)")
        let marked = try #require(text.range(of: "\"kind\": \"onzin\""))
        #expect(error.offset == text.utf8.distance(from: text.startIndex, to: marked.lowerBound) + "\"kind\": ".utf8.count)
    }

    @Test("lines laid out some other way (nested objects at an element's indentation) read as in one piece")
    func otherLayouts() throws {
        // Every line of a nested object moved left to the indentation of the activities themselves.
        let text = String(decoding: Self.dossier.encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\n        {", with: "\n    {")
            .replacingOccurrences(of: ",\n      \"", with: ",\n    \"")
        #expect(try Dossier(decoding: Array(text.utf8)) == Self.dossier)
    }

    private func jsonString(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
