/// The report as one self-contained HTML file (no outside files, styles included) that prints on A4.
public enum HTMLReport {
    public static func render(_ report: YearReport) -> String {
        // Up to the first page break: the title and the summary, set a little tighter so that a full year stays one page.
        var body = "<div class=\"first-page\">\n"
        var firstPageOpen = true
        for block in report.blocks {
            switch block {
            case let .heading(level, text):
                body += "<h\(level)>\(escape(text))</h\(level)>\n"
            case .paragraph(let text):
                body += "<p>\(escape(text))</p>\n"
            case .notice(let text):
                body += "<p class=\"concept\">\(escape(text))</p>\n"
            case .bullets(let items):
                body += "<ul>\n" + items.map { "  <li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            case .numbered(let items):
                body += "<ol>\n" + items.map { "  <li>\(escape($0))</li>\n" }.joined() + "</ol>\n"
            case let .table(headings, rows, emphasis, numeric):
                body += table(headings, rows, emphasis: emphasis, numeric: numeric)
            case let .entry(title, fields):
                body += "<section class=\"entry\">\n<h4>\(escape(title))</h4>\n<dl>\n"
                    + fields.map { "  <dt>\(escape($0.label))</dt><dd>\(escape($0.value))</dd>\n" }.joined() + "</dl>\n</section>\n"
            case .chart(let chart):
                body += "<figure class=\"chart\" id=\"figuur-\(chart.number)\">\n"
                body += "<figcaption><strong>Figuur \(chart.number).</strong> \(escape(chart.title))</figcaption>\n"
                body += SVGChart.render(chart) + "\n"
                body += "<p class=\"text-alternative\">\(escape(chart.textAlternative))</p>\n"
                body += table(chart.tableHeadings, chart.tableRows, emphasis: [], numeric: chart.numericColumns)
                body += "</figure>\n"
            case .pageBreak:
                if firstPageOpen { body += "</div>\n" }
                firstPageOpen = false
                body += "<div class=\"page-break\"></div>\n"
            }
        }
        if firstPageOpen { body += "</div>\n" }
        let header = cssString("\(report.title) · \(report.authorship.organisation ?? report.dossierTitle)")
        let footer = cssString("Stand: \(report.stateDescription)")
        let mark = report.conceptMark == nil ? "" : "\n  @top-right { content: \"CONCEPT\"; font-family: Arial, sans-serif; color: #b3261e; font-weight: bold; }"
        return """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <title>\(escape(report.title + (report.conceptMark == nil ? "" : " (concept)")))</title>
        <style>
        @page { size: A4; margin: 20mm 16mm 18mm;
          @top-left { content: \(header); font-family: Arial, sans-serif; font-size: 8pt; color: #555; }\(mark)
          @bottom-left { content: \(footer); font-family: Arial, sans-serif; font-size: 8pt; color: #555; }
          @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font-family: Arial, sans-serif; font-size: 8pt; color: #555; }
        }
        body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; line-height: 1.4; color: #1a1a1a; max-width: 178mm; margin: 0 auto; }
        h1 { font-size: 18pt; color: #00457c; margin: 0 0 2mm; }
        div.first-page { font-size: 9pt; line-height: 1.3; }
        div.first-page table { font-size: 8.5pt; margin: 1.5mm 0 3mm; }
        div.first-page ul { margin: 1.5mm 0; }
        h2 { font-size: 13pt; color: #00457c; border-bottom: 0.5pt solid #00457c; margin-top: 7mm; break-after: avoid; }
        h3 { font-size: 11pt; margin-top: 5mm; break-after: avoid; }
        h4 { font-size: 10pt; margin: 0 0 1mm; break-after: avoid; }
        p.concept { border: 1pt solid #b3261e; color: #b3261e; font-weight: bold; padding: 1.5mm 2.5mm; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { border: 0.5pt solid #b0b0b0; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
        th { background: #e8eef5; }
        td.number, th.number { text-align: right; white-space: nowrap; }
        tr.emphasis td { background: #fdecea; font-weight: bold; }
        ul, ol { padding-left: 6mm; }
        section.entry { break-inside: avoid; border-left: 2pt solid #c9d9ea; padding: 0.5mm 0 0.5mm 3mm; margin: 3mm 0; }
        dl { display: grid; grid-template-columns: 34mm 1fr; gap: 0.6mm 3mm; margin: 0; font-size: 9pt; }
        dt { font-weight: bold; color: #444; }
        dd { margin: 0; }
        figure.chart { break-inside: avoid; margin: 4mm 0; }
        figure.chart svg { width: 100%; height: auto; max-height: 56mm; }
        figcaption { font-weight: normal; margin-bottom: 1mm; }
        p.text-alternative { font-size: 8.5pt; color: #333; margin: 1mm 0; }
        figure.chart table { font-size: 8.5pt; margin: 1mm 0 0; }
        figure.chart th, figure.chart td { padding: 0.5mm 1.6mm; }
        .page-break { break-before: page; }
        @media print { a { color: inherit; text-decoration: none; } }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static func table(_ headings: [String], _ rows: [[String]], emphasis: Set<Int>, numeric: Set<Int>) -> String {
        var html = "<table>\n  <thead><tr>" + headings.enumerated().map { index, heading in
            "<th\(numeric.contains(index) ? " class=\"number\"" : "")>\(escape(heading))</th>"
        }.joined() + "</tr></thead>\n  <tbody>\n"
        for (index, row) in rows.enumerated() {
            html += "    <tr\(emphasis.contains(index) ? " class=\"emphasis\"" : "")>" + row.enumerated().map { column, text in
                "<td\(numeric.contains(column) ? " class=\"number\"" : "")>\(escape(text))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "  </tbody>\n</table>\n"
    }

    /// A CSS string literal: quotes and backslashes escaped, line breaks and control characters left out.
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": result += "\\" + String(scalar)
            case "<": result += "\\3C "
            default: if scalar.value >= 0x20 && scalar.value != 0x7F { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    static func escape(_ text: String) -> String {
        var result = ""
        var afterEuro = false
        for character in text {
            // An amount stays on one line when printed: "€" and its figure are never split.
            defer { afterEuro = character == "€" }
            switch character {
            case " " where afterEuro: result += "&#160;"
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if let scalar = character.unicodeScalars.first, scalar.value < 0x20, !character.isNewline { continue }
                result.append(character)
            }
        }
        return result
    }
}

/// The report's activities as CSV, for a spreadsheet: one row per activity of the year (the ongoing ones
/// with "doorlopend" as start date), with its focus, the budget line it is charged to and what it puts on it (as
/// `dossier budget` counts it: adding up one line's rows gives that line's figure), its latest verdict, the reason to depart
/// from it, and who decided (the approval's decision).
public enum ReportCSV {
    static let headings = ["id", "titel", "focus", "soort", "status", "begindatum", "einddatum", "relaties", "organisator", "richting",
                                  "delegatie uit/naar", "geraamde kosten", "werkelijke kosten", "budgetregel", "kosten voor budget", "laatste oordeel",
                                  "afwijking", "besluit"]

    /// Whether a table's header is this one's (a report given to `import`): its columns of its own are there, read as an
    /// import reads a heading.
    static func isHeader(_ headings: [String]) -> Bool {
        let own = ["focus", "kosten voor budget", "laatste oordeel"]
        return Set(headings.compactMap { ImportHeader.column($0, known: own) }).count == own.count
    }

    public static func rows(_ report: YearReport) -> [[String]] {
        [headings]
            + report.entries.map { entry in
                let activity = entry.activity
                return [activity.id, activity.title, entry.focus.label, activity.kind.rawValue, activity.status.rawValue,
                        activity.startDate?.iso ?? (entry.isOngoing ? "doorlopend" : ""),
                        activity.endDate?.iso ?? "", report.relationNames(activity), report.organiserName(activity),
                        activity.visit?.direction.rawValue ?? "", activity.visit?.delegationFrom ?? "", activity.estimatedCost?.editableText ?? "",
                        activity.actualCost?.editableText ?? "", report.budgetLineName(activity),
                        (entry.isOngoing ? .zero : activity.chargedCost).editableText, activity.assessments.last?.verdict.rawValue ?? "",
                        entry.overrideReason ?? "", activity.approvalDecision?.trimmingSpaces() ?? ""]
            }
    }
}
