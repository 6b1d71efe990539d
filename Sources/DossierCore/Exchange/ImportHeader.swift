/// The header of a table being imported: where each known column stands. A header whose columns are mostly unknown
/// (another table: relations for activities) is said once, naming the import it belongs to when there is one; a column
/// unknown or named twice is refused by name.
struct ImportHeader {
    /// The header's row.
    let record: CSV.Record
    /// Known headings (lowercased) by their place in a row.
    private(set) var columns: [String: Int] = [:]
    /// The cells a row must have: up to the last named column (a column without a name after it holds nothing).
    let width: Int

    /// The header of `records`, its problems added to `problems`; nil when there is none (an empty file) or it is another
    /// table's. `table`: what the rows are ("activiteiten"); `export`: the `--what` of the export that writes such a table;
    /// `other`: the table the program also imports, the `import` that reads it and its columns.
    init?(_ records: [CSV.Record], known: [String], table: String, export: String, other: (table: String, command: String, known: [String]),
          problems: inout [ImportPlan.Problem]) {
        let knownList = known.joined(separator: ", ")
        guard let header = records.first else {
            problems.append(ImportPlan.Problem(line: 1, column: nil, message: "het bestand is leeg; verwacht een kopregel met \(knownList)"))
            return nil
        }
        record = header
        width = (header.fields.lastIndex { !$0.trimmingSpaces().isEmpty } ?? -1) + 1
        if ReportCSV.isHeader(header.fields) {
            problems.append(ImportPlan.Problem(line: header.line, column: nil, message: "dit is het jaarverslag als tabel (dossier report --format csv), "
                + "geen tabel om te importeren; wijzig \(table) in een tabel van dossier export --what \(export) en importeer die"))
            return nil
        }
        let named = header.fields.filter { !$0.trimmingSpaces().isEmpty }
        let unknown = named.filter { ImportHeader.column($0, known: known) == nil }
        if unknown.count * 2 > named.count {
            if named.allSatisfy({ other.known.contains($0.trimmingSpaces().lowercased()) }) {
                problems.append(ImportPlan.Problem(line: header.line, column: nil,
                                                   message: "dit is een tabel van \(other.table): importeer die met dossier import \(other.command)"))
            } else {
                let some = unknown.prefix(4).map { "'\($0)'" }.joined(separator: ", ") + (unknown.count > 4 ? " …" : "")
                let which = named.count == 1 ? "de enige kolom is onbekend" : unknown.count == named.count ? "geen van de \(named.count) kolommen is bekend"
                    : "\(unknown.count) van de \(named.count) kolommen zijn onbekend"
                problems.append(ImportPlan.Problem(line: header.line, column: nil, message: "dit is geen tabel van \(table): \(which) (\(some)); "
                    + "verwacht de kopregel van dossier export --what \(export): \(knownList)"))
            }
            return nil
        }
        for (index, heading) in header.fields.enumerated() {
            if heading.trimmingSpaces().isEmpty { continue }
            guard let name = ImportHeader.column(heading, known: known) else {
                problems.append(ImportPlan.Problem(line: header.line, column: heading, message: "onbekende kolom; bekende kolommen: \(knownList)"))
                continue
            }
            // Twice, the second would quietly win over the first: which one is meant, the file must say.
            guard columns[name] == nil else {
                problems.append(ImportPlan.Problem(line: header.line, column: heading, message: "deze kolom staat twee keer in de kopregel"))
                continue
            }
            columns[name] = index
        }
    }

    /// The known column a heading names: the same letters and digits, whatever the case, spaces and hyphens ("E-mail", "email",
    /// "Geraamde kosten"), or a name other programs give it (abook, Outlook: "E-mailadres", "Telefoonnummer").
    static func column(_ heading: String, known: [String]) -> String? {
        func letters(_ text: String) -> String { String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) }
        let typed = letters(heading)
        if let match = known.first(where: { letters($0) == typed }) { return match }
        let otherNames = ["emailadres": "e-mail", "mail": "e-mail", "telefoonnummer": "telefoon", "mobiel": "telefoon", "tel": "telefoon"]
        return otherNames[typed].flatMap { known.contains($0) ? $0 : nil }
    }
}
