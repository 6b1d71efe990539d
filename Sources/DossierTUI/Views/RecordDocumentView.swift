import DossierCore

/// Draws the core's document of a relation or activity: the same fields, labels, texts and lists as
/// `dossier show`, styled for the screen. The lists that can be worked with (contacts, links, activities,
/// follow-ups) are left out of the information and shown as the lists below it.
enum RecordDocumentView {
    static func style(_ tone: RecordTone, theme: Theme) -> Style {
        switch tone {
        case .plain: .plain
        case .strong: Style.plain.bold()
        case .muted: theme.muted
        case .label: theme.label
        case .relationStatus(let status): theme.relationStatus(status)
        case .activityStatus(let status): theme.activityStatus(status)
        case .verdict(let verdict): theme.verdict(verdict)
        case .warning: theme.error
        }
    }

    /// The information part: every block but the lists in `leavingOut`, wrapped to `width`.
    /// The information part of a detail screen: a name too long for the title row (where it ends in "…") given whole
    /// first, then the document's information.
    static func detailInformation(_ document: RecordDocument, leavingOut: Set<RecordList.Kind>, theme: Theme, width: Int) -> [StyledLine] {
        let information = informationLines(document, leavingOut: leavingOut, theme: theme, width: width)
        guard DisplayWidth.of(document.title) > width else { return information }
        return DisplayWidth.wrap(document.title, to: width).map { StyledLine($0, theme.title) } + [.empty] + information
    }

    private static func informationLines(_ document: RecordDocument, leavingOut: Set<RecordList.Kind>, theme: Theme, width: Int) -> [StyledLine] {
        var writer = DetailWriter(theme: theme, width: width)
        for block in document.blocks {
            switch block {
            case let .fields(heading, fields):
                if let heading { writer.heading(heading) }
                for field in fields { writer.field(field.label, field.value, style: style(field.tone, theme: theme)) }
            case let .text(heading, text):
                writer.heading(heading)
                writer.paragraph(text)
            case .list(let list):
                guard !leavingOut.contains(list.kind) else { continue }
                writer.heading(list.heading)
                if list.items.isEmpty { writer.paragraph(list.emptyText, style: theme.muted) }
                for item in list.items {
                    writer.line(StyledLine([.init(text: "  ", style: .plain)] + spans(item.line, theme: theme)))
                    for detail in item.details {
                        writer.paragraph(detail.text, indent: 2 + detail.indent, style: style(detail.tone, theme: theme))
                    }
                }
            }
        }
        return writer.lines
    }

    static func spans(_ spans: [RecordSpan], theme: Theme) -> [StyledLine.Span] {
        spans.map { StyledLine.Span(text: $0.text, style: style($0.tone, theme: theme)) }
    }

    /// One row of a list below the information: the item's first line, and for a table its cells in
    /// columns fitted to the width (the last cell, the id, only when there is room).
    static func drawItem(_ item: RecordItem, of list: RecordList, columns: [Int], selected: Bool, theme: Theme, x: Int, y: Int, width: Int,
                         in canvas: inout Canvas) {
        guard list.isTable else {
            var column = x
            for span in fitted(spans(item.line, theme: theme), to: width) where column < x + width {
                column += canvas.draw(span.text, x: column, y: y, style: RowStyle.apply(span.style, selected: selected), limit: x + width - column)
            }
            for detail in item.details.prefix(1) where column + 4 < x + width {
                column += canvas.draw("  " + detail.text, x: column, y: y, style: RowStyle.apply(style(detail.tone, theme: theme), selected: selected),
                                      limit: x + width - column)
            }
            return
        }
        var column = x
        for (index, span) in item.line.enumerated() where index < columns.count && columns[index] > 0 {
            canvas.draw(span.text, x: column, y: y, width: columns[index], style: RowStyle.apply(style(span.tone, theme: theme), selected: selected))
            column += columns[index] + 2
        }
    }

    /// The spans of a row that is too wide, made to fit: the widest (a follow-up's text) is shortened with "…" so the
    /// ones after it (who does it) stay in view; what still does not fit is cut with "…" at the edge.
    static func fitted(_ spans: [StyledLine.Span], to width: Int) -> [StyledLine.Span] {
        var spans = spans
        let widths = spans.map { DisplayWidth.of($0.text) }
        let overflow = widths.reduce(0, +) - width
        guard overflow > 0 else { return spans }
        if let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] - overflow >= 8 {
            spans[widest].text = DisplayWidth.truncate(spans[widest].text, to: widths[widest] - overflow)
            return spans
        }
        var used = 0
        for index in spans.indices {
            let room = max(0, width - used)
            if widths[index] > room { spans[index].text = DisplayWidth.truncate(spans[index].text, to: room) }
            used += DisplayWidth.of(spans[index].text)
        }
        return spans
    }

    /// Column widths of a table list: each cell column as wide as its widest cell, the widest narrowed to fit;
    /// names (strong cells) and dates, e-mail addresses and phone numbers (label cells) keep more of their width.
    static func columns(of list: RecordList, width: Int) -> [Int] {
        guard list.isTable, let first = list.items.first else { return [] }
        func table(withoutLast: Bool) -> TextTable {
            var table = TextTable(first.line.dropLast(withoutLast ? 1 : 0).map { span in
                TextTable.Column(title: "", minimumWidth: span.tone == .label ? 24 : (span.tone == .strong ? 18 : nil))
            })
            for item in list.items { table.append(item.line.dropLast(withoutLast ? 1 : 0).map(\.text)) }
            return table
        }
        let whole = table(withoutLast: false)
        // The id in brackets at the end (an activity's, on a relation) is shown only where the other cells fit whole: a title
        // cut short to make room for its id says less than the title whole.
        let natural = whole.columnWidths(fittingIn: nil)
        if natural.count > 1, natural.reduce(0, +) + 2 * (natural.count - 1) > width, first.line.last?.tone == .muted,
           list.items.allSatisfy({ $0.line.last?.text.hasPrefix("(") == true }) {
            return table(withoutLast: true).columnWidths(fittingIn: width) + [TextTable.leftOut]
        }
        return whole.columnWidths(fittingIn: width)
    }
}
