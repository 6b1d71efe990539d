import DossierCore

/// Draws a whole frame from the state. Pure: the same state always gives the same canvas.
public enum Renderer {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        let layout = state.layout
        if layout.isTooSmall {
            TooSmallView.draw(state, in: &canvas)
            return canvas
        }
        HeaderView.draw(state, in: &canvas)
        if state.helpScroll != nil {
            HelpView.draw(state, in: &canvas)
        } else {
            switch state.screen {
            case .list(.relations): RelationListView.draw(state, in: &canvas)
            case .list(.activities): ActivityListView.draw(state, section: .activities, in: &canvas)
            case .list(.visits): ActivityListView.draw(state, section: .visits, in: &canvas)
            case .list(.budget): BudgetView.draw(state, in: &canvas)
            case .list(.reminders): ReminderListView.draw(state, in: &canvas)
            case .relationDetail(let detail), .activityDetail(let detail), .municipality(let detail): DetailFrame.draw(state, detail: detail, in: &canvas)
            case .history(let history): HistoryView.draw(state, history: history, in: &canvas)
            case .list(.agenda): AgendaListView.draw(state, in: &canvas)
            case .agendaMonth(let month): AgendaMonthView.draw(state, month: month, in: &canvas)
            case .activityList(let list): ActivityListView.draw(state, screen: list, in: &canvas)
            }
        }
        MessageLineView.draw(state, in: &canvas)
        StatusBarView.draw(state, in: &canvas)
        // Help asked for from a form (F1) covers it; the form waits underneath.
        if let form = state.form, state.helpScroll == nil {
            FormView.draw(form, state: state, in: &canvas)
            if let picker = form.picker { PickerView.draw(picker, state: state, in: &canvas) }
        }
        if let confirmation = state.confirmation { ConfirmationView.draw(confirmation, state: state, in: &canvas) }
        return canvas
    }
}

/// Below the minimum size: a clear notice instead of a broken screen.
enum TooSmallView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        // A question asked here (q with unsaved input) is shown here too, with its answers.
        let title = "Venster te klein", size = "minimaal \(Layout.minimumWidth)×\(Layout.minimumHeight), nu \(state.width)×\(state.height)"
        let ask = state.confirmation.map { [$0.question, "J ja · n nee"] } ?? ["maak het venster groter, of q om te stoppen"]
        // The fullest notice that fits whole: the sizes go first, then the title, so that how to go on is never cut off. A
        // question is never shortened: its answers alone would not say what J does.
        let width = max(1, state.width)
        let shorter = state.confirmation == nil ? [[title, "q stopt"], ["q stopt"]] : []
        let notices = ([[title, size] + ask, [title] + ask, ask] + shorter).map { texts in
            texts.flatMap { text in DisplayWidth.wrap(text, to: width).map { (line: $0, isTitle: text == title) } }
        }
        let lines = notices.first { $0.count <= state.height } ?? notices[notices.count - 1]
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let lineWidth = DisplayWidth.of(line.line)
            canvas.draw(line.line, x: max(0, (state.width - lineWidth) / 2), y: top + offset, style: line.isTitle ? state.theme.error : .plain)
        }
    }
}

/// Row 0: the tabs with their counts, the active filters and the dossier's state.
enum HeaderView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        /// Full titles with counts; short titles with counts; short titles with only the signals' count; the tab shown by its
        /// short title and count and the others by their numbers (the signals with their count), when a narrow window must
        /// still say that a filter hides rows.
        enum Form: CaseIterable { case full, short, compact, numbers }
        func label(_ section: Section, _ form: Form) -> String {
            if form == .numbers && section != state.section {
                return section == .reminders ? " \(section.rawValue + 1) (\(state.tabCountText(section))) " : " \(section.rawValue + 1) "
            }
            let title = form == .full ? section.title : section.shortTitle
            let counted = section == .reminders || form != .compact && section != .budget && section != .agenda
            return counted ? " \(section.rawValue + 1) \(title) (\(state.tabCountText(section))) " : " \(section.rawValue + 1) \(title) "
        }
        // A warning takes the place of the filter summary: it must not be cut off.
        var warnings: [String] = []
        if state.isReadOnly { warnings.append("[alleen-lezen]") }
        if state.hasOutsideChange { warnings.append("[elders gewijzigd: \(state.reloadKey) laadt opnieuw]") }
        if state.isStoreUnreachable { warnings.append("[niet te lezen: mogelijk verouderd]") }
        let isWarning = !warnings.isEmpty
        // While the whole dossier is still being read, that is said where the filters go (there are none yet).
        let summaries = isWarning ? [warnings.joined(separator: " ")] : state.preview != nil ? ["dossier laden …"] : filterSummary(state)
        // The fullest tabs that leave room for a warning (or 10 columns of summary when a filter is set; on the budget
        // the yearly amounts, which a narrow budget table leaves out). Without anything to summarise, the counts keep
        // the room: at 80 columns they fit up to 99 activities.
        // The status word while loading is said whole, as a warning is: the user must see the screen is not complete yet.
        let needed = isWarning || state.preview != nil ? DisplayWidth.of(summaries.first ?? "") + 2
            : state.section == .budget ? DisplayWidth.of(summaries.last ?? "") + 2 : summaries.isEmpty ? 0 : 10
        // Tabs by their numbers only for what must be seen: a filter that hides rows, or a warning (not a tab's amounts or
        // period, which a narrow window leaves out).
        let mustShow = isWarning || [.relations, .activities, .visits].contains(state.section) && !summaries.isEmpty
        let form = Form.allCases.filter { $0 != .numbers || mustShow }.first { form in
            Section.allCases.reduce(0) { $0 + DisplayWidth.of(label($1, form)) } + needed <= state.width
        } ?? .compact
        var x = 0
        for section in Section.allCases {
            var style = section == state.section ? theme.tabActive : theme.tabInactive
            if section == .reminders && state.tabCount(.reminders) > 0 && section != state.section { style = theme.error }
            x += canvas.draw(label(section, form), x: x, y: 0, style: style)
        }
        // The fullest summary that fits whole; the title bar never cuts its own text.
        // (A tab's label ends in a space: one more keeps two between it and the summary.)
        let room = state.width - x - 1
        if let right = summaries.first(where: { DisplayWidth.of($0) <= room }), !right.isEmpty {
            let width = DisplayWidth.of(right)
            canvas.draw(right, x: state.width - width, y: 0, width: width, style: isWarning ? theme.error : theme.muted, alignRight: true)
        }
    }

    /// What the tab shows beyond its rows (the filters that are set, the budget per year, how far the signals
    /// look), fullest first: the header takes the first that fits whole.
    static func filterSummary(_ state: AppState) -> [String] {
        /// "status: Laag pitje · sortering: op datum", then "Laag pitje · op datum", then without the order "Laag pitje",
        /// then "gefilterd" (it fits in the 10 columns the tabs leave): only what is set.
        func filters(_ parts: [(name: String, value: String)?], order: String? = nil) -> [String] {
            let set = parts.compactMap { $0 } + (order.map { [("sortering", $0)] } ?? [])
            guard !set.isEmpty else { return [] }
            let filtered = parts.compactMap { $0 }.map(\.value).joined(separator: " · ")
            return [set.map { "\($0.name): \($0.value)" }.joined(separator: " · "), set.map(\.value).joined(separator: " · ")]
                + (order != nil && !filtered.isEmpty ? [filtered] : []) + ["gefilterd"]
        }
        switch state.section {
        case .relations:
            let query = state.relationQuery
            return filters([query.statuses.labelsAsAlternatives.map { ("status", $0) }, query.kind.map { ("soort", $0.label) }],
                           order: query.order == .name ? nil : "op \(query.order.label)")
        case .activities:
            let query = state.activityQuery
            return filters([query.statuses.labelsAsAlternatives.map { ("status", $0) }, query.kind.map { ("soort", $0.label) }, query.year.map { ("jaar", String($0)) }])
        case .visits:
            let query = state.visitQuery
            return filters([query.direction.map { ("richting", $0.label) }, query.year.map { ("jaar", String($0)) }])
        case .budget:
            // The yearly amounts; in a year the council set another amount for (`e`), or one outside a line's years, this
            // year's, with "—" for a line that has none then (never € 0).
            let lines = state.dossier.budgetLines, year = state.today.year
            let thisYear = lines.contains { $0.amountsByYear[year] != nil || !$0.applies(to: year) }
            let amounts: [Money?] = lines.map { thisYear ? ($0.applies(to: year) ? $0.amount(in: year) : nil) : $0.yearlyAmount }
            let period = thisYear ? " in \(year)" : " per jaar"
            func said(_ write: (Money) -> String) -> String { amounts.map { $0.map(write) ?? "—" }.joined(separator: " + ") }
            return [zip(lines, amounts).map { "\($0.name): \($1?.formatted ?? "geen bedrag")" }.joined(separator: " · ") + (thisYear ? " in \(year)" : ""),
                    said(\.formatted) + period, said(\.wholeFormatted) + period, said(\.wholeFormatted)]
        case .reminders:
            let days = count(state.index.lookAheadDays, "dag", "dagen")
            return ["tot \(days) vooruit, en alles wat verlopen is", "\(days) vooruit en verlopen", "\(days) vooruit"]
        case .agenda:
            return state.agendaShowsPast ? ["met het verleden", "verleden"]
                : ["vanaf vandaag, \(state.dates.date(state.today))", "vanaf \(state.dates.date(state.today))", "vanaf vandaag"]
        }
    }
}

/// The line above the status bar: the search being typed, or the last message.
enum MessageLineView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let y = state.layout.messageRow
        let theme = state.theme
        if let search = state.search, search.isEditing {
            let prefix = "Zoek: "
            canvas.draw(prefix, x: 0, y: y, style: theme.label)
            let room = state.width - DisplayWidth.of(prefix) - 1
            // The search looks in the rows the filters leave: when they hide some, no hit says so.
            let filtered = switch state.section {
            case .relations: !state.relationQuery.statuses.isEmpty || state.relationQuery.kind != nil
            case .activities: !state.activityQuery.statuses.isEmpty || state.activityQuery.kind != nil || state.activityQuery.year != nil
            case .visits: state.visitQuery.direction != nil || state.visitQuery.year != nil
            default: false
            }
            let none = filtered ? "  geen treffers met deze filters (c wist ze)" : "  geen treffers"
            let (visible, cursor) = search.input.window(width: room - DisplayWidth.of(none) - 1)
            canvas.draw(visible, x: DisplayWidth.of(prefix), y: y)
            let after = DisplayWidth.of(prefix) + DisplayWidth.of(visible) + 1
            if !search.foldedQuery.isEmpty && !search.hasMatch {
                canvas.draw(none, x: after, y: y, width: max(0, state.width - after), style: theme.error)
            } else if let hit = state.searchHit {
                // A hit outside the name: which field, and its text.
                canvas.draw("  " + hit, x: after, y: y, width: max(0, state.width - after), style: theme.muted)
            }
            if state.form == nil && state.confirmation == nil { canvas.cursor = (DisplayWidth.of(prefix) + cursor, y) }
            return
        }
        if let message = state.message {
            // A message longer than the line (a refused undo, a conflict with its reason) is shown whole: it rises
            // over the bottom of the screen, at most a third of it, until the next key clears it. An open form shows
            // its own messages whole at the field, so there the line keeps to one row.
            let lines = state.form == nil && state.confirmation == nil ? DisplayWidth.wrap(message.text, to: max(1, state.width)) : []
            let shown = lines.count <= 1 ? [message.text] : Array(lines.prefix(max(1, state.layout.bodyHeight / 3)))
            let style = message.isError ? theme.error : theme.message
            for (offset, line) in shown.enumerated() {
                let row = y - (shown.count - 1) + offset
                canvas.draw(line, x: 0, y: row, width: state.width, style: style)
            }
        } else if let search = state.search, search.section == state.section, case .list = state.screen {
            canvas.draw("Zoekopdracht: \(search.input.text) — n volgende, N vorige, Esc wist", x: 0, y: y, width: state.width, style: theme.muted)
        }
    }
}

/// The bottom row: the keys that work here, from the key map. The help key is always shown, at the right.
enum StatusBarView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let y = state.layout.statusBarRow
        let theme = state.theme
        canvas.fill(x: 0, y: y, width: state.width, height: 1, style: theme.statusBar)
        let helpHint = state.keyGroups.contains(.global) ? " ? alle toetsen " : ""
        let limit = state.width - DisplayWidth.of(helpHint)
        var x = 0
        for (keys, hint) in hints(for: state) {
            let keyText = " \(keys) ", hintText = "\(hint) "
            if x + DisplayWidth.of(keyText) + DisplayWidth.of(hintText) > limit { break }
            x += canvas.draw(keyText, x: x, y: y, style: theme.keyHint)
            x += canvas.draw(hintText, x: x, y: y, style: theme.statusBar)
        }
        if !helpHint.isEmpty { canvas.draw(helpHint, x: limit, y: y, style: theme.keyHint) }
    }

    /// The hints of the current context, most important first, so a narrow window drops the least needed:
    /// the screen's own actions, then opening, searching, going back and undo, then filters, then j/k.
    static func hints(for state: AppState) -> [(keys: String, hint: String)] {
        let groups = state.keyGroups
        if state.search?.isEditing == true { return [("Enter", "vasthouden"), ("Esc", "afbreken")] }
        let filters: Set<Action> = [.cycleStatusFilter, .cycleKindFilter, .cycleYearFilter, .cycleDirectionFilter, .cycleSortOrder, .clearFilters]
        var actions: [(String, String)] = [], common: [(String, String)] = [], filtering: [(String, String)] = []
        var seen = Set<Action>()
        var boundKeys = Set<Key>()
        for group in groups {
            for binding in state.keyMap.bindings(in: group) {
                // A key an earlier group binds does something else here: its hint would mislead.
                defer { boundKeys.formUnion(binding.keys) }
                // On a detail screen Enter opens only an activity of its list, or the list shown: elsewhere there it does nothing.
                if binding.action == .open, state.currentDetail != nil, !state.detailOpensSomething { continue }
                // In an empty list there is no row to edit, delete or open: only + (add) is offered.
                if [.editItem, .deleteItem, .openLink].contains(binding.action), state.focusedListIsEmpty { continue }
                // A picker of one choice ticks nothing: Enter chooses.
                let choosesOne = group == .picker && state.form?.picker?.allowsMultiple == false
                if choosesOne && binding.action == .togglePick { continue }
                // No signals left (the last ticked off): no signal to open, step, weigh or tick.
                if group == .reminderList, state.rows(.reminders).isEmpty { continue }
                guard let hint = binding.hint, binding.action != .showHelp, let first = binding.keys.first, !boundKeys.contains(first),
                      !(state.isReadOnly && binding.action.changesDossier), seen.insert(binding.action).inserted else { continue }
                let keys = binding.shortKeyLabel
                // On the start screen q leaves the program, or first a search held there (in the help, q and Esc close the help).
                let text = binding.action == .goBack && group == .global && state.isOnStartScreen
                    ? (state.search == nil ? "stoppen" : "zoekopdracht wissen")
                    : binding.action == .toggleFollowUp && group == .activityDetail && state.selectedFollowUpIsDone ? "heropenen"
                    : binding.action == .confirmPick && choosesOne ? "kiest" : hint
                if filters.contains(binding.action) {
                    filtering.append((keys, text))
                } else if text == "stoppen" {
                    // How to leave the program is the one hint a newcomer must find, also at 80 columns.
                    common.insert((keys, text), at: 0)
                } else if [KeyGroup.navigation, .search, .global].contains(group) {
                    common.append((keys, text))
                } else {
                    actions.append((keys, text))
                }
            }
        }
        var hints = actions + common + filtering
        if groups.contains(.navigation) { hints.append(("j/k", "bewegen")) }
        if groups.contains(.picker) { hints.insert(("↑/↓", "bewegen"), at: 0) }
        return hints
    }
}
