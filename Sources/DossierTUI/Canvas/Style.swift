/// The eight standard terminal colours, or the terminal's own default.
public enum Color: Int, Hashable, Sendable, CaseIterable {
    case standard = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. With NO_COLOR or on a terminal without colours only the attributes remain.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var isBold: Bool
    public var isDim: Bool
    public var isReversed: Bool
    public var isUnderlined: Bool

    public init(foreground: Color = .standard, background: Color = .standard, bold: Bool = false, dim: Bool = false,
                reversed: Bool = false, underlined: Bool = false) {
        self.foreground = foreground
        self.background = background
        isBold = bold
        isDim = dim
        isReversed = reversed
        isUnderlined = underlined
    }

    public static let plain = Style()

    /// The same style without colours.
    public var withoutColor: Style {
        Style(bold: isBold, dim: isDim, reversed: isReversed, underlined: isUnderlined)
    }

    public func bold() -> Style { var copy = self; copy.isBold = true; return copy }
    public func dim() -> Style { var copy = self; copy.isDim = true; return copy }
    public func reversed() -> Style { var copy = self; copy.isReversed = true; return copy }
}
