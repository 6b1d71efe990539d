/// The key map as Markdown tables, one per group: docs/tui.md carries exactly this text (a test checks
/// it), so the documentation cannot drift from the keys that work.
public enum KeyMapDocumentation {
    public static func markdown(_ keyMap: KeyMap = .standard) -> String {
        var text = ""
        for group in KeyGroup.allCases {
            let bindings = keyMap.bindings(in: group)
            guard !bindings.isEmpty else { continue }
            text += "### \(group.title)\n\n| Toets | Wat het doet |\n|---|---|\n"
            for binding in bindings {
                let keys = binding.keys.map { "`\($0.description == "|" ? "\\|" : $0.description)`" }.joined(separator: " ")
                text += "| \(keys) | \(binding.help) |\n"
            }
            text += "\n"
        }
        return text
    }
}
