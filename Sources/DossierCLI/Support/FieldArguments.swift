import ArgumentParser
import DossierCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `--FIELD VALUE` options named by a field table (`dossier edit`, `edit-contact`), and typed values read
/// by the table's one parser per field. A bad value is a usage error (64); an unknown relation name is a
/// data error (65), with the candidates.
enum FieldArguments {
    /// Stands for the value of a last option that has none (a text no terminal can pass in an argument).
    private static let missingValue = "\u{0}"

    /// `--option value` and `--option=value` pairs, in order.
    static func pairs(_ arguments: [String]) throws -> [(option: String, text: String)] {
        var pairs: [(String, String)] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw ValidationError("verwacht --VELD WAARDE, niet '\(argument)' (zie --help voor de velden)")
            }
            let body = argument.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                pairs.append((String(body[..<equals]), String(body[body.index(after: equals)...])))
                index += 1
            } else {
                // The last option without a value: said once it is known to be a field (`values`), so that an unknown one is
                // called unknown rather than asked a value.
                pairs.append((String(body), index + 1 < arguments.count ? arguments[index + 1] : missingValue))
                index += 2
            }
        }
        return pairs
    }

    /// Each option's field in `table`, with its value read from the text.
    /// `entity`: the record being edited, whose start date an end date typed without its year counts from (when not typed too).
    static func values<Entity>(_ pairs: [(option: String, text: String)], table: FieldTable<Entity>, in dossier: Dossier,
                               ownFlow: [String: String] = [:], entity: Entity? = nil) throws -> [(field: EntityField<Entity>, value: FieldValue)] {
        let today = Session.clock.today()
        var typed: [(option: String, text: String, field: EntityField<Entity>)] = []
        for (option, text) in pairs {
            if let flow = ownFlow[option] { throw ValidationError("--\(option): \(flow)") }
            guard let field = table.field(option: option) ?? otherNumber(of: option, in: table) else {
                let known = table.fields.map { "--" + $0.option }
                let list = known.joined(separator: ", ")
                let meant = meantFields(for: "--" + option, among: known).map { "; bedoelde u " + $0.joined(separator: " of ") + "? Bekend: " }
                throw ValidationError("onbekend veld --\(option) van een \(table.entityName)\(meant ?? "; bekend: ")\(list)")
            }
            guard !typed.contains(where: { $0.field.key == field.key }) else { throw ValidationError("--\(option) staat er twee keer") }
            guard text != missingValue else {
                // A yes/no field has no empty value: what it takes is said (add-contact's --gesprekspartner is a bare flag).
                if case .flag = field.input { throw ValidationError("--\(option): geef ja of nee (--\(option) ja)") }
                throw ValidationError("--\(option): geef een waarde (leeg maken: --\(option) \"\")")
            }
            typed.append((option, text, field))
        }
        // In the table's order, as forms and documents show the fields; so a date another lies after (the start date) is
        // read before that one.
        let order = table.fields.map(\.key)
        typed.sort { (order.firstIndex(of: $0.field.key) ?? 0) < (order.firstIndex(of: $1.field.key) ?? 0) }
        var result: [(field: EntityField<Entity>, value: FieldValue)] = []
        for (option, text, field) in typed {
            do {
                let value = try field.parse(text, in: dossier, today: today, start: table.start(of: field, among: result, in: entity))
                result.append((field, value))
                // A date ten years or more away is taken, and said, as a date option says it.
                if case .date = field.input, case .text(let iso) = value, let date = CalendarDate(iso: iso) {
                    ArgumentValues.sayIfFar(date, option: "--" + option, today: today)
                }
            } catch {
                if case .relations = field.input { throw failure("--\(option): \(error.message)", code: ExitStatus.dataError) }
                throw ValidationError("--\(option): \(error.message)")
            }
        }
        return result
    }

    /// The one field `option` names in the singular or the plural (`--sector` for `--sectors`, `--countries` for
    /// `--country`), as the add commands name it.
    private static func otherNumber<Entity>(of option: String, in table: FieldTable<Entity>) -> EntityField<Entity>? {
        func singular(_ word: String) -> String {
            if word.hasSuffix("ies") { return word.dropLast(3) + "y" }
            return word.hasSuffix("s") ? String(word.dropLast()) : word
        }
        let word = singular(option.lowercased())
        let fields = table.fields.filter { singular($0.option) == word }
        return fields.count == 1 ? fields[0] : nil
    }

    /// The fields an unknown `--option` probably meant: the fields the word is a part of (`--cost`: `--estimated-cost` and
    /// `--actual-cost`), else the words people use for them (`--kosten`), else the nearest spelling.
    static func meantFields(for typed: String, among known: [String]) -> [String]? {
        let word = typed.lowercased().drop { $0 == "-" }
        // `--costs` as `--cost`: a plural is the same word.
        let words = word.hasSuffix("s") ? [word, word.dropLast()] : [word]
        let parts = known.filter { $0.dropFirst(2).split(separator: "-").contains(where: words.contains) }
        if !parts.isEmpty { return Array(parts.prefix(3)) }
        let synonyms = ParserMessages.synonyms[typed.lowercased(), default: []].filter(known.contains)
        if !synonyms.isEmpty { return synonyms }
        return ParserMessages.suggestedOption(for: typed, among: known).map { [$0] }
    }

    /// The text field `key` has among `values`, as read; nil when it is not there.
    static func text<Entity>(_ key: String, among values: [(field: EntityField<Entity>, value: FieldValue)]) -> String? {
        if case .text(let read)? = values.first(where: { $0.field.key == key })?.value { read } else { nil }
    }

    /// The edits that give `entity` these values; unchanged fields are left out.
    static func edits<Entity>(_ values: [(field: EntityField<Entity>, value: FieldValue)], of entity: Entity) -> [FieldEdit] {
        values.compactMap { field, value in
            let current = field.value(of: entity)
            return current == value ? nil : FieldEdit(field: field.key, old: current, new: value)
        }
    }

    /// Sets the values on a new entity; a value of the wrong shape cannot come from `values`.
    static func fill<Entity>(_ entity: inout Entity, with values: [(field: EntityField<Entity>, value: FieldValue)]) throws {
        for (field, value) in values {
            do {
                try field.set(value, in: &entity)
            } catch {
                throw ValidationError("--\(field.option): \(error.message)")
            }
        }
    }

    /// The options of a table for `--help`: "--country  Land: Nederlandse landnaam …", each wrapped here to 78 columns
    /// under its text (the help's own wrapping would start the next line at the margin).
    static func help<Entity>(_ table: FieldTable<Entity>) -> String {
        let width = (table.fields.map { $0.option.count }.max() ?? 0) + 4
        let indent = String(repeating: " ", count: 2 + width)
        return table.fields.map { field in
            let option = "--" + field.option
            let padding = String(repeating: " ", count: max(1, width - option.count))
            let help = field.help.isEmpty ? "" : " \(field.help)"
            let text = DisplayWidth.wrap("\(field.label).\(help)", to: max(20, 78 - indent.count))
            return text.enumerated().map { ($0.offset == 0 ? "  \(option)\(padding)" : indent) + $0.element }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// Asking before something is removed: on a terminal a question, otherwise `--yes` is needed.
enum RemovalConfirmation {
    static func ask(_ question: String, confirmedByFlag yes: Bool, what: String = "dit verwijdert iets") throws -> Bool {
        if yes { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            throw failure("\(what): bevestig met --yes", code: ExitStatus.usage)
        }
        Output.prompt("\(question) [j/N] ")
        guard let answer = readLine()?.lowercased(), ["j", "ja", "y", "yes"].contains(answer) else {
            Output.line("Niets gewijzigd.")
            return false
        }
        return true
    }
}
