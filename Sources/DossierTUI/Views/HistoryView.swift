import DossierCore

/// `L`: the change log from the journal: when (local time), who, what, and why; newest first. Below the
/// list, the selected change field by field, old → new, as it was logged.
enum HistoryView {
    static func draw(_ state: AppState, history: HistoryState, in canvas: inout Canvas) {
        let theme = state.theme
        let layout = state.layout
        canvas.draw(history.title, x: 1, y: layout.bodyTop, width: state.width - 2, style: theme.title)
        // What changed matters most: "Wie" is as wide as the names, and "Reden" is there only when a change has one
        // (and gives way when "Wat" would get fewer than 40 columns, up to about 100 wide; the pane below shows it).
        let columns = ListColumns(totalWidth: state.width, columns: [
            .init("Wanneer", fixed: state.dates.momentWidth), .init("Wie", fixed: history.whoWidth), .init("Wat", weight: 5, minimum: 40),
        ] + (history.hasReasons ? [.init("Reden", weight: 3, yieldRank: 1)] : []))
        columns.drawHeader(in: &canvas, y: layout.bodyTop + 1, style: theme.header)
        let panes = HistoryLayout(layout: layout)
        for line in 0..<panes.listRows {
            let index = history.list.offset + line
            guard index < history.entries.count else { break }
            let entry = history.entries[index]
            let selected = index == history.list.selection
            let y = layout.bodyTop + 2 + line
            if selected { canvas.markSelectedRow(y, width: state.width) }
            let plain = RowStyle.apply(.plain, selected: selected)
            let what = entry.details.isEmpty ? entry.summary : "\(entry.summary) (+\(entry.details.count))"
            columns.drawRow([
                (state.dates.moment(entry.timestamp), RowStyle.apply(theme.label, selected: selected)),
                (entry.who, plain), (what, plain.bold()), (entry.reason, RowStyle.apply(theme.muted, selected: selected)),
            ], in: &canvas, y: y)
        }
        // The selected change in full.
        guard history.entries.indices.contains(history.list.selection) else { return }
        let entry = history.entries[history.list.selection]
        let top = layout.bodyTop + 2 + panes.listRows
        canvas.fill(x: 0, y: top, width: state.width, height: 1, style: theme.header)
        canvas.draw(" Wat er veranderde", x: 0, y: top, style: theme.header)
        var lines = DisplayWidth.wrap(entry.summary, to: state.width - 4)
        // Who in full: the column above cuts a long one ("Ine (gekopieerd door rol dossier)").
        lines += DisplayWidth.wrap("Door \(entry.who), \(state.dates.moment(entry.timestamp))", to: state.width - 4)
        if !entry.reason.isEmpty { lines += DisplayWidth.wrap("Reden: \(entry.reason)", to: state.width - 4) }
        lines += entry.details.flatMap { DisplayWidth.wrap($0, to: state.width - 6).map { "  " + $0 } }
        for (row, line) in lines.prefix(panes.detailRows).enumerated() {
            canvas.draw(line, x: 2, y: top + 1 + row, width: state.width - 3, style: row == 0 ? Style.plain.bold() : .plain)
        }
        if lines.count > panes.detailRows {
            canvas.draw("… nog \(lines.count - panes.detailRows)", x: state.width - 14, y: top, style: theme.header)
        }
    }
}

/// The change log's list above, the selected change's details below.
struct HistoryLayout {
    var listRows: Int
    var detailRows: Int

    init(layout: Layout) {
        // Body: title, column heading, the list, a heading for the details, the details.
        let available = max(3, layout.bodyHeight - 3)
        detailRows = min(8, max(2, available / 3))
        listRows = max(1, available - detailRows)
    }
}
