import DossierCore
import DossierTestSupport
import Testing

/// The one place that makes text inert for a terminal, for whole texts and documents (the command
/// line's output path), and JSON that carries no escape sequence even when printed.
@Suite("Terminal-safe text and documents")
struct TerminalOutputTests {
    /// OSC 52 (set the clipboard), a screen clear, BEL, a C1 CSI, a right-to-left override and a line separator.
    static let hostile = "Evil\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}[2J\u{9B}31m\u{202E}gnp.exe\u{2028}x"

    static func isInert(_ text: String, keepingLayout: Bool = true) -> Bool {
        isInertForTerminal(text, allowingLayout: keepingLayout)
    }

    @Test("whole texts keep their lines and tabs; escapes, a lone CR, C1 controls and bidi overrides are shown, not sent")
    func wholeText() {
        let safe = TerminalSafeText.text("kop\ttweede\r\nregel " + Self.hostile + "\nover\rschreven")
        #expect(Self.isInert(safe))
        #expect(safe.hasPrefix("kop\ttweede\r\nregel Evil␛]52;c;SGVsbG8=␇␛[2J\u{FFFD}31m\u{FFFD}gnp.exe\u{FFFD}x\nover␍schreven"), "\(safe.debugDescription)")
        #expect(TerminalSafeText.text(safe) == safe, "making text safe twice changes nothing")
        let plain = "Rhône-Alpes 泰州\n\tOekraïne\r\n"
        #expect(TerminalSafeText.text(plain) == plain)
        #expect(TerminalSafeText.text("eind\r") == "eind␍")
    }

    @Test("documents as bytes: the same, and bytes that are not UTF-8 (a raw C1 CSI, 0x9B) become a replacement character")
    func documents() {
        let csv = Array("id,titel\r\nx,\"".utf8) + Array(Self.hostile.utf8) + [0x9B] + Array("31m\"\r\n".utf8)
        let safe = String(decoding: TerminalSafeText.bytes(csv), as: UTF8.self)
        #expect(Self.isInert(safe))
        #expect(String(validating: TerminalSafeText.bytes(csv), as: UTF8.self) != nil && !TerminalSafeText.bytes(csv).contains(0x1B))
        #expect(safe.hasPrefix("id,titel\r\nx,\"Evil␛]52"))
        #expect(safe.hasSuffix("\u{FFFD}31m\"\r\n"))
        let clean = Array("naam;plaats\r\nRhône-Alpes;Lyon\r\n".utf8)
        #expect(TerminalSafeText.bytes(clean) == clean)
    }

    @Test("one line: tabs and breaks become spaces")
    func oneLine() {
        #expect(TerminalSafeText.line("a\tb\r\nc\rd") == "a b  c d")
        // A zero-width joiner is left out: between letters it shifts a terminal's next row; a family emoji is drawn as its faces.
        #expect(TerminalSafeText.line("ZW a\u{200D}b") == "ZW ab")
        #expect(TerminalSafeText.line("👩\u{200D}👩\u{200D}👧 beurs") == "👩👩👧 beurs")
        // A document keeps it: it is data (a JSON export on the standard output is the file -o writes).
        #expect(TerminalSafeText.text("👨\u{200D}💻\n") == "👨\u{200D}💻\n")
        #expect(TerminalSafeText.bytes(Array("a\u{200D}b".utf8)) == Array("a\u{200D}b".utf8))
        #expect(Self.isInert(TerminalSafeText.line(Self.hostile), keepingLayout: false))
    }

    @Test("JSON escapes DEL, C1 controls, separators and bidi controls as \\u, and reads them back exactly")
    func jsonEscapes() throws {
        let value = Self.hostile + "\u{7F}\u{85}\u{2029}\u{2066}\u{2069}é泰"
        var writer = JSONWriter()
        writer.string(value)
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(Self.isInert(text, keepingLayout: false), "\(text.debugDescription)")
        #expect(text.contains("\\u001b]52;c;SGVsbG8=\\u0007") && text.contains("\\u009b") && text.contains("\\u202e") && text.contains("\\u2028"))
        #expect(text.contains("é泰"), "other text stays readable UTF-8")
        let read = try JSONReader.read(writer.bytes) { (reader: inout JSONReader) throws(JSONError) in try reader.readString() }
        #expect(read == value)
        // A dossier holding it survives encode → decode → encode byte for byte.
        let dossier = try Fixtures.smallDossier { $0.name = value }
        let bytes = dossier.encoded()
        #expect(try Dossier(decoding: bytes).encoded() == bytes)
    }
}
