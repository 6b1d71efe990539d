extension RecordDocument {
    /// The document as text for `dossier show`: fields aligned, texts and item lines wrapped to `width`
    /// (a terminal's), or not wrapped at all when there is no width (a pipe or a file gets every line whole).
    /// Text from the file is made inert.
    public func plainText(width: Int? = nil) -> String {
        var lines = ["\(title)  (\(id))", subtitle.map(\.text).joined(separator: " · ")]
        for block in blocks {
            switch block {
            case let .fields(heading, fields):
                guard !fields.isEmpty else { continue }
                lines.append("")
                if let heading { lines.append(heading) }
                // Under a heading indented as the other sections' lines are; the record's own fields at the top are not.
                let indent = heading == nil ? "" : "  "
                let labelWidth = (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2
                for field in fields {
                    let value = wrap(field.value, width.map { $0 - labelWidth - indent.count })
                    for (index, part) in value.enumerated() {
                        lines.append(indent + (index == 0 ? DisplayWidth.fit(field.label + ":", to: labelWidth) : String(repeating: " ", count: labelWidth)) + part)
                    }
                }
            case let .text(heading, text):
                lines += ["", heading] + wrap(text, width.map { $0 - 2 }).map { "  " + $0 }
            case .list(let list):
                lines += ["", list.heading]
                if list.items.isEmpty { lines.append("  " + list.emptyText) }
                let (columns, lastBelow) = list.isTable ? tableWidths(list.items, fittingIn: width.map { $0 - 2 }) : ([], false)
                for item in list.items {
                    if list.isTable {
                        // Columns empty in every row (no contact has a phone number yet) are left out.
                        let cells = item.line.enumerated().filter { columns[$0.offset] > 0 }.map { index, span in
                            index < item.line.count - 1 ? DisplayWidth.fit(span.text, to: columns[index]) : span.text
                        }
                        // Too wide even so: the last cell (a link's address) whole on a line of its own, never broken.
                        var row = "  " + (lastBelow ? cells.dropLast() : cells[...]).joined(separator: "  ")
                        while row.hasSuffix(" ") { row.removeLast() }
                        lines.append(row)
                        if lastBelow, let last = cells.last, !last.isEmpty { lines.append("    " + last) }
                    } else {
                        lines += wrap(item.text, width.map { $0 - 2 }).map { "  " + $0 }
                    }
                    for detail in item.details {
                        let indent = String(repeating: " ", count: 2 + detail.indent)
                        lines += wrap(detail.text, width.map { $0 - indent.count }).map { indent + $0 }
                    }
                }
            }
        }
        return lines.map(TerminalSafeText.line).joined(separator: "\n")
    }

    private func wrap(_ text: String, _ width: Int?) -> [String] {
        let lines = TerminalSafeText.lines(text)
        guard let width else { return lines }
        return lines.flatMap { DisplayWidth.wrap($0, to: max(20, width)) }
    }

    /// The width of each cell column of a table list (the last is written whole after them). On a terminal the columns
    /// are narrowed to fit it, names first and not below 18; the last (a link's address, an id) and dates, e-mail
    /// addresses and phone numbers stay whole, so that they can be copied.
    /// When even so the rows do not fit, the last cell goes on a line of its own (`lastBelow`) and the others share the width.
    private func tableWidths(_ items: [RecordItem], fittingIn width: Int?) -> (widths: [Int], lastBelow: Bool) {
        let count = items.map(\.line.count).max() ?? 0
        let natural = (0..<count).map { column in items.map { $0.line.indices.contains(column) ? DisplayWidth.of($0.line[column].text) : 0 }.max() ?? 0 }
        guard let width else { return (natural, false) }
        let whole = fitted(items, natural: natural, count: count, width: width, lastIsWhole: true)
        let shown = whole.filter { $0 > 0 }
        guard shown.reduce(0, +) + 2 * max(0, shown.count - 1) > width, count > 1 else { return (whole, false) }
        var above = fitted(items, natural: Array(natural.dropLast()), count: count - 1, width: width, lastIsWhole: false)
        above.append(natural[count - 1])
        return (above, true)
    }

    /// The first `count` columns narrowed to fit `width` (see `tableWidths`).
    private func fitted(_ items: [RecordItem], natural: [Int], count: Int, width: Int, lastIsWhole: Bool) -> [Int] {
        guard let first = items.first else { return natural }
        var table = TextTable((0..<count).map { column in
            let tone = first.line.indices.contains(column) ? first.line[column].tone : .plain
            return TextTable.Column(title: "", keepsWhole: (lastIsWhole && column == count - 1) || tone == .label, minimumWidth: tone == .strong ? 18 : nil)
        })
        // Columns empty in every row are left out of the line, so they take no room here either.
        let shown = natural.indices.filter { natural[$0] > 0 }
        table.columns = shown.map { table.columns[$0] }
        for item in items { table.append(shown.map { item.line.indices.contains($0) ? item.line[$0].text : "" }) }
        let fitted = table.columnWidths(fittingIn: width)
        var widths = natural
        for (position, column) in zip(shown.indices, shown) { widths[column] = fitted[position] }
        return widths
    }
}

extension RecordDocument {
    /// The record as a deletion keeps it in the log (`Change.details`): every field and every item as `show` gives them, one
    /// line each, without the title (the summary names it), empty lines, or what an empty section says in its place.
    public var keptLines: [String] {
        var kept = self
        kept.blocks = blocks.filter { block in
            switch block {
            case .list(let list): !list.items.isEmpty
            // A section's placeholder ("Nog geen deelnemers. …") says nothing of the record.
            case let .text(_, text): !text.hasPrefix("Nog geen ")
            case .fields: true
            }
        }
        return kept.plainText().split(separator: "\n").dropFirst(2).map { String($0) }.filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
