import DossierCore

/// The picker over a form: the query with its cursor, the matching relations or countries, ticks.
enum PickerView {
    static func draw(_ picker: Picker, state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        let rows = PickerLayout(layout: state.layout).listRows
        let width = min(state.width - 6, 72)
        let height = rows + 5
        let x = (state.width - width) / 2
        let y = max(1, (state.height - height) / 2)
        canvas.clearRows(y: y, height: height)
        let noun = picker.source.noun
        let title = picker.allowsMultiple ? "Kies \(noun.many) (\(picker.chosen.count) aangevinkt)" : "Kies een \(noun.one)"
        canvas.frame(x: x, y: y, width: width, height: height, title: title, style: theme.frame)
        canvas.draw("Zoek: ", x: x + 2, y: y + 1, style: theme.label)
        let (visible, cursor) = picker.query.window(width: width - 12)
        canvas.draw(visible, x: x + 8, y: y + 1, width: width - 11, style: theme.focusedField)
        canvas.cursor = (x + 8 + cursor, y + 1)
        if picker.candidates.isEmpty {
            canvas.draw("Geen \(noun.one) gevonden", x: x + 2, y: y + 3, style: theme.muted)
        }
        for line in 0..<rows {
            let index = picker.list.offset + line
            guard index < picker.candidates.count else { break }
            let id = picker.candidates[index]
            let (name, detail) = describe(id, source: picker.source, dossier: state.dossier)
            let selected = index == picker.list.selection
            let rowY = y + 2 + line
            let tick = picker.allowsMultiple ? (picker.chosen.contains(id) ? "[x] " : "[ ] ") : ""
            let style: Style = selected ? Style(reversed: true) : .plain
            canvas.fill(x: x + 1, y: rowY, width: width - 2, height: 1, style: style)
            var column = x + 2
            // A name cut to make room for its detail says so with an ellipsis.
            column += canvas.draw(DisplayWidth.truncate(tick + name, to: max(1, width - 24)), x: column, y: rowY, style: style.bold(), limit: width - 24)
            canvas.draw("  " + detail, x: column, y: rowY, style: selected ? style : theme.muted, limit: x + width - 2 - column)
        }
        // What is ticked but not in the list the query leaves (the relation `v` started from): Enter adds to it, said by name.
        let hidden = picker.chosen.filter { !picker.candidates.contains($0) }.map { describe($0, source: picker.source, dossier: state.dossier).name }
        let hint = !picker.allowsMultiple ? "typ om te zoeken · Enter kiest · Esc terug"
            : hidden.isEmpty ? "typ om te zoeken · Tab vinkt · Enter klaar · Esc terug"
            : picker.candidates.isEmpty ? "al aangevinkt: \(hidden.joined(separator: ", ")) · Esc terug"
            : "al aangevinkt: \(hidden.joined(separator: ", ")) · Enter voegt de gemarkeerde toe · Esc terug"
        canvas.draw(hint, x: x + 2, y: y + height - 2, width: width - 4, style: theme.muted)
    }

    /// A candidate's name and what is shown after it: a relation's kind and status, a country's code and
    /// whether it lies in Europe.
    static func describe(_ id: String, source: PickSource, dossier: Dossier) -> (name: String, detail: String) {
        switch source {
        case .relations:
            guard let relation = dossier.relation(id) else { return (id, "") }
            return (relation.name, "\(relation.kind.shortLabel) · \(relation.status.label)")
        case .countries:
            guard let country = Country(code: id) else { return (id, "") }
            return (country.name, "\(country.code) · \(country.isInEurope ? "Europa" : "buiten Europa")")
        }
    }
}
