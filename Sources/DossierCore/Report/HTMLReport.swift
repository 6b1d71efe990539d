/// The report as one self-contained HTML file (no outside files, styles included) that prints on A4.
public enum HTMLReport {
    public static func render(_ report: YearReport) -> String {
        var body = ""
        for block in report.blocks {
            switch block {
            case let .heading(level, text):
                body += "<h\(level)>\(escape(text))</h\(level)>\n"
            case .paragraph(let text):
                body += "<p>\(escape(text))</p>\n"
            case .bullets(let items):
                body += "<ul>\n" + items.map { "  <li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            case let .table(headings, rows, emphasis, numeric):
                body += "<table>\n  <thead><tr>" + headings.enumerated().map { index, heading in
                    "<th\(numeric.contains(index) ? " class=\"number\"" : "")>\(escape(heading))</th>"
                }.joined() + "</tr></thead>\n  <tbody>\n"
                for (index, row) in rows.enumerated() {
                    body += "    <tr\(emphasis.contains(index) ? " class=\"emphasis\"" : "")>" + row.enumerated().map { column, text in
                        "<td\(numeric.contains(column) ? " class=\"number\"" : "")>\(escape(text))</td>"
                    }.joined() + "</tr>\n"
                }
                body += "  </tbody>\n</table>\n"
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <title>\(escape("Jaarverslag internationalisering \(report.year)"))</title>
        <style>
        @page { size: A4; margin: 18mm 16mm; }
        body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; line-height: 1.4; color: #1a1a1a; max-width: 178mm; margin: 0 auto; }
        h1 { font-size: 18pt; color: #00457c; margin-bottom: 2mm; }
        h2 { font-size: 13pt; color: #00457c; border-bottom: 0.5pt solid #00457c; margin-top: 8mm; page-break-after: avoid; }
        h3 { font-size: 11pt; margin-top: 5mm; page-break-after: avoid; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        th, td { border: 0.5pt solid #b0b0b0; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
        th { background: #e8eef5; }
        td.number, th.number { text-align: right; white-space: nowrap; }
        tr.emphasis td { background: #fdecea; font-weight: bold; }
        @media print { a { color: inherit; text-decoration: none; } }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
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

/// The report's activities as CSV, for a spreadsheet: one row per activity of the year, with its costs
/// for the budget and its latest verdict.
public enum ReportCSV {
    public static func rows(_ report: YearReport) -> [[String]] {
        [["id", "titel", "soort", "status", "begindatum", "einddatum", "relaties", "organisator", "richting", "delegatie uit/naar",
          "geraamde kosten", "werkelijke kosten", "kosten voor budget", "laatste oordeel", "afwijking"]]
            + report.activities.map { activity in
                let assessed = report.assessments.first { $0.activity.id == activity.id }
                return [activity.id, activity.title, activity.kind.rawValue, activity.status.rawValue, activity.startDate?.iso ?? "",
                        activity.endDate?.iso ?? "", report.relationNames(activity), report.organiserName(activity),
                        activity.visit?.direction.rawValue ?? "", activity.visit?.delegationFrom ?? "", activity.estimatedCost?.editableText ?? "",
                        activity.actualCost?.editableText ?? "", activity.budgetedCost.editableText, activity.assessments.last?.verdict.rawValue ?? "",
                        assessed?.overrideReason ?? ""]
            }
    }
}
