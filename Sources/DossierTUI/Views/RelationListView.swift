import DossierCore

/// The start screen: every relation with kind, place, status (each its own colour, laag pitje muted),
/// number of activities and the next date that matters.
enum RelationListView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        let layout = state.layout
        let wide = state.width >= 110
        // Room for " + herijking" while a relation has an overdue review behind an earlier date (the columns stay put as the
        // list scrolls), where the name and the kind keep theirs; else " +h".
        let reviewsBehind = wide && state.index.overviews.contains { $0.overdueReviewBehindNext(on: state.today) != nil }
        let spellsOut = state.width >= 120 + max(0, state.dates.columnWidth - 10)
        // The name keeps its width; on a narrow screen the kind yields first, then the count of activities.
        let columns = ListColumns(totalWidth: state.width, columns: [
            .init("Naam", weight: 5, minimum: 25), .init("Soort", fixed: wide ? 20 : 12, yieldRank: 1), .init("Plaats", weight: wide ? 4 : 3),
            .init("Status", fixed: 10), .init("Act.", fixed: 4, alignRight: true, yieldRank: 2),
            .init(wide ? "Volgende datum" : "Volgende", fixed: state.dates.columnWidth + (wide ? 13 : 10) + (reviewsBehind ? (spellsOut ? 12 : 3) : 0)),
        ])
        columns.drawHeader(in: &canvas, y: layout.bodyTop, style: theme.header)
        let rows = state.rows(.relations)
        let list = state.listState(.relations)
        let query = state.activeQuery(in: .relations)
        if rows.isEmpty {
            let text = state.dossier.relations.isEmpty ? "Nog geen relaties; + voegt er een toe." : "Geen relaties met deze filters (c wist de filters)."
            canvas.draw(text, x: 1, y: layout.bodyTop + 1, style: theme.muted)
            return
        }
        for line in 0..<layout.listRows {
            let row = list.offset + line
            guard row < rows.count else { break }
            let position = rows[row]
            let overview = state.index.overviews[position]
            let relation = overview.relation
            let selected = row == list.selection
            let y = layout.bodyTop + 1 + line
            let base: Style = relation.status == .laagPitje || relation.status == .beeindigd ? theme.muted : .plain
            if selected { canvas.markSelectedRow(y, width: state.width) }
            let isMatch = query.map { state.index.searchKeys?.relations.contains($0, at: position) == true } ?? false
            // Overdue is also written out ("!"), for terminals without colour. An overdue review behind an earlier date is said
            // too: a list of laag pitje relations should not hide it. The colour says what the words say.
            let reviewBehind = overview.overdueReviewBehindNext(on: state.today) != nil, nextOverdue = overview.isNextOverdue(on: state.today)
            let overdue = nextOverdue || reviewBehind
            let alsoReview = !reviewBehind ? "" : wide && spellsOut ? " + herijking" : " +h"
            let next = overview.nextDate.map {
                "\(state.dates.date($0.date)) \(wide ? $0.label : $0.shortLabel)\(nextOverdue ? " !" : "")" + alsoReview
            } ?? ""
            columns.drawRow([
                (relation.name, RowStyle.apply(isMatch ? theme.match : base.bold(), selected: selected)),
                (wide ? relation.kind.label : relation.kind.shortLabel, RowStyle.apply(base, selected: selected)),
                (relation.placeSummary, RowStyle.apply(base, selected: selected)),
                (relation.status.label, RowStyle.apply(theme.relationStatus(relation.status), selected: selected)),
                (String(overview.activityCount), RowStyle.apply(base, selected: selected)),
                (next, RowStyle.apply(overdue ? theme.error : base, selected: selected)),
            ], in: &canvas, y: y)
        }
    }
}
