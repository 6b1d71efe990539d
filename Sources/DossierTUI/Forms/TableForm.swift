import DossierCore

/// Forms made from the core's field tables: one form field per table field (its key as the id, so the
/// store's refusals land under it), filled with the entity's values, and read back with each field's one
/// parser. The relation, contact, link and activity forms are built this way.
enum TableForm {
    /// The option that stands for "none" in a choice that may be left empty.
    static let noneOption = MenuOption("", "(geen)")

    /// What the kind of a new relation or activity shows until one is chosen: the command line asks its --kind, and a kind
    /// taken as given (a company filed as a region, a network drink weighed as a trade mission) was saved unseen.
    static let unchosenKind = MenuOption("", "(kies een soort)")

    /// The kind field among `fields` with nothing chosen yet.
    static func leaveKindUnchosen(_ fields: inout [FormField]) {
        guard let index = fields.firstIndex(where: { $0.id == "kind" }), case .choice(let options, _) = fields[index].value else { return }
        fields[index].value = .choice([unchosenKind] + options, selected: 0)
    }

    /// What saving says while the kind is not chosen, naming a few kinds as `examples`; nil once one is.
    static func unchosenKindProblem(in form: Form, examples: String) -> String? {
        form["kind"]?.selectedValue == unchosenKind.value ? "Kies een soort: ←→ of de beginletter (\(examples) …)" : nil
    }

    /// Form fields for `keys` of the table (all when nil), with the entity's values.
    static func fields<Entity>(_ table: FieldTable<Entity>, of entity: Entity, keys: [String]? = nil, in dossier: Dossier,
                               emptyLabels: [String: String] = [:], options: [String: [MenuOption]] = [:]) -> [FormField] {
        let chosen = keys.map { keys in keys.compactMap { table.field($0) } } ?? table.fields
        return chosen.map { field in
            let value = field.value(of: entity)
            let isDate = if case .date = field.input { true } else { false }
            let isAmount = if case .amount = field.input { true } else { false }
            var formField = FormField(field.key, field.label, formValue(field, value, in: dossier, emptyLabel: emptyLabels[field.key], options: options[field.key]),
                                      help: help(for: field), isDate: isDate, isAmount: isAmount, after: field.after)
            if field.input == .email || field.input == .phone { formField.checkedAs = field.input }
            return formField
        }
    }

    static func formValue<Entity>(_ field: EntityField<Entity>, _ value: DossierCore.FieldValue, in dossier: Dossier, emptyLabel: String?,
                                  options custom: [MenuOption]?) -> FormValue {
        switch field.input {
        case .line, .longText, .list, .date, .amount, .count, .email, .phone, .url:
            return .text(TextInput(field.editText(value, in: dossier)))
        case let .choice(options, allowsNone):
            let menu = custom ?? ((allowsNone ? [noneOption] : []) + options.map { MenuOption($0.value, $0.label) })
            let current = stringValue(value)
            return .choice(menu, selected: menu.firstIndex { $0.value == current } ?? 0)
        case .choices(let options):
            let menu = custom ?? options.map { MenuOption($0.value, $0.label) }
            return .flags(menu, on: Set(listValue(value)), cursor: 0)
        case .relations(let allowsMultiple):
            let ids = listValue(value).filter { dossier.relation($0) != nil }
            return .picked(ids, source: .relations, allowsMultiple: allowsMultiple, emptyLabel: emptyLabel ?? (allowsMultiple ? "(geen; Enter kiest)" : "(geen)"))
        case .countries:
            return .picked(listValue(value), source: .countries, allowsMultiple: true, emptyLabel: emptyLabel ?? "(geen; Enter kiest)")
        case .flag:
            let menu = [MenuOption("nee", "nee"), MenuOption("ja", "ja")]
            return .choice(menu, selected: value == .flag(true) ? 1 : 0)
        case .budgetLine:
            let menu = custom ?? budgetLineOptions(in: dossier)
            return .choice(menu, selected: menu.firstIndex { $0.value == stringValue(value) } ?? 0)
        }
    }

    /// The dossier's budget lines, and none (a partner pays).
    static func budgetLineOptions(in dossier: Dossier) -> [MenuOption] {
        dossier.budgetLines.map { MenuOption($0.id, $0.name) } + [MenuOption("", "geen (niet ten laste van de gemeente)")]
    }

    static func help<Entity>(for field: EntityField<Entity>) -> String {
        var parts = [field.help]
        switch field.input {
        case .longText: parts.append("Ctrl-O: in uw editor ($VISUAL/$EDITOR) bewerken.")
        case .choice, .flag, .budgetLine: parts.append("←→ of de beginletter kiest.")
        case .choices: parts.append("←→ kiest, Spatie vinkt aan of uit.")
        case .relations(let allowsMultiple):
            parts.append(allowsMultiple ? "Enter of typen opent de lijst; Tab vinkt meerdere aan; Backspace haalt de laatste weg."
                                        : "Enter of typen opent de lijst; Backspace maakt het veld leeg.")
        case .countries: parts.append("Typ een landnaam: de lijst zoekt mee; Tab vinkt meerdere aan; Backspace haalt de laatste weg.")
        case .date: parts.append("12-3-2025, 12 maart 2025, morgen, +14, +2w of vrijdag.")
        case .amount: parts.append("450, 1.250 of 1.250,50.")
        default: break
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The values in the form for `keys`, each read by its field's parser; the problems per field id.
    /// `untouched`: the record an edit form opened on; its fields' texts left as they were give its values unread.
    /// `today`: what a relative date ("morgen", "+14") counts from.
    static func values<Entity>(_ form: Form, _ table: FieldTable<Entity>, keys: [String]? = nil, in dossier: Dossier, today: CalendarDate,
                               untouched: Entity? = nil)
        -> (values: [(field: EntityField<Entity>, value: DossierCore.FieldValue)], problems: [String: String]) {
        var values: [(field: EntityField<Entity>, value: DossierCore.FieldValue)] = []
        var problems: [String: String] = [:]
        let chosen = keys.map { keys in keys.compactMap { table.field($0) } } ?? table.fields
        for field in chosen {
            guard let formField = form[field.key], formField.isVisible else { continue }
            switch formField.value {
            case .text(let input):
                // A text left as it opened, on an edit form, is the record's value: read again it might read otherwise
                // (a list written by an older version), and an edit of another field must not rewrite it.
                if let untouched, form.isUntouched(field.key) {
                    values.append((field, field.value(of: untouched)))
                    continue
                }
                let isLong = if case .longText = field.input { true } else { false }
                do throws(ValueError) {
                    let start = table.start(of: field, among: values, in: untouched)
                    values.append((field, try field.parse(isLong ? input.text : input.text.trimmingSpaces(), in: dossier, today: today, start: start)))
                } catch {
                    problems[field.key] = error.message.capitalizedFirst
                }
            case let .choice(options, selected), let .menu(options, selected):
                let raw = options.indices.contains(selected) ? options[selected].value : ""
                if case .flag = field.input {
                    values.append((field, .flag(raw == "ja")))
                } else {
                    values.append((field, raw.isEmpty ? field.emptyValue : .text(raw)))
                }
            case .flags(let options, let on, _):
                values.append((field, .list(options.map(\.value).filter(on.contains))))
            case .picked(let ids, _, let allowsMultiple, _):
                if allowsMultiple {
                    values.append((field, .list(ids)))
                } else {
                    values.append((field, ids.first.map { .text($0) } ?? field.emptyValue))
                }
            case .buttons:
                continue
            }
        }
        return (values, problems)
    }

    /// The edits that give `entity` the form's values; fields not changed are left out.
    static func edits<Entity>(_ values: [(field: EntityField<Entity>, value: DossierCore.FieldValue)], of entity: Entity) -> [FieldEdit] {
        values.compactMap { field, value in
            let current = field.value(of: entity)
            return current == value ? nil : FieldEdit(field: field.key, old: current, new: value)
        }
    }

    /// Puts the form's values into a new entity.
    static func fill<Entity>(_ entity: inout Entity, with values: [(field: EntityField<Entity>, value: DossierCore.FieldValue)]) -> [String: String] {
        var problems: [String: String] = [:]
        for (field, value) in values {
            do throws(ValueError) {
                try field.set(value, in: &entity)
            } catch {
                problems[field.key] = error.message.capitalizedFirst
            }
        }
        return problems
    }

    private static func stringValue(_ value: DossierCore.FieldValue) -> String {
        if case .text(let text) = value { return text }
        return ""
    }

    private static func listValue(_ value: DossierCore.FieldValue) -> [String] {
        switch value {
        case .list(let items): items
        case .text(let text): text.isEmpty ? [] : [text]
        default: []
        }
    }
}

extension String {
    /// "dit veld is verplicht" → "Dit veld is verplicht", for a message under a field.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
