import DossierCore

/// The common shape of a detail screen: a title row, the information (scrolled), then a headed list.
enum DetailFrame {
    static func draw(title: StyledLine, information: [StyledLine], detail: DetailState, itemsTitle: String, itemCount: Int,
                     emptyText: String, state: AppState, in canvas: inout Canvas, drawItem: (Int, Int, Bool, inout Canvas) -> Void) {
        let layout = state.layout
        let theme = state.theme
        let panes = DetailLayout(layout: layout, itemCount: itemCount)
        title.draw(in: &canvas, x: 1, y: layout.bodyTop, width: state.width - 2)
        let top = layout.bodyTop + 1
        let scroll = min(detail.scroll, max(0, information.count - panes.informationRows))
        for row in 0..<panes.informationRows {
            let index = scroll + row
            guard index < information.count else { break }
            information[index].draw(in: &canvas, x: 1, y: top + row, width: state.width - 2)
        }
        let headingY = top + panes.informationRows
        let focused = detail.pane == .items
        let headingStyle = focused ? theme.tabActive : theme.header
        canvas.fill(x: 0, y: headingY, width: state.width, height: 1, style: headingStyle)
        let paneHint = itemCount == 0 ? "" : (focused ? "  (Tab: terug naar de gegevens)" : "  (Tab of Enter: naar deze lijst)")
        canvas.draw(" \(itemsTitle)\(paneHint)", x: 0, y: headingY, style: headingStyle)
        // Where the information goes on: shown on the heading's right, never over the text itself.
        let below = information.count - scroll - panes.informationRows
        if below > 0 || scroll > 0 {
            let more = below > 0 ? "↓ nog \(count(below, "regel", "regels")) (j)" : "↑ k scrolt terug"
            canvas.draw(more, x: state.width - DisplayWidth.of(more) - 1, y: headingY, style: headingStyle)
        }
        if itemCount == 0 {
            canvas.draw(emptyText, x: 1, y: headingY + 1, style: theme.muted)
            return
        }
        for line in 0..<panes.itemRows {
            let index = detail.items.offset + line
            guard index < itemCount else { break }
            let selected = focused && index == detail.items.selection
            let y = headingY + 1 + line
            if selected { canvas.fill(x: 0, y: y, width: state.width, height: 1, style: Style(reversed: true)) }
            drawItem(index, y, selected, &canvas)
        }
    }
}

/// A relation: every field, contacts, status history, and its activities (Enter opens one).
enum RelationDetailView {
    static func draw(_ state: AppState, detail: DetailState, in canvas: inout Canvas) {
        guard let relation = state.dossier.relation(detail.id) else { return }
        let theme = state.theme
        let activities = state.linkedActivities(of: relation.id)
        let title = StyledLine([
            .init(text: relation.name, style: theme.title),
            .init(text: "  \(relation.status.label)", style: theme.relationStatus(relation.status).bold()),
            .init(text: "  \(relation.kind.label)", style: theme.muted),
        ])
        let information = RelationDetailContent.lines(relation, in: state.dossier, theme: theme, width: state.width - 2)
        DetailFrame.draw(title: title, information: information, detail: detail, itemsTitle: "Activiteiten (\(activities.count))",
                         itemCount: activities.count, emptyText: "Nog geen activiteiten: + voegt er een toe, v legt een bezoek vast.",
                         state: state, in: &canvas) { index, y, selected, canvas in
            let activity = activities[index]
            let columns = ListColumns(totalWidth: state.width, specs: [
                ("", 10, 0, false), ("", 0, 5, false), ("", 18, 0, false), ("", 11, 0, false),
            ])
            let plain = RowStyle.apply(.plain, selected: selected)
            columns.drawRow([
                (activity.startDate?.iso ?? "—", plain), (activity.title, plain.bold()), (activity.kind.label, plain),
                (activity.status.label, RowStyle.apply(theme.activityStatus(activity.status), selected: selected)),
            ], in: &canvas, y: y)
        }
    }
}

/// An activity: fields, visit, participants, costs, outcomes, assessments, history, and its follow-ups
/// (Space ticks one off).
enum ActivityDetailView {
    static func draw(_ state: AppState, detail: DetailState, in canvas: inout Canvas) {
        guard let activity = state.dossier.activity(detail.id) else { return }
        let theme = state.theme
        let title = StyledLine([
            .init(text: activity.title, style: theme.title),
            .init(text: "  \(activity.status.label)", style: theme.activityStatus(activity.status).bold()),
            .init(text: "  \(activity.kind.label)", style: theme.muted),
        ])
        let information = ActivityDetailContent.lines(activity, in: state.dossier, theme: theme, width: state.width - 2)
        let open = activity.openFollowUps.count
        DetailFrame.draw(title: title, information: information, detail: detail,
                         itemsTitle: "Vervolgacties (\(open) open van \(activity.followUps.count))",
                         itemCount: activity.followUps.count, emptyText: "Nog geen vervolgacties: + voegt er een toe.",
                         state: state, in: &canvas) { index, y, selected, canvas in
            let followUp = activity.followUps[index]
            let overdue = !followUp.isDone && (followUp.due.map { $0 < state.today } ?? false)
            let base: Style = followUp.isDone ? theme.muted : .plain
            var x = 1
            x += canvas.draw(followUp.isDone ? "[x] " : "[ ] ", x: x, y: y, style: RowStyle.apply(base, selected: selected))
            if let due = followUp.due {
                x += canvas.draw("\(due.iso)  ", x: x, y: y, style: RowStyle.apply(overdue ? theme.error : base, selected: selected))
            }
            let owner = followUp.owner.isEmpty ? "" : " — \(followUp.owner)"
            canvas.draw(followUp.text + owner, x: x, y: y, width: state.width - x - 1, style: RowStyle.apply(base, selected: selected))
        }
    }
}
