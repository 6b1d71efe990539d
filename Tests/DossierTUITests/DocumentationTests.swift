import DossierTestSupport
@testable import DossierTUI
import Foundation
import Testing

/// docs/tui.md lists every key of the key map, and its screen captures are the snapshot files.
@Suite("TUI documentation", .serialized)
struct DocumentationTests {
    static let path = Repository.path("docs/tui.md")

    /// The text between `<!-- NAME:begin -->` and `<!-- NAME:end -->`.
    static func block(_ name: String, in text: String) -> String? {
        guard let begin = text.range(of: "<!-- \(name):begin -->\n"), let end = text.range(of: "<!-- \(name):end -->") else { return nil }
        return String(text[begin.upperBound..<end.lowerBound])
    }

    /// Replaces the text between a block's markers (recording mode only).
    static func replaceBlock(_ name: String, with content: String, in document: inout String) {
        guard let begin = document.range(of: "<!-- \(name):begin -->\n"), let end = document.range(of: "<!-- \(name):end -->") else { return }
        document.replaceSubrange(begin.upperBound..<end.lowerBound, with: content)
    }

    static var isRecording: Bool { ProcessInfo.processInfo.environment["DOSSIER_RECORD_SNAPSHOTS"] == "1" }

    @Test("the key tables in docs/tui.md are the key map (DOSSIER_RECORD_SNAPSHOTS=1 rewrites them)")
    func keyTables() throws {
        var document = try String(contentsOfFile: Self.path, encoding: .utf8)
        let expected = KeyMapDocumentation.markdown()
        if Self.isRecording {
            Self.replaceBlock("keymap", with: expected, in: &document)
            try document.write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
        #expect(Self.block("keymap", in: document) == expected)
    }

    @Test("every action of the key map is documented, and no binding is without help")
    func everyAction() {
        let documented = Set(KeyMap.standard.bindings.map(\.action))
        for action in Action.allCases {
            #expect(documented.contains(action), "\(action) has no binding")
        }
        #expect(KeyMap.standard.bindings.allSatisfy { !$0.help.isEmpty && !$0.keys.isEmpty })
    }

    @Test("within a group a key does only one thing")
    func noConflicts() {
        for group in KeyGroup.allCases {
            var seen: [Key: Action] = [:]
            for binding in KeyMap.standard.bindings(in: group) {
                for key in binding.keys {
                    if let other = seen[key], other != binding.action {
                        Issue.record("\(group): \(key) is both \(other) and \(binding.action)")
                    }
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test("the screen captures in docs/tui.md are the snapshot files", arguments: ["relations-80x24", "taizhou-80x24", "contacts-80x24", "relation-form-80x24", "visit-form-80x24", "agenda-80x24", "help-80x24"])
    func captures(name: String) throws {
        var document = try String(contentsOfFile: Self.path, encoding: .utf8)
        let snapshot = try String(contentsOfFile: Repository.path("Tests/DossierTUITests/Snapshots/\(name).txt"), encoding: .utf8)
        let expected = "```\n" + snapshot.split(separator: "\n").dropFirst().map { line in
            var text = String(line.dropLast())
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }.joined(separator: "\n") + "\n```\n"
        if Self.isRecording {
            Self.replaceBlock("capture:\(name)", with: expected, in: &document)
            try document.write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
        #expect(Self.block("capture:\(name)", in: document) == expected)
    }
}
