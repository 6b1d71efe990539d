/// Draws a `ReportChart` as SVG inline in the HTML (no namespace needed there, nothing loaded from outside): vertical bars, a legend, a value axis and, when the chart has one,
/// a dashed reference line. The fills differ in darkness and pattern (solid, hatched, open), so the chart
/// also reads in black and white. Deterministic: the same chart gives the same text.
public enum SVGChart {
    static let width = 680
    static let height = 300
    static let left = 76
    static let right = 24
    static let top = 44
    static let bottom = 46

    public static func render(_ chart: ReportChart) -> String {
        let id = "figuur-\(chart.number)"
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let categoryCount = max(1, chart.categories.count)
        let totals: [Int64] = chart.categories.indices.map { index in
            let values = chart.series.map { $0.values.indices.contains(index) ? max(0, $0.values[index]) : 0 }
            return chart.layout == .stacked ? values.reduce(0, +) : values.max() ?? 0
        }
        let highest = max(totals.max() ?? 0, chart.reference?.value ?? 0, chart.categoryReferences.compactMap { $0?.value }.max() ?? 0)
        let step = niceStep(max(highest, 1), unit: chart.unit)
        let axisTop = max(step, ((highest + step - 1) / step) * step)
        func y(_ value: Int64) -> Double { Double(top) + Double(plotHeight) * (1 - Double(value) / Double(axisTop)) }

        var svg = "<svg viewBox=\"0 0 \(width) \(height)\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-titel \(id)-tekst\">\n"
        svg += "<title id=\"\(id)-titel\">\(HTMLReport.escape(chart.title))</title>\n"
        svg += "<desc id=\"\(id)-tekst\">\(HTMLReport.escape(chart.textAlternative))</desc>\n"
        svg += "<defs><pattern id=\"\(id)-arcering\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#c9d9ea\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#1f4e79\" stroke-width=\"2\"/></pattern></defs>\n"
        svg += "<g font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#1a1a1a\">\n"

        // Legend.
        var legendX = left
        for (index, series) in chart.series.enumerated() {
            svg += "<rect x=\"\(legendX)\" y=\"12\" width=\"14\" height=\"14\" \(fill(index, id: id))/>"
            svg += "<text x=\"\(legendX + 20)\" y=\"23\">\(HTMLReport.escape(series.name))</text>\n"
            legendX += 20 + estimatedWidth(series.name) + 22
        }

        // Value axis with grid lines.
        var tick: Int64 = 0
        while tick <= axisTop {
            let position = format(y(tick))
            svg += "<line x1=\"\(left)\" y1=\"\(position)\" x2=\"\(width - right)\" y2=\"\(position)\" stroke=\"#d0d0d0\" stroke-width=\"0.6\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(format(y(tick) + 4))\" text-anchor=\"end\">\(HTMLReport.escape(chart.label(tick)))</text>\n"
            tick += step
        }

        // Bars.
        let band = Double(plotWidth) / Double(categoryCount)
        for (index, category) in chart.categories.enumerated() {
            let bandX = Double(left) + band * Double(index)
            switch chart.layout {
            case .stacked:
                let barWidth = band * 0.56
                let x = bandX + (band - barWidth) / 2
                var base: Int64 = 0
                for (seriesIndex, series) in chart.series.enumerated() {
                    let value = series.values.indices.contains(index) ? max(0, series.values[index]) : 0
                    guard value > 0 else { continue }
                    svg += bar(x: x, top: y(base + value), width: barWidth, bottom: y(base), fill: fill(seriesIndex, id: id),
                               title: "\(category), \(series.name): \(chart.label(value))")
                    base += value
                }
            case .grouped:
                let groupWidth = band * 0.7
                let barWidth = groupWidth / Double(max(1, chart.series.count))
                for (seriesIndex, series) in chart.series.enumerated() {
                    let value = series.values.indices.contains(index) ? max(0, series.values[index]) : 0
                    let x = bandX + (band - groupWidth) / 2 + barWidth * Double(seriesIndex)
                    if value > 0 {
                        svg += bar(x: x, top: y(value), width: barWidth, bottom: y(0), fill: fill(seriesIndex, id: id),
                                   title: "\(category), \(series.name): \(chart.label(value))")
                    }
                    svg += "<text x=\"\(format(x + barWidth / 2))\" y=\"\(format(y(value) - 4))\" text-anchor=\"middle\">\(HTMLReport.escape(chart.label(value)))</text>\n"
                }
            }
            svg += "<text x=\"\(format(bandX + band / 2))\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\">\(HTMLReport.escape(category))</text>\n"
            if chart.categoryReferences.indices.contains(index), let own = chart.categoryReferences[index] {
                let position = format(y(own.value))
                svg += "<line x1=\"\(format(bandX + band * 0.1))\" y1=\"\(position)\" x2=\"\(format(bandX + band * 0.9))\" y2=\"\(position)\" stroke=\"#b3261e\" "
                    + "stroke-width=\"2.4\" stroke-dasharray=\"3 2\"><title>\(HTMLReport.escape("\(category): \(own.label)"))</title></line>"
                svg += "<text x=\"\(format(bandX + band / 2))\" y=\"\(format(y(own.value) - 4))\" text-anchor=\"middle\" font-size=\"9\" fill=\"#b3261e\">"
                    + "\(HTMLReport.escape(own.label))</text>\n"
            }
        }
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>\n"

        if let reference = chart.reference {
            let position = format(y(reference.value))
            svg += "<line x1=\"\(left)\" y1=\"\(position)\" x2=\"\(width - right)\" y2=\"\(position)\" stroke=\"#b3261e\" stroke-width=\"1.6\" stroke-dasharray=\"6 4\"/>"
            svg += "<text x=\"\(width - right)\" y=\"\(format(y(reference.value) - 5))\" text-anchor=\"end\" fill=\"#b3261e\">\(HTMLReport.escape(reference.label))</text>\n"
        }
        svg += "</g>\n</svg>"
        return svg
    }

    /// Dark and solid, hatched, then open: apart in colour and in black and white.
    private static func fill(_ index: Int, id: String) -> String {
        switch index % 3 {
        case 0: "fill=\"#1f4e79\" stroke=\"#1f4e79\""
        case 1: "fill=\"url(#\(id)-arcering)\" stroke=\"#1f4e79\""
        default: "fill=\"#ffffff\" stroke=\"#1f4e79\""
        }
    }

    private static func bar(x: Double, top: Double, width: Double, bottom: Double, fill: String, title: String) -> String {
        "<rect x=\"\(format(x))\" y=\"\(format(top))\" width=\"\(format(width))\" height=\"\(format(max(0, bottom - top)))\" \(fill) stroke-width=\"0.8\">"
            + "<title>\(HTMLReport.escape(title))</title></rect>\n"
    }

    /// A round step for about four grid lines: 1, 2, 2.5 or 5 times a power of ten (whole euros for money).
    public static func niceStep(_ maximum: Int64, unit: ReportChart.Unit) -> Int64 {
        let smallest: Int64 = unit == .money ? 100 : 1
        let raw = max(smallest, maximum / 4)
        var magnitude = smallest
        while magnitude * 10 <= raw { magnitude *= 10 }
        for factor in [10, 20, 25, 50, 100] as [Int64] where magnitude * factor / 10 >= raw {
            let step = magnitude * factor / 10
            if step % smallest == 0 { return step }
        }
        return magnitude * 10
    }

    /// About how wide a label is at 11 px, for laying out the legend.
    private static func estimatedWidth(_ text: String) -> Int { text.count * 6 }

    /// One decimal, so the SVG text is the same on every machine.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
