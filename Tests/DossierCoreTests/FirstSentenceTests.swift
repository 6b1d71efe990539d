import DossierCore
import Testing

@Suite("The first sentence of an outcome, for the report's summary")
struct FirstSentenceTests {
    @Test("a sentence ends at a full stop, ! or ? before a new sentence, or at the end", arguments: [
        ("Drie nieuwe contacten. Daarna een vervolgbezoek.", "Drie nieuwe contacten."),
        ("Goed gesprek! Volgend jaar weer.", "Goed gesprek!"),
        ("Komt er een vervolg? Nog onbekend.", "Komt er een vervolg?"),
        ("Eén sentence zonder punt", "Eén sentence zonder punt."),
        ("Met een punt.", "Met een punt."),
        ("Twee regels\nop één.", "Twee regels op één."),
        ("Hij zei: \"Prima.\" Daarna niets.", "Hij zei: \"Prima.\""),
        ("  Spaties eromheen.  ", "Spaties eromheen."),
    ])
    func sentenceEnds(text: String, sentence: String) {
        #expect(FirstSentence.of(text) == sentence)
    }

    @Test("a full stop in a number, after an abbreviation or an initial does not end it", arguments: [
        ("Orders ter waarde van € 1.250.000 voor drie Osse bedrijven. Verder niets.", "Orders ter waarde van € 1.250.000 voor drie Osse bedrijven."),
        ("Ca. 400 bezoekers en 12 nieuwe partners", "Ca. 400 bezoekers en 12 nieuwe partners."),
        ("Gesprekken met o.a. Pivot Park en Organon. Vervolg in maart.", "Gesprekken met o.a. Pivot Park en Organon."),
        ("Afspraak met dhr. Jansen en J. de Vries. Verslag volgt.", "Afspraak met dhr. Jansen en J. de Vries."),
        ("Versie 2.0 besproken. Klaar.", "Versie 2.0 besproken."),
        ("Het liep uit. daarna nog koffie. Einde.", "Het liep uit. daarna nog koffie."),
        ("Gesprek met mw. De Vries en weth. Van Dijk. Vervolg.", "Gesprek met mw. De Vries en weth. Van Dijk."),
        ("Gesprekken m.b.t. farma. Vervolg.", "Gesprekken m.b.t. farma."),
    ])
    func notAnEnd(text: String, sentence: String) {
        #expect(FirstSentence.of(text) == sentence)
    }

    @Test("a sentence that ends in a number or an address ends there; one that starts with a number is a new one", arguments: [
        ("Orders ter waarde van € 1.250.000. Verder niets.", "Orders ter waarde van € 1.250.000."),
        ("Zie www.oss.nl. Daarna meer.", "Zie www.oss.nl."),
        ("Versie 2.0. Klaar.", "Versie 2.0."),
        ("Gesprek met Pivot Park. 3 bedrijven doen mee.", "Gesprek met Pivot Park."),
    ])
    func endsAfterNumber(text: String, sentence: String) {
        #expect(FirstSentence.of(text) == sentence)
    }
}
