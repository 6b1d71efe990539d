@testable import DossierCore
import Testing

/// Text in the report's Markdown: markup escaped, line breaks made spaces, and texts with neither (most of them)
/// handed back as they are after a look at their bytes.
@Suite("Text in the Markdown report")
struct MarkdownTextTests {
    /// What `inline` means, character by character.
    func meaning(_ text: String) -> String {
        var result = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character.isNewline {
                result.append(" ")
            } else {
                let rest = String(characters[(index + 1)...])
                let reference = rest.firstMatch(of: /^([A-Za-z0-9]+|#[0-9A-Fa-fxX]*);/) != nil
                if "\\`*_[]<>#|~".contains(character) || character == "&" && reference { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }

    @Test("markup is escaped and every kind of line break becomes one space; other texts stay as they are")
    func escapesAndBreaks() {
        #expect(MarkdownReport.inline("Missie *Taizhou* [2026] #1 <b> a|b `c` \\d_e") == "Missie \\*Taizhou\\* \\[2026\\] \\#1 \\<b\\> a\\|b \\`c\\` \\\\d\\_e")
        #expect(MarkdownReport.inline("een\r\ntwee\ndrie\rvier\u{0B}vijf\u{0C}zes\u{85}zeven\u{2028}acht\u{2029}negen")
            == "een twee drie vier vijf zes zeven acht negen")
        #expect("a\r\nb\u{2029}c".replacingLineBreaks() == "a b c")
        // Strike-through and character references are markup too; an "&" that starts none stays readable.
        #expect(MarkdownReport.inline("Beurs ~~s~~ &amp; &#38; AT&T B&W") == "Beurs \\~\\~s\\~\\~ \\&amp; \\&\\#38; AT&T B&W")
        for text in ["Łódź — Århus", "€ 1.000,50 … “citaat”", "上海 · 서울", "Â\u{A0}non-breaking", "", "plain ascii"] {
            #expect(MarkdownReport.inline(text) == text)
            #expect(text.replacingLineBreaks() == text)
        }
    }

    @Test("the look at the bytes gives what the characters give, for every byte that can start markup or a break, beside others")
    func sameAsCharacterByCharacter() {
        let pieces = ["a", "é", "e\u{301}", "*\u{301}", "\r\n", "\n\r", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2026}", "—", "€", "上",
                      "🇳🇱", "\u{0B}", "\u{0C}", "\t", " ", "&", "&amp;", "&#38;", "&x", ";"] + "\\`*_[]<>#|~".map(String.init)
        for first in pieces {
            for second in pieces {
                let text = "x" + first + second + "y"
                #expect(MarkdownReport.inline(text) == meaning(text), "\(Array(text.unicodeScalars))")
                #expect(text.replacingLineBreaks() == String(text.map { $0.isNewline ? " " : $0 }))
            }
        }
    }
}
