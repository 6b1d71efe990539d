import DossierTestSupport
import Foundation

/// The two source documents (Tests/DossierCoreTests/Seeds), for checking that what the product quotes is
/// in them word for word. Line breaks, repeated spaces and the kind of apostrophe do not count.
enum SeedText {
    static let files = ["kader-internationalisering-2025-2030.txt", "reactie-economic-board-2024-12-12.txt"]

    static func all() throws -> String {
        try files.map { normalised(String(decoding: try Repository.bytes("Tests/DossierCoreTests/Seeds/\($0)"), as: UTF8.self)) }
            .joined(separator: "\n")
    }

    static func contains(_ quotation: String) throws -> Bool {
        try all().contains(normalised(quotation))
    }

    /// Whitespace runs as one space, ’ as ', and the bullet and dash layout of the seeds' lists ignored.
    static func normalised(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'") {
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// The quoted pieces of a passage: text between double quotes, split where the passage leaves words out (…).
    static func quotations(in passage: String) -> [String] {
        passage.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }
            .flatMap { $0.element.replacingOccurrences(of: "[...]", with: "…").components(separatedBy: "…") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
