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
                let columns = list.isTable ? tableWidths(list.items) : []
                for item in list.items {
                    if list.isTable {
                        // Columns empty in every row (no contact has a phone number yet) are left out.
                        let cells = item.line.enumerated().filter { columns[$0.offset] > 0 }.map { index, span in
                            index < item.line.count - 1 ? DisplayWidth.fit(span.text, to: columns[index]) : span.text
                        }
                        var row = "  " + cells.joined(separator: "  ")
                        while row.hasSuffix(" ") { row.removeLast() }
                        lines.append(row)
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

    /// The width of each cell column of a table list but the last.
    private func tableWidths(_ items: [RecordItem]) -> [Int] {
        let count = items.map(\.line.count).max() ?? 0
        return (0..<count).map { column in items.map { $0.line.indices.contains(column) ? DisplayWidth.of($0.line[column].text) : 0 }.max() ?? 0 }
    }
}
