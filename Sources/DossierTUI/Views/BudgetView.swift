import DossierCore

/// `4`: every budget line per year (committed, spent, remaining; overspending in red), each line counting
/// only the activities charged to it, with a bar of block characters beside the numbers: spent █,
/// committed ▓, left ░ — shapes that read without colour (NO_COLOR) too.
enum BudgetView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        let layout = state.layout
        let wide = state.width >= 100
        let budgets = state.index.budgets
        // An amount is never cut: each money column is as wide as its widest amount (millions in a large dossier).
        func width(_ minimum: Int, _ amount: (BudgetOverview) -> Money) -> Int {
            budgets.reduce(minimum) { max($0, DisplayWidth.of(amount($1).formatted)) }
        }
        let budgetWidth = width(11, \.budget), committedWidth = width(11, \.committed)
        let spentWidth = width(11, \.spent), remainingWidth = width(12, \.remaining)
        // Narrow: the yearly amount is in the header and in the bar's length, so its column gives way to the bar.
        let specs: [(String, Int, Int, Bool)] = wide
            ? [("Jaar", 6, 0, false), ("Budgetregel", 12, 4, false), ("Budget", budgetWidth, 0, true), ("Vastgelegd", committedWidth, 0, true),
               ("Besteed", spentWidth, 0, true), ("Over", remainingWidth, 0, true), ("Verbruik", 0, 3, false), ("Telt mee", 0, 2, false)]
            : [("Jaar", 6, 0, false), ("Budgetregel", 12, 2, false), ("Vastgelegd", committedWidth, 0, true),
               ("Besteed", spentWidth, 0, true), ("Over", remainingWidth, 0, true), ("Verbruik", 0, 2, false)]
        let columns = ListColumns(totalWidth: state.width, specs: specs)
        let barWidth = columns.columns[wide ? 6 : 5].width
        columns.drawHeader(in: &canvas, y: layout.bodyTop, style: theme.header)
        let list = state.listState(.budget)
        var y = layout.bodyTop + 1
        // The notes below take rows the list's scrolling does not count: the selected year is kept in view here.
        let visible = max(1, layout.messageRow - 3 - y)
        var first = min(list.offset, list.selection)
        if list.selection >= first + visible { first = list.selection - visible + 1 }
        for (row, overview) in budgets.enumerated().dropFirst(max(0, first)) {
            guard y < layout.messageRow - 3 else { break }
            let selected = row == list.selection
            if selected { canvas.markSelectedRow(y, width: state.width) }
            let plain = RowStyle.apply(.plain, selected: selected)
            let warning = RowStyle.apply(theme.error, selected: selected)
            let isCurrentYear = overview.year == state.today.year
            let isFirstOfYear = row == 0 || budgets[row - 1].year != overview.year
            var cells: [(String, Style)] = [
                (isFirstOfYear ? String(overview.year) + (isCurrentYear ? " ◂" : "") : "", isCurrentYear ? plain.bold() : plain),
                (overview.lineName, plain),
            ]
            if wide { cells.append((overview.shownBudget?.formatted ?? "—", plain)) }
            cells += [
                (overview.committed.formatted, plain), (overview.spent.formatted, plain),
                (overview.shownRemaining?.formatted ?? "—", overview.isOverspent ? warning : plain),
                (BudgetBar.text(overview, width: barWidth), overview.isOverspent || overview.isWithoutBudget ? warning : plain),
            ]
            if wide {
                // The count first: what the column is for; how far over stands in Over (in red) already.
                // (Without a budget the bar says so already.)
                // Cut, "overschreden" would read "over…", the opposite; where it does not fit, the legend's mark says it.
                let count = "\(overview.activityIDs.count) act.", full = count + " · overschreden"
                let fits = DisplayWidth.of(full) <= columns.columns[7].width
                cells.append((overview.isOverspent ? (fits ? full : count + " !") : count,
                              overview.isOverspent || overview.isWithoutBudget ? warning : RowStyle.apply(theme.muted, selected: selected)))
            }
            columns.drawRow(cells, in: &canvas, y: y)
            y += 1
        }
        y += 1
        let undated = state.dossier.budgetLines.compactMap { line in
            state.index.ledger.undated[line.id]?.sentence(lineName: line.name) { state.dossier.activity($0)?.title ?? $0 }
        }
        let notes = undated + ["Verbruik: █ besteed   ▓ vastgelegd   ░ over   ! overschreden   (de balk: het budget van dat jaar)",
                     "Elke regel telt alleen de activiteiten die erop geboekt zijn. Vastgelegd: goedgekeurd en gepland (geraamd). Besteed: uitgevoerd (werkelijk, anders geraamd) en wat geannuleerde toch kostten."]
        // Whole, wrapped to the width, as far as there is room above the message line.
        for line in notes.flatMap({ DisplayWidth.wrap($0, to: state.width - 2) }) where y < layout.messageRow {
            canvas.draw(line, x: 1, y: y, width: state.width - 2, style: theme.muted)
            y += 1
        }
    }
}

/// A year's budget line as a bar of `width` cells: spent █, committed ▓, left ░, the whole bar being the
/// budget. Overspent: the bar is what was used, ending in "!". A line without budget that year: "geen budget".
enum BudgetBar {
    static func text(_ overview: BudgetOverview, width: Int) -> String {
        guard width >= 3 else { return "" }
        let spent = max(0, overview.spent.cents), committed = max(0, overview.committed.cents)
        let used = spent + committed
        if (overview.budget.cents <= 0 && used == 0 && !overview.hasAmountOfItsOwn) || overview.isOutsideLineYears { return "geen budget" }
        // Set to nothing by the council, and nothing on it: no bar of money left.
        if overview.budget.cents <= 0 && used == 0 { return "budget € 0" }
        let cells = overview.isOverspent ? width - 1 : width
        let scale = max(overview.budget.cents, used)
        var spentCells = share(spent, of: scale, cells: cells)
        let committedCells = min(share(committed, of: scale, cells: cells), cells - spentCells)
        // Rounding must not leave an overspent bar short of its end.
        if overview.isOverspent && spentCells + committedCells < cells { spentCells = cells - committedCells }
        let left = max(0, cells - spentCells - committedCells)
        return String(repeating: "█", count: spentCells) + String(repeating: "▓", count: committedCells)
            + String(repeating: "░", count: left) + (overview.isOverspent ? "!" : "")
    }

    /// Cells for `value` of `scale`, rounded, at least one for anything above zero, at most `cells`.
    static func share(_ value: Int64, of scale: Int64, cells: Int) -> Int {
        guard value > 0, scale > 0, cells > 0 else { return 0 }
        let rounded = Int((value * Int64(cells) * 2 + scale) / (scale * 2))
        return min(cells, max(1, rounded))
    }
}

/// `5`: review dates of relations on laag pitje and due follow-ups, overdue in red; Enter opens.
enum ReminderListView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        let layout = state.layout
        let columns = ListColumns(totalWidth: state.width, specs: [
            ("Datum", state.dates.columnWidth, 0, false), ("", 8, 0, false), ("Wat", 0, 5, false), ("Bij", 0, 4, false),
        ])
        columns.drawHeader(in: &canvas, y: layout.bodyTop, style: theme.header)
        let reminders = state.index.reminders
        if reminders.isEmpty {
            canvas.draw("Niets dat binnen \(count(state.index.lookAheadDays, "dag", "dagen")) aandacht vraagt.", x: 1, y: layout.bodyTop + 1, style: theme.muted)
            return
        }
        let list = state.listState(.reminders)
        for line in 0..<layout.listRows {
            let row = list.offset + line
            guard row < reminders.count else { break }
            let reminder = reminders[row]
            let selected = row == list.selection
            let y = layout.bodyTop + 1 + line
            if selected { canvas.markSelectedRow(y, width: state.width) }
            let overdue = reminder.isOverdue(on: state.today)
            let plain = RowStyle.apply(.plain, selected: selected)
            columns.drawRow([
                (state.dates.date(reminder.date), RowStyle.apply(overdue ? theme.error : .plain, selected: selected)),
                (overdue ? "verlopen" : reminder.isDue(on: state.today) ? "vandaag" : "", RowStyle.apply(overdue ? theme.error : .plain.bold(), selected: selected)),
                (reminder.title, plain.bold()), (reminder.subjectName, plain),
            ], in: &canvas, y: y)
        }
    }
}
