/// A bar chart of the yearly report: what to draw (categories, series, a reference line), a text
/// alternative that says what it shows, and its numbers as a table for those who print in black and
/// white or do not see the picture. HTML draws it as inline SVG (`SVGChart`); Markdown gives the text and
/// the table, so both say the same.
public struct ReportChart: Sendable {
    public enum Layout: Sendable {
        /// Series on top of each other (spent, committed, left of one budget).
        case stacked
        /// Series side by side (incoming and outgoing visits).
        case grouped
    }

    public enum Unit: Sendable {
        /// Values in cents.
        case money
        case count
    }

    public struct Series: Sendable {
        public var name: String
        public var values: [Int64]

        public init(name: String, values: [Int64]) {
            self.name = name
            self.values = values
        }
    }

    public struct Reference: Sendable {
        public var value: Int64
        public var label: String

        public init(value: Int64, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// "Figuur N", counted through the report; also makes the SVG's ids unique.
    public var number: Int
    public var title: String
    public var layout: Layout
    public var unit: Unit
    public var categories: [String]
    public var series: [Series]
    public var reference: Reference?
    /// Per category, where its own reference lies when it differs from the line's (a year the council set another budget
    /// for): drawn as a mark across that bar, so that a bar over its own year's amount shows as over. Empty: none.
    public var categoryReferences: [Reference?] = []
    /// What the chart shows, in words.
    public var textAlternative: String
    public var tableHeadings: [String]
    public var tableRows: [[String]]
    public var numericColumns: Set<Int>

    public init(number: Int, title: String, layout: Layout, unit: Unit, categories: [String], series: [Series], reference: Reference?,
                textAlternative: String, tableHeadings: [String], tableRows: [[String]], numericColumns: Set<Int>) {
        self.number = number
        self.title = title
        self.layout = layout
        self.unit = unit
        self.categories = categories
        self.series = series
        self.reference = reference
        self.textAlternative = textAlternative
        self.tableHeadings = tableHeadings
        self.tableRows = tableRows
        self.numericColumns = numericColumns
    }

    /// A value as the axis and the table say it: `€ 4.000` (whole euros) or `3`.
    public func label(_ value: Int64) -> String {
        unit == .count ? String(value) : Self.euros(value)
    }

    /// An amount in cents without ",00" when it is whole: `€ 16.000`.
    public static func euros(_ cents: Int64) -> String {
        let formatted = Money(cents: cents).formatted
        return formatted.hasSuffix(",00") ? String(formatted.dropLast(3)) : formatted
    }
}
