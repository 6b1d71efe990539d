import DossierCore

/// One choice in a menu, a choice field or a set of flags: the stored slug and the Dutch label.
public struct MenuOption: Hashable, Sendable {
    public var value: String
    public var label: String

    public init(_ value: String, _ label: String) {
        self.value = value
        self.label = label
    }

    public static func from<V: Vocabulary>(_ values: [V]) -> [MenuOption] {
        values.map { MenuOption($0.rawValue, $0.label) }
    }

    /// The first of `options` whose label begins with `text`, case and accents aside (type-ahead in menus, choices, ticks).
    static func index(beginning text: String, in options: [MenuOption]) -> Int? {
        let folded = SearchText.fold(text)
        return options.indices.first { SearchText.fold(options[$0].label).hasPrefix(folded) }
    }
}

/// What a form field holds and how it is edited.
public enum FormValue: Hashable, Sendable {
    /// One line of text (also dates, amounts and comma-separated lists).
    case text(TextInput)
    /// A vertical list of options; ↑↓ choose while it has the focus.
    case menu([MenuOption], selected: Int)
    /// One of a few options on one line; ←→ or Space change it.
    case choice([MenuOption], selected: Int)
    /// Several options that can each be on or off (sectors); ←→ move, Space toggles.
    case flags([MenuOption], on: Set<String>, cursor: Int)
    /// Relations or countries chosen in the picker (Enter or typing opens it), by id or code. `emptyLabel`
    /// is shown when none is chosen.
    case picked([String], source: PickSource, allowsMultiple: Bool, emptyLabel: String)
    /// The [Opslaan] [Annuleren] row.
    case buttons

    /// A menu, a choice or ticks: letters typed there go to the option they begin (type-ahead).
    var isChoiceOfOptions: Bool {
        switch self {
        case .menu, .choice, .flags: true
        case .text, .picked, .buttons: false
        }
    }
}

/// A field of a form: an id (the JSON key where there is one, so the store's messages land at the
/// right field), a label, a help text, the value, and whether it is shown now.
public struct FormField: Hashable, Sendable {
    public var id: String
    public var label: String
    public var help: String
    public var value: FormValue
    public var isVisible: Bool
    /// A question to go through quickly: choosing by letter moves on to the next such question.
    public var isQuickAnswer: Bool
    /// A date typed as text: a date relative to today ("+3w") shows the day it names under it.
    public var isDate: Bool
    /// An amount typed as text: one whose dot is read as the decimal mark ("1.25") shows the amount it is under it.
    public var isAmount: Bool
    /// Which day a date typed without its year is: the nearest, or (a review date) the first after today.
    public var yearlessDay: CalendarDate.YearlessDay
    /// For a date that lies on or after another field's date (an end date's start): that field's id. A day typed without its
    /// year is then the such day nearest that date (`Form.yearlessDay(of:today:)`).
    public var after: String?
    /// An e-mail address or phone number typed as text: one that does not read says why on leaving the field, as a date does.
    public var checkedAs: FieldInput?

    public init(_ id: String, _ label: String, _ value: FormValue, help: String = "", isVisible: Bool = true, isQuickAnswer: Bool = false,
                isDate: Bool = false, isAmount: Bool = false, yearlessDay: CalendarDate.YearlessDay = .nearest, after: String? = nil) {
        self.id = id
        self.label = label
        self.help = help
        self.value = value
        self.isVisible = isVisible
        self.isQuickAnswer = isQuickAnswer
        self.isDate = isDate
        self.isAmount = isAmount
        self.yearlessDay = yearlessDay
        self.after = after
    }

    public var text: String {
        if case .text(let input) = value { return input.text }
        return ""
    }

    public var selectedValue: String? {
        switch value {
        case .menu(let options, let selected), .choice(let options, let selected):
            options.indices.contains(selected) ? options[selected].value : nil
        default: nil
        }
    }

    public var flagValues: [String] {
        if case .flags(let options, let on, _) = value { return options.map(\.value).filter(on.contains) }
        return []
    }

    /// The relation ids or country codes chosen.
    public var relationIDs: [RelationID] {
        if case .picked(let ids, _, _, _) = value { return ids }
        return []
    }

    /// Whether the field takes typed text (and shows the cursor).
    public var isText: Bool {
        if case .text = value { return true }
        return false
    }

    /// Rows the field takes on screen (a menu one per option).
    public var rowCount: Int {
        if case .menu(let options, _) = value { return options.count }
        return 1
    }
}
