import DossierCore

/// A yes/no question in a small box, with the two answers as buttons: Nee chosen until Tab moves to Ja.
enum ConfirmationView {
    static func draw(_ confirmation: Confirmation, state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        let width = min(state.width - 4, 70)
        let lines = DisplayWidth.wrap(confirmation.question, to: width - 4)
        let keys = keyLines(["Enter geeft het gekozen antwoord", "Tab kiest het andere", "J ja", "n of Esc nee"], width: width - 4)
        let height = lines.count + keys.count + 5
        let x = (state.width - width) / 2
        let y = max(1, (state.height - height) / 2)
        canvas.clearRows(y: y, height: height)
        // The question covers what was being typed: the eye goes to its buttons, not to a field behind it.
        canvas.cursor = nil
        canvas.frame(x: x, y: y, width: width, height: height, title: "Bevestigen", style: theme.error)
        for (index, line) in lines.enumerated() {
            canvas.draw(line, x: x + 2, y: y + 1 + index)
        }
        let buttonRow = y + lines.count + 2
        var buttonX = x + 2
        for (label, isYes) in [("[ Nee ]", false), ("[ Ja ]", true)] {
            let chosen = confirmation.isYesChosen == isYes
            if chosen { canvas.focus = (buttonX, buttonRow) }
            buttonX += canvas.draw(label, x: buttonX, y: buttonRow, style: chosen ? theme.label.bold().reversed() : theme.label) + 2
        }
        for (index, line) in keys.enumerated() {
            canvas.draw(line, x: x + 2, y: buttonRow + 2 + index, style: theme.muted)
        }
    }

    /// The keys joined with " · ", a line broken only between two of them ("n of Esc nee" is not split from its "n").
    static func keyLines(_ parts: [String], width: Int) -> [String] {
        var lines: [String] = []
        for part in parts {
            if let last = lines.last, DisplayWidth.of(last + " · " + part) <= width {
                lines[lines.count - 1] = last + " · " + part
            } else {
                lines += DisplayWidth.wrap(part, to: width)
            }
        }
        return lines
    }
}
