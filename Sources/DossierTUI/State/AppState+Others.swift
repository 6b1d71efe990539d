import DossierCore

extension AppState {
    /// Takes in changes others made, already applied to `dossier` by the store: the index is brought up to
    /// date with what they touched (in place where it can be), and — unless this screen's own change is
    /// about to be taken in as well — the lists keep their selection and the screens stay where they were.
    /// A short notice says whose changes came in.
    mutating func takeOthersChanges(_ changes: [OthersChange]) {
        guard !changes.isEmpty else { return }
        revision += 1
        let touched = changes.compactMap(\.restoration)
        if touched.count < changes.count || !index.update(after: touched, in: dossier, today: today) {
            index = DossierIndex(dossier: dossier, today: today, lookAheadDays: index.lookAheadDays, searchKeys: index.searchKeys != nil)
        }
        // The relation or activity on screen, if a colleague's change takes it away: said by name, not only "Bijgewerkt"
        // (the municipality's own contacts are always there).
        let shown: String? = if case .municipality = screen { nil } else { currentDetail?.id }
        if pending == nil { refreshAfterChange(nil, indexIsCurrent: true) } else { othersAwaitRefresh = true }
        addToChangeLogs(changes.map(\.entry))
        for change in changes {
            guard case .change(let made) = change.entry.event else { continue }
            let removed = made.removedRecords, restored = made.restoredRecords
            if !removed.isEmpty { undoHistory.noteRemoved(removed, by: change.entry.actor) }
            if !restored.isEmpty { undoHistory.noteRestored(restored) }
        }
        noteReplacedRecord(changes)
        noteRemovedRecord(changes)
        notePickedRelationsRemoved(changes)
        // An open form's weighing and warnings as the dossier now stands (a colleague raised the cost, or took the
        // budget): before, they showed the old verdict until the next key.
        followColleagueInForm()
        if var open = form, open.picker == nil {
            FormRules.refresh(&open, in: self)
            form = open
        }
        // A save whose outcome was not known, come in now: it was saved after all, and its form is done.
        if let unknown = unknownOutcome, changes.contains(where: { $0.entry.event == .change(unknown.change) }) {
            unknownOutcome = nil
            let success: String
            switch unknown.purpose {
            case .form(let text):
                success = text
                // Only the form it was saved from is done; another opened since keeps its input.
                if form?.purpose == unknown.form { form = nil }
            case .direct(let text): success = text
            case .undo(let summary), .redo(let summary): success = summary
            }
            message = .info("Toch opgeslagen (de verbinding brak af, maar de wijziging staat erin): \(success)")
            return
        }
        // An error stays until read; on a read-only screen the errors are its own notices (opened read-only, changing
        // cannot be done here), and what came in matters more: the header still says [alleen-lezen].
        guard message?.isError != true || isReadOnly else { return }
        if let shown, dossier.relation(shown) == nil, dossier.activity(shown) == nil,
           let removal = changes.last(where: { $0.entry.subjects.contains(shown) })?.entry {
            message = .info("\(removal.summary) (door \(removal.actor)); dat scherm is gesloten. Bijgewerkt: " + AppState.whose(changes))
        } else if let restore = changes.last(where: { $0.restoration == nil })?.entry {
            // A backup put back replaces the whole dossier: more than "1 wijziging". Short enough for the one line a form leaves;
            // the log (L) names the backup.
            message = .info("\(restore.actor) zette een back-up terug: het hele dossier is vervangen."
                            + (changes.count == 1 ? "" : " Bijgewerkt: " + AppState.whose(changes)))
        } else {
            message = .info("Bijgewerkt: " + AppState.whose(changes))
        }
    }

    /// A colleague's change that made the open form's record anew (deleted, then one added with the same id):
    /// the form's edits belong to the old one. A change whose restoration would take a record away made it.
    mutating func noteReplacedRecord(_ changes: [OthersChange]) {
        // A contact taken away and one added with its name in the same moment: the relation is the same, the person is not.
        if case let .editContact(owner, contact)? = form?.purpose,
           let removal = changes.last(where: { $0.removes(.contact(owner, contact)) }) {
            form?.recordReplacedBy = removal.entry.actor
        }
        guard let id = form?.basis?.id else { return }
        for change in changes {
            // A colleague's undo or redo brings back the record as it was, not another.
            if case .change(let made) = change.entry.event, made.isRestoration { continue }
            guard let restoration = change.restoration else { continue }
            if restoration.relations.contains(where: { $0.id == id && $0.value == nil })
                || restoration.activities.contains(where: { $0.id == id && $0.value == nil }) {
                form?.recordReplacedBy = change.entry.actor
            }
        }
    }

    /// A colleague's change that took away the open form's record: said in the form at once (not only at Ctrl-S, as an
    /// unknown id), and the form no longer saves. A contact's form counts the contact, not only its relation.
    mutating func noteRemovedRecord(_ changes: [OthersChange]) {
        guard var open = form, open.recordRemovedBy == nil, let basis = open.basis, !recordIsPresent(of: open),
              let actor = (changes.last { $0.entry.subjects.contains(basis.id) } ?? changes.last)?.entry.actor else { return }
        open.recordRemovedBy = actor
        open.generalError = AppState.removedRecordNotice(by: actor)
        form = open
    }

    /// A relation chosen in the open form that a colleague's change took away: said under its field at once, with who (at
    /// Ctrl-S it was only "onbekende relatie"); once it is back (the colleague undid it), that word goes.
    mutating func notePickedRelationsRemoved(_ changes: [OthersChange]) {
        guard var open = form else { return }
        for field in open.fields {
            guard case .picked(let ids, .relations, _, _) = field.value else { continue }
            let missing = ids.filter { dossier.relation($0) == nil }
            let removals = missing.compactMap { gone in
                changes.last { $0.removes(.relation(gone)) }.map { (gone, $0) }
            }
            if let (gone, removal) = removals.last {
                let name = removal.restoration?.relations.first { $0.id == gone }?.value?.name ?? gone
                open.errors[field.id] = "\(name)\(AppState.removedByColleague)\(removal.entry.actor): kies een andere relatie, of haal haar weg"
            } else if missing.isEmpty, AppState.saysRemovedByColleague(open.errors[field.id]) {
                open.errors[field.id] = nil
            }
        }
        form = open
    }

    /// What a picked relation's error says when a colleague removed it (`notePickedRelationsRemoved`): it stays while the
    /// relation is still picked, also when the picker is confirmed with others ticked.
    static let removedByColleague = " is intussen verwijderd door "

    static func saysRemovedByColleague(_ error: String?) -> Bool {
        error?.contains(removedByColleague) == true
    }

    /// Whether the record `form` edits is in the dossier (again, or another with its id or name).
    func recordIsPresent(of form: Form) -> Bool {
        switch (form.purpose, form.basis) {
        case let (.editContact(owner, contact), _): dossier.contacts(of: owner)?.contains { $0.id == contact } == true
        case let (_, .relation(relation)?): dossier.relation(relation.id) != nil
        case let (_, .activity(activity)?): dossier.activity(activity.id) != nil
        default: true
        }
    }

    static func removedRecordNotice(by actor: String) -> String {
        "\(actor) verwijderde dit record intussen; dit formulier slaat niet meer op. Esc sluit het."
    }

    /// An open change log (`L`) shows the new entries at its top; one read from the top shows them there, another
    /// keeps its selected entry.
    mutating func addToChangeLogs(_ entries: [JournalEntry]) {
        for place in stack.indices {
            guard case .history(var log) = stack[place] else { continue }
            let new = entries.filter { entry in log.subject.map(entry.subjects.contains) ?? true }
                .filter { entry in !log.entries.contains { $0.sequence == entry.sequence } }
            guard !new.isEmpty else { continue }
            log.insertAtTop(new.reversed())
            if log.list.selection > 0 || log.list.offset > 0 {
                log.list.selection += new.count
                log.list.offset += new.count
            }
            stack[place] = .history(log)
        }
    }

    /// "2 wijzigingen van Ine", "1 wijziging van Ine en 3 van Piet".
    static func whose(_ changes: [OthersChange]) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for change in changes {
            if counts[change.entry.actor] == nil { order.append(change.entry.actor) }
            counts[change.entry.actor, default: 0] += 1
        }
        let parts = order.enumerated().map { index, actor in
            let count = counts[actor] ?? 0
            return index == 0 ? "\(count) \(count == 1 ? "wijziging" : "wijzigingen") van \(actor)" : "\(count) van \(actor)"
        }
        return enumerated(parts)
    }
}

extension OthersChange {
    /// Whether this colleague's change took `record` away.
    func removes(_ record: RemovedRecord) -> Bool {
        if case .change(let made) = entry.event { made.removedRecords.contains(record) } else { false }
    }
}
