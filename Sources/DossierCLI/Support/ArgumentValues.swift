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

/// Option text read by the core's one parser per value; its message, after the option's name, counts as
/// a usage error (exit 64).
enum ArgumentValues {
    static func parse<T>(_ text: String, option: String, _ parse: (String) throws(ValueError) -> T) throws -> T {
        do {
            return try parse(text)
        } catch {
            throw ValidationError("\(option): \(error.message)")
        }
    }

    /// Also relative to today: "morgen", "+14", "vrijdag"; a day without its year is the nearest, or with `.ahead` the next.
    static func date(_ text: String, option: String, yearless: CalendarDate.YearlessDay = .nearest) throws -> CalendarDate {
        let today = Session.clock.today()
        return try parse(text, option: option) { (text: String) throws(ValueError) in try CalendarDate.read(text, today: today, yearless: yearless) }
    }

    /// A date to be stored (not a bound of what to show): one ten years or more from today is taken, and said (a slip in the year).
    static func storedDate(_ text: String, option: String, yearless: CalendarDate.YearlessDay = .nearest) throws -> CalendarDate {
        let date = try date(text, option: option, yearless: yearless)
        sayIfFar(date, option: option, today: Session.clock.today())
        return date
    }

    /// "let op: --end-date 12-3-2072 ligt 45 jaar in de toekomst", for a date to be stored ten years or more from today.
    static func sayIfFar(_ date: CalendarDate, option: String, today: CalendarDate) {
        if let distance = date.distance(from: today) { Output.error("dossier: let op: \(option) \(Session.dates.date(date)) \(distance)") }
    }

    static func money(_ text: String, option: String) throws -> Money {
        let money = try parse(text, option: option, Money.read)
        // Typed by a person (a script's "12.50" is meant as it reads): what a dot before one or two digits was read as.
        if isatty(STDIN_FILENO) == 1, let note = Money.decimalDotNote(text) {
            Output.error(TerminalSafeText.line("dossier: let op: \(option) \(text.trimmingSpaces()) \(note)"))
        }
        return money
    }

    /// A whole number given as an option (a number of days, a size), checked against its range.
    static func number(_ value: Int?, in range: ClosedRange<Int>, option: String) throws {
        guard let value, let problem = Limits.outside(value, range) else { return }
        throw ValidationError("\(option): \(problem)")
    }

    /// A year given as an option, in `Limits.years`.
    static func year(_ value: Int?, option: String = "--year") throws {
        guard let value, let problem = Limits.outsideYears(value) else { return }
        throw ValidationError("\(option): \(problem)")
    }

    /// Countries from repeated options, each a name or code, or several separated by commas.
    static func countries(_ texts: [String], option: String) throws -> [Country] {
        var countries: [Country] = []
        for text in texts {
            for country in try parse(text, option: option, Country.readList) where !countries.contains(country) { countries.append(country) }
        }
        return countries
    }

    /// The countries a list is filtered on: as `countries`, but an empty one is a mistake (an unset variable in a script)
    /// that would otherwise list every country's activities, not a request for those without a country.
    static func countryFilter(_ texts: [String], option: String) throws -> [Country] {
        if texts.contains(where: { $0.trimmingSpaces().isEmpty }) {
            throw ValidationError("\(option): leeg; noem een land, of laat \(option) weg voor alle landen")
        }
        return try countries(texts, option: option)
    }

    /// The countries given (`--country ""`: none), or when the option is not given: those of the relations
    /// (`countriesAbroad`), with the line that says so.
    static func countries(given: [Country]?, relations: [Relation]) -> (countries: [Country], notice: String?) {
        if let given { return (given, nil) }
        let taken = relations.countriesAbroad
        guard !taken.isEmpty else { return ([], nil) }
        let (what, other) = taken.count == 1 ? ("Land", "een ander") : ("Landen", "andere")
        return (taken, "\(what) overgenomen van de \(relations.count == 1 ? "relatie" : "relaties"): \(taken.names) (--country geeft \(other), --country \"\" geen).")
    }

    /// A budget line by id or name, or "geen"; not given: the default line for new activities.
    static func budgetLine(_ text: String?, in dossier: Dossier, option: String) throws -> String? {
        try parse(text ?? "", option: option, dossier.readBudgetLine)
    }

    static func vocabulary<V: Vocabulary>(_ text: String, _ type: V.Type, option: String) throws -> V {
        try parse(text, option: option, V.read)
    }

    /// The words of an option that may be given more than once or with commas between (`--status idee,gepland`),
    /// each read by the vocabulary's one reading, in the order given, each once.
    static func vocabularies<V: Vocabulary>(_ texts: [String], _ type: V.Type, option: String) throws -> [V] {
        var values: [V] = []
        for text in texts {
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let value = try vocabulary(String(part), type, option: option)
                if !values.contains(value) { values.append(value) }
            }
        }
        return values
    }
}

extension ArgumentValues {
    /// A text option of one line (a reason, a decision, a label), read as a form's field of one line reads it: a tab a space,
    /// the lines joined by a space (`TypedText`, `ListText.oneLine`).
    static func line(_ text: String) -> String {
        ListText.oneLine(TypedText.fitted(text, to: .line))
    }

    /// Values of a list option (places, entrepreneurs, sectors), read as a form's list field reads them: each line an item.
    static func list(_ texts: [String]) -> [String] {
        texts.map { TypedText.fitted($0, to: .list) }
    }

    /// A long text option (what an activity yielded), read as a form's long text reads it: a tab a space, the lines kept.
    static func longText(_ text: String) -> String {
        ListText.unixLineEnds(TypedText.fitted(text, to: .longText))
    }
}

extension ArgumentValues {
    /// What `export --what` and `import` exchange, also in Dutch ("activiteiten" is `activities`).
    static func exchangeKind(_ text: String) -> String {
        ["relaties": "relations", "activiteiten": "activities", "contactpersonen": "contacts", "contacten": "contacts"][text.lowercased()] ?? text
    }
}
