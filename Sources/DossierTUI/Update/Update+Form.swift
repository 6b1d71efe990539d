import DossierCore

/// A form's values turned into a change, or the messages per field that stop it.
enum FormOutcome {
    case change(Change, success: String)
    case problems([String: String])
    /// Nothing to save: the form closes with this message.
    case unchanged(String)
}

extension AppState {
    mutating func handleFormKey(_ key: Key, action: Action?) -> [Effect] {
        guard var current = form else { return [] }
        if current.picker != nil {
            handlePickerKey(key, action: action, form: &current)
            // What was picked (a relation on laag pitje, a country) changes the weighing and what the form asks.
            if current.picker == nil { FormRules.refresh(&current, in: self) }
            form = current
            return []
        }
        guard let field = current.focusedField else { return [] }
        switch action {
        case .nextField?, .previousField?:
            let forward = action == .nextField
            if key != .tab && key != .backTab, case .menu(let options, let selected) = field.value {
                let next = selected + (forward ? 1 : -1)
                if options.indices.contains(next) {
                    current.fields[current.focus].value = .menu(options, selected: next)
                    current.choiceTyped = ""
                    current.errors[field.id] = nil
                    break
                }
            }
            current.moveFocus(by: forward ? 1 : -1)
        case .activateField?:
            switch field.value {
            case .buttons:
                form = current
                return submitForm()
            case .picked(_, let source, let allowsMultiple, _):
                openPicker(on: field.id, source: source, allowsMultiple: allowsMultiple, query: "", form: &current)
            default:
                current.moveFocus(by: 1)
            }
        case .editInEditor?:
            guard case .text(let input) = field.value else {
                form = current
                message = .info("Ctrl-O opent een tekstveld in uw editor; dit veld is geen tekst.")
                return []
            }
            form = current
            return [.editExternally(fieldID: field.id, label: field.label, text: input.text)]
        case .submitForm?:
            form = current
            return submitForm()
        case .quit?:
            form = current
            return requestQuit()
        case .suspend?:
            form = current
            return [.suspend]
        case .reloadDossier?:
            form = current
            return requestReload()
        case .cancelForm?:
            if current.isDirty {
                form = current
                confirmation = Confirmation(question: "Het formulier is niet opgeslagen. Sluiten en de invoer weggooien?", consequence: .discardForm)
                return []
            }
            form = nil
            unknownOutcome = nil
            return []
        default:
            edit(field, key: key, form: &current)
        }
        FormRules.refresh(&current, in: self)
        form = current
        return []
    }

    /// Changes the focused field with a key that is not about moving between fields.
    private mutating func edit(_ field: FormField, key: Key, form: inout Form) {
        let index = form.focus
        switch field.value {
        case .text(var input):
            // Typing replaces a text that was entered selected, but only a short one that is wholly in view:
            // a long text is never wiped by one key.
            if form.replacesOnType, case .character = key, replacesWhole(input, of: form.fields[form.focus].id) { input.set("") }
            form.replacesOnType = false
            let wasFull = input.isFull
            if input.handle(key, keyMap: keyMap) {
                form.fields[index].value = .text(input)
                form.errors[field.id] = nil
                if wasFull, case .character = key {
                    form.errors[field.id] = "Hoogstens \(Limits.grouped(input.maximumLength)) tekens; de rest is niet overgenomen"
                }
            }
        case _ where key == .backspace && !form.choiceTyped.isEmpty && field.value.isChoiceOfOptions:
            // The letters typed so far are forgotten: the next one begins a choice anew (after text that began none). What
            // the letters before that text had chosen is chosen again.
            form.choiceTyped = ""
            if form.errors[field.id]?.hasPrefix(Form.choiceHint) == true { form.errors[field.id] = nil }
            if let chosen = form.choiceBeforeStrayText {
                switch field.value {
                case .choice(let options, _): form.fields[index].value = .choice(options, selected: chosen)
                case .menu(let options, _): form.fields[index].value = .menu(options, selected: chosen)
                default: break
                }
            }
            form.choiceBeforeStrayText = nil
            form.choiceWordEnded = false
        case .choice(let options, let selected):
            var next = selected
            switch key {
            case .character(" ") where form.choiceTyped.count >= 2
                || form.typedBeginsNoOption(in: options):
                // A space inside a typed word (or after text that begins no option) is part of it; after one first letter
                // it is the key that goes to the next option.
                form.choiceWordEnded = true
                return
            case .right, .character(" "): next = (selected + 1) % options.count
            case .left: next = (selected + options.count - 1) % options.count
            case .character(let letter) where field.isQuickAnswer && form.typedBeginsNoOption(in: options):
                // A word typed at a question ("ja dat klopt", the note meant after Tab): after its first stray letter no
                // letter answers, or the d of "dat" would answer this question and move on to the next.
                form.choiceTyped.append(letter)
                return
            case .character(let letter):
                guard let match = typeAhead(letter, options: options, selected: selected, field: field, form: &form) else { return }
                next = match
            default: return
            }
            if case .character(let typed) = key, typed != " " {} else { form.choiceTyped = "" }
            form.errors[field.id] = nil
            form.fields[index].value = .choice(options, selected: next)
            if field.isQuickAnswer, case .character(let letter) = key, letter != " " {
                let later = form.fields.indices.filter { $0 > index && form.fields[$0].isVisible }
                if let next = later.first(where: { form.fields[$0].isQuickAnswer }) ?? later.last {
                    form.focus = next
                    if case .buttons = form.fields[next].value { form.answeredOntoButtons = true }
                }
            }
        case .menu(let options, let selected):
            guard case .character(let letter) = key else { return }
            // A space inside a typed word is part of it; ↑↓ choose in a menu.
            if letter == " " && form.choiceTyped.isEmpty { return }
            // A space that continues no option ends the word typed ("la " before the reason): the next letter begins another.
            if letter == " ", MenuOption.index(beginning: form.choiceTyped + " ", in: options) == nil {
                form.choiceWordEnded = true
                return
            }
            guard let match = typeAhead(letter, options: options, selected: selected, field: field, form: &form) else { return }
            form.errors[field.id] = nil
            form.fields[index].value = .menu(options, selected: match)
        case .flags(let options, var on, var cursor):
            switch key {
            case .right: cursor = min(options.count - 1, cursor + 1)
            case .left: cursor = max(0, cursor - 1)
            case .character(" ") where form.typedBeginsNoOption(in: options):
                // After text that begins no option ("Oss, Uden" typed here) a space is part of it, not a tick on the option the
                // first letter went to.
                return
            case .character(" "):
                let value = options[cursor].value
                if on.contains(value) { on.remove(value) } else { on.insert(value) }
            case .character(let letter):
                // Letters typed in a row go to the option they begin (`farma`); Space then ticks it.
                guard let match = form.typeAhead(letter, in: options) else {
                    form.errors[field.id] = Form.choiceHint + " met vinkjes (de keuzes staan erin): ←/→ of typ het begin van een keuze, "
                        + "spatie vinkt aan of uit; andere tekst kan hier niet (Backspace begint opnieuw)"
                    return
                }
                cursor = match
            default: return
            }
            if case .character(let typed) = key, typed != " " {} else { form.choiceTyped = "" }
            form.errors[field.id] = nil
            form.fields[index].value = .flags(options, on: on, cursor: cursor)
        case .picked(var ids, let source, let allowsMultiple, let emptyLabel):
            switch key {
            case .backspace, .delete:
                if !ids.isEmpty { ids.removeLast() }
                form.fields[index].value = .picked(ids, source: source, allowsMultiple: allowsMultiple, emptyLabel: emptyLabel)
            case .character(let character) where character != " ":
                openPicker(on: field.id, source: source, allowsMultiple: allowsMultiple, query: String(character), form: &form)
            default:
                return
            }
        case .buttons:
            // A space is how some press a button: it types nothing (as before), rather than a separator and a space above.
            guard case .character(let typed) = key, !typed.isWhitespace else { return }
            // A letter after the last question's answer is one more answer meant, not text for the explanation above (a paste is text).
            guard !form.answeredOntoButtons, form.continueTypingAboveButtons(longTextFieldIDs: AppState.longTextFieldIDs) else {
                message = .info("Op Opslaan doet typen niets: Enter of Ctrl-S slaat op, Shift-Tab gaat terug naar de velden.")
                return
            }
            edit(form.fields[form.focus], key: key, form: &form)
        }
    }

    /// Type-ahead in a choice or a menu (`Form.typeAhead`). Text that begins no option ("Geen capaciteit" typed where
    /// the reason was meant, "Besluit B&W …" one field too early) chooses nothing: the choice goes back to what it was
    /// before the typing began, the field says why, and nil is returned. Before, each letter chose the option it began,
    /// so the last matching letter of such a text was saved as the status.
    private func typeAhead(_ letter: Character, options: [MenuOption], selected: Int, field: FormField, form: inout Form) -> Int? {
        if form.choiceTyped.isEmpty { form.choiceBeforeTyping = selected; form.choiceBeforeStrayText = nil }
        if let match = form.typeAhead(letter, in: options, selected: selected) {
            form.choiceBeforeStrayText = nil
            return match
        }
        let before = form.choiceBeforeTyping ?? selected
        // The first word that begins no option: what the words before it chose ("la" before "Geen") is kept for Backspace.
        if form.choiceBeforeStrayText == nil, let chosen = form.choiceBeforeWord, chosen != before { form.choiceBeforeStrayText = chosen }
        let undo = form.choiceBeforeStrayText.flatMap { options.indices.contains($0) ? "Backspace kiest weer \(options[$0].label)" : nil } ?? "Backspace begint opnieuw"
        switch field.value {
        case .menu: form.fields[form.focus].value = .menu(options, selected: before)
        default: form.fields[form.focus].value = .choice(options, selected: before)
        }
        let keys = if case .menu = field.value { "↑/↓" } else { "←/→ of spatie" }
        form.errors[field.id] = Form.choiceHint + " (\(options.map(\.label).joined(separator: ", "))): \(keys), of typ het begin van een keuze; "
            + "andere tekst kan hier niet; " + (options.indices.contains(before) ? "de keuze blijft \(options[before].label)" : "er is nog niets gekozen") + " (\(undo))"
        return nil
    }

    // MARK: Picker

    private func openPicker(on fieldID: String, source: PickSource, allowsMultiple: Bool, query: String, form: inout Form) {
        var picker = Picker(fieldID: fieldID, source: source, allowsMultiple: allowsMultiple,
                            chosen: allowsMultiple ? (form[fieldID]?.relationIDs ?? []) : [])
        picker.query.set(query)
        picker.openedByEnter = query.isEmpty
        picker.highlightIsChosen = !query.isEmpty
        picker.refresh(index: index, dossier: dossier)
        form.picker = picker
    }

    private func handlePickerKey(_ key: Key, action: Action?, form: inout Form) {
        guard var picker = form.picker else { return }
        let visibleRows = PickerLayout(layout: layout).listRows
        switch action {
        case .moveDown?:
            picker.list.move(by: 1, count: picker.candidates.count, visibleRows: visibleRows)
            picker.hasMoved = true
            picker.highlightIsChosen = true
        case .moveUp?:
            picker.list.move(by: -1, count: picker.candidates.count, visibleRows: visibleRows)
            picker.hasMoved = true
            picker.highlightIsChosen = true
        case .togglePick?:
            guard picker.allowsMultiple, picker.candidates.indices.contains(picker.list.selection) else { break }
            let id = picker.candidates[picker.list.selection]
            if let existing = picker.chosen.firstIndex(of: id) { picker.chosen.remove(at: existing) } else { picker.chosen.append(id) }
            picker.list.move(by: 1, count: picker.candidates.count, visibleRows: visibleRows)
            picker.highlightIsChosen = false
        case .confirmPick? where picker.isUntouched:
            // Enter, Enter: past the field, keeping what it holds.
            form.picker = nil
            form.moveFocus(by: 1)
            return
        case .confirmPick?:
            let highlighted = picker.candidates.indices.contains(picker.list.selection) ? picker.candidates[picker.list.selection] : nil
            var ids = picker.chosen
            if !picker.allowsMultiple {
                ids = highlighted.map { [$0] } ?? []
            } else if let highlighted, !ids.contains(highlighted), !picker.hasNewTicks, picker.highlightIsChosen {
                // Nothing newly ticked in this round (at most something unticked, as in a correction) and the highlight
                // found by typing or the arrows: Enter takes it too.
                ids.append(highlighted)
            }
            if case .picked(_, let source, let allowsMultiple, let emptyLabel)? = form[picker.fieldID]?.value {
                form[picker.fieldID]?.value = .picked(ids, source: source, allowsMultiple: allowsMultiple, emptyLabel: emptyLabel)
            }
            if !(AppState.saysRemovedByColleague(form.errors[picker.fieldID]) && ids.contains { dossier.relation($0) == nil }) {
                form.errors[picker.fieldID] = nil
            }
            form.picker = nil
            form.moveFocus(by: 1)
            return
        case .cancelPick?:
            form.picker = nil
            return
        default:
            if picker.query.handle(key, keyMap: keyMap) {
                picker.highlightIsChosen = true
                picker.refresh(index: index, dossier: dossier)
                picker.list.select(0, count: picker.candidates.count, visibleRows: visibleRows)
            }
        }
        form.picker = picker
    }

    // MARK: Submit

    mutating func submitForm() -> [Effect] {
        guard var current = form else { return [] }
        if let actor = current.recordRemovedBy, !recordIsPresent(of: current) {
            current.generalError = AppState.removedRecordNotice(by: actor)
            form = current
            message = .error("Niet opgeslagen: het record is intussen verwijderd; zie het formulier.")
            return []
        }
        // The last Ctrl-S may have saved it (the connection broke as it was written): a second one asks first.
        if let unknown = unknownOutcome, case .form = unknown.purpose, unknown.form == current.purpose, !unknown.warned {
            unknownOutcome?.warned = true
            message = .error("Misschien al opgeslagen: bij de vorige Ctrl-S brak de verbinding af. Kijk in het logboek (L) of de wijziging er staat; "
                             + "nogmaals Ctrl-S slaat toch op.")
            return []
        }
        if let actor = current.recordReplacedBy ?? current.recordRemovedBy {
            current.generalError = "Dit formulier hoort bij een record dat \(actor) intussen verwijderde en opnieuw aanmaakte; "
                + "het wordt niet op het nieuwe opgeslagen. Esc sluit het; open het nieuwe en bewerk dat."
            form = current
            message = .error("Niet opgeslagen: het record is intussen vervangen; zie het formulier.")
            return []
        }
        let outcome: FormOutcome
        switch current.purpose {
        case .relationStatus(let id): outcome = StatusForm.submit(current, relationID: id, in: self)
        case .newVisit: outcome = VisitForm.submit(current, editing: nil, in: self)
        case .editVisit(let id): outcome = VisitForm.submit(current, editing: id, in: self)
        case .newActivity: outcome = ActivityForm.submit(current, editing: nil, in: self)
        case .editActivity(let id): outcome = ActivityForm.submit(current, editing: id, in: self)
        case .moveActivity(let id): outcome = MoveForm.submit(current, activityID: id, in: self)
        case .newFollowUp(let id): outcome = FollowUpForm.submit(current, activityID: id, editing: nil, in: self)
        case let .editFollowUp(id, index, text): outcome = FollowUpForm.submit(current, activityID: id, editing: (index, text), in: self)
        case .assessment(let id): outcome = AssessmentForm.submit(current, activityID: id, in: self)
        case .newRelation: outcome = RelationForm.submit(current, editing: nil, in: self)
        case .editRelation(let id): outcome = RelationForm.submit(current, editing: id, in: self)
        case .newContact(let owner): outcome = ContactForm.submit(current, owner: owner, editing: nil, in: self)
        case let .editContact(owner, contact): outcome = ContactForm.submit(current, owner: owner, editing: contact, in: self)
        case .newLink(let owner): outcome = LinkForm.submit(current, owner: owner, editing: nil, in: self)
        case let .editLink(owner, link): outcome = LinkForm.submit(current, owner: owner, editing: link, in: self)
        case let .budgetAmount(line, year): outcome = BudgetAmountForm.submit(current, line: line, year: year, in: self)
        case .policy: outcome = PolicyForm.submit(current, in: self)
        }
        switch outcome {
        case .problems(let problems):
            current.show(problems)
            form = current
            message = .error("Niet opgeslagen: " + current.problemSummary + ".")
            return []
        case .unchanged(let text):
            form = nil
            message = .info(text)
            return []
        case .change(let change, let success):
            current.errors = [:]
            current.generalError = nil
            form = current
            return commit(change, .form(success: success))
        }
    }

    // MARK: Opening forms

    mutating func openStatusForm() {
        guard let id = currentRelationID else {
            if screen == .list(.reminders) { message = .info("s herijkt een relatie op een laag pitje; Enter opent dit signaal, e bewerkt een activiteit of vervolgactie.") }
            return
        }
        form = screen == .list(.reminders) ? dossier.relation(id).map { StatusForm.make(for: $0, today: today, dates: dates, reviewing: true) }
            : opening(.relationStatus(id))
    }

    /// `K` on the budget tab: what the Kader still waits for.
    mutating func openPolicyForm() {
        form = opening(.policy)
    }

    mutating func openVisitForm() {
        let preset = currentRelationID.map { [$0] } ?? []
        form = VisitForm.make(relations: preset, in: self)
    }

    /// `+`: what is added depends on where: a relation on the relations, a contact or a link in those
    /// lists, a follow-up on an activity, a visit on the visits, otherwise an activity (with this relation).
    mutating func openAddForm() {
        let focused = currentDetail?.focusedList
        switch screen {
        case .list(.relations):
            form = RelationForm.make(editing: nil, in: self)
        case .relationDetail where focused == .contacts, .municipality:
            if let owner = currentContactOwner { form = opening(.newContact(owner)) }
        case .relationDetail where focused == .links, .activityDetail where focused == .links:
            openLinkForm(editing: nil)
        case .activityDetail(let detail):
            form = dossier.activity(detail.id).map { FollowUpForm.make(activity: $0, editing: nil, in: self) }
        case .list(.visits):
            openVisitForm()
        case .activityList(let list):
            form = ActivityForm.make(editing: nil, relations: list.query.relation.map { [$0] } ?? [], from: list.query, in: self)
        default:
            form = ActivityForm.make(editing: nil, relations: currentRelationID.map { [$0] } ?? [], in: self)
        }
    }

    /// `e`: edit what is selected: a relation, a contact, a link or an activity.
    mutating func openEditForm() {
        let focused = currentDetail?.focusedList
        switch screen {
        case .list(.relations):
            if let id = selectedID(in: .relations) { form = opening(.editRelation(id)) }
            return
        case .list(.budget):
            guard let overview = selectedBudget, !overview.line.isEmpty else { return noSelection("budgetregel") }
            form = opening(.budgetAmount(line: overview.line, year: overview.year))
            return
        case .relationDetail where focused == .contacts, .municipality:
            guard let (owner, contact) = selectedContact else { return noSelection("contactpersoon") }
            form = opening(.editContact(owner, contact.id))
            return
        case .relationDetail where focused == .links, .activityDetail where focused == .links:
            guard let (_, link) = selectedLink else { return noSelection("link") }
            openLinkForm(editing: link)
            return
        case .activityDetail where focused == .followUps:
            guard let (activity, index, followUp) = selectedFollowUp else { return noSelection("vervolgactie") }
            form = opening(.editFollowUp(activity.id, index: index, text: followUp.text))
            return
        case .relationDetail(let detail) where focused != .activities:
            form = opening(.editRelation(detail.id))
            return
        case .list(.reminders):
            guard let subject = selectedSignal else { return }
            switch subject {
            case let .followUp(id, place):
                guard let followUps = dossier.activity(id)?.followUps, followUps.indices.contains(place) else { return }
                let followUp = followUps[place]
                form = opening(.editFollowUp(id, index: place, text: followUp.text))
                return
            case .review:
                message = .info("s herijkt de relatie (een nieuwe datum, of een andere status); Enter opent haar.")
                return
            case .outcome:
                break
            }
        default:
            break
        }
        guard let id = currentActivityID, let activity = dossier.activity(id) else {
            if focused == .activities { noSelection("activiteit") }
            return
        }
        form = opening(activity.isVisit ? .editVisit(id) : .editActivity(id))
    }

    private mutating func openLinkForm(editing link: Link?) {
        guard let owner = currentLinkOwner else { return }
        form = opening(link.map { .editLink(owner, $0.id) } ?? .newLink(owner))
    }

    /// The form `purpose` opens with, from the dossier as it is now: what `s`, `e`, `a`, `m` and `+` open, and what a
    /// form refused over a colleague's change is made anew from. Nil for a form that makes something new (each has
    /// its own presets) or whose record is gone.
    func opening(_ purpose: FormPurpose) -> Form? {
        switch purpose {
        case .relationStatus(let id):
            return dossier.relation(id).map { StatusForm.make(for: $0, today: today, dates: dates) }
        case .editRelation(let id):
            return dossier.relation(id).map { RelationForm.make(editing: $0, in: self) }
        case .newContact(let owner):
            return dossier.contacts(of: owner).map { _ in ContactForm.make(owner: owner, editing: nil, in: self) }
        case let .editContact(owner, contactID):
            guard let contact = dossier.contacts(of: owner)?.first(where: { $0.id == contactID }) else { return nil }
            return ContactForm.make(owner: owner, editing: contact, in: self)
        case .editVisit(let id):
            return dossier.activity(id).map { VisitForm.make(editing: $0, in: self) }
        case .editActivity(let id):
            return dossier.activity(id).map { ActivityForm.make(editing: $0, relations: [], in: self) }
        case .moveActivity(let id):
            return dossier.activity(id).map { MoveForm.make(for: $0, in: self) }
        case .assessment(let id):
            return dossier.activity(id).map { AssessmentForm.make(for: $0, in: dossier, ledger: index.ledger) }
        case let .editFollowUp(id, index, text):
            // The follow-up the form was opened on, found again by its action when a colleague's change moved it.
            guard let activity = dossier.activity(id) else { return nil }
            let place = activity.followUps.indices.contains(index) && activity.followUps[index].text == text
                ? index : activity.followUps.firstIndex { $0.text == text }
            return place.map { FollowUpForm.make(activity: activity, editing: $0, in: self) }
        case .newLink(let owner):
            return LinkForm.make(owner: owner, ownerName: dossier.name(of: owner), editing: nil, in: self)
        case let .editLink(owner, linkID):
            guard let link = dossier.links(of: owner).first(where: { $0.id == linkID }) else { return nil }
            return LinkForm.make(owner: owner, ownerName: dossier.name(of: owner), editing: link, in: self)
        case let .budgetAmount(line, year):
            return dossier.budgetLine(line).map { BudgetAmountForm.make(line: $0, year: year) }
        case .policy:
            return PolicyForm.make(framework: dossier.framework)
        case .newFollowUp, .newVisit, .newActivity, .newRelation:
            return nil
        }
    }

    mutating func noSelection(_ what: String) {
        message = .info("Er is nog geen \(what): + voegt er een toe.")
    }

    /// The form fields that keep their line breaks, as the store keeps them: the long texts (notes, outcomes).
    static let longTextFieldIDs = fieldIDs(taking: .longText)

    /// The form fields that take a list of items separated by commas (places, participants, hosts).
    static let listFieldIDs = fieldIDs(taking: .list)

    /// The keys of the fields of activities, relations and contacts that take `input`.
    private static func fieldIDs(taking input: FieldInput) -> Set<String> {
        Set(Activity.fields.fields.filter { $0.input == input }.map(\.key)
            + Relation.fields.fields.filter { $0.input == input }.map(\.key)
            + Contact.fields.fields.filter { $0.input == input }.map(\.key))
    }

    /// The text of a field as the editor gave it back; the form stays as it was when the editor failed.
    mutating func takeExternalEdit(fieldID: String, _ outcome: ExternalOutcome<String>) {
        switch outcome {
        case .done(let edited):
            // As a paste is: a colour or title sequence the editor's file held is no part of a name or a note.
            let text = PastedText.clean(edited)
            guard var current = form, case .text(var input)? = current[fieldID]?.value else {
                message = .info("Het formulier is intussen gesloten; de tekst uit de editor is niet gebruikt.")
                return
            }
            // A one-line field (a name, a title) is stored as one line: shown so, not as the lines the editor gave.
            let joined = !AppState.longTextFieldIDs.contains(fieldID) && text.contains(where: \.isNewline)
            input.set(joined ? ListText.oneLine(text) : text)
            current[fieldID]?.value = .text(input)
            current.errors[fieldID] = nil
            current.replacesOnType = false
            form = current
            message = .info("Tekst uit de editor overgenomen in \(current[fieldID]?.label ?? fieldID)"
                            + (joined ? " (dit veld is één regel: de regels staan achter elkaar)" : "") + "; Ctrl-S slaat op.")
        case .failed(let reason):
            message = .error(reason)
        }
    }

    mutating func openAssessmentForm() {
        guard let id = currentActivityID else {
            if screen == .list(.reminders) { message = .info("a weegt een activiteit die voorbij is af; Enter opent dit signaal.") }
            return
        }
        form = opening(.assessment(id))
    }

    mutating func openMoveForm() {
        guard let id = currentActivityID, let activity = dossier.activity(id) else {
            if screen == .list(.reminders) { message = .info("m zet een activiteit die voorbij is een stap verder; Enter opent dit signaal, spatie vinkt een vervolgactie af.") }
            return
        }
        guard !activity.status.allowedNextStates.isEmpty else {
            message = .info("'\(activity.title)' is \(activity.status.label): een eindtoestand, er is geen volgende stap.")
            return
        }
        form = opening(.moveActivity(id))
    }
}

/// Field visibility and dynamic rows that depend on other fields.
enum FormRules {
    static func refresh(_ form: inout Form, in state: AppState) {
        switch form.purpose {
        case .relationStatus(let id): StatusForm.refresh(&form, relation: state.dossier.relation(id))
        case .moveActivity(let id): MoveForm.refresh(&form, activity: state.dossier.activity(id), in: state)
        case .newVisit, .editVisit: VisitForm.refresh(&form, in: state)
        case .newActivity, .editActivity: ActivityForm.refresh(&form, in: state)
        case .assessment(let id): AssessmentForm.refresh(&form, activity: state.dossier.activity(id), in: state.dossier, ledger: state.index.ledger)
        case .newRelation, .editRelation: RelationForm.refresh(&form, in: state)
        default: break
        }
        noteDates(&form, in: state)
        for field in form.fields where field.isAmount { form.notes[field.id] = Money.decimalDotNote(field.text) }
        refuseUnreadable(&form, in: state)
    }

    /// A date, amount, e-mail address or phone number that does not read says why as soon as its field is left, as saving
    /// would: someone typing a paper list sees it on the line it is on, not after the whole form. (Typing in the field
    /// again clears it.)
    static func refuseUnreadable(_ form: inout Form, in state: AppState) {
        for index in form.visibleIndices where index != form.focus {
            let field = form.fields[index]
            guard field.isDate || field.isAmount || field.checkedAs != nil, form.errors[field.id] == nil, case let text = form.text(field.id),
                  !text.isEmpty else { continue }
            do throws(ValueError) {
                if field.isDate {
                    _ = try CalendarDate.read(text, today: state.today, yearless: form.yearlessDay(of: field.id, today: state.today))
                } else if field.checkedAs == .email {
                    _ = try EmailAddress.read(text)
                } else if field.checkedAs == .phone {
                    _ = try PhoneNumber.read(text)
                } else {
                    _ = try Money.read(text)
                }
            } catch {
                form.errors[field.id] = error.message
            }
        }
    }

    /// Under each date the day it is read as ("+3w", "vrijdag", "3-12"), and whether it is far from today or an end before the start.
    static func noteDates(_ form: inout Form, in state: AppState) {
        for field in form.fields where field.isDate {
            form.notes[field.id] = CalendarDate.typedNote(field.text, today: state.today, dates: state.dates,
                                                         yearless: form.yearlessDay(of: field.id, today: state.today))
        }
    }
}

/// The picker's size: a box over the form.
struct PickerLayout {
    var listRows: Int

    init(layout: Layout) {
        listRows = max(3, min(14, layout.bodyHeight - 6))
    }
}

extension AppState {
    /// Characters that arrived together. The first goes as a key (it may open a search or replace a
    /// selected value); the rest go into a focused text field or the search line in one step, or else key
    /// by key. A paste of any length costs its length, not its length times the field's.
    mutating func handleTyped(_ text: String) -> [Effect] {
        guard let first = text.first else { return [] }
        // A question is answered by one key pressed after it was shown, never by text pasted or typed ahead: what arrives
        // together reached the program before the question could be drawn (`dJ` pasted, the J alone behind the d).
        if confirmation != nil { return [] }
        // On a screen too small to show anything nothing goes into a field unseen: the first character is a key (q leaves).
        if layout.isTooSmall { return update(.key(.character(first))) }
        // Straight into a focused text field, unless its value is selected (then the first key replaces it).
        if form?.replacesOnType == false, insertIntoFocusedText(text[...]) { return [] }
        var effects = update(.key(.character(first)))
        let rest = text.dropFirst()
        guard !rest.isEmpty, !hasQuit else { return effects }
        if insertIntoFocusedText(rest) || insertIntoSearchLine(rest) || insertIntoPickerSearch(rest) { return effects }
        // A question one of these keys opened is answered by a key pressed after it, not by the rest of the text.
        for character in rest where !hasQuit && confirmation == nil { effects += update(.key(.character(character))) }
        return effects
    }

    /// Whether typing into a text field entered selected replaces its value: only a short one of a one-line field
    /// that is wholly in view. A long text (notes, however short they are now) is never wiped by one key, nor by a paste.
    func replacesWhole(_ input: TextInput, of fieldID: String) -> Bool {
        FormView.showsSelected(input, of: fieldID, valueWidth: FormBox.valueWidth(forBoxWidth: FormBox.width(for: layout)))
    }

    /// Text the terminal marked as pasted (bracketed paste): into the focused text field (replacing a short value
    /// that is selected, as typing does), the picker's search or the search line being typed, its control
    /// characters left out; anywhere else it is left alone with a word why. Never a key: a paste answers no
    /// question and starts no command. On a screen too small to show anything it is left alone too.
    mutating func handlePasted(_ text: String) -> [Effect] {
        let pasted = PastedText.clean(text)
        guard !pasted.isEmpty, !layout.isTooSmall, confirmation == nil else { return [] }
        if form?.replacesOnType == true, form?.picker == nil, case .text(var input)? = form?.focusedField?.value, let focus = form?.focus,
           let fieldID = form?.focusedField?.id, replacesWhole(input, of: fieldID) {
            input.set("")
            form?.fields[focus].value = .text(input)
        }
        if form?.picker == nil, helpScroll == nil, form?.continueTypingAboveButtons(longTextFieldIDs: AppState.longTextFieldIDs) == true {
            _ = insertIntoFocusedText(pasted[...])
            return []
        }
        if insertIntoFocusedText(pasted[...]) || insertIntoPickerSearch(pasted[...]) { return [] }
        if insertIntoSearchLine(pasted[...]) { return [] }
        message = .info("Plakken kan alleen in een tekstveld of de zoekregel (/)")
        return []
    }

    /// Puts text into the search of the open picker in one step (a line break or tab a space), narrowing once; false
    /// when no picker is open. Key by key, a long text narrowed the list at every character.
    private mutating func insertIntoPickerSearch(_ text: Substring) -> Bool {
        guard confirmation == nil, helpScroll == nil, var current = form, var picker = current.picker else { return false }
        picker.query.insert(contentsOf: text)
        picker.highlightIsChosen = true
        picker.refresh(index: index, dossier: dossier)
        picker.list.select(0, count: picker.candidates.count, visibleRows: PickerLayout(layout: layout).listRows)
        current.picker = picker
        form = current
        return true
    }

    /// Puts text into the search line being typed; false when none is.
    private mutating func insertIntoSearchLine(_ text: Substring) -> Bool {
        guard var current = search, current.isEditing, confirmation == nil, form == nil else { return false }
        current.input.insert(contentsOf: text)
        searchChanged(current)
        return true
    }

    /// Puts text into the focused text field of the open form; false when no text field has the focus.
    private mutating func insertIntoFocusedText(_ text: Substring) -> Bool {
        guard confirmation == nil, helpScroll == nil, var current = form, current.picker == nil,
              case .text(var input)? = current.focusedField?.value else { return false }
        let id = current.fields[current.focus].id
        message = nil
        // Let go of the state's and the form's references, so the characters are changed in place.
        form = nil
        current.fields[current.focus].value = .buttons
        // Lines pasted into a long text stay lines; into a list (places, participants) each is an item.
        let fitted = AppState.longTextFieldIDs.contains(id) ? input.insert(contentsOf: text, lineBreaks: .kept)
            : AppState.listFieldIDs.contains(id) ? input.insert(contentsOf: ListText.items(ofLines: text)) : input.insert(contentsOf: text)
        current.fields[current.focus].value = .text(input)
        current.replacesOnType = false
        current.errors[id] = fitted ? nil : "Hoogstens \(Limits.grouped(input.maximumLength)) tekens; de rest is niet overgenomen"
        FormRules.refresh(&current, in: self)
        form = current
        return true
    }
}
