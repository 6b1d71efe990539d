import DossierCore

/// The activities (date, title, kind, status, relations, cost), or the delegation visits (date,
/// direction, delegation, country, title, status, relations).
enum ActivityListView {
    static func draw(_ state: AppState, section: Section, in canvas: inout Canvas) {
        draw(state, rows: state.rows(section), list: state.listState(section), isVisits: section == .visits,
             query: state.activeQuery(in: section), top: state.layout.bodyTop, visibleRows: state.layout.listRows, in: &canvas)
    }

    /// An activity list opened from another screen, under a line that says what it holds.
    static func draw(_ state: AppState, screen: ActivityListScreen, in canvas: inout Canvas) {
        let layout = state.layout
        // A budget line's year lists every activity on it; what the budget counts is said beside the number.
        var count = "\(screen.rows.count)"
        if screen.query.budgetLine != nil {
            let counted = screen.rows.filter { state.dossier.activities[$0].status.chargesBudget(state.dossier.activities[$0].budgetedCost) }.count
            if counted != screen.rows.count { count += ", waarvan \(counted == 0 ? "geen" : String(counted)) \(counted <= 1 ? "meetelt" : "meetellen")" }
        }
        canvas.draw("\(screen.title(in: state.dossier)) (\(count))", x: 1, y: layout.bodyTop, width: state.width - 2, style: state.theme.title)
        // Empty as opened, it has no filters to blame: the line above says what it holds.
        let empty = screen.query == screen.initialQuery ? "Nog geen activiteiten; + voegt er een toe." : "Geen activiteiten met deze filters (c zet ze terug)."
        draw(state, rows: screen.rows, list: screen.list, isVisits: false, query: nil, top: layout.bodyTop + 1,
             visibleRows: ActivityListScreen.visibleRows(in: layout), emptyText: empty, in: &canvas)
    }

    /// The column headings at `top`, the rows below them.
    private static func draw(_ state: AppState, rows: [Int], list: ListState, isVisits: Bool, query: String?, top: Int, visibleRows: Int,
                             emptyText: String? = nil, in canvas: inout Canvas) {
        let theme = state.theme
        let wide = state.width >= 110
        // An amount is never cut (€ 1.234.56… reads as a thousand): the column is as wide as the widest one shown.
        let shownCosts = isVisits ? [] : (list.offset..<min(rows.count, list.offset + visibleRows)).map {
            DisplayWidth.of(state.dossier.activities[rows[$0]].listedCost?.formatted ?? "")
        }
        let costWidth = max(wide ? 13 : 12, shownCosts.max() ?? 0)
        // Room for the overdue mark (" !") while any activity is overdue (its signal says so): the columns stay put as the list scrolls.
        let dateWidth = state.dates.columnWidth + (state.index.reminders.contains { if case .outcome = $0.subject { true } else { false } } ? 2 : 0)
        // The title keeps room to tell two missions apart; on a narrow screen a detail yields first (the
        // delegation, which a visit's title mostly says, then its country; an activity's kind).
        let columns = isVisits
            ? ListColumns(totalWidth: state.width, columns: [
                .init("Datum", fixed: dateWidth), .init("Richting", fixed: 8), .init("Delegatie", weight: 3, yieldRank: 1),
                .init("Land", weight: 2, yieldRank: 2), .init("Titel", weight: 4, minimum: 24), .init("Status", fixed: 11), .init("Relaties", weight: 3),
            ])
            : ListColumns(totalWidth: state.width, columns: [
                .init("Datum", fixed: dateWidth), .init("Titel", weight: 5, minimum: 28), .init("Soort", fixed: wide ? 22 : 12, yieldRank: 1),
                .init("Status", fixed: 11), .init("Relaties", weight: 2), .init("Kosten", fixed: costWidth, alignRight: true),
            ])
        columns.drawHeader(in: &canvas, y: top, style: theme.header)
        if rows.isEmpty {
            // Filters are blamed only where there is something they hide.
            let none = isVisits ? !state.dossier.activities.contains(where: \.isVisit) : state.dossier.activities.isEmpty
            let text = switch (isVisits, none) {
            case (true, true): "Nog geen bezoeken; v legt een bezoek vast."
            case (true, false): "Geen bezoeken met deze filters; v legt een bezoek vast."
            case (false, true): "Nog geen activiteiten; + voegt er een toe."
            case (false, false): "Geen activiteiten met deze filters; + voegt er een toe."
            }
            canvas.draw(emptyText ?? text, x: 1, y: top + 1, style: theme.muted)
            return
        }
        for line in 0..<visibleRows {
            let row = list.offset + line
            guard row < rows.count else { break }
            let position = rows[row]
            let activity = state.dossier.activities[position]
            let selected = row == list.selection
            let y = top + 1 + line
            if selected { canvas.markSelectedRow(y, width: state.width) }
            let base: Style = activity.status == .geannuleerd || activity.status == .afgewezen ? theme.muted : .plain
            let isMatch = query.map { state.index.searchKeys?.activities.contains($0, at: position) == true } ?? false
            let titleStyle = RowStyle.apply(isMatch ? theme.match : base.bold(), selected: selected)
            let statusStyle = RowStyle.apply(theme.activityStatus(activity.status), selected: selected)
            let plain = RowStyle.apply(base, selected: selected)
            let relations = activity.relations.map(state.dossier.relationName).joined(separator: ", ")
            // Over and not carried out: marked as the relations' overdue dates are, also in words ("!") without colour.
            let overdue = activity.isOverdue(on: state.today)
            let date = state.dates.date(activity.startDate, none: "—") + (overdue ? " !" : "")
            let dateStyle = overdue ? RowStyle.apply(theme.error, selected: selected) : plain
            if isVisits {
                let visit = activity.visit  // decoded once for both columns (`PackedActivityFields`)
                columns.drawRow([
                    (date, dateStyle), (visit?.direction.label ?? "", plain), (visit?.delegationFrom ?? "", plain),
                    (activity.countries.names, plain), (activity.title, titleStyle), (activity.status.label, statusStyle), (relations, plain),
                ], in: &canvas, y: y)
            } else {
                let cost = activity.listedCost?.formatted ?? ""
                columns.drawRow([
                    (date, dateStyle), (activity.title, titleStyle), (activity.kind.label, plain), (activity.status.label, statusStyle),
                    (relations, plain), (cost, plain),
                ], in: &canvas, y: y)
            }
        }
    }
}
