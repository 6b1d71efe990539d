/// Everything a key can do in the TUI. Each action appears once in `KeyMap.standard` with its help text.
public enum Action: String, Hashable, Sendable, CaseIterable {
    // Navigation
    case moveDown, moveUp, pageDown, pageUp, moveToTop, moveToBottom
    case open, goBack, quit, suspend, nextPane, previousPane
    case showRelations, showActivities, showVisits, showBudget, showReminders, showAgenda, showMunicipality
    // Agenda
    case jumpToToday, togglePast, showMonth, previousMonth, nextMonth
    case showHelp
    // Search
    case startSearch, nextMatch, previousMatch, acceptSearch, cancelSearch
    // Lists
    case cycleStatusFilter, cycleKindFilter, cycleYearFilter, cycleDirectionFilter, cycleSortOrder, clearFilters
    // Changes
    case changeRelationStatus, logVisit, addItem, editItem, deleteItem, moveActivity, toggleFollowUp, assessActivity, openLink, editPolicy
    case undo, redo
    case showHistory, reloadDossier
    // Forms
    case nextField, previousField, activateField, submitForm, cancelForm, editText, editInEditor
    // Text editing (a form field, the search line, a picker's type-ahead)
    case cursorLeft, cursorRight, cursorToLineStart, cursorToLineEnd, cursorWordLeft, cursorWordRight
    case deleteBackward, deleteForward, deleteWordBackward, deleteWordForward, deleteToLineStart, deleteToLineEnd
    // Picker
    case togglePick, confirmPick, cancelPick
    // Confirmation
    case confirmYes, confirmNo
}

extension Action {
    /// Actions that change the dossier (or open a form to do so); refused at once when it is read-only.
    public var changesDossier: Bool {
        switch self {
        case .changeRelationStatus, .logVisit, .addItem, .editItem, .deleteItem, .moveActivity, .toggleFollowUp, .assessActivity, .editPolicy, .undo, .redo:
            true
        default:
            false
        }
    }
}
