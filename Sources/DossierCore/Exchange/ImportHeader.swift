/// The header of a table being imported: where each known column stands. A header whose columns are mostly unknown
/// (another table: relations for activities) is said once; a column unknown or named twice is refused by name.
struct ImportHeader {
    /// Known headings (lowercased) by their place in a row.
    var columns: [String: Int] = [:]
    var problems: [ImportPlan.Problem] = []
    /// The cells a row must have: up to the last named column (a column without a name after it holds nothing).
    let width: Int
    /// Most columns are unknown: the one problem says so, and nothing else is worth checking.
    private(set) var isOtherTable = false

    /// `table`: what the rows are ("activiteiten"); `export`: the `--what` of the export that writes such a table.
    init(_ header: CSV.Record, known: [String], table: String, export: String) {
        width = (header.fields.lastIndex { !$0.trimmingSpaces().isEmpty } ?? -1) + 1
        let knownList = known.joined(separator: ", ")
        let named = header.fields.filter { !$0.trimmingSpaces().isEmpty }
        let unknown = named.filter { !known.contains($0.trimmingSpaces().lowercased()) }
        if unknown.count * 2 > named.count {
            let some = unknown.prefix(4).map { "'\($0)'" }.joined(separator: ", ") + (unknown.count > 4 ? " …" : "")
            problems.append(ImportPlan.Problem(line: header.line, column: nil, message: "dit is geen tabel van \(table): \(unknown.count) van de "
                                                   + "\(named.count) kolommen zijn onbekend (\(some)); verwacht de kopregel van dossier export --what \(export): \(knownList)"))
            isOtherTable = true
            return
        }
        for (index, heading) in header.fields.enumerated() {
            let name = heading.trimmingSpaces().lowercased()
            if name.isEmpty { continue }
            guard known.contains(name) else {
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

    /// The header of `records` read, its problems added to `problems`; nil when there is no header (an empty file) or it is
    /// another table's (`other`: that table, the `import` that reads it and its columns: named as the answer).
    static func read(_ records: [CSV.Record], known: [String], table: String, export: String,
                     other: (table: String, command: String, known: [String]), problems: inout [ImportPlan.Problem]) -> (ImportHeader, CSV.Record)? {
        guard let header = records.first else {
            problems.append(emptyFile(known: known))
            return nil
        }
        var read = ImportHeader(header, known: known, table: table, export: export)
        read.pointTo(other.table, command: other.command, known: other.known, header: header)
        problems += read.problems
        return read.isOtherTable ? nil : (read, header)
    }

    /// Says, for a header of another table, that it is the other table the program imports (`what`, `command`), when every
    /// named column is one of that table's (`known`).
    private mutating func pointTo(_ what: String, command: String, known: [String], header: CSV.Record) {
        let named = header.fields.map { $0.trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
        guard isOtherTable, !named.isEmpty, named.allSatisfy(known.contains) else { return }
        problems = [ImportPlan.Problem(line: header.line, column: nil, message: "dit is een tabel van \(what): importeer die met dossier import \(command)")]
    }

    /// "the file is empty" with the header expected.
    private static func emptyFile(known: [String]) -> ImportPlan.Problem {
        ImportPlan.Problem(line: 1, column: nil, message: "het bestand is leeg; verwacht een kopregel met \(known.joined(separator: ", "))")
    }
}
