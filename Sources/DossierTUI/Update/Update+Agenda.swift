import DossierCore

/// The agenda tab: moving over entries (headings are skipped), today, the past on request, a month at a glance.
extension AppState {
    /// The agenda's line positions that are entries, in order.
    var agendaEntryLines: [Int] { agendaLines.indices.filter { agendaLines[$0].entry != nil } }

    /// The line of the first entry from today on that is not overdue (the overdue ones are above it), or
    /// the last entry when everything lies in the past.
    var agendaTodayLine: Int? {
        agendaLines.indices.first { line in
            guard let entry = agendaLines[line].entry else { return false }
            return !entry.isOverdue(on: today) && entry.end >= today
        } ?? agendaEntryLines.last
    }

    /// Shows the agenda from the top (the overdue deadlines first).
    mutating func showAgenda() {
        show(.agenda)
        refreshAgenda()
        selectAgendaLine(agendaEntryLines.first ?? 0)
    }

    /// Selects a line, keeping its month and week headings in view above it.
    mutating func selectAgendaLine(_ line: Int) {
        var list = listState(.agenda)
        list.select(line, count: agendaLines.count, visibleRows: layout.listRows)
        var headings = 0
        while list.selection - headings - 1 >= 0, agendaLines[list.selection - headings - 1].entry == nil { headings += 1 }
        if list.offset > list.selection - headings { list.offset = max(0, list.selection - headings) }
        lists[.agenda] = list
    }

    /// Moves over entries only: a heading is passed by in the direction of the move.
    mutating func moveAgendaSelection(by delta: Int) {
        let entries = agendaEntryLines
        guard !entries.isEmpty else { return }
        let current = listState(.agenda).selection
        let target = min(max(0, current + delta), agendaLines.count - 1)
        let line = delta >= 0 ? entries.first { $0 >= target } ?? entries.last! : entries.last { $0 <= target } ?? entries.first!
        selectAgendaLine(line)
    }

    mutating func jumpToToday() {
        if case .agendaMonth = screen {
            stack[stack.count - 1] = .agendaMonth(today.startOfMonth)
            refreshAgenda()
            return
        }
        guard let line = agendaTodayLine else {
            message = .info("Niets op de agenda.")
            return
        }
        selectAgendaLine(line)
    }

    mutating func toggleAgendaPast() {
        let selected = agendaLines.indices.contains(listState(.agenda).selection) ? agendaLines[listState(.agenda).selection].entry : nil
        agendaShowsPast.toggle()
        refreshAgenda()
        if let selected, let line = agendaLines.firstIndex(of: .entry(selected)) {
            selectAgendaLine(line)
        } else {
            jumpToToday()
        }
        message = .info(agendaShowsPast ? "Ook het verleden: k en PgUp kijken terug; t gaat naar vandaag." : "Vanaf vandaag (v toont ook het verleden).")
    }

    /// The month of the selected entry (or this month) at a glance.
    mutating func showAgendaMonth() {
        let selection = listState(.agenda).selection
        let entry = agendaLines.indices.contains(selection) ? agendaLines[selection].entry : nil
        let month = entry.map { max($0.start, agendaShowsPast ? $0.start : min(today, $0.end)) }?.startOfMonth ?? today.startOfMonth
        stack.append(.agendaMonth(month))
        refreshAgenda()
    }

    mutating func stepAgendaMonth(forward: Bool) {
        guard case .agendaMonth(let month) = screen else { return }
        let next = forward ? month.startOfNextMonth : month.adding(days: -1).startOfMonth
        guard next.isAccepted else { return }
        stack[stack.count - 1] = .agendaMonth(next)
        refreshAgenda()
    }

    /// Back from the month to the list, at the first entry in (or after) that month.
    mutating func openAgendaMonth() {
        guard case .agendaMonth(let month) = screen else { return }
        stack.removeLast()
        if month < today.startOfMonth && !agendaShowsPast {
            agendaShowsPast = true
            refreshAgenda()
        }
        let line = agendaLines.indices.first { line in
            guard let entry = agendaLines[line].entry, !entry.isOverdue(on: today) else { return false }
            return entry.end >= month
        }
        if let line { selectAgendaLine(line) } else { jumpToToday() }
    }

    /// Enter on an agenda entry: the activity (a follow-up selected in its list) or the relation.
    mutating func openAgendaEntry() {
        let selection = listState(.agenda).selection
        guard agendaLines.indices.contains(selection), let entry = agendaLines[selection].entry else { return }
        let id = entry.subjectID(in: dossier)
        switch entry.kind {
        case .review: stack.append(.relationDetail(DetailState(id: id)))
        case .followUp: openFollowUp(activity: id, index: entry.followUp ?? 0)
        case .visit, .activity: stack.append(.activityDetail(DetailState(id: id)))
        }
    }
}
