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

    /// A dossier whose activities are longer than `SnapshotBuffer.keptHead`: their later pages are deferred.
    static let longer = try! DossierGenerator(relations: 300, activities: 9_000, seed: 5)
        .generate(framework: Fixtures.smallDossier().framework, budgetLines: Fixtures.smallDossier().budgetLines, today: Fixtures.clock.today())

    func snapshotBuffer(_ bytes: [UInt8], deferring: Bool, in directory: TemporaryDirectory) throws -> (SnapshotBuffer, String) {
        let path = directory.file("dossier.json")
        try directory.write("dossier.json", bytes)
        let fileSystem = PosixFileSystem()
        let descriptor = try fileSystem.openForReading(path)
        let size = Int(try fileSystem.status(of: descriptor, path: path).size)
        // The buffer reads deferred ranges from the descriptor later on: left open, as the store's load keeps it open.
        let buffer = try #require(try SnapshotBuffer(reading: descriptor, size: size, fileSystem: fileSystem, path: path, deferringLongArrays: deferring))
        return (buffer, path)
    }

    @Test("read with its long arrays deferred, a large snapshot is never whole in memory, and reads back the same")
    func longArraysDeferred() throws {
        let bytes = Self.longer.encoded()
        #expect(bytes.count > 2 * SnapshotBuffer.keptHead)
        let directory = TemporaryDirectory()
        let (buffer, _) = try snapshotBuffer(bytes, deferring: true, in: directory)
        #expect(buffer.deferredPageCount * 4096 > bytes.count / 3, "\(buffer.deferredPageCount) pages deferred of \(bytes.count) bytes")
        #if os(Linux)
        #expect(buffer.bytes.contains(0), "deferred pages read as zeros until loaded")
        #endif
        #expect(DossierFile.decodeReleasing(buffer, checking: .all, releaseStep: 1 << 16) == Self.longer)
    }

    @Test("a large snapshot that cannot be read in parts (all on one line) is not read from deferred bytes, and still loads")
    func deferredButNotInParts() throws {
        // Strings never hold a raw line break, so every line break and the indentation after it is layout.
        var oneLine: [UInt8] = [], afterBreak = false
        for byte in Self.longer.encoded() {
            if byte == 0x0A { afterBreak = true; continue }
            if afterBreak && byte == 0x20 { continue }
            afterBreak = false
            oneLine.append(byte)
        }
        let directory = TemporaryDirectory()
        let (buffer, path) = try snapshotBuffer(oneLine, deferring: true, in: directory)
        #expect(buffer.deferredPageCount > 0)
        // (Darwin may keep the contents of pages handed back, so only Linux is sure to find zeros.)
        #if os(Linux)
        #expect(DossierFile.decodeReleasing(buffer, checking: .all) == nil, "the reader meets bytes not yet read, and says so")
        #endif
        #expect(try DossierStore(path: path).load() == Self.longer)
    }

    @Test("the arrays of the top object are found across the pieces a file is read in; brackets in texts do not count")
    func topLevelArrays() {
        let text = Array(#"{"a": "[\"]{", "b": [1, [2], {"c": "]"}], "f": {"g": [1]}, "d": [{"e": "\\"}, 2"#.utf8)
        let d = text.indices.last { text[$0] == UInt8(ascii: "[") }
        let b = Array(#"{"a": "[\"]{", "b": "#.utf8).count
        let bEnd = Array(#"{"a": "[\"]{", "b": [1, [2], {"c": "]"}"#.utf8).count
        // Every piece size, so that each escape and bracket falls on a boundary between pieces somewhere.
        for size in 1...text.count {
            var scanner = TopLevelArrays()
            var opened: [Int?] = []
            for start in stride(from: 0, to: text.count, by: size) {
                let piece = Array(text[start..<min(start + size, text.count)])
                piece.withUnsafeBufferPointer { scanner.scan($0, at: start) }
                opened.append(scanner.openArrayStart)
            }
            #expect(scanner.openArrayStart == d && d != nil, "pieces of \(size)")
            #expect(scanner.arrayEnds == [b: bEnd], "pieces of \(size): \(scanner.arrayEnds)")
            if size < 10 { #expect(opened.contains(b) && opened.contains(nil), "pieces of \(size): \(opened)") }
        }
    }

    @Test("a snapshot changed in place while its deferred bytes were still to be read is read anew")
    func changedWhileDeferred() throws {
        let directory = TemporaryDirectory()
        let (buffer, path) = try snapshotBuffer(Self.longer.encoded(), deferring: true, in: directory)
        #expect(buffer.unchangedSinceRead)
        var changed = Self.longer
        changed.title = "Ander dossier"
        let bytes = changed.encoded()
        // In place (same file, same inode), as `cp other.json dossier.json` writes.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.truncateFile(atOffset: 0)
        handle.write(Data(bytes))
        handle.closeFile()
        #expect(!buffer.unchangedSinceRead)
        #expect(DossierFile.decodeReleasing(buffer, checking: .all) == nil)
    }

    private func jsonString(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
