/// Telephone numbers of contacts as people write them: `0412 123 456`, `+31 (0)412-123456`.
public enum PhoneNumber {
    /// The one reader of a typed phone number; returns it trimmed, with runs of spaces made one.
    public static func read(_ text: String) throws(ValueError) -> String {
        let typed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let problem = problem(typed) { throw problem }
        if let slip = dutchLength(typed) { throw ValueError("'\(typed)' is geen telefoonnummer: \(slip)") }
        return typed
    }

    /// A Dutch number with a digit too many or too few: dialled at home (one 0 in front) it has 10 digits, after +31 or
    /// 0031 it has 9 (a "(0)" not counted). Service numbers (0800, 0900 …: 08 and 09) have other lengths and are left
    /// alone, as are numbers abroad. Only when typed: a dossier that holds one opens.
    static func dutchLength(_ number: String) -> String? {
        let digits = number.replacing("(0)", with: "").filter { $0.isASCII && $0.isNumber }
        if number.hasPrefix("+31") || digits.hasPrefix("0031") {
            let national = digits.dropFirst(number.hasPrefix("+") ? 2 : 4)
            guard !national.hasPrefix("8"), !national.hasPrefix("9"), national.count != 9 else { return nil }
            return "na 31 horen 9 cijfers, dit zijn er \(national.count) (zoals +31 412 123 456)"
        }
        guard digits.hasPrefix("0"), !digits.hasPrefix("00"), !digits.hasPrefix("08"), !digits.hasPrefix("09"), digits.count != 10 else { return nil }
        return "een Nederlands nummer heeft 10 cijfers, dit heeft er \(digits.count) (zoals 0412 123 456)"
    }

    /// What is wrong with a number, or nil: digits with spaces, `-`, `/`, `.` or brackets between them, a `+`
    /// only in front, and 6 to 15 digits (ITU E.164 allows at most 15).
    public static func problem(_ number: String) -> ValueError? {
        var digits = 0
        var isValid = true
        for (offset, character) in number.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case " ", "-", "/", ".", "(", ")": break
            case "+": if offset != 0 { isValid = false }
            default: isValid = false
            }
        }
        guard isValid, (6...15).contains(digits) else {
            return ValueError("'\(number)' is geen telefoonnummer (zoals 0412 123 456 of +31 412 123 456)")
        }
        return nil
    }

    /// A number of digits only that begins with 0 (`0612345678`, `004915112345678`), as a CSV cell: with an apostrophe in
    /// front, so a spreadsheet keeps it as text. Read as a number, Excel drops the zeros, and writes a long one back as
    /// `4,91511E+12`: its digits gone. `fromSpreadsheet` takes the apostrophe off again.
    public static func forSpreadsheet(_ phone: String) -> String {
        phone.hasPrefix("0") && phone.allSatisfy { $0.isASCII && $0.isNumber } ? "'" + phone : phone
    }

    /// A phone cell read from a CSV file, without the apostrophe `forSpreadsheet` put before its digits.
    public static func fromSpreadsheet(_ cell: String) -> String {
        let rest = cell.dropFirst()
        return cell.hasPrefix("'") && rest.hasPrefix("0") && rest.allSatisfy({ $0.isASCII && $0.isNumber }) ? String(rest) : cell
    }

    /// Whether a cell is the stored number as a spreadsheet writes it back after reading it as a number: its digits
    /// alone, without the leading zeros (`0612345678` → `612345678`, `0031 6 …` → `316…`).
    public static func lostLeadingZero(_ cell: String, of stored: String) -> Bool {
        let digits = stored.filter { $0.isASCII && $0.isNumber }
        return !cell.isEmpty && cell.allSatisfy { $0.isASCII && $0.isNumber } && digits.hasPrefix("0") && digits.drop { $0 == "0" } == cell
    }
}
