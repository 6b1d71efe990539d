import DossierCore

/// What a form is for; decides how its values become a change.
public enum FormPurpose: Hashable, Sendable {
    case relationStatus(RelationID)
    case newVisit
    case editVisit(ActivityID)
    case newActivity
    case editActivity(ActivityID)
    case moveActivity(ActivityID)
    case newFollowUp(ActivityID)
    /// The follow-up at `index` (from 0), whose action read `text` when the form opened.
    case editFollowUp(ActivityID, index: Int, text: String)
    case assessment(ActivityID)
    case newRelation
    case editRelation(RelationID)
    case newContact(ContactOwner)
    case editContact(ContactOwner, ContactID)
    case newLink(EntityReference)
    case editLink(EntityReference, LinkID)
    /// One year's amount of a budget line.
    case budgetAmount(line: String, year: Int)
    /// Whether the pieces of policy the Kader waits for are there.
    case policy
}

/// A form as a value: its fields, which has the focus, the messages per field, and the open picker.
/// Editing never loses input: a refused save keeps every field as typed.
public struct Form: Hashable, Sendable {
    public var purpose: FormPurpose
    public var title: String
    public var fields: [FormField]
    public var focus: Int {
        didSet {
            guard focus != oldValue else { return }
            answeredOntoButtons = false
            choiceTyped = ""
            choiceBeforeTyping = nil
            choiceBeforeStrayText = nil
            choiceBeforeWord = nil
            choiceWordEnded = false
            // What a choice field said about text typed into it is about that typing: gone once the field is left; so is
            // the note that typing went on in a field.
            if fields.indices.contains(oldValue), errors[fields[oldValue].id]?.hasPrefix(Self.choiceHint) == true { errors[fields[oldValue].id] = nil }
            if fields.indices.contains(oldValue), notes[fields[oldValue].id] == Self.typingWentOnNote { notes[fields[oldValue].id] = nil }
        }
    }
    /// The focus came to the buttons row by a letter answering the last question (the weighing's j/d/n/o): more letters then
    /// are more answers meant, not text for the explanation above.
    var answeredOntoButtons = false
    /// How a choice field's note on text typed into it begins.
    static let choiceHint = "Dit veld is een keuze"
    /// The letters typed in a row on the focused choice field, chosen by as a prefix of an option (`uitg` is Uitgaand);
    /// once they match none, the rest of such a word chooses nothing.
    public var choiceTyped = ""
    /// The option chosen before `choiceTyped` began: where a typed text that begins no option puts the choice back.
    public var choiceBeforeTyping: Int?
    /// The option the letters typed had chosen before text that begins none followed them ("la" for Laag pitje, then the
    /// reason typed a field too early): what Backspace puts back.
    public var choiceBeforeStrayText: Int?
    /// The option chosen before the word of `choiceTyped` being typed began (a run of letters can choose by several words).
    var choiceBeforeWord: Int?
    /// A space ended the word typed: the next letter begins another.
    var choiceWordEnded = false
    /// Messages by field id, shown under the field.
    public var errors: [String: String] = [:]
    /// Notes by field id, shown under the field when it has no message: what a date typed relative to today names.
    public var notes: [String: String] = [:]
    /// A message for the form as a whole (a refused save, a disk error).
    public var generalError: String?
    /// The values as the form opened, to tell whether anything was typed or chosen since.
    private var initialValues: [String] = []
    public var picker: Picker?
    /// The focused text field was just entered: typing a character replaces its contents (shown selected),
    /// an editing key (arrows, Backspace) keeps them.
    public var replacesOnType = true
    /// The record the form edits, as it was when the form opened (set by `AppState` when the form appears).
    public var basis: FormBasis?
    /// Who deleted the record this form edits and made one with the same id since it opened: the form's edits
    /// were seen on the old record and are not saved onto the new one.
    public var recordReplacedBy: String?
    /// Who deleted the record this form edits (a relation, an activity, a contact) since it opened: the form no longer
    /// saves, even once a record with the same id or name is made again.
    public var recordRemovedBy: String?
    /// For the assessment: the verdict and reasons of the answers as they stand, updated on every change.
    public var verdictPreview: AssessmentResult?

    public init(purpose: FormPurpose, title: String, fields: [FormField]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields + [FormField("buttons", "", .buttons)]
        focus = self.fields.firstIndex { $0.isVisible } ?? 0
        initialValues = currentValues
    }

    /// Something was typed or chosen since the form opened (and not undone again).
    public var isDirty: Bool { currentValues != initialValues }

    /// The text typed into the form since it opened, field by field ("Toelichting:" and the text), under the form's title;
    /// nil when nothing was typed. What a screen stopped by a signal keeps (`UnsavedInput`); choices are quickly made again.
    public var unsavedText: String? {
        let typed = changedFieldIDs.compactMap { id in self[id].flatMap { $0.isText && !$0.text.trimmingSpaces().isEmpty ? $0 : nil } }
        guard !typed.isEmpty else { return nil }
        return "\(title)\n\n" + typed.map { "\($0.label):\n\($0.text)\n" }.joined(separator: "\n")
    }

    /// The fields whose value differs from when the form opened: what the person typed or chose.
    var changedFieldIDs: [String] {
        zip(fields, zip(currentValues, initialValues)).compactMap { field, values in values.0 == values.1 ? nil : field.id }
    }

    /// The field's value as the form opened and as it is now, as text for comparing (nil: no such field then).
    func comparableValues(of id: String) -> (initial: String?, current: String?) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return (nil, nil) }
        // By id: a row added since (a follow-up) moves the places after it.
        let key = "\(id)="
        return (initialValues.first { $0.hasPrefix(key) } ?? initialValues.first { $0 == id }, currentValues[index])
    }

    /// Whether the field still has the value it opened with (nothing typed or chosen in it since).
    func isUntouched(_ id: String) -> Bool {
        let (initial, current) = comparableValues(of: id)
        return initial != nil && initial == current
    }

    /// Each field's value as text, for comparing (cursor positions and focus do not count).
    private var currentValues: [String] {
        fields.map { field in
            switch field.value {
            case .text(let input): "\(field.id)=\(input.text)"
            case .menu(_, let selected), .choice(_, let selected): "\(field.id)=\(selected)"
            case .flags(_, let on, _): "\(field.id)=\(on.sorted())"
            case .picked(let ids, _, _, _): "\(field.id)=\(ids)"
            case .buttons: field.id
            }
        }
    }

    /// One letter of type-ahead in a field of options: the option that the letters typed in a row begin (`uitg` is
    /// Uitgaand). After one stray key, or a word that chose (`farma`, then `zorg`), a letter that begins an option
    /// starts a new word. Nil when the text typed begins no option; it is kept, so the rest of such a text chooses
    /// nothing either.
    /// `selected`: the option chosen now, remembered as what the word this letter begins was typed over.
    mutating func typeAhead(_ letter: Character, in options: [MenuOption], selected: Int? = nil) -> Int? {
        let typed = choiceTyped + String(letter)
        // A new word: the first letter, one after a space, or a capital after small letters ("laOnvoldoende": the reason
        // typed after "la"). What the words before it chose is what it was typed over.
        let beginsWord = choiceTyped.isEmpty || choiceWordEnded || (letter.isUppercase && choiceTyped.last?.isLowercase == true)
        if beginsWord { choiceBeforeWord = selected }
        choiceWordEnded = false
        if let match = MenuOption.index(beginning: typed, in: options) {
            choiceTyped = typed
            return match
        }
        let mayStartAgain = choiceTyped.count <= 1 || MenuOption.index(beginning: choiceTyped, in: options) != nil
        if mayStartAgain, let match = MenuOption.index(beginning: String(letter), in: options) {
            choiceTyped = String(letter)
            choiceBeforeWord = selected
            return match
        }
        choiceTyped = typed
        return nil
    }

    /// Whether letters were typed that begin none of `options`: a space after them is part of that text, not a key.
    func typedBeginsNoOption(in options: [MenuOption]) -> Bool {
        !choiceTyped.isEmpty && MenuOption.index(beginning: choiceTyped, in: options) == nil
    }

    /// Takes the current values as the unchanged state (after rows were added while building the form).
    mutating func settle() {
        initialValues = currentValues
    }

    public subscript(id: String) -> FormField? {
        get { fields.first { $0.id == id } }
        set {
            guard let newValue, let index = fields.firstIndex(where: { $0.id == id }) else { return }
            fields[index] = newValue
        }
    }

    public func text(_ id: String) -> String { self[id]?.text.trimmingSpaces() ?? "" }

    /// Which day a date typed without its year in field `id` is: from the date of the field it lies after, as typed now
    /// (`28-12` to `3-1` ends in the next year), else as the field says.
    func yearlessDay(of id: String, today: CalendarDate) -> CalendarDate.YearlessDay {
        guard let field = self[id] else { return .nearest }
        guard let after = field.after, let start = try? CalendarDate.read(text(after), today: today, yearless: self[after]?.yearlessDay ?? .nearest)
        else { return field.yearlessDay }
        return .nearStart(start)
    }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    public var visibleIndices: [Int] { fields.indices.filter { fields[$0].isVisible } }

    public mutating func moveFocus(by delta: Int) {
        let visible = visibleIndices
        guard let current = visible.firstIndex(of: focus) ?? visible.first.map({ _ in 0 }) else { return }
        let next = min(max(0, current + delta), visible.count - 1)
        focus = visible[next]
        enteredFocusedField()
    }

    /// A field was just entered: its text is selected for replacing and the cursor is at its end.
    private mutating func enteredFocusedField() {
        replacesOnType = true
        if case .text(var input) = fields[focus].value {
            input.moveCursorToEnd()
            fields[focus].value = .text(input)
        }
    }

    public mutating func focus(on id: String) {
        if let index = fields.firstIndex(where: { $0.id == id && $0.isVisible }) {
            focus = index
            enteredFocusedField()
        }
    }

    /// Typing on the buttons row (Enter in the last field went on to Opslaan, and the typing went on too): the focus
    /// goes back to the nearest text field above, at its end, after a line break in a long text or a space in a short
    /// one, so that what is typed next lands there; a note under it says so. False when no text field is above.
    mutating func continueTypingAboveButtons(longTextFieldIDs: Set<String>) -> Bool {
        guard case .buttons? = focusedField?.value, let index = textFieldAboveButtons,
              case .text(var input) = fields[index].value else { return false }
        input.moveCursorToEnd()
        if let last = input.text.last, !last.isWhitespace {
            input.insert(contentsOf: longTextFieldIDs.contains(fields[index].id) ? "\n" : " ", lineBreaks: .kept)
        }
        fields[index].value = .text(input)
        focus = index
        replacesOnType = false
        notes[fields[index].id] = Self.typingWentOnNote
        return true
    }

    /// The nearest visible text field above the focused buttons row: where typing there goes on.
    private var textFieldAboveButtons: Int? { visibleIndices.last { $0 < focus && fields[$0].isText } }

    /// Whether typing on the focused buttons row goes on in a text field above it.
    var hasTextAboveButtons: Bool { textFieldAboveButtons != nil }

    static let typingWentOnNote = "Hier verder getypt: Enter ging naar Opslaan."

    public mutating func setVisible(_ id: String, _ visible: Bool) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].isVisible = visible
        if !visible && focus == index { moveFocus(by: 1) }
    }

    /// Which fields to put right, by name in the form's order ("verbeter Omvang en Tot en met"), so that the message line
    /// says it too (a braille display shows one line; the marks under the fields are elsewhere). Short: the line is one row.
    var problemSummary: String {
        var labels: [String] = []
        for field in fields where errors[field.id] != nil {
            let label = field.label.trimmingSpaces()
            if !label.isEmpty && !labels.contains(label) { labels.append(label) }
        }
        let also = generalError == nil ? "" : " en zie de melding in het formulier"
        guard !labels.isEmpty else { return generalError == nil ? "verbeter de gemarkeerde velden" : "zie de melding in het formulier" }
        let named = labels.count > 2 ? [labels[0], "nog \(labels.count - 1) velden"] : labels
        return "verbeter " + enumerated(named) + also
    }

    /// Shows errors: under their fields where the form has them, else for the whole form; focuses the first, with the
    /// cursor at its end.
    public mutating func show(_ problems: [String: String]) {
        errors = [:]
        generalError = nil
        for (field, message) in problems {
            if self[field]?.isVisible == true { errors[field] = message } else { generalError = message }
        }
        if let first = fields.first(where: { errors[$0.id] != nil }) {
            focus(on: first.id)
            // The text is to be corrected, not retyped: the first key typed goes after it instead of replacing it.
            replacesOnType = false
        }
    }
}
