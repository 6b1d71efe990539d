import DossierCore

/// `L`: the change log from the journal: when (local time), who, what, and why; newest first.
enum HistoryView {
    static func draw(_ state: AppState, history: HistoryState, in canvas: inout Canvas) {
        let theme = state.theme
        let layout = state.layout
        canvas.draw(history.title, x: 1, y: layout.bodyTop, width: state.width - 2, style: theme.title)
        let columns = ListColumns(totalWidth: state.width, specs: [
            ("Wanneer", 16, 0, false), ("Wie", 14, 0, false), ("Wat", 0, 5, false), ("Reden", 0, 3, false),
        ])
        columns.drawHeader(in: &canvas, y: layout.bodyTop + 1, style: theme.header)
        let rows = max(1, layout.listRows - 1)
        for line in 0..<rows {
            let index = history.list.offset + line
            guard index < history.entries.count else { break }
            let entry = history.entries[index]
            let selected = index == history.list.selection
            let y = layout.bodyTop + 2 + line
            if selected { canvas.fill(x: 0, y: y, width: state.width, height: 1, style: Style(reversed: true)) }
            let plain = RowStyle.apply(.plain, selected: selected)
            columns.drawRow([
                (localTime(entry.timestamp, offset: state.utcOffset), RowStyle.apply(theme.label, selected: selected)),
                (entry.actor, plain), (entry.summary, plain.bold()), (entry.reason, RowStyle.apply(theme.muted, selected: selected)),
            ], in: &canvas, y: y)
        }
    }

    /// `2026-11-22 10:15` in the local time zone.
    static func localTime(_ moment: Timestamp, offset: Int) -> String {
        let local = Timestamp(secondsSinceEpoch: moment.secondsSinceEpoch + Int64(offset)).iso
        return String(local.prefix(10)) + " " + String(local.dropFirst(11).prefix(5))
    }
}
