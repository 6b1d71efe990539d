import DossierCore

/// `?`: every key, generated from the key map; the keys of the current screen first.
enum HelpView {
    static func draw(_ state: AppState, in canvas: inout Canvas) {
        let layout = state.layout
        let lines = HelpContent.lines(for: state)
        let scroll = state.helpScroll ?? 0
        canvas.draw("Hulp — j/k en PgUp/PgDn scrollen, Esc of q sluit", x: 1, y: layout.bodyTop, style: state.theme.header)
        for row in 0..<(layout.bodyHeight - 1) {
            let index = scroll + row
            guard index < lines.count else { break }
            lines[index].draw(in: &canvas, x: 1, y: layout.bodyTop + 1 + row, width: state.width - 2)
        }
    }
}
