import DossierCore

/// A form in a box over the screen: a label and value per field, the message under a field that has
/// one, the focused field's help at the bottom, scrolled so the focused field is always in view.
enum FormView {
    /// Labels take at most 18 columns, then the focus marker, then a space.
    static let labelWidth = 21

    static func draw(_ form: Form, state: AppState, in canvas: inout Canvas) {
        // What the list underneath marked is covered now: the form says where the eye is.
        canvas.focus = nil
        let theme = state.theme
        let width = FormBox.width(for: state.layout)
        let innerWidth = width - 4
        let valueWidth = FormBox.valueWidth(forBoxWidth: width)
        let general = form.generalError.map { DisplayWidth.wrap($0, to: innerWidth).map { Row(field: nil, line: StyledLine($0, theme.error)) } } ?? []
        // A long text being edited first asks for all its lines: the box grows for them as far as the screen lets it.
        let focusedLines = form.focusedField.flatMap { field in
            if case .text(let input) = field.value { input.wrapped(width: valueWidth - 1).lines.count } else { nil }
        }
        var rows = general + rowsOf(form, valueWidth: valueWidth, theme: theme, focusedTextRows: focusedLines ?? 1)
        // The weighing asks questions only; the activity's own facts are filled in on the activity.
        let factsHint: String? = if case .assessment = form.purpose { "vul in op de activiteit (e)" } else { nil }
        let fullPreview = form.verdictPreview.map { previewLines($0, width: innerWidth, theme: theme, factsHint: factsHint) } ?? []
        // As many help rows as the longest help of the form needs (at most three), so the box does not jump.
        let helpRows = min(3, form.fields.map { DisplayWidth.wrap($0.help, to: innerWidth).count }.max() ?? 1)
        let box = FormBox(layout: state.layout, contentRows: rows.count, fixedRows: fullPreview.count + helpRows)
        var room = FormRoom(innerRows: box.height - 2, fieldRows: rows.count, previewRows: fullPreview.count, helpRows: helpRows)
        let preview = fullPreview.count <= room.previewRows ? fullPreview
            : form.verdictPreview.map { previewLines($0, width: innerWidth, theme: theme, factsHint: factsHint, maximumRows: room.previewRows) } ?? []
        room.usePreviewRows(preview.count)
        let help = DisplayWidth.wrap(form.focusedField?.help ?? "", to: innerWidth)
        if let focusedLines, focusedLines > 1, rows.count > room.fieldRows {
            // The long text takes the rows its help leaves, and then as many as the form has for its fields (with the
            // field's message under it), the other fields scrolled away while it has the focus.
            room.useHelpRows(help.count)
            let messageRows = rows.filter { $0.field == form.focus && !$0.isValueRow }.count
            rows = general + rowsOf(form, valueWidth: valueWidth, theme: theme,
                                    focusedTextRows: min(focusedLines, max(1, room.fieldRows - messageRows)))
        }
        canvas.clearRows(y: box.y, height: box.height)
        canvas.frame(x: box.x, y: box.y, width: box.width, height: box.height, title: form.title, style: theme.frame)
        for (index, line) in preview.enumerated() {
            line.draw(in: &canvas, x: box.innerX, y: box.innerY + index, width: innerWidth)
        }
        let contentTop = box.innerY + preview.count
        let contentHeight = room.fieldRows
        // Scroll so that every row of the focused field is visible.
        let focusRows = rows.indices.filter { rows[$0].field == form.focus }
        var scroll = 0
        if let last = focusRows.last, last >= contentHeight { scroll = last - contentHeight + 1 }
        if let first = focusRows.first, first < scroll { scroll = first }
        // A menu taller than the room: the chosen option stays in view, whatever is cut above or below it.
        if let focused = form.focusedField, case .menu(_, let selected) = focused.value,
           let chosen = focusRows.first(where: { rows[$0].isValueRow && rows[$0].optionRow == selected }) {
            if chosen >= scroll + contentHeight { scroll = chosen - contentHeight + 1 }
            if chosen < scroll { scroll = chosen }
        }
        let textRows = focusRows.filter { rows[$0].isValueRow }.count
        for line in 0..<contentHeight {
            let index = scroll + line
            guard index < rows.count else { break }
            let y = contentTop + line
            let row = rows[index]
            if let fieldIndex = row.field, row.isValueRow {
                drawField(form.fields[fieldIndex], focused: fieldIndex == form.focus, optionRow: row.optionRow, rowCount: textRows, x: box.innerX,
                          y: y, valueWidth: box.valueWidth, theme: theme, form: form, dossier: state.dossier, canvas: &canvas)
            } else {
                row.line.draw(in: &canvas, x: box.innerX, y: y, width: innerWidth)
            }
        }
        if scroll > 0 { canvas.draw("↑", x: box.x + box.width - 2, y: contentTop, style: theme.muted) }
        if scroll + contentHeight < rows.count { canvas.draw("↓", x: box.x + box.width - 2, y: contentTop + contentHeight - 1, style: theme.muted) }
        for (index, line) in help.prefix(room.helpRows).enumerated() {
            let isCut = index == room.helpRows - 1 && help.count > room.helpRows
            canvas.draw(isCut ? DisplayWidth.truncate(line + " …", to: innerWidth) : line, x: box.innerX,
                        y: box.y + box.height - 1 - room.helpRows + index, width: innerWidth, style: theme.muted)
        }
    }

    /// The verdict as it stands and the reasons that decide it (not the positive ones), then a rule. With `factsHint`
    /// (the weighing, which asks questions only) the unknown facts of the activity itself (its cost, its date, its
    /// entrepreneurs) each get a line of their own, whole, saying where they are filled in: no answer there settles
    /// them. A form of the activity has those fields itself. In fewer than all the rows it takes (`maximumRows`, a
    /// small window), each fact and reason gets one row, as many as fit, and the last says how many more there are.
    static func previewLines(_ result: AssessmentResult, width: Int, theme: Theme, factsHint: String? = nil, maximumRows: Int = .max) -> [StyledLine] {
        let verdict = result.verdict.label.uppercased()
        let facts = factsHint == nil ? [] : result.missingFacts
        let unknown = result.missing.filter { !facts.contains($0) }
        // A few unknown points are named; many, counted.
        let missing = switch unknown.count {
        case 0: ""
        case 1...3: DisplayWidth.truncate("   (nog onbekend: \(unknown.joined(separator: ", ")))", to: width - 12 - verdict.count)
        default: facts.isEmpty ? "   (\(count(unknown.count, "punt", "punten")) nog onbekend)" : "   (\(count(unknown.count, "vraag", "vragen")) nog onbekend)"
        }
        let verdictLine = StyledLine([
            .init(text: "Oordeel nu: ", style: theme.label),
            .init(text: verdict, style: theme.verdict(result.verdict)),
            .init(text: missing, style: theme.muted),
        ])
        let rule = StyledLine(String(repeating: "─", count: width), theme.frame)
        let decisive = result.reasons.filter { $0.effect != .positief }
        let factTexts = facts.map { "Nog onbekend: \($0)" + (factsHint.map { " — \($0)" } ?? "") }
        func item(_ mark: String, _ markStyle: Style, _ text: String, more: String = "") -> StyledLine {
            StyledLine([.init(text: mark, style: markStyle), .init(text: DisplayWidth.truncate(text, to: width - 2 - DisplayWidth.of(more)), style: .plain),
                        .init(text: more, style: theme.muted)])
        }
        var lines = [verdictLine]
        for text in factTexts {
            // Whole, on two lines if need be: cut off, the one thing that keeps the verdict open would not be read.
            let wrapped = DisplayWidth.wrap(text, to: width - 2)
            for (index, line) in wrapped.prefix(2).enumerated() {
                let isCut = index == 1 && wrapped.count > 2
                lines.append(StyledLine([.init(text: index == 0 ? "? " : "  ", style: theme.verdict(.naderBekijken)),
                                         .init(text: isCut ? DisplayWidth.truncate(line + " …", to: width - 2) : line, style: .plain)]))
            }
        }
        // Three reasons at most, fewer beside the unknown facts; one more is shown rather than counted.
        let room = max(1, 3 - facts.count)
        let shown = decisive.count <= room + 1 ? decisive[...] : decisive.prefix(room)
        for reason in shown {
            lines.append(item(reason.effect == .negatief ? "✗ " : "? ", theme.verdict(reason.effect), reason.text))
        }
        if decisive.count > shown.count { lines.append(StyledLine("  … en nog \(count(decisive.count - shown.count, "reden", "redenen"))", theme.muted)) }
        lines.append(rule)
        guard lines.count > maximumRows else { return lines }
        // Short of rows: the verdict, the rule, and between them a row each for as many facts and reasons as fit.
        guard maximumRows >= 2 else { return [verdictLine] }
        let items = factTexts.map { (mark: "? ", style: theme.verdict(.naderBekijken), text: $0, isFact: true) }
            + decisive.map { (mark: $0.effect == .negatief ? "✗ " : "? ", style: theme.verdict($0.effect), text: $0.text, isFact: false) }
        let itemRows = maximumRows - 2
        guard items.count > itemRows else { return [verdictLine] + items.map { item($0.mark, $0.style, $0.text) } + [rule] }
        guard itemRows > 0 else { return [verdictLine, rule] }
        let listed = max(1, itemRows - 1)
        let rest = items.dropFirst(listed)
        let more = "  … en nog " + (rest.contains { $0.isFact } ? count(rest.count, "punt", "punten") : count(rest.count, "reden", "redenen"))
        var short = [verdictLine] + items.prefix(listed).enumerated().map { index, entry in
            item(entry.mark, entry.style, entry.text, more: itemRows == 1 && index == 0 ? more : "")
        }
        if itemRows > 1 { short.append(StyledLine(more, theme.muted)) }
        return short + [rule]
    }

    /// Whether a text field just entered shows its value selected, so that typing replaces it: a short value of a
    /// one-line field, wholly in view. The long texts (notes) never are.
    static func showsSelected(_ input: TextInput, of fieldID: String, valueWidth: Int) -> Bool {
        !input.isEmpty && !AppState.longTextFieldIDs.contains(fieldID)
            && input.characters.count < valueWidth && DisplayWidth.of(input.text) <= valueWidth - 1
    }

    struct Row {
        var field: Int?
        var line: StyledLine = .empty
        var isValueRow = false
        var optionRow = 0
    }

    /// The rows of the form's content: value rows of visible fields, and error rows under them. A focused text takes
    /// `focusedTextRows` (fewer if it has fewer lines).
    static func rowsOf(_ form: Form, valueWidth: Int, theme: Theme, focusedTextRows: Int) -> [Row] {
        var rows: [Row] = []
        for index in form.visibleIndices {
            let field = form.fields[index]
            if case .buttons = field.value { rows.append(Row(field: nil)) }
            var rowCount = field.rowCount
            if index == form.focus, case .text(let input) = field.value {
                rowCount = max(1, min(focusedTextRows, input.wrapped(width: valueWidth - 1).lines.count))
            }
            for option in 0..<rowCount {
                rows.append(Row(field: index, isValueRow: true, optionRow: option))
            }
            if let error = form.errors[field.id] {
                for line in DisplayWidth.wrap(error, to: valueWidth) {
                    rows.append(Row(field: index, line: StyledLine(String(repeating: " ", count: labelWidth) + line, theme.error)))
                }
            } else if let note = form.notes[field.id] {
                rows.append(Row(field: index, line: StyledLine(String(repeating: " ", count: labelWidth) + DisplayWidth.truncate(note, to: valueWidth), theme.muted)))
            }
        }
        return rows
    }

    /// `rowCount`: the rows of the focused field (a long text shows that many of its lines, or marks for those hidden).
    private static func drawField(_ field: FormField, focused: Bool, optionRow: Int, rowCount: Int, x: Int, y: Int, valueWidth: Int, theme: Theme,
                                  form: Form, dossier: Dossier, canvas: inout Canvas) {
        let hasError = form.errors[field.id] != nil
        if optionRow == 0 {
            let labelStyle = hasError ? theme.error : (focused ? theme.label.bold() : theme.label)
            if !field.label.isEmpty { canvas.draw(field.label, x: x, y: y, width: labelWidth - 3, style: labelStyle) }
            if focused { canvas.draw("›", x: x + labelWidth - 2, y: y, style: theme.label.bold()) }
        }
        let valueX = x + labelWidth
        let fieldStyle = focused ? theme.focusedField : theme.field
        switch field.value {
        case .text(let input):
            guard focused else {
                canvas.draw(DisplayWidth.truncate(input.prefix(valueWidth + 1), to: valueWidth), x: valueX, y: y, width: valueWidth, style: fieldStyle)
                return
            }
            let wrapped = input.wrapped(width: valueWidth - 1)
            if wrapped.lines.count > 1 || wrapped.hasTextBefore || wrapped.hasTextAfter {
                let window = TextFieldWindow(lineCount: wrapped.lines.count, cursorLine: wrapped.cursorLine, rows: rowCount,
                                             hasTextBefore: wrapped.hasTextBefore, hasTextAfter: wrapped.hasTextAfter)
                switch window.rows.indices.contains(optionRow) ? window.rows[optionRow] : .hidden("") {
                case .line(let line):
                    canvas.draw(wrapped.lines[line], x: valueX, y: y, width: valueWidth, style: fieldStyle)
                    if line == wrapped.cursorLine && form.picker == nil { canvas.cursor = (valueX + wrapped.cursorColumn, y) }
                case .hidden(let mark):
                    canvas.draw(mark, x: valueX, y: y, width: valueWidth, style: theme.muted)
                }
                return
            }
            let (visible, cursor) = input.window(width: valueWidth - 1)
            canvas.draw(visible, x: valueX, y: y, width: valueWidth, style: fieldStyle)
            if form.replacesOnType && showsSelected(input, of: field.id, valueWidth: valueWidth) {
                canvas.restyle(x: valueX, y: y, width: DisplayWidth.of(visible)) { $0 = theme.selection }
            }
            if form.picker == nil { canvas.cursor = (valueX + cursor, y) }
        case .menu(let options, let selected):
            let option = options[optionRow]
            let marker = optionRow == selected ? "(•) " : "( ) "
            let style: Style = optionRow == selected ? (focused ? theme.focusedField : .plain.bold()) : .plain
            // Nothing chosen yet: the cursor on the first option, where ↓ goes.
            if focused && (optionRow == selected || optionRow == 0 && !options.indices.contains(selected)) { canvas.focus = (valueX, y) }
            canvas.draw(marker + option.label, x: valueX, y: y, width: valueWidth, style: style)
        case .choice(let options, let selected):
            let text = focused ? "‹ \(options[selected].label) ›" : options[selected].label
            if focused { canvas.focus = (valueX, y) }
            canvas.draw(text, x: valueX, y: y, width: min(valueWidth, DisplayWidth.of(text) + 1), style: fieldStyle)
        case .flags(let options, let on, let cursor):
            if focused {
                var column = valueX
                func item(_ index: Int) -> String { (on.contains(options[index].value) ? "[x] " : "[ ] ") + options[index].label }
                // Up to two options before the chosen one, as far as the chosen one still fits after them.
                let start = (max(0, cursor - 2)...cursor).first { first in
                    (first...cursor).map { DisplayWidth.of(item($0)) + 2 }.reduce(0, +) - 2 <= valueWidth
                } ?? cursor
                for index in start..<options.count {
                    let item = item(index)
                    guard column + DisplayWidth.of(item) <= valueX + valueWidth else { break }
                    if index == cursor { canvas.focus = (column, y) }
                    column += canvas.draw(item, x: column, y: y, style: index == cursor ? theme.focusedField : .plain)
                    column += 2
                }
            } else {
                let chosen = options.filter { on.contains($0.value) }.map(\.label).joined(separator: ", ")
                canvas.draw(chosen.isEmpty ? "(geen)" : chosen, x: valueX, y: y, width: valueWidth, style: chosen.isEmpty ? theme.muted : .plain)
            }
        case .picked(let ids, let source, _, let emptyLabel):
            let names = ids.map { id in
                switch source {
                case .relations: dossier.relationName(id)
                case .countries: Country(code: id)?.name ?? id
                }
            }.joined(separator: ", ")
            if focused { canvas.focus = (valueX, y) }
            canvas.draw(names.isEmpty ? emptyLabel : names, x: valueX, y: y, width: valueWidth,
                        style: names.isEmpty ? fieldStyle.dim() : fieldStyle)
        case .buttons:
            let save = "[ Opslaan ]"
            if focused { canvas.focus = (valueX, y) }
            canvas.draw(save, x: valueX, y: y, style: focused ? theme.focusedField.bold() : .plain.bold())
            // Inside the frame: as much of the keys as fits, shorter first, never over the border.
            let room = valueWidth - DisplayWidth.of(save)
            if let keys = ["  Ctrl-S opslaan · Esc annuleren", "  Ctrl-S · Esc"].first(where: { DisplayWidth.of($0) <= room }) {
                canvas.draw(keys, x: valueX + DisplayWidth.of(save), y: y, style: theme.muted)
            }
        }
    }
}

/// Where the form box goes: as tall as its content (at most the screen), centred.
struct FormBox {
    var x, y, width, height: Int

    /// Between the tab row and the message row, so messages and key hints stay visible. `fixedRows`: the
    /// preview and help rows that do not scroll.
    init(layout: Layout, contentRows: Int, fixedRows: Int) {
        width = FormBox.width(for: layout)
        height = min(layout.bodyHeight, contentRows + fixedRows + 3)
        x = (layout.width - width) / 2
        y = layout.bodyTop + max(0, (layout.bodyHeight - height) / 2)
    }

    static func width(for layout: Layout) -> Int { min(layout.width, 96) }

    static func valueWidth(forBoxWidth width: Int) -> Int { max(8, width - 4 - FormView.labelWidth) }

    var innerX: Int { x + 2 }
    var innerY: Int { y + 1 }
    var innerWidth: Int { width - 4 }
    var valueWidth: Int { FormBox.valueWidth(forBoxWidth: width) }
}
