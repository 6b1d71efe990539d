import ArgumentParser
import DossierCore
import Foundation

/// Turning option text into values, with Dutch messages that count as usage errors (exit 64).
enum ArgumentValues {
    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else {
            throw ValidationError("\(option): '\(text)' is geen datum; gebruik 2025-03-12 of 12-3-2025")
        }
        return date
    }

    static func money(_ text: String, option: String) throws -> Money {
        guard let money = Money(parsing: text) else {
            throw ValidationError("\(option): '\(text)' is geen bedrag; gebruik bijvoorbeeld 1250, 1.250 of 1.250,50 (euro)")
        }
        return money
    }

    static func vocabulary<V: Vocabulary>(_ text: String, _ type: V.Type, option: String) throws -> V {
        guard let value = V(lenient: text) else {
            throw ValidationError("\(option): onbekende \(V.vocabularyName) '\(text)'; kies uit: \(V.allowedList)")
        }
        return value
    }
}
