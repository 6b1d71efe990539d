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
        lines.append(.empty)
        lines.append(StyledLine("Tekens op het scherm", theme.title))
        lines.append(.empty)
        for (sign, meaning) in signs { lines += entry(sign, meaning, theme: theme, width: width) }
        return lines
    }

    /// What the marks mean that stand for words (colour and reverse video are never the only sign): read aloud they
    /// say little by themselves.
    static let signs: [(String, String)] = [
        ("!", "verlopen (een datum in de lijst van relaties) of overschreden (het budget)"),
        ("[!]", "een vervolgactie waarvan de streefdatum voorbij is"),
        ("[x]  [ ]", "aangevinkt, niet aangevinkt (ook: een vervolgactie gedaan, nog open)"),
        ("✗  ?", "bij het oordeel boven een formulier: telt tegen, nog onbekend of nader te bekijken"),
        ("(•)  ( )", "gekozen, niet gekozen"),
        ("‹ … ›", "een keuze: ← en → kiezen"),
        ("›", "het veld van het formulier waar u bent"),
        ("◂", "dit jaar (in het budget)"),
        ("█ ▓ ░", "besteed, vastgelegd, over (de balk van het budget)"),
        ("↑ ↓", "er is meer boven of onder (in een lijst met de pijltjes, in een formulier met Tab; in een lange tekst met de cursor: ↑ nog 2 regels)"),
        ("…", "de tekst gaat verder dan de kolom breed is"),
    ]

    /// A group's bindings, each an `entry`.
    private static func groupLines(_ group: KeyGroup, keyMap: KeyMap, theme: Theme, width: Int) -> [StyledLine] {
        let bindings = keyMap.bindings(in: group)
        guard !bindings.isEmpty else { return [] }
        // A long heading wraps, as the texts do: cut off at the edge it read as if it ended there.
        var lines = [StyledLine.empty] + DisplayWidth.wrap(group.title, to: width).enumerated().map { index, line in
            var heading = StyledLine(line, theme.header)
            heading.continuesAbove = index > 0
            return heading
        }
        for binding in bindings { lines += entry(binding.keyLabel, binding.help, theme: theme, width: width) }
        return lines
    }

    /// Keys (or a mark) in a column of 20 after an indent of 2 and before a space (so the longest label, "Ctrl-W
    /// Alt-Backspace", never runs into its text), the text wrapped beside them.
    private static func entry(_ keys: String, _ text: String, theme: Theme, width: Int) -> [StyledLine] {
        DisplayWidth.wrap(text, to: max(10, width - 23)).enumerated().map { index, line in
            let column = index == 0 ? "  " + DisplayWidth.fit(keys, to: 20) + " " : String(repeating: " ", count: 23)
            var styled = StyledLine([.init(text: column, style: theme.label.bold()), .init(text: line, style: .plain)])
            styled.continuesAbove = index > 0
            return styled
        }
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
