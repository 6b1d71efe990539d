import DossierCore
import DossierTestSupport
import Testing

@Suite("JSON reader and writer")
struct JSONTests {
    @Test("the writer orders keys as given, escapes what it must and keeps UTF-8 readable")
    func writer() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("b", "Rhône \"quoted\" \\ \n\u{1B}")
        writer.field("a", Int64(-42))
        writer.key("list")
        writer.inlineStrings(["x", "泰州"])
        writer.key("empty")
        writer.beginArray()
        writer.endArray()
        writer.endObject()
        writer.finishDocument()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == "{\n  \"b\": \"Rhône \\\"quoted\\\" \\\\ \\n\\u001b\",\n  \"a\": -42,\n  \"list\": [\"x\", \"泰州\"],\n  \"empty\": []\n}\n")
    }

    @Test("a key twice in one object is refused where the second stands, also written with an escape; in nested objects each has its own")
    func duplicateKeys() throws {
        func keys(_ text: String) throws(JSONError) -> [String] {
            var read: [String] = []
            try JSONReader.read(Array(text.utf8)) { (reader: inout JSONReader) throws(JSONError) in
                try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                    read.append(key)
                    if key == "inner" {
                        try reader.readObject { (reader: inout JSONReader, key: String) throws(JSONError) in
                            read.append(key)
                            try reader.skipValue()
                        }
                    } else {
                        try reader.skipValue()
                    }
                }
            }
            return read
        }
        #expect(try keys(#"{"a": 1, "inner": {"a": 2, "b": 3}, "b": 4}"#) == ["a", "inner", "a", "b", "b"])
        for (text, second) in [(#"{"naam": 1, "x": 2, "naam": 3}"#, 20), (#"{"naam": 1, "n\u0061am": 3}"#, 12), (#"{"inner": {"b": 1, "b": 2}}"#, 19)] {
            do {
                _ = try keys(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.message.hasPrefix("het veld '") && error.message.contains("' staat twee keer in hetzelfde object"), "\(error)")
                #expect(error.offset == second, "\(text): \(error.offset)")
            }
        }
    }

    @Test("strings with escapes and surrogate pairs read back exactly")
    func escapes() throws {
        let text = try JSONReader.read(Array(#""a\"b\\c\/d\n\u00e9\ud83c\udf89""#.utf8)) { (reader: inout JSONReader) throws(JSONError) in
            try reader.readString()
        }
        #expect(text == "a\"b\\c/d\né🎉")
    }

    @Test("the UTF-8 check accepts and refuses exactly what the standard library does", arguments: [
        [0x41, 0xC3, 0xA9], [0xE6, 0xB3, 0xB0, 0xE5, 0xB7, 0x9E], [0xF0, 0x9F, 0x8E, 0x89], [0xEF, 0xBF, 0xBF],
        [0xC3], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xE6, 0xB3], [0xC3, 0x41], [0xF0, 0x9F, 0x8E, 0x41],
    ] as [[UInt8]])
    func utf8(bytes: [UInt8]) throws {
        let document = [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
        let expected = String(validating: bytes, as: UTF8.self)
        let read = try? JSONReader.read(document) { (reader: inout JSONReader) throws(JSONError) in try reader.readString() }
        #expect(read == expected)
        // The same bytes after an escape take the other path through the reader.
        let escaped = [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n")] + bytes + [UInt8(ascii: "\"")]
        let readEscaped = try? JSONReader.read(escaped) { (reader: inout JSONReader) throws(JSONError) in try reader.readString() }
        #expect(readEscaped == expected.map { "\n" + $0 })
    }

    @Test("syntax errors say where", arguments: [
        ("{\"a\": }", 6, "verwacht"),
        ("{\"a\": 1,}", 8, "veldnaam"),
        ("{\"a\": \"x", 6, "afsluitend"),
        ("[1 2]", 3, "','"),
        ("{\"a\": 1} extra", 9, "na het einde"),
        ("{\"a\": \"tab\there\"}", 10, "stuurteken"),
    ])
    func syntaxErrors(document: String, offset: Int, fragment: String) {
        do {
            try JSONReader.read(Array(document.utf8)) { (reader: inout JSONReader) throws(JSONError) in try reader.skipValue() }
            Issue.record("expected an error for \(document)")
        } catch {
            #expect(error.offset == offset, "\(document): \(error)")
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test("integers refuse fractions, so money stays in cents")
    func integersOnly() {
        #expect(throws: JSONError.self) {
            try JSONReader.read(Array("12.5".utf8)) { (reader: inout JSONReader) throws(JSONError) in try reader.readInteger() }
        }
        #expect(throws: JSONError.self) {
            try JSONReader.read(Array("99999999999999999999".utf8)) { (reader: inout JSONReader) throws(JSONError) in try reader.readInteger() }
        }
    }

    @Test("errors inside nested values carry the full path")
    func paths() {
        let document = #"{"relations": [{"id": "a"}, {"id": 5}]}"#
        do {
            try JSONReader.read(Array(document.utf8)) { (reader: inout JSONReader) throws(JSONError) in
                try reader.readObject { (reader: inout JSONReader, _: String) throws(JSONError) in
                    try reader.readArray { (reader: inout JSONReader, _: Int) throws(JSONError) in
                        try reader.readObject { (reader: inout JSONReader, _: String) throws(JSONError) in _ = try reader.readString() }
                    }
                }
            }
            Issue.record("expected an error")
        } catch {
            #expect(error.path.description == "$.relations[1].id")
        }
    }

    @Test("a path can be located in the document as a line and column")
    func locating() throws {
        let document = "{\n  \"relations\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"status\": \"x\"}\n  ]\n}\n"
        let bytes = Array(document.utf8)
        let offset = try #require(JSONReader.offset(of: JSONPath([.key("relations"), .index(1), .key("status")]), in: bytes))
        let position = TextPosition(offset: offset, in: bytes)
        #expect(position.line == 4)
        #expect(position.column == 27)
    }

    @Test("a dossier survives encode → decode → encode byte for byte")
    func roundTrip() throws {
        let dossier = Fixtures.smallDossier()
        let bytes = dossier.encoded()
        let decoded = try Dossier(decoding: bytes)
        #expect(decoded == dossier)
        #expect(decoded.encoded() == bytes)
        let compact = dossier.encoded(pretty: false)
        #expect(try Dossier(decoding: compact) == dossier)
        #expect(!compact.contains(UInt8(ascii: "\n")))
    }
}
