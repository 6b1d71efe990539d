import DossierCore

/// `6`: everything dated, grouped by month and week; overdue deadlines first, in red, under the heading "Verlopen" (the
/// words for NO_COLOR), each with its kind as the other rows; today's entries in bold.
enum AgendaListView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        let layout = state.layout
        let columns = ListColumns(totalWidth: state.width, specs: [
            ("Datum", (state.width >= 100 ? 21 : 15) + state.dates.columnWidth - 10, 0, false), ("Soort", 12, 0, false), ("Wat", 0, 5, false), ("Bij", 0, 4, false),
        ])
        columns.drawHeader(in: &canvas, y: layout.bodyTop, style: theme.header)
        let lines = state.agendaLines
        if lines.isEmpty {
            let text = state.agendaShowsPast ? "Niets op de agenda." : "Niets op de agenda vanaf vandaag (v toont ook het verleden)."
            canvas.draw(text, x: 1, y: layout.bodyTop + 1, style: theme.muted)
            return
        }
        let list = state.listState(.agenda)
        let thisWeek = state.today.startOfWeek
        for row in 0..<layout.listRows {
            let index = list.offset + row
            guard index < lines.count else { break }
            let y = layout.bodyTop + 1 + row
            switch lines[index] {
            case .overdueHeading:
                canvas.draw(lines[index].heading ?? "", x: 1, y: y, style: theme.error)
            case .month:
                canvas.draw(lines[index].heading ?? "", x: 1, y: y, style: theme.title)
            case .week(let monday):
                let heading = (lines[index].heading ?? "") + (monday == thisWeek ? " · deze week" : "")
                canvas.draw(heading, x: 3, y: y, width: state.width - 4, style: theme.label)
            case .entry(let entry):
                let selected = index == list.selection
                if selected { canvas.markSelectedRow(y, width: state.width) }
                let overdue = entry.isOverdue(on: state.today)
                let isToday = entry.start <= state.today && entry.end >= state.today
                var plain = RowStyle.apply(.plain, selected: selected)
                if isToday { plain = plain.bold() }
                let warning = RowStyle.apply(theme.error, selected: selected)
                columns.drawRow([
                    (overdue ? entry.overdueDateText(state.dates, narrow: state.width < 100)
                             : state.width >= 100 ? entry.shortDateText(state.dates) : entry.compactDateText(state.dates), overdue ? warning : plain),
                    (entry.kind.name, overdue ? warning : RowStyle.apply(theme.muted, selected: selected)),
                    (entry.title(in: state.dossier), plain), (entry.context(in: state.dossier), plain),
                ], in: &canvas, y: y)
            }
        }
    }
}

/// The agenda's month at a glance: a calendar with ISO week numbers, days with something marked (•, or
/// ! for an overdue deadline), today reversed; the month's entries beside it (wide) or below it.
enum AgendaMonthView {
    static func draw(_ state: AppState, month: CalendarDate, in canvas: inout Canvas) {
        let theme = state.theme
        let layout = state.layout
        let entries = state.agendaMonthEntries
        let last = month.startOfNextMonth.adding(days: -1)
        var marks: [CalendarDate: Character] = [:]
        for entry in entries {
            var day = max(entry.start, month)
            while day <= min(entry.end, last) {
                if entry.isOverdue(on: state.today) { marks[day] = "!" } else if marks[day] == nil { marks[day] = "•" }
                day = day.adding(days: 1)
            }
        }
        var y = layout.bodyTop
        canvas.draw(AgendaLine.month(month).heading ?? "", x: 1, y: y, style: theme.title)
        y += 1
        canvas.draw("week " + CalendarDate.weekdayAbbreviations.map { " \($0) " }.joined(), x: 1, y: y, style: theme.header)
        y += 1
        var monday = month.startOfWeek
        while monday <= last && y < layout.messageRow {
            canvas.draw(String(monday.isoWeek.week).leftPadded(to: 4), x: 1, y: y, style: theme.muted)
            for offset in 0..<7 {
                let day = monday.adding(days: offset)
                guard day >= month, day <= last else { continue }
                let mark = marks[day]
                let text = String(day.day).leftPadded(to: 2) + (mark.map(String.init) ?? " ")
                var style: Style = mark == "!" ? theme.error : (mark != nil ? Style.plain.bold() : .plain)
                if day == state.today { style = style.reversed() }
                canvas.draw(text, x: 6 + offset * 4, y: y, style: style)
            }
            monday = monday.adding(days: 7)
            y += 1
        }
        let wide = state.width >= 100
        let legend = ["• iets op de agenda   ! verlopen", "vandaag: omgekeerd"]
        if wide {
            for (offset, text) in legend.enumerated() { canvas.draw(text, x: 1, y: y + 1 + offset, width: 36, style: theme.muted) }
        } else {
            canvas.draw(legend.joined(separator: "   "), x: 1, y: y, width: state.width - 2, style: theme.muted)
            y += 2
        }
        let listX = wide ? 38 : 1
        var listY = wide ? layout.bodyTop : y
        let listWidth = state.width - listX - 1
        if entries.isEmpty {
            canvas.draw("Niets op de agenda in \(month.monthAndYear).", x: listX, y: listY, width: listWidth, style: theme.muted)
            return
        }
        let capacity = max(1, layout.messageRow - listY)
        let dateWidth = 24, kindWidth = 13
        let shown = entries.count <= capacity ? entries.count : capacity - 1
        for entry in entries.prefix(shown) {
            let overdue = entry.isOverdue(on: state.today)
            // Overdue in words as the calendar's legend has it ("!"), so the kind keeps its column.
            let date = entry.shortDateText(state.dates) + (overdue ? " !" : "")
            let line = StyledLine([
                // The longest, "wo 30-12 t/m do 31-12 !", is 23: one space after it still.
                .init(text: date.padded(to: dateWidth), style: overdue ? theme.error : .plain),
                .init(text: entry.kind.name.padded(to: kindWidth), style: overdue ? theme.error : theme.muted),
                // Cut with "…", as every list cuts a title.
                .init(text: DisplayWidth.truncate(entry.title(in: state.dossier), to: max(1, listWidth - dateWidth - kindWidth)), style: .plain),
            ])
            line.draw(in: &canvas, x: listX, y: listY, width: listWidth)
            listY += 1
        }
        if shown < entries.count {
            canvas.draw("… en nog \(entries.count - shown) (Enter: naar de lijst)", x: listX, y: listY, width: listWidth, style: theme.muted)
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }

    fileprivate func padded(to width: Int) -> String {
        DisplayWidth.fit(self, to: width)
    }
}
