import DossierCore
import Testing
@testable import DossierTUI

/// The search keys of a list in a few byte buffers: made on several cores, made again one by one, moved along, and
/// always reading back exactly as folding the texts gives.
@Suite("Folded search keys in one buffer")
struct FoldedKeysTests {
    /// More entities than `ParallelChunks` hands to one core, so the keys come from several buffers.
    static let count = 5_000

    static func texts(round: Int) -> [(title: String, rest: String)] {
        (0..<count).map { ("Missie \($0) naar Rhône-Alpes, ronde \(round)", "Délégation de Genève \($0 % 7)\u{1}ÆØ straße") }
    }

    static func key(_ text: (title: String, rest: String), folder: inout SearchText.Folder, into bytes: inout [UInt8]) -> Int {
        SearchFields.key([SearchFields.Field(label: "titel", text: text.title), SearchFields.Field(label: "toelichting", text: text.rest)],
                         folder: &folder, into: &bytes)
    }

    static func keys(_ texts: [(title: String, rest: String)]) -> FoldedKeys {
        FoldedKeys(count: texts.count) { position, folder, bytes in key(texts[position], folder: &folder, into: &bytes) }
    }

    @Test("a hit in a relation's place is said as the place (the list shows it), before a region or notes that name it too")
    func hitInPlaceFirst() {
        let relation = Relation(id: "oresund", name: "Øresund Regio", kind: .regio, region: "Regio rond Kopenhagen en Malmö (Zweden)",
                                places: ["Kopenhagen", "Malmö"], notes: "Malmö en Lund", status: .actief)
        #expect(SearchFields.hit(SearchFields.of(relation), query: SearchText.fold("malmo")) == "treffer in plaats: Malmö")
        #expect(SearchFields.hit(SearchFields.of(relation), query: SearchText.fold("lund")) == "treffer in toelichting: Malmö en Lund")
    }

    @Test("keys made on several cores read back as folding each text gives; a title-only search looks in the title")
    func madeInChunks() {
        let texts = FoldedKeysTests.texts(round: 1), keys = FoldedKeysTests.keys(texts)
        #expect(keys.count == texts.count)
        for position in [0, 1, 2_499, 2_500, 2_501, texts.count - 1] {
            #expect(keys.key(at: position) == SearchText.fold(texts[position].title) + "\u{1}" + SearchText.fold(texts[position].rest))
        }
        #expect(keys.contains("rhone-alpes, ronde 1", at: 4_321))
        #expect(keys.contains("missie 4321 ", at: 4_321) && !keys.contains("missie 4321 ", at: 4_320))
        #expect(keys.contains("geneve 2", at: 4_321) && !keys.contains("geneve", at: 4_321, inTitleOnly: true))
        #expect(keys.contains("aeo strasse", at: 17) && keys.contains("", at: 17, inTitleOnly: true))
        #expect(keys.contains("ronde 1\u{1}delegation", at: 0), "U+0001 between the fields, which a typed query never holds")
        #expect(keys.contains("alpes rhone", at: 9) && keys.contains("strasse  missie", at: 9), "every word, in any order and any field")
        #expect(!keys.contains("alpes lyon", at: 9) && !keys.contains("alpes geneve", at: 9, inTitleOnly: true))
    }

    @Test("keys made again, and one added, equal keys made at once; the bytes left behind are let go")
    func madeAgain() {
        var current = FoldedKeysTests.texts(round: 1)
        var keys = FoldedKeysTests.keys(current)
        var folder = SearchText.Folder()
        for round in 2...4 {
            for position in stride(from: round, to: current.count, by: 3) {
                current[position] = ("Bezoek \(position) uit Taizhou, ronde \(round)", "Ołomuniec \(round)")
                keys.set(position, folder: &folder) { FoldedKeysTests.key(current[position], folder: &$0, into: &$1) }
            }
            let live = (0..<keys.count).reduce(0) { $0 + keys.key(at: $1).utf8.count }
            #expect(keys.storedByteCount <= 2 * live, "round \(round)")
        }
        current.append(("Nieuw", "aan het eind"))
        keys.set(current.count - 1, folder: &folder) { FoldedKeysTests.key(current[current.count - 1], folder: &$0, into: &$1) }
        #expect(keys == FoldedKeysTests.keys(current))
        #expect(keys.contains("olomuniec 4", at: 4) && keys.contains("nieuw", at: current.count - 1, inTitleOnly: true))
    }

    @Test("equal keys with their title cut elsewhere are not equal")
    func titleCounts() {
        let one = FoldedKeys(count: 1) { _, folder, bytes in
            folder.fold("ab", into: &bytes)
            return 1
        }
        let other = FoldedKeys(count: 1) { _, folder, bytes in
            folder.fold("ab", into: &bytes)
            return 2
        }
        #expect(one.key(at: 0) == other.key(at: 0) && one != other)
    }
}
