/// One field of a relation, activity, contact or link: its key, Dutch label and command-line option, how
/// it is typed, and how its value is read from text (with the core's one parser for that value), shown as
/// text, taken from and put into the entity. The form, `dossier edit`, the CSV import and the log all go
/// through these tables, so a field is named, read and shown the same everywhere.
public struct EntityField<Entity: Sendable>: Sendable {
    /// The JSON key, dotted for nested values (`visit.hosts`): what a `FieldEdit` names.
    public let key: String
    public let label: String
    /// The command-line option without dashes (`estimated-cost` for `--estimated-cost`).
    public let option: String
    public let input: FieldInput
    public let help: String
    /// Needs a value (a name, a title, a kind).
    public let isRequired: Bool
    /// For a date that lies on or after another (an end date's start date): that field's key. A day typed without its
    /// year is then the such day nearest the other date (`28-12` to `3-1` ends in the next year; `CalendarDate.YearlessDay`).
    public let after: String?
    let getter: @Sendable (Entity) -> FieldValue
    let setter: @Sendable (inout Entity, FieldValue) throws(ValueError) -> Void
    let parser: @Sendable (String, Dossier, CalendarDate?) throws(ValueError) -> FieldValue
    let shower: @Sendable (FieldValue, Dossier) -> String
    let editor: @Sendable (FieldValue, Dossier) -> String
    let blank: FieldValue?

    public init(key: String, label: String, option: String, input: FieldInput, help: String = "", isRequired: Bool = false, after: String? = nil,
                get: @escaping @Sendable (Entity) -> FieldValue,
                set: @escaping @Sendable (inout Entity, FieldValue) throws(ValueError) -> Void,
                parse: @escaping @Sendable (String, Dossier, CalendarDate?) throws(ValueError) -> FieldValue,
                show: @escaping @Sendable (FieldValue, Dossier) -> String,
                editText: (@Sendable (FieldValue, Dossier) -> String)? = nil, empty: FieldValue? = nil) {
        self.key = key
        self.label = label
        self.option = option
        self.input = input
        self.help = help
        self.isRequired = isRequired
        self.after = after
        getter = get
        setter = set
        parser = parse
        shower = show
        editor = editText ?? show
        blank = empty
    }

    /// The field's value in `entity`.
    public func value(of entity: Entity) -> FieldValue { getter(entity) }

    /// Puts a value in; refuses one of the wrong shape (text for a number …).
    public func set(_ value: FieldValue, in entity: inout Entity) throws(ValueError) {
        try setter(&entity, value)
    }

    /// Reads typed text with the parser for this field's value. Empty text is no value (refused when required).
    /// `today`: the text was typed by a person now, so a date may also be relative ("morgen", "+14"); nil for a file's.
    /// `start`: for a field that lies `after` another, that other date, from which a day typed without its year counts.
    public func parse(_ text: String, in dossier: Dossier, today: CalendarDate? = nil, start: CalendarDate? = nil) throws(ValueError) -> FieldValue {
        let text = TypedText.fitted(text, to: input)
        if text.trimmingSpaces().isEmpty {
            if isRequired { throw ValueError.missing }
            // Empty would silently say that a partner pays (no budget line), taking the cost off the budget.
            if case .budgetLine = input { throw ValueError("leeg: geef de id of naam van een budgetregel, of 'geen' als een partner betaalt") }
            return emptyValue
        }
        if case .date = input, let start { return try EntityField.dateValue(text, today: today, yearless: .nearStart(start)) }
        return try parser(text, dossier, today)
    }

    /// The value as people read it: "€ 2.500,00", "Denemarken", "–" for nothing.
    public func show(_ value: FieldValue, in dossier: Dossier) -> String {
        value.isEmpty && blank == nil ? FieldText.nothing : shower(value, dossier)
    }

    /// The value as it stands in a text field to be edited: "2500", "2026-03-12", names separated by commas.
    public func editText(_ value: FieldValue, in dossier: Dossier) -> String {
        value.isEmpty || value == blank ? "" : editor(value, dossier)
    }

    /// What an empty field holds: nothing, an empty text or an empty list, by the field's shape.
    public var emptyValue: FieldValue {
        if let blank { return blank }
        switch input {
        case .line, .longText, .email, .phone, .url: return .text("")
        case .list, .choices, .countries: return .list([])
        case .relations(let allowsMultiple): return allowsMultiple ? .list([]) : .none
        case .date, .amount, .count, .choice, .flag, .budgetLine: return .none
        }
    }

    /// "Kosten: € 2.500,00 → € 3.000,00". A long text is shortened to its start, on one line: the log
    /// says what changed, the change itself keeps the whole text.
    public func describe(_ edit: FieldEdit, in dossier: Dossier) -> String {
        let (old, new) = logged(old: edit.old, new: edit.new, in: dossier)
        return "\(label): \(old) → \(new)"
    }

    /// An old and a new value as the log shows them. A long text is cut to `FieldText.loggedLength`, both from a little
    /// before where they first differ: two long notes that differ only at their end do not read alike.
    public func logged(old: FieldValue, new: FieldValue, in dossier: Dossier) -> (old: String, new: String) {
        let (oldText, newText) = (show(old, in: dossier), show(new, in: dossier))
        guard case .longText = input else { return (oldText, newText) }
        let (before, after) = (Array(oneLine(oldText)), Array(oneLine(newText)))
        let limit = FieldText.loggedLength
        guard before.count > limit || after.count > limit else { return (String(before), String(after)) }
        let same = zip(before, after).prefix { $0 == $1 }.count
        let start = same + 10 > limit ? same - 20 : 0
        func cut(_ text: [Character]) -> String {
            let piece = text.dropFirst(start).prefix(limit)
            return (start > 0 ? "…" : "") + String(piece) + (start + piece.count < text.count ? "…" : "")
        }
        return (cut(before), cut(after))
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ¶ ")
    }
}

/// Shared wording for showing field values.
public enum FieldText {
    /// Shown for a field without a value.
    public static let nothing = "–"
    /// How much of a long text the log shows.
    static let loggedLength = 80

    public static func mismatch(_ value: FieldValue, _ expected: String) -> ValueError {
        ValueError("verwacht \(expected), niet \(describe(value))")
    }

    static func describe(_ value: FieldValue) -> String {
        switch value {
        case .none: "geen waarde"
        case .text(let text): "de tekst '\(text)'"
        case .number(let number): "het getal \(number)"
        case .flag(let flag): flag ? "true" : "false"
        case .list: "een lijst"
        }
    }
}
