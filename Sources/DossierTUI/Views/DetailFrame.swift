import DossierCore

/// A relation's or an activity's screen: a title row, the information (the core's document, scrolled), and
/// below it the lists that can be worked with, one shown at a time, chosen with Tab.
enum DetailFrame {
    static func draw(_ state: AppState, detail: DetailState, in canvas: inout Canvas) {
        guard let document = state.document(of: state.screen) else { return }
        let layout = state.layout
        let theme = state.theme
        let kinds = AppState.detailLists(of: state.screen)
        let shown = state.shownList(detail)
        let list = shown.flatMap(document.list)
        let itemCount = list?.items.count ?? 0
        let panes = DetailLayout(layout: layout, itemCount: itemCount, on: state.screen)

        // The name, then status and kind as far as they fit whole: a title row never cuts its own words (a
        // name longer than the screen aside); status and kind are also among the fields below.
        // A name longer than the row ends in "…" there, and is given whole at the top of the information.
        let name = DisplayWidth.truncate(document.title, to: state.width - 2)
        var title: [StyledLine.Span] = [.init(text: name, style: theme.title)]
        var titleWidth = DisplayWidth.of(name)
        for span in document.subtitle {
            let text = "  " + span.text
            guard titleWidth + DisplayWidth.of(text) <= state.width - 2 else { break }
            title.append(.init(text: text, style: RecordDocumentView.style(span.tone, theme: theme).bold()))
            titleWidth += DisplayWidth.of(text)
        }
        StyledLine(title).draw(in: &canvas, x: 1, y: layout.bodyTop, width: state.width - 2)

        let information = RecordDocumentView.detailInformation(document, leavingOut: Set(kinds), theme: theme, width: state.width - 2)
        let top = layout.bodyTop + 1
        let scroll = min(detail.scroll, max(0, information.count - panes.informationRows))
        for row in 0..<panes.informationRows {
            let index = scroll + row
            guard index < information.count else { break }
            information[index].draw(in: &canvas, x: 1, y: top + row, width: state.width - 2)
        }

        // The lists as tabs; the shown one highlighted, reversed when it has the keys.
        let headingY = top + panes.informationRows
        canvas.fill(x: 0, y: headingY, width: state.width, height: 1, style: theme.header)
        var x = 1
        for kind in kinds {
            guard let heading = document.list(kind)?.heading else { continue }
            let style = kind == shown ? (detail.focusedList == kind ? theme.tabActive : theme.header.bold()) : theme.muted
            x += canvas.draw(" \(heading) ", x: x, y: headingY, style: style)
            x += canvas.draw("│", x: x, y: headingY, style: theme.muted)
        }
        let hint = switch (detail.focusedList, kinds.count) {
        case (nil, _): "Tab: naar de lijsten"
        case (_, 1): ""
        case (_, _): "Tab: volgende lijst"
        }
        // Where the information goes on: shown on the right, never over the text itself.
        let below = information.count - scroll - panes.informationRows
        let more = below > 0 ? "↓ nog \(count(below, "regel", "regels")) (j)  " : (scroll > 0 ? "↑ k scrolt terug  " : "")
        // Without room for both, that there is more below goes before where Tab goes.
        if let right = [more + hint, more, hint].first(where: { !$0.isEmpty && x + DisplayWidth.of($0) + 2 < state.width }) {
            canvas.draw(right, x: state.width - DisplayWidth.of(right) - 1, y: headingY, style: theme.muted)
        }

        guard let list else { return }
        if list.items.isEmpty {
            // On an activity, + adds a follow-up wherever the focus is but on its links.
            let keys = list.kind == .activities ? " + voegt een activiteit toe, v legt een bezoek vast."
                : (detail.focusedList == list.kind || list.kind == .followUps ? " + voegt er een toe." : " Tab hierheen, dan + voegt er een toe.")
            canvas.draw(list.emptyText + keys, x: 1, y: headingY + 1, width: state.width - 2, style: theme.muted)
            return
        }
        let focused = detail.focusedList == list.kind
        let columns = RecordDocumentView.columns(of: list, width: state.width - 2)
        for line in 0..<panes.itemRows {
            let index = detail.items.offset + line
            guard index < list.items.count else { break }
            let selected = focused && index == detail.items.selection
            let y = headingY + 1 + line
            if selected { canvas.markSelectedRow(y, width: state.width) }
            RecordDocumentView.drawItem(list.items[index], of: list, columns: columns, selected: selected, theme: theme, x: 1, y: y,
                                        width: state.width - 2, in: &canvas)
        }
    }
}
