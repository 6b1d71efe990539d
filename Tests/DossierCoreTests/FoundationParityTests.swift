import DossierCore
import Foundation
import Testing

/// The program leaves out the whole of Foundation (FoundationEssentials only); what took its place for folding, slugs
/// and transliteration must give what Foundation gave, or search keys and ids would change under the user.
@Suite("What took Foundation's place")
struct FoundationParityTests {
    @Test("every character of the basic plane folds for search as with Foundation's decomposition, every Latin one makes the same slug")
    func decomposition() {
        var differing: [String] = []
        for value in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            // (Letters of other scripts are transliterated, which sees a decomposed letter otherwise: ぱ is not は and ゚.)
            let isLatin = (0xC0...0x24F).contains(value) || (0x1E00...0x1EFF).contains(value)
            if SearchText.fold(text) != TextTests.referenceFold(text)
                || isLatin && Slug.make(from: text) != Slug.make(from: text.decomposedStringWithCanonicalMapping) {
                differing.append(String(value, radix: 16))
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }

    @Test("a name in another script gets the slug of Foundation's transliteration")
    func transliteration() throws {
        let names = ["泰州", "上海", "苏州", "深圳", "成都", "東京", "大阪", "서울", "부산", "Москва Oblast", "Ελλάδα", "القاهرة", "दिल्ली",
                     "กรุงเทพ", "ירושלים", "第２回会議", "Hà Nội 深圳 12", "Ærø ß 泰州", "Delegatie 深圳", "Київ", "Tbilisi თბილისი",
                     // Longer in Latin than four times its length, plus 16: the transliteration is made again with more room.
                     String(repeating: "爨", count: 200), String(repeating: "장", count: 3) + String(repeating: "爨", count: 40)]
        for name in names {
            let latin = try #require(name.applyingTransform(.toLatin, reverse: false))
            #expect(Slug.make(from: name) == Slug.make(from: latin), "\(name) → \(latin)")
        }
    }

    @Test("slugs made on several threads at once are those made one at a time (they share one transliterator)")
    func transliterationOnThreads() async {
        let names = (0..<64).map { ["泰州 \($0)", "서울 \($0)", "Москва \($0)", "Ελλάδα \($0)"][$0 % 4] }
        let alone = names.map(Slug.make(from:))
        let together = await withTaskGroup(of: (Int, String).self) { group in
            for (index, name) in names.enumerated() { group.addTask { (index, Slug.make(from: name)) } }
            var slugs = Array(repeating: "", count: names.count)
            for await (index, slug) in group { slugs[index] = slug }
            return slugs
        }
        #expect(together == alone)
    }
}
