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

    @Test("the store reads a large snapshot handing its pages back as it goes, to the same dossier; damaged or breaking a rule, it says exactly where")
    func storeReadsLargeSnapshots() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("dossier.json")
        let bytes = Self.dossier.encoded()
        try directory.write("dossier.json", bytes)
        #expect(try DossierStore(path: path).load() == Self.dossier)

        // A syntax error far into the activities: the message places it as reading in one piece does.
        var text = String(decoding: bytes, as: UTF8.self)
        let target = Self.dossier.activities[3_500]
        let marker = "\"id\": \"\(target.id)\","
        let range = try #require(text.range(of: marker))
        text.replaceSubrange(range, with: "\"id\": \"\(target.id)\",,")
        try directory.write("dossier.json", Array(text.utf8))
        var expected: JSONError?
        do { _ = try Dossier(decoding: Array(text.utf8)) } catch { expected = error }
        do {
            _ = try DossierStore(path: path).load()
            Issue.record("a damaged snapshot loaded")
        } catch {
            guard case let .damaged(_, problem) = error else { Issue.record("\(error)"); return }
            #expect(problem.path == expected?.path)
            #expect(problem.position == expected.map { TextPosition(offset: $0.offset, in: Array(text.utf8)) })
        }

        // Breaking a rule (an activity of a relation that does not exist): named, with its place in the file.
        var invalid = Self.dossier.activities
        invalid[3_600].relations = ["bestaat-niet"]
        let broken = Dossier(title: Self.dossier.title, framework: Self.dossier.framework, budgetLines: Self.dossier.budgetLines,
                             relations: Self.dossier.relations, activities: invalid)
        try directory.write("dossier.json", broken.encoded())
        do {
            _ = try DossierStore(path: path).load()
            Issue.record("an invalid snapshot loaded")
        } catch {
            guard case let .invalid(_, problems) = error else { Issue.record("\(error)"); return }
            #expect(problems.contains { $0.path.description.contains("activities[3600]") && $0.position != nil }, "\(problems)")
        }
    }

    @Test("read from a snapshot buffer, the pages already read go back to the system, and the dossier is the same")
    func pagesGoBack() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("dossier.json")
        try directory.write("dossier.json", Self.dossier.encoded())
        let fileSystem = PosixFileSystem()
        let descriptor = try fileSystem.openForReading(path)
        defer { fileSystem.close(descriptor) }
        let size = Int(try fileSystem.status(of: descriptor, path: path).size)
        let buffer = try #require(try SnapshotBuffer(reading: descriptor, size: size, fileSystem: fileSystem, path: path))
        #expect(!buffer.bytes.contains(0), "JSON text holds no zero byte")
        let decoded = DossierFile.decodeReleasing(buffer, checking: .all, releaseStep: 1 << 16)
        #expect(decoded == Self.dossier)
        // A page handed back reads as zeros on Linux: the activities' pages went back as they were read (read in
        // parts, which needs more than one core).
        #if os(Linux)
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            let zeros = buffer.bytes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            #expect(zeros > size / 2, "\(zeros) of \(size) bytes handed back")
        }
        #endif
    }

    private func jsonString(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
