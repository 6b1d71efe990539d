/// Fields of the common shapes, over a key path: text, lists, dates, amounts, counts, fixed lists, relations.
extension EntityField {
    typealias Path<Value> = WritableKeyPath<Entity, Value> & Sendable

    /// A text; `isLong` for free text that may run over many lines.
    static func text(_ key: String, _ label: String, option: String, help: String = "", isRequired: Bool = false, isLong: Bool = false,
                     input: FieldInput? = nil, _ path: Path<String>,
                     parse: @escaping @Sendable (String) throws(ValueError) -> String = { text throws(ValueError) in text.trimmingSpaces() }) -> EntityField {
        EntityField(key: key, label: label, option: option, input: input ?? (isLong ? .longText : .line), help: help, isRequired: isRequired,
                    get: { .text($0[keyPath: path]) },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in entity[keyPath: path] = try FieldCast.text(value) },
                    parse: { (text: String, _: Dossier, _: CalendarDate?) throws(ValueError) in .text(isLong ? try parse(ListText.unixLineEnds(text)) : try parse(ListText.oneLine(text))) },
                    show: { value, _ in FieldCast.string(value) })
    }

    /// Items typed in one line, separated by commas or semicolons.
    static func list(_ key: String, _ label: String, option: String, help: String = "", _ path: Path<[String]>) -> EntityField {
        EntityField(key: key, label: label, option: option, input: .list, help: help,
                    get: { .list($0[keyPath: path]) },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in entity[keyPath: path] = try FieldCast.list(value) },
                    parse: { text, _, _ in .list(ListText.split(text)) },
                    show: { value, _ in FieldCast.strings(value).joined(separator: ", ") },
                    // An item with a comma in it ("Buijs, W.") is edited in double quotes: saved again, it stays one.
                    editText: { value, _ in ListText.join(FieldCast.strings(value)) })
    }

    /// `after`: the key of the date this one lies on or after (an end date's start), from which a day typed without its year counts.
    static func date(_ key: String, _ label: String, option: String, help: String = "", after: String? = nil, _ path: Path<CalendarDate?>) -> EntityField {
        EntityField(key: key, label: label, option: option, input: .date, help: help, after: after,
                    get: { $0[keyPath: path].map { .text($0.iso) } ?? .none },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in entity[keyPath: path] = try FieldCast.date(value) },
                    parse: { (text: String, _: Dossier, today: CalendarDate?) throws(ValueError) in try dateValue(text, today: today) },
                    show: { value, _ in (try? FieldCast.date(value))?.map(DateWriting.standard.date) ?? FieldCast.string(value) })
    }

    /// A date field's value from its text. Typed by a person (a form, an option): also relative to today ("morgen", "+14"),
    /// a day without its year read as `yearless` says; from a file (`today` nil): fixed only.
    static func dateValue(_ text: String, today: CalendarDate?, yearless: CalendarDate.YearlessDay = .nearest) throws(ValueError) -> FieldValue {
        guard let today else { return .text(try CalendarDate.read(text).iso) }
        return .text(try CalendarDate.read(text, today: today, yearless: yearless).iso)
    }

    static func amount(_ key: String, _ label: String, option: String, help: String = "", _ path: Path<Money?>) -> EntityField {
        EntityField(key: key, label: label, option: option, input: .amount, help: help,
                    get: { $0[keyPath: path].map { .number($0.cents) } ?? .none },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in entity[keyPath: path] = try FieldCast.money(value) },
                    parse: { (text: String, _: Dossier, _: CalendarDate?) throws(ValueError) in .number(try Money.read(text).cents) },
                    show: { value, _ in (try? FieldCast.money(value))??.formatted ?? FieldCast.string(value) },
                    editText: { value, _ in (try? FieldCast.money(value))??.fieldText ?? "" })
    }

    static func vocabulary<V: Vocabulary>(_ key: String, _ label: String, option: String, help: String = "", options: [V] = V.allCases,
                                          _ path: Path<V>) -> EntityField {
        EntityField(key: key, label: label, option: option, input: .choice(FieldOption.from(options), allowsNone: false), help: help, isRequired: true,
                    get: { .text($0[keyPath: path].rawValue) },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in entity[keyPath: path] = try FieldCast.vocabulary(value) },
                    parse: { (text: String, _: Dossier, _: CalendarDate?) throws(ValueError) in .text(try V.read(text).rawValue) },
                    show: { value, _ in FieldCast.label(value, V.self) },
                    editText: { value, _ in FieldCast.label(value, V.self) })
    }

    static func vocabularies<V: Vocabulary>(_ key: String, _ label: String, option: String, help: String = "", _ path: Path<[V]>) -> EntityField {
        EntityField(key: key, label: label, option: option, input: .choices(FieldOption.from(V.allCases)), help: help,
                    get: { .list($0[keyPath: path].map(\.rawValue)) },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in entity[keyPath: path] = try FieldCast.vocabularies(value) },
                    parse: { (text: String, _: Dossier, _: CalendarDate?) throws(ValueError) in .list(try V.readList(text).map(\.rawValue)) },
                    show: { value, _ in FieldCast.strings(value).map { V(rawValue: $0)?.label ?? $0 }.joined(separator: ", ") })
    }

    static func flag(_ key: String, _ label: String, option: String, help: String = "", _ path: Path<Bool>) -> EntityField {
        EntityField(key: key, label: label, option: option, input: .flag, help: help,
                    get: { .flag($0[keyPath: path]) },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in entity[keyPath: path] = try FieldCast.flag(value) },
                    parse: { (text: String, _: Dossier, _: CalendarDate?) throws(ValueError) in .flag(try YesNo.read(text)) },
                    show: { value, _ in (try? FieldCast.flag(value)).map(YesNo.label) ?? FieldText.nothing })
    }

    /// Countries by ISO code, typed by Dutch name or code (the country table's one reader), shown by name.
    static func countries(_ key: String, _ label: String, option: String, help: String = "", _ path: Path<[Country]>) -> EntityField {
        EntityField(key: key, label: label, option: option, input: .countries, help: help,
                    get: { .list($0[keyPath: path].map(\.code)) },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in
                        var countries: [Country] = []
                        for code in try FieldCast.list(value) {
                            guard let country = Country(code: code), country.code == code else { throw ValueError("onbekende landcode '\(code)'") }
                            countries.append(country)
                        }
                        entity[keyPath: path] = countries
                    },
                    parse: { (text: String, _: Dossier, _: CalendarDate?) throws(ValueError) in
                        do throws(CountryError) {
                            return .list(try Country.parseList(text).map(\.code))
                        } catch {
                            throw ValueError(error.message)
                        }
                    },
                    show: { value, _ in FieldCast.strings(value).map { Country(code: $0)?.name ?? $0 }.joined(separator: ", ") })
    }

    /// Relations by id, typed by name (or id), shown by name.
    static func relations(_ key: String, _ label: String, option: String, help: String = "", _ path: Path<[RelationID]>) -> EntityField {
        EntityField(key: key, label: label, option: option, input: .relations(allowsMultiple: true), help: help,
                    get: { .list($0[keyPath: path]) },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in entity[keyPath: path] = try FieldCast.list(value) },
                    parse: { (text: String, dossier: Dossier, _: CalendarDate?) throws(ValueError) in
                        var ids: [RelationID] = []
                        for name in ListText.split(text) {
                            let id = try NameLookup.relation(name, in: dossier).id
                            if !ids.contains(id) { ids.append(id) }
                        }
                        return .list(ids)
                    },
                    show: { value, dossier in FieldCast.strings(value).map(dossier.relationName).joined(separator: ", ") })
    }

    /// At most one relation, by id; typed by name.
    static func relation(_ key: String, _ label: String, option: String, help: String = "", _ path: Path<RelationID?>) -> EntityField {
        EntityField(key: key, label: label, option: option, input: .relations(allowsMultiple: false), help: help,
                    get: { $0[keyPath: path].map { .text($0) } ?? .none },
                    set: { (entity: inout Entity, value: FieldValue) throws(ValueError) in
                        let id = try FieldCast.text(value)
                        entity[keyPath: path] = id.isEmpty ? nil : id
                    },
                    parse: { (text: String, dossier: Dossier, _: CalendarDate?) throws(ValueError) in .text(try NameLookup.relation(text, in: dossier).id) },
                    show: { value, dossier in dossier.relationName(FieldCast.string(value)) })
    }
}

/// Taking values of one shape out of a `FieldValue`, refusing another shape.
enum FieldCast {
    static func text(_ value: FieldValue) throws(ValueError) -> String {
        switch value {
        case .text(let text): return text
        case .none: return ""
        default: throw FieldText.mismatch(value, "tekst")
        }
    }

    static func list(_ value: FieldValue) throws(ValueError) -> [String] {
        switch value {
        case .list(let items): return items
        case .none: return []
        default: throw FieldText.mismatch(value, "een lijst teksten")
        }
    }

    static func flag(_ value: FieldValue) throws(ValueError) -> Bool {
        guard case .flag(let flag) = value else { throw FieldText.mismatch(value, "true of false") }
        return flag
    }

    static func number(_ value: FieldValue) throws(ValueError) -> Int64? {
        switch value {
        case .number(let number): return number
        case .none: return nil
        default: throw FieldText.mismatch(value, "een heel getal")
        }
    }

    static func date(_ value: FieldValue) throws(ValueError) -> CalendarDate? {
        switch value {
        case .none: return nil
        case .text(let text):
            guard let date = CalendarDate(iso: text) else { throw ValueError("'\(text)' is geen datum in de vorm 2026-03-12") }
            return date
        default: throw FieldText.mismatch(value, "een datum")
        }
    }

    static func money(_ value: FieldValue) throws(ValueError) -> Money? {
        try number(value).map(Money.init(cents:))
    }

    static func vocabulary<V: Vocabulary>(_ value: FieldValue) throws(ValueError) -> V {
        let raw = try text(value)
        guard let result = V(rawValue: raw) else { throw ValueError("\(V.unknownName) '\(raw)'; kies uit: \(V.allowedList)") }
        return result
    }

    static func vocabularies<V: Vocabulary>(_ value: FieldValue) throws(ValueError) -> [V] {
        var result: [V] = []
        for raw in try list(value) {
            guard let item = V(rawValue: raw) else { throw ValueError("\(V.unknownName) '\(raw)'; kies uit: \(V.allowedList)") }
            result.append(item)
        }
        return result
    }

    /// Any value as plain text, for showing.
    static func string(_ value: FieldValue) -> String {
        switch value {
        case .none: ""
        case .text(let text): text
        case .number(let number): String(number)
        case .flag(let flag): YesNo.label(flag)
        case .list(let items): items.joined(separator: ", ")
        }
    }

    static func strings(_ value: FieldValue) -> [String] {
        if case .list(let items) = value { return items }
        let text = string(value)
        return text.isEmpty ? [] : [text]
    }

    static func label<V: Vocabulary>(_ value: FieldValue, _ type: V.Type) -> String {
        let raw = string(value)
        return V(rawValue: raw)?.label ?? raw
    }
}
