import DossierCore

extension AppState {
    /// An action on the current screen (no form, search prompt, help or question open).
    mutating func perform(_ action: Action, key: Key) -> [Effect] {
        if isReadOnly && action.changesDossier {
            // (Why it is read-only was said at the start: an option, a file without write permission, a database role that may only read.)
            message = .error("Alleen-lezen geopend: wijzigen kan hier niet; daarvoor opnieuw starten, zonder --read-only en met schrijfrechten "
                             + "op het dossier (het bestand, of de databaserol). R laadt wel de laatste stand.")
            return []
        }
        switch action {
        case .moveDown: moveSelection(by: 1)
        case .moveUp: moveSelection(by: -1)
        case .pageDown: moveSelection(by: max(1, layout.listRows - 1))
        case .pageUp: moveSelection(by: -max(1, layout.listRows - 1))
        case .moveToTop: moveSelection(by: -Int.max / 2)
        case .moveToBottom: moveSelection(by: Int.max / 2)
        case .open: openSelection()
        case .goBack, .cancelSearch:
            if action == .cancelSearch, search != nil {
                search = nil
                message = .info("Zoekopdracht gewist.")
            } else {
                return goBack(key: key)
            }
        case .quit: return requestQuit()
        case .suspend: return [.suspend]
        case .nextPane: switchPane(forward: true)
        case .previousPane: switchPane(forward: false)
        case .showRelations: show(.relations)
        case .showActivities: show(.activities)
        case .showVisits: show(.visits)
        case .showBudget: show(.budget)
        case .showReminders: show(.reminders)
        case .showAgenda: showAgenda()
        case .showMunicipality: showMunicipality()
        case .jumpToToday: jumpToToday()
        case .togglePast: toggleAgendaPast()
        case .showMonth: showAgendaMonth()
        case .previousMonth: stepAgendaMonth(forward: false)
        case .nextMonth: stepAgendaMonth(forward: true)
        case .showHelp: helpScroll = 0
        case .startSearch: startSearch()
        case .nextMatch, .previousMatch:
            if jumpToMatch(forward: action == .nextMatch, includingCurrent: false), searchHit != nil { sayWhereTheHitIs("n volgende, N vorige") }
        case .cycleStatusFilter, .cycleKindFilter, .cycleYearFilter, .cycleDirectionFilter, .cycleSortOrder, .clearFilters:
            changeFilter(action)
        case .changeRelationStatus: openStatusForm()
        case .logVisit: openVisitForm()
        case .addItem: openAddForm()
        case .editItem: openEditForm()
        case .editPolicy: openPolicyForm()
        case .deleteItem: askToDelete()
        case .moveActivity: openMoveForm()
        case .assessActivity: openAssessmentForm()
        case .toggleFollowUp: return toggleFollowUp()
        case .openLink: return openSelectedLink()
        case .undo: return undo()
        case .redo: return redo()
        case .showHistory: return requestHistory()
        case .reloadDossier: return requestReload()
        case .acceptSearch, .nextField, .previousField, .activateField, .submitForm, .cancelForm, .editText, .editInEditor, .togglePick,
             .confirmPick, .cancelPick, .confirmYes, .confirmNo, .cursorLeft, .cursorRight, .cursorToLineStart, .cursorToLineEnd,
             .cursorWordLeft, .cursorWordRight, .deleteBackward, .deleteForward, .deleteWordBackward, .deleteWordForward,
             .deleteToLineStart, .deleteToLineEnd:
            break
        }
        return []
    }

    // MARK: Moving

    private mutating func moveSelection(by delta: Int) {
        switch screen {
        case .list(.agenda):
            moveAgendaSelection(by: delta)
        case .agendaMonth:
            break
        case .list(let section):
            lists[section, default: ListState()].move(by: delta, count: rows(section).count, visibleRows: layout.listRows)
        case .relationDetail, .activityDetail, .municipality:
            moveInDetail(by: delta)
        case .history(var history):
            history.list.move(by: delta, count: history.entries.count, visibleRows: HistoryLayout(layout: layout).listRows)
            stack[stack.count - 1] = .history(history)
        case .activityList(var list):
            list.list.move(by: delta, count: list.rows.count, visibleRows: ActivityListScreen.visibleRows(in: layout))
            stack[stack.count - 1] = .activityList(list)
        }
    }

    /// The year of a budget line selected on the budget tab.
    var selectedBudget: BudgetOverview? {
        let selection = listState(.budget).selection
        return index.budgets.indices.contains(selection) ? index.budgets[selection] : nil
    }

    /// What the signal selected on the signals tab is about.
    var selectedSignal: Reminder.Subject? {
        let selection = listState(.reminders).selection
        return index.reminders.indices.contains(selection) ? index.reminders[selection].subject : nil
    }

    private mutating func openSelection() {
        switch screen {
        case .list(.relations):
            if let id = selectedID(in: .relations) { stack.append(.relationDetail(DetailState(id: id))) }
        case .list(.budget):
            guard let overview = selectedBudget else { return }
            stack.append(.activityList(ActivityListScreen(query: ActivityQuery(year: overview.year, budgetLine: overview.line))))
            refreshRows()
            message = .info("q of Esc gaat terug naar het budget.")
        case .list(.reminders):
            guard let subject = selectedSignal else { return }
            switch subject {
            case .review(let id): stack.append(.relationDetail(DetailState(id: id)))
            case let .followUp(id, followUpIndex): openFollowUp(activity: id, index: followUpIndex)
            case .outcome(let id):
                stack.append(.activityDetail(DetailState(id: id)))
                switch dossier.activity(id)?.status {
                case .gepland?: message = .info("m zet de activiteit op uitgevoerd of geannuleerd.")
                case .goedgekeurd?: message = .info("m zet de activiteit op uitgevoerd (via gepland), gepland of geannuleerd.")
                default: message = .info("m brengt de activiteit een stap verder of annuleert haar; e geeft haar een nieuwe datum.")
                }
            }
        case .list(.agenda):
            openAgendaEntry()
        case .agendaMonth:
            openAgendaMonth()
        case .list(let section):
            if let id = selectedID(in: section) { stack.append(.activityDetail(DetailState(id: id))) }
        case .relationDetail, .activityDetail, .municipality:
            openInDetail()
        case .activityList(let list):
            if let id = selectedID(in: list) { stack.append(.activityDetail(DetailState(id: id))) }
        case .history(let history):
            guard history.entries.indices.contains(history.list.selection) else { return }
            for id in history.entries[history.list.selection].subjects {
                if id == Organiser.municipalitySlug {
                    showMunicipality()
                    return
                }
                if dossier.relation(id) != nil {
                    stack.append(.relationDetail(DetailState(id: id)))
                    return
                }
                if dossier.activity(id) != nil {
                    stack.append(.activityDetail(DetailState(id: id)))
                    return
                }
            }
            message = .info("Wat deze wijziging betrof bestaat niet meer.")
        }
    }

    /// The municipality's own contacts, the list focused.
    mutating func showMunicipality() {
        stack.append(.municipality(DetailState(id: Organiser.municipalitySlug, pane: .list(.contacts))))
    }

    /// An activity's screen with one of its follow-ups selected in the list below.
    mutating func openFollowUp(activity id: ActivityID, index: Int) {
        var detail = DetailState(id: id, pane: .list(.followUps))
        let order = dossier.activity(id)?.followUps.shownOrder ?? []
        detail.items.select(order.firstIndex(of: index) ?? 0, count: order.count, visibleRows: DetailLayout(layout: layout, itemCount: order.count, on: .activityDetail(detail)).itemRows)
        stack.append(.activityDetail(detail))
    }

    /// q, Esc, h: the screen below on the stack; from another tab the start screen; on the start screen q stops.
    private mutating func goBack(key: Key) -> [Effect] {
        if stack.count > 1 {
            stack.removeLast()
            return []
        }
        if !isOnStartScreen {
            show(.relations)
            message = .info("Terug op het startscherm; q stopt het programma.")
            return []
        }
        // A search held on the start screen goes first, as Esc takes it: q right after n/N meant to leave the search.
        if key == .character("q"), search != nil {
            search = nil
            message = .info("Zoekopdracht gewist; nog eens q stopt het programma.")
            return []
        }
        if key == .character("q") { return requestQuit() }
        message = .info(search == nil ? "Dit is het startscherm: q stopt het programma." : "Dit is het startscherm: q wist de zoekopdracht, nog eens q stopt het programma.")
        return []
    }

    private mutating func switchPane(forward: Bool) {
        switch screen {
        case .list(let section):
            let all = Section.allCases
            let next = all[(section.rawValue + (forward ? 1 : all.count - 1)) % all.count]
            if next == .agenda { showAgenda() } else { show(next) }
        case .relationDetail, .activityDetail, .municipality:
            switchDetailPane(forward: forward)
        case .history, .agendaMonth, .activityList:
            break
        }
    }

    /// The relations tab with nothing opened on it: where q stops the program.
    var isOnStartScreen: Bool { stack == [.list(.relations)] }

    mutating func show(_ section: Section) {
        stack = [.list(section)]
        if search?.section != section { search = nil }
    }

    // MARK: Filters

    private mutating func changeFilter(_ action: Action) {
        if case .activityList(var list) = screen {
            // Its own filters: the activities tab keeps its own.
            let keptID = selectedID(in: list)
            guard let text = Self.changeFilter(action, of: &list.query, clearingTo: list.initialQuery, years: index.years) else { return }
            message = .info(text)
            stack[stack.count - 1] = .activityList(list)
            refreshRows()
            guard case .activityList(var shown) = screen else { return }
            let row = keptID.flatMap { id in dossier.activityPosition(id).flatMap { shown.rows.firstIndex(of: $0) } } ?? 0
            shown.list.select(row, count: shown.rows.count, visibleRows: ActivityListScreen.visibleRows(in: layout))
            stack[stack.count - 1] = .activityList(shown)
            return
        }
        let section = self.section
        switch (section, action) {
        case (.relations, .clearFilters):
            relationQuery = RelationQuery(order: relationQuery.order)
            message = .info("Filters gewist.")
        case (.visits, .clearFilters):
            visitQuery = ActivityQuery(kind: .delegatiebezoek)
            message = .info("Filters gewist.")
        case (.relations, .cycleStatusFilter):
            message = .info("Status: \(Self.cycle(&relationQuery.statuses, through: RelationStatus.allCases))")
        case (.relations, .cycleKindFilter):
            relationQuery.kind = Self.cycle(relationQuery.kind, through: RelationKind.allCases)
            message = .info("Soort: \(relationQuery.kind?.label ?? "alle")")
        case (.relations, .cycleSortOrder):
            let orders = RelationQuery.Order.allCases
            relationQuery.order = orders[(orders.firstIndex(of: relationQuery.order)! + 1) % orders.count]
            message = .info("Gesorteerd op \(relationQuery.order.label)")
        case (.activities, _):
            guard let text = Self.changeFilter(action, of: &activityQuery, clearingTo: ActivityQuery(), years: index.years) else { return }
            message = .info(text)
        case (.visits, .cycleDirectionFilter):
            visitQuery.direction = Self.cycle(visitQuery.direction, through: VisitDirection.allCases)
            message = .info("Richting: \(visitQuery.direction?.label ?? "alle")")
        case (.visits, .cycleYearFilter):
            visitQuery.year = Self.cycle(visitQuery.year, through: index.years)
            message = .info("Jaar: \(visitQuery.year.map(String.init) ?? "alle")")
        default:
            return
        }
        let selectedNow = selectedID(in: section)
        let anchor = filterAnchors[section].flatMap { $0.row == listState(section).selection ? $0.id : nil }
        refreshRows()
        let keptID = [anchor, selectedNow].compactMap { $0 }.first { rowIndex(of: $0, in: section) != nil }
        let row = keptID.flatMap { rowIndex(of: $0, in: section) } ?? 0
        lists[section, default: ListState()].select(row, count: rows(section).count, visibleRows: layout.listRows)
        // The record the filter hid is remembered, with where the selection went instead.
        let hidden = (anchor ?? selectedNow).flatMap { rowIndex(of: $0, in: section) == nil ? $0 : nil }
        filterAnchors[section] = hidden.map { ($0, listState(section).selection) }
    }

    /// An activity list's filter key (status, kind, year, clear) applied to its query; the message to show,
    /// or nil for a key that is no filter there.
    static func changeFilter(_ action: Action, of query: inout ActivityQuery, clearingTo cleared: ActivityQuery, years: [Int]) -> String? {
        switch action {
        case .clearFilters:
            query = cleared
            return "Filters gewist."
        case .cycleStatusFilter:
            return "Status: \(cycle(&query.statuses, through: ActivityStatus.allCases))"
        case .cycleKindFilter:
            query.kind = cycle(query.kind, through: ActivityKind.allCases)
            return "Soort: \(query.kind?.label ?? "alle")"
        case .cycleYearFilter:
            query.year = cycle(query.year, through: years)
            return "Jaar: \(query.year.map(String.init) ?? "alle")"
        default:
            return nil
        }
    }

    /// nil → first → second → … → last → nil.
    static func cycle<T: Equatable>(_ current: T?, through values: [T]) -> T? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }

    /// A filter that may hold several values (the command line's `--status a,b`) cycled as the screen does: one value
    /// at a time, then none. The message's words for it.
    static func cycle<T: Vocabulary>(_ current: inout [T], through values: [T]) -> String {
        let next = cycle(current.count == 1 ? current.first : nil, through: values)
        current = next.map { [$0] } ?? []
        return next?.label ?? "alle"
    }

    // MARK: Detail helpers

    /// The activities shown under a relation, by date.
    func linkedActivities(of relationID: RelationID) -> [Activity] {
        ActivityQuery.sortedChronologically(dossier.activities(of: relationID))
    }

    /// The relation the user is on: the selected one in the list, or the one whose detail is open.
    var currentRelationID: RelationID? {
        switch screen {
        case .list(.relations): selectedID(in: .relations)
        case .relationDetail(let detail): detail.id
        case .list(.reminders):
            // A review that is due: its status from the signal itself.
            if case .review(let id)? = selectedSignal { id } else { nil }
        default: nil
        }
    }

    /// The activity the user is on.
    var currentActivityID: ActivityID? {
        switch screen {
        case .list(.activities): selectedID(in: .activities)
        case .list(.visits): selectedID(in: .visits)
        case .activityDetail(let detail): detail.id
        case .relationDetail: selectedItemID(of: .activities)
        case .activityList(let list): selectedID(in: list)
        case .list(.reminders):
            // An activity that is over: its next step from the signal itself.
            if case .outcome(let id)? = selectedSignal { id } else { nil }
        default: nil
        }
    }

    // MARK: Undo

    private mutating func undo() -> [Effect] {
        guard let entry = undoHistory.undoable.last else {
            // A change of an earlier session is undone on the command line, which reads it from the journal.
            message = .info("Er is in deze sessie \(undoHistory.redoable.isEmpty ? "nog niets" : "niets meer") om ongedaan te maken; de laatste wijziging van een eerdere sessie maakt dossier undo ongedaan "
                            + "(in een database: wijzig haar terug; L toont wat er stond).")
            return []
        }
        var restoration = entry.restoration
        restoration.purpose = .undo
        let change = Change.restore(restoration)
        let effective = try? dossier.effective(change)
        // Already as it was before (undone on the command line, or by a colleague, also once merged with what a colleague
        // changed since, such as a backup put back): nothing to save, the step is done with.
        if dossier.alreadyHolds(restoration) || holdsAlready(effective) {
            undoHistory.dropLastUndoable()
            message = .info("Al zoals vóór die stap (elders ongedaan gemaakt of teruggedraaid): \(entry.label); er is niets gewijzigd. Nog eens u gaat een stap verder terug.")
            return []
        }
        if let actor = entry.removedBy {
            undoHistory.dropLastUndoable()
            message = .error("Niet ongedaan gemaakt: \(actor) verwijderde intussen wat deze stap veranderde (\(entry.label)); wat er nu staat, "
                             + "is een ander record of niets. Nog eens u gaat een stap verder terug.")
            return []
        }
        // Said as it will be saved: merged with a colleague's change to other fields since.
        return commit(change, .undo(summary: (effective ?? change).summary(in: dossier)))
    }

    private mutating func redo() -> [Effect] {
        guard let entry = undoHistory.redoable.last else {
            message = .info("Er is niets om opnieuw te doen.")
            return []
        }
        var restoration = entry.restoration
        restoration.purpose = .redo
        let change = Change.restore(restoration)
        let effective = try? dossier.effective(change)
        if holdsAlready(effective) {
            undoHistory.dropLastRedoable()
            message = .info("Al zoals na die stap (elders opnieuw gedaan of zo gezet): \(entry.label); er is niets gewijzigd.")
            return []
        }
        if let actor = entry.removedBy {
            undoHistory.dropLastRedoable()
            message = .error("Niet opnieuw gedaan: \(actor) verwijderde intussen wat deze stap veranderde (\(entry.label)); wat er nu staat, "
                             + "is een ander record of niets.")
            return []
        }
        return commit(change, .redo(summary: (effective ?? change).summary(in: dossier)))
    }

    /// Whether an undo or redo, as it will be applied (`Dossier.effective`: merged with what others changed since), would
    /// change nothing: the records it puts back are as they are now. Such a step is no change to save (the log would show
    /// one that did nothing).
    private func holdsAlready(_ effective: Change?) -> Bool {
        guard case .restore(let merged)? = effective else { return false }
        return dossier.alreadyHolds(merged)
    }

    // MARK: Small changes

    private mutating func toggleFollowUp() -> [Effect] {
        if screen == .list(.reminders) { return tickOffFromSignals() }
        guard case .activityDetail(var detail) = screen, let activity = dossier.activity(detail.id) else { return [] }
        guard let selection = followUpIndex(shownAt: detail.lists[.followUps]?.selection ?? 0, of: activity) else {
            message = .info("Deze activiteit heeft nog geen vervolgacties; + voegt er een toe.")
            return []
        }
        // Not in view as selected (the keys are on the data or another list): with more than one, which is meant is shown first.
        if detail.focusedList != .followUps && activity.followUps.count > 1 {
            focus(.list(.followUps), in: &detail)
            replaceCurrentDetail(detail)
            message = .info("Kies de vervolgactie met ↑↓ en druk dan nog eens spatie of x.")
            return []
        }
        focus(.list(.followUps), in: &detail)
        replaceCurrentDetail(detail)
        let followUp = activity.followUps[selection]
        let success = followUp.isDone ? "Vervolgactie heropend: \(followUp.text)" : "Vervolgactie afgevinkt: \(followUp.text)"
        // By its place: refused when a colleague's change to the activity (a follow-up removed before it) arrives first.
        let effects = commit(.setFollowUpDone(activity.id, index: selection, isDone: !followUp.isDone,
                                         seen: FollowUpPlace(selection, in: activity.followUps)), .direct(success: success),
                             seen: SeenRecords(followUps: [.init(of: activity)]))
        // The follow-up moves (a done one goes below the open ones): the selection goes with it, so that a second Space
        // undoes the first instead of ticking the one that took its row. The save is refused if the follow-ups changed
        // meanwhile, so its number still names it (a colleague's change to another field of the activity stands beside it).
        if pending != nil { selectionAfterCommit = (.followUps, String(selection + 1)) }
        return effects
    }

    /// Space on a follow-up's signal: ticked off where it is seen, by its place (refused when a colleague's change moved it).
    private mutating func tickOffFromSignals() -> [Effect] {
        guard case let .followUp(id, place)? = selectedSignal, let activity = dossier.activity(id), activity.followUps.indices.contains(place) else {
            message = .info("Spatie vinkt een vervolgactie af; Enter opent dit signaal.")
            return []
        }
        return commit(.setFollowUpDone(id, index: place, isDone: true, seen: FollowUpPlace(place, in: activity.followUps)),
                      .direct(success: "Vervolgactie afgevinkt: \(activity.followUps[place].text)"), seen: SeenRecords(followUps: [.init(of: activity)]))
    }

    /// `o` on a link: hand it to the desktop's opener (the runtime says whether there is one).
    private mutating func openSelectedLink() -> [Effect] {
        guard let (_, link) = selectedLink else {
            if currentDetail?.focusedList == .links { noSelection("link") } else { message = .info("Kies eerst een link: Tab naar de lijst Links, dan o.") }
            return []
        }
        return [.openLink(link.target)]
    }

    /// The relation `d` is about: the one on its own screen (not while its activities have the keys), or the one
    /// selected in the relations list.
    private var relationToDelete: Relation? {
        switch screen {
        case .relationDetail(let detail) where detail.focusedList != .activities: dossier.relation(detail.id)
        case .list(.relations): selectedID(in: .relations).flatMap(dossier.relation)
        default: nil
        }
    }

    private mutating func askToDelete() {
        if let (owner, contact) = selectedContact {
            confirmation = Confirmation(question: "Contactpersoon \(contact.name) bij \(dossier.name(of: owner)) verwijderen? (ongedaan maken: u)",
                                        consequence: .commit(.removeContact(owner, contact.id), success: "Contactpersoon verwijderd: \(contact.name)",
                                                             seen: SeenRecords(contacts: [.init(owner: owner, contact: contact)])))
        } else if case .activityDetail(let detail) = screen, detail.focusedList == .followUps {
            guard let (activity, index, followUp) = selectedFollowUp, let place = FollowUpPlace(index, in: activity.followUps) else {
                message = .info("Er is nog geen vervolgactie: + voegt er een toe.")
                return
            }
            confirmation = Confirmation(question: "Vervolgactie '\(followUp.text)' verwijderen? (ongedaan maken: u)",
                                        consequence: .commit(.removeFollowUp(activity.id, place),
                                                             success: "Vervolgactie verwijderd: \(followUp.text)", seen: SeenRecords()))
        } else if let (owner, link) = selectedLink {
            confirmation = Confirmation(question: "Link '\(link.label)' verwijderen? (ongedaan maken: u)",
                                        consequence: .commit(.removeLink(owner, link.id), success: "Link verwijderd: \(link.label)", seen: SeenRecords()))
        } else if let focused = currentDetail?.focusedList, focused == .contacts || focused == .links || focusedListIsEmpty {
            // An empty list has the keys: d is about its rows, never about the relation or activity it belongs to.
            noSelection(focused == .contacts ? "contactpersoon" : focused == .links ? "link" : "activiteit")
        } else if let relation = relationToDelete {
            let linked = linkedActivities(of: relation.id).count
            guard linked == 0 else {
                message = .error("\(relation.name) heeft \(count(linked, "activiteit", "activiteiten")) en kan niet weg; ontkoppel die eerst, of zet de relatie met s op Beëindigd.")
                return
            }
            confirmation = Confirmation(question: "Relatie '\(relation.name)'\(relation.goingWithIt) verwijderen? (ongedaan maken: u)",
                                        consequence: .commit(.deleteRelation(relation.id), success: "Relatie verwijderd: \(relation.name)\(relation.goingWithIt)",
                                                             seen: SeenRecords(relations: [relation])))
        } else if let id = currentActivityID, let activity = dossier.activity(id) {
            confirmation = Confirmation(question: "Activiteit '\(activity.title)' verwijderen? (ongedaan maken: u)",
                                        consequence: .commit(.deleteActivity(id), success: "Activiteit verwijderd: \(activity.title)",
                                                             seen: SeenRecords(activities: [activity])))
        }
    }
}
