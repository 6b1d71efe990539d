import DossierCore

/// Column widths for a list: fixed columns get their width, flexible ones share what is left. When a column
/// with a minimum (the name or title) would get less than it, the columns that yield are left out, least
/// important first, so on a narrow screen the name keeps its width and a detail goes.
struct ListColumns {
    struct Column {
        var title: String
        var width: Int
        var alignRight = false
        /// False for a column that yielded its room: neither its heading nor its cells are drawn.
        var isShown = true
    }

    /// How a column takes its width.
    struct Spec {
        var title: String
        var fixed: Int
        /// More than 0: flexible, sharing what the fixed columns leave in proportion to the weights.
        var weight: Int
        var alignRight = false
        /// A flexible column's least width; below it, a column that yields is left out.
        var minimum = 0
        /// Left out, lowest first, while a column with a minimum would get less; nil: always shown.
        var yieldRank: Int?

        init(_ title: String, fixed: Int = 0, weight: Int = 0, alignRight: Bool = false, minimum: Int = 0, yieldRank: Int? = nil) {
            self.title = title
            self.fixed = fixed
            self.weight = weight
            self.alignRight = alignRight
            self.minimum = minimum
            self.yieldRank = yieldRank
        }
    }

    var columns: [Column]
    var positions: [Int]

    /// `flexible` columns (weight > 0) share the width left after the fixed ones and the gaps.
    init(totalWidth: Int, specs: [(title: String, fixed: Int, weight: Int, alignRight: Bool)]) {
        self.init(totalWidth: totalWidth, columns: specs.map { Spec($0.title, fixed: $0.fixed, weight: $0.weight, alignRight: $0.alignRight) })
    }

    init(totalWidth: Int, columns specs: [Spec]) {
        var shown = Array(repeating: true, count: specs.count)
        var widths = Self.widths(specs, shown: shown, totalWidth: totalWidth)
        while specs.indices.contains(where: { shown[$0] && widths[$0] < specs[$0].minimum }),
              let yielding = specs.indices.filter({ shown[$0] && specs[$0].yieldRank != nil }).min(by: { specs[$0].yieldRank! < specs[$1].yieldRank! }) {
            shown[yielding] = false
            widths = Self.widths(specs, shown: shown, totalWidth: totalWidth)
        }
        // Nothing left to yield and a column still short of its minimum (a very narrow screen): the other flexible columns
        // give it their room, each down to a few characters; one that would get fewer is left out.
        if let short = specs.indices.first(where: { shown[$0] && widths[$0] < specs[$0].minimum }) {
            var kept = specs
            kept[short].weight = 0
            kept[short].fixed = specs[short].minimum
            let squeezed = Self.widths(kept, shown: shown, totalWidth: totalWidth)
            let donors = specs.indices.filter { shown[$0] && $0 != short && specs[$0].weight > 0 }
            let starved = donors.filter { squeezed[$0] < Self.leastFlexibleWidth }
            if starved.isEmpty && !donors.isEmpty {
                widths = squeezed
            } else {
                for donor in starved { shown[donor] = false }
                widths = Self.widths(specs, shown: shown, totalWidth: totalWidth)
            }
        }
        columns = specs.indices.map { Column(title: specs[$0].title, width: widths[$0], alignRight: specs[$0].alignRight, isShown: shown[$0]) }
        var x = 1
        positions = columns.map { column in
            defer { if column.isShown { x += column.width + 1 } }
            return x
        }
    }

    /// The fewest characters a flexible column is shown in when it gives room to a column short of its minimum.
    static let leastFlexibleWidth = 6

    /// The widths of the shown columns (0 for the others).
    private static func widths(_ specs: [Spec], shown: [Bool], totalWidth: Int) -> [Int] {
        let visible = specs.indices.filter { shown[$0] }
        let gaps = max(0, visible.count - 1)
        let fixed = visible.reduce(0) { $0 + (specs[$1].weight == 0 ? specs[$1].fixed : 0) }
        let flexible = visible.filter { specs[$0].weight > 0 }
        let totalWeight = flexible.reduce(0) { $0 + specs[$1].weight }
        let flexibleTotal = max(0, totalWidth - fixed - gaps - 1)
        var remaining = flexibleTotal
        var widths = Array(repeating: 0, count: specs.count)
        for index in visible {
            if specs[index].weight == 0 {
                widths[index] = specs[index].fixed
            } else {
                let share = index == flexible.last ? remaining : flexibleTotal * specs[index].weight / max(1, totalWeight)
                widths[index] = max(1, share)
                remaining -= share
            }
        }
        return widths
    }

    func drawHeader(in canvas: inout Canvas, y: Int, style: Style) {
        for (column, x) in zip(columns, positions) where column.isShown {
            canvas.draw(column.title, x: x, y: y, width: column.width, style: style, alignRight: column.alignRight)
        }
    }

    /// Draws one row's cells, each with its own style; the cells of columns that yielded are left out.
    func drawRow(_ cells: [(String, Style)], in canvas: inout Canvas, y: Int) {
        for ((text, style), (column, x)) in zip(cells, zip(columns, positions)) where column.isShown {
            canvas.draw(text, x: x, y: y, width: column.width, style: style, alignRight: column.alignRight)
        }
    }
}

extension RelationKind {
    /// A short name for narrow lists.
    var shortLabel: String {
        switch self {
        case .vriendschapsrelatie: "Vriendschap"
        case .netwerk: "Netwerk"
        case .regio: "Regio"
        case .samenwerkingsverband: "Samenwerking"
        case .partnerorganisatie: "Partner"
        case .overheid: "Overheid"
        case .kennisinstelling: "Kennisinst."
        case .bedrijf: "Bedrijf"
        }
    }
}

/// Row styling shared by the lists: the selected row reversed, the rest in the row's own style.
enum RowStyle {
    static func apply(_ style: Style, selected: Bool) -> Style {
        selected ? style.reversed() : style
    }
}
