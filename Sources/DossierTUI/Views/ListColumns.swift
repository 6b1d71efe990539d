import DossierCore

/// Column widths for a list: fixed columns get their width, flexible ones share what is left.
struct ListColumns {
    struct Column {
        var title: String
        var width: Int
        var alignRight = false
    }

    var columns: [Column]
    var positions: [Int]

    /// `flexible` columns (weight > 0) share the width left after the fixed ones and the gaps.
    init(totalWidth: Int, specs: [(title: String, fixed: Int, weight: Int, alignRight: Bool)]) {
        let gaps = specs.count - 1
        let fixed = specs.reduce(0) { $0 + ($1.weight == 0 ? $1.fixed : 0) }
        let totalWeight = specs.reduce(0) { $0 + $1.weight }
        var remaining = max(0, totalWidth - fixed - gaps - 1)
        var result: [Column] = []
        var flexibleSeen = 0
        let flexibleCount = specs.filter { $0.weight > 0 }.count
        let flexibleTotal = remaining
        for spec in specs {
            if spec.weight == 0 {
                result.append(Column(title: spec.title, width: spec.fixed, alignRight: spec.alignRight))
            } else {
                flexibleSeen += 1
                let share = flexibleSeen == flexibleCount ? remaining : flexibleTotal * spec.weight / max(1, totalWeight)
                result.append(Column(title: spec.title, width: max(1, share), alignRight: spec.alignRight))
                remaining -= share
            }
        }
        columns = result
        var x = 1
        positions = result.map { column in
            defer { x += column.width + 1 }
            return x
        }
    }

    func drawHeader(in canvas: inout Canvas, y: Int, style: Style) {
        for (column, x) in zip(columns, positions) {
            canvas.draw(column.title, x: x, y: y, width: column.width, style: style, alignRight: column.alignRight)
        }
    }

    /// Draws one row's cells, each with its own style.
    func drawRow(_ cells: [(String, Style)], in canvas: inout Canvas, y: Int) {
        for ((text, style), (column, x)) in zip(cells, zip(columns, positions)) {
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
