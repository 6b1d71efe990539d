/// What an import of a table would do, found by checking every row before anything is imported: the changes of the
/// rows that can be imported (in file order), the problems of those that cannot, and what the person importing should
/// know without stopping the import.
public struct ImportPlan: Sendable {
    /// A row (or the header) that cannot be imported, or a notice about one.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: String?
        public var message: String

        public var description: String {
            "regel \(line)" + (column.map { ", kolom '\($0)'" } ?? "") + ": \(message)"
        }
    }

    public var changes: [Change] = []
    public var problems: [Problem] = []
    public var notices: [Problem] = []
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// The row the header stands on: a problem there (an unknown column, an empty file, another table) is the whole file's.
    var headerLine = 1
    /// No row can be read as the file stands: then no option imports "the good rows".
    public var refusesWholeFile: Bool { problems.contains { $0.line <= headerLine } }
    /// Rows left out without a problem (an activity deleted after the export, a contact of the municipality itself), each
    /// with a notice.
    public var skipped = 0
}
