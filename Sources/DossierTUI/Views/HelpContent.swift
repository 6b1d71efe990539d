import DossierCore

/// The help screen's text, generated from the key map: the keys of the current screen first, then all.
enum HelpContent {
    static func lines(for state: AppState) -> [StyledLine] {
        let theme = state.theme
        var lines: [StyledLine] = [StyledLine("Toetsen op dit scherm", theme.title)]
        let current = state.helpContextGroups
        let width = max(20, state.width - 2)
        for group in current { lines += groupLines(group, keyMap: state.keyMap, theme: theme, width: width) }
        lines.append(.empty)
        lines.append(StyledLine("Alle andere toetsen", theme.title))
        for group in KeyGroup.allCases where !current.contains(group) {
            lines += groupLines(group, keyMap: state.keyMap, theme: theme, width: width)
        }
        return lines
    }

    /// A group's bindings: keys in a column of 20 after an indent of 2 and before a space (so the longest label,
    /// "Ctrl-W Alt-Backspace", never runs into its text), the help text wrapped beside them.
    private static func groupLines(_ group: KeyGroup, keyMap: KeyMap, theme: Theme, width: Int) -> [StyledLine] {
        let bindings = keyMap.bindings(in: group)
        guard !bindings.isEmpty else { return [] }
        var lines = [StyledLine.empty, StyledLine(group.title, theme.header)]
        for binding in bindings {
            let help = DisplayWidth.wrap(binding.help, to: max(10, width - 23))
            for (index, text) in help.enumerated() {
                let keys = index == 0 ? "  " + DisplayWidth.fit(binding.keyLabel, to: 20) + " " : String(repeating: " ", count: 23)
                lines.append(StyledLine([.init(text: keys, style: theme.label.bold()), .init(text: text, style: .plain)]))
            }
        }
        return lines
    }
}

extension AppState {
    /// The groups of the screen under the help overlay.
    var helpContextGroups: [KeyGroup] {
        var copy = self
        copy.helpScroll = nil
        return copy.keyGroups
    }
}
