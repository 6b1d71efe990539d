import DossierCore

/// The styles of the screen by meaning. `colored` for colour terminals; `monochrome` for NO_COLOR and
/// terminals without colours, where status still shows as text and attributes (bold, dim, reverse).
public struct Theme: Sendable {
    public var usesColor: Bool

    public static let colored = Theme(usesColor: true)
    public static let monochrome = Theme(usesColor: false)

    private func style(_ style: Style) -> Style { usesColor ? style : style.withoutColor }

    public var text: Style { .plain }
    public var title: Style { style(Style(foreground: .cyan, bold: true)) }
    public var header: Style { style(Style(bold: true, underlined: true)) }
    public var label: Style { style(Style(foreground: .cyan)) }
    public var muted: Style { style(Style(dim: true)) }
    public var selection: Style { Style(reversed: true) }
    public var tabActive: Style { style(Style(foreground: .black, background: .cyan, bold: true)).withReverseIfMonochrome(usesColor) }
    public var tabInactive: Style { .plain }
    public var statusBar: Style { style(Style(foreground: .black, background: .white)).withReverseIfMonochrome(usesColor) }
    public var keyHint: Style { style(Style(foreground: .black, background: .white, bold: true)).withReverseIfMonochrome(usesColor) }
    public var message: Style { style(Style(foreground: .green)) }
    public var error: Style { style(Style(foreground: .red, bold: true)) }
    /// Search hits: yellow, or without colours bold and underlined (the selected row is reversed).
    public var match: Style { usesColor ? Style(foreground: .black, background: .yellow) : Style(bold: true, underlined: true) }
    public var frame: Style { style(Style(foreground: .cyan)) }
    public var focusedField: Style { style(Style(background: .blue, underlined: !usesColor)).withForeground(usesColor ? .white : .standard) }
    public var field: Style { style(Style(underlined: true)) }

    public func relationStatus(_ status: RelationStatus) -> Style {
        switch status {
        case .focus: style(Style(foreground: .green, bold: true))
        case .actief: style(Style(foreground: .cyan))
        case .verkennen: style(Style(foreground: .yellow))
        case .genoemd: style(Style(foreground: .blue, dim: true))
        case .laagPitje: style(Style(dim: true))
        case .beeindigd: style(Style(foreground: .red, dim: true))
        }
    }

    public func activityStatus(_ status: ActivityStatus) -> Style {
        switch status {
        case .idee: .plain
        case .inAfweging: style(Style(foreground: .yellow))
        case .goedgekeurd: style(Style(foreground: .green))
        case .afgewezen: style(Style(foreground: .red, dim: true))
        case .gepland: style(Style(foreground: .cyan, bold: true))
        case .uitgevoerd: style(Style(foreground: .blue, bold: true))
        case .geevalueerd: style(Style(foreground: .green, dim: true))
        case .geannuleerd: style(Style(dim: true))
        }
    }

    public func verdict(_ verdict: Verdict) -> Style {
        switch verdict {
        case .positief: style(Style(foreground: .green, bold: true))
        case .naderBekijken: style(Style(foreground: .yellow, bold: true))
        case .negatief: style(Style(foreground: .red, bold: true))
        }
    }
}

extension Style {
    fileprivate func withReverseIfMonochrome(_ usesColor: Bool) -> Style {
        usesColor ? self : Style(bold: isBold, reversed: true)
    }

    fileprivate func withForeground(_ color: Color) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }
}
