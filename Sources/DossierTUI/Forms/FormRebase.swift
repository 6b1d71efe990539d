import DossierCore

extension AppState {
    /// After a save refused because the record changed since the form opened (a colleague saved the same
    /// field): the form is made anew from the record as it is now, with every field the person changed kept
    /// as typed, and the record as it is now as its basis. The fields only the colleague changed now show the
    /// colleague's values, and the next Ctrl-S puts the person's values over the colleague's where both changed:
    /// a choice made seeing both, where before every Ctrl-S was refused again until the form was closed.
    /// False (the form as it was) when the record is unchanged, gone, or the form cannot hold the input anew.
    mutating func rebaseForm() -> Bool {
        // A form whose record a colleague deleted (or deleted and made anew) stays on the old one: it does not save.
        guard let old = form, old.recordRemovedBy == nil, old.recordReplacedBy == nil, let basis = old.basis,
              let now = FormBasis.of(old.purpose, in: dossier), now != basis, var fresh = opening(old.purpose) else { return false }
        let changed = Set(old.changedFieldIDs)
        // Nothing typed may be lost: every changed field must have its place in the new form.
        guard changed.allSatisfy({ fresh[$0] != nil }) else { return false }
        // The step of a move form and the status of a status form are what the form does, also when left as they
        // opened: kept as the person saw them. Any other field left alone shows the colleague's value.
        let action: String? = switch old.purpose {
        case .moveActivity, .relationStatus: "status"
        default: nil
        }
        for field in old.fields where changed.contains(field.id) || field.id == action {
            // The new form must offer a choice kept (a move form offers other steps once the status moved), or it is not made anew.
            guard let offered = fresh[field.id], let kept = Self.value(field.value, offeredAs: offered.value) else { return false }
            fresh[field.id]?.value = kept
        }
        fresh.basis = now
        FormRules.refresh(&fresh, in: self)
        // What the person typed must stay in view: a field the new form hides (another step chosen) would not be saved.
        guard changed.allSatisfy({ fresh[$0]?.isVisible == true || old[$0]?.isVisible == false }) else { return false }
        if let focused = old.focusedField?.id { fresh.focus(on: focused) }
        fresh.replacesOnType = false
        form = fresh
        return true
    }

    /// After a colleague's change to the open edit form's record: the fields left alone show the record as it now is,
    /// what was typed stays. Not when the colleague changed a field typed in, or took a step in the life cycle: then the
    /// form stays as it was, and the save meets their change and is refused with both (then made anew by `rebaseForm`),
    /// never saved over it unseen.
    mutating func followColleagueInForm() {
        // Only forms whose fields are the record's: a status or move form is the step it was opened for (a colleague's
        // step is refused at the save), a follow-up known by its place. A weighing's answers are the latest weighing's.
        let followsRecord = switch form?.purpose {
        case .editRelation?, .editActivity?, .editVisit?, .editContact?, .editLink?, .assessment?: true
        default: false
        }
        guard followsRecord, let old = form, old.picker == nil, let basis = old.basis, let now = FormBasis.of(old.purpose, in: dossier), now != basis,
              let fresh = opening(old.purpose) else { return }
        // A step in the life cycle can change what a field means (a visit's cost is the estimate until it is carried out,
        // then the actual cost): then the form is left, and the save meets the step.
        let sameStatus = switch (basis, now) {
        case let (.activity(before), .activity(after)): before.status == after.status
        case let (.relation(before), .relation(after)): before.status == after.status
        case (.ownContacts, .ownContacts): true
        default: false
        }
        guard sameStatus else { return }
        let colleagueChangedTyped = old.changedFieldIDs.contains { id in
            old.comparableValues(of: id).initial != fresh.comparableValues(of: id).initial
        }
        guard !colleagueChangedTyped else { return }
        let focus = old.focusedField?.id, replaces = old.replacesOnType
        guard rebaseForm() else { return }
        // Where the person was, as they were: a field just entered still replaces on typing.
        if let focus { form?.focus(on: focus) }
        form?.replacesOnType = replaces
    }

    /// A value the person chose, in the options the new form offers: a choice by what it stands for (a move
    /// form offers other steps once the status moved); nil when the new form no longer offers it.
    private static func value(_ typed: FormValue, offeredAs offered: FormValue) -> FormValue? {
        switch (typed, offered) {
        case let (.menu(options, selected), .menu(newOptions, _)):
            // Nothing chosen yet (the status menu opens so): nothing chosen in the new form either.
            options.indices.contains(selected) ? newOptions.firstIndex { $0.value == options[selected].value }.map { .menu(newOptions, selected: $0) }
                : .menu(newOptions, selected: -1)
        case let (.choice(options, selected), .choice(newOptions, _)):
            newOptions.firstIndex { $0.value == options[selected].value }.map { .choice(newOptions, selected: $0) }
        default:
            typed
        }
    }
}
