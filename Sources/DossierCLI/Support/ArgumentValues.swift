import ArgumentParser
import DossierCore
import Foundation

/// Turning option text into values, with Dutch messages that count as usage errors (exit 64).
enum ArgumentValues {
    static func date(_ text: String, option: String) throws -> CalendarDate {
        do {
            return try CalendarDate.read(text)
        } catch {
            throw ValidationError("\(option): \(error.message)")
        }
    }

    static func money(_ text: String, option: String) throws -> Money {
        do {
            return try Money.read(text)
        } catch {
            throw ValidationError("\(option): \(error.message)")
        }
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
            do {
                for country in try Country.parseList(text) where !countries.contains(country) { countries.append(country) }
            } catch {
                throw ValidationError("\(option): \(error.message)")
            }
        }
        return countries
    }

    /// A budget line by id or name, or "geen"; not given: the default line for new activities.
    static func budgetLine(_ text: String?, in dossier: Dossier, option: String) throws -> String? {
        do {
            return try dossier.budgetLineID(parsing: text ?? "")
        } catch {
            throw ValidationError("\(option): \(error.message)")
        }
    }

    static func vocabulary<V: Vocabulary>(_ text: String, _ type: V.Type, option: String) throws -> V {
        guard let value = V(lenient: text) else {
            throw ValidationError("\(option): onbekende \(V.vocabularyName) '\(text)'; kies uit: \(V.allowedList)")
        }
        return value
    }
}
