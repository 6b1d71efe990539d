import DossierCore
import Testing

@Suite("Tables for people")
struct TextTableTests {
    func table() -> TextTable {
        var table = TextTable([.init(title: "ID", keepsWhole: true), .init(title: "NAAM"), .init(title: "PLAATS"), .init(title: "ACT.", alignRight: true)])
        table.append(["samenwerkingsverband-rhein-neckar", "Samenwerkingsverband voor farmaceutische innovatie Rhein-Neckar", "Heidelberg, Mannheim, Ludwigshafen", "12"])
        table.append(["rhone-alpes", "Rhône-Alpes", "Lyon, Grenoble (Frankrijk)", "2"])
        table.append(["tai-zhou", "泰州 Taizhou", "Taizhou", "0"])
        return table
    }

    @Test("a table written as it is made gives the lines the whole table gives, at any width and in any pieces")
    func streamed() {
        let whole = table()
        let rows = whole.rows + [["met-\u{1B}[2J-escape", "Naam\tmet tab", "", "7"]]
        var reference = whole
        reference.append(rows.last!)
        let empty = TextTable(whole.columns)
        for width in [nil, 30, 60, 80, 200] as [Int?] {
            for piece in [1, 40, 1 << 16] {
                var text = ""
                reference.stream(rows: rows.count, cells: { rows[$0] }, width: width, piece: piece) { text += $0 }
                #expect(text == reference.render(width: width) + "\n", "width \(width.map(String.init) ?? "none"), pieces of \(piece)")
                var none = ""
                empty.stream(rows: 0, cells: { _ in [] }, width: width, piece: piece) { none += $0 }
                #expect(none == empty.render(width: width) + "\n")
            }
        }
    }

    @Test("an id that yields is left out, with its separator, only when the other columns would otherwise get less than their minimum")
    func idYieldsWhenNarrow() {
        var table = TextTable([.init(title: "ID", keepsWhole: true, yieldsWhenNarrow: true), .init(title: "NAAM", minimumWidth: 12),
                               .init(title: "ACT.", alignRight: true)])
        table.append(["samenwerkingsverband-rhein-neckar", "Samenwerkingsverband Rhein-Neckar", "12"])
        table.append(["rhone-alpes", "Rhône-Alpes", "2"])
        let narrow = table.render(width: 30).split(separator: "\n").map(String.init)
        #expect(narrow == ["NAAM                      ACT.", "Samenwerkingsverband Rh…    12", "Rhône-Alpes                  2"], "\(narrow)")
        let roomy = table.render(width: 60).split(separator: "\n").map(String.init)
        #expect(roomy[1] == "samenwerkingsverband-rhein-neckar  Samenwerkingsverba…    12", "with room for the name's minimum, the id stays: \(roomy)")
        #expect(table.render(width: nil).contains("rhone-alpes"), "to a pipe, everything")
        var streamed = ""
        table.stream(rows: table.rows.count, cells: { table.rows[$0] }, width: 30, piece: 8) { streamed += $0 }
        #expect(streamed == table.render(width: 30) + "\n")
    }

    @Test("without a width (a pipe, a file) every cell is whole")
    func whole() {
        let text = table().render()
        #expect(text.contains("Samenwerkingsverband voor farmaceutische innovatie Rhein-Neckar"))
        #expect(text.contains("Heidelberg, Mannheim, Ludwigshafen"))
        #expect(!text.contains("…"))
    }

    @Test("fitted to a terminal: no line wider than it, the widest columns cut with an ellipsis, ids and numbers whole")
    func fitted() {
        for width in [80, 60, 100] {
            let lines = table().render(width: width).split(separator: "\n").map(String.init)
            for line in lines { #expect(DisplayWidth.of(line) <= width, "\(width): \(line)") }
            #expect(lines[1].hasPrefix("samenwerkingsverband-rhein-neckar"), "the id is whole")
            #expect(lines[1].hasSuffix("12"), "the number is whole")
            #expect(lines[1].contains("…"))
        }
        // Wide enough: nothing cut.
        #expect(!table().render(width: 200).contains("…"))
    }
}

/// The shortcuts of `DisplayWidth.of` for Latin and Vietnamese letters hold only while Unicode says what they
/// assume: checked here against Unicode's own tables for every scalar they cover.
@Suite("Display width without Unicode's tables")
struct DisplayWidthTests {
    /// The width the general rule gives a character starting with `scalar` (what `of` did for all of them).
    func general(_ scalar: Unicode.Scalar, followedBy next: Unicode.Scalar?) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.value == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        if scalar.properties.isEmoji && next?.value == 0xFE0F { return 2 }
        return 1
    }

    @Test("every scalar of Latin-1, Latin Extended and the Vietnamese block, alone and before a variation selector")
    func shortcutsAgreeWithUnicode() throws {
        for value in Array(0x7F..<0x300) + Array(0x1E00..<0x1F00) {
            let scalar = try #require(Unicode.Scalar(UInt32(value)))
            #expect(DisplayWidth.of(Character(scalar)) == general(scalar, followedBy: nil), "U+\(String(value, radix: 16))")
            var emoji = String(Character(scalar))
            emoji.unicodeScalars.append(Unicode.Scalar(0xFE0F)!)
            if emoji.count == 1 {
                #expect(DisplayWidth.of(emoji) == general(scalar, followedBy: Unicode.Scalar(0xFE0F)), "U+\(String(value, radix: 16)) U+FE0F")
            }
        }
        #expect(DisplayWidth.of("©\u{FE0F}") == 2 && DisplayWidth.of("©") == 1 && DisplayWidth.of("a\u{AD}b") == 2)
        #expect(DisplayWidth.of("Đà Nẵng, Hà Nội") == 15 && DisplayWidth.of("上海 Köln") == 9)
    }
}
