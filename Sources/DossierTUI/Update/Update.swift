import DossierCore

extension AppState {
    /// Handles one message and returns the effects for the runtime. Pure: the same state and message
    /// always give the same result.
    public mutating func update(_ message: Message) -> [Effect] {
        switch message {
        case let .resize(width, height):
            // The help's lines wrap anew: it keeps its place as a share of the way down (at the end stays at the end), from the
            // first line of the entry there (not halfway through one, without its keys).
            let helpShare = helpScroll.map { Double($0) / Double(max(1, helpLastScroll)) }
            self.width = width
            self.height = height
            clampLists()
            if let helpShare {
                var scroll = Int((helpShare * Double(helpLastScroll)).rounded())
                let lines = HelpContent.lines(for: self)
                while scroll > 0, lines.indices.contains(scroll), lines[scroll].continuesAbove { scroll -= 1 }
                helpScroll = scroll
            }
            return []
        case .key(let key):
            if let keys = keysOfAlt(key) { return keys.flatMap { handle($0) } }
            return handle(key)
        case .typed(let text):
            return handleTyped(text)
        case .pasted(let text):
            return handlePasted(text)
        case .suspendRequested:
            return [.suspend]
        case .committed(let restoration):
            return handleCommitted(restoration)
        case .commitFailed(let error):
            handleCommitFailed(error)
            return []
        case let .historyLoaded(subject, entries):
            showHistory(subject: subject, entries: entries)
            return []
        case let .reloaded(dossier, notices):
            // A reload asked for while nothing was found out of line (R after a colleague's change, or for nothing): the files
            // go on from what the screen had, and each step of this session is still undone against what is there now, as
            // after others' changes. Files replaced by something that does not go on from them (`outsideChangeDetected`), or
            // of another line of changes: the steps may not fit, so undo starts over.
            let otherLine = dossier.lineage != nil && self.dossier.lineage != nil && dossier.lineage != self.dossier.lineage
            let continues = !hasOutsideChange && !otherLine
            self.dossier = dossier
            hasOutsideChange = false
            if !continues { undoHistory = UndoHistory() }
            refreshAfterChange()
            let said = continues ? "Opnieuw geladen." : "Opnieuw geladen: het dossier is buiten dit programma vervangen; ongedaan maken begint opnieuw."
            self.message = .info(([said] + notices).joined(separator: " "))
            return []
        case .readFailed(let error):
            self.message = .error(error.description)
            return []
        case .othersChanged(let changes):
            takeOthersChanges(changes)
            return []
        case .storeUnreachable(let error):
            isStoreUnreachable = true
            self.message = .error("Het dossier is nu niet te lezen (\(error.description)); het scherm blijft staan en het wordt steeds opnieuw geprobeerd.")
            return []
        case .storeReachable:
            isStoreUnreachable = false
            self.message = .info("Het dossier is weer te lezen.")
            return []
        case .outsideChangeDetected:
            hasOutsideChange = true
            self.message = .error("Het dossier is elders gewijzigd: \(reloadKey) laadt opnieuw (een open formulier blijft staan).")
            return []
        case let .externalEditFinished(fieldID, outcome):
            takeExternalEdit(fieldID: fieldID, outcome)
            return []
        case .resumed(let outcome):
            if case .failed(let reason) = outcome { self.message = .error(reason) }
            return []
        case .linkOpened(let outcome):
            switch outcome {
            case .done(let text): self.message = .info(text)
            case .failed(let reason): self.message = .error(reason)
            }
            return []
        case let .searchKeysMade(keys, madeAt):
            if madeAt == revision && index.searchKeys == nil { index.searchKeys = keys }
            return []
        case .compactionFailed(let error):
            self.message = .error("Samenvoegen mislukt; alle wijzigingen staan veilig in het journaal. \(error.description)")
            return []
        }
    }

    /// What an Alt key stands for where it is not bound as it came (the terminal sends Esc and the letter together): Alt
    /// with a capital is Alt with the small letter where that is bound (Alt-Shift-B as Alt-B); otherwise, outside a text
    /// field, Esc and the letter typed quickly after each other are those two keys ("Esc q" closes the help and quits;
    /// "Esc G" goes to the end). Nil: the key as it is.
    func keysOfAlt(_ key: Key) -> [Key]? {
        guard case .alt(let letter) = key, letter != "\u{7F}", keyMap.action(for: key, in: keyGroups) == nil else { return nil }
        let small = Key.alt(Character(letter.lowercased()))
        if small != key, keyMap.action(for: small, in: keyGroups) != nil { return [small] }
        return keyGroups.contains(.textEditing) ? nil : [.escape, .character(letter)]
    }

    /// Whether handling `message` needs the search keys, which are not there yet: the runtime then waits for
    /// the ones it is making (otherwise `startSearch` makes them itself).
    public func needsSearchKeys(for message: Message) -> Bool {
        guard index.searchKeys == nil, case .key(let key) = message, form == nil, confirmation == nil, helpScroll == nil else { return false }
        return keyMap.action(for: key, in: keyGroups) == .startSearch
    }

    /// The key groups that apply now, in order: the first group that binds a key decides.
    public var keyGroups: [KeyGroup] {
        // A question stays answerable on a screen too small for anything else (it says it there).
        if confirmation != nil { return [.confirmation] }
        if layout.isTooSmall { return [.global] }
        if helpScroll != nil { return [.help] }
        if let form {
            return form.picker != nil ? [.picker, .textEditing] : [.form, .textEditing]
        }
        if search?.isEditing == true { return [.search, .textEditing] }
        switch screen {
        case .list(.relations): return [.relationList, .navigation, .search, .global]
        case .list(.activities): return [.activityList, .navigation, .search, .global]
        case .list(.visits): return [.visitList, .navigation, .search, .global]
        case .list(.budget): return [.budgetList, .navigation, .global]
        case .list(.reminders): return [.reminderList, .navigation, .global]
        case .relationDetail(let detail): return Self.listGroups(detail) + [.relationDetail, .navigation, .global]
        case .activityDetail(let detail): return Self.listGroups(detail) + [.activityDetail, .navigation, .global]
        case .municipality(let detail): return Self.listGroups(detail) + [.navigation, .global]
        case .history: return [.changeLog, .navigation, .global]
        case .list(.agenda): return [.agendaList, .navigation, .global]
        case .agendaMonth: return [.agendaMonth, .global]
        case .activityList: return [.activityList, .navigation, .global]
        }
    }

    /// The keys of the list that has the focus on a detail screen come first.
    static func listGroups(_ detail: DetailState) -> [KeyGroup] {
        switch detail.focusedList {
        case .contacts?: [.contactList]
        case .links?: [.linkList]
        default: []
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        message = nil
        let action = keyMap.action(for: key, in: keyGroups)
        if key == .control("c") {
            // Ctrl-C stops from everywhere, as the keys promise: over a question, the help and a picker too, asking first
            // when a form holds input. The question whether to stop stays up.
            if let current = confirmation, case .quit = current.consequence { return [] }
            confirmation = nil
            helpScroll = nil
            return requestQuit()
        }
        if confirmation != nil { return handleConfirmation(action) }
        if layout.isTooSmall {
            // Only leaving works on a screen too small to show anything.
            if key == .character("q") { return requestQuit() }
            return []
        }
        if helpScroll != nil {
            handleHelp(action)
            return []
        }
        if form != nil {
            // Reloading works with a form open: the form keeps its input.
            // (On Opslaan a letter goes on in the text field above it: there R is typed too.)
            if key == .character("R") && form?.focusedField?.isText == false && form?.picker == nil,
               !(form?.focusedField?.value == .buttons && form?.hasTextAboveButtons == true) { return requestReload() }
            // F1 is help everywhere, as the keys say; `?` is a character a form may need. The form waits underneath.
            if key == .function(1) {
                helpScroll = 0
                return []
            }
            return handleFormKey(key, action: action)
        }
        if search?.isEditing == true {
            handleSearchKey(key, action: action)
            return []
        }
        guard let action else {
            // `/` where there is nothing to search in is said, not silently ignored.
            if key == .character("/") { message = .info("Zoeken met / kan in de lijsten van relaties, activiteiten en bezoeken (1, 2, 3).") }
            return []
        }
        return perform(action, key: key)
    }

    // MARK: Commits

    /// Hands a change to the store, remembering why; refused at once when the dossier is read-only.
    mutating func commit(_ change: Change, _ purpose: PendingCommit, seen: SeenRecords = SeenRecords()) -> [Effect] {
        if isReadOnly {
            let text = "Alleen-lezen geopend: wijzigen kan hier niet; er is niets gewijzigd."
            if form != nil { form?.generalError = text }
            message = .error(text)
            return []
        }
        pending = purpose
        pendingChange = change
        unknownOutcome = nil
        pendingAddition = LikelyDouble.isAddition(change) ? change : nil
        pendingWarning = PastDueDate.notice(for: change, in: dossier, today: today, dates: dates)
        selectionAfterCommit = nil
        rememberSelection()
        // Colleagues' changes the save takes in first move the rows of a detail screen's lists too.
        rememberDetailSelection()
        // What is added becomes the selected row of its lists.
        switch change {
        case .addActivity(let activity):
            selectionBeforeChange[.activities] = activity.id
            if activity.isVisit { selectionBeforeChange[.visits] = activity.id }
            // Added from a list opened from the budget: selected there too, when it is one of its rows.
            if case .activityList = screen { stackSelectionBeforeChange[stack.count - 1] = activity.id }
        case .addRelation(let relation):
            selectionBeforeChange[.relations] = relation.id
        default:
            break
        }
        return [.commit(change, seen: seen)]
    }

    private mutating func handleCommitted(_ restoration: Restoration) -> [Effect] {
        let purpose = pending
        pending = nil
        switch purpose {
        case .form(let success)?:
            form = nil
            undoHistory.recordChange(restoration)
            let double = pendingAddition.flatMap { LikelyDouble.notice(after: $0, in: dossier, dates: dates) }
            let warnings = [double, pendingWarning, outsideShownList(restoration)].compactMap { $0 }
            // A double is taken back as any step: said, as the new one is what is selected now, not the one it doubles.
            let warning = warnings.isEmpty ? "" : (success.hasSuffix(".") ? " " : ". ") + "Let op: \(warnings.joined(separator: "; "))."
                + (double == nil ? "" : " Ongedaan maken: u.")
            message = .info(success + warning)
        case .direct(let success)?:
            undoHistory.recordChange(restoration)
            message = .info(success)
        case .undo(let summary)?:
            undoHistory.recordUndo(inverse: restoration)
            message = .info("\(summary). Ctrl-R doet het opnieuw.")
        case .redo(let summary)?:
            undoHistory.recordRedo(inverse: restoration)
            message = .info(summary)
        case nil:
            undoHistory.recordChange(restoration)
        }
        refreshAfterChange(restoration)
        // After the rows are where they went (also others' changes the save took in first): what the save added or
        // ticked off becomes the selected row.
        if let (kind, itemID) = selectionAfterCommit ?? pendingAddition.flatMap(addedItem(by:)) { selectItem(itemID, in: kind) }
        selectionAfterCommit = nil
        return []
    }

    /// An activity added from a list opened from the budget that is not one of its rows (no date in its year): said, or
    /// it would seem to have gone nowhere.
    private func outsideShownList(_ restoration: Restoration) -> String? {
        // What undoing an addition does: remove what was not there.
        guard case .activityList(let list) = screen, restoration.activities.count == 1, let added = restoration.activities.first,
              added.value == nil, let activity = dossier.activity(added.id), !list.query.matches(activity) else { return nil }
        let reason = list.query.year.flatMap { year in activity.year == year ? nil : activity.year.map { "datum in \($0)" } ?? "geen datum" }
        return "ze staat niet in deze lijst" + (reason.map { " (\($0))" } ?? "") + ", wel bij 2 Activiteiten"
    }

    private mutating func handleCommitFailed(_ error: StoreError) {
        let purpose = pending
        pending = nil
        selectionBeforeChange = [:]
        detailSelectionBeforeChange = [:]
        selectionAfterCommit = nil
        if case .form? = purpose, form != nil {
            // Refused over a colleague's change: the form takes the record as it is now, keeping the input.
            let overtaken = if case .refused(let refusal) = error, [.conflict, .illegalTransition].contains(refusal.kind) { true } else { false }
            let rebased = overtaken && rebaseForm()
            // A colleague took a step: the move or status form was opened for another.
            let stepTaken = if overtaken, case .refused(let refusal) = error, refusal.field == "status" { true } else { false }
            func said(_ refusal: String) -> String {
                let stop = refusal + (refusal.hasSuffix(".") ? "" : ".")
                if rebased {
                    // The form took the new state: what to do is said here, not "wijzig opnieuw" as on the command line.
                    let told = refusal.hasSuffix(ChangeError.lookAgain) ? String(refusal.dropLast(ChangeError.lookAgain.count)) + "." : stop
                    return told + " De andere velden tonen nu hoe het nu is; uw eigen invoer staat er nog. Ctrl-S slaat die alsnog op, Esc laat hem weg."
                }
                // The form cannot offer what it was opened for any more (a colleague took the step): saying so beats refusing again.
                if stepTaken { return stop + " Dit formulier kan dat niet meer opslaan: Esc sluit het; open het opnieuw om van de stand van nu uit te gaan." }
                // A colleague added one by the same name just before: the next Ctrl-S gives this one an id of its own.
                if case .refused(let refusal) = error, refusal.field == "id", overtaken {
                    return stop + " Een collega legde er net een met die naam vast; nogmaals Ctrl-S slaat deze op met een eigen id, Esc laat haar weg."
                }
                return refusal
            }
            if case .refused(let refusal) = error, let field = refusal.field,
               let formField = FormFieldMapping.candidates(for: field).compactMap({ form?[$0] }).first(where: \.isVisible) {
                form?.show([formField.id: said(refusal.message)])
            } else {
                form?.errors = [:]
                form?.generalError = said(error.description)
            }
            // The full message is in the form; the line below stays short enough to read.
            message = .error(rebased ? "Niet opgeslagen: intussen gewijzigd; zie het formulier, uw invoer staat er nog."
                                     : "Niet opgeslagen; de melding staat in het formulier, uw invoer staat er nog.")
        } else if case .undo? = purpose, case .refused(let refusal) = error, refusal.kind == .conflict {
            // Refused for good (what it would put back was changed since): the steps before it stay within reach.
            undoHistory.dropLastUndoable()
            let next = undoHistory.undoable.isEmpty ? "er is in deze sessie verder niets om ongedaan te maken" : "de toets u gaat nu verder met de stap ervoor"
            message = .error("Niet ongedaan gemaakt: \(refusal.message). Deze stap blijft staan; \(next).")
        } else if case .redo? = purpose, case .refused(let refusal) = error, refusal.kind == .conflict {
            // The same for a step undone: refused for good, and the steps after it stay within reach of Ctrl-R.
            undoHistory.dropLastRedoable()
            let next = undoHistory.redoable.isEmpty ? "er is in deze sessie verder niets om opnieuw te doen" : "Ctrl-R gaat nu verder met de stap erna"
            message = .error("Niet opnieuw gedaan: \(refusal.message). Deze stap blijft ongedaan; \(next).")
        } else {
            message = .error("Niet opgeslagen: \(error.description)")
        }
        if case .outcomeUnknown = error {
            if let purpose, let change = pendingChange { unknownOutcome = (change, purpose, form?.purpose, false) }
            // Not "niet opgeslagen": it may well be in, and saving again would put it in twice.
            message = .error("Misschien opgeslagen: de verbinding brak af. Kijk in het logboek (L) of de wijziging er staat, vóór nog een Ctrl-S.")
        }
        if case .changedOnDisk = error {
            hasOutsideChange = true
            message = .error(form == nil ? "Niet opgeslagen: het dossier is elders gewijzigd. R laadt opnieuw."
                : "Niet opgeslagen: het dossier is elders gewijzigd. F5 laadt opnieuw; het formulier blijft staan, daarna Ctrl-S.")
        }
    }

    // MARK: Reading

    /// The key that reloads here: `R`, but in a form, where `R` is a letter, `F5`.
    var reloadKey: String { form == nil ? "R" : "F5" }

    mutating func requestReload() -> [Effect] {
        rememberSelection()
        rememberDetailSelection()
        return [.reload]
    }

    mutating func requestHistory() -> [Effect] {
        switch screen {
        case .relationDetail(let detail): return [.loadHistory(subject: detail.id)]
        case .activityDetail(let detail): return [.loadHistory(subject: detail.id)]
        case .municipality: return [.loadHistory(subject: Organiser.municipalitySlug)]
        default: return [.loadHistory(subject: nil)]
        }
    }

    private mutating func showHistory(subject: String?, entries: [JournalEntry]) {
        let selected = subject.map { id in entries.filter { $0.subjects.contains(id) } } ?? entries
        let name = subject.flatMap { subject in
            subject == Organiser.municipalitySlug ? dossier.name(of: ContactOwner.municipality) : dossier.relation(subject)?.name ?? dossier.activity(subject)?.title
        }
        let title = name.map { "Wijzigingen van \($0)" } ?? "Alle wijzigingen in het dossier"
        stack.append(.history(HistoryState(subject: subject, title: title, entries: selected.reversed())))
        if selected.isEmpty {
            message = .info("Nog geen wijzigingen in het logboek\(name.map { " van \($0)" } ?? "") (het logboek begint bij de eerste wijziging met dit programma).")
        }
    }

    // MARK: Leaving

    mutating func requestQuit() -> [Effect] {
        // Relations or countries ticked in an open picker are input too.
        let hasTicked = form?.picker.map { picker in picker.chosen != (form?[picker.fieldID]?.relationIDs ?? []) } ?? false
        if form?.isDirty == true || hasTicked {
            confirmation = Confirmation(question: "Het formulier is nog niet opgeslagen. Toch stoppen en de invoer weggooien?", consequence: .quit)
            return []
        }
        hasQuit = true
        return [.quit]
    }

    // MARK: Confirmation and help

    private mutating func handleConfirmation(_ action: Action?) -> [Effect] {
        guard let current = confirmation else { return [] }
        var answer = action
        switch action {
        case .nextField?:
            confirmation?.isYesChosen.toggle()
            return []
        case .activateField?:
            answer = current.isYesChosen ? .confirmYes : .confirmNo
        default:
            break
        }
        switch answer {
        case .confirmYes?:
            confirmation = nil
            switch current.consequence {
            case .commit(let change, let success, let seen):
                return commit(change, .direct(success: success), seen: seen)
            case .quit:
                hasQuit = true
                return [.quit]
            case .discardForm:
                form = nil
                // The form a save of unknown outcome came from, let go: its change, when it comes in, is a change like any other.
                unknownOutcome = nil
                message = .info("Formulier gesloten zonder opslaan.")
                return []
            }
        case .confirmNo?:
            confirmation = nil
            return []
        default:
            return []
        }
    }

    private mutating func handleHelp(_ action: Action?) {
        guard var scroll = helpScroll else { return }
        let page = max(1, layout.bodyHeight - 1)
        switch action {
        case .moveDown?: scroll += 1
        case .moveUp?: scroll -= 1
        case .pageDown?: scroll += page
        case .pageUp?: scroll -= page
        case .moveToTop?: scroll = 0
        case .moveToBottom?: scroll = Int.max / 2
        case .goBack?:
            helpScroll = nil
            return
        default: break
        }
        helpScroll = max(0, min(scroll, helpLastScroll))
    }

    /// The help's first line when its last is at the bottom.
    private var helpLastScroll: Int {
        max(0, HelpContent.lines(for: self).count - max(1, layout.bodyHeight - 1))
    }
}

/// Where the store's field names (JSON keys) land in the forms.
enum FormFieldMapping {
    /// The form fields a store field may be shown under, most specific first.
    static func candidates(for storeField: String) -> [String] {
        switch storeField {
        case "estimatedCostCents": ["estimatedCost", "cost"]
        case "actualCostCents": ["actualCost", "cost"]
        case "delegationFrom", "size", "direction": [storeField]
        default: [storeField]
        }
    }
}
