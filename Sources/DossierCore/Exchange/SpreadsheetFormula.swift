/// Keeping a CSV cell from being read as a formula by a spreadsheet (OWASP "CSV injection"): a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets an apostrophe in front, which Excel and
/// LibreOffice read as "this is text". A plain negative number (`-5`, `-1250,50`) is no formula and stays
/// a number. Cells that already start with apostrophes before such a character get one more, so that
/// `restored` (used by the import) gives back exactly the text that was exported: `'=x` ↔ `''=x`,
/// while `'s-Hertogenbosch` is left alone both ways.
public enum SpreadsheetFormula {
    /// The cell as it is written to a CSV file.
    public static func neutralised(_ cell: String) -> String {
        guard startsFormula(afterApostrophesIn: cell) else { return cell }
        if !cell.hasPrefix("'") && isPlainNegativeNumber(cell) { return cell }
        return "'" + cell
    }

    /// The text a cell read from a CSV file stands for: one apostrophe less before a formula character.
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), startsFormula(afterApostrophesIn: cell) else { return cell }
        return String(cell.dropFirst())
    }

    /// Whether the first character after any leading apostrophes is one a spreadsheet starts a formula with.
    private static func startsFormula(afterApostrophesIn cell: String) -> Bool {
        guard let first = cell.utf8.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    /// `-5`, `-1250,50`, `-3.5`: a minus sign, digits, and at most one decimal mark followed by digits.
    private static func isPlainNegativeNumber(_ cell: String) -> Bool {
        let bytes = Array(cell.utf8.dropFirst())
        guard cell.utf8.first == UInt8(ascii: "-"), let firstByte = bytes.first, (48...57).contains(firstByte) else { return false }
        var seenMark = false
        for (index, byte) in bytes.enumerated() {
            if (48...57).contains(byte) { continue }
            guard !seenMark, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "."), index + 1 < bytes.count else { return false }
            seenMark = true
        }
        return true
    }
}
