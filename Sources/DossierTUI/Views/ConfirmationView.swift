import DossierCore

/// A yes/no question in a small box.
enum ConfirmationView {
    static func draw(_ confirmation: Confirmation, state: AppState, in canvas: inout Canvas) {
        let theme = state.theme
        let width = min(state.width - 4, 70)
        let lines = DisplayWidth.wrap(confirmation.question, to: width - 4)
        let height = lines.count + 4
        let x = (state.width - width) / 2
        let y = max(1, (state.height - height) / 2)
        canvas.fill(x: x, y: y, width: width, height: height)
        canvas.frame(x: x, y: y, width: width, height: height, title: "Bevestigen", style: theme.error)
        for (index, line) in lines.enumerated() {
            canvas.draw(line, x: x + 2, y: y + 1 + index)
        }
        canvas.draw("j = ja   n of Esc = nee", x: x + 2, y: y + height - 2, style: theme.label.bold())
    }
}
