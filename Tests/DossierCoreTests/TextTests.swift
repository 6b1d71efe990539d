import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite("Display width, safe text and search folding")
struct TextTests {
    @Test("accents take one column, CJK and emoji two, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("Rhône-Alpes") == 11)
        #expect(DisplayWidth.of("Oekraïne") == 8)
        #expect(DisplayWidth.of("泰州") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🇳🇱") == 2)
        #expect(DisplayWidth.of("한국") == 4)
        // Joined emoji are as wide as their parts: drawn apart (`TerminalSafeText` leaves the joiner out).
        #expect(DisplayWidth.of("👩\u{200D}👩\u{200D}👧") == 6)
        #expect(DisplayWidth.of("a\u{200D}b") == 2)
        // As wide as what the screen draws without the joiner, also where Unicode joins the letters anyway (a Devanagari conjunct).
        for text in ["👩\u{200D}👩\u{200D}👧 Familiebeurs", "\u{915}\u{94D}\u{200D}\u{937}", "\u{D15}\u{D4D}\u{200D}\u{D15}", "ZW a\u{200D}b"] {
            #expect(DisplayWidth.of(TerminalSafeText.line(text)) == DisplayWidth.of(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("text is as wide as its characters, each measured alone: also where a scalar joins the one before it")
    func widthIsTheSumOfTheCharacters() {
        // Pieces that are a character alone and pieces that join the one before them (a combining mark, a
        // joiner, a variation selector, jamo after a syllable, kana's voicing mark, a skin tone, a flag's half).
        let pieces = ["a", "Z", " ", "é", "ô", "Ł", "ź", "Đ", "ẵ", "ự", "©", "®", "\u{AD}", "\u{7F}", "\u{85}", "\r", "\n",
                      "泰", "州", "㐀", "부", "산", "カ", "か", "ー", "\u{301}", "\u{308}", "\u{200D}", "\u{FE0F}", "\u{FE0E}",
                      "\u{11A8}", "\u{1100}", "\u{3099}", "\u{1F3FB}", "\u{1F1F3}", "\u{1F1F1}", "👍", "\u{0915}", "\u{094D}",
                      "\u{0600}", "Ω", "Ж", "\u{483}"]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces.flatMap { first in pieces.map { first + $0 } }
        for _ in 0..<2_000 {
            texts.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts where text.utf8.contains(where: { $0 >= 0x80 }) {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(DisplayWidth.of("Đà Nẵng 5409, 深圳 3450") == 23)
        #expect(DisplayWidth.of("e\u{301}\u{301}") == 1)
        #expect(DisplayWidth.of("각\u{11A8}") == 2, "a final jamo joins the syllable before it")
        #expect(DisplayWidth.of("か\u{3099}") == 2)
    }

    @Test("truncating never splits a wide character and keeps within the width")
    func truncation() {
        #expect(DisplayWidth.truncate("泰州市政府", to: 5) == "泰州…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("泰州市政府", to: 6)) <= 6)
        #expect(DisplayWidth.fit("Rhône", to: 8) == "Rhône   ")
        #expect(DisplayWidth.fit("泰州", to: 3) == "泰…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("Łódź 3336, Brno 5678", to: 17) == "Łódź 3336, Brno…")
        #expect(DisplayWidth.fit("Łódź 3336, Brno 5678", to: 17) == "Łódź 3336, Brno… ")
        #expect(DisplayWidth.truncate("   abc", to: 3) == "…")
    }

    @Test("wrapping breaks at spaces and splits words longer than a line")
    func wrapping() {
        #expect(DisplayWidth.wrap("een twee drie vier", to: 9) == ["een twee", "drie vier"])
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("regel een\nregel twee", to: 40) == ["regel een", "regel twee"])
    }

    @Test("an amount is never broken: '€' stays with its number at every width")
    func amountsStayWhole() {
        let text = "€ 2.500,00 past binnen Budget internationalisering 2027: nog € 13.500,00 over van € 16.000,00 (daarna € 11.000,00); tekort -€ 250,50."
        let amounts = ["€ 2.500,00", "€ 13.500,00", "€ 16.000,00", "€ 11.000,00", "-€ 250,50"]
        for width in 12...90 {
            let lines = DisplayWidth.wrap(text, to: width)
            for line in lines {
                #expect(!line.hasSuffix("€"), "a line ends in € at width \(width): \(lines)")
                #expect(DisplayWidth.of(line) <= width)
            }
            let joined = lines.joined(separator: "\n")
            for amount in amounts { #expect(joined.contains(amount), "\(amount) broken at width \(width): \(lines)") }
            // Below 20 columns the word "internationalisering" itself is cut; above, the lines are the text.
            if width >= 20 { #expect(lines.joined(separator: " ") == text, "nothing lost or added at width \(width)") }
        }
        #expect(DisplayWidth.wrap("totaal €", to: 6) == ["totaal", "€"])
        #expect(DisplayWidth.wrap("(daarna € 11.000,00)", to: 10) == ["(daarna", "€ 11.000,0", "0)"], "only an amount wider than a line is cut")
    }

    @Test("control characters and escape sequences are shown, not sent")
    func safeText() {
        let hostile = "Evil\u{1B}[2J\u{1B}]0;title\u{07}\u{9B}31m\u{202E}gnp.exe"
        let safe = TerminalSafeText.line(hostile)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(safe.hasPrefix("Evil␛[2J␛]0;title␇"))
        #expect(TerminalSafeText.line("Rhône-Alpes 泰州") == "Rhône-Alpes 泰州")
        #expect(TerminalSafeText.lines("a\r\nb\nc") == ["a", "b", "c"])
    }

    @Test("byte-wise search answers as String.contains does on folded text", arguments: [
        ("rhone-alpes lyon", "rhone"), ("rhone-alpes lyon", "lyon"), ("rhone-alpes lyon", "lyonn"), ("aaab", "aab"),
        ("ab", "abc"), ("", "a"), ("taizhou 泰州", "泰州"), ("泰州市", "州"), ("泰州", "州市"), ("abc", "c"), ("abcabd", "abd"),
        ("a very long text that goes on and on to be well past the small-string size", "small-string"),
    ])
    func byteSearch(text: String, query: String) {
        #expect(SearchText.contains(text, query) == text.contains(query))
    }

    @Test("search folding ignores case and diacritics")
    func folding() {
        #expect(SearchText.fold("Rhône-Alpes") == "rhone-alpes")
        #expect(SearchText.fold("OEKRAÏNE") == "oekraine")
        #expect(SearchText.fold("Straße") == "strasse")
        #expect(SearchText.fold("taizhou") == "taizhou")
        #expect(SearchText.fold("Ærø") == "aero")
        // Text copied from a PDF: its ligatures are spelled as the letters they join.
        #expect(SearchText.fold("\u{FB01}nanciering E\u{FB03}cient") == "financiering efficient")
        // Spacing accents stay apart from the words (an excerpt counts the words by their spaces).
        #expect(SearchText.fold("O\u{00B4}Brien") == "o\u{00B4}brien")
    }

    @Test("folding byte by byte with remembered characters gives exactly what folding each character the Unicode way gives")
    func fastFoldingMatchesReference() throws {
        let generated = try DossierGenerator(relations: 300, activities: 1_500, seed: 7)
            .generate(framework: Fixtures.smallDossier().framework, budgetLines: [], today: Fixtures.clock.today())
        var texts = generated.relations.flatMap { [$0.name, $0.id, $0.region, $0.countries.names] + $0.places + $0.contacts.map(\.name) }
        texts += generated.activities.flatMap { [$0.title, $0.notes, $0.outcomes] + $0.participants.map(\.name) }
        texts += ["ÅRHUS", "İstanbul", "ΣΟΦΊΑ", "ﬁets", "e\u{301}e", "한국 서울", "がぎぐ ガ", "Đà Nẵng", "Straße ÆØ œ ł đ ı",
                  "😀 Emoji", "泰州市 TAIZHOU", "ǅemal", "ＡＢＣ", "", "ABC", "abc"]
        var folder = SearchText.Folder()
        for text in texts {
            let expected = Self.referenceFold(text)
            #expect(folder.fold(text) == expected, "\(text)")
            #expect(SearchText.fold(text) == expected, "\(text)")
        }
    }

    @Test("a word quoted for the shell reads back as itself, also with a quote before a combining accent")
    func shellWords() throws {
        for word in ["missie-lyon", "Delegatie uit Lyon", "it's", "a'\u{301}b", "'\u{301}", "$HOME `x` \\ \"q\"", "泰州 'x'"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "printf %s " + ShellWord.quoted(word)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let read = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(String(decoding: read, as: UTF8.self) == word, "\(ShellWord.quoted(word))")
        }
    }

    /// Folding as it was done before the fast path: every character on its own.
    static func referenceFold(_ text: String) -> String {
        let spelledOut: [Unicode.Scalar: String] = ["ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
                                                   "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "\u{FB00}": "ff", "\u{FB01}": "fi",
                                                   "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl", "\u{FB05}": "st", "\u{FB06}": "st"]
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                output.append(scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar)
            } else if let spelled = spelledOut[scalar] {
                for part in spelled.unicodeScalars { output.append(part) }
            } else {
                let lowered = String(scalar.properties.lowercaseMapping).decomposedStringWithCanonicalMapping
                for part in lowered.unicodeScalars where part.properties.generalCategory != .nonspacingMark { output.append(part) }
            }
        }
        return String(output)
    }
}
