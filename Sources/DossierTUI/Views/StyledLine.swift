import DossierCore

/// A line of text made of differently styled pieces.
public struct StyledLine: Hashable, Sendable {
    public var spans: [Span]
    /// The second or a later line of one entry that wrapped (the help's): a page should not begin with it.
    public var continuesAbove = false

    public struct Span: Hashable, Sendable {
        public var text: String
        public var style: Style
    }

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public init(_ text: String, _ style: Style = .plain) {
        spans = [Span(text: text, style: style)]
    }

    public static let empty = StyledLine()

    public var text: String { spans.map(\.text).joined() }

    /// Draws the line from `x`, cut at `width` columns.
    public func draw(in canvas: inout Canvas, x: Int, y: Int, width: Int) {
        var column = x
        for span in spans where column < x + width {
            column += canvas.draw(span.text, x: column, y: y, style: span.style, limit: x + width - column)
        }
    }
}

/// Builds the information of a detail screen: label-value fields and headed sections, wrapped to a width.
struct DetailWriter {
    let theme: Theme
    let width: Int
    let labelWidth: Int
    private(set) var lines: [StyledLine] = []

    init(theme: Theme, width: Int, labelWidth: Int = 20) {
        self.theme = theme
        self.width = max(20, width)
        self.labelWidth = labelWidth
    }

    /// "Label:   value", the value wrapped under itself; left out when the value is empty.
    mutating func field(_ label: String, _ value: String, style: Style = .plain) {
        guard !value.isEmpty else { return }
        let valueWidth = max(10, width - labelWidth)
        let wrapped = TerminalSafeText.lines(value).flatMap { DisplayWidth.wrap($0, to: valueWidth) }
        for (index, line) in wrapped.enumerated() {
            let prefix = index == 0 ? DisplayWidth.fit(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
            lines.append(StyledLine([.init(text: prefix, style: theme.label), .init(text: line, style: style)]))
        }
    }

    mutating func heading(_ title: String) {
        if !lines.isEmpty { lines.append(.empty) }
        lines.append(StyledLine(title, theme.header))
    }

    /// Free text, wrapped, indented by `indent`.
    mutating func paragraph(_ text: String, indent: Int = 2, style: Style = .plain) {
        let prefix = String(repeating: " ", count: indent)
        for line in TerminalSafeText.lines(text).flatMap({ DisplayWidth.wrap($0, to: max(10, width - indent)) }) {
            lines.append(StyledLine(prefix + line, style))
        }
    }

    mutating func line(_ line: StyledLine) {
        lines.append(line)
    }
}
