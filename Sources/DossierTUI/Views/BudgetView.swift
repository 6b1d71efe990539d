import DossierCore

/// `4`: every budget line per year (committed, spent, remaining; overspending in red), each line counting
/// only the activities charged to it.
enum BudgetView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        let layout = state.layout
        // Narrow: no room for the count of activities; the line's name gets what is left.
        let isWide = state.width >= 100
        let columns = ListColumns(totalWidth: state.width, specs: [
            ("Jaar", 6, 0, false), ("Budgetregel", 12, 3, false), ("Budget", 11, 0, true), ("Vastgelegd", 11, 0, true),
            ("Besteed", 11, 0, true), ("Over", 12, 0, true),
        ] + (isWide ? [("", 0, 1, false)] : []))
        columns.drawHeader(in: &canvas, y: layout.bodyTop, style: theme.header)
        let list = state.listState(.budget)
        var y = layout.bodyTop + 1
        for (row, overview) in state.index.budgets.enumerated() {
            guard y < layout.messageRow - 2 else { break }
            let selected = row == list.selection
            if selected { canvas.fill(x: 0, y: y, width: state.width, height: 1, style: Style(reversed: true)) }
            let plain = RowStyle.apply(.plain, selected: selected)
            let warning = RowStyle.apply(theme.error, selected: selected)
            let isCurrentYear = overview.year == state.today.year
            let isFirstOfYear = row == 0 || state.index.budgets[row - 1].year != overview.year
            var cells: [(String, Style)] = [
                (isFirstOfYear ? String(overview.year) + (isCurrentYear ? " ◂" : "") : "", isCurrentYear ? plain.bold() : plain),
                (overview.lineName, plain),
                (overview.budget.formatted, plain), (overview.committed.formatted, plain), (overview.spent.formatted, plain),
                (overview.remaining.formatted, overview.isOverspent ? warning : plain),
            ]
            if isWide {
                cells.append((overview.isOverspent ? "overschreden met \((Money.zero - overview.remaining).formatted)" : "\(overview.activityIDs.count) act.",
                              overview.isOverspent ? warning : RowStyle.apply(theme.muted, selected: selected)))
            }
            columns.drawRow(cells, in: &canvas, y: y)
            y += 1
        }
        y += 1
        canvas.draw("Elke regel telt alleen de activiteiten die erop geboekt zijn. Vastgelegd: goedgekeurd en gepland (geraamd). Besteed: uitgevoerd (werkelijk, anders geraamd).",
                    x: 1, y: y, width: state.width - 2, style: theme.muted)
    }
}

/// `5`: review dates of relations on laag pitje and due follow-ups, overdue in red; Enter opens.
enum ReminderListView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        let layout = state.layout
        let columns = ListColumns(totalWidth: state.width, specs: [
            ("Datum", 10, 0, false), ("", 8, 0, false), ("Wat", 0, 5, false), ("Bij", 0, 4, false),
        ])
        columns.drawHeader(in: &canvas, y: layout.bodyTop, style: theme.header)
        let reminders = state.index.reminders
        if reminders.isEmpty {
            canvas.draw("Niets dat binnen \(state.index.lookAheadDays) dagen aandacht vraagt.", x: 1, y: layout.bodyTop + 1, style: theme.muted)
            return
        }
        let list = state.listState(.reminders)
        for line in 0..<layout.listRows {
            let row = list.offset + line
            guard row < reminders.count else { break }
            let reminder = reminders[row]
            let selected = row == list.selection
            let y = layout.bodyTop + 1 + line
            if selected { canvas.fill(x: 0, y: y, width: state.width, height: 1, style: Style(reversed: true)) }
            let overdue = reminder.isOverdue(on: state.today)
            let plain = RowStyle.apply(.plain, selected: selected)
            let context = switch reminder.subject {
            case .review(let id): state.dossier.relation(id)?.placeSummary ?? id
            case .followUp: reminder.detail
            }
            columns.drawRow([
                (reminder.date.iso, RowStyle.apply(overdue ? theme.error : .plain, selected: selected)),
                (overdue ? "verlopen" : "", RowStyle.apply(theme.error, selected: selected)),
                (reminder.title, plain.bold()), (context, plain),
            ], in: &canvas, y: y)
        }
    }
}
